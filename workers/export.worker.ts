/** Thin Comlink adapter: the export worker builds the .xlsx off the page's thread. Holds no state. */
import { expose } from 'comlink';
import { buildWorkbook } from '../src/app/export-workbook.ts';

const api = {
  /** Rows of both sheets → the .xlsx file (a Blob crosses the boundary without a copy of its bytes). */
  buildWorkbook,
};

/** The worker's API, for `import type` on the main thread. */
export type ExportApi = typeof api;

expose(api);
