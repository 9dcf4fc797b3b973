/**
 * The narrative of a report as one scannable string: table lines and page footers dropped, wrapped lines
 * joined, digits half-width, ASCII clause punctuation made full-width, spaces removed. Every offset maps
 * back to the source line it came from, so findings can point at lines.
 */
import { isSpace } from './normalize.ts';

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

/** Normalises one line: half-width digits, full-width clause punctuation, no spaces or markdown marks. */
export function normalizeLine(line: string): string {
  let out = '';
  let prevAscii = false;
  let pendingSpace = false;
  for (const raw of line) {
    if (isSpace(raw)) {
      pendingSpace = true;
      continue;
    }
    let ch = raw;
    const code = ch.charCodeAt(0);
    if (code >= 0xff10 && code <= 0xff19) ch = String.fromCharCode(code - 0xfee0); // full-width digits
    else if (code >= 0xff21 && code <= 0xff5a) ch = String.fromCharCode(code - 0xfee0); // full-width letters
    if (ch === '*' || ch === '#' || ch === '|' || ch === '`') {
      pendingSpace = true;
      continue;
    }
    ch = TO_FULL[ch] ?? ch;
    const c = ch.charCodeAt(0);
    const ascii = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
    if (pendingSpace && prevAscii && ascii) out += ' '; // keep "IPv6 平台"-like words apart only between Latin runs
    out += ch;
    prevAscii = ascii;
    pendingSpace = false;
  }
  return out;
}

/** Builds the prose of a report from its lines, skipping the given (table) line indexes. */
export function buildProse(lines: string[], skip: ReadonlySet<number>, from = 0, to = lines.length): Prose {
  let text = '';
  const starts: number[] = [];
  const lineIdx: number[] = [];
  let prev = '';
  for (let i = from; i < to; i++) {
    if (skip.has(i)) continue;
    const raw = lines[i] ?? '';
    if (PAGE_FOOTER.test(raw)) continue;
    const norm = normalizeLine(raw);
    if (norm.length === 0) continue;
    if (text.length > 0) {
      const hardBreak =
        SENTENCE_END.test(prev) ||
        NUMBERED_START.test(norm) ||
        (NUMBERED_START.test(prev) && prev.length <= 24 && !/[，、]$/.test(prev));
      if (hardBreak) text += '\n';
    }
    starts.push(text.length);
    lineIdx.push(i);
    text += norm;
    prev = norm;
  }
  return { text, starts, lineIdx };
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

/** Splits prose into sentences at 。！？； and paragraph breaks (the delimiter stays with its sentence). */
export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '。' || ch === '！' || ch === '？' || ch === '；' || ch === '\n') {
      const end = ch === '\n' ? i : i + 1;
      if (end > start) out.push({ text: text.slice(start, end), start });
      start = i + 1;
    }
  }
  if (start < text.length) out.push({ text: text.slice(start), start });
  return out;
}
