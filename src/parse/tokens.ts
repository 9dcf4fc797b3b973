/**
 * Layout cleanup in front of the table reader: a table region's SourceLines → token lines of labels and
 * values, each with its CellRef. Everything source-specific happens here (empty text cells are layout,
 * empty cells of real tables are blank values, page footers and rule lines are dropped, `行政许可 0` is split
 * into a label and a number), so the row readers see the same token stream from every file type.
 */
import type { CellRef, SourceLine } from '../model.ts';
import { isCjk, squash } from './labels.ts';

/** A text cell: a label, a heading or prose. */
export interface LabelToken {
  kind: 'label';
  text: string;
  ref: CellRef;
  /** PDF: horizontal extent of the cell on the page. */
  x?: Span;
}

/** A horizontal extent in PDF user units. */
export interface Span {
  left: number;
  right: number;
}

/** A value cell: a number, a placeholder (`—`, `/`, `无`) or, in real tables, a blank cell. */
export interface ValueToken {
  kind: 'value';
  /** The number read (unit-free), or null for a blank or placeholder. */
  value: number | null;
  /** Text as printed. */
  raw: string;
  ref: CellRef;
  /** 'number', 'placeholder' (— - / 无) or 'blank' (an empty cell of a real table). */
  form: 'number' | 'placeholder' | 'blank';
  /** Unit printed inside the cell (元, 万元, 件…), if any. */
  unit?: string;
  /** PDF: horizontal extent of the cell on the page (absent when several values share one cell). */
  x?: Span;
}

/** A token of a table line. */
export type Token = LabelToken | ValueToken;

/** The tokens of one source line. */
export interface TokenLine {
  /** Index into SourceDoc.lines. */
  line: number;
  tokens: Token[];
  /** The line is a row of a real (HTML/Word) table. */
  realTable: boolean;
}

/** What a value-looking cell reads as. */
export interface ParsedValue {
  value: number | null;
  form: 'number' | 'placeholder';
  unit?: string;
}

const PLACEHOLDERS = new Set(['-', '--', '/', '//', '\\', '无', '暂无', '空', 'x', 'X', '×', '-/-', 'N/A', 'n/a', 'NA']);
const PLACEHOLDER_START = new Set(['-', '+', '/', '\\', '无', '暂', '空', 'x', 'X', '×', 'N', 'n']);

/**
 * The value of a text matching /^\d{1,15}$/ (ASCII digits), or -1 for any other text, without a regex call
 * or Number(): this runs on every cell of every table, and Number() of a string read fresh from a file goes
 * to the runtime. Fifteen digits stay below 2^53, so the sum is exact (and equals Number(t)).
 */
function simpleInt(t: string): number {
  const n = t.length;
  if (n === 0 || n > 15) return -1;
  let v = 0;
  for (let i = 0; i < n; i++) {
    const c = t.charCodeAt(i);
    if (c < 48 || c > 57) return -1;
    v = v * 10 + (c - 48);
  }
  return v;
}
/** Same as /\s/.test(t) (white space and line terminators), by a loop: a regex call per label cost more. */
function hasSpace(t: string): boolean {
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c > 0x20) {
      // Ideographs and ASCII letters are never space: one or two comparisons for them.
      if (c < 0xa0 || (c > 0x3000 && c !== 0xfeff)) continue;
      if (isWideSpace(c)) return true;
    } else if (c === 0x20 || (c >= 0x09 && c <= 0x0d)) return true;
  }
  return false;
}

/** The white space of /\s/ above U+0020. */
function isWideSpace(c: number): boolean {
  // Ideographs and most letters are above U+3000 (only U+FEFF there is space): one comparison for them.
  if (c > 0x3000) return c === 0xfeff;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}
const DIGITS_APART = /\d[\s\u3000]+[-+]?\d/;
const NUMBER = /^[+-]?\d+(?:\.\d+)?$/;
const GROUPED = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;
const WITH_UNIT = /^([+-]?\d+(?:\.\d+)?)(万元|元|件|个|项|条|次|起)$/;
/** A number followed by a parenthesised note: `22（其中修订16件）`. */
const WITH_NOTE = /^(\d+)\([^()]{1,40}\)$/;

