/**
 * Arithmetic checks (勾稽关系, checks.md "Arithmetic"): ARI-01 row totals of table 三, ARI-02 the （七）总计
 * row, ARI-03 一+二 = 三+四 per column, ARI-04 table-四 group totals, ARI-05 2019 published totals.
 * A blank cell counts as 0 and the message names it; rows that were not read are reported once.
 */
import type { FieldKey, Finding, ParsedReport } from '../model.ts';
import type { Check } from './types.ts';
import { safe } from './safe.ts';
import { SEC3_COLUMNS, SEC4_COLUMNS, SEC4_GROUPS } from '../spec/templates.ts';
import { type CellSum, blankNote, cellName, cellValue, fmt, fmtCell, hasSec3, hasSec4, sec3ColName, sec3Keys, sec3RowName, sec3RowsPresent, sumCells } from './cells.ts';
import type { Sec3RowDef } from '../spec/templates.ts';
import { cellScan, keyIndex, keyIndexes } from './text-cache.ts';

const COLUMN_KEYS = SEC3_COLUMNS.map((c) => c.key);
/** Rows of table 三 that are not 办理结果 (everything else between them adds up to （七）总计). */
const NON_RESULT = new Set(['newReceived', 'carriedOver', 'resultTotal', 'carryForward']);

/** Column name of a table-三 key, for notes inside one row's message. */
const columnOf = (k: FieldKey) => sec3ColName(k.slice(k.lastIndexOf('.') + 1));

function diffText(expected: number, printed: number): string {
  return `相差 ${fmt(Math.abs(printed - expected))}`;
}

/** A printed total against the sum of its parts: keys not read, agreement, or both sides of a mismatch. */
type TotalCheck =
  | { kind: 'absent'; keys: FieldKey[] }
  | { kind: 'ok' }
  | { kind: 'mismatch'; parts: CellSum; total: number | null; printed: number };

const OK: TotalCheck = { kind: 'ok' };

/** Sums `partKeys` and compares with `totalKey` (a blank total counts as 0, as a blank part does). */
function checkTotal(report: ParsedReport, partKeys: readonly FieldKey[], totalKey: FieldKey): TotalCheck {
  const parts = keyIndexes(partKeys);
  const total = keyIndex(totalKey);
  const { isNumber, numbers } = cellScan(report);
  if (parts && total >= 0 && isNumber[total] === 1) {
    // Every part a number (the usual table): the same sum, in the same order, from the numbers cellScan
    // kept by index, without the lists of blank and absent keys; anything else takes the general path.
    let sum = 0;
    let plain = true;
    for (let i = 0; i < parts.length; i++) {
      const k = parts[i]!;
      if (isNumber[k] !== 1) {
        plain = false;
        break;
      }
      sum += numbers[k]!;
    }
    if (plain && sum === numbers[total]) return OK;
  }
  return checkTotalByKeys(report, partKeys, totalKey);
}

/** checkTotal by key lookups, blanks and absent keys listed. */
function checkTotalByKeys(report: ParsedReport, partKeys: readonly FieldKey[], totalKey: FieldKey): TotalCheck {
  const parts = sumCells(report, partKeys);
  const total = cellValue(report, totalKey);
  if (total === undefined || parts.absent.length > 0) {
    return { kind: 'absent', keys: [...(total === undefined ? [totalKey] : []), ...parts.absent] };
  }
  const printed = total ?? 0;
  return printed === parts.value ? OK : { kind: 'mismatch', parts, total, printed };
}

/** The printed total as a message says it (after 「填报为」). */
function printedText(total: number | null): string {
  return total === null ? '空白（按 0 计）' : ` ${fmt(total)}`;
}

function linesOfKeys(report: ParsedReport, keys: FieldKey[]): { lines?: number[] } {
  const lines = [...new Set(keys.flatMap((k) => (report.cells[k]?.ref ? [report.cells[k]!.ref!.line] : [])))].sort((a, b) => a - b);
  return lines.length ? { lines } : {};
}

/** One finding for keys that were not read, so a check never passes silently. */
function notRead(id: string, what: string, absent: FieldKey[]): Finding[] {
  if (absent.length === 0) return [];
  const rows = [...new Set(absent.map((k) => sec3RowName(k.split('.').slice(1, -1).join('.'))))];
  return [{ id, severity: 'info', cells: absent, message: `表三未读到 ${rows.join('、')} 的数据，无法核对${what}。` }];
}

