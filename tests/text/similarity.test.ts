import { describe, expect, test } from 'vitest';
import { containment, fingerprint, textSimilarity } from '../../src/text/similarity.ts';
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