/** `text.trim()`, without the call when neither end can be trimmed (text readers hand over trimmed cells). */
function trimmed(text: string): string {
  const n = text.length;
  if (n === 0) return text;
  return mayTrim(text.charCodeAt(0)) || mayTrim(text.charCodeAt(n - 1)) ? text.trim() : text;
}

/** True for a character `trim` may remove (control characters included, to err on the side of trimming). */
function mayTrim(c: number): boolean {
  return c <= 0x20 || (c >= 0xa0 && isWideSpace(c));
}

/** Reads a cell's text as a value, or returns null when it is text. Linear, no backtracking hazards. */
export function parseValue(text: string): ParsedValue | null {
  if (text.length > 60) return null;
  const t = trimmed(text);
  // Fast paths: most cells are plain integers or words.
  const int = simpleInt(t);
  if (int >= 0) return { value: int, form: 'number' };
  return parseOther(t);
}

/** parseValue of a trimmed text of at most 60 characters that is not a plain integer. */
function parseOther(t: string): ParsedValue | null {
  const first = t.charCodeAt(0);
  // An ideograph starts a word unless it starts one of the placeholders 无, 暂无, 空.
  if (first >= 0x3400 && first <= 0x9fff && ((first !== 0x65e0 && first !== 0x6682 && first !== 0x7a7a) || !PLACEHOLDERS.has(t))) return null;
  // Fast exit for labels such as （一）…: the squashed text would not start with a digit or a placeholder character.
  if (!mayLeadValue(firstSquashedCode(t))) return null;
  // The slow path (squashing and several regexes), remembered: it is mostly taken by the numbered labels
  // every report prints alike (「1.本机关不掌握相关政府信息」) and by decimals.
  let memo = VALUE_MEMO.get(t);
  if (memo === undefined) {
    const v = slowValue(t);
    memo = v ? Object.freeze(v) : null;
    if (VALUE_MEMO.size >= VALUE_MEMO_MAX) VALUE_MEMO.clear();
    VALUE_MEMO.set(t, memo);
  }
  return memo;
}

/** parseValue's slow path by trimmed text (results frozen: entries are shared). Cleared when full. */
const VALUE_MEMO = new Map<string, Readonly<ParsedValue> | null>();
const VALUE_MEMO_MAX = 4096;

/** parseValue past its fast exits: `t` is trimmed and starts (once squashed) like a number or placeholder. */
function slowValue(t: string): ParsedValue | null {
  // `0 0 0` is several values run into one cell, not one number: the caller splits it.
  if (DIGITS_APART.test(t)) return null;
  const s = squash(t);
  if (s.length === 0 || s.length > 40) return null;
  // Fast exit for words: a value starts with a digit, a sign or a placeholder character.
  const c0 = s.charCodeAt(0);
  if (!(c0 >= 48 && c0 <= 57) && !PLACEHOLDER_START.has(s[0])) return null;
  if (PLACEHOLDERS.has(s)) return { value: null, form: 'placeholder' };
  if (NUMBER.test(s)) return { value: Number(s), form: 'number' };
  if (GROUPED.test(s)) return { value: Number(s.replace(/,/g, '')), form: 'number' };
  const u = WITH_UNIT.exec(s);
  if (u) return { value: Number(u[1]), form: 'number', unit: u[2] };
  const n = WITH_NOTE.exec(s);
  if (n) return { value: Number(n[1]), form: 'number' };
  return null;
}

/**
 * The first character of `squash(t)` as a code, computed without squashing all of `t` (-1 when nothing is
 * left): the characters `squash` removes are skipped, and the first other one is mapped as halfWidth does.
 */
function firstSquashedCode(t: string): number {
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c === 0x200b || (c <= 0x20 ? c === 0x20 || (c >= 0x09 && c <= 0x0d) : c >= 0xa0 && isWideSpace(c))) continue;
    return halfWidthCode(c);
  }
  return -1;
}

/** halfWidth (labels.ts) of one character, by code. */
function halfWidthCode(c: number): number {
  if (c >= 0xff01 && c <= 0xff5e) return c - 0xfee0;
  switch (c) {
    case 0x3000:
    case 0x00a0:
      return 0x20;
    case 0x3001: // 、
      return 0x2c;
    case 0x3002: // 。 (the full stop ． is in the range above)
      return 0x2e;
    case 0x2014: // —
    case 0x2013: // –
    case 0x2212: // −
      return 0x2d;
    case 0x201c: // “
    case 0x201d: // ”
      return 0x22;
    case 0x2018: // ‘
    case 0x2019: // ’
      return 0x27;
    default:
      return c;
  }
}

