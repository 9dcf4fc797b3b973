/** The 「导出 Excel」 button: exports every report the list's search and filters show, not only those on screen. */
import { useState } from 'preact/hooks';
import { exportReports, type ExportProgress } from './export-xlsx.ts';
import { queryList, type ListQuery } from './list-query.ts';
import { getState, notify } from './store.ts';

/** The export control; `query` is the list's current search, filters and sort. */
export function ExportButton({ query }: { query: ListQuery }) {
  const [progress, setProgress] = useState<ExportProgress | null>(null);
  const run = async () => {
    // Read at click time: the rows the list shows now, in its order.
    const rows = queryList(getState().summaries ?? [], query);
    if (rows.length === 0) {
      notify('warning', '当前列表中没有可导出的报告。');
      return;
    }
    setProgress({ done: 0, total: rows.length, phase: 'read' });
    try {
      const out = await exportReports(rows, setProgress);
      notify('success', `已导出 ${out.reports} 份报告、${out.findings} 条问题到「${out.fileName}」。`);
      if (out.missing) notify('warning', `${out.missing} 份报告的核查结果未能读取，表中只有其列表信息。`);
    } catch (e) {
      notify('error', `导出失败：${e instanceof Error ? e.message : String(e)}。`);
    } finally {
      setProgress(null);
    }
  };
  return (
    <button type="button" onClick={() => void run()} disabled={progress !== null} aria-busy={progress !== null} data-testid="export-xlsx">
      {progress === null ? '导出 Excel' : `正在导出…${progress.phase === 'read' ? `（${progress.done} / ${progress.total}）` : '（生成文件）'}`}
    </button>
  );
}
