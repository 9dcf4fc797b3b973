/**
 * Monotonic alignment of printed value groups to a table's expected rows (dynamic programming, O(groups ×
 * rows)). Same-line labels decide; groups whose labels were separated from them by PDF-to-text are placed
 * in printed order between their labelled neighbours, helped by the label-only lines printed before them.
 */
import type { ValueGroup } from './groups.ts';
import { type Catalogue, type LabelMatch, labelCore, leadingNumeral, matchLabel } from './labels.ts';
import type { LabelToken } from './tokens.ts';

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
  /** Row keys named by the first label-only line after the group (the rest of a label wrapped below). */
  after: string[];
}

/** rowKeys results per match list: matchLabel returns its cached lists, so the same ones recur. */
const ROW_KEYS = new WeakMap<LabelMatch[], readonly string[]>();

/**
 * Row keys a label can mean: catalogue keys that are rows (group and header keys start with '#').
 * Shared and never modified by the callers (they copy or only read).
 */
function rowKeys(matches: LabelMatch[]): string[] {
  let keys = ROW_KEYS.get(matches);
  if (!keys) {
    keys = matches.filter((m) => !m.key.startsWith('#')).map((m) => m.key);
    ROW_KEYS.set(matches, keys);
  }
  return keys as string[];
}

/** rowKeys of a printed label's matches, by its text (remembered per catalogue, bounded like matchLabel's cache). */
function labelRowKeys(text: string, cat: Catalogue): string[] {
  let keys = cat.rowKeys.get(text);
  if (keys === undefined) {
    keys = rowKeys(matchLabel(text, cat));
    if (cat.rowKeys.size >= 4000) cat.rowKeys.clear();
    cat.rowKeys.set(text, keys);
  }
  return keys;
}

/** The empty key list the evidence starts with (shared, never written to). */
const NO_KEYS: string[] = [];

/** Evidence of one group from its own line and the first label line below it (before-lines come later). */
function ownEvidence(g: ValueGroup, cat: Catalogue): GroupEvidence {
  // Shared empty lists until a list has something (near and soft are set by groupsEvidence; none is written to).
  const ev: GroupEvidence = { strong: NO_KEYS, near: NO_KEYS, soft: NO_KEYS, after: NO_KEYS };
  // The last same-line label that names a row wins: `三、本年度办理结果 | （一）予以公开 | 0 …`.
  for (let i = g.labels.length - 1; i >= 0; i--) {
    const keys = labelRowKeys(g.labels[i].text, cat);
    if (keys.length > 0) {
      ev.strong = keys;
      const m = matchLabel(g.labels[i].text, cat);
      let best = m[0];
      for (const x of m) {
        if (!x.key.startsWith('#')) {
          best = x;
          break;
        }
      }
      ev.strongMatch = { text: g.labels[i].text, match: best, cell: g.labels[i].ref };
      break;
    }
  }
  if (ev.strong.length === 0 && g.labels.length > 1) {
    // A label wrapped into two cells of one line (`缴纳费用、 | 行政机关不再处理其政`).
    const joined = g.labels.map((l) => l.text).join('');
    ev.strong = labelRowKeys(joined, cat);
  }
  // The first label line below a group may be the rest of its wrapped label.
  // Only a group without a same-line row label is placed by the labels around it (see scoreRow; sec2's rowOf
  // also reads `near` only then): a labelled group's other evidence is never read, so it is not gathered.
  if (ev.strong.length === 0 && g.after.length > 0 && isContinuation(g.after[0], cat)) {
    const after: string[] = [];
    for (const l of g.after[0]) for (const k of labelRowKeys(l.text, cat)) after.push(k);
    ev.after = after;
  }
  return ev;
}

/**
 * The labels printed in label-only lines, one entry per label: a line that continues the label above it
 * (wrapped) is merged into it, lines naming no row are dropped.
 */
function labelEntries(lines: LabelToken[][], cat: Catalogue): string[][] {
  const out: string[][] = [];
  for (const line of lines) {
    const keys: string[] = [];
    for (const l of line) for (const k of labelRowKeys(l.text, cat)) keys.push(k);
    if (keys.length === 0) continue;
    const prev = out.at(-1);
    if (prev && isContinuation(line, cat) && keys.some((k) => prev.includes(k))) continue;
    out.push(keys);
  }
  return out;
}

/**
 * Evidence for every group, read against one catalogue. Unlabelled groups printed one after another (PDF-to-text
 * printed their labels in a block above them) share the label lines before the first of them: the last labels
 * of the block go, in order, to the groups of the run.
 */
