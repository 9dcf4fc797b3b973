import { describe, expect, test } from 'vitest';
import { buildProse, lineAt, linesOf, normalizeLine, splitSentences } from '../../src/text/prose.ts';
import { comparisonKey } from '../../src/text/normalize.ts';

describe('normalizeLine', () => {
  test('removes spaces around CJK and makes clause punctuation full-width', () => {
    expect(normalizeLine('共受理政府信息公开申请 1295 件, 办结 1191 件(含上年结转 189 件)')).toBe(
      '共受理政府信息公开申请1295件，办结1191件（含上年结转189件）',
    );
  });
  test('drops markdown emphasis and maps full-width digits', () => {
    expect(normalizeLine('(二) **依申请公开**。２０２１年')).toBe('（二）依申请公开。2021年');
  });
});

describe('buildProse', () => {
  // Corpus 05 wraps sentences across lines; table lines are skipped.
  const lines = [
    '（二）依申请公开方面',
    '市政府共受理政府信息公开申请 1295 件，办结 1191 件（含',
    '上年结转 189 件），均在法定期限内答复。',
    '| 规章 | 22 | 235 |',
    '— 3 —',
    '其中，予以公开及部',
  ];
  const prose = buildProse(lines, new Set([3]));

  test('joins wrapped lines, keeps headings apart, drops tables and page footers', () => {
    expect(prose.text).toBe('（二）依申请公开方面\n市政府共受理政府信息公开申请1295件，办结1191件（含上年结转189件），均在法定期限内答复。\n其中，予以公开及部');
  });

  test('maps offsets back to source lines', () => {
    const at = prose.text.indexOf('上年结转');
    expect(lineAt(prose, at)).toBe(2);
    expect(lineAt(prose, prose.text.indexOf('1295'))).toBe(1);
    expect(linesOf(prose, prose.text.indexOf('办结'), at + 4)).toEqual([1, 2]);
    expect(lineAt(prose, prose.text.indexOf('予以公开'))).toBe(5);
  });
});

describe('splitSentences', () => {
  test('splits at 。；！？ and paragraph breaks', () => {
    const s = splitSentences('行政复议8起，维持5起；行政诉讼4起。其他\n下一段');
    expect(s.map((x) => x.text)).toEqual(['行政复议8起，维持5起；', '行政诉讼4起。', '其他', '下一段']);
    expect(s[1]!.start).toBe(12);
  });
});

describe('comparisonKey', () => {
  test('ignores punctuation width and spacing', () => {
    expect(comparisonKey('(四) 提高办理效率, 增强服务性。')).toBe(comparisonKey('（四）提高办理效率，增强服务性。'));
  });
});

describe('toHalfWidth', () => {
  test('maps full-width punctuation, digits and letters', async () => {
    const { toHalfWidth } = await import('../../src/text/normalize.ts');
    expect(toHalfWidth('（四）提高办理效率，增强服务性。２０２１年ＩＰｖ６')).toBe('(四)提高办理效率,增强服务性.2021年IPv6');
  });
});

describe('splitSentences against its regex', () => {
  const SENTENCE = /[^。！？；\n]+[。！？；]?|[。！？；]/g;
  const ALPHABET = [...'行政复议8起，。！？；\n\n下段'];
  test('gives the matches of the former regex for generated texts', () => {
    let s = 7;
    const next = () => (s = (Math.imul(s, 1103515245) + 12345) & 0x7fffffff) / 0x7fffffff;
    for (let k = 0; k < 2000; k++) {
      let text = '';
      const len = Math.floor(next() * 30);
      for (let j = 0; j < len; j++) text += ALPHABET[Math.floor(next() * ALPHABET.length)];
      const expected = [...text.matchAll(SENTENCE)].map((m) => ({ text: m[0], start: m.index }));
      expect(splitSentences(text).map((x) => ({ text: x.text, start: x.start })), JSON.stringify(text)).toEqual(expected);
    }
  });
});

describe('normalizeLine fast path', () => {
  test('returns a line unchanged exactly when no rule applies', async () => {
    // Every BMP code unit alone and between ideographs: the output is the input iff nothing was touched.
    const { mapUnit } = await import('../../src/text/prose-units.ts');
    for (let c = 0; c < 0x10000; c++) {
      const ch = String.fromCharCode(c);
      const line = `年${ch}报`;
      const touched = c === 0x2c || mapUnit(c) !== c;
      expect(normalizeLine(line) === line, `U+${c.toString(16)}`).toBe(!touched);
    }
  });
});
