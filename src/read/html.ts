/**
 * HTML (.html/.htm, saved web pages, Word-exported HTML) → SourceDoc, with our own tokenizer (no DOMParser in
 * workers; it gives htmlparser2's events in well under half the time). One line per block, one line per table row,
 * one cell per physical <td>/<th>.
 */
import type { SourceDoc } from '../model.ts';
import { strictUtf8 } from './decode.ts';
import { type CellSpec, FlowBuilder } from './flow.ts';
import { type HtmlHandler, type ScanOptions, scanHtml } from './html-scan.ts';

/** Elements whose content is never shown as text. */
const SKIP = [
  'script', 'style', 'title', 'noscript', 'template', 'select', 'textarea', 'iframe', 'svg', 'math', 'object',
  'xml',
];

/** Elements that start and end a line. */
const BLOCK = [
  'address', 'article', 'aside', 'blockquote', 'body', 'center', 'dd', 'details', 'dialog', 'dir', 'div', 'dl',
  'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header',
  'hgroup', 'hr', 'html', 'legend', 'li', 'main', 'menu', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'ul',
  'caption', 'thead', 'tbody', 'tfoot', 'option', 'button', 'label',
];

/** What an element does to the reader's flow. */
const enum Kind {
  Inline,
  Skip,
  Block,
  Table,
  Row,
  Cell,
  Br,
  Pre,
}

/** Element name → its Kind (Inline when absent): one lookup per tag instead of a set or two and a switch. */
const KIND = new Map<string, Kind>([
  ...SKIP.map((n): [string, Kind] => [n, Kind.Skip]),
  ...BLOCK.map((n): [string, Kind] => [n, Kind.Block]),
  ['table', Kind.Table],
  ['tr', Kind.Row],
  ['td', Kind.Cell],
  ['th', Kind.Cell],
  ['br', Kind.Br],
  ['pre', Kind.Pre],
]);

/**
 * What the reader asks of the tokenizer: the attributes it looks at (isHidden, cell spans), the others never
 * sliced or stored; and `style` only when it may hide (Word gives most elements one, and few hide anything).
 */
export const READ_OPTIONS: ScanOptions = {
  attributes: new Set(['hidden', 'style', 'colspan', 'rowspan']),
  filters: new Map([['style', /none|mso-hide/i]]),
};

/** Declared charset of an HTML page: `<meta charset>`, `<meta http-equiv content="…charset=…">` or `<?xml encoding>`. */
export function declaredCharset(bytes: Uint8Array): string | null {
  // The declaration must be in the first bytes of the page (HTML asks for 1024; saved pages push it further).
  const head = latin1(bytes.subarray(0, 8192));
  const xml = /^\s*<\?xml[^>]{0,200}?encoding\s*=\s*["']?([\w.:-]{1,40})/i.exec(head);
  if (xml) return (xml[1] as string).toLowerCase();
  const re = /<meta\b[^>]{0,500}>/gi;
  for (let m = re.exec(head); m; m = re.exec(head)) {
    const c = /charset\s*=\s*["']?\s*([\w.:-]{1,40})/i.exec(m[0]);
    if (c) return (c[1] as string).toLowerCase();
  }
  return null;
}

/** Result of decoding an HTML page. */
export interface HtmlText {
  text: string;
  /** Encoding used. */
  encoding: string;
  /** A note for the user when the declaration was wrong. */
  note?: string;
}

/**
 * Bytes → text for HTML: BOM, then strict UTF-8 (a GBK page is practically never valid UTF-8, while saved
 * pages often keep a stale GBK declaration after being re-encoded as UTF-8), then the declared charset
 * (`outerCharset` from an enclosing MHTML part header, else the page's own), else GB18030.
 */
export function decodeHtml(bytes: Uint8Array, outerCharset: string | null = null): HtmlText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  const utf8 = strictUtf8(bytes);
  if (utf8 !== null) return { text: utf8, encoding: 'utf-8' };
  const declared = outerCharset ?? declaredCharset(bytes);
  if (declared && !/^(utf-?8|unicode|utf-?16.*)$/.test(declared)) {
    // GB2312 and GBK pages are decoded as GB18030, their superset.
    const label = /^(gb2312|gbk|gb18030|x-gbk|cp936|euc-cn|hz-gb-2312)$/.test(declared) ? 'gb18030' : declared;
    try {
      return { text: new TextDecoder(label).decode(bytes), encoding: label };
    } catch {
      // unknown label: fall back below
    }
  }
  const note = declared ? `网页声明的编码「${declared}」与内容不符，已按 GB18030 读取。` : undefined;
  return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030', ...(note ? { note } : {}) };
}

function latin1(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 4096) s += String.fromCharCode(...bytes.subarray(i, i + 4096));
  return s;
}

