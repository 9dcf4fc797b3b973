/**
 * Word (.docx) → SourceDoc: unzip the main document part and walk its XML once (own scanner, xml-scan.ts).
 * Paragraphs become lines and tables rows of cells, in the same shape as the HTML reader. Tracked
 * changes are read as accepted, content-control placeholders as blank, text boxes in place, Word's
 * automatic list labels (docx-numbering.ts) in front of their paragraphs, embedded documents
 * (altChunk: HTML, MHTML, text) where they sit.
 */
import type { SourceDoc, SourceLine } from '../model.ts';
import { decodeText } from './decode.ts';
import { type Numbering, nextLabel, parseNumbering, resolveNum } from './docx-numbering.ts';
import { FlowBuilder, type CellSpec } from './flow.ts';
import { INVISIBLE, readHtml } from './html.ts';
import { extractMhtmlHtml, looksLikeMhtml } from './mhtml.ts';
import { readText } from './text.ts';
import type { Unreadable } from './index.ts';
import { attrValue, decodeUtf8, decodeXmlEntities, namespaces, scanXml } from './xml-scan.ts';
import { extractRecord, listZip, type ZipRecord } from './zip-format.ts';

/** Largest main document part we inflate (a real report's is well under 5 MB). */
const MAX_DOCUMENT_XML = 100 * 1024 * 1024;

const WML_NAMESPACES = new Set([
  'http://schemas.openxmlformats.org/wordprocessingml/2006/main',
  'http://purl.oclc.org/ooxml/wordprocessingml/main',
]);

/** Drops invisible characters, collapses spaces (no-break spaces included, as the HTML reader does), trims. */
function normalizeWord(raw: string): string {
  return raw.replace(INVISIBLE, '').replace(/[ \u00a0]+/g, ' ').trim();
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
      // One linear pass over the tags (no nested quantifiers on untrusted text).
      for (const m of xml.matchAll(/<Relationship\b[^>]*>/g)) {
        if (!/Type="[^"]*\/officeDocument"/.test(m[0])) continue;
        const t = /Target="([^"]+)"/.exec(m[0]);
        if (t) target = (t[1] as string).replace(/^\//, '');
        break;
      }
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
  return readDocumentXml(xml, numberingOf(bytes, records, part.name), (id) => altChunkLines(bytes, records, part.name, id));
}

/** Reads the part an altChunk points to (through the main part's relationships) into lines. */
function altChunkLines(bytes: Uint8Array, records: ZipRecord[], mainName: string, relId: string): SourceLine[] | null {
  const slash = mainName.lastIndexOf('/');
  const dir = mainName.slice(0, slash + 1);
  const get = (name: string): Uint8Array | null => {
    const rec = records.find((r) => r.name === name);
    const data = rec ? extractRecord(bytes, rec, MAX_DOCUMENT_XML) : null;
    return data instanceof Uint8Array ? data : null;
  };
  const rels = get(`${dir}_rels/${mainName.slice(slash + 1)}.rels`);
  if (!rels) return null;
  let target: string | null = null;
  for (const m of new TextDecoder().decode(rels).matchAll(/<Relationship\b[^>]*>/g)) {
    if (attrValue(m[0], 'Id') !== relId) continue;
    target = attrValue(m[0], 'Target') ?? null;
    break;
  }
  if (!target) return null;
  const path = target.startsWith('/') ? target.slice(1) : dir + target;
  const data = get(path);
  if (!data) return null;
  const ext = path.toLowerCase().split('.').pop();
  if (ext === 'mht' || ext === 'mhtml' || looksLikeMhtml(data)) {
    const part = extractMhtmlHtml(data);
    return part ? readHtml(part.bytes, part.charset).lines : null;
  }
  if (ext === 'htm' || ext === 'html' || ext === 'xhtml') return readHtml(data).lines;
  if (ext === 'txt') return readText(decodeText(data).text, 'txt').lines;
  return null;
}

/** Word's numbering definitions (and the styles that use them), when the document has any. */
function numberingOf(bytes: Uint8Array, records: ZipRecord[], mainName: string): Numbering | null {
  const dir = mainName.includes('/') ? mainName.slice(0, mainName.lastIndexOf('/') + 1) : '';
  const get = (file: string): Uint8Array | null => {
    const rec = records.find((r) => r.name === dir + file);
    const data = rec ? extractRecord(bytes, rec, 20 * 1024 * 1024) : null;
    return data instanceof Uint8Array ? data : null;
  };
  const numbering = get('numbering.xml');
  return numbering ? parseNumbering(numbering, get('styles.xml')) : null;
}

/** Codes of the WordprocessingML elements the walk reacts to (numbers: a switch on them is a jump table). */
const enum T {
  Other = 0, P, Text, Tab, Break, Hyphen, Del, Tbl, Tr, Tc, TcPr, TrPr, RPr, PPr, R, GridBefore, GridSpan,
  VMerge, HMerge, Sdt, SdtContent, ShowingPlcHdr, TxbxContent, Skip, PStyle, NumPr, NumId, Ilvl, AltChunk,
}