export function groupsEvidence(groups: ValueGroup[], cat: Catalogue): GroupEvidence[] {
  const ev: GroupEvidence[] = new Array(groups.length);
  for (let k = 0; k < groups.length; k++) ev[k] = ownEvidence(groups[k], cat);
  let i = 0;
  while (i < groups.length) {
    if (ev[i].strong.length > 0) {
      i++; // its near and soft evidence would not be read (see ownEvidence)
      continue;
    }
    let j = i + 1;
    while (j < groups.length && ev[j].strong.length === 0 && groups[j].before.length === 0) j++;
    const entries = labelEntries(groups[i].before, cat);
    const run = j - i;
    const soft: string[] = [];
    for (const e of entries) for (const k of e) soft.push(k); // entries.flat(), without its slow generic path
    for (let k = i; k < j; k++) {
      const e = entries.length >= run ? entries[entries.length - run + (k - i)] : entries[k - i];
      // A continuation line directly above belongs to the row above, not to this one.
      const nearest = groups[i].before.at(-1);
      const demote = k === i && run === 1 && nearest !== undefined && isContinuation(nearest, cat);
      ev[k].near = e && !demote ? e : NO_KEYS;
      ev[k].soft = soft;
    }
    i = j;
  }
  return ev;
}

/** Evidence for one group on its own (label-driven tables: 二). */
export function groupEvidence(g: ValueGroup, cat: Catalogue): GroupEvidence {
  return groupsEvidence([g], cat)[0];
}

/** A label line that reads as the middle or end of a wrapped label: no numbering, not the start of any label. */
function isContinuation(line: LabelToken[], cat: Catalogue): boolean {
  if (line.length !== 1) return false;
  const text = line[0].text;
  // A pure function of the text and the catalogue, asked several times per label line: memoised like
  // matchLabel, per catalogue and bounded.
  const memo = cat.continuation;
  const known = memo.get(text);
  if (known !== undefined) return known;
  const result = continues(text, cat);
  if (memo.size >= 4000) memo.clear();
  memo.set(text, result);
  return result;
}


function continues(text: string, cat: Catalogue): boolean {
  if (leadingNumeral(text) !== '') return false;
  const ms = matchLabel(text, cat);
  if (ms.length === 0) return false;
  const core = labelCore(text);
  return ms.every((m) => m.kind === 'fragment' && m.precision === 1 && !startsLabel(core, m.key, cat));
}

function startsLabel(core: string, key: string, cat: Catalogue): boolean {
  const e = cat.entries.find((x) => x.key === key);
  return e !== undefined && e.core.startsWith(core);
}

/** The alignment: for each group, the row index it is read as (or -1), and the total score. */
export interface Alignment {
  rowOf: number[];
  score: number;
}

/** Row key → indexes in a rows list, built once per list (the lists are the templates' constants). */
const ROW_INDEX = new WeakMap<string[], Map<string, number[]>>();

function rowIndex(rows: string[]): Map<string, number[]> {
  let idx = ROW_INDEX.get(rows);
  if (!idx) {
    idx = new Map();
    rows.forEach((r, j) => {
      const list = idx!.get(r);
      if (list) list.push(j);
      else idx!.set(r, [j]);
    });
    ROW_INDEX.set(rows, idx);
  }
  return idx;
}

/**
 * Scores of reading a group as each row: a same-line label decides (100 when it names one row, 60 when
 * several, -1 for rows it does not name). Without one, a base of 20 outweighs soft evidence (reading every
 * printed row beats following a scattered label), +30 when the nearest label line (or the one after) names
 * the row, else +15 when another label line since the previous group does; a lone number with no label (a
 * stray `1`) is not a row, so -40 when the group has fewer than half the table's usual row width ("usual":
 * a PDF whose blank cells print nothing has rows of two numbers). A full row gets +5 either way.
 * One array per group: the DP reads it m × n times, and a group's evidence names only a few rows, so
 * marking those beats testing every row's key in every cell. Written into `out` (length: the rows).
 */
function scoreRow(ev: GroupEvidence, count: number, expected: number, typical: number, idx: Map<string, number[]>, out: Float64Array): void {
  const bonus = count === expected ? 5 : 0;
  if (ev.strong.length > 0) {
    out.fill(-1);
    markRows(ev.strong, (ev.strong.length === 1 ? 100 : 60) + bonus, idx, out);
    return;
  }
  const base = 20 - (count < Math.ceil(Math.min(expected, typical) / 2) ? 40 : 0);
  out.fill(base + bonus);
  // Soft first, then near/after over it: near or after wins when a row is named by both.
  markRows(ev.soft, base + 15 + bonus, idx, out);
  markRows(ev.near, base + 30 + bonus, idx, out);
  markRows(ev.after, base + 30 + bonus, idx, out);
}

