import { describe, expect, it } from 'vitest';
import { EMPTY_QUERY, queryList, staleRows, yearsOf } from '../../src/app/list-query.ts';
import { visibleRows } from '../../src/app/virtual-window.ts';
import type { ReportSummary } from '../../src/storage/summary.ts';

function row(hash: string, over: Partial<ReportSummary>): ReportSummary {
  return {
    hash, name: `${hash}.txt`, agency: null, year: null, template: null, fileType: 'txt', status: 'ok',
    errors: 0, warnings: 0, infos: 0, importedAt: 0, parserVersion: 1, size: 1, ...over,
  };
}

const rows = [
  row('a', { agency: '洛阳市洛龙区翠云路街道办事处', year: 2021, importedAt: 1, errors: 0 }),
  row('b', { agency: '商丘市梁园区前进街道办事处', year: 2020, importedAt: 3, errors: 3, parserVersion: 0 }),
  row('c', { agency: '开封市龙亭区人民政府办公室', year: 2021, importedAt: 2, errors: 1, warnings: 2 }),
  row('d', { status: 'unreadable', importedAt: 4, name: 'broken.pdf' }),
];

describe('queryList', () => {
  it('searches body names and file names', () => {
    expect(queryList(rows, { ...EMPTY_QUERY, search: '前进' }).map((r) => r.hash)).toEqual(['b']);
    expect(queryList(rows, { ...EMPTY_QUERY, search: 'BROKEN' }).map((r) => r.hash)).toEqual(['d']);
  });
  it('filters by year, status and errors', () => {
    expect(queryList(rows, { ...EMPTY_QUERY, year: 2021 }).map((r) => r.hash).sort()).toEqual(['a', 'c']);
    expect(queryList(rows, { ...EMPTY_QUERY, status: 'unreadable' }).map((r) => r.hash)).toEqual(['d']);
    expect(queryList(rows, { ...EMPTY_QUERY, hasErrors: true }).map((r) => r.hash)).toEqual(['b', 'c']);
  });
  it('sorts newest import first by default, and by errors or year on request', () => {
    expect(queryList(rows, EMPTY_QUERY).map((r) => r.hash)).toEqual(['d', 'b', 'c', 'a']);
    expect(queryList(rows, { ...EMPTY_QUERY, sort: 'errors-desc' }).map((r) => r.hash)).toEqual(['b', 'c', 'd', 'a']);
    expect(queryList(rows, { ...EMPTY_QUERY, sort: 'year-desc' }).map((r) => r.hash)).toEqual(['c', 'a', 'b', 'd']);
  });
  it('does not reorder the input array', () => {
    const copy = rows.slice();
    queryList(copy, { ...EMPTY_QUERY, sort: 'agency' });
    expect(copy).toEqual(rows);
  });
  it('lists years newest first and rows made by an older parser', () => {
    expect(yearsOf(rows)).toEqual([2021, 2020]);
    expect(staleRows(rows, 1).map((r) => r.hash)).toEqual(['b']);
    expect(staleRows(rows, null)).toEqual([]);
  });
});

describe('visibleRows', () => {
  it('renders only the window on screen plus overscan', () => {
    expect(visibleRows(0, 400, 40, 2000, 5)).toEqual({ start: 0, end: 16 });
    expect(visibleRows(4000, 400, 40, 2000, 5)).toEqual({ start: 95, end: 116 });
  });
  it('stays inside the list at its end and for empty lists', () => {
    expect(visibleRows(40 * 1995, 400, 40, 2000, 5)).toEqual({ start: 1990, end: 2000 });
    expect(visibleRows(0, 400, 40, 0)).toEqual({ start: 0, end: 0 });
    expect(visibleRows(-50, 400, 40, 3, 8)).toEqual({ start: 0, end: 3 });
  });
});