const CODES = new Map<string, T>([
  ['p', T.P], ['t', T.Text], ['tab', T.Tab], ['ptab', T.Tab], ['br', T.Break], ['cr', T.Break],
  ['noBreakHyphen', T.Hyphen], ['del', T.Del], ['tbl', T.Tbl], ['tr', T.Tr], ['tc', T.Tc], ['tcPr', T.TcPr],
  ['trPr', T.TrPr], ['rPr', T.RPr], ['pPr', T.PPr], ['r', T.R], ['gridBefore', T.GridBefore],
  ['gridSpan', T.GridSpan], ['vMerge', T.VMerge], ['hMerge', T.HMerge], ['sdt', T.Sdt],
  ['sdtContent', T.SdtContent], ['showingPlcHdr', T.ShowingPlcHdr], ['txbxContent', T.TxbxContent],
  ['pStyle', T.PStyle], ['numPr', T.NumPr], ['numId', T.NumId], ['ilvl', T.Ilvl], ['altChunk', T.AltChunk],
  // Subtrees with no printed text, or with deleted text.
  ...['moveFrom', 'delText', 'instrText', 'delInstrText', 'sectPr', 'tblPr', 'tblGrid', 'tblPrEx', 'rt', 'object',
    'footnoteReference', 'endnoteReference', 'commentReference',
    // Layout containers with many children and nothing to read (cheap to jump over).
    'tcBorders', 'tblBorders', 'pBdr', 'tabs', 'tcMar', 'tblCellMar', 'spacing', 'ind', 'rFonts', 'lang',
    // Tracked formatting changes keep the old properties (an old numPr must not number the paragraph).
    'pPrChange', 'rPrChange', 'tblPrChange', 'trPrChange', 'tcPrChange', 'sectPrChange', 'numberingChange',
  ].map((n): [string, T] => [n, T.Skip]),
]);

/** Marks elements of other vocabularies on the stack. */
const FOREIGN = -1;
/** `mc:Fallback`: the fallback copy of alternate content, which repeats the chosen one. */
const FALLBACK = -2;

