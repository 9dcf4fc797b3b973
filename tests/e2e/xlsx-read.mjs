// A small .xlsx reader for the export tests (Vitest and e2e): sheet name → rows of cell values,
// shared strings resolved, numbers as numbers. Enough for files written by write-excel-file.
import { strFromU8, unzipSync } from 'fflate';

const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const decode = (s) => s.replace(/&(amp|lt|gt|quot|apos);/g, (_, e) => ENTITIES[e]);

/** Column letters (A, Z, AA…) → 0-based index. */
function columnIndex(letters) {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** Reads .xlsx bytes: { sheets: Map(name → (string|number|null)[][]), xml: Map(name → sheet XML) }. */
export function readXlsx(bytes) {
  const files = unzipSync(bytes);
  const text = (p) => {
    if (!files[p]) throw new Error(`no ${p} in the .xlsx (has: ${Object.keys(files).join(', ')})`);
    return strFromU8(files[p]);
  };
  const shared = [...text('xl/sharedStrings.xml').matchAll(/<si>(.*?)<\/si>/gs)].map((m) =>
    [...m[1].matchAll(/<t\b[^>]*>([^<]*)<\/t>/g)].map((t) => decode(t[1])).join(''),
  );
  const rels = text('xl/_rels/workbook.xml.rels');
  const sheets = new Map();
  const xml = new Map();
  for (const m of text('xl/workbook.xml').matchAll(/<sheet\b([^>]*)\/>/g)) {
    const name = decode(/\bname="([^"]*)"/.exec(m[1])[1]);
    const id = /\br:id="([^"]*)"/.exec(m[1])[1];
    const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)[1];
    const sheetXml = text(target.startsWith('/') ? target.slice(1) : `xl/${target}`);
    xml.set(name, sheetXml);
    const rows = [];
    for (const r of sheetXml.matchAll(/<row\b[^>]*>(.*?)<\/row>/gs)) {
      const row = [];
      for (const c of r[1].matchAll(/<c\b([^>]*?)(?:\/>|>(.*?)<\/c>)/gs)) {
        const col = columnIndex(/\br="([A-Z]+)\d+"/.exec(c[1])[1]);
        const v = /<v>([^<]*)<\/v>/.exec(c[2] ?? '')?.[1];
        const type = /\bt="([^"]*)"/.exec(c[1])?.[1];
        while (row.length < col) row.push(null);
        row[col] = v === undefined ? null : type === 's' ? shared[Number(v)] : type === 'str' || type === 'inlineStr' ? decode(v) : Number(v);
      }
      rows.push(row);
    }
    sheets.set(name, rows);
  }
  return { sheets, xml };
}
