import { describe, expect, test } from 'vitest';
import { checkAmounts, checkBlanks, checkCounts } from '../../src/checks/values.ts';
import { buildReport } from './build.ts';

describe('NUM-01 counts', () => {
  test('a negative or fractional count is an error naming the cell', () => {
    const r = buildReport({ cells: { 'sec3.granted.naturalPerson': -1, 'sec4.review.total': 2.5 } });
    const f = checkCounts(r);
    expect(f.map((x) => x.cells[0])).toEqual(['sec3.granted.naturalPerson', 'sec4.review.total']);
    expect(f[0]!.severity).toBe('error');
    expect(f[0]!.message).toContain('表三（一）予以公开·自然人');
  });
  test('2019 本年增/减 may be negative; amounts are not counts', () => {
    const r = buildReport({ template: '2019', cells: { 'sec2.license.delta': -8, 'sec2.procurement.amount': 25.1 } });
    expect(checkCounts(r)).toEqual([]);
  });
});

describe('NUM-02 amounts', () => {
  test('a unit inside the cell is reported with the value read (corpus 01: 251000元)', () => {
    const r = buildReport({ template: '2019', cells: { 'sec2.procurement.amount': 25.1 }, raw: { 'sec2.procurement.amount': '251000元' } });
    const f = checkAmounts(r);
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toContain('251000元');
    expect(f[0]!.message).toContain('25.1 万元');
  });
  test('more than 4 decimals and yuan-like values are warnings', () => {
    expect(checkAmounts(buildReport({ cells: { 'sec2.fee.amount': 1.23456 }, raw: { 'sec2.fee.amount': '1.23456' } }))[0]!.severity).toBe('warning');
    expect(checkAmounts(buildReport({ cells: { 'sec2.fee.amount': 3940000 } }))[0]!.message).toContain('疑似按元填报');
  });
  test('plausible amounts pass (corpus 02: 96171.6 万元, corpus 08: 4068.208)', () => {
    expect(checkAmounts(buildReport({ cells: { 'sec2.fee.amount': 96171.6 } }))).toEqual([]);
    expect(checkAmounts(buildReport({ cells: { 'sec2.fee.amount': 4068.208 } }))).toEqual([]);
  });
});

describe('NUM-03 blanks', () => {
  test('blank and placeholder cells are one warning per table, naming the placeholders', () => {
    const r = buildReport({ cells: { 'sec3.granted.commercial': null, 'sec3.granted.total': null, 'sec4.review.other': null }, raw: { 'sec3.granted.total': '—' } });
    const f = checkBlanks(r);
    expect(f).toHaveLength(2);
    expect(f[0]!.cells).toEqual(['sec3.granted.commercial', 'sec3.granted.total']);
    expect(f[0]!.message).toContain('「—」');
    expect(f[1]!.message).toContain('表四 行政复议·其他结果');
  });
  test('no blanks, no finding', () => {
    expect(checkBlanks(buildReport())).toEqual([]);
  });
});

describe('safe wrapper', () => {
  test('a crashing check becomes one info finding naming the check', async () => {
    const { safe } = await import('../../src/checks/safe.ts');
    const f = safe('NUM-01', () => {
      throw new Error('boom');
    })(buildReport());
    expect(f).toEqual([{ id: 'NUM-01', severity: 'info', cells: [], message: '检查 NUM-01 未能完成（内部错误：boom），请人工核对。' }]);
  });
});
