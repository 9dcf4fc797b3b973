/**
 * The text reader splits lines by positions (no string per line) for speed; `splitLine` is the plain
 * string-based statement of the same rules. Both must give the same cells for every line, including
 * markdown pipe rows, separator rows and odd white space.
 */
import { describe, expect, it } from 'vitest';
import { readText, splitLine } from '../../src/read/text.ts';

describe('readText', () => {
  it('splits every line exactly as splitLine does (random lines of tabs, pipes, dashes, spaces)', () => {
    // A fixed LCG, so a failure can be replayed.
    let seed = 2024;
    const rand = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 4294967296;
    const pool = ['|', '|', '\t', ' ', '\u3000', '\u00a0', '-', '-', ':', 'a', '年', '0', '12'];
    for (let k = 0; k < 20000; k++) {
      const line = Array.from({ length: Math.floor(rand() * 12) }, () => pool[Math.floor(rand() * pool.length)]!).join('');
      const doc = readText(line, 'md');
      expect(doc.lines.length).toBe(1);
      expect(doc.lines[0]!.cells, JSON.stringify(line)).toEqual(splitLine(line));
    }
  });

  it('reads a markdown table: header cells, no separator row, trimmed body cells', () => {
    const doc = readText('| 信息内容 | 本年制发件数 |\n| --- | :---: |\n|  规章 |  0 |\n', 'md');
    expect(doc.lines.map((l) => l.cells.map((c) => c.text))).toEqual([['信息内容', '本年制发件数'], [], ['规章', '0'], []]);
  });
});
