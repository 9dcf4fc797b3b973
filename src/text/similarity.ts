/**
 * Text similarity for copy checks (CPY-02/03) and year-over-year comparison (XY-03).
 * Uses sampled character shingles hashed to 32-bit integers: linear in the text length, no substrings.
 */
import { comparisonKey } from './normalize.ts';

/** Shingle length in characters: long enough that common phrases of the genre do not count alone. */
const K = 8;
/** Keep one shingle in SAMPLE (by hash value) so long texts stay cheap; containment stays unbiased. */
const SAMPLE = 4;

/** A text reduced to its sampled shingle hashes. */
export interface Fingerprint {
  /** Sampled shingle hashes. */
  hashes: Set<number>;
  /** Length of the normalised text in characters. */
  length: number;
}

/** Builds the fingerprint of a text (normalised first: punctuation width, spaces, punctuation removed). */
export function fingerprint(text: string): Fingerprint {
  const key = comparisonKey(text);
  const hashes = new Set<number>();
  const n = key.length;
  if (n < K) {
    if (n > 0) hashes.add(hashRange(key, 0, n));
    return { hashes, length: n };
  }
  for (let i = 0; i + K <= n; i++) {
    const h = hashRange(key, i, i + K);
    if (h % SAMPLE === 0) hashes.add(h);
  }
  return { hashes, length: n };
}

function hashRange(s: string, from: number, to: number): number {
  // FNV-1a over UTF-16 code units; K is small, so recomputing beats a rolling hash's bookkeeping.
  let h = 0x811c9dc5;
  for (let i = from; i < to; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Share of `a`'s shingles that also occur in `b` (0…1): how much of a is contained in b. */
export function containment(a: Fingerprint, b: Fingerprint): number {
  if (a.hashes.size === 0) return 0;
  let shared = 0;
  for (const h of a.hashes) if (b.hashes.has(h)) shared++;
  return shared / a.hashes.size;
}

/** Symmetric similarity (Jaccard of the sampled shingles, 0…1). */
export function similarity(a: Fingerprint, b: Fingerprint): number {
  const union = a.hashes.size + b.hashes.size;
  if (union === 0) return 0;
  let shared = 0;
  const [small, large] = a.hashes.size <= b.hashes.size ? [a, b] : [b, a];
  for (const h of small.hashes) if (large.hashes.has(h)) shared++;
  return shared / (union - shared);
}

/** Similarity of two raw texts (convenience for XY-03). */
export function textSimilarity(a: string, b: string): number {
  return similarity(fingerprint(a), fingerprint(b));
}
