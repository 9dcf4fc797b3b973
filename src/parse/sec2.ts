/**
 * Table 二 (主动公开政府信息情况): rows found by their labels wherever they are printed (PDF-to-text can print
 * 规章 after 行政事业性收费), layout (2019/2021) told by the column headers and the row widths.
 */
import type { LabelIssue, RowRead, TableRead, TemplateId } from '../model.ts';
import { SEC2_2019, SEC2_2021, type Sec2RowDef, sec2Rows } from '../spec/templates.ts';
import { groupEvidence } from './align.ts';
import { CellSink } from './cells.ts';
import { fitValues } from './fit.ts';
import type { ValueGroup } from './groups.ts';
import { buildCatalogue, isTypo, labelCore } from './labels.ts';
import type { TokenLine } from './tokens.ts';

/**
 * Row labels of both formats, from the spec (2021 wording first; the 2019 wording of a shared row, e.g.
 * 规范性文件 for 行政规范性文件, is read as a variant of it).
 */
const CATALOGUE = buildCatalogue(
  [...SEC2_2021, ...SEC2_2019.filter((r) => !SEC2_2021.some((n) => n.key === r.key))].map((r) => {
    const older = SEC2_2019.find((o) => o.key === r.key && o.label !== r.label);
    return older ? { key: r.key, label: r.label, variants: [older.label] } : { key: r.key, label: r.label };
  }),
);

/** Column headers and row labels that only one layout prints. */
const MARKS_2019 = ['本年新制作数量', '本年新公开数量', '对外公开总数量', '上一年项目数量', '本年增减', '采购项目数量', '采购总金额', '政府集中采购', '其他对外管理服务事项', '第二十条第九项'];
/** 2019 column headers: in a 2021 table they change what the numbers mean (LBL-02), with the 2021 wording. */
const FOREIGN_COLUMNS: { mark: string; expected: string; keys: string[] }[] = [
  { mark: '本年新制作数量', expected: '本年制发件数', keys: ['sec2.regulation.issued', 'sec2.normativeDoc.issued'] },
  { mark: '本年新公开数量', expected: '本年制发件数', keys: ['sec2.regulation.issued', 'sec2.normativeDoc.issued'] },
  { mark: '对外公开总数量', expected: '现行有效件数', keys: ['sec2.regulation.valid', 'sec2.normativeDoc.valid'] },
  { mark: '上一年项目数量', expected: '本年处理决定数量', keys: ['sec2.license.decisions', 'sec2.penalty.decisions', 'sec2.coercion.decisions'] },
  { mark: '本年增减', expected: '本年处理决定数量', keys: ['sec2.license.decisions', 'sec2.penalty.decisions', 'sec2.coercion.decisions'] },
];

/** Any of the FOREIGN_COLUMNS marks (plain words). */
const ANY_FOREIGN = new RegExp(FOREIGN_COLUMNS.map((f) => f.mark).join('|'));

/** 2019 column headers printed in a table read as 2021 (LBL-02). */
function foreignHeaders(lines: TokenLine[]): LabelIssue[] {
  const out: LabelIssue[] = [];
  const seen = new Set<string>();
  for (const tl of lines) {
    for (const t of tl.tokens) {
      if (t.kind !== 'label') continue;
      const m = labelMarks(t.text);
      if (m === null) continue;
      for (const f of m.foreign) {
        if (seen.has(f.mark)) continue;
        seen.add(f.mark);
        out.push({ id: 'LBL-02', expected: f.expected, printed: t.text, ref: t.ref, cells: f.keys });
      }
    }
  }
  return out;
}
const MARKS_2021 = ['本年制发件数', '本年废止件数', '现行有效件数', '本年处理决定数量', '本年收费金额'];


/** Any of the marks of each layout (the mark texts are plain words: no regex metacharacters). */
const ANY_2019 = new RegExp(MARKS_2019.join('|'));
const ANY_2021 = new RegExp(MARKS_2021.join('|'));

/** What one label says about the layout: the marks of each layout and the 2019 column headers it prints. */
interface LabelMarks {
  m2019: string[];
  m2021: string[];
  foreign: (typeof FOREIGN_COLUMNS)[number][];
}

/**
 * Marks by label text, remembered: the same header words recur in every report, and each costs a core and
 * several regex tests. Null (the common case) when a label carries no mark. Cleared when full.
 */
const MARKS_MEMO = new Map<string, LabelMarks | null>();
const MARKS_MEMO_MAX = 4096;

function labelMarks(text: string): LabelMarks | null {
  let m = MARKS_MEMO.get(text);
  if (m === undefined) {
    m = computeMarks(text);
    if (MARKS_MEMO.size >= MARKS_MEMO_MAX) MARKS_MEMO.clear();
    MARKS_MEMO.set(text, m);
  }
  return m;
}

function computeMarks(text: string): LabelMarks | null {
  const core = labelCore(text.includes('第二十条第') ? text.replace(/第二十条第[（(]九[)）]项/g, '第二十条第九项') : text);
  const m2019: string[] = [];
  const m2021: string[] = [];
  // One regex test per label first: most labels carry no mark, and ten `includes` cost more.
  if (ANY_2019.test(core)) for (const m of MARKS_2019) if (core.includes(m)) m2019.push(m);
  if (ANY_2021.test(core)) for (const m of MARKS_2021) if (core.includes(m)) m2021.push(m);
  // The 2019 column headers are looked for in the label's own core (without the 第二十条 rewrite).
  const own = labelCore(text);
  const foreign = ANY_FOREIGN.test(own) ? FOREIGN_COLUMNS.filter((f) => own.includes(f.mark)) : [];
  return m2019.length + m2021.length + foreign.length === 0 ? null : { m2019, m2021, foreign };
}

