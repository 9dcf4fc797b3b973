/**
 * Column placement by position, for PDF rows whose blank cells left no text at all (a row printing only
 * 自然人 and 总计). The header words give each column's horizontal position; a value goes to the column
 * whose header it sits under. Used only when every anchor and value has a position and the placement is
 * unambiguous; otherwise the caller falls back to printed order (and STR-06 says so).
 */
import { labelCore } from './labels.ts';
import type { Span, TokenLine, ValueToken } from './tokens.ts';

/** A column's header position. */
export interface Anchor {
  column: number;
  center: number;
}

/** Header words of the columns: the start of each column's printed header (headers wrap: 商业/企业). */
export type ColumnWords = string[][];

const center = (x: Span) => (x.left + x.right) / 2;

/** Finds column anchors among the label tokens of the lines before `firstDataLine`. */
export function findAnchors(lines: TokenLine[], firstDataLine: number, words: ColumnWords): Anchor[] | null {
  const found = new Map<number, number>();
  for (const tl of lines) {
    if (tl.line >= firstDataLine) break;
    for (const t of tl.tokens) {
      if (t.kind !== 'label' || !t.x) continue;
      const core = labelCore(t.text);
      for (let c = 0; c < words.length; c++) {
        if (found.has(c)) continue;
        if (words[c].some((w) => core === w || (core.startsWith(w) && core.length <= w.length + 4))) {
          found.set(c, center(t.x));
          break;
        }
      }
    }
  }
  if (found.size < words.length) return null;
  const anchors = [...found.entries()].map(([column, c]) => ({ column, center: c })).sort((a, b) => a.column - b.column);
  // The header must read left to right in column order, or the positions mean nothing.
  for (let i = 1; i < anchors.length; i++) if (anchors[i].center <= anchors[i - 1].center) return null;
  return anchors;
}

/** Places values under the anchors; null when a value has no position, lies between columns, or two collide. */
export function placeByPosition(values: ValueToken[], anchors: Anchor[]): (ValueToken | null)[] | null {
  const out: (ValueToken | null)[] = anchors.map(() => null);
  for (const v of values) {
    if (!v.x) return null;
    const c = center(v.x);
    let best = -1;
    let bestDist = Infinity;
    let second = Infinity;
    for (let i = 0; i < anchors.length; i++) {
      const d = Math.abs(anchors[i].center - c);
      if (d < bestDist) {
        second = bestDist;
        bestDist = d;
        best = i;
      } else if (d < second) second = d;
    }
    // Clearly closer to one column than to its neighbour, and not already taken.
    if (best < 0 || out[best] !== null || bestDist * 2 > second) return null;
    out[best] = v;
  }
  return out;
}