/** Walks WordprocessingML (word/document.xml, as UTF-8 bytes or a string) into a SourceDoc in one pass. */
export function readDocumentXml(
  xml: string | Uint8Array,
  numbering: Numbering | null = null,
  altChunk: ((relId: string) => SourceLine[] | null) | null = null,
): SourceDoc {
  let bytes = typeof xml === 'string' ? new TextEncoder().encode(xml) : xml;
  // Word writes UTF-8; a UTF-16 part (allowed by XML) is turned into UTF-8 for the byte scanner.
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) bytes = new TextEncoder().encode(decodeText(bytes).text);
  const flow = new FlowBuilder({ normalize: normalizeWord, splitTabs: true });
  let prefix = 'w:';
  let rootSeen = false;
  /** Codes of the open elements (FOREIGN for other vocabularies). */
  const stack: number[] = [];
  /** Tag name → code, cached per distinct name. */
  const codes = new Map<string, number>();
  let skip = 0;
  let inText = false;
  let pending: CellSpec | null = null;
  let paraMarkDeleted = false;
  let joinNext = false;
  /** Per open w:sdt: whether it shows placeholder text instead of content. */
  const sdtPlaceholder: boolean[] = [];
  /** Paragraph text saved while a text box's own paragraphs are read. */
  const savedText: string[] = [];
  /** The open paragraph's style and own numbering, for Word's automatic labels. */
  let paraStyle: string | undefined;
  let paraNumId: string | undefined;
  let paraIlvl: number | undefined;
  /** Raw attribute text of the tag being opened. */
  let aStart = 0;
  let aEnd = 0;

  const codeOf = (name: string): number => {
    let c = codes.get(name);
    if (c === undefined) {
      const own = name.startsWith(prefix) && !name.includes(':', prefix.length);
      c = own ? (CODES.get(name.slice(prefix.length)) ?? T.Other) : name.endsWith(':Fallback') ? FALLBACK : FOREIGN;
      codes.set(name, c);
    }
    return c;
  };
  const val = (): string | undefined => attrValue(decodeUtf8(bytes, aStart, aEnd), `${prefix}val`);
  const openPendingCell = (): void => {
    if (pending) {
      flow.startCell(pending);
      pending = null;
    }
  };
  /** Skips the element just opened, with everything inside it. */
  const enterSkip = (): void => {
    stack.pop();
    skip = 1;
  };
  /** Skips an element that never nests in itself: the scanner jumps straight to its end tag. */
  const jumpOver = (): true => {
    enterSkip();
    return true;
  };

  scanXml(bytes, {
    open(name, attrStart, attrEnd) {
      aStart = attrStart;
      aEnd = attrEnd;
      if (!rootSeen) {
        rootSeen = true;
        for (const [k, v] of namespaces(decodeUtf8(bytes, attrStart, attrEnd))) if (WML_NAMESPACES.has(v)) prefix = k === '' ? '' : `${k}:`;
      }
      if (skip > 0) {
        skip++;
        return;
      }
      const tag = codeOf(name);
      const parent = stack.length > 0 ? (stack[stack.length - 1] as number) : T.Other;
      const grandparent = stack.length > 1 ? (stack[stack.length - 2] as number) : T.Other;
      stack.push(tag);
      if (tag < 0) {
        // Other vocabularies: only the fallback copy of alternate content must be skipped (it repeats the choice).
        if (tag === FALLBACK) enterSkip();
        return;
      }
      if (pending && parent === T.Tc && tag !== T.TcPr) openPendingCell();
      switch (tag) {
        case T.P:
          // Text carried over from a paragraph whose mark was deleted continues here.
          if (!joinNext) flow.breakParagraph();
          joinNext = false;
          paraStyle = paraNumId = paraIlvl = undefined;
          return;
        case T.PStyle:
          if (parent === T.PPr) paraStyle = val();
          return;
        case T.NumId:
          if (parent === T.NumPr) paraNumId = val();
          return;
        case T.Ilvl:
          if (parent === T.NumPr) paraIlvl = Number(val() ?? 0);
          return;
        case T.AltChunk: {
          // Content embedded as another document (HTML, MHTML, text, .docx), as web systems often export.
          const id = attrValue(decodeUtf8(bytes, aStart, aEnd), 'r:id');
          const lines = id && altChunk ? altChunk(id) : null;
          if (lines) flow.insertLines(lines);
          return jumpOver();
        }
        case T.Text:
          inText = true;
          return;
        case T.Tab:
          if (parent === T.R) flow.text('\t');
          return;
        case T.Break:
          if (parent === T.R) flow.breakParagraph();
          return;
        case T.Hyphen:
          flow.text('-');
          return;
        case T.Del:
          // In paragraph-mark or row properties, w:del marks the mark or row deleted; elsewhere it wraps deleted runs.
          if (parent === T.RPr && grandparent === T.PPr) paraMarkDeleted = true;
          else if (parent === T.TrPr) flow.deleteRow();
          else enterSkip();
          return;
        case T.Tbl:
          flow.startTable();
          return;
        case T.Tr:
          flow.startRow();
          return;
        case T.GridBefore:
          if (parent === T.TrPr) flow.setGridBefore(Number(val() ?? 0));
          return;
        case T.Tc:
          pending = { colSpan: 1 };
          return;
        case T.GridSpan:
          if (pending && parent === T.TcPr) pending.colSpan = Number(val() ?? 1);
          return;
        case T.VMerge:
          if (pending && parent === T.TcPr) pending.vMerge = val() === 'restart' ? 'restart' : 'continue';
          return;
        case T.HMerge:
          if (pending && parent === T.TcPr) pending.hMerge = val() === 'restart' ? 'restart' : 'continue';
          return;
        case T.Sdt:
          sdtPlaceholder.push(false);
          return;
        case T.ShowingPlcHdr:
          if (sdtPlaceholder.length > 0) sdtPlaceholder[sdtPlaceholder.length - 1] = true;
          return;
        case T.SdtContent:
          // A control still showing its placeholder ("单击此处输入文字") holds no value.
          if (sdtPlaceholder[sdtPlaceholder.length - 1]) enterSkip();
          return;
        case T.TxbxContent:
          savedText.push(flow.takeParagraph());
          return;
        case T.RPr:
          // Run properties hold no text; paragraph-mark properties (in w:pPr) may hold w:del.
          if (parent === T.R) return jumpOver();
          return;
        case T.Skip:
          return jumpOver();
      }
    },
    close() {
      if (skip > 0) {
        skip--;
        return;
      }
      switch (stack.pop()) {
        case T.P:
          if (paraMarkDeleted) joinNext = true;
          else flow.breakParagraph();
          paraMarkDeleted = false;
          return;
        case T.Text:
          inText = false;
          return;
        case T.TcPr:
          openPendingCell();
          return;
        case T.PPr:
          // The paragraph's properties are complete: put Word's automatic label in front of its text.
          if (numbering && stack[stack.length - 1] === T.P) {
            const num = resolveNum(numbering, paraNumId, paraIlvl, paraStyle);
            if (num) flow.text(nextLabel(numbering, num.numId, num.ilvl));
          }
          return;
        case T.Tc:
          openPendingCell();
          flow.endCell();
          return;
        case T.Tr:
          flow.endRow();
          return;
        case T.Tbl:
          flow.endTable();
          return;
        case T.Sdt:
          sdtPlaceholder.pop();
          return;
        case T.TxbxContent:
          flow.breakParagraph();
          flow.text(savedText.pop() ?? '');
          return;
      }
    },
    text(start, end, cdata) {
      if (inText && skip === 0) {
        const raw = decodeUtf8(bytes, start, end);
        flow.text(cdata ? raw : decodeXmlEntities(raw));
      }
    },
  });
  return { fileType: 'docx', lines: flow.finish() };
}
