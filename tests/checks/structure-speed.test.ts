/**
 * STR-02 looks at a short line only when it starts with a bracket after whitespace and '#' marks; the
 * character test that decides it must agree with the regex definition for every code unit.
 */
import { describe, expect, test } from 'vitest';
import { startsWithParen } from '../../src/checks/structure.ts';

describe('startsWithParen', () => {
  test('agrees with /^[\\s#]*[（(]/ for every BMP code unit before a bracket and alone', () => {
    const wrong: number[] = [];
    for (let c = 0; c < 0x10000; c++) {
      const ch = String.fromCharCode(c);
      for (const line of [`${ch}（一）小标题`, `${ch}${ch}(2)`, ch]) {
        if (startsWithParen(line) !== /^[\s#]*[（(]/.test(line)) wrong.push(c);
      }
    }
    expect(wrong).toEqual([]);
  });
});
