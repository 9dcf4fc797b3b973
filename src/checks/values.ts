/**
 * Value checks (checks.md "Values"): NUM-01 counts are non-negative integers, NUM-02 amounts are plausible
 * 万元 decimals, NUM-03 blank or placeholder cells where a number is expected.
 */
import type { FieldKey, Finding, ParsedReport } from '../model.ts';
import type { Check } from './types.ts';
import { safe } from './safe.ts';
import { cellName, fmt } from './cells.ts';
import { cellScan } from './text-cache.ts';

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
  for (const key of cellScan(report).unusual) {
    const cell = report.cells[key]!;
    const v = cell.value!;
    if (AMOUNT_KEYS.has(key) || (Number.isInteger(v) && isDelta(key))) continue;
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
    // Most amounts are plain: the cell's name is worked out only for a finding.
    const unit = UNIT_IN_CELL.test(cell.raw);
    if (!(v < 0) && !unit && !(Number.isInteger(v) && v >= YUAN_LIKE) && !cell.raw.includes('.')) continue;
    const name = cellName(key);
    const lines = cell.ref ? { lines: [cell.ref.line] } : {};
    const push = (message: string) => out.push({ id: 'NUM-02', severity: 'warning', cells: [key], message, ...lines });
    if (v < 0) push(`${name}：填报为 ${fmt(v)}，金额不应为负数。`);
    else if (decimals(cell.raw) > 4) push(`${name}：填报为「${cell.raw}」，金额应以万元为单位，最多保留 4 位小数。`);
    if (unit) {
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

const TABLE_NAME: Record<string, string> = { sec2: '表二', sec3: '表三', sec4: '表四' };

/**
 * NUM-03: blank or placeholder cells, one finding per table (a table left blank is one habit, not a
 * hundred mistakes). Rows already reported by STR-06 as missing a cell are left to that finding.
 */
export function checkBlanks(report: ParsedReport): Finding[] {
  const short = shortRows(report);
  const byTable = new Map<string, FieldKey[]>();
  for (const key of cellScan(report).blanks) {
    const { table, row } = keyParts(key);
    if (table === 'sec3' && short.has(row)) continue;
    const list = byTable.get(table);
    if (list) list.push(key);
    else byTable.set(table, [key]);
  }
  const out: Finding[] = [];
  for (const [table, keys] of byTable) {
    // Plain loops (a blank table has a hundred keys): placeholders as printed, and the lines, each once.
    const raws = new Set<string>();
    const lineSet = new Set<number>();
    for (const k of keys) {
      const cell = report.cells[k]!;
      const raw = cell.raw.trim();
      if (raw !== '') raws.add(raw);
      if (cell.ref) lineSet.add(cell.ref.line);
    }
    const what = raws.size > 0 ? `为空白或占位符（${[...raws].map((r) => `「${r}」`).join('')}）` : '为空白';
    const lines = [...lineSet].sort((a, b) => a - b);
    const bare = (k: FieldKey) => cellName(k).replace(/^表[二三四]\s?/, '');
    const message =
      keys.length <= 3
        ? `${keys.map(cellName).join('、')}${what}；没有数据时应填 0，空白不等于 0。`
        : `${TABLE_NAME[table] ?? table}有 ${keys.length} 格${what}（如 ${keys.slice(0, 2).map(bare).join('、')}）；没有数据时应填 0，空白不等于 0。`;
    out.push({
      id: 'NUM-03',
      severity: 'warning',
      cells: keys,
      message,
      ...(lines.length ? { lines } : {}),
    });
  }
  return out;
}

const KEY_PARTS = new Map<FieldKey, { table: string; row: string }>();

/** The table ('sec3') and, for table 三, the row key of a field key, cut once per key (a blank table has a hundred). */
function keyParts(key: FieldKey): { table: string; row: string } {
  let parts = KEY_PARTS.get(key);
  if (!parts) {
    parts = { table: key.slice(0, key.indexOf('.')), row: key.slice(5, key.lastIndexOf('.')) };
    // Field keys are the formats.md keys, a few hundred: the map stays small (anything else is not kept).
    if (KEY_PARTS.size < 4096) KEY_PARTS.set(key, parts);
  }
  return parts;
}

/** Table-三 rows printed with too few numbers (STR-06 reports them). */
function shortRows(report: ParsedReport): Set<string> {
  const out = new Set<string>();
  for (const r of report.tables.sec3?.rows ?? []) if (r.key && r.found < r.expected) out.add(r.key);
  return out;
}

export const valuesChecks: Check[] = [safe('NUM-01', checkCounts), safe('NUM-02', checkAmounts), safe('NUM-03', checkBlanks)];
