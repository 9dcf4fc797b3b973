/** Bytes → SourceDoc, by what the file really is. The one entry point of the read stage. */
import type { FileType, SourceDoc } from '../model.ts';
import { decodeText } from './decode.ts';
import { readDocx } from './docx.ts';
import { readHtml } from './html.ts';
import { extractMhtmlHtml, looksLikeMhtml } from './mhtml.ts';
import { readPdf } from './pdf.ts';
import { looksLikeHtmlPage, oleKind, sniff, type Sniffed } from './sniff.ts';
import { readText } from './text.ts';
import { listZip } from './zip-format.ts';

/** A file that could not be read, with the reason in Chinese (shown to the user as it is). */
export interface Unreadable {
  unreadable: true;
  reason: string;
}

/** Text and HTML files above this size are refused rather than freezing the page (reports are < 1 MB). */
export const MAX_TEXT_BYTES = 20 * 1024 * 1024;

/** Guesses the file type from the name's extension. */
export function fileTypeOf(name: string): FileType | 'zip' | null {
  switch (extensionOf(name)) {
    case 'txt':
    case 'text':
      return 'txt';
    case 'md':
    case 'markdown':
      return 'md';
    case 'html':
    case 'htm':
    case 'shtml':
    case 'xhtml':
    case 'mht':
    case 'mhtml':
      return 'html';
    case 'docx':
    case 'docm':
    case 'dotx':
    case 'dotm':
      return 'docx';
    case 'pdf':
      return 'pdf';
    case 'zip':
      return 'zip';
    default:
      return null;
  }
}

/** Lower-case extension without the dot ('' when the name has none). */
export function extensionOf(name: string): string {
  const base = name.split(/[/\\]/).pop() ?? name;
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
}

/**
 * What the pipeline should do with a file, by content first: 'zip' means expand it with `expandZip`
 * (also a misnamed zip), anything else means `readDocument`. A Word file is a zip too, but is 'docx' here
 * whatever its name; other Office packages go to `readDocument`, which says what they are. `sniffed`: the
 * caller's `sniff(bytes)`, when it has one (so a file is sniffed once on its way through the pipeline).
 */
export function detectType(name: string, bytes: Uint8Array, sniffed?: Sniffed): FileType | 'zip' | null {
  const s = sniffed ?? sniff(bytes);
  if (s === 'pdf') return 'pdf';
  if (s !== 'zip') return fileTypeOf(name);
  const records = listZip(bytes);
  if (typeof records === 'string') return fileTypeOf(name);
  const names = new Set(records.map((r) => r.name));
  if (names.has('word/document.xml')) return 'docx';
  if (names.has('[Content_Types].xml') || names.has('mimetype')) return fileTypeOf(name) === 'zip' ? null : fileTypeOf(name);
  return 'zip';
}

function unreadable(reason: string): Unreadable {
  return { unreadable: true, reason };
}

const TO_DOCX = '请另存为 .docx 或 PDF 后再导入。';

/** Names the real content in a note when the extension said otherwise. */
function withNote<T extends SourceDoc | Unreadable>(doc: T, note: string | null): T {
  if (note && !('unreadable' in doc)) doc.notes = [...(doc.notes ?? []), note];
  return doc;
}

/**
 * Reads one (non-zip) file into a SourceDoc, or says why it cannot. Never throws. `sniffed`: `sniff(bytes)`
 * when the caller already has it (see detectType); computed here otherwise.
 */
export async function readDocument(name: string, bytes: Uint8Array, sniffed?: Sniffed): Promise<SourceDoc | Unreadable> {
  try {
    const doc = await dispatch(name, bytes, sniffed);
    if (!('unreadable' in doc) && !doc.lines.some((l) => l.cells.some((c) => c.text.trim() !== ''))) {
      return unreadable(`文件「${name}」没有任何文字内容（空白文档），无法读取。`);
    }
    return doc;
  } catch (e) {
    return unreadable(`读取文件「${name}」时出错，文件可能已损坏：${(e as Error)?.message ?? String(e)}`);
  }
}

