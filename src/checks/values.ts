/**
 * Value checks (checks.md "Values"): NUM-01 counts are non-negative integers, NUM-02 amounts are plausible
 * 万元 decimals, NUM-03 blank or placeholder cells where a number is expected.
 */
import type { FieldKey, Finding, ParsedReport } from '../model.ts';
import type { Check } from './types.ts';
import { cellName, fmt } from './cells.ts';

/** Amount cells in 万元 (decimals allowed); every other cell is a count. */
const AMOUNT_KEYS = new Set(['sec2.fee.amount', 'sec2.procurement.amount']);
/** 2019 本年增/减 may be negative. */
const isDelta = (key: FieldKey) => key.endsWith('.delta');
const UNIT_IN_CELL = /万?元/;
/** An integer amount this large in 万元 is ≥ 100 亿元: far more likely yuan typed under a 万元 header. */
const YUAN_LIKE = 1_000_000;

/** NUM-01: a count that is negative (outside 本年增/减) or not an integer. */
export function checkCounts(report: ParsedReport): Finding[] {
  const out: Finding[] = [];
  for (const [key, cell] of Object.entries(report.cells)) {
    if (cell.value === null || AMOUNT_KEYS.has(key)) continue;
    const v = cell.value;
    const bad = !Number.isInteger(v) || (v < 0 && !isDelta(key));
    if (!bad) continue;
    out.push({
      id: 'NUM-01',
      severity: 'error',
      cells: [key],
      message: `${cellName(key)}：填报为「${cell.raw || fmt(v)}」，件数应为非负整数。`,
      ...(cell.ref ? { lines: [cell.ref.line] } : {}),
    });
  }
  return out;
}

/** NUM-02: amounts that are negative, have more than 4 decimals, carry a unit, or look like yuan. */
export function checkAmounts(report: ParsedReport): Finding[] {
  const out: Finding[] = [];
  for (const key of AMOUNT_KEYS) {
    const cell = report.cells[key];
    if (!cell || cell.value === null) continue;
    const v = cell.value;
    const name = cellName(key);
    const lines = cell.ref ? { lines: [cell.ref.line] } : {};
    const push = (message: string) => out.push({ id: 'NUM-02', severity: 'warning', cells: [key], message, ...lines });
    if (v < 0) push(`${name}：填报为 ${fmt(v)}，金额不应为负数。`);
    else if (decimals(cell.raw) > 4) push(`${name}：填报为「${cell.raw}」，金额应以万元为单位，最多保留 4 位小数。`);
    if (UNIT_IN_CELL.test(cell.raw)) {
      push(`${name}：单元格内写有单位「${cell.raw.trim()}」，已按 ${fmt(v)} 万元读取；单位应只写在表头（万元）。`);
    } else if (Number.isInteger(v) && v >= YUAN_LIKE) {
      push(`${name}：填报为 ${fmt(v)} 万元（即 ${fmt(v / 10000)} 亿元），疑似按元填报，请核对单位。`);
    }
  }
  return out;
}

function decimals(raw: string): number {
  const m = /\.(\d+)/.exec(raw);
  return m ? m[1]!.length : 0;
}

/** NUM-03: blank or placeholder cells, one finding per printed row (a row of blanks is one mistake). */
export function checkBlanks(report: ParsedReport): Finding[] {
  const byRow = new Map<string, FieldKey[]>();
  for (const [key, cell] of Object.entries(report.cells)) {
    if (cell.value !== null) continue;
    const row = rowOf(key);
    const list = byRow.get(row);
    if (list) list.push(key);
    else byRow.set(row, [key]);
  }
  const out: Finding[] = [];
  for (const keys of byRow.values()) {
    const raws = new Set(keys.map((k) => report.cells[k]!.raw.trim()).filter((r) => r !== ''));
    const what = raws.size > 0 ? `为空白或占位符（${[...raws].map((r) => `「${r}」`).join('')}）` : '为空白';
    const names = keys.map(cellName);
    const shown = names.length > 3 ? `${names.slice(0, 3).join('、')}等 ${names.length} 格` : names.join('、');
    const lines = [...new Set(keys.flatMap((k) => (report.cells[k]!.ref ? [report.cells[k]!.ref!.line] : [])))];
    out.push({
      id: 'NUM-03',
      severity: 'warning',
      cells: keys,
      message: `${shown}${what}；没有数据时应填 0。`,
      ...(lines.length ? { lines } : {}),
    });
  }
  return out;
}

/** The printed row a key belongs to: table 四 is one printed row per group for this purpose. */
function rowOf(key: FieldKey): string {
  const i = key.lastIndexOf('.');
  return key.slice(0, i);
}

export const valuesChecks: Check[] = [checkCounts, checkAmounts, checkBlanks];
