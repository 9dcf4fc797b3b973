import { describe, expect, it } from 'vitest';
import { parseReport } from '../../src/parse/index.ts';
import { scanSections, sectionOfText } from '../../src/parse/sections.ts';
import type { ParsedReport } from '../../src/model.ts';
import { report, txt } from './build.ts';

function parsed(text: string): ParsedReport {
  const p = parseReport(txt(text));
  if ('notAReport' in p) throw new Error(p.reason);
  return p;
}

describe('sectionOfText', () => {
  it('knows every section by its words, with the variants of real reports', () => {
    expect(sectionOfText('总体情况')).toBe(1);
    expect(sectionOfText('主动公开政府信息情况')).toBe(2);
    expect(sectionOfText('收到和处理政府信息公开申请情况')).toBe(3);
    expect(sectionOfText('政府信息公开行政复议、行政诉讼情况')).toBe(4);
    expect(sectionOfText('因政府信息公开工作被申请行政复议、提起行政诉讼的情况')).toBe(4);
    expect(sectionOfText('存在的主要问题及改进情况')).toBe(5);
    expect(sectionOfText('政府信息公开工作存在的主要问题及改进情况')).toBe(5);
    expect(sectionOfText('存在的主要问题及整改措施')).toBe(5);
    expect(sectionOfText('其他需要报告的事项')).toBe(6);
    expect(sectionOfText('其它需要报告的事项')).toBe(6);
    expect(sectionOfText('工作中存在的主要问题及改进情况')).toBe(5);
    expect(sectionOfText('因政府信息公开申请行政复议、提起行政诉讼情况')).toBe(4);
    expect(sectionOfText('依申请公开政府信息情况')).toBe(3);
  });

  it('does not take answers, narrative sub-headings or table headers for section headings', () => {
    expect(sectionOfText('无其他需要报告的事项')).toBeNull();
    expect(sectionOfText('暂无存在的问题')).toBeNull();
    expect(sectionOfText('主动公开工作情况')).toBeNull();
    expect(sectionOfText('政府信息公开申请情况')).toBeNull();
    expect(sectionOfText('行政复议行政诉讼')).toBeNull();
  });
});

describe('section finding', () => {
  it('finds the six sections of a plain report', () => {
    const p = parsed(report());
    expect(p.sections.map((s) => s.no)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(p.headings.every((h) => h.kind === 'top')).toBe(true);
  });

  it('anchors on the words: sub-headings reusing 一、二、三 inside 一 are not sections', () => {
    const p = parsed(report({ s1: '一、组织机构情况\n建立工作机制。\n二、制度建设及执行情况\n完善制度。\n三、日常管理情况\n加强管理。' }));
    expect(p.sections.map((s) => [s.no, s.heading])).toEqual([
      [1, '一、总体情况'],
      [2, '二、主动公开政府信息情况'],
      [3, '三、收到和处理政府信息公开申请情况'],
      [4, '四、政府信息公开行政复议、行政诉讼情况'],
      [5, '五、存在的主要问题及改进情况'],
      [6, '六、其他需要报告的事项'],
    ]);
    expect(p.headings.filter((h) => h.kind === 'sub-reuse').map((h) => h.text)).toEqual(['一、组织机构情况', '二、制度建设及执行情况', '三、日常管理情况']);
  });

  it('a wrong numeral still starts the section', () => {
    const p = parsed(report().replace('三、收到和处理', '3、 收到和处理'));
    expect(p.sections.map((s) => s.no)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(p.headings.find((h) => h.section === 3)).toMatchObject({ kind: 'wrong-numeral', numeral: '3' });
  });

  it('a heading printed twice in a row', () => {
    const p = parsed(report().replace('一、总体情况', '一、总体情况\n\n一、总体情况'));
    expect(p.headings.filter((h) => h.kind === 'duplicate').map((h) => h.line)).toEqual([3]);
    expect(p.sections.filter((s) => s.no === 1)).toHaveLength(1);
  });

  it('narrative numbered 一–六, then the tables renumbered 一/二/三, and no 五 heading', () => {
    const text = [
      '某某委员会2024年政府信息公开工作年度报告',
      '一、总体情况',
      '本委依法公开。',
      '二、工作机制保障',
      '三、主动公开工作情况',
      '四、政府信息公开申请情况',
      '一、主动公开政府信息情况',
      '规章\t0\t0\t0',
      '二、收到和处理政府信息公开申请情况',
      '一、本年新收政府信息公开申请数量\t1\t0\t0\t0\t0\t0\t1',
      '三、政府信息公开行政复议、行政诉讼情况',
      '0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0',
      '（一）主要问题',
      '（二）改进情况',
      '五、其他需要报告的事项',
      '无。',
    ].join('\n');
    const p = parsed(text);
    expect(p.sections.map((s) => s.no)).toEqual([1, 2, 3, 4, 6]);
    expect(p.headings.filter((h) => h.kind === 'wrong-numeral').map((h) => h.section)).toEqual([2, 3, 4, 6]);
    expect(p.cells['sec3.newReceived.total'].value).toBe(1);
  });

  it('a numbered heading run into its first sentence in one paragraph', () => {
    const p = parsed(report().replace('一、总体情况\n', '一、总体情况。').replace('五、存在的主要问题及改进情况\n', '五、存在的主要问题及改进情况：'));
    expect(p.sections.map((s) => s.no)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(p.sections[0].heading).toMatch(/^一、总体情况。2022年/);
  });

  it('an unnumbered line naming a section gives way to the numbered heading printed later', () => {
    const p = parsed(report({ s1: '主动公开政府信息情况：\n全年主动公开信息300条。\n依申请公开政府信息情况：\n全年收到申请12件。' }));
    expect(p.sections.map((s) => s.heading)).toEqual([
      '一、总体情况',
      '二、主动公开政府信息情况',
      '三、收到和处理政府信息公开申请情况',
      '四、政府信息公开行政复议、行政诉讼情况',
      '五、存在的主要问题及改进情况',
      '六、其他需要报告的事项',
    ]);
  });

  it('short lines of wrapped prose are not headings, even when they name a section', () => {
    const prose = ['针对存在问题，下一步，我市将着力加强政策解', '其他需要报告的事项，本年度没有', '读工作。'];
    const scan = scanSections(['一、总体情况', ...prose], [1, 1, 1, 1]);
    expect(scan.headings.map((h) => h.text)).toEqual(['一、总体情况']);
  });

  it('scanSections only considers one-cell lines', () => {
    const scan = scanSections(['一、总体情况', '二、主动公开政府信息情况\t0'], [1, 2]);
    expect(scan.starts.map((s) => s.no)).toEqual([1]);
  });
});
