/**
 * One dropped file → the reports in it, each with its SHA-256 and full analysis. Runs inside the
 * analyze worker (and in Node tests); touches no DOM and no storage.
 */
import type { Analysis } from '../src/model.ts';
import { analyzeFile, PARSER_VERSION } from '../src/pipeline/analyze.ts';

export { PARSER_VERSION };

/** One report found in a dropped file. */
export interface Ingested {
  /** SHA-256 of `bytes`, lower-case hex: the report's key in the history. */
  hash: string;
  /** Name shown to the user: the file name, or `archive.zip/inner/path.txt` for a zip entry. */
  name: string;
  /** The report's own bytes (the entry's, for a zip), in a buffer of its own. */
  bytes: ArrayBuffer;
  /** What the pipeline made of it. */
  analysis: Analysis;
}

/** Hex SHA-256 of some bytes. */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Analyses one dropped file (a zip yields one item per report inside) and hashes each report. Never throws. */
export async function ingest(name: string, buffer: ArrayBuffer): Promise<Ingested[]> {
  const files = await analyzeFile(name, new Uint8Array(buffer));
  return Promise.all(
    files.map(async (f) => ({
      hash: await sha256Hex(f.bytes),
      name: f.name,
      bytes: ownBuffer(f.bytes),
      analysis: f.analysis,
    })),
  );
}

/** The bytes in a buffer of their own (a zip entry may be a view into a larger one), so each is stored alone. */
function ownBuffer(bytes: Uint8Array): ArrayBuffer {
  if (bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength) return bytes.buffer as ArrayBuffer;
  return bytes.slice().buffer as ArrayBuffer;
}
