import { describe, expect, test } from 'vitest';
import { parseChineseNumeral, parseCount } from '../../src/text/numerals.ts';

describe('parseChineseNumeral', () => {
  test.each([
    ['三', 3], ['十', 10], ['十二', 12], ['二十五', 25], ['一百零三', 103], ['两', 2], ['两千零五', 2005],
    ['三万二千', 32000], ['一百', 100], ['九十九', 99], ['零', 0], ['〇', 0],
  ])('%s = %d', (text, value) => {
    expect(parseChineseNumeral(text)).toBe(value);
  });

  test('rejects text that is not a numeral', () => {
    expect(parseChineseNumeral('三起')).toBeNull();
    expect(parseChineseNumeral('')).toBeNull();
  });
});

describe('parseCount', () => {
  test('reads Arabic digits with separators and full-width digits', () => {
    expect(parseCount('1,295')).toBe(1295);
    expect(parseCount('２０')).toBe(20);
    expect(parseCount(' 17 ')).toBe(17);
  });
  test('reads Chinese numerals', () => {
    expect(parseCount('八')).toBe(8);
    expect(parseCount('二十')).toBe(20);
  });
  test('returns null for other text', () => {
    expect(parseCount('若干')).toBeNull();
  });
});
