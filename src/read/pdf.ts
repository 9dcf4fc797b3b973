/**
 * PDF → SourceDoc with pdf.js (legacy build), run in the calling thread: no nested worker, no network,
 * no `document`. CMaps come from `pdf-cmaps.ts`; standard font data is never fetched (text extraction
 * does not need it). Geometry (runs → lines → cells) lives in `pdf-layout.ts`.
 */
// pdf.js 6 needs Promise.withResolvers (Node 20, Chromium < 119): installed before pdf.js loads.
import '../polyfills.ts';
import type { SourceDoc } from '../model.ts';
import type { Unreadable } from './index.ts';
import { getCMapLoader } from './pdf-cmaps.ts';
import { layoutPages, type PdfItem, type PdfPage } from './pdf-layout.ts';

/** Pages read at most; longer files are cut with a note (annual reports have 5–30 pages). */
export const MAX_PAGES = 200;
/** Time budget for one file: pages after it are skipped with a note. */
export const TIME_BUDGET_MS = 30_000;
/** Hard limit for opening the document (a corrupt file must never hang the queue). */
const OPEN_TIMEOUT_MS = 20_000;

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
type LoadingTask = ReturnType<PdfJs['getDocument']>;
type PdfDoc = Awaited<LoadingTask['promise']>;

let pdfjs: Promise<PdfJs> | null = null;

/** Loads pdf.js once, with its worker module installed as `globalThis.pdfjsWorker` (no nested worker). */
function loadPdfJs(): Promise<PdfJs> {
  pdfjs ??= (async () => {
    const [lib, worker] = await Promise.all([import('pdfjs-dist/legacy/build/pdf.mjs'), import('pdfjs-dist/legacy/build/pdf.worker.mjs')]);
    (globalThis as unknown as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
    return lib;
  })();
  return pdfjs;
}

/** pdf.js asks this for binary data; only CMaps are served (from the injectable loader), nothing is fetched. */
class OfflineDataFactory {
  constructor(_options: unknown) {
    void _options;
  }
  /** Serves `<name>.bcmap`; standard fonts and wasm are refused, which pdf.js tolerates for text extraction. */
  async fetch({ kind, filename }: { kind: string; filename: string }): Promise<Uint8Array> {
    if (kind === 'cMapUrl' && filename.endsWith('.bcmap')) return getCMapLoader()(filename.slice(0, -'.bcmap'.length));
    throw new Error(`offline: no ${kind} ${filename}`);
  }
}

async function open(bytes: Uint8Array): Promise<{ task: LoadingTask; lib: PdfJs }> {
  const lib = await loadPdfJs();
  const task = lib.getDocument({
    // pdf.js transfers (detaches) the buffer it is given: hand it a copy so the caller's bytes stay usable.
    data: bytes.slice(),
    BinaryDataFactory: OfflineDataFactory,
    useWorkerFetch: false,
    disableFontFace: true,
    useSystemFonts: false,
    isEvalSupported: false,
    isOffscreenCanvasSupported: false,
    useWasm: false,
    disableAutoFetch: true,
    disableStream: true,
    disableRange: true,
    verbosity: 0,
  } as Parameters<PdfJs['getDocument']>[0]);
  return { task, lib };
}

/** Text runs of one page in top-down coordinates. */
async function pageItems(doc: PdfDoc, lib: PdfJs, no: number): Promise<PdfPage> {
  const page = await doc.getPage(no);
  const vp = page.getViewport({ scale: 1 });
  const content = await page.getTextContent();
  const items: PdfItem[] = [];
  for (const it of content.items) {
    if (!('str' in it) || it.str === '') continue;
    const m = lib.Util.transform(vp.transform, it.transform) as number[];
    items.push({ str: it.str, x: m[4], y: m[5], w: it.width, size: Math.hypot(m[2], m[3]) });
  }
  page.cleanup();
  return { page: no, width: vp.width, height: vp.height, items };
}

/** Rejects after `ms` with a timeout error; the timer is always cleared (a dangling timer keeps Node alive). */
async function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  const g = globalThis as unknown as { setTimeout(f: () => void, ms: number): unknown; clearTimeout(h: unknown): void };
  let timer: unknown;
  const limit = new Promise<never>((_, reject) => {
    timer = g.setTimeout(() => reject(Object.assign(new Error('timeout'), { name: 'TimeoutError' })), ms);
  });
  try {
    return await Promise.race([p, limit]);
  } finally {
    g.clearTimeout(timer);
  }
}

