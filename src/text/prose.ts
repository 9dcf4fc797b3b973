/**
 * The narrative of a report as one scannable string: table lines and page footers dropped, wrapped lines
 * joined, digits half-width, ASCII clause punctuation made full-width, spaces removed. Every offset maps
 * back to the source line it came from, so findings can point at lines.
 */
import { fixCommas, mapUnit, startsNumberedAt, unitsText } from './prose-units.ts';
import type { NotedChars } from './anchored.ts';

/** The joined narrative with an offset → line map. */
export interface Prose {
  /** Normalised text; paragraphs separated by '\n'. */
  text: string;
  /** Offset in `text` where each contributed line starts (ascending). */
  starts: number[];
  /** Source line index of each entry of `starts`. */
  lineIdx: number[];
  /**
   * Offsets in `text` of the characters the scans look for (ascending), noted while the text is built:
   * MARKED_CHARS (the sentence ends 。！？；, the count units 件起宗, the first characters of the words
   * the anchored scans look for).
   */
  marks: readonly number[];
  /** Offsets in `text` of the paragraph breaks (ascending). */
  breaks: readonly number[];
}

const TO_FULL: Record<string, string> = { ',': '，', ';': '；', ':': '：', '(': '（', ')': '）', '?': '？', '!': '！' };
const PAGE_FOOTER = /^[\s\-—–_·\d第页共/]*$/;
const FULL_WIDTH_ALNUM = /[０-９Ａ-Ｚａ-ｚ]/g;
/** Whitespace of any width and markdown marks (emphasis, headings, table pipes). */
const SPACE_RUN = /[\s*#|`]+/g;
const PLAIN_PUNCT = [';', ':', '(', ')', '?', '!'];
const PLAIN_PUNCT_TEST = /[;:()?!]/;
/** A comma to make full-width: not one between digits (「1,295」 is a thousands separator). */
const ASCII_COMMA = /,(?!\d{3}(?!\d))|(?<!\d),/g;
const SPACE_TEST = /[\s*#|`]/;
/** Every unit the rules of normalizeLine change, but for the full-width digits and letters. */
const ASCII_TO_NORMALIZE = /[\s*#|`;:()?!,]/;
const FULL_WIDTH_ALNUM_TEST = /[０-９Ａ-Ｚａ-ｚ]/;

/**
 * Normalises one line: half-width digits and letters, full-width clause punctuation, no spaces or
 * markdown marks (「1 295 件」 reads 1295; Latin words lose their spaces, which no check needs).
 * Regex-only, so it runs at native speed.
 */
export function normalizeLine(line: string): string {
  // Most lines hold nothing any rule below touches: two native tests prove it.
  if (!ASCII_TO_NORMALIZE.test(line) && !FULL_WIDTH_ALNUM_TEST.test(line)) return line;
  let s = line;
  if (FULL_WIDTH_ALNUM_TEST.test(s)) s = s.replace(FULL_WIDTH_ALNUM, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  if (SPACE_TEST.test(s)) s = s.replace(SPACE_RUN, '');
  // Plain string replacements (no per-match callback), each only when its character occurs.
  if (PLAIN_PUNCT_TEST.test(s)) for (const ch of PLAIN_PUNCT) if (s.includes(ch)) s = s.replaceAll(ch, TO_FULL[ch]!);
  if (s.includes(',')) s = s.replace(ASCII_COMMA, '，');
  return s;
}

/** Line indexes to leave out (a Set, or anything else that answers `has`). */
export interface LineSet {
  has(line: number): boolean;
}

/**
 * Whether a line starting with this code unit can be a PAGE_FOOTER: a superset of its class (ASCII, the
 * no-break and other Unicode spaces, the dashes, ·, 第, 页, 共), so that most short lines, which start with
 * an ideograph or a bracket, skip the regex.
 */
function mayStartFooter(c: number): boolean {
  return c < 0x80 || c === 0xa0 || c === 0xb7 || (c >= 0x1680 && c <= 0x3000) || c === 0xfeff || c === 0x7b2c || c === 0x9875 || c === 0x5171;
}

/** U+0001, which once separated lines joined for normalising; dropped from lines for the same output. */
const SEP_CODE = 1;

/** Character codes (not one-character strings, which would be allocated per line) of sentence ends… */
const codesOf = (chars: string) => new Set([...chars].map((c) => c.charCodeAt(0)));
const SENTENCE_END_CODES = codesOf('。！？；：!?;:');
const COMMA = '，'.charCodeAt(0);
const ENUM_COMMA = '、'.charCodeAt(0);

/** Reused output buffer of buildProse (grown as needed; never shared across calls, which are synchronous). */
let units: Uint16Array = new Uint16Array(1 << 14);

/** `units`, grown (contents kept) to hold at least `n` code units. */
function unitsFor(n: number): Uint16Array {
  if (n > units.length) {
    const grown = new Uint16Array(Math.max(n, units.length * 2));
    grown.set(units);
    units = grown;
  }
  return units;
}

/**
 * The characters whose offsets buildProse notes (Prose.marks): the sentence ends and count units, then the
 * first characters of the anchor words of the anchored prose scans (年, 申请, 复议, 诉讼, 维持, 纠错, 败诉,
 * 满分, 第一, 茅; see anchored.ts) and the first characters of the matches of 「没有收到…申请」 (没未无),
 * so that those scans need no substring search over the prose.
 */
export const MARKED_CHARS = '。！？；件起宗年申复诉维纠败满第茅没未无';
const MARKED_CODES = new Set([...MARKED_CHARS].map((c) => c.charCodeAt(0)));

/** Whether buildProse notes the offsets of this character (a code of MARKED_CHARS). */
export function isMarkedChar(c: number): boolean {
  return MARKED_CODES.has(c);
}

/** The marks of a prose as anchoredMatches reads them: its anchored scans need no search of the text. */
export function notedChars(prose: Prose): NotedChars {
  return { at: prose.marks, has: isMarkedChar };
}

/** Flag bits above the unit in UNIT_MAP: an ASCII comma (fixed up later), a marked character (Prose.marks). */
const COMMA_FLAG = 1 << 16;
const MARKED = 2 << 16;

/**
 * `mapUnit` of every UTF-16 code unit (the separator U+0001 dropped too): −1 for a dropped unit, else the
 * unit it becomes, with COMMA_FLAG or MARKED added above its 16 bits; built on first use.
 */
let UNIT_MAP: Int32Array | undefined;

function unitMap(): Int32Array {
  if (!UNIT_MAP) {
    UNIT_MAP = new Int32Array(0x10000);
    for (let c = 0; c < 0x10000; c++) UNIT_MAP[c] = c === SEP_CODE ? -1 : mapUnit(c);
    UNIT_MAP[0x2c] = 0x2c | COMMA_FLAG;
    for (const ch of MARKED_CHARS) {
      const c = ch.charCodeAt(0);
      UNIT_MAP[c] = c | MARKED;
    }
    // ASCII ; ! ? become full-width sentence ends.
    for (const c of [0x3b, 0x21, 0x3f]) UNIT_MAP[c] = UNIT_MAP[c]! | MARKED;
  }
  return UNIT_MAP;
}

/** Above this many code units the grown buffer is not kept for later reports (a rare huge narrative). */
const UNITS_KEPT = 1 << 20;

/**
 * Builds the prose of a report from its lines, skipping the given (table) line indexes. Each kept line is
 * normalised exactly as `normalizeLine` would (see prose-units.ts) straight into one code-unit buffer,
 * which becomes the text in one copy: no string per line, no join or split.
 */
export function buildProse(lines: string[], skip: LineSet, from = 0, to = lines.length): Prose {
  const starts: number[] = [];
  const lineIdx: number[] = [];
  let buf = units;
  let o = 0; // units written
  let prevStart = 0; // the previous non-empty line, at [prevStart, o)
  const map = unitMap();
  let marks = marksBuffer;
  let ne = 0; // marked characters noted
  const breaks: number[] = [];
  for (let i = from; i < to; i++) {
    if (skip.has(i)) continue;
    const raw = lines[i] ?? '';
    // Page footers (「-3-」「— 3 —」「第3页」) are short; only short lines that may be one need the test.
    if (raw.length < 16 && (raw.length === 0 || mayStartFooter(raw.charCodeAt(0))) && PAGE_FOOTER.test(raw)) continue;
    // Written one past the end, leaving room for a paragraph break before the line.
    if (o + raw.length + 1 > buf.length) buf = unitsFor(o + raw.length + 1);
    const ls = o + 1;
    let le = ls;
    let comma = 0;
    if (ne + raw.length > marks.length) marks = marksFor(ne + raw.length);
    const ne0 = ne;
    // One table load per unit and no branch: a dropped unit (−1) is written and then overwritten, as `le`
    // does not advance past it (the mix of ideographs, digits and punctuation defeats branch prediction).
    for (let k = 0; k < raw.length; k++) {
      const v = map[raw.charCodeAt(k)]!;
      buf[le] = v; // the store keeps the unit (the low 16 bits)
      if (v > 0xffff) {
        // Rare (a marked character or an ASCII comma), so this branch is well predicted.
        if (v >= MARKED) marks[ne++] = le;
        else comma = 1;
      }
      le += 1 + (v >> 31);
    }
    if (le === ls) continue;
    if (comma !== 0) fixCommas(buf, ls, le); // a second pass over the line, only when it has an ASCII comma
    let at = ls;
    if (o > 0) {
      const last = buf[o - 1] as number;
      const hardBreak =
        SENTENCE_END_CODES.has(last) ||
        startsNumberedAt(buf, ls, le) ||
        (o - prevStart <= 24 && last !== COMMA && last !== ENUM_COMMA && startsNumberedAt(buf, prevStart, o));
      if (hardBreak) {
        buf[o] = 0x0a;
        breaks.push(o);
      } else at = o;
    } else {
      at = 0;
    }
    if (at !== ls) {
      buf.copyWithin(at, ls, le);
      for (let j = ne0; j < ne; j++) marks[j]! -= ls - at;
    }
    starts.push(at);
    lineIdx.push(i);
    prevStart = at;
    o = at + (le - ls);
  }
  const text = unitsText(buf, o);
  // Plain arrays: typed arrays this long live off the heap and cost more to allocate than to fill.
  const marked: number[] = [];
  for (let j = 0; j < ne; j++) marked.push(marks[j]!);
  if (units.length > UNITS_KEPT) units = new Uint16Array(1 << 14);
  if (marksBuffer.length > UNITS_KEPT) marksBuffer = new Int32Array(1 << 12);
  return { text, starts, lineIdx, marks: marked, breaks };
}

/** Reused buffer of the marked characters buildProse notes (grown as needed). */
let marksBuffer: Int32Array = new Int32Array(1 << 12);

/** `marksBuffer`, grown (contents kept) to hold at least `n` offsets. */
function marksFor(n: number): Int32Array {
  const grown = new Int32Array(Math.max(n, marksBuffer.length * 2));
  grown.set(marksBuffer);
  marksBuffer = grown;
  return grown;
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
  /** The sentence as printed in the prose. */
  readonly text: string;
  /** Offset of the sentence's first character in `prose.text`. */
  readonly start: number;
  /** Offset just past its last character. */
  readonly end: number;
}

/**
 * A sentence as splitSentences finds it: its text is cut from the prose only when read (most sentences
 * are only located, never read), then kept.
 */
class ProseSentence implements Sentence {
  private cut: string | undefined;
  constructor(
    private readonly source: string,
    readonly start: number,
    readonly end: number,
  ) {}

  get text(): string {
    return (this.cut ??= this.source.slice(this.start, this.end));
  }
}

const SENTENCE = /[^。！？；\n]+[。！？；]?|[。！？；]/g;

/**
 * Splits prose into sentences at 。！？； and paragraph breaks (the delimiter stays with its sentence): the
 * definition; a prose from buildProse gets the same sentences from proseSentences without a pass.
 * `test` moves lastIndex to each match's end without building a match array; a match starts at the first
 * character after the previous one that is not a paragraph break, since every other character starts one.
 */
export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  let from = 0;
  SENTENCE.lastIndex = 0;
  while (SENTENCE.test(text)) {
    const end = SENTENCE.lastIndex;
    while (text.charCodeAt(from) === 0x0a) from++;
    out.push(new ProseSentence(text, from, end));
    from = end;
  }
  return out;
}

/** 。！？；, the sentence ends that stay with their sentence. */
function isSentenceEnd(c: number): boolean {
  return c === 0x3002 || c === 0xff01 || c === 0xff1f || c === 0xff1b;
}

/**
 * The sentences of a prose, as splitSentences would cut `prose.text`, from the sentence ends and paragraph
 * breaks buildProse noted: no pass over the text.
 */
export function proseSentences(prose: Prose): Sentence[] {
  const { text, marks, breaks } = prose;
  const out: Sentence[] = [];
  let from = 0; // where the next sentence starts
  let i = 0;
  let j = 0;
  while (true) {
    // The next sentence end among the marks (count units and anchor characters are marked too).
    while (i < marks.length && !isSentenceEnd(text.charCodeAt(marks[i]!))) i++;
    if (i >= marks.length && j >= breaks.length) break;
    if (j >= breaks.length || (i < marks.length && marks[i]! < breaks[j]!)) {
      const at = marks[i++]!;
      out.push(new ProseSentence(text, from, at + 1)); // the text before the end mark (maybe none), and it
      from = at + 1;
    } else {
      const at = breaks[j++]!;
      if (at > from) out.push(new ProseSentence(text, from, at));
      from = at + 1;
    }
  }
  if (text.length > from) out.push(new ProseSentence(text, from, text.length));
  return out;
}

/**
 * For each sentence, 1 when the global regex `re` (flag g) matches inside it, else 0: one pass over the prose.
 * The matches must hold no sentence end or paragraph break (words), so a match's last character lies in
 * the sentence of its first; `test` leaves lastIndex just past it and builds no match array.
 */
export function sentenceMarks(text: string, sentences: Sentence[], re: RegExp): number[] {
  // A plain array: a typed one this long lives off the heap and costs more to allocate than to fill.
  const marks = new Array<number>(sentences.length).fill(0);
  if (sentences.length === 0) return marks;
  let p = 0;
  re.lastIndex = 0;
  while (re.test(text)) {
    const at = re.lastIndex - 1;
    while (p + 1 < sentences.length && sentences[p + 1]!.start <= at) p++;
    marks[p] = 1;
    // The rest of this sentence cannot change its mark, and no match reaches across a sentence end.
    if (sentences.length > 0 && sentences[p]!.end > re.lastIndex) re.lastIndex = sentences[p]!.end;
  }
  return marks;
}

/**
 * `sentenceMarks` of a plain word (no sentence end or paragraph break in it): for a word beginning with a
 * character buildProse notes (申请…), its occurrences are read from the marks, with no pass over the text.
 */
export function wordSentenceMarks(prose: Prose, sentences: Sentence[], word: string): number[] {
  const marks = new Array<number>(sentences.length).fill(0);
  if (sentences.length === 0) return marks;
  const { text } = prose;
  const first = word.charCodeAt(0);
  const noted = isMarkedChar(first);
  const at = prose.marks;
  let p = 0;
  let i = 0;
  let q = noted ? -1 : text.indexOf(word);
  while (true) {
    if (noted) {
      // The next noted occurrence of the word's first character that begins the word.
      while (i < at.length && !(text.charCodeAt(at[i]!) === first && text.startsWith(word, at[i]!))) i++;
      if (i >= at.length) break;
      q = at[i++]!;
    } else if (q < 0) break;
    const last = q + word.length - 1; // the sentence of its last character, as sentenceMarks assigns it
    while (p + 1 < sentences.length && sentences[p + 1]!.start <= last) p++;
    marks[p] = 1;
    if (!noted) q = text.indexOf(word, q + 1);
  }
  return marks;
}

