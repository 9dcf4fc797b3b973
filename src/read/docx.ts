/**
 * Word (.docx) → SourceDoc: unzip the main document part and walk its XML once (own scanner, xml-scan.ts).
 * Paragraphs become lines and tables rows of cells, in the same shape as the HTML reader. Tracked
 * changes are read as accepted, content-control placeholders as blank, text boxes in place.
 */
import type { SourceDoc } from '../model.ts';
import { decodeText } from './decode.ts';
import { FlowBuilder, type CellSpec } from './flow.ts';
import type { Unreadable } from './index.ts';
import { attrValue, decodeXmlEntities, namespaces, scanXml } from './xml-scan.ts';
import { extractRecord, listZip, type ZipRecord } from './zip-format.ts';

/** Largest main document part we inflate (a real report's is well under 5 MB). */
const MAX_DOCUMENT_XML = 100 * 1024 * 1024;

const WML_NAMESPACES = new Set([
  'http://schemas.openxmlformats.org/wordprocessingml/2006/main',
  'http://purl.oclc.org/ooxml/wordprocessingml/main',
]);

/** WordprocessingML elements whose whole subtree carries no printed text (or text that was deleted). */
const SKIP = new Set([
  'del', 'moveFrom', 'delText', 'instrText', 'delInstrText', 'sectPr', 'tblPr', 'tblGrid', 'tblPrEx', 'rt',
  'object', 'footnoteReference', 'endnoteReference', 'commentReference',
]);

/** Collapses spaces (no-break spaces included, as the HTML reader does) and trims. */
function normalizeWord(raw: string): string {
  return raw.replace(/[ \u00a0]+/g, ' ').trim();
}

function reason(name: string, what: string): Unreadable {
  return { unreadable: true, reason: `文件「${name}」${what}` };
}

/** Finds the main document part through the package relationships, falling back to word/document.xml. */
function mainPart(bytes: Uint8Array, records: ZipRecord[]): ZipRecord | undefined {
  const byName = new Map(records.map((r) => [r.name, r]));
  const rels = byName.get('_rels/.rels');
  let target = 'word/document.xml';
  if (rels) {
    const data = extractRecord(bytes, rels, 1024 * 1024);
    if (typeof data !== 'string') {
      const xml = new TextDecoder().decode(data);
      const m = /<Relationship\b[^>]*Type="[^"]*\/officeDocument"[^>]*>/.exec(xml);
      const t = m ? /Target="([^"]+)"/.exec(m[0]) : null;
      if (t) target = (t[1] as string).replace(/^\//, '');
    }
  }
  return byName.get(target) ?? records.find((r) => r.name.toLowerCase() === 'word/document.xml');
}

/** Reads .docx bytes into a SourceDoc, or says in Chinese why it cannot. Never throws. */
export function readDocx(name: string, bytes: Uint8Array): SourceDoc | Unreadable {
  const records = listZip(bytes);
  if (records === 'truncated') return reason(name, '不完整（文件被截断或未下载完），无法作为 Word 文档读取。');
  if (typeof records === 'string') return reason(name, '已损坏，不是有效的 Word 文档（.docx），无法读取。');
  const part = mainPart(bytes, records);
  if (!part) {
    if (records.some((r) => r.name.startsWith('xl/'))) return reason(name, '是 Excel 表格，不是 Word 文档；请导入年报的 Word、PDF 或网页文件。');
    if (records.some((r) => r.name.startsWith('ppt/'))) return reason(name, '是 PowerPoint 演示文稿，不是 Word 文档；请导入年报的 Word、PDF 或网页文件。');
    return reason(name, '中找不到 Word 正文（word/document.xml），文件已损坏或不是 Word 文档。');
  }
  const xml = extractRecord(bytes, part, MAX_DOCUMENT_XML);
  switch (xml) {
    case 'encrypted':
      return reason(name, '的正文已加密，无法读取；请取消密码后另存为 .docx 再导入。');
    case 'too-big':
      return reason(name, `的正文解压后超过 ${MAX_DOCUMENT_XML / 1024 / 1024} MB 或与声明的大小不符，疑似压缩炸弹，已拒绝读取。`);
    case 'method':
      return reason(name, '使用了不支持的压缩方式，请用 Word 重新另存为 .docx 再导入。');
    case 'truncated':
      return reason(name, '不完整（文件被截断或未下载完），无法读取正文。');
    case 'corrupt':
    case 'not-zip':
      return reason(name, '已损坏（正文数据校验失败），无法读取；请用 Word 打开修复后另存为 .docx 再导入。');
  }
  return readDocumentXml(decodeText(xml).text);
}

