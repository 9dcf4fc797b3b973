/** Title block of the report view: body, year, format, file, counts; re-parse and delete. */
import { useState } from 'preact/hooks';
import type { StoredReport } from '../storage/history.ts';
import { deleteReport, reparse } from './actions.ts';
import { formatTime, templateLabel } from './format.ts';
import { STATUS_LABELS } from './list-query.ts';

/** The header. */
export function ReportHeader({ stored, parserVersion }: { stored: StoredReport; parserVersion: number | null }) {
  const [confirming, setConfirming] = useState(false);
  const { result } = stored.analysis;
  const count = (s: string) => result.findings.filter((f) => f.severity === s).length;
  const stale = parserVersion !== null && stored.parserVersion < parserVersion;
  return (
    <header class="report-header">
      <a href="#" class="back">
        ← 返回列表
      </a>
      <h2 data-testid="report-title">{result.meta?.agency ?? result.file}</h2>
      <p class="meta">
        <span>{result.meta?.year ? `${result.meta.year} 年度` : '年度未识别'}</span>
        <span>{templateLabel(result.meta?.template)}</span>
        <span>文件：{result.file}</span>
        <span>状态：{STATUS_LABELS[result.status]}</span>
        <span>
          错误 {count('error')} · 警告 {count('warning')} · 提示 {count('info')}
        </span>
        <span>导入于 {formatTime(stored.importedAt)}</span>
      </p>
      {result.meta?.title && <p class="doc-title">{result.meta.title}</p>}
      <div class="actions">
        {stale && (
          <button type="button" onClick={() => void reparse([stored.hash])}>
            解析器已更新：重新解析本报告
          </button>
        )}
        {confirming ? (
          <span class="confirm" role="alertdialog" aria-label="确认删除">
            确定删除这份报告及其原始文件？
            <button type="button" class="danger" onClick={() => void deleteReport(stored.hash)} data-testid="confirm-delete">
              确认删除
            </button>
            <button type="button" onClick={() => setConfirming(false)}>
              取消
            </button>
          </span>
        ) : (
          <button type="button" class="danger" onClick={() => setConfirming(true)} data-testid="delete-report">
            删除本报告…
          </button>
        )}
      </div>
    </header>
  );
}
