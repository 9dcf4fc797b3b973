/**
 * Text similarity for copy checks (CPY-02/03) and year-over-year comparison (XY-03).
 * Uses sampled character shingles hashed to 32-bit integers: linear in the text length, no substrings.
 */
import { contentCode } from './normalize.ts';

/** Shingle length in characters: long enough that common phrases of the genre do not count alone. */
const K = 8;
/** Keep shingles whose hash has these low bits clear (1 in 4): content-defined, so copies sample alike. */
const SAMPLE_MASK = 3;
/** Rolling-hash base and base^K (mod 2^32). */
const BASE = 0x01000193;
let BASE_K = 1;
for (let i = 0; i < K; i++) BASE_K = Math.imul(BASE_K, BASE);

/** A text reduced to its sampled shingle hashes. */
export interface Fingerprint {
  /** Sampled shingle hashes. */
  hashes: Set<number>;
  /** Length of the normalised text in characters. */
  length: number;
}

/**
 * Builds the fingerprint of a text (normalised first: punctuation width, spaces, punctuation removed).
 * A polynomial rolling hash over K-character windows: a few integer operations per character.
 */
export function fingerprint(text: string): Fingerprint {
  const hashes = new Set<number>();
  // Ring buffer of the last K kept characters, for the rolling hash's outgoing term.
  const ring = new Int32Array(K);
  let n = 0;
  let h = 0;
  for (let i = 0; i < text.length; i++) {
    const c = contentCode(text.charCodeAt(i));
    if (c < 0) continue;
    h = (Math.imul(h, BASE) + c) | 0;
    if (n >= K) h = (h - Math.imul(ring[n % K]!, BASE_K)) | 0;
    ring[n % K] = c;
    n++;
    if (n >= K && (h & SAMPLE_MASK) === 0) hashes.add(h);
  }
  if (n > 0 && n < K) hashes.add(h);
  return { hashes, length: n };
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
