/**
 * Shared helpers of the value, arithmetic and narrative checks: reading cells (a blank counts as 0 in a
 * sum, and is named), and naming a cell the way a clerk reads the printed table.
 */
import type { FieldKey, ParsedReport } from '../model.ts';
import { SEC2_2019, SEC2_2021, SEC3_2019, SEC3_2021, SEC3_COLUMNS, SEC3_PARTS, SEC4_COLUMNS, SEC4_GROUPS } from '../spec/templates.ts';
import type { Sec3RowDef } from '../spec/templates.ts';
import { Latest } from '../util/latest.ts';

/** Short row names for table 三 (the printed labels are long; these are what a clerk says). */
const SEC3_SHORT: Record<string, string> = {
  newReceived: '一、本年新收',
  carriedOver: '二、上年结转',
  granted: '（一）予以公开',
  partial: '（二）部分公开',
  'other.noCorrection': '（六）其他处理 1.逾期不补正',
  'other.unpaidFee': '（六）其他处理 2.逾期未缴费',
  'other.misc': '（六）其他处理 3.其他',
  'other.all': '（六）其他处理',
  resultTotal: '（七）总计',
  carryForward: '四、结转下年度',
};

const SEC3_ROW_NAME = new Map<string, string>();
for (const r of [...SEC3_2021, ...SEC3_2019]) {
  SEC3_ROW_NAME.set(r.key, SEC3_SHORT[r.key] ?? `${r.group ?? ''}${r.label}`);
}
const SEC3_COL_NAME = new Map(SEC3_COLUMNS.map((c) => [c.key, c.label]));
const SEC2_ROW_NAME = new Map([...SEC2_2021, ...SEC2_2019].map((r) => [r.key, r.label]));
const SEC2_COL_NAME = new Map(
  [...SEC2_2021, ...SEC2_2019].flatMap((r) => r.columns.map((c) => [`${r.key}.${c.key}`, c.label.replace(/（单位：万元）/, '')])),
);
const SEC4_GROUP_NAME = new Map(SEC4_GROUPS.map((g) => [g.key, g.label]));
const SEC4_COL_NAME = new Map(SEC4_COLUMNS.map((c) => [c.key, c.label]));

/** Precomputed field keys of one table-三 row (building key strings per check run is measurable). */
export interface Sec3RowKeys {
  /** The six applicant cells, in column order. */
  parts: FieldKey[];
  /** The 总计 cell. */
  total: FieldKey;
  /** Every cell by column key. */
  byCol: Record<string, FieldKey>;
}

const ROW_KEYS = new Map<string, Sec3RowKeys>();
for (const r of [...SEC3_2021, ...SEC3_2019]) {
  const byCol = Object.fromEntries(SEC3_COLUMNS.map((c) => [c.key, `sec3.${r.key}.${c.key}`]));
  ROW_KEYS.set(r.key, { parts: SEC3_PARTS.map((c) => byCol[c]!), total: byCol.total!, byCol });
}

/** Field keys of a table-三 row. */
export function sec3Keys(rowKey: string): Sec3RowKeys {
  return ROW_KEYS.get(rowKey)!;
}

/** Name of a table-三 row, e.g. '（七）总计'. */
export function sec3RowName(rowKey: string): string {
  return SEC3_ROW_NAME.get(rowKey) ?? rowKey;
}

/** Name of a table-三 column, e.g. '自然人'. */
export function sec3ColName(colKey: string): string {
  return SEC3_COL_NAME.get(colKey) ?? colKey;
}

/** Name of a table-四 group, e.g. '行政复议'. */
export function sec4GroupName(groupKey: string): string {
  return SEC4_GROUP_NAME.get(groupKey) ?? groupKey;
}

/** Human name of any cell, e.g. '表三（七）总计·自然人', '表二 规章·本年制发件数', '表四 行政复议·总计'. */
export function cellName(key: FieldKey): string {
  const [table, ...rest] = key.split('.');
  if (table === 'sec3') {
    const col = rest.pop()!;
    return `表三${sec3RowName(rest.join('.'))}·${sec3ColName(col)}`;
  }
  if (table === 'sec2') {
    const [row, col] = rest;
    return `表二 ${SEC2_ROW_NAME.get(row!) ?? row}·${SEC2_COL_NAME.get(`${row}.${col}`) ?? col}`;
  }
  if (table === 'sec4') {
    const [group, col] = rest;
    return `表四 ${sec4GroupName(group!)}·${SEC4_COL_NAME.get(col!) ?? col}`;
  }
  return key;
}

/** A sum over cells where blanks count as 0 and are remembered. */
export interface CellSum {
  /** The sum (blank = 0). */
  value: number;
  /** Keys that were blank (null). */
  blanks: FieldKey[];
  /** Keys that were absent from the report (not read at all). */
  absent: FieldKey[];
}

