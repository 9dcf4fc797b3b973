// Geometry of the PDF reader without pdf.js: runs laid out like the corpus PDFs print them.
import { describe, expect, it } from 'vitest';
import { isNumeric, layoutPages, type PdfItem, type PdfPage } from '../../src/read/pdf-layout.ts';

/** A run of `str` at (x, baseline y), `size` pt, one em per CJK character and half an em per ASCII one. */
function run(str: string, x: number, y: number, size = 10): PdfItem {
  const w = [...str].reduce((n, ch) => n + (ch.charCodeAt(0) < 0x80 ? 0.5 : 1), 0) * size;
  return { str, x, y, w, size };
}

function page(items: PdfItem[], no = 1): PdfPage {
  return { page: no, width: 595, height: 842, items };
}

function texts(pages: PdfPage[]): string[][] {
  return layoutPages(pages).map((l) => l.cells.map((c) => c.text));
}

describe('isNumeric', () => {
  it('accepts counts, thousands separators and decimals, not labels', () => {
    expect(['0', '447228', '3,985,758', '96171.6', '２６', '-8'].every(isNumeric)).toBe(true);
    expect(['1.', '2、', '三', '10 1', ''].some(isNumeric)).toBe(false);
  });
});

describe('layoutPages', () => {
  it('groups runs by baseline (numbers printed a little lower join the label) and splits cells at gaps', () => {
    const items = [run('一、本年新收政府信息公开申请数量', 77, 469, 7.45), run('3001', 260, 471.3, 7.45), run('53', 300, 471.3, 7.45), run('3119', 496, 471.3, 7.45)];
    expect(texts([page(items)])).toEqual([['一、本年新收政府信息公开申请数量', '3001', '53', '3119']]);
  });

  it('keeps runs with a small gap in one cell and orders lines top-down, cells left to right', () => {
    const items = [run('第二行', 80, 200), run('53', 300, 100), run('个，在省办', 74, 100), run('2024', 126, 100)];
    expect(texts([page(items)])).toEqual([['个，在省办2024', '53'], ['第二行']]);
  });

  it('separates adjacent digit runs by a space instead of fusing them', () => {
    expect(texts([page([run('12', 100, 100), run('34', 113, 100)])])).toEqual([['12 34']]);
  });

  it('drops running page numbers in the margins, keeps numbers inside the page', () => {
    const p3 = page([run('- 3 -', 497, 802.5, 13), run('正文', 80, 400), run('3', 300, 400)], 3);
    const p4 = page([run('第 4 页', 280, 810, 10), run('正文', 80, 400)], 4);
    expect(texts([p3, p4])).toEqual([['正文', '3'], ['正文']]);
  });

  it('drops a bare page number only when it tracks the page number on several pages', () => {
    const pages = [1, 2, 3].map((n) => page([run('正文', 80, 400), run(String(n + 1), 297, 800)], n));
    expect(texts(pages)).toEqual([['正文'], ['正文'], ['正文']]);
    const lone = [page([run('正文', 80, 400), run('7', 297, 800)], 1), page([run('正文', 80, 400)], 2)];
    expect(texts(lone)).toEqual([['正文'], ['7'], ['正文']]);
  });

  it('joins a label printed one character per line into one cell (02: 三、本年度办理结果)', () => {
    const chars = ['三、', '本', '年', '度', '办', '理', '结', '果'];
    const items = chars.map((c, i) => run(c, 77, 591 + 15 * i, 7.45));
    // Rows of the table beside it, single-line and wider apart than the wrapped characters.
    for (let r = 0; r < 6; r++) items.push(run(`${r + 1}.属于某类`, 143, 580 + 24 * r, 7.45), run(String(r), 300, 582 + 24 * r, 7.45));
    const lines = texts([page(items)]);
    expect(lines.flat()).toContain('三、本年度办理结果');
    expect(lines.filter((l) => l.length === 2).map((l) => l[1])).toEqual(['0', '1', '2', '3', '4', '5']);
  });

  it('joins a label wrapped in a narrow cell and pulls the centred numbers into its line (07)', () => {
    const items = [
      run('1.', 181, 166.8, 12), run('信访', 196, 166.8, 12),
      run('举报投', 181, 201.6, 12),
      run('诉类申', 181, 236.4, 12),
      run('请', 181, 271.2, 12),
      run('0', 263, 218, 12), run('0', 575, 218, 12),
      run('2.', 181, 341.4, 12), run('重复', 196, 341.4, 12),
      run('申请', 181, 376.2, 12),
      run('0', 263, 357.8, 12), run('0', 575, 357.8, 12),
    ];
    expect(texts([page(items)])).toEqual([
      ['1.信访举报投诉类申请', '0', '0'],
      ['2.重复申请', '0', '0'],
    ]);
  });

  it('does not glue rows that each carry numbers, nor a numbered item onto the cell above', () => {
    const items = [
      run('规章', 79, 560, 10), run('1', 249, 561, 10), run('11', 421, 561, 10),
      run('行政规范性文件', 79, 595, 10), run('8', 249, 596, 10), run('66', 421, 596, 10),
      // Wrapped steps elsewhere at this size, so a wrap step is known.
      run('结果', 300, 700, 10), run('维持', 300, 713, 10), run('结果', 330, 700, 10), run('纠正', 330, 713, 10), run('其他', 300, 760, 10),
    ];
    const lines = texts([page(items)]);
    expect(lines).toContainEqual(['规章', '1', '11']);
    expect(lines).toContainEqual(['行政规范性文件', '8', '66']);
    expect(lines.flat()).toContain('结果维持');
  });

  it('joins a number wrapped inside its cell ("2" over "6") and puts it on its row (07 （七）总计)', () => {
    const items = [run('（七）总计', 135, 515.4, 12), run('26', 263, 526.7, 12), run('2', 575, 512.7, 12), run('6', 575, 540.7, 12)];
    expect(texts([page(items)])).toEqual([['（七）总计', '26', '26']]);
  });

  it('keeps two numbers of consecutive rows in one column apart', () => {
    const items = [run('甲', 80, 100, 10), run('2', 300, 100, 10), run('乙', 80, 124, 10), run('6', 300, 124, 10)];
    expect(texts([page(items)])).toEqual([['甲', '2'], ['乙', '6']]);
  });

  it('never joins the lines of a paragraph or a heading with its text', () => {
    const items = [run('二、主动公开政府信息情况', 106, 100, 16), run('本报告由某某办公室根据条例规定编制，全文包括总体情况等内容，', 74, 128, 16), run('本报告中所列数据的统计期限自2024年1月1日起至12月31日止。', 74, 156, 16)];
    expect(texts([page(items)])).toHaveLength(3);
  });

  it('keeps a centred signature and the date under it apart', () => {
    const items = [
      run('第一项', 100, 100, 12), run('说明', 100, 134.8, 12), run('第二项', 100, 204.6, 12),
      run('某某县发展和改革局', 400, 500, 12), run('2024年1月17日', 403, 534.8, 12),
    ];
    expect(texts([page(items)])).toEqual([['第一项说明'], ['第二项'], ['某某县发展和改革局'], ['2024年1月17日']]);
  });

  it('gives every cell its box and every line its page', () => {
    const [line] = layoutPages([page([run('规章', 79, 560, 10)], 2)]);
    expect(line.page).toBe(2);
    expect(line.cells[0].box).toEqual({ x: 79, y: 550, w: 20, h: 10 });
  });
});
