import { describe, expect, it } from 'vitest';
import { isPageFooter, parseValue, tokenizeLine } from '../../src/parse/tokens.ts';
import { tableRow } from './build.ts';

describe('parseValue', () => {
  it('reads integers, decimals, negative deltas, separators and full-width digits', () => {
    expect(parseValue('0')).toEqual({ value: 0, form: 'number' });
    expect(parseValue('4068.208')).toEqual({ value: 4068.208, form: 'number' });
    expect(parseValue('-8')).toEqual({ value: -8, form: 'number' });
    expect(parseValue('1,234,567')).toEqual({ value: 1234567, form: 'number' });
    expect(parseValue('１２３')).toEqual({ value: 123, form: 'number' });
    expect(parseValue(' 26 ')).toEqual({ value: 26, form: 'number' });
  });

  it('keeps the unit printed in a cell apart from the number', () => {
    expect(parseValue('251000元')).toEqual({ value: 251000, form: 'number', unit: '元' });
    expect(parseValue('12.5万元')).toEqual({ value: 12.5, form: 'number', unit: '万元' });
  });

  it('reads a number with a parenthesised note as the number', () => {
    expect(parseValue('22（其中修订16件）')?.value).toBe(22);
  });

  it('reads placeholders as null values', () => {
    for (const p of ['—', '-', '/', '无', '－', '——', '暂无', '／', 'N/A']) expect(parseValue(p)).toEqual({ value: null, form: 'placeholder' });
  });

  it('leaves words, years in prose and headers alone', () => {
    for (const w of ['自然人', '数据1', '2025 年', '第二十条第（一）项', '12345热线', '1.属于国家秘密']) expect(parseValue(w)).toBeNull();
  });
});

describe('tokenizeLine', () => {
  it('treats empty fields of a text line as layout', () => {
    const tl = tokenizeLine({ cells: [{ text: '' }, { text: '规章' }, { text: '' }, { text: '3' }] }, 7);
    expect(tl.tokens.map((t) => t.kind)).toEqual(['label', 'value']);
    expect(tl.tokens[1]).toMatchObject({ value: 3, raw: '3', ref: { line: 7, cell: 3 } });
  });

  it('treats empty cells of a real table as blank values', () => {
    const tl = tokenizeLine(tableRow(1, 4, ['（一）予以公开', '252', '\u00a0', '']), 9);
    expect(tl.tokens.map((t) => (t.kind === 'value' ? t.form : 'label'))).toEqual(['label', 'number', 'blank', 'blank']);
  });

  it('splits a label and its numbers printed in one cell', () => {
    const tl = tokenizeLine({ cells: [{ text: '行政许可 0' }] }, 0);
    expect(tl.tokens).toMatchObject([{ kind: 'label', text: '行政许可' }, { kind: 'value', value: 0 }]);
  });

  it('does not split prose that ends with a number', () => {
    const tl = tokenizeLine({ cells: [{ text: '本年度报告中所列数据统计期限为，截至 2025' }] }, 0);
    expect(tl.tokens.map((t) => t.kind)).toEqual(['label']);
  });

  it('drops page footers and rule lines', () => {
    expect(isPageFooter('— 3 —')).toBe(true);
    expect(isPageFooter('-4-')).toBe(true);
    expect(isPageFooter('第 2 页')).toBe(true);
    expect(isPageFooter('3')).toBe(false);
    expect(tokenizeLine({ cells: [{ text: '— 5 —' }] }, 0).tokens).toEqual([]);
    expect(tokenizeLine({ cells: [{ text: '--------' }, { text: '---' }] }, 0).tokens).toEqual([]);
  });
});

describe('values run together', () => {
  it('splits numbers printed in one cell into separate values', () => {
    const tl = tokenizeLine({ cells: [{ text: '0 0 12' }] }, 0);
    expect(tl.tokens.map((t) => (t.kind === 'value' ? t.value : t.text))).toEqual([0, 0, 12]);
    expect(tokenizeLine({ cells: [{ text: '规章 22 235' }] }, 0).tokens.map((t) => (t.kind === 'value' ? t.value : t.text))).toEqual(['规章', 22, 235]);
  });

  it('splits a web-page table row copied as `规章 | 0 | 0 | 0 |` (pipes between cells, none in front)', () => {
    const show = (text: string) => tokenizeLine({ cells: [{ text }] }, 3).tokens.map((t) => (t.kind === 'value' ? t.value : t.text));
    expect(show('行政规范性文件 | 4 | 0 | 4 |')).toEqual(['行政规范性文件', 4, 0, 4]);
    expect(show('第二十条第(一)项 | |||')).toEqual(['第二十条第(一)项']);
    expect(show('行政许可 | 0 | ||')).toEqual(['行政许可', 0]);
    // Every part still points at the printed line's only cell.
    expect(tokenizeLine({ cells: [{ text: '规章 | 1 | 2 |' }] }, 3).tokens.every((t) => t.ref.line === 3 && t.ref.cell === 0)).toBe(true);
  });
});
