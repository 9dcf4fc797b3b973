// Column indexes from header geometry, on lines shaped like the corpus tables.
import { describe, expect, it } from 'vitest';
import type { SourceCell, SourceLine } from '../../src/model.ts';
import { assignColumns } from '../../src/read/pdf-columns.ts';

function cell(text: string, x: number, y: number, w: number, h = 8): SourceCell {
  return { text, box: { x, y, w, h } };
}

const HEADER: SourceLine[] = [
  { page: 1, cells: [cell('三、收到和处理政府信息公开申请情况', 106, 330, 273, 16)] },
  { page: 1, cells: [cell('申请人情况', 367, 375, 37)] },
  { page: 1, cells: [cell('（本列数据的勾稽关系为：第一项加第二项之和，', 77, 399, 168), cell('法人或其他组织', 290, 399, 52)] },
  { page: 1, cells: [cell('自然人', 256, 418, 22), cell('总计', 492, 418, 15)] },
  { page: 1, cells: [cell('商业企业', 290, 423, 27), cell('科研机构', 328, 423, 23), cell('社会公益组织', 362, 423, 34), cell('法律服务机构', 407, 423, 36)] },
  { page: 1, cells: [cell('其他', 454, 430, 15)] },
];
const X = [260, 300, 337, 377, 421, 465, 496];

describe('assignColumns', () => {
  it('numbers each value by the leaf header it sits under (spanning headers do not count)', () => {
    const row: SourceLine = { page: 1, cells: [cell('一、本年新收政府信息公开申请数量', 77, 462, 120), ...X.map((x, i) => cell(String(i * 10), x, 464, 8))] };
    assignColumns([...HEADER, row]);
    expect(row.cells.map((c) => c.col)).toEqual([undefined, 1, 2, 3, 4, 5, 6, 7]);
  });

  it('keeps the header for later rows and pages, so a row with blank cells says where its numbers are', () => {
    const full: SourceLine = { page: 1, cells: [cell('一、本年新收', 77, 462, 120), ...X.map((x) => cell('1', x, 464, 4))] };
    const group: SourceLine = { page: 1, cells: [cell('（三）不予公开', 101, 480, 52)] };
    const sparse: SourceLine = { page: 2, cells: [cell('1.属于国家秘密', 143, 90, 52), cell('26', X[0], 92, 8), cell('26', X[6], 92, 8)] };
    assignColumns([...HEADER, full, group, sparse]);
    expect(sparse.cells.map((c) => c.col)).toEqual([undefined, 1, 7]);
  });

  it('sets nothing where no header fits, and a paragraph ends the table', () => {
    const lone: SourceLine = { page: 1, cells: [cell('正文', 77, 100, 20), cell('5', 300, 100, 4)] };
    const para: SourceLine = { page: 1, cells: [cell('本报告由某某办公室根据条例编制，全文包括总体情况、主动公开等。', 74, 500, 444, 16)] };
    const after: SourceLine = { page: 1, cells: [cell('正文', 77, 560, 20), cell('7', X[0], 560, 4)] };
    const row: SourceLine = { page: 1, cells: [cell('一、', 77, 462, 20), ...X.map((x) => cell('1', x, 464, 4))] };
    assignColumns([lone, ...HEADER, row, para, after]);
    expect(lone.cells[1].col).toBeUndefined();
    expect(row.cells[1].col).toBe(1);
    expect(after.cells[1].col).toBeUndefined();
  });
});