/** Counts the layout marks among the region's labels. */
function layoutMarks(lines: TokenLine[]): { m2019: string[]; m2021: string[] } {
  const m2019: string[] = [];
  const m2021: string[] = [];
  for (const tl of lines) {
    for (const t of tl.tokens) {
      if (t.kind !== 'label') continue;
      const m = labelMarks(t.text);
      if (m === null) continue;
      for (const x of m.m2019) m2019.push(x);
      for (const x of m.m2021) m2021.push(x);
    }
  }
  return { m2019, m2021 };
}

/** Row key of a group: its same-line label, else the label line right before it. */
function rowOf(g: ValueGroup): { key: string; text: string; ref?: RowRead['ref']; typo: boolean; variant: boolean } | null {
  const ev = groupEvidence(g, CATALOGUE);
  if (ev.strongMatch && ev.strong.length === 1) {
    const m = ev.strongMatch.match;
    return { key: ev.strong[0], text: ev.strongMatch.text, ref: ev.strongMatch.cell, typo: isTypo(m), variant: m.kind === 'variant' };
  }
  if (ev.strong.length === 0 && g.labels.length === 0 && ev.near.length === 1) {
    const near = g.before.at(-1)?.at(-1);
    const variant = near ? labelCore(near.text) === '规范性文件' : false;
    return { key: ev.near[0], text: near?.text ?? '', ref: near?.ref, typo: false, variant };
  }
  return null;
}

/**
 * Field keys of a row, built once per row definition: the same strings every report, whose hashes the
 * cell records then need not compute again.
 */
const ROW_KEYS = new WeakMap<Sec2RowDef, string[]>();
function rowCellKeys(def: Sec2RowDef): string[] {
  let keys = ROW_KEYS.get(def);
  if (!keys) {
    keys = def.columns.map((c) => `sec2.${def.key}.${c.key}`);
    ROW_KEYS.set(def, keys);
  }
  return keys;
}

/** Reads table 二; null when no row label with values was found. */
export function readSec2(groups: ValueGroup[], lines: TokenLine[], region: { start: number; end: number }, sink: CellSink): TableRead | null {
  const found = new Map<string, { g: ValueGroup; text: string; ref?: RowRead['ref']; typo: boolean; variant: boolean }>();
  for (const g of groups) {
    const r = rowOf(g);
    if (r && !found.has(r.key)) found.set(r.key, { g, ...r });
  }
  if (found.size === 0) return null;
  const marks = layoutMarks(lines);
  let s2019 = marks.m2019.length + (found.has('otherService') || found.has('procurement') ? 2 : 0);
  let s2021 = marks.m2021.length;
  const lic = found.get('license');
  if (lic) {
    const printed = lic.g.values.filter((v) => v.form !== 'blank').length;
    if (printed >= 3) s2019++;
    else if (printed === 1) s2021++;
  }
  const template: TemplateId | null = s2019 > s2021 ? '2019' : s2021 > s2019 ? '2021' : null;
  const defs = sec2Rows(template ?? '2021');
  const yuanHeader = marks.m2019.length > 0 && lines.some((tl) => tl.tokens.some((t) => t.kind === 'label' && /采购总金额.{0,6}单位[:：]?元/.test(t.text)));
  const rows: RowRead[] = [];
  const labelIssues: LabelIssue[] = [];
  const missingRows: string[] = [];
  for (const def of defs) {
    const f = found.get(def.key);
    if (!f) {
      missingRows.push(def.key);
      continue;
    }
    const expected = def.columns.length;
    // A 3-column document row missing one number: the running total (last column) is the one rows keep;
    // the figure most often lost to wrapping is the middle one (本年废止件数 with its note).
    const missingAt = expected === 3 && (def.key === 'regulation' || def.key === 'normativeDoc') ? 1 : undefined;
    const fit = fitValues(f.g.values, expected, missingAt === undefined ? {} : { missingAt });
    const keys = rowCellKeys(def);
    def.columns.forEach((c, ci) => {
      const tok = fit.cells[ci];
      const isAmount = c.key === 'amount';
      const inYuan = isAmount && tok !== null && (tok.unit === '元' || (tok.unit === undefined && yuanHeader && def.key === 'procurement'));
      sink.put(keys[ci], tok, inYuan ? 1e-4 : 1);
    });
    // Plain literals rather than spreads of optional parts (same keys, same order).
    const row: RowRead = f.ref
      ? { key: def.key, label: f.text, ref: f.ref, expected, found: f.g.values.length }
      : { key: def.key, label: f.text, expected, found: f.g.values.length };
    if (fit.used) row.used = fit.used;
    rows.push(row);
    if (f.typo || (f.variant && template === '2021')) {
      labelIssues.push({ id: 'LBL-01', expected: def.label, printed: f.text, ...(f.ref ? { ref: f.ref } : {}), cells: keys });
    }
  }
  if (template === '2021') labelIssues.push(...foreignHeaders(lines));
  return { table: 'sec2', template, startLine: region.start, endLine: region.end, rows, missingRows, labelIssues };
}
