/** Search, filters and sort of the report list, as pure functions over summary rows. */
import type { ReportStatus } from '../model.ts';
import type { ReportSummary } from '../storage/summary.ts';

/** What the list toolbar asks for. */
export interface ListQuery {
  /** Substring of the body name (or file name). */
  search: string;
  /** Report year, or null for all. */
  year: number | null;
  /** Status, or null for all. */
  status: ReportStatus | null;
  /** Only reports with at least one error. */
  hasErrors: boolean;
  sort: SortKey;
}

/** Sort orders the list offers. */
export type SortKey = 'imported-desc' | 'agency' | 'year-desc' | 'errors-desc';

/** The list's default query. */
export const EMPTY_QUERY: ListQuery = { search: '', year: null, status: null, hasErrors: false, sort: 'imported-desc' };

/** Chinese names of the statuses. */
export const STATUS_LABELS: Record<ReportStatus, string> = {
  ok: '已核查',
  unreadable: '无法读取',
  'not-a-report': '非年报',
};

/** Chinese names of the sort orders. */
export const SORT_LABELS: Record<SortKey, string> = {
  'imported-desc': '最近导入',
  agency: '机关名称',
  'year-desc': '年份（新→旧）',
  'errors-desc': '错误数（多→少）',
};

const collator = new Intl.Collator('zh-CN');

/** Rows matching the query, in the asked order. */
export function queryList(rows: ReportSummary[], q: ListQuery): ReportSummary[] {
  const needle = q.search.trim().toLowerCase();
  const out = rows.filter(
    (r) =>
      (needle === '' || (r.agency ?? '').toLowerCase().includes(needle) || r.name.toLowerCase().includes(needle)) &&
      (q.year === null || r.year === q.year) &&
      (q.status === null || r.status === q.status) &&
      (!q.hasErrors || r.errors > 0),
  );
  return out.sort(comparator(q.sort));
}

function comparator(sort: SortKey): (a: ReportSummary, b: ReportSummary) => number {
  const byImport = (a: ReportSummary, b: ReportSummary) => b.importedAt - a.importedAt || collator.compare(a.name, b.name);
  switch (sort) {
    case 'agency':
      return (a, b) => collator.compare(a.agency ?? '\uffff', b.agency ?? '\uffff') || byImport(a, b);
    case 'year-desc':
      return (a, b) => (b.year ?? -1) - (a.year ?? -1) || byImport(a, b);
    case 'errors-desc':
      return (a, b) => b.errors - a.errors || b.warnings - a.warnings || byImport(a, b);
    default:
      return byImport;
  }
}

/** Distinct report years, newest first, for the year filter. */
export function yearsOf(rows: ReportSummary[]): number[] {
  const years = new Set<number>();
  for (const r of rows) if (r.year !== null) years.add(r.year);
  return [...years].sort((a, b) => b - a);
}

/** Rows made by an older parser than `version`. */
export function staleRows(rows: ReportSummary[], version: number | null): ReportSummary[] {
  return version === null ? [] : rows.filter((r) => r.parserVersion < version);
}
