/**
 * Speed of `readPdf` against raw pdf.js text extraction on the same bytes, for the benchmark:
 * the overhead ratio (target ≤ 1.3) is our layout and checks on top of what pdf.js must do anyway.
 */
import { extractRawText, readPdf } from './pdf.ts';

/** Median timings of one file, in milliseconds, and their ratio. */
export interface PdfTiming {
  /** getDocument + getTextContent of every page. */
  rawMs: number;
  /** The full `readPdf` (extraction, layout, unreadable checks). */
  readMs: number;
  /** readMs / rawMs. */
  ratio: number;
}

function now(): number {
  const perf = (globalThis as unknown as { performance?: { now(): number } }).performance;
  return perf ? perf.now() : Date.now();
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** Times raw extraction and `readPdf` alternately `runs` times after one warm-up of each (pdf.js load, CMaps). */
export async function timePdf(bytes: Uint8Array, name: string, runs = 5): Promise<PdfTiming> {
  await extractRawText(bytes);
  await readPdf(bytes, name);
  const raw: number[] = [];
  const read: number[] = [];
  for (let i = 0; i < runs; i++) {
    let t = now();
    await extractRawText(bytes);
    raw.push(now() - t);
    t = now();
    await readPdf(bytes, name);
    read.push(now() - t);
  }
  const rawMs = median(raw);
  const readMs = median(read);
  return { rawMs, readMs, ratio: readMs / rawMs };
}
