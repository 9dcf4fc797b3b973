// Reads the real corpus PDFs and compares the number rows of tables 二, 三 and 四 with the hand-checked truth.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { SourceDoc, SourceLine } from '../../src/model.ts';
import { readPdf } from '../../src/read/pdf.ts';
import { isNumeric } from '../../src/read/pdf-layout.ts';
import { SEC2_2021, SEC3_2019, SEC3_2021, SEC3_COLUMNS, sec4Keys } from '../../src/spec/templates.ts';

const CORPUS = 'tests/fixtures/corpus';

const FILES = [
  { pdf: '02-huaian-city-2024.pdf', truth: '02-huaian-city-2024.json' },
  { pdf: '03-huaian-hongze-2023.pdf', truth: '03-huaian-hongze-2023.json' },
  { pdf: '04-huaian-hongze-2024.pdf', truth: '04-huaian-hongze-2024.json' },
  // The LibreOffice conversion prints table 四 wider than the page: its last 3 columns fall off the page.
  { pdf: '07-shuyang-drc-2023.from-html.pdf', truth: '07-shuyang-drc-2023.json', sec4Printed: 12 },
];

/** A piece of each row's label that every corpus PDF prints on the line carrying the row's numbers. */
const SEC3_HINTS: Record<string, RegExp> = {
  newReceived: /本年新收/,
  carriedOver: /上年结转/,
  granted: /予以公开/,
  partial: /部分公开/,
  'denied.stateSecret': /国家秘密/,
  'denied.lawForbidden': /其他法律/,
  'denied.threeSafety': /三安全/,
  'denied.thirdParty': /第三方/,
  'denied.internalAffairs': /内部事务/,
  'denied.processInfo': /过程性/,
  'denied.enforcementFile': /执法案卷/,
  'denied.adminQuery': /查询事项/,
  'unable.notHeld': /不掌握/,
  'unable.needCreate': /另行/,
  'unable.unclear': /补正后/,
  'notProcessed.petition': /信访/,
  'notProcessed.duplicate': /重复申请/,
  'notProcessed.publication': /出版物/,
  'notProcessed.massRepeat': /大量反复/,
  'notProcessed.reconfirm': /^5[.、]要求|确认/,
  'other.noCorrection': /不补正/,
  'other.unpaidFee': /逾期未按/,
  'other.misc': /3[.、]其他/,
  'other.all': /其他处理/,
  resultTotal: /总计/,
  carryForward: /结转下年度/,
};

const SEC2_HINTS: Record<string, RegExp> = {
  regulation: /^规章$/,
  normativeDoc: /规范性文件/,
  license: /行政许可/,
  penalty: /行政处罚/,
  coercion: /行政强制/,
  fee: /行政事业性收费/,
};

interface Row {
  /** Text cells of the line joined, whitespace removed. */
  label: string;
  numbers: number[];
  /** `col` of each number (from the header geometry). */
  cols: (number | undefined)[];
  line: number;
}

function noSpace(s: string): string {
  return s.replace(/\s+/g, '');
}

/** The lines from the first one matching `from` up to (not including) the next one matching `to`. */
function region(doc: SourceDoc, from: RegExp, to: RegExp): { lines: SourceLine[]; start: number } {
  const texts = doc.lines.map((l) => noSpace(l.cells.map((c) => c.text).join('')));
  const start = texts.findIndex((t) => from.test(t));
  const end = texts.findIndex((t, i) => i > start && to.test(t));
  expect(start, `heading ${from}`).toBeGreaterThanOrEqual(0);
  expect(end, `heading ${to}`).toBeGreaterThan(start);
  return { lines: doc.lines.slice(start, end), start };
}

/** Every line of the region that carries numbers: its text cells and its numbers in reading order. */
function numberRows(lines: SourceLine[], start: number): Row[] {
  const rows: Row[] = [];
  lines.forEach((l, i) => {
    const numCells = l.cells.filter((c) => isNumeric(c.text));
    if (numCells.length === 0) return;
    const label = noSpace(l.cells.filter((c) => !isNumeric(c.text)).map((c) => c.text).join(''));
    rows.push({ label, numbers: numCells.map((c) => Number(c.text.replace(/,/g, ''))), cols: numCells.map((c) => c.col), line: start + i });
  });
  return rows;
}

/** The non-blank truth values of one row, in printed column order (blank cells print nothing). */
function printed(cells: Record<string, number | null>, keys: string[]): number[] {
  return keys.map((k) => cells[k]).filter((v): v is number => v !== null && v !== undefined);
}

