import { describe, expect, test } from 'vitest';
import { containment, fingerprint, sortedCopy, textSimilarity } from '../../src/text/similarity.ts';
import { readSeed } from '../checks/build.ts';

const seed002 = readSeed('002_310a36c5978b6ada.txt').split('\n');
// Section 一 (lines 4–37) and section 五 (lines 99–129) of seed 002: 五 repeats 一 with half-width punctuation.
const one = seed002.slice(5, 38).join('\n');
const five = seed002.slice(99, 130).join('\n');
const other = readSeed('004_fd38466faf71b272.txt').split('\n').slice(4, 50).join('\n');

describe('similarity', () => {
  test('a section copied with different punctuation width is contained in the original', () => {
    expect(containment(fingerprint(five), fingerprint(one))).toBeGreaterThan(0.9);
  });
  test('two different reports are not similar', () => {
    expect(textSimilarity(one, other)).toBeLessThan(0.1);
    expect(containment(fingerprint(other), fingerprint(one))).toBeLessThan(0.1);
  });
  test('identical text has similarity 1 and empty text 0', () => {
    expect(textSimilarity(one, one)).toBe(1);
    expect(textSimilarity('', '')).toBe(0);
  });
});

describe('probablyContains', () => {
  test('passes for a copy with other punctuation, fails for unrelated text', async () => {
    const { probablyContains } = await import('../../src/text/similarity.ts');
    expect(probablyContains(five, one)).toBe(true);
    expect(probablyContains(other, one)).toBe(false);
    expect(probablyContains('无', one)).toBe(false);
  });
});

describe('fingerprint against the one-pass rolling hash', () => {
  /** The former single-pass fingerprint: ring buffer, content test per character. */
  function reference(text: string): { hashes: number[]; length: number } {
    const K = 8;
    const BASE = 0x01000193;
    let BASE_K = 1;
    for (let i = 0; i < K; i++) BASE_K = Math.imul(BASE_K, BASE);
    const code = (c: number) =>
      (c >= 0x3400 && c <= 0x9fff) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)
        ? c
        : (c >= 0xff10 && c <= 0xff19) || (c >= 0xff21 && c <= 0xff3a) || (c >= 0xff41 && c <= 0xff5a)
          ? c - 0xfee0
          : -1;
    const found: number[] = [];
    const ring = new Int32Array(K);
    let n = 0;
    let h = 0;
    for (let i = 0; i < text.length; i++) {
      const c = code(text.charCodeAt(i));
      if (c < 0) continue;
      h = (Math.imul(h, BASE) + c) | 0;
      if (n >= K) h = (h - Math.imul(ring[n % K]!, BASE_K)) | 0;
      ring[n % K] = c;
      n++;
      if (n >= K && (h & 7) === 0) found.push(h);
    }
    if (n > 0 && n < K) found.push(h);
    return { hashes: [...new Set(found)].sort((a, b) => a - b), length: n };
  }

  test('gives the same hashes and length for generated texts of every size', () => {
    const alphabet = [...'政府信息公开年报告，。 ,.0１２ＡaZ\u3000\n第一二', '\ud800'];
    let s = 11;
    const next = () => (s = (Math.imul(s, 1103515245) + 12345) & 0x7fffffff) / 0x7fffffff;
    for (let k = 0; k < 1500; k++) {
      let text = '';
      const len = Math.floor(next() * (k % 10 === 0 ? 3000 : 40));
      for (let j = 0; j < len; j++) text += alphabet[Math.floor(next() * alphabet.length)];
      const got = fingerprint(text);
      expect({ hashes: [...got.hashes], length: got.length }, JSON.stringify(text.slice(0, 80))).toEqual(reference(text));
    }
    expect({ hashes: [...fingerprint(one).hashes], length: fingerprint(one).length }).toEqual(reference(one));
  });
});

describe('sortedCopy against Int32Array.prototype.sort', () => {
  test('random values (negatives, duplicates, extremes) at sizes around the insertion-sort cut-off', () => {
    let seed = 12345;
    const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) | 0);
    for (const n of [0, 1, 2, 47, 48, 49, 300, 3000]) {
      const src = new Int32Array(n + 5);
      for (let i = 0; i < src.length; i++) src[i] = i % 7 === 0 ? [-2147483648, 2147483647, 0, -1][i % 4]! : i % 5 === 0 ? src[i >> 1]! : next();
      const before = src.slice();
      const got = sortedCopy(src, n);
      expect(Array.from(got)).toEqual(Array.from(src.slice(0, n).sort()));
      expect(src).toEqual(before); // the source is never written
    }
  });
});