function unreadable(reason: string): Unreadable {
  return { unreadable: true, reason };
}

/** True when `%PDF-` appears in the first 1024 bytes (where PDF readers look for the header). */
function hasPdfHeader(bytes: Uint8Array): boolean {
  const end = Math.min(bytes.length - 4, 1024);
  for (let i = 0; i < end; i++) {
    if (bytes[i] === 0x25 && bytes[i + 1] === 0x50 && bytes[i + 2] === 0x44 && bytes[i + 3] === 0x46 && bytes[i + 4] === 0x2d) return true;
  }
  return false;
}

/** Chinese reason for an error thrown by pdf.js while opening or reading. */
function reasonFor(err: unknown, name: string): string {
  const e = err as { name?: string; message?: string } | null;
  switch (e?.name) {
    case 'PasswordException':
      return `文件「${name}」已加密（需要密码才能打开），无法读取。请提供未加密的版本。`;
    case 'InvalidPDFException':
      return `文件「${name}」已损坏或不完整，不是有效的 PDF，无法读取。`;
    case 'TimeoutError':
      return `文件「${name}」读取超时（超过 ${OPEN_TIMEOUT_MS / 1000} 秒），可能已损坏，无法读取。`;
    default:
      return `文件「${name}」已损坏或格式不受支持，无法作为 PDF 读取（${e?.message ?? String(err)}）。`;
  }
}

/** Share of characters that are not real text (private-use glyph codes, U+FFFD, controls): fonts without a Unicode map. */
function garbledShare(pages: PdfPage[]): number {
  let bad = 0;
  let all = 0;
  for (const p of pages)
    for (const it of p.items)
      for (const ch of it.str) {
        if (/\s/.test(ch)) continue;
        all++;
        const c = ch.codePointAt(0) ?? 0;
        if ((c >= 0xe000 && c <= 0xf8ff) || c === 0xfffd || c < 0x20) bad++;
      }
  return all === 0 ? 0 : bad / all;
}

/** What a document without any text is, judged from the drawing operators of its first pages. */
type Textless = 'scan' | 'outlines' | 'undecodable' | 'damaged' | 'blank';

async function classifyTextless(doc: PdfDoc, lib: PdfJs, bytes: Uint8Array): Promise<Textless> {
  const ops = lib.OPS as unknown as Record<string, number>;
  const imageOps = new Set(['paintImageXObject', 'paintInlineImageXObject', 'paintImageMaskXObject', 'paintImageXObjectRepeat', 'paintInlineImageXObjectGroup', 'paintImageMaskXObjectGroup', 'paintImageMaskXObjectRepeat'].map((k) => ops[k]));
  const pages = Math.min(doc.numPages, 3);
  const textOps = new Set([ops.showText, ops.showSpacedText, ops.nextLineShowText, ops.nextLineSetSpacingShowText]);
  let total = 0;
  let paths = 0;
  let texts = 0;
  for (let no = 1; no <= pages; no++) {
    const page = await doc.getPage(no);
    const list = await page.getOperatorList();
    page.cleanup();
    if (list.fnArray.some((fn) => imageOps.has(fn))) return 'scan';
    total += list.fnArray.length;
    paths += list.fnArray.filter((fn) => fn === ops.constructPath).length;
    texts += list.fnArray.filter((fn) => textOps.has(fn)).length;
  }
  // Text is drawn but none came out: its font's encoding could not be mapped (e.g. a CMap is missing).
  if (texts > 0) return 'undecodable';
  // Glyphs drawn as curves look like text to a reader but have no text layer.
  if (paths >= 50 * pages) return 'outlines';
  // Nothing drawable although the file is big: its content streams could not be decoded (pdf.js drops bad streams).
  if (total === 0 && bytes.length >= 8192 * doc.numPages) return 'damaged';
  return 'blank';
}

/** True when `%%EOF` appears in the last 1024 bytes; without it the file was most likely cut short. */
function hasEofMarker(bytes: Uint8Array): boolean {
  const tail = new TextDecoder('latin1').decode(bytes.subarray(Math.max(0, bytes.length - 1024)));
  return tail.includes('%%EOF');
}

