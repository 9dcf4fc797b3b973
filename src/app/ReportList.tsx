/** The report list: toolbar, then the rows that are on screen. */
import { useMemo, useState } from 'preact/hooks';
import type { AppState } from './store.ts';
import { EMPTY_QUERY, queryList, staleRows, yearsOf, type ListQuery } from './list-query.ts';
import { ListToolbar } from './ListToolbar.tsx';
import { VirtualRows } from './VirtualRows.tsx';
import { EmptyHistory } from './EmptyHistory.tsx';
import { StaleBanner } from './StaleBanner.tsx';

/** The list view. */
export function ReportList({ state }: { state: AppState }) {
  const [query, setQuery] = useState<ListQuery>(EMPTY_QUERY);
  const all = state.summaries;
  const rows = useMemo(() => (all ? queryList(all, query) : []), [all, query]);
  const years = useMemo(() => (all ? yearsOf(all) : []), [all]);
  const stale = useMemo(() => (all ? staleRows(all, state.parserVersion) : []), [all, state.parserVersion]);
  if (all === null) return <p class="loading">正在读取历史记录…</p>;
  if (all.length === 0) return <EmptyHistory busy={state.progress !== null} />;
  const errors = all.filter((r) => r.errors > 0).length;
  return (
    <section class="list" aria-label="报告列表">
      <StaleBanner stale={stale} busy={state.progress !== null} />
      <ListToolbar query={query} years={years} onChange={setQuery} total={all.length} />
      <p class="list-count" data-testid="list-count">
        共 {all.length} 份，其中 {errors} 份有错误；当前显示 {rows.length} 份
      </p>
      <VirtualRows rows={rows} />
    </section>
  );
}
