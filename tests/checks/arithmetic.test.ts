import { describe, expect, test } from 'vitest';
import { checkBalance, checkPublishedTotals, checkResultTotals, checkReviewTotals, checkRowTotals } from '../../src/checks/arithmetic.ts';
import { buildReport } from './build.ts';

describe('ARI-01 row totals', () => {
  test('a row whose parts do not add up is an error with both numbers', () => {
    const r = buildReport({ cells: { 'sec3.resultTotal.naturalPerson': 20, 'sec3.resultTotal.total': 21 } });
    const f = checkRowTotals(r);
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toBe('表三（七）总计：各类申请人合计为 20，总计填报为 21，相差 1。');
  });
  test('a blank 总计 counts as 0 and is named (corpus 01: 予以公开 adds up to 272, 总计 blank)', () => {
    const r = buildReport({ template: '2019', cells: { 'sec3.granted.naturalPerson': 258, 'sec3.granted.commercial': 12, 'sec3.granted.legalService': 1, 'sec3.granted.otherOrg': 1, 'sec3.granted.research': null, 'sec3.granted.total': null } });
    const f = checkRowTotals(r);
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toContain('合计为 272');
    expect(f[0]!.message).toContain('空白（按 0 计）');
    expect(f[0]!.message).toContain('其中科研机构为空白，按 0 计');
  });
  test('runs on the rows of the layout used: 2019 other.all, mixed layouts', () => {
    const r = buildReport({ template: '2021', sec3Layout: '2019', cells: { 'sec3.other.all.naturalPerson': 2 } });
    expect(checkRowTotals(r).map((x) => x.cells.at(-1))).toEqual(['sec3.other.all.total']);
  });
  test('a row that was not read is reported once, as info', () => {
    const r = buildReport({ cells: { 'sec3.denied.adminQuery.total': undefined } });
    const f = checkRowTotals(r);
    expect(f).toHaveLength(1);
    expect(f[0]!.severity).toBe('info');
    expect(f[0]!.message).toContain('8.属于行政查询事项');
  });
  test('a missing table 三 yields nothing (STR-05 reports it)', () => {
    expect(checkRowTotals(buildReport({ omit: ['sec3'] }))).toEqual([]);
  });
});

describe('ARI-02 （七）总计', () => {
  test('matches the spec example', () => {
    const r = buildReport({ cells: { 'sec3.granted.naturalPerson': 20, 'sec3.resultTotal.naturalPerson': 21 } });
    const f = checkResultTotals(r).find((x) => x.cells.includes('sec3.resultTotal.naturalPerson'))!;
    expect(f.message).toBe('表三（七）总计·自然人：办理结果各行合计为 20，填报为 21，相差 1。');
  });
  test('2019 layout sums the single （六） row', () => {
    const r = buildReport({ template: '2019', cells: { 'sec3.other.all.total': 3, 'sec3.resultTotal.total': 3 } });
    expect(checkResultTotals(r)).toEqual([]);
  });
});

describe('ARI-03 一+二 = 三+四', () => {
  test('corpus 05 balances: 1295 + 189 = 1191 + 293', () => {
    const r = buildReport({ cells: { 'sec3.newReceived.total': 1295, 'sec3.carriedOver.total': 189, 'sec3.resultTotal.total': 1191, 'sec3.carryForward.total': 293 } });
    expect(checkBalance(r)).toEqual([]);
  });
  test('corpus 06: a blank 结转下年度 总计 breaks the balance and is named', () => {
    const r = buildReport({ cells: { 'sec3.newReceived.total': 34, 'sec3.carriedOver.total': 2, 'sec3.resultTotal.total': 35, 'sec3.carryForward.total': null } });
    const f = checkBalance(r);
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toContain('36（34 + 2）');
    expect(f[0]!.message).toContain('35（35 + 空白）');
  });
});

describe('ARI-04 table 四', () => {
  test('corpus 03: 维持 10, 纠正 1 but 总计 0 is an error', () => {
    const r = buildReport({ cells: { 'sec4.review.maintained': 10, 'sec4.review.corrected': 1, 'sec4.litAfterReview.maintained': 5 } });
    const f = checkReviewTotals(r);
    expect(f.map((x) => x.cells.at(-1))).toEqual(['sec4.review.total', 'sec4.litAfterReview.total']);
    expect(f[0]!.message).toContain('合计为 11，总计填报为 0，相差 11');
  });
  test('seed 004 table 四 adds up', () => {
    const r = buildReport({ cells: { 'sec4.review.maintained': 5, 'sec4.review.pending': 3, 'sec4.review.total': 8, 'sec4.litDirect.maintained': 3, 'sec4.litDirect.other': 1, 'sec4.litDirect.total': 4 } });
    expect(checkReviewTotals(r)).toEqual([]);
  });
});

describe('ARI-05 2019 published totals', () => {
  test('对外公开总数量 below 本年新公开数量 is a warning', () => {
    const r = buildReport({ template: '2019', cells: { 'sec2.regulation.newPublished': 13, 'sec2.regulation.totalPublished': 5 } });
    expect(checkPublishedTotals(r).map((x) => x.severity)).toEqual(['warning']);
  });
  test('corpus 01 values pass, and 2021 reports are not concerned', () => {
    const r = buildReport({ template: '2019', cells: { 'sec2.regulation.newPublished': 13, 'sec2.regulation.totalPublished': 524 } });
    expect(checkPublishedTotals(r)).toEqual([]);
    expect(checkPublishedTotals(buildReport())).toEqual([]);
  });
});
