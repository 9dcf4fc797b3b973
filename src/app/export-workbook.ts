/**
 * Rows → one .xlsx Blob with the sheets 「报告」 and 「问题」, through write-excel-file's universal entry
 * (Blob out, no DOM, nothing fetched). Runs in the export worker: building the XML of 2,000 reports
 * takes over a second, which must not happen on the page's thread.
 */
import writeXlsxFile, { type Row, type SheetData } from 'write-excel-file/universal';
import { FINDING_HEAD, type ExportRow } from './export-rows.ts';

/** What the worker is given: the rows of both sheets, header rows included. */
export interface WorkbookRows {
  /** 「报告」: two header rows (labels, field keys), then one row per report. */
  reports: ExportRow[];
  /** 「问题」: one row per finding, without the header (added here). */
  findings: ExportRow[];
}

/** Number of header rows of the 「报告」 sheet. */
export const REPORT_HEADER_ROWS = 2;

/** Header cells in bold; the field-key row in grey so the eye goes to the labels. */
function styleHeader(row: ExportRow, kind: 'label' | 'key'): Row {
  return row.map((v) =>
    v === null ? null : kind === 'label' ? { value: v, fontWeight: 'bold' as const, wrap: true } : { value: v, textColor: '#666666' },
  );
}

/** Builds the workbook. */
export async function buildWorkbook({ reports, findings }: WorkbookRows): Promise<Blob> {
  const [labels, keys, ...body] = reports;
  const reportData: SheetData = [styleHeader(labels ?? [], 'label'), styleHeader(keys ?? [], 'key'), ...(body as Row[])];
  const findingData: SheetData = [styleHeader([...FINDING_HEAD], 'label'), ...(findings as Row[])];
  const reportWidths = (labels ?? []).map((_, i) => ({ width: i === 0 || i === 1 ? 30 : i < 9 ? 8 : 16 }));
  return writeXlsxFile([
    { sheet: '报告', data: reportData, columns: reportWidths, stickyRowsCount: REPORT_HEADER_ROWS, stickyColumnsCount: 2 },
    {
      sheet: '问题',
      data: findingData,
      columns: [{ width: 30 }, { width: 30 }, { width: 6 }, { width: 9 }, { width: 8 }, { width: 60 }, { width: 30 }, { width: 40 }],
      stickyRowsCount: 1,
    },
  ]).toBlob();
}
