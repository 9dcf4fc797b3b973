/**
 * The narrative of a report as one scannable string: table lines and page footers dropped, wrapped lines
 * joined, digits half-width, ASCII clause punctuation made full-width, spaces removed. Every offset maps
 * back to the source line it came from, so findings can point at lines.
 */

/** The joined narrative with an offset → line map. */
export interface Prose {
  /** Normalised text; paragraphs separated by '\n'. */
  text: string;
  /** Offset in `text` where each contributed line starts (ascending). */
  starts: number[];
  /** Source line index of each entry of `starts`. */
  lineIdx: number[];
}

const TO_FULL: Record<string, string> = { ',': '，', ';': '；', ':': '：', '(': '（', ')': '）', '?': '？', '!': '！' };
const PAGE_FOOTER = /^[\s\-—–_·\d第页共/]*$/;
const NUMBERED_START = /^(?:[一二三四五六七八九十]+[、是]|[（(][一二三四五六七八九十\d]+[)）]|\d+[、.．]|#)/;
const FULL_WIDTH_ALNUM = /[０-９Ａ-Ｚａ-ｚ]/g;
/** Whitespace of any width and markdown marks (emphasis, headings, table pipes). */
const SPACE_RUN = /[\s*#|`]+/g;
const PLAIN_PUNCT = [';', ':', '(', ')', '?', '!'];
/** A comma to make full-width: not one between digits (「1,295」 is a thousands separator). */
const ASCII_COMMA = /,(?!\d{3}(?!\d))|(?<!\d),/g;
const SPACE_TEST = /[\s*#|`]/;
const FULL_WIDTH_ALNUM_TEST = /[０-９Ａ-Ｚａ-ｚ]/;

/**
 * Normalises one line: half-width digits and letters, full-width clause punctuation, no spaces or
 * markdown marks (「1 295 件」 reads 1295; Latin words lose their spaces, which no check needs).
 * Regex-only, so it runs at native speed.
 */
export function normalizeLine(line: string): string {
  let s = line;
  if (FULL_WIDTH_ALNUM_TEST.test(s)) s = s.replace(FULL_WIDTH_ALNUM, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  if (SPACE_TEST.test(s)) s = s.replace(SPACE_RUN, '');
  // Plain string replacements (no per-match callback), each only when its character occurs.
  for (const ch of PLAIN_PUNCT) if (s.includes(ch)) s = s.replaceAll(ch, TO_FULL[ch]!);
  if (s.includes(',')) s = s.replace(ASCII_COMMA, '，');
  return s;
}

/** Line indexes to leave out (a Set, or anything else that answers `has`). */
export interface LineSet {
  has(line: number): boolean;
}

/** Separates lines while they are normalised together; normalisation never touches it. */
const SEP = '\u0001';
/** Character codes (not one-character strings, which would be allocated per line) of sentence ends… */
const codesOf = (chars: string) => new Set([...chars].map((c) => c.charCodeAt(0)));
const SENTENCE_END_CODES = codesOf('。！？；：!?;:');
/** …and of the characters numbering can start with. */
const NUMBER_START_CODES = codesOf('一二三四五六七八九十（(0123456789#');
const COMMA = '，'.charCodeAt(0);
const ENUM_COMMA = '、'.charCodeAt(0);
const startsNumbered = (s: string) => NUMBER_START_CODES.has(s.charCodeAt(0)) && NUMBERED_START.test(s);

/**
 * Builds the prose of a report from its lines, skipping the given (table) line indexes. All kept lines
 * are normalised in one pass (joined by a separator, then split again), which is much cheaper than a
 * regex pass per line.
 */
export function buildProse(lines: string[], skip: LineSet, from = 0, to = lines.length): Prose {
  const kept: string[] = [];
  const keptIdx: number[] = [];
  for (let i = from; i < to; i++) {
    if (skip.has(i)) continue;
    const raw = lines[i] ?? '';
    // Page footers (「-3-」「— 3 —」「第3页」) are short; only short lines need the test.
    if (raw.length < 16 && PAGE_FOOTER.test(raw)) continue;
    kept.push(raw.includes(SEP) ? raw.replaceAll(SEP, '') : raw);
    keptIdx.push(i);
  }
  const normalized = normalizeLine(kept.join(SEP)).split(SEP);
  const parts: string[] = [];
  const starts: number[] = [];
  const lineIdx: number[] = [];
  let length = 0;
  let prev = '';
  for (let k = 0; k < normalized.length; k++) {
    const norm = normalized[k]!;
    if (norm.length === 0) continue;
    if (length > 0) {
      const last = prev.charCodeAt(prev.length - 1);
      const hardBreak =
        SENTENCE_END_CODES.has(last) ||
        startsNumbered(norm) ||
        (prev.length <= 24 && last !== COMMA && last !== ENUM_COMMA && startsNumbered(prev));
      if (hardBreak) {
        parts.push('\n');
        length++;
      }
    }
    starts.push(length);
    lineIdx.push(keptIdx[k]!);
    parts.push(norm);
    length += norm.length;
    prev = norm;
  }
  return { text: parts.join(''), starts, lineIdx };
}

/** The normalised text of the k-th line that went into the prose (k indexes `starts`). */
export function proseLine(prose: Prose, k: number): string {
  const from = prose.starts[k]!;
  let to = k + 1 < prose.starts.length ? prose.starts[k + 1]! : prose.text.length;
  if (prose.text[to - 1] === '\n') to--; // the paragraph break belongs to no line
  return prose.text.slice(from, to);
}

/** Source line index of an offset in `prose.text` (-1 when the prose is empty). */
export function lineAt(prose: Prose, offset: number): number {
  const { starts, lineIdx } = prose;
  if (starts.length === 0) return -1;
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lineIdx[lo]!;
}

/** Source lines covered by the range [from, to) of `prose.text`, ascending, no duplicates. */
export function linesOf(prose: Prose, from: number, to: number): number[] {
  const first = lineAt(prose, from);
  const last = lineAt(prose, Math.max(from, to - 1));
  const out: number[] = [];
  for (let k = prose.lineIdx.indexOf(first); k >= 0 && k < prose.lineIdx.length; k++) {
    const li = prose.lineIdx[k]!;
    out.push(li);
    if (li === last) break;
  }
  return out;
}

/** A sentence of the prose: its text and where it sits. */
export interface Sentence {
  text: string;
  /** Offset of the sentence's first character in `prose.text`. */
  start: number;
}

const SENTENCE = /[^。！？；\n]+[。！？；]?|[。！？；]/g;

/** Splits prose into sentences at 。！？； and paragraph breaks (the delimiter stays with its sentence). */
export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  SENTENCE.lastIndex = 0;
  for (let m = SENTENCE.exec(text); m; m = SENTENCE.exec(text)) out.push({ text: m[0], start: m.index });
  return out;
}
