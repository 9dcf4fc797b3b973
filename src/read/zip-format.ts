/**
 * Low-level ZIP reading shared by the zip and Word readers: the central directory (with ZIP64 and
 * Info-ZIP Unicode names) and bounded inflation. Our own parser rather than fflate's unzip, because the
 * limits against zip bombs must be checked on the central directory before anything is inflated, and
 * enforced again while inflating (declared sizes can lie).
 */
import { Inflate, inflateSync } from 'fflate';

/** One entry of a ZIP central directory. */
export interface ZipRecord {
  /** Name bytes as stored. */
  rawName: Uint8Array;
  /** Name decoded: UTF-8 when flagged or valid, else GB18030 (zips made on Chinese Windows). */
  name: string;
  /** General purpose flags (bit 0 encrypted, bit 11 UTF-8 names). */
  flags: number;
  /** Compression method (0 stored, 8 deflate, 99 AES…). */
  method: number;
  /** Declared compressed size. */
  compressedSize: number;
  /** Declared uncompressed size. */
  size: number;
  /** Declared CRC-32 of the uncompressed data. */
  crc: number;
  /** Offset of the local header (corrected for data prepended to the archive). */
  localOffset: number;
}

/** Why a ZIP could not be listed or an entry not extracted (mapped to Chinese reasons by callers). */
export type ZipProblem = 'not-zip' | 'truncated' | 'corrupt' | 'encrypted' | 'method' | 'too-big';

/** DEFLATE's largest possible expansion (258-byte matches in about 2 bits each). */
const MAX_DEFLATE_RATIO = 1032;
/** Entries whose worst-case output is below this are inflated in one call (faster than streaming). */
const ONE_SHOT_CAP = 64 * 1024 * 1024;

/** A thrown-and-caught marker for the inflate size limit. */
const OVER_LIMIT = new Error('over limit');

/** True when the bytes start like a ZIP archive (a local header or an empty archive's end record). */
export function looksLikeZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && ((bytes[2] === 3 && bytes[3] === 4) || (bytes[2] === 5 && bytes[3] === 6));
}

const u16 = (b: Uint8Array, o: number): number => (b[o] as number) | ((b[o + 1] as number) << 8);
const u32 = (b: Uint8Array, o: number): number => (u16(b, o) | (u16(b, o + 2) << 16)) >>> 0;
const u64 = (b: Uint8Array, o: number): number => u32(b, o) + u32(b, o + 4) * 2 ** 32;

/** Reads the central directory. Returns the entries in stored order, or what is wrong. */
export function listZip(bytes: Uint8Array): ZipRecord[] | ZipProblem {
  if (bytes.length < 22) return looksLikeZip(bytes) ? 'truncated' : 'not-zip';
  // The end record sits in the last 22 + up to 65535 comment bytes.
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65535); i--) {
    if (bytes[i] === 0x50 && bytes[i + 1] === 0x4b && bytes[i + 2] === 5 && bytes[i + 3] === 6) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return looksLikeZip(bytes) ? 'truncated' : 'not-zip';
  let count = u16(bytes, eocd + 10);
  let cdSize = u32(bytes, eocd + 12);
  let cdOffset = u32(bytes, eocd + 16);
  let cdEnd = eocd;
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    const loc = eocd - 20;
    if (loc >= 0 && u32(bytes, loc) === 0x07064b50) {
      const z = u64(bytes, loc + 8);
      if (z + 56 > bytes.length || u32(bytes, z) !== 0x06064b50) return 'corrupt';
      count = u64(bytes, z + 32);
      cdSize = u64(bytes, z + 40);
      cdOffset = u64(bytes, z + 48);
      cdEnd = z;
    }
  }
  // Data prepended to the archive (self-extractors) shifts every offset by the same amount.
  const shift = cdEnd - (cdOffset + cdSize);
  if (shift < 0) return 'truncated';
  let p = cdOffset + shift;
  const records: ZipRecord[] = [];
  // A central directory entry takes at least 46 bytes: a count beyond that is a lie.
  if (count > (cdEnd - p) / 46 + 1) return 'corrupt';
  for (let n = 0; n < count; n++) {
    if (p + 46 > cdEnd || u32(bytes, p) !== 0x02014b50) return 'corrupt';
    const flags = u16(bytes, p + 8);
    const method = u16(bytes, p + 10);
    const crc = u32(bytes, p + 16);
    let compressedSize = u32(bytes, p + 20);
    let size = u32(bytes, p + 24);
    const nameLen = u16(bytes, p + 28);
    const extraLen = u16(bytes, p + 30);
    const commentLen = u16(bytes, p + 32);
    let localOffset = u32(bytes, p + 42);
    const rawName = bytes.subarray(p + 46, p + 46 + nameLen);
    const extra = bytes.subarray(p + 46 + nameLen, p + 46 + nameLen + extraLen);
    let unicodeName: string | null = null;
    for (let e = 0; e + 4 <= extra.length; ) {
      const id = u16(extra, e);
      const len = u16(extra, e + 2);
      const body = extra.subarray(e + 4, e + 4 + len);
      if (id === 0x0001) {
        // ZIP64: only the fields whose 32-bit value is saturated are present, in this order.
        let q = 0;
        if (size === 0xffffffff && q + 8 <= body.length) (size = u64(body, q)), (q += 8);
        if (compressedSize === 0xffffffff && q + 8 <= body.length) (compressedSize = u64(body, q)), (q += 8);
        if (localOffset === 0xffffffff && q + 8 <= body.length) (localOffset = u64(body, q)), (q += 8);
      } else if (id === 0x7075 && body.length > 5 && body[0] === 1) {
        unicodeName = decodeUtf8(body.subarray(5));
      }
      e += 4 + len;
    }
    const name = unicodeName ?? ((flags & 0x800) !== 0 ? new TextDecoder('utf-8').decode(rawName) : decodeName(rawName));
    records.push({ rawName, name, flags, method, compressedSize, size, crc, localOffset: localOffset + shift });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return records;
}