/** Soft hyphens and zero-width characters: invisible, but they would split a number like 2\u200b6. */
export const INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff]/g;
/** The same characters, to test for (no global flag, so no shared lastIndex). */
const HAS_INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff]/;

/** Text that collapseHtmlSpace changes beyond trimming: whitespace other than a lone space, or an invisible character. */
const NEEDS_COLLAPSE = /[\t\n\f\r\u00a0\u00ad\u200b-\u200d\u2060\ufeff]| {2}/;

/** Characters of a collapsible whitespace run: space, tab, line breaks, form feed, no-break space. */
function isHtmlSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0x0c || c === 0xa0;
}

/** CJK characters and punctuation (U+3000–303F included), between which a source line break is not a space (CSS Text 3). */
function isCjk(c: number): boolean {
  return (c >= 0x2e80 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xff00 && c <= 0xffef);
}

/**
 * Collapses HTML whitespace (nbsp included) to single spaces. A source line break between two CJK characters
 * vanishes (CSS Text 3 segment-break rule), unless the run holds a no-break space the author typed.
 * One pass over character codes (this runs on every paragraph of every page): text that needs no change,
 * most of it, is only trimmed.
 */
export function collapseHtmlSpace(raw: string): string {
  // Trimming first changes nothing (whitespace at either end goes anyway, and no run inside changes its
  // neighbours), and it leaves most cells of a pretty-printed table ('\n    258\n  ') with nothing to do.
  const trimmed = raw.trim();
  if (!NEEDS_COLLAPSE.test(trimmed)) return trimmed;
  const s = HAS_INVISIBLE.test(trimmed) ? trimmed.replace(INVISIBLE, '') : trimmed;
  const n = s.length;
  let out = '';
  let from = 0; // start of the text not yet copied to `out`
  let i = 0;
  while (i < n) {
    const c = s.charCodeAt(i);
    if (!isHtmlSpace(c)) {
      i++;
      continue;
    }
    let j = i + 1;
    let lineBreak = c === 0x0a || c === 0x0d;
    let nbsp = c === 0xa0;
    while (j < n) {
      const d = s.charCodeAt(j);
      if (!isHtmlSpace(d)) break;
      if (d === 0x0a || d === 0x0d) lineBreak = true;
      else if (d === 0xa0) nbsp = true;
      j++;
    }
    const by = lineBreak && !nbsp && i > 0 && j < n && isCjk(s.charCodeAt(i - 1)) && isCjk(s.charCodeAt(j)) ? '' : ' ';
    // A lone plain space stays as it is: nothing to copy yet.
    if (!(j === i + 1 && c === 0x20)) {
      out += s.slice(from, i) + by;
      from = j;
    }
    i = j;
  }
  return (from === 0 ? s : out + s.slice(from)).trim();
}

/** Hidden by the page itself (Word's mso-hide, display:none, the hidden attribute). */
function isHidden(attribs: Readonly<Record<string, string>>): boolean {
  if (attribs.hidden !== undefined) return true;
  const style = attribs.style;
  return style !== undefined && /display\s*:\s*none|mso-hide\s*:\s*all/i.test(style);
}

/** Whether the text is whitespace only (collapsible: it vanishes at the start of a paragraph). */
function isAllSpace(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (!isHtmlSpace(s.charCodeAt(i))) return false;
  return true;
}

