/** Search, filters and sort of the report list, plus Excel export and clear-all. */
import type { ReportStatus } from '../model.ts';
import { SORT_LABELS, STATUS_LABELS, type ListQuery, type SortKey } from './list-query.ts';
import { ClearAll } from './ClearAll.tsx';
import { ExportButton } from './ExportButton.tsx';

/** The toolbar. */
export function ListToolbar(props: { query: ListQuery; years: number[]; total: number; onChange: (q: ListQuery) => void }) {
  const { query: q, years, onChange } = props;
  const set = (change: Partial<ListQuery>) => onChange({ ...q, ...change });
  return (
    <div class="toolbar" role="search">
      <input
        type="search"
        placeholder="按机关名称搜索"
        aria-label="按机关名称搜索"
        value={q.search}
        onInput={(e) => set({ search: e.currentTarget.value })}
        data-testid="search"
      />
      <select aria-label="年份" value={q.year ?? ''} onChange={(e) => set({ year: e.currentTarget.value ? Number(e.currentTarget.value) : null })}>
        <option value="">全部年份</option>
        {years.map((y) => (
          <option key={y} value={y}>
            {y} 年
          </option>
        ))}
      </select>
      <select
        aria-label="状态"
        value={q.status ?? ''}
        onChange={(e) => set({ status: (e.currentTarget.value || null) as ReportStatus | null })}
      >
        <option value="">全部状态</option>
        {(Object.keys(STATUS_LABELS) as ReportStatus[]).map((k) => (
          <option key={k} value={k}>
            {STATUS_LABELS[k]}
          </option>
        ))}
      </select>
      <label class="check">
        <input type="checkbox" checked={q.hasErrors} onChange={(e) => set({ hasErrors: e.currentTarget.checked })} data-testid="has-errors" />
        只看有错误的
      </label>
      <select aria-label="排序" value={q.sort} onChange={(e) => set({ sort: e.currentTarget.value as SortKey })}>
        {(Object.keys(SORT_LABELS) as SortKey[]).map((k) => (
          <option key={k} value={k}>
            排序：{SORT_LABELS[k]}
          </option>
        ))}
      </select>
      <ExportButton query={q} />
      <ClearAll total={props.total} />
    </div>
  );
}
