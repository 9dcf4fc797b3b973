/**
 * Regex scans that start only where a match can start. A pattern whose every match contains a literal
 * anchor word (年, 第一, 复议…) at a bounded distance from its start need not be tried at every position:
 * the anchors are found by native substring search, and the pattern is tried, sticky, only at the few
 * positions before each anchor whose character can begin it. The matches are exactly those of a global
 * exec loop (the same leftmost starts, in order, never overlapping), at a fraction of the cost when the
 * pattern begins with a common character class.
 */

/** Where a pattern's matches can start relative to its anchors. */
export interface Anchoring {
  /** Literal words, one of which every match contains. */
  anchors: readonly string[];
  /** Fewest characters from a match's start to its anchor. */
  minLead: number;
  /** Most characters from a match's start to its anchor. */
  maxLead: number;
  /** The characters a match can start with (a cheap test before each sticky attempt). */
  starts: string;
}

/** The start characters as code units, with a filter by low byte that rejects almost every other unit. */
interface StartTest {
  codes: number[];
  byLowByte: Uint8Array;
  /** The first code unit of each anchor word, in `anchors` order. */
  firsts: number[];
}
const STARTS = new WeakMap<Anchoring, StartTest>();

function startTest(how: Anchoring): StartTest {
  const codes = [...how.starts].map((c) => c.charCodeAt(0));
  const byLowByte = new Uint8Array(256);
  for (const c of codes) byLowByte[c & 0xff] = 1;
  return { codes, byLowByte, firsts: how.anchors.map((w) => w.charCodeAt(0)) };
}

/**
 * Offsets of some characters of the text, noted beforehand (buildProse notes them in Prose.marks): where
 * every anchor word begins with one of them, its occurrences are found among these offsets instead of by
 * substring searches over the whole text.
 */
export interface NotedChars {
  /** Offsets in the text of every occurrence of the noted characters, ascending. */
  at: readonly number[];
  /** Whether a character (code unit) is noted. */
  has(c: number): boolean;
}

/**
 * Every match of `sticky` (a regex with flag y, never matching the empty string, whose every match starts
 * with one of the characters `starts`) in `text` from offset `from`, in order, as `exec` with flag g from
 * lastIndex = `from` would return them: tried only at the noted offsets of those characters when all of
 * them are noted (else at every offset holding one). For a pattern whose anchor word comes far after
 * its start (「没有收到…申请」), the few start characters are fewer offsets to try than the anchors' windows.
 */
export function startedMatches(text: string, sticky: RegExp, starts: string, noted: NotedChars, from = 0): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  let allNoted = true;
  for (let k = 0; k < starts.length && allNoted; k++) allNoted = noted.has(starts.charCodeAt(k));
  const at = noted.at;
  const n = allNoted ? at.length : text.length;
  let next = from; // the first offset not yet tried (and past the last match)
  for (let i = 0; i < n; i++) {
    const s = allNoted ? at[i]! : i;
    if (s < next) continue;
    const c = text.charCodeAt(s);
    let can = false;
    for (let k = 0; k < starts.length; k++) if (starts.charCodeAt(k) === c) can = true;
    if (!can) continue;
    sticky.lastIndex = s;
    const m = sticky.exec(text);
    if (!m) continue;
    out.push(m);
    next = s + Math.max(1, m[0].length);
  }
  return out;
}

/**
 * Every match of `sticky` (a regex with flag y, never matching the empty string) in `text` from offset
 * `from`, in order, as `exec` with flag g from lastIndex = `from` would return them.
 */
export function anchoredMatches(text: string, sticky: RegExp, how: Anchoring, from = 0, noted?: NotedChars): RegExpExecArray[] {
  let test = STARTS.get(how);
  if (!test) STARTS.set(how, (test = startTest(how)));
  const { codes, byLowByte, firsts } = test;
  // Every occurrence of an anchor word, ascending (a position twice, for words one of which begins the
  // other, would be harmless: the loop below never tries a start twice).
  const at: number[] = [];
  let allNoted = noted !== undefined;
  for (let k = 0; k < firsts.length && allNoted; k++) allNoted = noted!.has(firsts[k]!);
  if (allNoted) {
    const marks = noted!.at;
    for (let i = 0; i < marks.length; i++) {
      const p = marks[i]!;
      const c = text.charCodeAt(p);
      for (let k = 0; k < firsts.length; k++) {
        if (firsts[k] === c && text.startsWith(how.anchors[k]!, p)) {
          at.push(p);
          break;
        }
      }
    }
  } else {
    for (const word of how.anchors) for (let q = text.indexOf(word); q >= 0; q = text.indexOf(word, q + 1)) at.push(q);
    // A typed array sorts numerically in native code (a comparator would be called per comparison).
    if (how.anchors.length > 1) {
      const sorted = new Int32Array(at).sort();
      for (let i = 0; i < at.length; i++) at[i] = sorted[i]!;
    }
  }
  const out: RegExpExecArray[] = [];
  let next = from; // the first start not yet tried (and past the last match)
  for (let a = 0; a < at.length; a++) {
    const q = at[a]!;
    const last = q - how.minLead;
    for (let s = Math.max(next, q - how.maxLead, 0); s <= last; s++) {
      const c = text.charCodeAt(s);
      if (byLowByte[c & 0xff] === 0) continue;
      let can = false;
      for (let k = 0; k < codes.length; k++) if (codes[k] === c) can = true;
      if (!can) continue;
      sticky.lastIndex = s;
      const m = sticky.exec(text);
      if (!m) continue;
      out.push(m);
      s += Math.max(1, m[0].length) - 1; // the next attempt starts where the match ends
      next = s + 1;
    }
    if (last + 1 > next) next = last + 1;
  }
  return out;
}
