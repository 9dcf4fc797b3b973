/**
 * The Excel export as plain data: stored reports → the rows of the sheets 「报告」 and 「问题」.
 * No DOM and no storage here, so Node tests run it on real analyses; the workbook and the download
 * are built elsewhere (export-workbook.ts, export-xlsx.ts).
 */
import type { FieldKey, Finding, ReportResult, Severity } from '../model.ts';
import type { ReportSummary } from '../storage/summary.ts';
import {
  SEC2_2019,
  SEC2_2021,
  SEC3_2019,
  SEC3_2021,
  SEC3_COLUMNS,
  SEC4_COLUMNS,
  SEC4_GROUPS,
  type Sec2RowDef,
  type Sec3RowDef,
} from '../spec/templates.ts';
import { STATUS_LABELS } from './list-query.ts';

/** One spreadsheet cell: a number stays a number; null is an empty cell. */
export type ExportCell = string | number | null;

/** One spreadsheet row. */
export type ExportRow = ExportCell[];

/** A column of table data in the 「报告」 sheet: its field key and a readable Chinese header. */
export interface FieldColumn {
  /** Field key, e.g. `sec3.newReceived.naturalPerson` (the second header row, for joins). */
  key: FieldKey;
  /** Chinese header built from the templates, e.g. 「表三·一、本年新收政府信息公开申请数量·自然人」. */
  label: string;
}

/** Leading columns of the 「报告」 sheet, before the field columns. */
export const REPORT_HEAD = ['文件名', '机关', '年度', '格式', '文件类型', '状态', '错误数', '警告数', '提示数'] as const;

/** Columns of the 「问题」 sheet. */
export const FINDING_HEAD = ['文件名', '机关', '年度', '检查项', '严重程度', '说明', '涉及单元格', '原文'] as const;

/** Chinese names of the severities. */
export const SEVERITY_LABELS: Record<Severity, string> = { error: '错误', warning: '警告', info: '提示' };

/** Excel refuses cells longer than this (a longer string makes the file unreadable). */
export const MAX_CELL_CHARS = 32_767;

function sec2Columns(rows: Sec2RowDef[], suffix: string): FieldColumn[] {
  return rows.flatMap((r) =>
    r.columns.map((c) => ({ key: `sec2.${r.key}.${c.key}`, label: `表二·${r.block}·${r.label}·${c.label}${suffix}` })),
  );
}

/**
 * Table 三 rows of both formats in one order: 2021 rows, each 2019-only row inserted right after the
 * row that precedes it in the 2019 format (so （六）其他处理 comes before its three 2021 sub-rows).
 */
function sec3UnionRows(): Sec3RowDef[] {
  const merged = [...SEC3_2021];
  SEC3_2019.forEach((row, i) => {
    if (merged.some((r) => r.key === row.key)) return;
    const before = i === 0 ? -1 : merged.findIndex((r) => r.key === SEC3_2019[i - 1].key);
    merged.splice(before + 1, 0, row);
  });
  return merged;
}

/**
 * Every field column of both formats, in template order: table 二 (2021 keys, then 2019-only keys),
 * table 三 (union of both row sets), table 四. A key shared by both formats appears once.
 */
export function fieldColumns(): FieldColumn[] {
  const sec2021 = sec2Columns(SEC2_2021, '');
  const known = new Set(sec2021.map((c) => c.key));
  const sec2019 = sec2Columns(SEC2_2019, '（2019 版）').filter((c) => !known.has(c.key));
  const sec3 = sec3UnionRows().flatMap((r) =>
    SEC3_COLUMNS.map((c) => ({
      key: `sec3.${r.key}.${c.key}`,
      label: ['表三', r.group, r.label, c.label].filter(Boolean).join('·'),
    })),
  );
  const sec4 = SEC4_GROUPS.flatMap((g) =>
    SEC4_COLUMNS.map((c) => ({ key: `sec4.${g.key}.${c.key}`, label: `表四·${g.label}·${c.label}` })),
  );
  return [...sec2021, ...sec2019, ...sec3, ...sec4];
}

/** The two header rows of the 「报告」 sheet: Chinese labels, then field keys (blank above the head columns). */
export function reportHeaderRows(columns: FieldColumn[]): [ExportRow, ExportRow] {
  return [
    [...REPORT_HEAD, ...columns.map((c) => c.label)],
    [...REPORT_HEAD.map(() => null), ...columns.map((c) => c.key)],
  ];
}

/** Cuts a string to what one Excel cell holds. */
export function fitCell(text: string): string {
  return text.length <= MAX_CELL_CHARS ? text : text.slice(0, MAX_CELL_CHARS - 1) + '…';
}

/**
 * The 「报告」 row of one report: list fields from its summary, then one cell per field column
 * (a number, or empty when the cell is blank in the report or absent from its format).
 * `result` is undefined when the stored analysis could not be read: the row keeps the summary fields.
 */
export function reportRow(summary: ReportSummary, result: ReportResult | undefined, columns: FieldColumn[]): ExportRow {
  const cells = result?.cells ?? {};
  return [
    fitCell(summary.name),
    summary.agency === null ? null : fitCell(summary.agency),
    summary.year,
    summary.template,
    summary.fileType,
    STATUS_LABELS[summary.status] ?? summary.status,
    summary.errors,
    summary.warnings,
    summary.infos,
    ...columns.map((c) => {
      const v = cells[c.key];
      return typeof v === 'number' && Number.isFinite(v) ? v : null;
    }),
  ];
}

/** The 「问题」 rows of one report: one per finding, in the order the checks reported them. */
export function findingRows(summary: ReportSummary, result: ReportResult | undefined): ExportRow[] {
  return (result?.findings ?? []).map((f: Finding) => [
    fitCell(summary.name),
    summary.agency === null ? null : fitCell(summary.agency),
    summary.year,
    f.id,
    SEVERITY_LABELS[f.severity] ?? f.severity,
    fitCell(f.message),
    f.cells.length ? fitCell(f.cells.join(', ')) : null,
    f.quote ? fitCell(f.quote) : null,
  ]);
}

/** Download name of an export made on `date` (local time): 年报核查-导出-YYYYMMDD.xlsx. */
export function exportFileName(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `年报核查-导出-${date.getFullYear()}${pad(date.getMonth() + 1)}${pad(date.getDate())}.xlsx`;
}