async function dispatch(name: string, bytes: Uint8Array, sniffed: Sniffed | undefined): Promise<SourceDoc | Unreadable> {
  if (bytes.length === 0) return unreadable(`文件「${name}」是空文件（0 字节）。`);
  const ext = extensionOf(name);
  const shown = ext ? `.${ext}` : '（无扩展名）';
  const kind: Sniffed = sniffed ?? sniff(bytes);
  const declared = fileTypeOf(name);
  const misnamed = (what: string): string | null => (ext ? `文件扩展名为 ${shown}，但实际内容是${what}，已按实际格式读取。` : null);
  switch (kind) {
    case 'pdf':
      return withNote(await readPdf(bytes, name), declared === 'pdf' ? null : misnamed(' PDF'));
    case 'zip':
      return readZipLike(name, bytes, declared, misnamed);
    case 'ole':
      return unreadable(oleReason(name, bytes, ext));
    case 'rtf':
      return unreadable(`文件「${name}」是 RTF 格式，无法直接读取，${TO_DOCX}`);
    case 'image':
      return unreadable(`文件「${name}」是图片，没有可读取的文字；请导入年报的文字版（网页、Word 或带文字层的 PDF）。`);
    case 'binary':
      if (declared === 'pdf') return unreadable(`文件「${name}」不是有效的 PDF（缺少 %PDF 文件头），可能已损坏或扩展名有误，无法读取。`);
      if (declared === 'docx') return unreadable(`文件「${name}」已损坏，不是有效的 Word 文档（.docx），无法读取。`);
      if (declared === null && ext !== '') return unreadable(`不支持的文件类型：「${name}」（${shown}）。请导入 .txt、.md、.html、.docx、.pdf 或 .zip 文件。`);
      return unreadable(`文件「${name}」不是文本文件（含大量二进制数据），可能已损坏或扩展名有误，无法读取。`);
    default:
      return readTextLike(name, bytes, kind, ext, shown, declared);
  }
}

function readZipLike(name: string, bytes: Uint8Array, declared: FileType | 'zip' | null, misnamed: (what: string) => string | null): SourceDoc | Unreadable {
  const records = listZip(bytes);
  const names = typeof records === 'string' ? [] : records.map((r) => r.name);
  if (declared === 'docx' || names.includes('word/document.xml')) {
    return withNote(readDocx(name, bytes), declared === 'docx' ? null : misnamed(' Word 文档（.docx）'));
  }
  if (typeof records === 'string') {
    return unreadable(records === 'truncated' ? `文件「${name}」不完整（文件被截断或未下载完），无法读取。` : `文件「${name}」已损坏，无法读取。`);
  }
  if (names.some((n) => n.startsWith('xl/'))) return unreadable(`文件「${name}」是 Excel 表格，不支持读取；请导入年报的网页、Word 或 PDF 文件。`);
  if (names.some((n) => n.startsWith('ppt/'))) return unreadable(`文件「${name}」是 PowerPoint 演示文稿，不支持读取；请导入年报的网页、Word 或 PDF 文件。`);
  if (names.includes('mimetype') && names.includes('content.xml')) return unreadable(`文件「${name}」是 OpenDocument（.odt 等）格式，无法直接读取，${TO_DOCX}`);
  return unreadable(`文件「${name}」是 ZIP 压缩包，需解压后逐个读取其中的文件（请以 .zip 扩展名导入）。`);
}

function oleReason(name: string, bytes: Uint8Array, ext: string): string {
  const kind = oleKind(bytes);
  if (kind === 'encrypted') return `文件「${name}」已加密（设有打开密码），无法读取；请取消密码后另存为 .docx 或 PDF 再导入。`;
  if (ext === 'wps') return `文件「${name}」是 WPS 文字的旧格式（.wps），无法直接读取，${TO_DOCX}`;
  if (kind === 'excel' || ext === 'xls' || ext === 'et') return `文件「${name}」是旧版 Excel 表格（.xls），不支持读取；请导入年报的网页、Word 或 PDF 文件。`;
  if (kind === 'powerpoint') return `文件「${name}」是旧版 PowerPoint 演示文稿，不支持读取；请导入年报的网页、Word 或 PDF 文件。`;
  return `文件「${name}」是旧版 Word 二进制格式（.doc），无法直接读取，${TO_DOCX}`;
}

