/**
 * Table layouts of formats.md, each built as a small synthetic report and read through parseReport:
 * the same rows must come out whatever the layout.
 */
import { describe, expect, it } from 'vitest';
import type { ParsedReport, SourceDoc, SourceLine } from '../../src/model.ts';
import { parseReport } from '../../src/parse/index.ts';
import { SEC3_2021 } from '../../src/spec/templates.ts';
import { report, SEC3_HEADER, sec3Rows, tableRow, txt } from './build.ts';

function parsed(doc: SourceDoc): ParsedReport {
  const p = parseReport(doc);
  if ('notAReport' in p) throw new Error(p.reason);
  return p;
}

/** Values of one table-三 row, in column order. */
function row(p: ParsedReport, key: string): (number | null)[] {
  return ['naturalPerson', 'commercial', 'research', 'publicInterest', 'legalService', 'otherOrg', 'total'].map((c) => p.cells[`sec3.${key}.${c}`]?.value ?? null);
}

describe('table 三 layouts', () => {
  it('tab-separated rows with leading empty cells and group labels on the row', () => {
    const rows = sec3Rows().map((l, i) => (i >= 2 ? `\t${l}` : l));
    rows[2] = `三、本年度办理结果\t${rows[2].trim()}`;
    const p = parsed(txt(report({ sec3: [SEC3_HEADER, ...rows].join('\n') })));
    expect(p.tables.sec3?.template).toBe('2021');
    expect(p.tables.sec3?.missingRows).toEqual([]);
    expect(row(p, 'granted')).toEqual([20, 21, 22, 23, 24, 25, 26]);
    expect(row(p, 'carryForward')).toEqual([240, 241, 242, 243, 244, 245, 246]);
  });

  it('one cell per line', () => {
    const lines = sec3Rows().flatMap((l) => ['', ...l.split('\t').map((c) => `\t${c}`)]);
    const p = parsed(txt(report({ sec3: [SEC3_HEADER.replace(/\t/g, '\n'), ...lines].join('\n') })));
    expect(p.tables.sec3?.missingRows).toEqual([]);
    expect(row(p, 'other.unpaidFee')).toEqual([210, 211, 212, 213, 214, 215, 216]);
  });

  it('labels wrapped onto the next line do not start a row', () => {
    const rows = sec3Rows();
    const i = SEC3_2021.findIndex((d) => d.key === 'other.unpaidFee');
    rows[i] = rows[i].replace('政府信息公开申请\t', '\t');
    rows.splice(i + 1, 0, '\t\t政府信息公开申请\t\t\t');
    const p = parsed(txt(report({ sec3: [SEC3_HEADER, ...rows].join('\n') })));
    expect(p.tables.sec3?.missingRows).toEqual([]);
    expect(row(p, 'other.unpaidFee')).toEqual([210, 211, 212, 213, 214, 215, 216]);
    expect(row(p, 'other.misc')).toEqual([220, 221, 222, 223, 224, 225, 226]);
  });

  it('labels separated from their numbers are assigned in printed order', () => {
    const rows = sec3Rows();
    const at = (k: string) => SEC3_2021.findIndex((d) => d.key === k);
    // PDF-to-text: the labels of two rows printed above, their numbers below without labels.
    const values = (k: string) => rows[at(k)].split('\t').slice(1).join('\t');
    const lines = rows.map((l, i) => (i === at('partial') || i === at('denied.lawForbidden') ? values(SEC3_2021[i].key) : l));
    lines.splice(at('partial'), 0, '（二）部分公开（区分处理的，只计这一情', '形，不计其他情形）');
    const p = parsed(txt(report({ sec3: [SEC3_HEADER, ...lines].join('\n') })));
    expect(p.tables.sec3?.missingRows).toEqual([]);
    expect(row(p, 'partial')).toEqual([30, 31, 32, 33, 34, 35, 36]);
    expect(row(p, 'denied.lawForbidden')).toEqual([50, 51, 52, 53, 54, 55, 56]);
  });

  it('a row with a missing number keeps the missing cell unknown (null) and says so', () => {
    const rows = sec3Rows('2021', () => 0);
    const i = SEC3_2021.findIndex((d) => d.key === 'unable.notHeld');
    rows[i] = rows[i].replace(/\t0$/, '');
    const p = parsed(txt(report({ sec3: [SEC3_HEADER, ...rows].join('\n') })));
    expect(row(p, 'unable.notHeld')).toEqual([0, 0, 0, 0, 0, 0, null]);
    const r = p.tables.sec3?.rows.find((x) => x.key === 'unable.notHeld');
    expect(r).toMatchObject({ found: 6, expected: 7 });
  });

  it('a row with an extra number uses the seven that add up and records which', () => {
    const rows = sec3Rows('2021', (_r, c) => (c === 6 ? 21 : c + 1));
    rows[0] = rows[0].replace('一、本年新收政府信息公开申请数量\t', '一、本年新收政府信息公开申请数量\t9\t');
    const p = parsed(txt(report({ sec3: [SEC3_HEADER, ...rows].join('\n') })));
    expect(row(p, 'newReceived')).toEqual([1, 2, 3, 4, 5, 6, 21]);
    expect(p.tables.sec3?.rows[0]).toMatchObject({ found: 8, used: '第2–8个' });
  });

  it('a 2021 report with the single 2019 （六） row is read with the 2019 rows', () => {
    const p = parsed(txt(report({ sec3: [SEC3_HEADER, ...sec3Rows('2019')].join('\n') })));
    expect(p.tables.sec2?.template).toBe('2021');
    expect(p.tables.sec3?.template).toBe('2019');
    expect(row(p, 'other.all')).toEqual([200, 201, 202, 203, 204, 205, 206]);
    expect(p.cells['sec3.other.misc.total']).toBeUndefined();
  });

  it('sub-items numbered 1、 and labels with stray spaces and typos', () => {
    const rows = sec3Rows().map((l) => l.replace(/^(\d)\./, '$1、'));
    const i = SEC3_2021.findIndex((d) => d.key === 'denied.lawForbidden');
    rows[i] = rows[i].replace('其他法律行政法规禁止公开', '其他法律行政止公开');
    rows[i + 1] = rows[i + 1].replace('危及', '危 及 ');
    const p = parsed(txt(report({ sec3: [SEC3_HEADER, ...rows].join('\n') })));
    expect(p.tables.sec3?.missingRows).toEqual([]);
    expect(row(p, 'denied.lawForbidden')).toEqual([50, 51, 52, 53, 54, 55, 56]);
    expect(p.tables.sec3?.labelIssues.map((x) => [x.id, x.printed])).toEqual([['LBL-01', '2、其他法律行政止公开']]);
  });

  it('markdown tables: one per block, placeholder headers, dummy tables and a wrong header row', () => {
    const md = [
      '### 申请人情况 (自然人)',
      '| (数据项目) | 数量 |',
      '|---|---|',
      '| - | - |',
      ...SEC3_2021.map((d, r) => {
        const head = r === 22 ? '| 项目 | 本年新收件数 | 上年结转件数 | 予以公开 | 部分公开 | 不予公开 | 结转下年度 | 总计 |\n|---|---|---|---|---|---|---|---|\n' : '';
        return `${head}| ${d.label} | ${Array.from({ length: 7 }, (_, c) => r * 10 + c).join(' | ')} |`;
      }),
      '| 类别 | 数据1 | 数据2 | 数据3 | 数据4 | 数据5 | 数据6 | 总计 |',
    ].join('\n');
    const p = parsed(txt(report({ sec3: md })));
    expect(p.tables.sec3?.missingRows).toEqual([]);
    expect(row(p, 'newReceived')).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(row(p, 'other.misc')).toEqual([220, 221, 222, 223, 224, 225, 226]);
  });

  it('labels printed one character per line do not disturb the rows', () => {
    const rows = sec3Rows();
    rows.splice(2, 0, ...'三、本年度办理结果'.split(''));
    const p = parsed(txt(report({ sec3: [SEC3_HEADER, ...rows].join('\n') })));
    expect(p.tables.sec3?.missingRows).toEqual([]);
    expect(row(p, 'granted')).toEqual([20, 21, 22, 23, 24, 25, 26]);
  });

  it('page footers inside the table are not values', () => {
    const rows = sec3Rows();
    rows.splice(10, 0, '— 4 —');
    rows.splice(20, 0, '-5-');
    const p = parsed(txt(report({ sec3: [SEC3_HEADER, ...rows].join('\n') })));
    expect(p.tables.sec3?.missingRows).toEqual([]);
    expect(p.tables.sec3?.rows.every((r) => r.found === 7)).toBe(true);
  });

  it('real table rows: a blank cell is a null value with empty raw text', () => {
    const lines: SourceLine[] = txt(report({ sec3: '' })).lines;
    const at = lines.findIndex((l) => l.cells[0]?.text.startsWith('四、政府信息公开行政复议'));
    const rows = SEC3_2021.map((d, r) => tableRow(2, r + 3, [d.label, String(r), '', '\u00a0', '', '', '', r === 0 ? '' : String(r)]));
    lines.splice(at, 0, tableRow(2, 0, ['（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', '申请人情况']), ...rows);
    const p = parsed({ fileType: 'html', lines });
    expect(p.tables.sec3?.missingRows).toEqual([]);
    expect(row(p, 'granted')).toEqual([2, null, null, null, null, null, 2]);
    expect(p.cells['sec3.newReceived.total']).toMatchObject({ value: null, raw: '' });
    expect(p.tables.sec3?.rows.every((r) => r.found === 7)).toBe(true);
  });

  it('PDF rows whose blank cells print nothing are placed by the header positions', () => {
    const at = (x: number, text: string) => ({ text, box: { x, y: 0, w: 12, h: 10 } });
    const head: SourceLine = { cells: [at(260, '自然人'), at(320, '商业企业'), at(370, '科研机构'), at(420, '社会公益组织'), at(470, '法律服务机构'), at(520, '其他'), at(570, '总计')], page: 2 };
    const rows: SourceLine[] = SEC3_2021.map((d, r) => ({ cells: [{ ...at(80, d.label), box: { x: 80, y: 0, w: 140, h: 10 } }, at(261, String(r + 1)), at(571, String(r + 1))], page: 2 }));
    const lines = txt(report({ sec3: '' })).lines;
    const i = lines.findIndex((l) => l.cells[0]?.text.startsWith('四、政府信息公开行政复议'));
    lines.splice(i, 0, head, ...rows);
    const p = parsed({ fileType: 'pdf', lines, pageCount: 3 });
    expect(row(p, 'partial')).toEqual([4, null, null, null, null, null, 4]);
    expect(p.tables.sec3?.rows.every((r) => r.found === 7)).toBe(true);
  });

  it('narrative numbers are never read as table values', () => {
    const s1 = '2022年，全年共收到政府信息公开申请 12 件，答复 12 件。\n12345热线受理 400 件';
    const p = parsed(txt(report({ s1 })));
    expect(p.tables.sec3?.rows.map((r) => r.ref?.line).every((l) => (l ?? 0) > 5)).toBe(true);
    expect(Object.values(p.cells).every((c) => c.value !== 400)).toBe(true);
  });
});

