/**
 * Text similarity for copy checks (CPY-02/03) and year-over-year comparison (XY-03).
 * Uses sampled character shingles hashed to 32-bit integers: linear in the text length, no substrings.
 */
import { contentCode } from './normalize.ts';

/** Shingle length in characters: long enough that common phrases of the genre do not count alone. */
const K = 8;
/** Keep shingles whose hash has these low bits clear (1 in 8): content-defined, so copies sample alike. */
const SAMPLE_MASK = 7;
/** Rolling-hash base and base^K (mod 2^32). */
const BASE = 0x01000193;
let BASE_K = 1;
for (let i = 0; i < K; i++) BASE_K = Math.imul(BASE_K, BASE);

/** A text reduced to its sampled shingle hashes. */
export interface Fingerprint {
  /** Sampled shingle hashes, sorted ascending, without duplicates (merged like sorted lists). */
  hashes: Int32Array;
  /** Length of the normalised text in characters. */
  length: number;
}

/**
 * Builds the fingerprint of a text (normalised first: punctuation width, spaces, punctuation removed).
 * A polynomial rolling hash over K-character windows: a few integer operations per character.
 */
export function fingerprint(text: string): Fingerprint {
  // Two tight passes instead of one branchy one: the kept characters' codes into a buffer (a table load
  // per character, no test), then the rolling hash over them with nothing left to skip.
  const codes = contentCodes();
  if (text.length + 1 > seqBuffer.length) seqBuffer = new Uint16Array(text.length + 1);
  const seq = seqBuffer;
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = codes[text.charCodeAt(i)]!;
    seq[n] = c;
    n += (c + 0xffff) >>> 16; // 1 for a kept character (never code 0), 0 for a dropped one
  }
  if (n + 1 > foundBuffer.length) foundBuffer = new Int32Array(n + 1);
  const found = foundBuffer;
  let count = 0;
  let h = 0;
  const head = Math.min(n, K);
  for (let i = 0; i < head; i++) h = (Math.imul(h, BASE) + seq[i]!) | 0;
  if (n >= K && (h & SAMPLE_MASK) === 0) found[count++] = h;
  for (let i = K; i < n; i++) {
    h = (Math.imul(h, BASE) + seq[i]! - Math.imul(seq[i - K]!, BASE_K)) | 0;
    if ((h & SAMPLE_MASK) === 0) found[count++] = h;
  }
  if (n > 0 && n < K) found[count++] = h;
  const sorted = sortedCopy(found, count);
  // Drop duplicates in place (a repeated phrase counts once, like a set).
  let u = 0;
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[u - 1]) sorted[u++] = sorted[i]!;
  if (seqBuffer.length > BUFFER_KEPT) seqBuffer = new Uint16Array(1024);
  if (foundBuffer.length > BUFFER_KEPT) foundBuffer = new Int32Array(1024);
  return { hashes: sorted.subarray(0, u), length: n };
}

/** Below this many values an insertion sort beats the radix sort's fixed cost (its four count passes). */
const SMALL_SORT = 48;
/** Reused scratch of sortedCopy: the counts of one byte's values, then where each value goes. */
const byteCounts = new Int32Array(256);

/**
 * The first n values of `src`, sorted ascending as signed integers, in a new array: an LSD radix sort by
 * byte (four passes, the top byte's sign bit flipped so negatives come first). Int32Array's own sort
 * costs several times more here: it compares through a generic path for every pair.
 */