/** Reads a PDF into lines and cells, or says in Chinese why it cannot. Never throws. */
export async function readPdf(bytes: Uint8Array, name: string): Promise<SourceDoc | Unreadable> {
  if (bytes.length === 0) return unreadable(`文件「${name}」是空文件（0 字节），无法读取。`);
  if (!hasPdfHeader(bytes)) return unreadable(`文件「${name}」不是有效的 PDF（缺少 %PDF 文件头），可能已损坏或扩展名有误，无法读取。`);
  try {
    await loadPdfJs();
  } catch (err) {
    pdfjs = null;
    return unreadable(`无法读取文件「${name}」：PDF 读取组件加载失败（${err instanceof Error ? err.message : String(err)}）。`);
  }
  let task: LoadingTask | null = null;
  try {
    const opened = await open(bytes);
    task = opened.task;
    const doc = await withTimeout(task.promise, OPEN_TIMEOUT_MS);
    if (doc.numPages === 0) return unreadable(`文件「${name}」没有任何页面，无法读取。`);
    const notes: string[] = [];
    const last = Math.min(doc.numPages, MAX_PAGES);
    if (doc.numPages > MAX_PAGES) notes.push(`文件共 ${doc.numPages} 页，只读取了前 ${MAX_PAGES} 页。`);
    const started = Date.now();
    const pages: PdfPage[] = [];
    for (let no = 1; no <= last; no++) {
      if (Date.now() - started > TIME_BUDGET_MS) {
        notes.push(`读取时间超过 ${TIME_BUDGET_MS / 1000} 秒，只读取了前 ${no - 1} 页（共 ${doc.numPages} 页）。`);
        break;
      }
      pages.push(await withTimeout(pageItems(doc, opened.lib, no), OPEN_TIMEOUT_MS));
    }
    const chars = pages.reduce((n, p) => n + p.items.reduce((m, it) => m + it.str.trim().length, 0), 0);
    if (chars === 0) {
      switch (await classifyTextless(doc, opened.lib, bytes)) {
        case 'scan':
          return unreadable(`文件「${name}」是扫描件，无文字层，无法读取。请提供带文字层的 PDF，或先做文字识别（OCR）。`);
        case 'outlines':
          return unreadable(`文件「${name}」的文字已转为图形（曲线），无文字层，无法读取。请提供原始导出的 PDF。`);
        case 'undecodable':
          return unreadable(`文件「${name}」有文字，但文字的编码无法解析（字体缺少字符映射），无法读取。`);
        case 'damaged':
          return unreadable(`文件「${name}」已损坏（页面内容无法解码），无法读取。`);
        default:
          return unreadable(`文件「${name}」的页面上没有任何文字（空白 PDF），无法读取。`);
      }
    }
    if (garbledShare(pages) > 0.5) return unreadable(`文件「${name}」的文字层无法解码（字体缺少编码信息，提取出的是乱码），无法读取。`);
    if (!hasEofMarker(bytes)) notes.push(`文件「${name}」末尾不完整（缺少 %%EOF 结束标记），可能未下载完整，部分内容可能缺失。`);
    const lines = layoutPages(pages);
    return { fileType: 'pdf', lines, pageCount: doc.numPages, ...(notes.length ? { notes } : {}) };
  } catch (err) {
    return unreadable(reasonFor(err, name));
  } finally {
    if (task) await task.destroy().catch(() => undefined);
  }
}

/** Result of the raw extraction used as the speed baseline. */
export interface RawText {
  pages: number;
  items: number;
  /** Characters of text extracted (whitespace included). */
  chars: number;
}

/**
 * Raw pdf.js text extraction with the same setup as `readPdf` (getDocument + getTextContent of every page),
 * without layout or checks: the benchmark divides `readPdf` time by this one's. Throws on bad input.
 */
export async function extractRawText(bytes: Uint8Array): Promise<RawText> {
  const { task } = await open(bytes);
  try {
    const doc = await task.promise;
    let items = 0;
    let chars = 0;
    for (let no = 1; no <= doc.numPages; no++) {
      const page = await doc.getPage(no);
      const content = await page.getTextContent();
      for (const it of content.items) {
        items++;
        if ('str' in it) chars += it.str.length;
      }
      page.cleanup();
    }
    return { pages: doc.numPages, items, chars };
  } finally {
    await task.destroy().catch(() => undefined);
  }
}
