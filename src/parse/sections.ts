/**
 * Finds the six top-level sections by their heading *text* (formats.md): numerals are only checked, never
 * trusted, because real reports reuse 一、二、三 for sub-headings, print 3、 for 三、, renumber the tables
 * 一/二/三 after a narrative numbered 一–六, print a heading twice, or leave one out.
 */
import type { HeadingHit } from '../model.ts';
import { chineseNumber, leadingNumeral, squash, stripNumbering } from './labels.ts';

/** Canonical numerals of the six sections. */
export const SECTION_NUMERALS = ['一', '二', '三', '四', '五', '六'];

/** A line starting with a bare Chinese numeral (after markdown marks): a possible reused top-level numeral. */
const TOP_NUMERAL_START = /^[\s#*]{0,8}[一二三四五六七八九十]{1,3}\s?[、.．,，:：]/;

const DIGIT_START = /^\s*\d/;
/** Codes of 一…十, the numerals TOP_NUMERAL_START takes. */
const CN_NUMERAL_CODES = new Set([...'一二三四五六七八九十'].map((c) => c.charCodeAt(0)));

/**
 * False when TOP_NUMERAL_START cannot match, told from the first character (a numeral, or white space,
 * '#' or '*' before one): most lines start with neither, and this runs on every line of the narrative.
 */
function mayStartNumeral(text: string): boolean {
  return mayStartNumeralCode(text.charCodeAt(0));
}

/** mayStartNumeral by the text's first character code (NaN for an empty text). */
export function mayStartNumeralCode(c: number): boolean {
  if (c > 0x3000) return c === 0xfeff || CN_NUMERAL_CODES.has(c); // ideographs: the numerals or nothing
  return c === 0x23 || c === 0x2a || c <= 0x20 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** False when DIGIT_START cannot match: the line starts with neither a digit nor white space. */
function mayStartDigit(text: string): boolean {
  const c = text.charCodeAt(0);
  if (c >= 0x30 && c <= 0x39) return true;
  if (c > 0x3000) return c === 0xfeff;
  return c <= 0x20 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000;
}

/** Words every section heading has (one regex test is ~3× cheaper than four `includes` on short lines). */
const HEADING_WORD = /情况|事项|问题|措施/;

/** Longest heading line considered (squashed characters); longer lines are prose. */
const MAX_HEADING = 40;

/** The heading text of a line without markdown marks and numbering, squashed; null when not heading-like. */
export function headingText(text: string): { numeral: string; body: string } | null {
  if (text.length > MAX_HEADING * 3) return null;
  // A heading has no comma or semicolon before its first full stop: those are sentences (a PDF line of prose).
  const stopAt = text.search(/[。：:]/);
  const head = stopAt < 0 ? text : text.slice(0, stopAt);
  if (/[，；;]|,(?!\d)/.test(head)) return null;
  let s = squash(text);
  s = s.replace(/^#{1,6}/, '').replace(/^\*+|\*+$/g, '');
  if (s.length === 0) return null;
  const numeral = leadingNumeral(s);
  let body = stripNumbering(s);
  const stop = body.search(/[.:。：]/);
  if (stop >= 0 && stop < body.length - 1) {
    // A numbered heading run into its first sentence in one paragraph: 「一、总体情况。2021年，…」.
    if (numeral === '' || numeral.startsWith('(')) return s.length > MAX_HEADING ? null : { numeral, body: body.replace(/[:：.。]+$/, '') };
    body = body.slice(0, stop);
  } else if (s.length > MAX_HEADING) return null;
  return { numeral, body: body.replace(/[:：.。]+$/, '') };
}

/** A line's heading text and the section it names (frozen: memo entries are shared). */
type HeadingInfo = Readonly<{ numeral: string; body: string; no: number | null }>;

/**
 * headingText and sectionOfText of a line, remembered: reports print the same headings (「一、总体情况」,
 * 「二、主动公开政府信息情况」…) again and again, and each costs several regex passes. Pure functions of the
 * text; the memo is cleared when full, so it stays small.
 */
const HEADING_MEMO = new Map<string, HeadingInfo | null>();
const HEADING_MEMO_MAX = 4096;

function headingInfo(text: string): HeadingInfo | null {
  let info = HEADING_MEMO.get(text);
  if (info === undefined) {
    const h = headingText(text);
    info = h ? Object.freeze({ numeral: h.numeral, body: h.body, no: sectionOfText(h.body) }) : null;
    if (HEADING_MEMO.size >= HEADING_MEMO_MAX) HEADING_MEMO.clear();
    HEADING_MEMO.set(text, info);
  }
  return info;
}

/** Which section (1…6) a heading body names by its text, or null. */
export function sectionOfText(body: string): number | null {
  if (body.length === 0) return null;
  // An answer is not a heading: 「无其他需要报告的事项。」, 「没有存在的问题」.
  if (/^(?:无|暂无|没有|本年度无)/.test(body)) return null;
  const b = body.replace(/^(?:政府信息公开工作|政府信息公开|因政府信息公开工作被申请|因政府信息公开工作)/, '');
  if ((b.startsWith('总体情况') || b.startsWith('概述')) && body.length <= 8) return 1;
  if (b.startsWith('主动公开政府信息') && body.length <= 16) return 2;
  if (body.length <= 24 && b.includes('申请') && (b.startsWith('收到和处理') || b.startsWith('收到、处理') || b.startsWith('收到及处理') || b.startsWith('依申请公开政府信息'))) return 3;
  if (body.length <= 36 && body.includes('行政复议') && body.includes('诉讼') && body.endsWith('情况')) return 4;
  if (body.length <= 30 && (body.includes('存在的主要问题') || body.includes('存在的问题') || b.startsWith('存在问题'))) return 5;
  if (body.length <= 20 && (body.includes('其他') || body.includes('其它')) && (body.includes('报告的事项') || body.includes('报告事项'))) return 6;
  return null;
}

/** True for a numeral that top-level headings use (一、 or 3、), as opposed to （一）. */
function isTopNumeral(numeral: string): boolean {
  return numeral !== '' && !numeral.startsWith('(');
}

/** A heading line accepted as the start of a section. */
export interface SectionStart {
  no: number;
  line: number;
  heading: string;
}

/** Result of the section scan. */
export interface SectionScan {
  starts: SectionStart[];
  headings: HeadingHit[];
}

/**
 * Scans the document's lines (cells joined) for section headings. Only one-cell lines (ignoring empty
 * cells) are candidates, so table rows such as `一、本年新收…` never become headings.
 */
export function scanSections(texts: string[], cellCounts: number[]): SectionScan {
  // First pass: every line that names a section, with its numeral.
  const candidates: { line: number; no: number; numeral: string }[] = [];
  for (let i = 0; i < texts.length; i++) {
    const text = texts[i];
    if (cellCounts[i] === 0 || cellCounts[i] > 1) continue;
    // Every section heading names 情况, 事项, 问题 or 措施: a cheap filter before normalising the line.
    // Long lines qualify only when they start with a numeral (a heading run into its first sentence).
    if (text.length > 48 && !(mayStartNumeral(text) && TOP_NUMERAL_START.test(text)) && !(mayStartDigit(text) && DIGIT_START.test(text))) continue;
    // Shorter than any heading word (a lone number of a one-cell-per-line table): no regex call.
    if (text.length < 2 || !HEADING_WORD.test(text)) continue;
    const h = headingInfo(text);
    const no = h ? h.no : null;
    // （一）… is a sub-heading whatever it says (五's 「（一）存在的主要问题」).
    if (!h || no === null || h.numeral.startsWith('(')) continue;
    candidates.push({ line: i, no, numeral: h.numeral });
  }
  // An unnumbered line naming a section (「依申请公开政府信息情况：」 inside 一) gives way to a numbered heading
  // of the same section printed later.
  const lastNumbered = new Map<number, number>();
  for (const c of candidates) if (c.numeral !== '') lastNumbered.set(c.no, c.line);

  const starts: SectionStart[] = [];
  const headings: HeadingHit[] = [];
  const seen = new Set<number>();
  let lastTop: SectionStart | null = null;
  let lastLine = -1;
  for (const c of candidates) {
    if (c.numeral === '' && (lastNumbered.get(c.no) ?? -1) > c.line) continue;
    const text = texts[c.line].trim();
    const hit: HeadingHit = { line: c.line, text, numeral: c.numeral, section: c.no, kind: 'top' };
    if (seen.has(c.no)) {
      // Printed twice in a row (nothing but blank lines between) → STR-03; later, e.g. a section that repeats
      // the body of 一, it is a repeated heading inside another section, not a new section.
      hit.kind = lastTop && lastTop.no === c.no && onlyBlank(cellCounts, lastLine + 1, c.line) ? 'duplicate' : 'sub-reuse';
      headings.push(hit);
      lastLine = c.line;
      continue;
    }
    if (isTopNumeral(c.numeral) && c.numeral !== SECTION_NUMERALS[c.no - 1]) hit.kind = 'wrong-numeral';
    headings.push(hit);
    const start = { no: c.no, line: c.line, heading: text };
    starts.push(start);
    seen.add(c.no);
    lastTop = start;
    lastLine = c.line;
  }
  return { starts, headings };
}

function onlyBlank(cellCounts: number[], from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (cellCounts[i] > 0) return false;
  return true;
}

/**
 * Sub-headings that reuse a top-level numeral 一、二、… inside a section (STR-04), outside tables.
 * `candidates`: the lines that may hold one, ascending — at most one non-blank cell and a first character
 * for which mayStartNumeralCode holds (the caller collects them while it reads the lines, so the other
 * lines are not touched again). `isTable` says whether a line belongs to a table.
 */
export function findSubReuse(texts: string[], candidates: number[], scan: SectionScan, isTable: (line: number) => boolean): HeadingHit[] {
  const out: HeadingHit[] = [];
  const startLines = new Set(scan.starts.map((s) => s.line));
  const known = new Set(scan.headings.map((h) => h.line));
  const first = scan.starts.length > 0 ? scan.starts[0].line : texts.length;
  for (const i of candidates) {
    if (i <= first || isTable(i) || startLines.has(i) || known.has(i)) continue;
    if (!TOP_NUMERAL_START.test(texts[i])) continue;
    const h = headingInfo(texts[i]);
    if (!h || !isTopNumeral(h.numeral) || chineseNumber(h.numeral) === 0) continue;
    if (h.body.length < 2 || h.body.length > 30 || /[。；]/.test(h.body)) continue;
    out.push({ line: i, text: texts[i].trim(), numeral: h.numeral, section: null, kind: 'sub-reuse' });
  }
  return out;
}
