/** The whole pure pipeline for one file: bytes → (zip entries →) SourceDoc → ParsedReport → findings. */
import type { Analysis, FileType, ReportResult } from '../model.ts';
import { detectType, readDocument } from '../read/index.ts';
import { sniff, type Sniffed } from '../read/sniff.ts';
import { expandZip } from '../read/zip.ts';
import { parseReport } from '../parse/index.ts';
import { cellValues } from '../parse/cells.ts';
import { runChecks } from '../checks/index.ts';

/**
 * Version of the pipeline's output. Stored with every analysis so the app can offer a re-parse of
 * stored reports when a newer parser reads them better. Raise it whenever parsing or checks change.
 */
export const PARSER_VERSION = 1;

/** One report of a file: a plain file gives one, a zip one per report inside. */
export interface AnalyzedFile {
  /** The file name, or `archive.zip/inner/path` for a zip entry. */
  name: string;
  /** The report's own bytes (the entry's, for a zip). */
  bytes: Uint8Array;
  analysis: Analysis;
}

/** Analyses one file as dropped or named on the command line; zips are expanded. Never throws. */
export async function analyzeFile(name: string, bytes: Uint8Array): Promise<AnalyzedFile[]> {
  let entries: ReturnType<typeof expandZip>;
  try {
    // Sniffed once: the read stage takes the same answer instead of reading the bytes again.
    const kind = sniff(bytes);
    if (detectType(name, bytes, kind) !== 'zip') return [{ name, bytes, analysis: await analyzeDocument(name, bytes, kind) }];
    entries = expandZip(name, bytes);
  } catch (e) {
    return [unreadableFile(name, bytes, `读取压缩包「${name}」时出现内部错误：${e instanceof Error ? e.message : String(e)}`)];
  }
  if ('unreadable' in entries) return [unreadableFile(name, bytes, entries.reason)];
  if (entries.length === 0) return [unreadableFile(name, bytes, `压缩包「${name}」中没有文件。`)];
  const out: AnalyzedFile[] = [];
  for (const entry of entries) {
    const inner = `${name}/${entry.path}`;
    out.push(entry.error ? unreadableFile(inner, entry.bytes, entry.error) : { name: inner, bytes: entry.bytes, analysis: await analyzeDocument(inner, entry.bytes) });
  }
  return out;
}

/** A file that could not be read, as one result with the reason. */
function unreadableFile(name: string, bytes: Uint8Array, reason: string): AnalyzedFile {
  return { name, bytes, analysis: { result: emptyResult(name, 'unreadable', reason) } };
}

/**
 * Analyses one report file (not a zip). Never throws: failures become an 'unreadable' result. `sniffed`:
 * `sniff(bytes)` when the caller already has it.
 */
export async function analyzeDocument(name: string, bytes: Uint8Array, sniffed?: Sniffed): Promise<Analysis> {
  try {
    const doc = await readDocument(name, bytes, sniffed);
    if ('unreadable' in doc) return { result: emptyResult(name, 'unreadable', doc.reason) };
    const parsed = parseReport(doc);
    if ('notAReport' in parsed) return { result: emptyResult(name, 'not-a-report', parsed.reason, doc.fileType), doc };
    // The plain values, as the parser's cell sinks collected them (same keys, same order).
    const cells: ReportResult['cells'] = cellValues(parsed.cells);
    const result: ReportResult = {
      file: name,
      status: 'ok',
      meta: parsed.meta,
      cells,
      findings: runChecks(parsed),
      fileType: doc.fileType,
    };
    return { result, doc, parsed };
  } catch (e) {
    // The stages promise not to throw; if one does, the batch still goes on with one clear sentence.
    const reason = `读取文件「${name}」时出现内部错误：${e instanceof Error ? e.message : String(e)}`;
    return { result: emptyResult(name, 'unreadable', reason) };
  }
}

function emptyResult(file: string, status: 'unreadable' | 'not-a-report', error: string, fileType?: FileType): ReportResult {
  return { file, status, error, cells: {}, findings: [], ...(fileType ? { fileType } : {}) };
}
