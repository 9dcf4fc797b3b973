/** The structure, template and label checks (STR, TPL, LBL) on small synthetic reports. */
import { describe, expect, it } from 'vitest';
import type { Finding, ParsedReport } from '../../src/model.ts';
import { labelsChecks } from '../../src/checks/labels.ts';
import { structureChecks } from '../../src/checks/structure.ts';
import { templateChecks } from '../../src/checks/template.ts';
import { parseReport } from '../../src/parse/index.ts';
import { SEC3_2021 } from '../../src/spec/templates.ts';
import { report, SEC3_HEADER, sec3Rows, txt } from './build.ts';

function findings(text: string): Finding[] {
  const p = parseReport(txt(text));
  if ('notAReport' in p) throw new Error(p.reason);
  return [...structureChecks, ...templateChecks, ...labelsChecks].flatMap((c) => c(p as ParsedReport));
}
const ids = (fs: Finding[]) => fs.map((f) => `${f.id} ${f.severity}`);

describe('structure checks', () => {
  it('a clean report has no structure, template or label finding', () => {
    expect(findings(report())).toEqual([]);
  });

  it('STR-01: a missing section, and sections out of order', () => {
    const missing = findings(report().replace('五、存在的主要问题及改进情况\n', ''));
    expect(ids(missing)).toEqual(['STR-01 error']);
    expect(missing[0].message).toContain('五、存在的主要问题及改进情况');
    const swapped = report().replace('六、其他需要报告的事项\n本年度未收取信息处理费。', '').replace('五、存在的主要问题', '六、其他需要报告的事项\n本年度未收取信息处理费。\n五、存在的主要问题');
    expect(ids(findings(swapped))).toEqual(['STR-01 error']);
  });

  it('STR-02: wrong numeral, and （一） mixed with （2）', () => {
    const fs = findings(report({ s5: '（一）存在的主要问题\n公开不够及时。\n（2） 改进措施\n加强培训。' }).replace('三、收到', '3、 收到'));
    expect(ids(fs)).toEqual(['STR-02 warning', 'STR-02 warning']);
    expect(fs[0].quote).toBe('3、 收到和处理政府信息公开申请情况');
    expect(fs[1].quote).toBe('（2） 改进措施');
  });

  it('STR-03 and STR-04', () => {
    const fs = findings(report({ s1: '一、组织机构情况\n成立领导小组。' }).replace('一、总体情况', '一、总体情况\n一、总体情况'));
    expect(ids(fs)).toEqual(['STR-03 warning', 'STR-04 info']);
  });

  it('STR-05: a table missing', () => {
    const fs = findings(report({ sec4: '本年度未发生行政复议、行政诉讼。' }));
    expect(ids(fs)).toEqual(['STR-05 error']);
    expect(fs[0].message).toContain('表四');
  });

  it('STR-06: too few numbers is an error naming the unknown cell; too many is one warning per table', () => {
    const rows = sec3Rows('2021', () => 0);
    rows[3] = rows[3].replace(/\t0$/, '');
    rows[5] = `${rows[5]}\t0`;
    rows[6] = `${rows[6]}\t0`;
    const fs = findings(report({ sec3: [SEC3_HEADER, ...rows].join('\n') }));
    expect(ids(fs)).toEqual(['STR-06 error', 'STR-06 warning']);
    expect(fs[0].cells).toEqual([`sec3.${SEC3_2021[3].key}.total`]);
    expect(fs[0].message).toMatch(/只有 6 个数字，应为 7 个/);
    expect(fs[1].message).toMatch(/2 行的数字多于 7 个.*第1–7个/);
  });

  it('STR-07: a missing table-三 row', () => {
    const rows = sec3Rows().filter((l) => !l.startsWith('7.属于行政执法案卷'));
    const fs = findings(report({ sec3: [SEC3_HEADER, ...rows].join('\n') }));
    expect(ids(fs)).toEqual(['STR-07 error']);
    expect(fs[0].cells).toContain('sec3.denied.enforcementFile.total');
  });
});

describe('template checks', () => {
  it('TPL-01: a 2021 report in the 2019 format, and a 2020 report in the 2021 format', () => {
    const sec2_2019 = '第二十条第（一）项\n信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量\n规章\t0\t0\t0\n规范性文件\t0\t0\t0\n第二十条第（五）项\n信息内容\t上一年项目数量\t本年增/减\t处理决定数量\n行政许可\t0\t0\t0\n其他对外管理服务事项\t0\t0\t0\n第二十条第（六）项\n行政处罚\t0\t0\t0\n行政强制\t0\t0\t0\n第二十条第（八）项\n行政事业性收费\t0\t0\n第二十条第（九）项\n政府集中采购\t0\t0';
    const fs2021 = findings(report({ sec2: sec2_2019, sec3: [SEC3_HEADER, ...sec3Rows('2019')].join('\n') }));
    expect(ids(fs2021)).toEqual(['TPL-01 error']);
    const fs2020 = findings(report({ title: '某某局2020年政府信息公开工作年度报告' }));
    expect(ids(fs2020)).toEqual(['TPL-01 error']);
    const fs2019 = findings(report({ title: '某某局2019年政府信息公开工作年度报告' }));
    expect(ids(fs2019)).toEqual(['TPL-01 warning']);
  });

  it('TPL-02: a 2021 table 二 with the single 2019 （六） row', () => {
    const fs = findings(report({ sec3: [SEC3_HEADER, ...sec3Rows('2019')].join('\n') }));
    expect(ids(fs)).toEqual(['TPL-02 warning']);
    expect(fs[0].cells).toContain('sec3.other.all.total');
  });
});

describe('label checks', () => {
  it('LBL-01: 社会组织, 规范性文件 in 2021, 合计 and typos', () => {
    const rows = sec3Rows().map((l) => l.replace('（七）总计', '（七）合计').replace('其他法律行政法规禁止公开', '其他法律行政止公开'));
    const sec2 = report().split('\n').slice(4, 18).join('\n').replace('行政规范性文件', '规范性文件');
    const fs = findings(report({ sec2, sec3: [SEC3_HEADER.replace('社会公益组织', '社会组织'), ...rows].join('\n') }));
    expect(ids(fs)).toEqual(['LBL-01 warning', 'LBL-01 warning', 'LBL-01 warning', 'LBL-01 warning']);
    expect(fs.map((f) => f.quote).sort()).toEqual(['2.其他法律行政止公开', '社会组织', '规范性文件', '（七）合计'].sort());
  });

  it('LBL-02: 2019 column headers in a 2021 table 二', () => {
    const sec2 = report().split('\n').slice(4, 18).join('\n').replace('本年制发件数', '本年新制作数量');
    const fs = findings(report({ sec2 }));
    expect(ids(fs)).toEqual(['LBL-02 error']);
    expect(fs[0].quote).toBe('本年新制作数量');
  });
});
