/** Builders of small synthetic reports for the parser tests: a full 2021-format report as tab-separated text. */
import type { SourceDoc, SourceLine } from '../../src/model.ts';
import { readText } from '../../src/read/text.ts';
import { SEC3_2019, SEC3_2021 } from '../../src/spec/templates.ts';

/** Text → SourceDoc as the .txt reader gives it. */
export function txt(text: string): SourceDoc {
  return readText(text, 'txt');
}

/** Table 三 data rows as tab-separated lines: label, then the row's 7 values (row index i gets values i*10+col). */
export function sec3Rows(template: '2019' | '2021' = '2021', value = (row: number, col: number) => row * 10 + col): string[] {
  const defs = template === '2019' ? SEC3_2019 : SEC3_2021;
  return defs.map((d, r) => [d.label, ...Array.from({ length: 7 }, (_, c) => String(value(r, c)))].join('\t'));
}

export const SEC2_2021_TEXT = [
  '第二十条第（一）项',
  '信息内容\t本年制发件数\t本年废止件数\t现行有效件数',
  '规章\t1\t2\t3',
  '行政规范性文件\t4\t5\t6',
  '第二十条第（五）项',
  '信息内容\t本年处理决定数量',
  '行政许可\t7',
  '第二十条第（六）项',
  '信息内容\t本年处理决定数量',
  '行政处罚\t8',
  '行政强制\t9',
  '第二十条第（八）项',
  '信息内容\t本年收费金额（单位：万元）',
  '行政事业性收费\t1.5',
].join('\n');

export const SEC3_HEADER = [
  '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\t申请人情况',
  '\t自然人\t法人或其他组织\t\t\t\t\t总计',
  '\t\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他',
].join('\n');

export const SEC4_TEXT = [
  '行政复议\t\t\t\t\t行政诉讼',
  '结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t未经复议直接起诉\t\t\t\t\t复议后起诉',
  '\t\t\t\t\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计',
  '1\t2\t3\t4\t10\t5\t6\t7\t8\t26\t0\t0\t0\t0\t0',
].join('\n');

/** A whole report; each part can be replaced. */
export function report(parts: { title?: string; s1?: string; sec2?: string; sec3?: string; sec4?: string; s5?: string; s6?: string } = {}): string {
  return [
    parts.title ?? '测试县某某局2022年政府信息公开工作年度报告',
    '一、总体情况',
    parts.s1 ?? '2022年，本局依法做好政府信息公开工作，全年收到申请12件。',
    '二、主动公开政府信息情况',
    parts.sec2 ?? SEC2_2021_TEXT,
    '三、收到和处理政府信息公开申请情况',
    parts.sec3 ?? [SEC3_HEADER, ...sec3Rows()].join('\n'),
    '四、政府信息公开行政复议、行政诉讼情况',
    parts.sec4 ?? SEC4_TEXT,
    '五、存在的主要问题及改进情况',
    parts.s5 ?? '一是公开内容还不够丰富。下一步将加强培训。',
    '六、其他需要报告的事项',
    parts.s6 ?? '本年度未收取信息处理费。',
  ].join('\n');
}

/** A real-table row (HTML/Word shape): one physical cell per entry, '' for an empty cell. */
export function tableRow(id: number, row: number, cells: string[]): SourceLine {
  return { cells: cells.map((text, col) => ({ text, col })), table: { id, row } };
}
