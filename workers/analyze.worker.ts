/** Thin Comlink adapter over the pure pipeline: the only code that runs in the analyze workers. */
import '../src/polyfills.ts';
import { expose, transfer } from 'comlink';
import { ingest, PARSER_VERSION, type Ingested } from './ingest.ts';
import { cMapLoaderFromUrls, setCMapLoader } from '../src/read/pdf-cmaps.ts';

// PDFs with non-embedded Chinese fonts need pdf.js's GB CMaps: bundled as assets, served by our own origin.
const cMapUrls = import.meta.glob('/node_modules/pdfjs-dist/cmaps/{UniGB,GB,Adobe-GB1}*.bcmap', {
  query: '?url',
  import: 'default',
  eager: true,
}) as Record<string, string>;
setCMapLoader(cMapLoaderFromUrls(cMapUrls));

const api = {
  /** Version of the pipeline this worker runs. */
  parserVersion: (): number => PARSER_VERSION,
  /** Analyses one file (a zip yields one item per report); the bytes travel back by transfer, not copy. */
  async ingest(name: string, buffer: ArrayBuffer): Promise<Ingested[]> {
    const items = await ingest(name, buffer);
    return transfer(items, uniqueBuffers(items));
  },
};

/** A buffer may be listed only once in a transfer list. */
function uniqueBuffers(items: Ingested[]): ArrayBuffer[] {
  return [...new Set(items.map((i) => i.bytes))];
}

/** The worker's API, for `import type` on the main thread. */
export type AnalyzeApi = typeof api;

expose(api);