/** ARI-01: for every table-三 row, the six applicant columns add up to 总计. */
export function checkRowTotals(report: ParsedReport): Finding[] {
  if (!hasSec3(report)) return [];
  const out: Finding[] = [];
  const absent: FieldKey[] = [];
  for (const row of sec3RowsPresent(report)) {
    const { parts: partKeys, total: totalKey } = sec3Keys(row.key);
    const c = checkTotal(report, partKeys, totalKey);
    if (c.kind === 'absent') absent.push(...c.keys);
    if (c.kind !== 'mismatch') continue;
    out.push({
      id: 'ARI-01',
      severity: 'error',
      cells: [...partKeys, totalKey],
      message: `表三${sec3RowName(row.key)}：各类申请人合计为 ${fmt(c.parts.value)}${blankNote(c.parts.blanks, columnOf)}，总计填报为${printedText(c.total)}，${diffText(c.parts.value, c.printed)}。`,
      ...linesOfKeys(report, [totalKey]),
    });
  }
  return [...out, ...notRead('ARI-01', '行合计', absent)];
}

const RESULT_KEYS = new WeakMap<Sec3RowDef[], Map<string, FieldKey[]>>();
/** Keys of the 办理结果 rows per column, computed once per row set. */
function resultKeysByColumn(rows: Sec3RowDef[]): Map<string, FieldKey[]> {
  let m = RESULT_KEYS.get(rows);
  if (!m) {
    const resultRows = rows.filter((r) => !NON_RESULT.has(r.key));
    m = new Map(COLUMN_KEYS.map((col) => [col, resultRows.map((r) => sec3Keys(r.key).byCol[col]!)]));
    RESULT_KEYS.set(rows, m);
  }
  return m;
}

/** ARI-02: per column, （七）总计 = the sum of every 办理结果 row. */
export function checkResultTotals(report: ParsedReport): Finding[] {
  if (!hasSec3(report)) return [];
  const byColumn = resultKeysByColumn(sec3RowsPresent(report));
  const out: Finding[] = [];
  const absent: FieldKey[] = [];
  for (const col of COLUMN_KEYS) {
    const keys = byColumn.get(col)!;
    const totalKey = sec3Keys('resultTotal').byCol[col]!;
    const c = checkTotal(report, keys, totalKey);
    if (c.kind === 'absent') absent.push(...c.keys);
    if (c.kind !== 'mismatch') continue;
    const blanks = blankNote(c.parts.blanks, (k) => sec3RowName(k.split('.').slice(1, -1).join('.')));
    out.push({
      id: 'ARI-02',
      severity: 'error',
      cells: [...keys, totalKey],
      message: `表三（七）总计·${sec3ColName(col)}：办理结果各行合计为 ${fmt(c.parts.value)}${blanks}，填报为${printedText(c.total)}，${diffText(c.parts.value, c.printed)}。`,
      ...linesOfKeys(report, [totalKey]),
    });
  }
  return [...out, ...notRead('ARI-02', '（七）总计', [...new Set(absent)])];
}

/** Per column of table 三: the column key and the keys of 一, 二, 三（七）总计 and 四 (never handed out). */
const BALANCE_KEYS: ReadonlyArray<{ col: string; shared: readonly FieldKey[] }> = COLUMN_KEYS.map((col) => {
  const k = (row: string) => sec3Keys(row).byCol[col]!;
  return { col, shared: [k('newReceived'), k('carriedOver'), k('resultTotal'), k('carryForward')] };
});

