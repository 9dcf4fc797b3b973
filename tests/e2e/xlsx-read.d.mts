/** Types of xlsx-read.mjs, for the Vitest export tests. */
export type XlsxValue = string | number | null;

/** Reads .xlsx bytes: sheet name → rows of cell values, and sheet name → the sheet's XML. */
export function readXlsx(bytes: Uint8Array): { sheets: Map<string, XlsxValue[][]>; xml: Map<string, string> };