describe('table 二 and 四 layouts', () => {
  it('reads the 2021 table 二 with a decimal fee', () => {
    const p = parsed(txt(report()));
    expect(p.tables.sec2?.template).toBe('2021');
    expect(p.cells['sec2.normativeDoc.valid'].value).toBe(6);
    expect(p.cells['sec2.fee.amount']).toMatchObject({ value: 1.5, raw: '1.5' });
  });

  it('reads a 2019 table 二: negative delta, procurement in yuan normalised to 万元 with the raw text kept', () => {
    const sec2 = [
      '第二十条第（一）项',
      '信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量',
      '规章\t0\t0\t12',
      '规范性文件\t3\t3\t40',
      '第二十条第（五）项',
      '信息内容\t上一年项目数量\t本年增/减\t处理决定数量',
      '行政许可\t100\t-8\t2,300',
      '其他对外管理服务事项\t5\t0\t7',
      '第二十条第（六）项',
      '信息内容\t上一年项目数量\t本年增/减\t处理决定数量',
      '行政处罚\t1\t0\t2',
      '行政强制\t0\t0\t0',
      '第二十条第（八）项',
      '信息内容\t上一年项目数量\t本年增/减',
      '行政事业性收费\t2\t—',
      '第二十条第（九）项',
      '信息内容\t采购项目数量\t采购总金额',
      '政府集中采购\t4\t251000元',
    ].join('\n');
    const p = parsed(txt(report({ title: '测试县某某局2020年政府信息公开工作年度报告', sec2, sec3: [SEC3_HEADER, ...sec3Rows('2019')].join('\n') })));
    expect(p.tables.sec2?.template).toBe('2019');
    expect(p.meta.template).toBe('2019');
    expect(p.cells['sec2.license.delta'].value).toBe(-8);
    expect(p.cells['sec2.license.decisions'].value).toBe(2300);
    expect(p.cells['sec2.fee.delta']).toMatchObject({ value: null, raw: '—' });
    expect(p.cells['sec2.procurement.amount']).toMatchObject({ value: 25.1, raw: '251000元' });
  });

  it('finds 规章 wherever PDF-to-text printed it', () => {
    const sec2 = ['第二十条第（五）项', '行政许可 0', '第二十条第（六）项', '行政处罚 0', '行政强制 0', '第二十条第（八）项', '行政事业性收费 0', '| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |', '| 规章 | 1 | 0 | 5 |', '| 行政规范性文件 | 2 | 1 | 9 |'].join('\n');
    const p = parsed(txt(report({ sec2 })));
    expect(p.tables.sec2?.missingRows).toEqual([]);
    expect(p.cells['sec2.normativeDoc.valid'].value).toBe(9);
    expect(p.cells['sec2.license.decisions'].value).toBe(0);
  });

  it('table 四 on one line, one number per line, or as three tables of five', () => {
    const expected = [1, 2, 3, 4, 10, 5, 6, 7, 8, 26, 0, 0, 0, 0, 0];
    const keys = ['review', 'litDirect', 'litAfterReview'].flatMap((g) => ['maintained', 'corrected', 'other', 'pending', 'total'].map((c) => `sec4.${g}.${c}`));
    const oneLine = parsed(txt(report()));
    expect(keys.map((k) => oneLine.cells[k].value)).toEqual(expected);
    const perLine = parsed(txt(report({ sec4: ['行政复议', '行政诉讼', ...expected.map(String)].join('\n') })));
    expect(keys.map((k) => perLine.cells[k].value)).toEqual(expected);
    const head = '| 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |\n|---|---|---|---|---|';
    const three = ['### 行政复议', head, '| 1 | 2 | 3 | 4 | 10 |', '### 行政诉讼（未经复议直接起诉）', head, '| 5 | 6 | 7 | 8 | 26 |', '### 行政诉讼（复议后起诉）', head, '| 0 | 0 | 0 | 0 | 0 |'].join('\n');
    const md = parsed(txt(report({ sec4: three })));
    expect(keys.map((k) => md.cells[k].value)).toEqual(expected);
  });

  it('tables printed as appendices after 六 are found from their header words', () => {
    const tables = txt(report()).lines.map((l) => l.cells.map((c) => c.text).join('\t'));
    const text = report({ sec2: '本年度主动公开情况见附表。', sec3: '见附表。', sec4: '见附表。' });
    const appendix = ['附表：', ...tables.slice(4, 18), ...tables.slice(19, 47), ...tables.slice(48, 52)].join('\n');
    const p = parsed(txt(`${text}\n${appendix}`));
    expect(p.cells['sec2.normativeDoc.valid'].value).toBe(6);
    expect(row(p, 'carryForward')).toEqual([240, 241, 242, 243, 244, 245, 246]);
    expect(p.cells['sec4.litDirect.total'].value).toBe(26);
    expect(p.sections.find((s) => s.no === 6)?.text).toBe('本年度未收取信息处理费。\n附表：');
  });

  it('rows copied from a web page as `规章 | 0 | 0 | 0 |` (pipes between cells, none in front)', () => {
    // The form real pages take when their tables are copied as text (e.g. 重庆市九龙坡区二郎街道办事处 2022:
    // 「第二十条第(一)项 | |||」, 「行政规范性文件 | 4 | 0 | 4 |」), half-width brackets included.
    const bare = (block: string) =>
      block
        .split('\n')
        .map((l) => (l.includes('\t') ? `${l.split('\t').join(' | ')} |` : l.replace(/（/g, '(').replace(/）/g, ')') + ' | |||'))
        .join('\n');
    const tables = txt(report()).lines.map((l) => l.cells.map((c) => c.text).join('\t'));
    const sec2 = bare(tables.slice(4, 18).join('\n'));
    const sec3 = tables.slice(19, 47).map((l) => (l.includes('\t') ? `${l.split('\t').join(' | ')} |` : l)).join('\n');
    const p = parsed(txt(report({ sec2, sec3 })));
    expect(p.tables.sec2?.template).toBe('2021');
    expect(p.cells['sec2.normativeDoc.valid'].value).toBe(6);
    expect(p.cells['sec2.coercion.decisions'].value).toBe(9);
    expect(row(p, 'granted')).toEqual([20, 21, 22, 23, 24, 25, 26]);
    expect(row(p, 'carryForward')).toEqual([240, 241, 242, 243, 244, 245, 246]);
  });

  it('table lines are listed and excluded from the section text', () => {
    const p = parsed(txt(report()));
    const s3 = p.sections.find((s) => s.no === 3);
    expect(s3?.text).toBe('');
    const t3 = p.tables.sec3!;
    for (let i = t3.startLine; i < t3.endLine; i++) expect(p.tableLines).toContain(i);
    expect(p.lines.length).toBe(txt(report()).lines.length);
    expect(p.sections.find((s) => s.no === 1)?.text).toContain('全年收到申请12件');
  });
});