/** Sets the score of every row named by `keys` (a module function, not a closure made per call). */
function markRows(keys: string[], value: number, idx: Map<string, number[]>, out: Float64Array): void {
  for (const k of keys) {
    const js = idx.get(k);
    if (js) for (const j of js) out[j] = value;
  }
}

/** The DP tables of alignGroups, kept between calls (calls are synchronous and copy nothing out of them). */
let DP = new Float64Array(1024);
let HOW = new Uint8Array(1024);
let SCORES = new Float64Array(64);

/**
 * DP tables of at least `cells` cells and a scores array of at least `rows`: reused, because three fresh
 * typed arrays per alignment (several per report) are off-heap allocations the collector must sweep.
 * Bounded: a table of unusual size gets arrays of its own.
 */
function tablesFor(cells: number, rows: number): { dp: Float64Array; how: Uint8Array; scores: Float64Array } {
  if (cells > 1 << 16 || rows > 1024) return { dp: new Float64Array(cells), how: new Uint8Array(cells), scores: new Float64Array(rows) };
  if (cells > DP.length) {
    DP = new Float64Array(cells);
    HOW = new Uint8Array(cells);
  }
  if (rows > SCORES.length) SCORES = new Float64Array(rows);
  return { dp: DP, how: HOW, scores: SCORES };
}

/** Aligns groups to rows, keeping printed order. Assignments scoring ≤ 0 are never made. */
export function alignGroups(evidence: GroupEvidence[], counts: number[], rows: string[], expected: number): Alignment {
  const m = evidence.length;
  const n = rows.length;
  const idx = rowIndex(rows);
  const direct = directAlignment(evidence, counts, expected, idx);
  if (direct) return direct;
  const typical = median(counts);
  // dp[i*(n+1)+j]: best score with the first i groups and the first j rows; how: the step that got there.
  const w = n + 1;
  // Reused tables (see tablesFor): every cell read below is written first, except dp[0], the empty start.
  const { dp, how, scores } = tablesFor((m + 1) * w, n);
  // Every dp value is finite (sums of scores from dp[0] = 0), so "better than nothing yet" is step 1 (the
  // group above left unread) wherever there is a group above; ties keep the earlier step, as before.
  dp[0] = 0;
  for (let j = 1; j <= n; j++) {
    dp[j] = dp[j - 1];
    how[j] = 2; // row j-1 missing
  }
  for (let i = 1; i <= m; i++) {
    scoreRow(evidence[i - 1], counts[i - 1], expected, typical, idx, scores);
    const row = i * w;
    const above = row - w;
    let left = dp[above];
    dp[row] = left;
    how[row] = 1; // group i-1 left unread
    for (let j = 1; j <= n; j++) {
      let best = dp[above + j];
      let step = 1;
      if (left > best) {
        best = left;
        step = 2;
      }
      const s = scores[j - 1];
      if (s > 0) {
        const diagonal = dp[above + j - 1] + s;
        if (diagonal > best) {
          best = diagonal;
          step = 3;
        }
      }
      dp[row + j] = best;
      how[row + j] = step;
      left = best;
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

/**
 * The alignment without its table, when every group's own label names one row (of one place in the rows)
 * and those rows come in printed order: each group is then read as its row. That is the only best
 * alignment — any other row scores -1 for such a group, which is never taken, and leaving one unread loses
 * its 100 — so the table would find the same. Null when the groups are not like that.
 */
function directAlignment(evidence: GroupEvidence[], counts: number[], expected: number, idx: Map<string, number[]>): Alignment | null {
  const rowOf = new Array<number>(evidence.length);
  let score = 0;
  let last = -1;
  for (let i = 0; i < evidence.length; i++) {
    const strong = evidence[i].strong;
    if (strong.length !== 1) return null;
    const js = idx.get(strong[0]);
    if (!js || js.length !== 1 || js[0] <= last) return null;
    last = js[0];
    rowOf[i] = last;
    score += 100 + (counts[i] === expected ? 5 : 0); // scoreRow's score of a group's own row
  }
  return { rowOf, score };
}

function median(xs: number[]): number {
  if (xs.length === 0) return 0;
  const s = xs.slice();
  if (s.length > 64) s.sort((a, b) => a - b);
  else {
    // A table's few dozen groups: insertion sort, without the comparator calls of Array.prototype.sort.
    for (let i = 1; i < s.length; i++) {
      const v = s[i];
      let j = i - 1;
      for (; j >= 0 && s[j] > v; j--) s[j + 1] = s[j];
      s[j + 1] = v;
    }
  }
  return s[Math.floor(s.length / 2)];
}
