/**
 * Structure checks (checks.md "Structure and template"): STR-01 six sections in order, STR-02 wrong numerals,
 * STR-03 a heading printed twice, STR-04 sub-headings reusing top-level numerals, STR-05 missing tables,
 * STR-06 rows with too few or too many numbers, STR-07 table-三 rows missing or unknown.
 */
import type { FieldKey, Finding, ParsedReport, RowRead, TableRead } from '../model.ts';
import { SECTION_HEADINGS, SEC2_2019, SEC2_2021, SEC3_2019, SEC3_2021, SEC3_COLUMNS, SEC4_COLUMNS, SEC4_GROUPS } from '../spec/templates.ts';
import type { Check } from './types.ts';
import { tableLineSet } from './text-cache.ts';

const NUMERALS = ['一', '二', '三', '四', '五', '六'];
/**
 * Whether a line, once its leading whitespace and '#' marks are gone, starts with a bracket of either
 * width: only such a line can be a numbered sub-heading (the character test costs less than a regex call).
 */
export function startsWithParen(line: string): boolean {
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === 0x28 || c === 0xff08) return true;
    if (!isSpaceOrHash(c)) return false;
  }
  return false;
}

/** '#' or a character of the regex class \s (the whitespace `trim` removes). */
function isSpaceOrHash(c: number): boolean {
  return (
    c === 0x23 || c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}
const TABLE_NAMES = { sec2: '表二（主动公开政府信息情况）', sec3: '表三（收到和处理政府信息公开申请情况）', sec4: '表四（行政复议、行政诉讼情况）' } as const;

/** STR-01: every section once, in order. */
export function checkSections(report: ParsedReport): Finding[] {
  const out: Finding[] = [];
  const present = new Set(report.sections.map((s) => s.no));
  for (let no = 1; no <= 6; no++) {
    if (present.has(no)) continue;
    out.push({
      id: 'STR-01',
      severity: 'error',
      cells: [],
      message: `未找到第${NUMERALS[no - 1]}部分「${SECTION_HEADINGS[no - 1]}」的标题，报告应包含全部六个部分。`,
    });
  }
  const byLine = [...report.sections].sort((a, b) => a.startLine - b.startLine);
  for (let i = 1; i < byLine.length; i++) {
    const prev = byLine[i - 1];
    const cur = byLine[i];
    if (cur.no > prev.no) continue;
    out.push({
      id: 'STR-01',
      severity: 'error',
      cells: [],
      message: `第${NUMERALS[cur.no - 1]}部分「${cur.heading ?? SECTION_HEADINGS[cur.no - 1]}」出现在第${NUMERALS[prev.no - 1]}部分之后，六个部分的顺序不对。`,
      ...(cur.heading ? { quote: cur.heading } : {}),
      lines: [cur.startLine],
    });
  }
  return out;
}

/** STR-02: a section heading with the wrong numeral, or sibling sub-headings mixing （一） and （2）. */
export function checkNumerals(report: ParsedReport): Finding[] {
  const out: Finding[] = [];
  for (const h of report.headings) {
    if (h.kind !== 'wrong-numeral' || h.section === null) continue;
    out.push({
      id: 'STR-02',
      severity: 'warning',
      cells: [],
      message: `标题「${h.text}」的序号「${h.numeral}」有误，第${NUMERALS[h.section - 1]}部分应写作「${NUMERALS[h.section - 1]}、」。`,
      quote: h.text,
      lines: [h.line],
    });
  }
  const tableLines = tableLineSet(report);
  for (const s of report.sections) {
    let chinese: { line: number; text: string } | null = null;
    let digit: { line: number; text: string } | null = null;
    for (let i = s.startLine + 1; i < s.endLine; i++) {
      if (tableLines.has(i)) continue;
      const raw = report.lines[i];
      if (raw.length > 60 || !startsWithParen(raw)) continue;
      const t = raw.replace(/\t/g, '').trim().replace(/^#{1,6}\s*/, '');
      if (t.length > 30 || /[。；]/.test(t)) continue;
      if (!chinese && /^[（(]\s*[一二三四五六七八九十]{1,2}\s*[)）]/.test(t)) chinese = { line: i, text: t };
      else if (!digit && /^[（(]\s*\d{1,2}\s*[)）]/.test(t)) digit = { line: i, text: t };
    }
    if (chinese && digit) {
      out.push({
        id: 'STR-02',
        severity: 'warning',
        cells: [],
        message: `第${NUMERALS[s.no - 1]}部分的同级小标题序号混用：「${chinese.text}」与「${digit.text}」，应统一为（一）（二）…。`,
        quote: digit.text,
        lines: [chinese.line, digit.line],
      });
    }
  }
  return out;
}

/** STR-03: the same top-level heading printed twice in a row. */
export function checkDuplicateHeadings(report: ParsedReport): Finding[] {
  return report.headings
    .filter((h) => h.kind === 'duplicate')
    .map((h) => ({
      id: 'STR-03',
      severity: 'warning' as const,
      cells: [],
      message: `标题「${h.text}」连续印了两次，应删去重复的一行。`,
      quote: h.text,
      lines: [h.line],
    }));
}

/** STR-04: sub-headings that reuse the top-level numerals 一、二、三、, one finding per section. */
export function checkReusedNumerals(report: ParsedReport): Finding[] {
  const hits = report.headings.filter((h) => h.kind === 'sub-reuse');
  if (hits.length === 0) return [];
  const bySection = new Map<number, typeof hits>();
  for (const h of hits) {
    const s = report.sections.find((x) => h.line > x.startLine && h.line < x.endLine);
    const no = s ? s.no : 0;
    const list = bySection.get(no);
    if (list) list.push(h);
    else bySection.set(no, [h]);
  }
  return [...bySection.entries()].map(([no, list]) => ({
    id: 'STR-04',
    severity: 'info' as const,
    cells: [],
    message: `${no > 0 ? `第${NUMERALS[no - 1]}部分内` : ''}的小标题使用了一级标题序号：${list
      .slice(0, 4)
      .map((h) => `「${h.text}」`)
      .join('')}${list.length > 4 ? `等 ${list.length} 处` : ''}，容易与六个部分的标题混淆，建议改用（一）（二）…。`,
    quote: list[0].text,
    lines: list.map((h) => h.line),
  }));
}

/** STR-05: a standard table missing or unreadable (and rows of table 二 that could not be found). */
export function checkTables(report: ParsedReport): Finding[] {
  const out: Finding[] = [];
  for (const t of ['sec2', 'sec3', 'sec4'] as const) {
    if (report.tables[t]) continue;
    out.push({ id: 'STR-05', severity: 'error', cells: [], message: `未找到${TABLE_NAMES[t]}，或其中的数字无法读取。` });
  }
  const sec2 = report.tables.sec2;
  if (sec2 && sec2.missingRows.length > 0) {
    const defs = sec2.template === '2019' ? SEC2_2019 : SEC2_2021;
    for (const key of sec2.missingRows) {
      const def = defs.find((d) => d.key === key);
      if (!def) continue;
      out.push({
        id: 'STR-05',
        severity: 'error',
        cells: def.columns.map((c) => `sec2.${key}.${c.key}`),
        message: `表二缺少「${def.label}」一行（或其数字无法读取）。`,
        lines: [sec2.startLine],
      });
    }
  }
  return out;
}

const SEC4_ALL_KEYS: readonly FieldKey[] = SEC4_GROUPS.flatMap((g) => SEC4_COLUMNS.map((c) => `sec4.${g.key}.${c.key}`));
/** Keys of each row, built once per table, layout and row key: a report with many long rows names them all. */
const ROW_KEYS = new Map<string, Map<string, readonly FieldKey[]>>();

/** The field keys of a row (shared: callers copy before handing them out). */
function rowKeys(table: TableRead, row: RowRead): readonly FieldKey[] {
  if (table.table === 'sec4') return SEC4_ALL_KEYS;
  const layout = table.table === 'sec3' ? 'sec3' : table.template === '2019' ? 'sec2-2019' : 'sec2-2021';
  let byRow = ROW_KEYS.get(layout);
  if (!byRow) ROW_KEYS.set(layout, (byRow = new Map()));
  const rowKey = row.key!;
  let keys = byRow.get(rowKey);
  if (!keys) {
    if (layout === 'sec3') keys = SEC3_COLUMNS.map((c) => `sec3.${rowKey}.${c.key}`);
    else {
      const def = (layout === 'sec2-2019' ? SEC2_2019 : SEC2_2021).find((d) => d.key === rowKey);
      keys = def ? def.columns.map((c) => `sec2.${rowKey}.${c.key}`) : [];
    }
    byRow.set(rowKey, keys);
  }
  return keys;
}

/** The keys of all the given rows, in order (a plain loop: a report may have a score of such rows). */
function extraKeys(table: TableRead, rows: RowRead[]): FieldKey[] {
  const out: FieldKey[] = [];
  for (const r of rows) for (const k of rowKeys(table, r)) out.push(k);
  return out;
}

const TABLE_SHORT = { sec2: '表二', sec3: '表三', sec4: '表四' } as const;

/** STR-06: rows with too few numbers (error, per row) or too many (warning, one per table). */
export function checkRowWidths(report: ParsedReport): Finding[] {
  const out: Finding[] = [];
  for (const t of ['sec2', 'sec3', 'sec4'] as const) {
    const table = report.tables[t];
    if (!table) continue;
    const extra: RowRead[] = [];
    for (const row of table.rows) {
      if (row.key === null) continue;
      if (row.used) extra.push(row);
      else if (row.found < row.expected) {
        const keys = rowKeys(table, row);
        const missing = keys.filter((k) => report.cells[k] && report.cells[k].value === null && report.cells[k].raw === '' && !report.cells[k].ref);
        out.push({
          id: 'STR-06',
          severity: 'error',
          cells: missing.length > 0 ? missing : [...keys],
          message: `${TABLE_SHORT[t]}「${row.label || row.key}」一行只有 ${row.found} 个数字，应为 ${row.expected} 个；缺的是哪一格无法确定，${missing.length} 格按缺失处理。`,
          ...(row.ref ? { lines: [row.ref.line] } : {}),
        });
      }
    }
    if (extra.length > 0) {
      const names = extra.slice(0, 3).map((r) => `「${r.label || r.key}」`).join('');
      out.push({
        id: 'STR-06',
        severity: 'warning',
        cells: extraKeys(table, extra),
        message: `${TABLE_SHORT[t]}有 ${extra.length} 行的数字多于 ${extra[0].expected} 个（如${names}有 ${extra[0].found} 个），已使用每行的${extra[0].used}数字，请核对多出的数字。`,
        lines: extra.filter((r) => r.ref).map((r) => (r.ref as { line: number }).line),
      });
    }
  }
  return out;
}

/** STR-07: a table-三 row missing, or a data row with an unknown label. */
export function checkSec3Rows(report: ParsedReport): Finding[] {
  const table = report.tables.sec3;
  if (!table) return [];
  const defs = table.template === '2019' ? SEC3_2019 : SEC3_2021;
  const out: Finding[] = [];
  if (table.missingRows.length > 5) {
    // Most of the table could not be placed: one finding says so instead of a score of them.
    const names = table.missingRows.slice(0, 3).map((k) => {
      const d = defs.find((x) => x.key === k);
      return `「${d ? `${d.group ?? ''}${d.label}` : k}」`;
    });
    out.push({
      id: 'STR-07',
      severity: 'error',
      cells: table.missingRows.flatMap((k) => SEC3_COLUMNS.map((c) => `sec3.${k}.${c.key}`)),
      message: `表三有 ${table.missingRows.length} 行（${names.join('')}等）缺失或数字无法读取，共 ${defs.length} 行中只读到 ${defs.length - table.missingRows.length} 行。`,
      lines: [table.startLine],
    });
  }
  for (const key of table.missingRows.length > 5 ? [] : table.missingRows) {
    const def = defs.find((d) => d.key === key);
    out.push({
      id: 'STR-07',
      severity: 'error',
      cells: SEC3_COLUMNS.map((c) => `sec3.${key}.${c.key}`),
      message: `表三缺少「${def ? `${def.group ?? ''}${def.label}` : key}」一行（或其数字无法读取）。`,
      lines: [table.startLine],
    });
  }
  for (const row of table.rows) {
    if (row.key !== null) continue;
    out.push({
      id: 'STR-07',
      severity: 'error',
      cells: [],
      message: `表三多出一行「${row.label}」，不是规定格式中的行，其数字未计入任何项目。`,
      quote: row.label,
      ...(row.ref ? { lines: [row.ref.line] } : {}),
    });
  }
  return out;
}

/** The structure checks, in catalogue order. */
export const structureChecks: Check[] = [
  checkSections,
  checkNumerals,
  checkDuplicateHeadings,
  checkReusedNumerals,
  checkTables,
  checkRowWidths,
  checkSec3Rows,
];
