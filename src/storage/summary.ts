/** The list's view of a stored report: summary fields only, so listing thousands loads no bytes. */
import type { Analysis, FileType, ReportStatus, TemplateId } from '../model.ts';

/** One row of the report list (the `summaries` store). */
export interface ReportSummary {
  /** SHA-256 of the original file bytes, hex: the key of every store. */
  hash: string;
  /** File name as imported (inner path for a zip entry). */
  name: string;
  /** Body name from the report, or null when unknown. */
  agency: string | null;
  /** Report year, or null. */
  year: number | null;
  /** Detected format, or null. */
  template: TemplateId | null;
  /** File type as read, or null when the file could not be read. */
  fileType: FileType | null;
  /** Status of the analysis. */
  status: ReportStatus;
  /** Chinese reason for 'unreadable' / 'not-a-report'. */
  reason?: string;
  /** Number of error-severity findings. */
  errors: number;
  /** Number of warning-severity findings. */
  warnings: number;
  /** Number of info-severity findings. */
  infos: number;
  /** Import time, ms since epoch. */
  importedAt: number;
  /** Version of the parser that produced the stored analysis. */
  parserVersion: number;
  /** Size of the original file in bytes. */
  size: number;
}

/** Derives the list row of an analysis. */
export function summarize(
  hash: string,
  analysis: Analysis,
  importedAt: number,
  parserVersion: number,
  size: number,
): ReportSummary {
  const { result } = analysis;
  const count = (s: string) => result.findings.filter((f) => f.severity === s).length;
  return {
    hash,
    name: result.file,
    agency: result.meta?.agency ?? null,
    year: result.meta?.year ?? null,
    template: result.meta?.template ?? null,
    fileType: result.fileType ?? analysis.doc?.fileType ?? null,
    status: result.status,
    ...(result.error ? { reason: result.error } : {}),
    errors: count('error'),
    warnings: count('warning'),
    infos: count('info'),
    importedAt,
    parserVersion,
    size,
  };
}
