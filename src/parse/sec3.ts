/**
 * Table 三 (收到和处理政府信息公开申请情况): value groups → 25 (2021) or 23 (2019) rows × 7 columns.
 * Both layouts are tried; the one the labels and row count support better wins, which also detects the
 * mixed layout (a 2021 report with the single 2019 （六） row).
 */
import type { LabelIssue, RowRead, TableRead, TemplateId } from '../model.ts';
import { SEC3_2019, SEC3_2021, SEC3_COLUMNS, type Sec3RowDef } from '../spec/templates.ts';
import { alignGroups, type GroupEvidence, groupsEvidence } from './align.ts';
import { fitValues } from './fit.ts';
import type { ValueGroup } from './groups.ts';
import { buildCatalogue, type Catalogue, isTypo, labelCore, type LabelEntry } from './labels.ts';
import type { TokenLine } from './tokens.ts';
import type { CellSink } from './cells.ts';
import { type Anchor, findAnchors, placeByPosition } from './columns.ts';

/** Group labels: they span rows and carry no numbers ('#' keys are never rows). */
const GROUPS: LabelEntry[] = [
  { key: '#result', label: '三、本年度办理结果' },
  { key: '#denied', label: '（三）不予公开' },
  { key: '#unable', label: '（四）无法提供' },
  { key: '#notProcessed', label: '（五）不予处理' },
];

/** Catalogue entries of a layout's rows (合计 accepted for 总计, as a LBL-01 variant) plus group labels. */
function entries(rows: Sec3RowDef[], extra: LabelEntry[]): LabelEntry[] {
  return [
    ...rows.map((r): LabelEntry => ({
      key: r.key,
      label: r.label,
      ...(r.key === 'resultTotal' ? { variants: ['合计', '（七）合计'] } : {}),
    })),
    ...extra,
  ];
}

/** Label catalogues of table 三, per layout. */
const CATALOGUES: Record<TemplateId, Catalogue> = {
  '2021': buildCatalogue(entries(SEC3_2021, [...GROUPS, { key: '#other', label: '（六）其他处理' }])),
  '2019': buildCatalogue(entries(SEC3_2019, GROUPS)),
};

/** Header words of the seven columns, for placing PDF values by position. */
const COLUMN_WORDS = [['自然人'], ['商业企业', '商业'], ['科研机构', '科研'], ['社会公益组织', '社会公益', '社会组织'], ['法律服务机构', '法律服务'], ['其他'], ['总计', '合计']];

const ROWS: Record<TemplateId, Sec3RowDef[]> = { '2021': SEC3_2021, '2019': SEC3_2019 };
const ROW_KEYS: Record<TemplateId, string[]> = { '2021': SEC3_2021.map((r) => r.key), '2019': SEC3_2019.map((r) => r.key) };
const EXPECTED = SEC3_COLUMNS.length;
/** Index of the 总计 column: the sum of the six before it (used to pick the seven values among extras). */
const TOTAL_COL = SEC3_COLUMNS.length - 1;

/** True when every row was read from a group whose own label names it alone, and no group was left over. */
function isPerfect(rowOf: number[], ev: GroupEvidence[], rows: number): boolean {
  let n = 0;
  for (let i = 0; i < rowOf.length; i++) {
    if (rowOf[i] < 0 || ev[i].strong.length !== 1) return false;
    n++;
  }
  return n === rows;
}

/**
 * The most an alignment of these groups to `rows` rows can score (see scoreRow in align.ts): at most one
 * group per row, each at most 100, +5 for a group of a full row.
 */
function scoreBound(counts: number[], rows: number): number {
  const k = Math.min(counts.length, rows);
  let full = 0;
  for (const c of counts) if (c === EXPECTED) full++;
  return k * 100 + Math.min(k, full) * 5;
}

const KEY_CACHE = new Map<string, string[]>();

/** Field keys of one table-三 row, built once. */
function rowCellKeys(row: string): string[] {
  let keys = KEY_CACHE.get(row);
  if (!keys) {
    keys = SEC3_COLUMNS.map((c) => `sec3.${row}.${c.key}`);
    KEY_CACHE.set(row, keys);
  }
  return keys;
}


