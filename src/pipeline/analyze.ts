/** The whole pure pipeline for one file: bytes → (zip entries →) SourceDoc → ParsedReport → findings. */
import type { Analysis, ReportResult } from '../model.ts';
import { readDocument } from '../read/index.ts';
import { parseReport } from '../parse/index.ts';
import { runChecks } from '../checks/index.ts';

/** Analyses one report file (not a zip). Never throws: failures become an 'unreadable' result. */
export async function analyzeDocument(name: string, bytes: Uint8Array): Promise<Analysis> {
  const doc = await readDocument(name, bytes);
  if ('unreadable' in doc) return { result: emptyResult(name, 'unreadable', doc.reason) };
  const parsed = parseReport(doc);
  if ('notAReport' in parsed) return { result: emptyResult(name, 'not-a-report', parsed.reason, doc.fileType), doc };
  const cells = Object.fromEntries(Object.entries(parsed.cells).map(([k, c]) => [k, c.value]));
  const result: ReportResult = {
    file: name,
    status: 'ok',
    meta: parsed.meta,
    cells,
    findings: runChecks(parsed),
    fileType: doc.fileType,
  };
  return { result, doc, parsed };
}

function emptyResult(file: string, status: 'unreadable' | 'not-a-report', error: string, fileType?: Analysis['result']['fileType']): ReportResult {
  return { file, status, error, cells: {}, findings: [], ...(fileType ? { fileType } : {}) };
}
