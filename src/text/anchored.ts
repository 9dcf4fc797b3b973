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
}
const STARTS = new WeakMap<Anchoring, StartTest>();

function startTest(chars: string): StartTest {
  const codes = [...chars].map((c) => c.charCodeAt(0));
  const byLowByte = new Uint8Array(256);
  for (const c of codes) byLowByte[c & 0xff] = 1;
  return { codes, byLowByte };
}

/**
 * Every match of `sticky` (a regex with flag y, never matching the empty string) in `text` from offset
 * `from`, in order, as `exec` with flag g from lastIndex = `from` would return them.
 */
export function anchoredMatches(text: string, sticky: RegExp, how: Anchoring, from = 0): RegExpExecArray[] {
  const found: number[] = [];
  for (const word of how.anchors) for (let q = text.indexOf(word); q >= 0; q = text.indexOf(word, q + 1)) found.push(q);
  const out: RegExpExecArray[] = [];
  if (found.length === 0) return out;
  // A typed array sorts numerically in native code (a comparator would be called per comparison); always
  // one, so the loop below reads one kind of array.
  const at = new Int32Array(found);
  if (how.anchors.length > 1) at.sort();
  let test = STARTS.get(how);
  if (!test) STARTS.set(how, (test = startTest(how.starts)));
  const { codes, byLowByte } = test;
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