/** Reads decoded HTML into a SourceDoc. */
export function readHtmlText(html: string): SourceDoc {
  return readHtmlEvents((handler) => scanHtml(html, handler, READ_OPTIONS));
}

/**
 * Builds a SourceDoc from the events `tokenize` sends to the handler it is given. The tokenizer is a
 * parameter so that tests can drive the same reader with htmlparser2 and compare.
 */
export function readHtmlEvents(tokenize: (handler: HtmlHandler) => void): SourceDoc {
  const flow = new FlowBuilder({ normalize: collapseHtmlSpace, splitTabs: false });
  let skip = 0;
  let pre = 0;
  // Word's HTML export ends tables with a zero-height row of empty width-setting cells, fenced by
  // <![if !supportMisalignedColumns]> … <![endif]> (which the tokenizer, like htmlparser2, reports as comments).
  let widthRow = false;
  /** The spans of the cell being opened (read by startCell, not kept: one object for all cells). */
  const cell: CellSpec = { colSpan: 1, rowSpan: 1 };
  tokenize({
    oncomment(data) {
      if (data.startsWith('[if !supportMisalignedColumns]')) widthRow = true;
      else if (data.startsWith('[endif]')) widthRow = false;
    },
    onopentag(name, attribs) {
      if (widthRow) return;
      const kind = KIND.get(name) ?? Kind.Inline;
      if (skip > 0 || kind === Kind.Skip || isHidden(attribs)) {
        skip++;
        return;
      }
      switch (kind) {
        case Kind.Inline:
          return;
        case Kind.Table:
          flow.startTable();
          return;
        case Kind.Row:
          if (flow.depth > 0) flow.startRow();
          else flow.breakParagraph();
          return;
        case Kind.Cell:
          if (flow.depth > 0) {
            cell.colSpan = spanOf(attribs.colspan);
            cell.rowSpan = spanOf(attribs.rowspan);
            flow.startCell(cell);
          } else flow.breakParagraph();
          return;
        case Kind.Pre:
          pre++;
          flow.breakParagraph();
          return;
        default:
          // Block, Br.
          flow.breakParagraph();
      }
    },
    onclosetag(name) {
      if (widthRow) return;
      if (skip > 0) {
        skip--;
        return;
      }
      switch (KIND.get(name)) {
        case Kind.Block:
          flow.breakParagraph();
          return;
        case Kind.Table:
          if (flow.depth > 0) flow.endTable();
          return;
        case Kind.Row:
          if (flow.depth > 0) flow.endRow();
          else flow.breakParagraph();
          return;
        case Kind.Cell:
          if (flow.depth > 0) flow.endCell();
          else flow.breakParagraph();
          return;
        case Kind.Pre:
          pre = Math.max(0, pre - 1);
          flow.breakParagraph();
          return;
        default:
        // Inline, Br (its end follows its start), and an unmatched end of a Skip element.
      }
    },
    ontext(data) {
      if (skip > 0 || widthRow) return;
      if (pre === 0) {
        // Whitespace opening a paragraph would be trimmed away: not even appended (most of Word's '\r\n').
        if (flow.hasText || !isAllSpace(data)) flow.text(data);
        return;
      }
      const parts = data.split(/\r\n|\r|\n/);
      parts.forEach((p, i) => {
        if (i > 0) flow.breakParagraph();
        flow.text(p);
      });
    },
  });
  return { fileType: 'html', lines: flow.finish() };
}

function spanOf(v: string | undefined): number {
  const n = v === undefined ? 1 : parseInt(v, 10);
  return Number.isFinite(n) && n >= 1 ? n : 1;
}

/** Reads HTML bytes into a SourceDoc (encoding detected; `outerCharset` from an MHTML part header). */
export function readHtml(bytes: Uint8Array, outerCharset: string | null = null): SourceDoc {
  const decoded = decodeHtml(bytes, outerCharset);
  const doc = readHtmlText(decoded.text);
  if (decoded.note) doc.notes = [decoded.note];
  return doc;
}