/** ARI-03: per column, 一 + 二 = 三（七）总计 + 四 (the note printed in the table header). */
export function checkBalance(report: ParsedReport): Finding[] {
  if (!hasSec3(report)) return [];
  const out: Finding[] = [];
  const absent: FieldKey[] = [];
  const cells = report.cells;
  for (const { col, shared } of BALANCE_KEYS) {
    // All four read as numbers (the usual table): compare the sums the general path below would form.
    const a = cells[shared[0]!]?.value;
    const b = cells[shared[1]!]?.value;
    const c = cells[shared[2]!]?.value;
    const d = cells[shared[3]!]?.value;
    if (typeof a === 'number' && typeof b === 'number' && typeof c === 'number' && typeof d === 'number' && 0 + a + b === 0 + c + d) continue;
    const keys = [...shared];
    const missing = keys.filter((key) => cellValue(report, key) === undefined);
    if (missing.length) {
      absent.push(...missing);
      continue;
    }
    const left = sumCells(report, keys.slice(0, 2));
    const right = sumCells(report, keys.slice(2));
    if (left.value === right.value) continue;
    const v = (key: FieldKey) => fmtCell(cellValue(report, key));
    const blanks = [...left.blanks, ...right.blanks];
    out.push({
      id: 'ARI-03',
      severity: 'error',
      cells: keys,
      message:
        `表三${sec3ColName(col)}列：本年新收加上年结转为 ${fmt(left.value)}（${v(keys[0]!)} + ${v(keys[1]!)}），` +
        `办理结果总计加结转下年度为 ${fmt(right.value)}（${v(keys[2]!)} + ${v(keys[3]!)}），${diffText(left.value, right.value)}` +
        `${blanks.length ? '（空白按 0 计）' : ''}。`,
      ...linesOfKeys(report, keys),
    });
  }
  return [...out, ...notRead('ARI-03', '“第一项加第二项之和等于第三项加第四项之和”', [...new Set(absent)])];
}

const SEC4_PART_COLS = SEC4_COLUMNS.filter((c) => c.key !== 'total');
/** Per table-四 group: its part keys and total key, built once. */
const SEC4_GROUP_KEYS = SEC4_GROUPS.map((g) => ({
  g,
  partKeys: SEC4_PART_COLS.map((c) => `sec4.${g.key}.${c.key}`),
  totalKey: `sec4.${g.key}.total`,
}));

/** ARI-04: every table-四 group adds up: 总计 = 维持 + 纠正 + 其他 + 尚未审结. */
export function checkReviewTotals(report: ParsedReport): Finding[] {
  if (!hasSec4(report)) return [];
  const out: Finding[] = [];
  const absent: FieldKey[] = [];
  for (const { g, partKeys, totalKey } of SEC4_GROUP_KEYS) {
    const c = checkTotal(report, partKeys, totalKey);
    if (c.kind === 'absent') absent.push(...c.keys);
    if (c.kind !== 'mismatch') continue;
    const detail = partKeys.map((key, i) => `${SEC4_PART_COLS[i]!.label} ${fmtCell(cellValue(report, key))}`).join('、');
    out.push({
      id: 'ARI-04',
      severity: 'error',
      cells: [...partKeys, totalKey],
      message: `表四 ${g.label}：${detail}，合计为 ${fmt(c.parts.value)}，总计填报为${printedText(c.total)}，${diffText(c.parts.value, c.printed)}。`,
      ...linesOfKeys(report, [totalKey]),
    });
  }
  if (absent.length) {
    out.push({ id: 'ARI-04', severity: 'info', cells: absent, message: `表四有 ${absent.length} 格未读到，无法核对：${absent.map(cellName).join('、')}。` });
  }
  return out;
}

/** ARI-05 (2019 format): 对外公开总数量 ≥ 本年新公开数量 for 规章 and 规范性文件. */
export function checkPublishedTotals(report: ParsedReport): Finding[] {
  const out: Finding[] = [];
  for (const row of ['regulation', 'normativeDoc']) {
    const newKey = `sec2.${row}.newPublished`;
    const totalKey = `sec2.${row}.totalPublished`;
    const n = cellValue(report, newKey);
    const t = cellValue(report, totalKey);
    if (typeof n !== 'number' || typeof t !== 'number' || t >= n) continue;
    out.push({
      id: 'ARI-05',
      severity: 'warning',
      cells: [newKey, totalKey],
      message: `${cellName(totalKey)} 为 ${fmt(t)}，小于本年新公开数量 ${fmt(n)}。`,
      ...linesOfKeys(report, [newKey, totalKey]),
    });
  }
  return out;
}

export const arithmeticChecks: Check[] = [
  safe('ARI-01', checkRowTotals),
  safe('ARI-02', checkResultTotals),
  safe('ARI-03', checkBalance),
  safe('ARI-04', checkReviewTotals),
  safe('ARI-05', checkPublishedTotals),
];
