/** One row of the report list: a link to the report view. */
import type { ReportSummary } from '../storage/history.ts';
import { STATUS_LABELS } from './list-query.ts';

const TYPE_LABELS: Record<string, string> = { txt: '文本', md: 'Markdown', html: '网页', docx: 'Word', pdf: 'PDF' };

/** The row. */
export function ReportRow({ row, top }: { row: ReportSummary; top: number }) {
  const status = row.status === 'ok' ? (row.errors > 0 ? '有错误' : row.warnings > 0 ? '有警告' : '通过') : STATUS_LABELS[row.status];
  const tone = row.status !== 'ok' ? 'bad' : row.errors > 0 ? 'error' : row.warnings > 0 ? 'warning' : 'good';
  return (
    <a
      class={`row status-${tone}`}
      href={`#/r/${row.hash}`}
      style={{ top: `${top}px` }}
      title={row.reason ?? row.name}
      data-testid="report-row"
    >
      <span class="agency">
        {row.agency ?? row.name}
        {row.agency && <small>{row.name}</small>}
      </span>
      <span>{row.year ?? '—'}</span>
      <span>{row.template ?? '—'}</span>
      <span>{row.fileType ? TYPE_LABELS[row.fileType] : '—'}</span>
      <span class="num">{row.errors}</span>
      <span class="num">{row.warnings}</span>
      <span class="status" data-testid="row-status">
        {status}
      </span>
    </a>
  );
}