/** True for a digit or a PLACEHOLDER_START character, by code: what a value's squashed text starts with. */
function mayLeadValue(c: number): boolean {
  if (c >= 0x30 && c <= 0x39) return true;
  switch (c) {
    case 0x2d: // -
    case 0x2b: // +
    case 0x2f: // /
    case 0x5c: // \
    case 0x65e0: // 无
    case 0x6682: // 暂
    case 0x7a7a: // 空
    case 0x78: // x
    case 0x58: // X
    case 0xd7: // ×
    case 0x4e: // N
    case 0x6e: // n
      return true;
    default:
      return false;
  }
}

/**
 * False when a trimmed text starting with `c` can be neither a page footer nor a rule: both start with a
 * character of FOOTER_START or RULE_START (told by code, without making a one-character string).
 */
function mayDecorate(c: number): boolean {
  switch (c) {
    case 0x2d: // -
    case 0x2014: // —
    case 0x2013: // –
    case 0xff0d: // －
    case 0x2015: // ―
    case 0x2010: // ‐
    case 0x7b2c: // 第
    case 0x3d: // =
    case 0x5f: // _
    case 0x2a: // *
    case 0x7e: // ~
    case 0x3a: // :
    case 0x7c: // |
      return true;
    default:
      return false;
  }
}

/** A page footer or page number a PDF or its text extraction leaves inside a table: `— 3 —`, `-3-`, `第3页`. */
export function isPageFooter(text: string): boolean {
  const s = text.trim();
  if (s.length === 0 || s.length > 16) return false;
  if (!FOOTER_START.has(s[0])) return false;
  return /^[-—–－―‐]\s*\d{1,3}\s*[-—–－―‐]$/.test(s) || /^第\s*\d{1,3}\s*页(?:\s*[,，/]?\s*共\s*\d{1,3}\s*页)?$/.test(s);
}

/** A rule or separator cell (`------`, `===`), which is decoration, not a placeholder. */
const FOOTER_START = new Set(['-', '—', '–', '－', '―', '‐', '第']);
const RULE_START = new Set(['-', '—', '–', '=', '_', '*', '~', ':', '|']);

function isRule(text: string): boolean {
  if (!RULE_START.has(text[0])) return false;
  return /^[-—–=_*~:|]{3,}$/.test(text.replace(/\s/g, ''));
}

/**
 * Splits `行政许可 0` or `规章 22 235` (label and numbers in one cell, as PDF-to-text leaves them) into a
 * label and values. Only short, sentence-free labels qualify, so prose ending in a year is left alone.
 */
function splitLabelNumbers(text: string): { label: string; values: string[] } | null {
  const t = trimmed(text);
  // Most texts with a space are prose whose last word is no value: told from that word, before splitting.
  if (parseValue(t.slice(lastSpace(t) + 1)) === null) return null;
  const parts = t.split(/\s+/);
  if (parts.length < 2) return null;
  let k = parts.length;
  while (k > 0 && parseValue(parts[k - 1]) !== null) k--;
  if (k === parts.length) return null;
  // Numbers only (`0 0 0` in one cell): each is a value of its own.
  if (k === 0) return { label: '', values: parts };
  const label = parts.slice(0, k).join(' ');
  if (label.length > 20 || /[，。；;]/.test(label)) return null;
  let cjk = 0;
  for (const ch of label) if (isCjk(ch)) cjk++;
  if (cjk < 2) return null;
  return { label, values: parts.slice(k) };
}

/** Index of the last white space character (as /\s/ matches it) in `t`, or -1. */
function lastSpace(t: string): number {
  for (let i = t.length - 1; i >= 0; i--) {
    const c = t.charCodeAt(i);
    if (c > 0x20 ? c >= 0xa0 && isWideSpace(c) : c === 0x20 || (c >= 0x09 && c <= 0x0d)) return i;
  }
  return -1;
}

