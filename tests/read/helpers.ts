/** Shared helpers for the read-stage tests: fixture loading, table access, a tiny ZIP writer, a tiny PDF writer. */
import { readFileSync } from 'node:fs';
import { deflateSync } from 'fflate';
import type { SourceDoc, SourceLine } from '../../src/model.ts';
import type { Unreadable } from '../../src/read/index.ts';
import { crc32 } from '../../src/read/zip-format.ts';

/** Bytes of a file under tests/fixtures (or any repo-relative path). */
export function fixture(path: string): Uint8Array {
  return new Uint8Array(readFileSync(new URL(`../fixtures/${path}`, import.meta.url)));
}

/** Bytes of a file under tests/read/fixtures. */
export function readFixture(path: string): Uint8Array {
  return new Uint8Array(readFileSync(new URL(`./fixtures/${path}`, import.meta.url)));
}

/** Narrows a reader result to a SourceDoc, failing the test with the reason otherwise. */
export function ok(doc: SourceDoc | Unreadable): SourceDoc {
  if ('unreadable' in doc) throw new Error(`unexpected unreadable: ${doc.reason}`);
  return doc;
}

/** The rows of table `id`, in order. */
export function tableRows(doc: SourceDoc, id: number): SourceLine[] {
  return doc.lines.filter((l) => l.table?.id === id);
}

/** Number of distinct tables in a document. */
export function tableCount(doc: SourceDoc): number {
  return new Set(doc.lines.filter((l) => l.table).map((l) => l.table?.id)).size;
}

/** The id of the first table whose text contains `needle`. */
export function tableWith(doc: SourceDoc, needle: string): number {
  const line = doc.lines.find((l) => l.table && l.cells.some((c) => c.text.includes(needle)));
  if (!line?.table) throw new Error(`no table contains ${needle}`);
  return line.table.id;
}

/** Every table line as a compact string: cell texts with their grid placement. */
export function tableSignature(doc: SourceDoc): string[] {
  return doc.lines
    .filter((l) => l.table)
    .map((l) => l.cells.map((c) => `${JSON.stringify(c.text)}@${c.col}x${c.colSpan ?? 1}x${c.rowSpan ?? 1}`).join(' | '));
}

/** A ZIP entry for `makeZip`: raw name bytes let tests write GBK names like Chinese Windows does. */
export interface RawEntry {
  name: string | Uint8Array;
  data: Uint8Array;
  /** Deflate the data (default true). */
  deflate?: boolean;
  /** Set the UTF-8 name flag (bit 11); default: true for string names. */
  utf8Flag?: boolean;
  /** Lie about the uncompressed size in both headers. */
  declaredSize?: number;
  /** Use these compressed bytes instead of compressing `data` (data then only feeds the CRC). */
  compressed?: Uint8Array;
  /** Extra general-purpose flags (bit 0 = encrypted). */
  flags?: number;
  /** CRC to declare instead of the data's own. */
  crc?: number;
  /** Store the sizes in a ZIP64 extra field of the central directory (32-bit fields saturated). */
  zip64?: boolean;
}

/** Writes a ZIP archive (local headers, central directory, end record) from raw entries. */
export function makeZip(entries: RawEntry[]): Uint8Array {
  const parts: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = typeof e.name === 'string' ? new TextEncoder().encode(e.name) : e.name;
    const utf8 = e.utf8Flag ?? typeof e.name === 'string';
    const deflate = e.deflate ?? true;
    const comp = e.compressed ?? (deflate ? deflateSync(e.data) : e.data);
    const flags = (utf8 ? 0x800 : 0) | (e.flags ?? 0);
    const size = e.declaredSize ?? e.data.length;
    const crc = e.crc ?? crc32(e.data);
    const local = new Uint8Array(30 + name.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(4, 20, true);
    lv.setUint16(6, flags, true);
    lv.setUint16(8, deflate ? 8 : 0, true);
    lv.setUint32(14, crc, true);
    lv.setUint32(18, comp.length, true);
    lv.setUint32(22, size, true);
    lv.setUint16(26, name.length, true);
    local.set(name, 30);
    const extra = new Uint8Array(e.zip64 ? 20 : 0);
    if (e.zip64) {
      const xv = new DataView(extra.buffer);
      xv.setUint16(0, 0x0001, true);
      xv.setUint16(2, 16, true);
      xv.setBigUint64(4, BigInt(size), true);
      xv.setBigUint64(12, BigInt(comp.length), true);
    }
    const cd = new Uint8Array(46 + name.length + extra.length);
    const cv = new DataView(cd.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(4, 20, true);
    cv.setUint16(6, 20, true);
    cv.setUint16(8, flags, true);
    cv.setUint16(10, deflate ? 8 : 0, true);
    cv.setUint32(16, crc, true);
    cv.setUint32(20, e.zip64 ? 0xffffffff : comp.length, true);
    cv.setUint32(24, e.zip64 ? 0xffffffff : size, true);
    cv.setUint16(28, name.length, true);
    cv.setUint16(30, extra.length, true);
    cv.setUint32(42, offset, true);
    cd.set(name, 46);
    cd.set(extra, 46 + name.length);
    parts.push(local, comp);
    central.push(cd);
    offset += local.length + comp.length;
  }
  const cdSize = central.reduce((n, c) => n + c.length, 0);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, entries.length, true);
  ev.setUint16(10, entries.length, true);
  ev.setUint32(12, cdSize, true);
  ev.setUint32(16, offset, true);
  const all = [...parts, ...central, end];
  const out = new Uint8Array(all.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of all) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

/**
 * A raw DEFLATE stream of `1 + 258 * copies` zero bytes, written directly as one fixed-Huffman block
 * (a literal 0, then length-258/distance-1 copies): 13 bits per 258 bytes, so 1 GB of zeros costs
 * 6.8 MB and a few milliseconds instead of seconds of real compression.
 */
export function zeroBomb(copies: number): { deflated: Uint8Array; size: number } {
  const out = new Uint8Array(Math.ceil((3 + 8 + copies * 13 + 7) / 8) + 1);
  let bit = 0;
  const put = (value: number, n: number): void => {
    // Huffman codes are sent most significant bit first; header bits least significant first.
    for (let i = n - 1; i >= 0; i--) {
      if ((value >> i) & 1) out[bit >> 3] = (out[bit >> 3] as number) | (1 << (bit & 7));
      bit++;
    }
  };
  put(1, 1); // BFINAL
  put(1, 1); // BTYPE = 01 (fixed Huffman), least significant bit first
  put(0, 1);
  put(0b00110000, 8); // literal 0
  for (let i = 0; i < copies; i++) {
    put(0b11000101, 8); // length code 285 = 258
    put(0, 5); // distance code 0 = 1
  }
  put(0, 7); // end of block
  return { deflated: out.subarray(0, Math.ceil(bit / 8)), size: 1 + 258 * copies };
}

/** A minimal PDF from its objects (object 1 the catalog), with a correct xref table: for PDFs built in tests. */
export function pdfFromObjects(objs: string[]): Uint8Array {
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objs.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objs.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(out);
}