/** Walks WordprocessingML (word/document.xml) into a SourceDoc in one pass. */
export function readDocumentXml(xml: string): SourceDoc {
  const flow = new FlowBuilder({ normalize: normalizeWord, splitTabs: true });
  let prefix = 'w:';
  let rootSeen = false;
  /** Local names of the open WordprocessingML elements (null for other vocabularies). */
  const stack: (string | null)[] = [];
  /** Tag name → local WordprocessingML name (null for other vocabularies), cached per distinct name. */
  const locals = new Map<string, string | null>();
  let skip = 0;
  let inText = false;
  let pending: CellSpec | null = null;
  let paraMarkDeleted = false;
  let joinNext = false;
  /** Per open w:sdt: whether it shows placeholder text instead of content. */
  const sdtPlaceholder: boolean[] = [];
  /** Paragraph text saved while a text box's own paragraphs are read. */
  const savedText: string[] = [];

  const local = (name: string): string | null => {
    let l = locals.get(name);
    if (l === undefined) {
      l = name.startsWith(prefix) && !name.includes(':', prefix.length) ? name.slice(prefix.length) : null;
      locals.set(name, l);
    }
    return l;
  };
  /** Raw attribute text of the tag being opened. */
  let aStart = 0;
  let aEnd = 0;
  const attrs = (): string => xml.slice(aStart, aEnd);
  const val = (): string | undefined => attrValue(attrs(), `${prefix}val`);
  const openPendingCell = (): void => {
    if (pending) {
      flow.startCell(pending);
      pending = null;
    }
  };

  scanXml(xml, {
    open(name, attrStart, attrEnd) {
      aStart = attrStart;
      aEnd = attrEnd;
      if (!rootSeen) {
        rootSeen = true;
        for (const [k, v] of namespaces(attrs())) if (WML_NAMESPACES.has(v)) prefix = k === '' ? '' : `${k}:`;
      }
      if (skip > 0) {
        skip++;
        return;
      }
      const tag = local(name);
      const parent = stack.length > 0 ? stack[stack.length - 1] : null;
      const grandparent = stack.length > 1 ? stack[stack.length - 2] : null;
      stack.push(tag);
      if (tag === null) {
        // Other vocabularies: only the fallback copy of alternate content must be skipped (it repeats the choice).
        if (name.endsWith(':Fallback')) {
          stack.pop();
          skip = 1;
        }
        return;
      }
      if (pending && parent === 'tc' && tag !== 'tcPr') openPendingCell();
      switch (tag) {
        case 'p':
          // Text carried over from a paragraph whose mark was deleted continues here.
          if (!joinNext) flow.breakParagraph();
          joinNext = false;
          return;
        case 't':
          inText = true;
          return;
        case 'tab':
        case 'ptab':
          if (parent === 'r') flow.text('\t');
          return;
        case 'br':
        case 'cr':
          if (parent === 'r') flow.breakParagraph();
          return;
        case 'noBreakHyphen':
          flow.text('-');
          return;
        case 'del':
          // In paragraph-mark or row properties, w:del marks the mark or row deleted; elsewhere it wraps deleted runs.
          if (parent === 'rPr' && grandparent === 'pPr') paraMarkDeleted = true;
          else if (parent === 'trPr') flow.deleteRow();
          else enterSkip();
          return;
        case 'tbl':
          flow.startTable();
          return;
        case 'tr':
          flow.startRow();
          return;
        case 'gridBefore':
          if (parent === 'trPr') flow.setGridBefore(Number(val() ?? 0));
          return;
        case 'tc':
          pending = { colSpan: 1 };
          return;
        case 'gridSpan':
          if (pending && parent === 'tcPr') pending.colSpan = Number(val() ?? 1);
          return;
        case 'vMerge':
          if (pending && parent === 'tcPr') pending.vMerge = val() === 'restart' ? 'restart' : 'continue';
          return;
        case 'hMerge':
          if (pending && parent === 'tcPr') pending.hMerge = val() === 'restart' ? 'restart' : 'continue';
          return;
        case 'sdt':
          sdtPlaceholder.push(false);
          return;
        case 'showingPlcHdr':
          if (sdtPlaceholder.length > 0) sdtPlaceholder[sdtPlaceholder.length - 1] = true;
          return;
        case 'sdtContent':
          // A control still showing its placeholder ("单击此处输入文字") holds no value.
          if (sdtPlaceholder[sdtPlaceholder.length - 1]) enterSkip();
          return;
        case 'txbxContent':
          savedText.push(flow.takeParagraph());
          return;
        case 'rPr':
          // Run properties hold no text; paragraph-mark properties (in w:pPr) may hold w:del.
          if (parent === 'r') enterSkip();
          return;
        default:
          if (SKIP.has(tag)) enterSkip();
      }
    },
    close(name) {
      if (skip > 0) {
        skip--;
        return;
      }
      const tag = stack.pop();
      if (tag === null || tag === undefined) return;
      switch (tag) {
        case 'p':
          if (paraMarkDeleted) joinNext = true;
          else flow.breakParagraph();
          paraMarkDeleted = false;
          return;
        case 't':
          inText = false;
          return;
        case 'tcPr':
          openPendingCell();
          return;
        case 'tc':
          openPendingCell();
          flow.endCell();
          return;
        case 'tr':
          flow.endRow();
          return;
        case 'tbl':
          flow.endTable();
          return;
        case 'sdt':
          sdtPlaceholder.pop();
          return;
        case 'txbxContent':
          flow.breakParagraph();
          flow.text(savedText.pop() ?? '');
          return;
      }
      void name;
    },
    text(raw, cdata) {
      if (inText && skip === 0) flow.text(cdata ? raw : decodeXmlEntities(raw));
    },
  });
  return { fileType: 'docx', lines: flow.finish() };

  /** Skips the element just opened, with everything inside it. */
  function enterSkip(): void {
    stack.pop();
    skip = 1;
  }
}