/** Tokens of one source line. */
export function tokenizeLine(src: SourceLine, line: number): TokenLine {
  const realTable = src.table !== undefined;
  const tokens: Token[] = [];
  const cells = src.cells;
  // Parts of a bare-piped text line (see barePipeParts), or null: the line's own cells.
  const parts = realTable ? null : barePipeParts(cells);
  const count = parts ? parts.length : cells.length;
  for (let part = 0; part < count; part++) {
    const cell = parts ? 0 : part;
    const text = parts ? parts[part] : cells[part].text;
    const t = trimmed(text);
    if (t === '' || t === '\u00a0') {
      // An empty field of a text file is layout (leading tabs); an empty cell of a real table is a blank value.
      if (realTable) tokens.push({ kind: 'value', value: null, raw: '', ref: { line, cell }, form: 'blank' });
      continue;
    }
    const ref: CellRef = { line, cell };
    const box = parts ? undefined : cells[part].box;
    const x = box ? { left: box.x, right: box.x + box.w } : undefined;
    // Most table cells are plain integers: their token straight away, without parseValue's result object.
    const int = simpleInt(t);
    if (int >= 0) {
      const tok: ValueToken = { kind: 'value', value: int, raw: t, ref, form: 'number' };
      if (x) tok.x = x;
      tokens.push(tok);
      continue;
    }
    const v = t.length > 60 ? null : parseOther(t);
    // Footers and rules start with a dash-like mark or 第: an ideograph other than 第 rules both out cheaply.
    const c0 = t.charCodeAt(0);
    const mayBeDecoration = c0 < 0x3400 || c0 > 0x9fff || c0 === 0x7b2c; /* 第 */
    if (!v && mayBeDecoration && mayDecorate(c0) && (isPageFooter(t) || isRule(t))) continue;
    if (v) {
      const tok: ValueToken = { kind: 'value', value: v.value, raw: t, ref, form: v.form };
      if (v.unit) tok.unit = v.unit;
      if (x) tok.x = x;
      tokens.push(tok);
      continue;
    }
    const split = hasSpace(t) ? splitLabelNumbers(t) : null;
    if (split) {
      if (split.label !== '') tokens.push({ kind: 'label', text: split.label, ref });
      for (const raw of split.values) {
        const pv = parseValue(raw) as ParsedValue;
        tokens.push({ kind: 'value', value: pv.value, raw, ref, form: pv.form, ...(pv.unit ? { unit: pv.unit } : {}) });
      }
      continue;
    }
    const tok: LabelToken = { kind: 'label', text: t, ref };
    if (x) tok.x = x;
    tokens.push(tok);
  }
  return { line, tokens, realTable };
}

/**
 * Texts of a text line whose table row was copied from a web page as `规章 | 0 | 0 | 0 |` (pipes between
 * cells but none in front, so the reader keeps it as one cell), split on the pipes; null for other lines
 * (read cell by cell). Each part keeps the line's cell index, so the refs still point at the printed line.
 * Empty parts are layout, not blanks (a text line cannot tell a blank cell from the row's padding).
 */
function barePipeParts(cells: SourceLine['cells']): string[] | null {
  if (cells.length !== 1 || !cells[0].text.includes('|')) return null;
  const parts = cells[0].text.split('|');
  return parts.length < 2 ? null : parts;
}

/**
 * Token lines of the lines [start, end), leaving out lines without tokens (blank or decoration only): every
 * reader skips them, and text files have many.
 */
export function tokenizeRange(lines: SourceLine[], start: number, end: number): TokenLine[] {
  const out: TokenLine[] = [];
  for (let i = start; i < end && i < lines.length; i++) {
    const cells = lines[i].cells;
    // A line of one blank cell (a text file's empty line) has no token: no TokenLine for it.
    if (cells.length === 1 && cells[0].text === '' && lines[i].table === undefined) continue;
    const tl = tokenizeLine(lines[i], i);
    if (tl.tokens.length > 0) out.push(tl);
  }
  return out;
}

/** Count of number or placeholder tokens in a token line (blank cells of real tables not counted). */
export function printedValues(tl: TokenLine): number {
  let n = 0;
  for (const t of tl.tokens) if (t.kind === 'value' && t.form !== 'blank') n++;
  return n;
}