/** Sums cells; a null cell counts as 0 and is listed in `blanks`, an absent key in `absent`. */
export function sumCells(report: ParsedReport, keys: readonly FieldKey[]): CellSum {
  let value = 0;
  const blanks: FieldKey[] = [];
  const absent: FieldKey[] = [];
  for (const k of keys) {
    const c = report.cells[k];
    if (!c) absent.push(k);
    else if (c.value === null) blanks.push(k);
    else value += c.value;
  }
  return { value, blanks, absent };
}

/** Value of one cell: a number, null for a blank, undefined when the key was not read. */
export function cellValue(report: ParsedReport, key: FieldKey): number | null | undefined {
  const c = report.cells[key];
  return c ? c.value : undefined;
}

/** Formats a number for a message (no float noise: 0.1 + 0.2 prints as 0.3). */
export function fmt(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Number(n.toFixed(4)));
}

/** Formats a cell's value for a message: the number, or 空白 for a blank. */
export function fmtCell(v: number | null | undefined): string {
  return v === null || v === undefined ? '空白' : fmt(v);
}

/** The note appended to a message when blanks were counted as 0, e.g. '（其中 商业企业、科研机构 为空白，按 0 计）'. */
export function blankNote(blanks: FieldKey[], name: (k: FieldKey) => string = cellName): string {
  if (blanks.length === 0) return '';
  const names = blanks.map(name);
  const shown = names.length > 4 ? `${names.slice(0, 4).join('、')}等 ${names.length} 格` : names.join('、');
  return `（其中${shown}为空白，按 0 计）`;
}

/**
 * The table-三 row set the report actually used, from the keys present: the 2021 （六） rows, the single
 * 2019 （六） row, or whichever of them were read (a mixed layout).
 */
export function sec3RowsPresent(report: ParsedReport): Sec3RowDef[] {
  // Which of OTHER_ROWS were read, as bits (no arrays: several checks ask, for every report).
  const cells = report.cells;
  let read = 0;
  for (let i = 0; i < OTHER_ROWS.length; i++) {
    const [total, natural] = OTHER_ROW_KEYS[i]!;
    if (total! in cells || natural! in cells) read |= 1 << i;
  }
  if (read === 0) return report.meta.template === '2019' ? SEC3_2019 : SEC3_2021;
  if (read === 0b0111) return SEC3_2021;
  if (read === 0b1000) return SEC3_2019;
  let rows = MIXED.get(read);
  if (!rows) {
    const other = OTHER_ROWS.filter((_, i) => (read & (1 << i)) !== 0);
    MIXED.set(read, (rows = [...SEC3_2021.slice(0, 20), ...other, ...SEC3_2021.slice(-2)]));
  }
  return rows;
}

const OTHER_ROWS = [...SEC3_2021.slice(20, 23), SEC3_2019[20]!];
/** The 总计 and 自然人 keys of each of OTHER_ROWS: a row counts as read when either is present. */
const OTHER_ROW_KEYS = OTHER_ROWS.map((r) => [`sec3.${r.key}.total`, `sec3.${r.key}.naturalPerson`]);
/** Row sets of unusual layouts by the bits of OTHER_ROWS read, built once each, so callers may cache per row set. */
const MIXED = new Map<number, Sec3RowDef[]>();

/** True when any key of table 三 was read. */
export function hasSec3(report: ParsedReport): boolean {
  return report.tables.sec3 !== undefined || tablesWithKeys(report).sec3;
}

/** True when any key of table 四 was read. */
export function hasSec4(report: ParsedReport): boolean {
  return report.tables.sec4 !== undefined || tablesWithKeys(report).sec4;
}

/** Kept for the latest report (not a WeakMap: see src/util/latest.ts). */
const TABLES_WITH_KEYS = new Latest<ParsedReport, { sec3: boolean; sec4: boolean }>();

/**
 * Which tables have keys among the cells, worked out once per report: only a report missing a table asks,
 * but then every check of that table asks, and each answer walks all the keys.
 */
function tablesWithKeys(report: ParsedReport): { sec3: boolean; sec4: boolean } {
  let t = TABLES_WITH_KEYS.get(report);
  if (!t) {
    const keys = Object.keys(report.cells);
    t = { sec3: keys.some((k) => k.startsWith('sec3.')), sec4: keys.some((k) => k.startsWith('sec4.')) };
    TABLES_WITH_KEYS.set(report, t);
  }
  return t;
}

/**
 * The figure a table-三 row reports for all applicants: its 总计 cell, or (when that is blank) the sum
 * of the six applicant cells. Null when nothing in the row was read or everything is blank.
 */
export function sec3RowTotal(report: ParsedReport, rowKey: string): number | null {
  const keys = ROW_KEYS.get(rowKey);
  if (!keys) return null;
  const total = cellValue(report, keys.total);
  if (typeof total === 'number') return total;
  let sum = 0;
  let any = false;
  for (const k of keys.parts) {
    const v = cellValue(report, k);
    if (typeof v === 'number') {
      sum += v;
      any = true;
    }
  }
  return any ? sum : total === null ? 0 : null;
}

export { SEC3_PARTS };