/** The 1-based data columns of those values (07 prints only 自然人 and 总计: columns 1 and 7). */
function printedCols(cells: Record<string, number | null>, keys: string[]): number[] {
  return keys.flatMap((k, i) => (cells[k] === null || cells[k] === undefined ? [] : [i + 1]));
}

const docs = new Map<string, SourceDoc>();
async function load(pdf: string): Promise<SourceDoc> {
  const cached = docs.get(pdf);
  if (cached) return cached;
  const doc = await readPdf(new Uint8Array(readFileSync(`${CORPUS}/${pdf}`)), pdf);
  if ('unreadable' in doc) throw new Error(doc.reason);
  docs.set(pdf, doc);
  return doc;
}

describe.each(FILES)('corpus PDF $pdf', ({ pdf, truth, sec4Printed }) => {
  const cells = (JSON.parse(readFileSync(`${CORPUS}/truth/${truth}`, 'utf8')) as { cells: Record<string, number | null> }).cells;

  it('reads every page, with page numbers and boxes on the cells', async () => {
    const doc = await load(pdf);
    expect(doc.fileType).toBe('pdf');
    expect(doc.pageCount).toBeGreaterThanOrEqual(5);
    expect(new Set(doc.lines.map((l) => l.page)).size).toBe(doc.pageCount);
    for (const l of doc.lines) for (const c of l.cells) expect(c.box && c.box.w >= 0 && c.box.h > 0).toBe(true);
    // Running page numbers (- 3 -) are dropped: no line is only a decorated page number.
    expect(doc.lines.some((l) => l.cells.length === 1 && /^[-—–]\s*\d+\s*[-—–]$/.test(l.cells[0].text.trim()))).toBe(false);
  });

  it('puts each table-三 row on one line: its label and its numbers, in the truth order', async () => {
    const doc = await load(pdf);
    const rowDefs = 'sec3.other.all.total' in cells ? SEC3_2019 : SEC3_2021;
    const { lines, start } = region(doc, /^三、收到和处理政府信息公开申请情况/, /^四、(政府信息公开行政复议|因政府信息公开)/);
    const rows = numberRows(lines, start);
    const expected = rowDefs.map((r) => ({ key: r.key, numbers: printed(cells, SEC3_COLUMNS.map((c) => `sec3.${r.key}.${c.key}`)) }));
    expect(rows.map((r) => r.numbers)).toEqual(expected.map((e) => e.numbers));
    rows.forEach((r, i) => expect(r.label, `${expected[i].key} at line ${r.line}`).toMatch(SEC3_HINTS[expected[i].key]));
  });

  it('tells each table-三 number its column from the header, blank columns included', async () => {
    const doc = await load(pdf);
    const rowDefs = 'sec3.other.all.total' in cells ? SEC3_2019 : SEC3_2021;
    const { lines, start } = region(doc, /^三、收到和处理政府信息公开申请情况/, /^四、(政府信息公开行政复议|因政府信息公开)/);
    const cols = numberRows(lines, start).map((r) => r.cols);
    expect(cols).toEqual(rowDefs.map((r) => printedCols(cells, SEC3_COLUMNS.map((c) => `sec3.${r.key}.${c.key}`))));
  });

  it('puts each table-二 row on one line with its label', async () => {
    const doc = await load(pdf);
    const { lines, start } = region(doc, /^二、主动公开政府信息情况/, /^三、收到和处理政府信息公开申请情况/);
    const rows = numberRows(lines, start);
    const expected = SEC2_2021.map((r) => ({ key: r.key, numbers: printed(cells, r.columns.map((c) => `sec2.${r.key}.${c.key}`)) }));
    expect(rows.map((r) => r.numbers)).toEqual(expected.map((e) => e.numbers));
    rows.forEach((r, i) => expect(r.label, `${expected[i].key} at line ${r.line}`).toMatch(SEC2_HINTS[expected[i].key]));
    expect(rows.map((r) => r.cols)).toEqual(SEC2_2021.map((r) => printedCols(cells, r.columns.map((c) => `sec2.${r.key}.${c.key}`))));
  });

  it('gives the table-四 numbers in printed order', async () => {
    const doc = await load(pdf);
    const { lines, start } = region(doc, /^四、(政府信息公开行政复议|因政府信息公开)/, /^五、/);
    const numbers = numberRows(lines, start).flatMap((r) => r.numbers);
    const expected = printed(cells, sec4Keys());
    expect(numbers).toEqual(expected.slice(0, sec4Printed ?? expected.length));
  });
});