export function sortedCopy(src: Int32Array, n: number): Int32Array {
  const out = new Int32Array(n);
  if (n <= SMALL_SORT) {
    for (let i = 0; i < n; i++) {
      const v = src[i]!;
      let j = i;
      while (j > 0 && out[j - 1]! > v) {
        out[j] = out[j - 1]!;
        j--;
      }
      out[j] = v;
    }
    return out;
  }
  if (n > sortScratch.length) sortScratch = new Int32Array(n);
  // Four passes alternate src → scratch → out → scratch → out; the source is never written.
  let from: Int32Array = src;
  let to: Int32Array = sortScratch;
  for (let shift = 0; shift < 32; shift += 8) {
    const flip = shift === 24 ? 0x80 : 0;
    byteCounts.fill(0);
    for (let i = 0; i < n; i++) byteCounts[((from[i]! >>> shift) & 0xff) ^ flip]!++;
    let sum = 0;
    for (let b = 0; b < 256; b++) {
      const c = byteCounts[b]!;
      byteCounts[b] = sum;
      sum += c;
    }
    for (let i = 0; i < n; i++) {
      const v = from[i]!;
      to[byteCounts[((v >>> shift) & 0xff) ^ flip]!++] = v;
    }
    from = to;
    to = to === out ? sortScratch : out;
  }
  if (sortScratch.length > BUFFER_KEPT) sortScratch = new Int32Array(1024);
  return from;
}
let sortScratch = new Int32Array(1024);

/** Reused scratch of fingerprint (calls are synchronous): the kept codes, and the sampled hashes. */
let seqBuffer = new Uint16Array(1024);
let foundBuffer = new Int32Array(1024);
/** Above this many entries a grown scratch buffer is not kept for later texts. */
const BUFFER_KEPT = 1 << 18;

let CONTENT_CODES: Uint16Array | undefined;

/** `contentCode` of every UTF-16 code unit, 0 where the key drops it (no kept code is 0); built once. */
function contentCodes(): Uint16Array {
  if (!CONTENT_CODES) {
    CONTENT_CODES = new Uint16Array(0x10000);
    for (let c = 0; c < 0x10000; c++) CONTENT_CODES[c] = Math.max(0, contentCode(c));
  }
  return CONTENT_CODES;
}

/** Number of hashes two fingerprints share (merge of two sorted lists). */
function shared(a: Int32Array, b: Int32Array): number {
  let i = 0;
  let j = 0;
  let count = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    if (x === y) {
      count++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return count;
}

/** Share of `a`'s shingles that also occur in `b` (0…1): how much of a is contained in b. */
export function containment(a: Fingerprint, b: Fingerprint): number {
  return a.hashes.length === 0 ? 0 : shared(a.hashes, b.hashes) / a.hashes.length;
}

/** True when at least `threshold` of `a`'s shingles occur in `b` (cheap size test first). */
export function containsAtLeast(a: Fingerprint, b: Fingerprint, threshold: number): boolean {
  const size = a.hashes.length;
  if (size === 0 || b.hashes.length < size * threshold) return false;
  return shared(a.hashes, b.hashes) >= size * threshold;
}

/** Symmetric similarity (Jaccard of the sampled shingles, 0…1). */
export function similarity(a: Fingerprint, b: Fingerprint): number {
  const union = a.hashes.length + b.hashes.length;
  if (union === 0) return 0;
  const both = shared(a.hashes, b.hashes);
  return both / (union - both);
}

/** Similarity of two raw texts (convenience for XY-03). */
export function textSimilarity(a: string, b: string): number {
  return similarity(fingerprint(a), fingerprint(b));
}

const CJK_RUN = /[\u4e00-\u9fff]{8}/g;

/**
 * Cheap pre-test for containment: a few 8-ideograph runs spread over `part`, looked up in `whole` with
 * a native substring search. Ideograph runs are the same whatever the punctuation width, so a copy
 * passes; unrelated texts almost never share a run. True when at least `need` of the probes are found.
 */
export function probablyContains(part: string, whole: string, probes = 6, need = 0.5): boolean {
  const step = Math.max(8, Math.floor(part.length / probes));
  const allowedMisses = Math.floor(probes * (1 - need));
  let tried = 0;
  let found = 0;
  let pos = 0;
  while (tried < probes && pos < part.length) {
    CJK_RUN.lastIndex = pos;
    const m = CJK_RUN.exec(part);
    if (!m) break;
    tried++;
    if (whole.includes(m[0])) found++;
    else if (tried - found > allowedMisses) return false; // cannot reach `need` any more
    pos = Math.max(m.index + 8, pos + step);
  }
  return tried > 0 && found >= need * tried;
}
