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
const SENTENCE_END = /[。！？；：!?;:]$/;
const FULL_WIDTH_ALNUM = /[０-９Ａ-Ｚａ-ｚ]/g;
/** Whitespace of any width and markdown marks (emphasis, headings, table pipes). */
const SPACE_RUN = /[\s*#|`]+/g;
const ASCII_PUNCT = /[,;:()?!]/g;
const isAsciiAlnum = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/**
 * Normalises one line: half-width digits and letters, full-width clause punctuation, no spaces or
 * markdown marks (a space survives only between two Latin/digit runs, as in "IPv6 平台"). Regex-only,
 * so it runs at native speed.
 */
export function normalizeLine(line: string): string {
  let s = line;
  if (s.search(FULL_WIDTH_ALNUM) >= 0) s = s.replace(FULL_WIDTH_ALNUM, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  s = s.replace(SPACE_RUN, (m: string, off: number, str: string) =>
    off > 0 && isAsciiAlnum(str.charCodeAt(off - 1)) && isAsciiAlnum(str.charCodeAt(off + m.length)) ? ' ' : '',
  );
  if (s.search(ASCII_PUNCT) >= 0) s = s.replace(ASCII_PUNCT, (c) => TO_FULL[c]!);
  return s;
}

/** Builds the prose of a report from its lines, skipping the given (table) line indexes. */
export function buildProse(lines: string[], skip: ReadonlySet<number>, from = 0, to = lines.length): Prose {
  const parts: string[] = [];
  const starts: number[] = [];
  const lineIdx: number[] = [];
  let length = 0;
  let prev = '';
  for (let i = from; i < to; i++) {
    if (skip.has(i)) continue;
    const raw = lines[i] ?? '';
    if (PAGE_FOOTER.test(raw)) continue;
    const norm = normalizeLine(raw);
    if (norm.length === 0) continue;
    if (length > 0) {
      const hardBreak =
        SENTENCE_END.test(prev) ||
        NUMBERED_START.test(norm) ||
        (prev.length <= 24 && NUMBERED_START.test(prev) && !/[，、]$/.test(prev));
      if (hardBreak) {
        parts.push('\n');
        length++;
      }
    }
    starts.push(length);
    lineIdx.push(i);
    parts.push(norm);
    length += norm.length;
    prev = norm;
  }
  return { text: parts.join(''), starts, lineIdx };
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