/** Reads table 三 from its region's groups; null when no row could be read. */
export function readSec3(groups: ValueGroup[], lines: TokenLine[], region: { start: number; end: number }, hint: TemplateId | null, sink: CellSink): TableRead | null {
  if (groups.length === 0) return null;
  const counts = groups.map((g) => g.values.length);
  let best: { t: TemplateId; ev: GroupEvidence[]; rowOf: number[]; score: number } | null = null;
  const order: TemplateId[] = hint === '2019' ? ['2019', '2021'] : ['2021', '2019'];
  for (const t of order) {
    // A layout that cannot score above the best so far is not read at all (it would not replace it).
    if (best && best.score >= scoreBound(counts, ROW_KEYS[t].length)) break;
    const ev = groupsEvidence(groups, CATALOGUES[t]);
    const al = alignGroups(ev, counts, ROW_KEYS[t], EXPECTED);
    if (!best || al.score > best.score) best = { t, ev, rowOf: al.rowOf, score: al.score };
    // Every row read under its own label: the other layout cannot do better.
    if (isPerfect(al.rowOf, ev, ROW_KEYS[t].length)) break;
  }
  if (!best || best.rowOf.every((r) => r < 0)) return null;
  const defs = ROWS[best.t];
  const rows: RowRead[] = [];
  const labelIssues: LabelIssue[] = [];
  const assigned = new Uint8Array(defs.length); // rows read, by index
  let firstLine = Infinity;
  for (let gi = 0; gi < groups.length; gi++) if (best.rowOf[gi] >= 0) firstLine = Math.min(firstLine, groups[gi].lines[0]);
  let anchors: Anchor[] | null | undefined;
  for (let gi = 0; gi < groups.length; gi++) {
    const g = groups[gi];
    const ri = best.rowOf[gi];
    const ev = best.ev[gi];
    if (ri < 0) {
      const unknown = unknownRow(g, ev);
      if (unknown) rows.push(unknown);
      continue;
    }
    assigned[ri] = 1;
    const def = defs[ri];
    let fit = fitValues(g.values, EXPECTED, { totalOf: TOTAL_COL });
    let found = g.values.length;
    if (found < EXPECTED && g.values.every((v) => v.x)) {
      // PDF: blank cells print nothing; the header positions tell which columns the printed values are in.
      if (anchors === undefined) anchors = findAnchors(lines, firstLine, COLUMN_WORDS);
      const placed = anchors ? placeByPosition(g.values, anchors) : null;
      if (placed) {
        fit = { cells: placed };
        found = EXPECTED;
      }
    }
    const keys = rowCellKeys(def.key);
    for (let ci = 0; ci < keys.length; ci++) sink.put(keys[ci], fit.cells[ci]);
    const labelTok = g.labels.length > 0 ? g.labels[g.labels.length - 1] : g.before.at(-1)?.at(-1);
    // Plain literals rather than spreads of optional parts (same keys, same order): this runs per row.
    const label = ev.strongMatch?.text ?? labelTok?.text ?? '';
    const row: RowRead = ev.strongMatch
      ? { key: def.key, label, ref: ev.strongMatch.cell, expected: EXPECTED, found }
      : labelTok
        ? { key: def.key, label, ref: labelTok.ref, expected: EXPECTED, found }
        : { key: def.key, label, expected: EXPECTED, found };
    if (fit.used) row.used = fit.used;
    rows.push(row);
    const sm = ev.strongMatch;
    if (sm && (sm.match.kind === 'variant' || isTypo(sm.match))) {
      labelIssues.push({ id: 'LBL-01', expected: def.label, printed: sm.text, ref: sm.cell, cells: keys });
    }
  }
  labelIssues.push(...columnIssues(lines, firstLine, defs));
  const missingRows: string[] = [];
  for (let i = 0; i < defs.length; i++) if (assigned[i] !== 1) missingRows.push(defs[i].key);
  return { table: 'sec3', template: best.t, startLine: region.start, endLine: region.end, rows, missingRows, labelIssues };
}

/** A skipped group that still looks like a data row: a label of its own and a full row of printed values. */
function unknownRow(g: ValueGroup, ev: GroupEvidence): RowRead | null {
  if (ev.strong.length > 0 || g.labels.length === 0) return null;
  const printed = g.values.filter((v) => v.form !== 'blank').length;
  if (printed < EXPECTED - 1) return null;
  const label = g.labels.map((l) => l.text).join(' ');
  if (labelCore(label).length < 2) return null;
  return { key: null, label, ref: g.labels[0].ref, expected: EXPECTED, found: g.values.length };
}

/** Column-header wordings that keep the meaning but differ from the template (LBL-01). */
const COLUMN_VARIANTS: { printed: string; expected: string; column: string }[] = [
  { printed: '社会组织', expected: '社会公益组织', column: 'publicInterest' },
  { printed: '合计', expected: '总计', column: 'total' },
];

function columnIssues(lines: TokenLine[], firstDataLine: number, defs: Sec3RowDef[]): LabelIssue[] {
  const out: LabelIssue[] = [];
  const done = new Set<string>();
  for (const tl of lines) {
    if (tl.line >= firstDataLine) break;
    for (const t of tl.tokens) {
      if (t.kind !== 'label') continue;
      const core = labelCore(t.text);
      const v = COLUMN_VARIANTS.find((c) => c.printed === core);
      if (!v || done.has(v.column)) continue;
      done.add(v.column);
      const cells = defs.map((r) => `sec3.${r.key}.${v.column}`);
      out.push({ id: 'LBL-01', expected: v.expected, printed: t.text, ref: t.ref, cells });
    }
  }
  return out;
}