function decodeUtf8(b: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(b);
  } catch {
    return null;
  }
}

/** A name without the UTF-8 flag: valid UTF-8 (macOS, Linux) is taken as such, else GB18030 (Chinese Windows). */
export function decodeName(raw: Uint8Array): string {
  return decodeUtf8(raw) ?? new TextDecoder('gb18030').decode(raw);
}

/** Extracts one entry, inflating at most `limit` bytes (and never more than the declared size). */
export function extractRecord(bytes: Uint8Array, rec: ZipRecord, limit: number): Uint8Array | ZipProblem {
  if ((rec.flags & 1) !== 0 || rec.method === 99) return 'encrypted';
  if (rec.method !== 0 && rec.method !== 8) return 'method';
  if (rec.size > limit) return 'too-big';
  const h = rec.localOffset;
  if (h + 30 > bytes.length) return 'truncated';
  if (u32(bytes, h) !== 0x04034b50) return 'corrupt';
  const start = h + 30 + u16(bytes, h + 26) + u16(bytes, h + 28);
  const end = start + rec.compressedSize;
  if (end > bytes.length) return 'truncated';
  const data = bytes.subarray(start, end);
  let out: Uint8Array;
  if (rec.method === 0) {
    if (rec.compressedSize !== rec.size) return 'corrupt';
    out = data;
  } else if (rec.compressedSize * MAX_DEFLATE_RATIO <= ONE_SHOT_CAP) {
    // Small entries inflate in one call into a buffer of the declared size: fflate never grows a given
    // buffer, so a stream that lies about its size is cut there, and it can cost at most ONE_SHOT_CAP of work.
    let r: Uint8Array;
    try {
      r = inflateSync(data, { out: new Uint8Array(rec.size) });
    } catch {
      return 'corrupt';
    }
    if (r.length !== rec.size) return 'corrupt';
    out = r;
  } else {
    const r = inflateBounded(data, Math.min(limit, rec.size));
    if (typeof r === 'string') return r;
    if (r.length !== rec.size) return 'corrupt';
    out = r;
  }
  return crc32(out) === rec.crc ? out : 'corrupt';
}

/** Inflates raw DEFLATE data, stopping as soon as the output would pass `limit` bytes. */
export function inflateBounded(data: Uint8Array, limit: number): Uint8Array | ZipProblem {
  const chunks: Uint8Array[] = [];
  let total = 0;
  const inflater = new Inflate((chunk) => {
    total += chunk.length;
    if (total > limit) throw OVER_LIMIT;
    chunks.push(chunk);
  });
  // Small input steps bound the memory a hostile stream can claim before the limit trips (≤ 1032:1).
  const STEP = 16384;
  try {
    if (data.length === 0) inflater.push(data, true);
    for (let i = 0; i < data.length; i += STEP) inflater.push(data.subarray(i, i + STEP), i + STEP >= data.length);
  } catch (e) {
    return e === OVER_LIMIT ? 'too-big' : 'corrupt';
  }
  if (chunks.length === 1) return chunks[0] as Uint8Array;
  const out = new Uint8Array(total);
  let o = 0;
  for (const c of chunks) {
    out.set(c, o);
    o += c.length;
  }
  return out;
}

let crcTables: Int32Array[] | null = null;

/** CRC-32 (ZIP polynomial) of the bytes; four table lookups per 4 bytes (slicing-by-4) for speed. */
export function crc32(b: Uint8Array): number {
  if (!crcTables) {
    const t0 = new Int32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      t0[n] = c;
    }
    const tables = [t0];
    for (let k = 1; k < 4; k++) {
      const prev = tables[k - 1] as Int32Array;
      const t = new Int32Array(256);
      for (let n = 0; n < 256; n++) t[n] = (t0[(prev[n] as number) & 0xff] as number) ^ ((prev[n] as number) >>> 8);
      tables.push(t);
    }
    crcTables = tables;
  }
  const [t0, t1, t2, t3] = crcTables as [Int32Array, Int32Array, Int32Array, Int32Array];
  let c = -1;
  let i = 0;
  const n4 = b.length & ~3;
  for (; i < n4; i += 4) {
    c ^= (b[i] as number) | ((b[i + 1] as number) << 8) | ((b[i + 2] as number) << 16) | ((b[i + 3] as number) << 24);
    c = (t3[c & 0xff] as number) ^ (t2[(c >>> 8) & 0xff] as number) ^ (t1[(c >>> 16) & 0xff] as number) ^ (t0[c >>> 24] as number);
  }
  for (; i < b.length; i++) c = (t0[(c ^ (b[i] as number)) & 0xff] as number) ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}