function readTextLike(name: string, bytes: Uint8Array, kind: Sniffed, ext: string, shown: string, declared: FileType | 'zip' | null): SourceDoc | Unreadable {
  const oldWord = ext === 'doc' || ext === 'wps' || ext === 'wpt' || ext === 'dot';
  const mhtml = ext === 'mht' || ext === 'mhtml';
  if (declared === null && ext !== '' && !oldWord && !mhtml) return unreadable(`不支持的文件类型：「${name}」（${shown}）。请导入 .txt、.md、.html、.docx、.pdf 或 .zip 文件。`);
  if (declared === 'pdf') return unreadable(`文件「${name}」不是有效的 PDF（缺少 %PDF 文件头，内容是文本），可能扩展名有误，无法读取。`);
  if (declared === 'docx') {
    if (kind !== 'html') return unreadable(`文件「${name}」不是有效的 Word 文档（.docx），内容是纯文本，可能扩展名有误，无法读取。`);
  }
  if (declared === 'zip') return unreadable(`文件「${name}」不是有效的 ZIP 压缩包，无法解压。`);
  if (bytes.length > MAX_TEXT_BYTES) {
    return unreadable(`文件「${name}」有 ${Math.round(bytes.length / 1024 / 1024)} MB，超过文本和网页文件的上限 ${MAX_TEXT_BYTES / 1024 / 1024} MB，不像是一份年报，未读取。`);
  }
  if (ext === 'mht' || ext === 'mhtml' || looksLikeMhtml(bytes)) {
    const part = extractMhtmlHtml(bytes);
    if (!part) return unreadable(`文件「${name}」是单文件网页（MHTML），但其中找不到网页正文，无法读取。`);
    return readHtml(part.bytes, part.charset);
  }
  // Markdown may hold some HTML, and a .txt must be a whole page to be taken for one.
  const asHtml = declared === 'html' || (kind === 'html' && declared !== 'md' && (declared !== 'txt' || looksLikeHtmlPage(bytes)));
  if (asHtml) {
    // Word can "save as" web page under a .doc name; such files read as the HTML they are.
    const note = declared === 'html' ? null : `文件扩展名为 ${shown}，但内容是网页（HTML），已按网页读取。`;
    return withNote(readHtml(bytes), note);
  }
  const decoded = decodeText(bytes);
  const text = decoded.text;
  if (!surelyClean(bytes, decoded) && garbled(text)) return unreadable(`文件「${name}」不是文本文件（内容无法按文本解码），可能已损坏或扩展名有误，无法读取。`);
  const doc = readText(text, declared === 'md' ? 'md' : 'txt');
  if (oldWord) return withNote(doc, `文件扩展名为 ${shown}，但内容是纯文本，已按文本读取。`);
  return doc;
}

/**
 * True when `garbled` must say no, told without walking the text: UTF-8 of at most 64 KB (so the whole
 * text is garbled's sample) without replacement characters. Its control characters are its control bytes,
 * which sniff found to be at most 1 % of the bytes, hence at most 3 % of the characters (≤ 3 bytes each).
 */
function surelyClean(bytes: Uint8Array, decoded: { text: string; encoding: string }): boolean {
  return decoded.encoding === 'utf-8' && bytes.length <= 65536 && !decoded.text.includes('\ufffd');
}

/** Decoded text full of replacement or control characters was not text to begin with. */
function garbled(text: string): boolean {
  const sample = text.slice(0, 65536);
  if (sample.length === 0) return false;
  let bad = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c === 0xfffd || (c < 0x20 && c !== 9 && c !== 10 && c !== 12 && c !== 13 && c !== 11 && c !== 27)) bad++;
  }
  return bad / sample.length > 0.05;
}
