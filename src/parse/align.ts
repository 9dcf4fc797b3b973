/**
 * Monotonic alignment of printed value groups to a table's expected rows (dynamic programming, O(groups ×
 * rows)). Same-line labels decide; groups whose labels were separated from them by PDF-to-text are placed
 * in printed order between their labelled neighbours, helped by the label-only lines printed before them.
 */
import type { ValueGroup } from './groups.ts';
import { type Catalogue, type LabelMatch, matchLabel } from './labels.ts';

/** What the labels around a group say about the row it is. */
export interface GroupEvidence {
  /** Row keys named by the same-line label (empty when the line has no row label). */
  strong: string[];
  /** The same-line label match that decided, for label checks. */
  strongMatch?: { text: string; match: LabelMatch; cell: { line: number; cell: number } };
  /** Row keys named by the nearest label-only line before the group. */
  near: string[];
  /** Row keys named by other label-only lines since the previous group. */
  soft: string[];
}

/** Row keys a label can mean: catalogue keys that are rows (group and header keys start with '#'). */
function rowKeys(matches: LabelMatch[]): string[] {
  return matches.filter((m) => !m.key.startsWith('#')).map((m) => m.key);
}

/** Evidence for every group, read against one catalogue. */
export function groupEvidence(g: ValueGroup, cat: Catalogue): GroupEvidence {
  const ev: GroupEvidence = { strong: [], near: [], soft: [] };
  // The last same-line label that names a row wins: `三、本年度办理结果 | （一）予以公开 | 0 …`.
  for (let i = g.labels.length - 1; i >= 0; i--) {
    const m = matchLabel(g.labels[i].text, cat);
    const keys = rowKeys(m);
    if (keys.length > 0) {
      ev.strong = keys;
      const best = m.find((x) => !x.key.startsWith('#')) as LabelMatch;
      ev.strongMatch = { text: g.labels[i].text, match: best, cell: g.labels[i].ref };
      break;
    }
  }
  if (ev.strong.length === 0 && g.labels.length > 1) {
    // A label wrapped into two cells of one line (`缴纳费用、 | 行政机关不再处理其政`).
    const joined = g.labels.map((l) => l.text).join('');
    ev.strong = rowKeys(matchLabel(joined, cat));
  }
  for (let i = g.before.length - 1; i >= 0; i--) {
    const keys: string[] = [];
    for (const l of g.before[i]) keys.push(...rowKeys(matchLabel(l.text, cat)));
    if (i === g.before.length - 1) ev.near = keys;
    else ev.soft.push(...keys);
  }
  return ev;
}

/** Score of reading group g as row r. */
function score(ev: GroupEvidence, count: number, expected: number, typical: number, row: string): number {
  let s: number;
  if (ev.strong.length > 0) {
    if (!ev.strong.includes(row)) return -1;
    s = ev.strong.length === 1 ? 100 : 60;
  } else {
    // The base outweighs soft evidence: reading every printed row beats following a scattered label.
    s = 20;
    if (ev.near.includes(row)) s += 30;
    else if (ev.soft.includes(row)) s += 15;
    // A lone number with no label (a stray `1`) is not a row. "Lone" is relative to the table's usual row
    // width: a PDF whose blank cells print nothing has rows of two numbers.
    if (count < Math.ceil(Math.min(expected, typical) / 2)) s -= 40;
  }
  if (count === expected) s += 5;
  return s;
}

/** The alignment: for each group, the row index it is read as (or -1), and the total score. */
export interface Alignment {
  rowOf: number[];
  score: number;
}

/** Aligns groups to rows, keeping printed order. Assignments scoring ≤ 0 are never made. */
export function alignGroups(evidence: GroupEvidence[], counts: number[], rows: string[], expected: number): Alignment {
  const m = evidence.length;
  const typical = median(counts);
  const n = rows.length;
  // dp[i*(n+1)+j]: best score with the first i groups and the first j rows; how: the step that got there.
  const w = n + 1;
  const dp = new Float64Array((m + 1) * w);
  const how = new Uint8Array((m + 1) * w);
  for (let i = 0; i <= m; i++) {
    for (let j = 0; j <= n; j++) {
      if (i === 0 && j === 0) continue;
      let best = -Infinity;
      let step = 0;
      if (i > 0 && dp[(i - 1) * w + j] > best) {
        best = dp[(i - 1) * w + j];
        step = 1; // group i-1 left unread
      }
      if (j > 0 && dp[i * w + j - 1] > best) {
        best = dp[i * w + j - 1];
        step = 2; // row j-1 missing
      }
      if (i > 0 && j > 0) {
        const s = score(evidence[i - 1], counts[i - 1], expected, typical, rows[j - 1]);
        if (s > 0 && dp[(i - 1) * w + j - 1] + s > best) {
          best = dp[(i - 1) * w + j - 1] + s;
          step = 3;
        }
      }
      dp[i * w + j] = best;
      how[i * w + j] = step;
    }
  }
  const rowOf = new Array<number>(m).fill(-1);
  let i = m;
  let j = n;
  while (i > 0 || j > 0) {
    const step = how[i * w + j];
    if (step === 3) {
      rowOf[i - 1] = j - 1;
      i--;
      j--;
    } else if (step === 1) i--;
    else j--;
  }
  return { rowOf, score: dp[m * w + n] };
}

function median(xs: number[]): number {
  if (xs.length === 0) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}
