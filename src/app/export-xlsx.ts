/**
 * The Excel export action: reads the stored analyses of the listed reports in small batches (yielding
 * to the page between batches), shapes them into rows, has the export worker build the .xlsx and
 * downloads it through a blob URL. Nothing leaves the machine.
 */
import type { ReportSummary } from '../storage/history.ts';
import { getHistory } from './actions.ts';
import { exportFileName, fieldColumns, findingRows, reportHeaderRows, reportRow, type ExportRow } from './export-rows.ts';
import { startExportWorker } from './workers.ts';

/** Reports read per batch: small enough that one batch never holds the page for long. */
export const EXPORT_BATCH = 40;

/** How far the export is. */
export interface ExportProgress {
  /** Reports read so far. */
  done: number;
  /** Reports to export. */
  total: number;
  /** 'read' while reading the history, 'build' while the worker writes the file. */
  phase: 'read' | 'build';
}

/** What one export produced. */
export interface ExportOutcome {
  /** Name the file was offered under. */
  fileName: string;
  /** Rows of the 「报告」 sheet (one per report). */
  reports: number;
  /** Rows of the 「问题」 sheet (one per finding). */
  findings: number;
  /** Reports whose stored analysis could not be read (their row has the list fields only). */
  missing: number;
}

/** Lets the page paint and handle input between batches. */
function yieldToPage(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Exports the given reports, in the given order, to one .xlsx and downloads it. Throws a Chinese message on failure. */
export async function exportReports(rows: ReportSummary[], onProgress: (p: ExportProgress) => void): Promise<ExportOutcome> {
  const history = getHistory();
  if (!history) throw new Error('本地数据库不可用');
  const columns = fieldColumns();
  const reports: ExportRow[] = [...reportHeaderRows(columns)];
  const findings: ExportRow[] = [];
  let missing = 0;
  for (let i = 0; i < rows.length; i += EXPORT_BATCH) {
    const batch = rows.slice(i, i + EXPORT_BATCH);
    const stored = await Promise.all(batch.map((s) => history.getReport(s.hash).catch(() => undefined)));
    batch.forEach((summary, k) => {
      const result = stored[k]?.analysis.result;
      if (!result) missing++;
      reports.push(reportRow(summary, result, columns));
      findings.push(...findingRows(summary, result));
    });
    onProgress({ done: Math.min(rows.length, i + EXPORT_BATCH), total: rows.length, phase: 'read' });
    await yieldToPage();
  }
  onProgress({ done: rows.length, total: rows.length, phase: 'build' });
  const blob = await buildInWorker(reports, findings);
  const fileName = exportFileName(new Date());
  download(blob, fileName);
  return { fileName, reports: rows.length, findings: findings.length, missing };
}

/** Builds the workbook in a worker of its own, started for this export and stopped after it. */
async function buildInWorker(reports: ExportRow[], findings: ExportRow[]): Promise<Blob> {
  const { worker, api, dead } = startExportWorker();
  try {
    return await Promise.race([api.buildWorkbook({ reports, findings }), dead]);
  } finally {
    worker.terminate();
  }
}

/** Saves a Blob under a file name through a temporary blob URL and an <a download>. */
function download(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  // Revoked later, not at once: the browser may still be reading the blob when click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
