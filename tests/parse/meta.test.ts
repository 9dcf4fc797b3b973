import { describe, expect, it } from 'vitest';
import { findSignature, findTitle, findYear, fullAgency, titleAgency } from '../../src/parse/meta.ts';

describe('title and year', () => {
  it('joins a title wrapped over two lines', () => {
    expect(findTitle(['正文', '2025 年上海市人民政府办公厅政府信息公开', '工作年度报告', '一、总体情况'], 3)).toEqual({
      title: '2025 年上海市人民政府办公厅政府信息公开工作年度报告',
      line: 1,
    });
  });

  it('puts the body name printed above a year-first title in front of it', () => {
    expect(findTitle(['洪泽区人民政府', '2023 年政府信息公开工作年度报告', '本报告由…'], 3).title).toBe('洪泽区人民政府2023 年政府信息公开工作年度报告');
  });

  it('prefers a title with a year and a body name over a menu item of the web page', () => {
    const lines = ['首页', '政府信息公开年度报告', '索引号：123', '某某县财政局2022年政府信息公开工作年度报告', '一、总体情况'];
    expect(findTitle(lines, 4)).toEqual({ title: '某某县财政局2022年政府信息公开工作年度报告', line: 3 });
  });

  it('reads a year in Chinese digits and a 统计期限 sentence wrapped over two lines', () => {
    expect(findYear('某某局二〇二一年政府信息公开工作年度报告', [])).toBe(2021);
    expect(titleAgency('某某局二〇二一年政府信息公开工作年度报告')).toBe('某某局');
    expect(findYear(null, ['本年度报告中所列数据统计期限为 2025', '年 1 月 1 日至 12 月 31 日。'])).toBe(2025);
  });

  it('takes the year from the title, else from the 统计期限', () => {
    expect(findYear('某某局2021年政府信息公开工作年度报告', [])).toBe(2021);
    expect(findYear('某某局政府信息公开工作年度报告', ['本报告所列数据的统计期限自2022年1月1日起至2022年12月31日止。'])).toBe(2022);
    expect(findYear(null, ['无年份'])).toBeNull();
  });
});

describe('agency', () => {
  it('is the name printed in the title before the year or 政府信息公开', () => {
    expect(titleAgency('洛阳市洛龙区翠云路街道办事处2021年政府信息公开工作年度报告')).toBe('洛阳市洛龙区翠云路街道办事处');
    expect(titleAgency('环南街道政府信息公开工作2021年度报告')).toBe('环南街道');
    expect(titleAgency('2025 年上海市人民政府办公厅政府信息公开工作年度报告')).toBe('上海市人民政府办公厅');
    expect(titleAgency('2024 年政府信息公开工作年度报告')).toBeNull();
    expect(titleAgency('关于某某县财政局2021年政府信息公开工作年度报告的公告')).toBe('某某县财政局');
    expect(titleAgency('某某县人民政府信息公开工作年度报告')).toBe('某某县人民政府');
  });

  it('takes the region from the body when the title lacks it', () => {
    expect(fullAgency('七一路街道办事处2022年政府信息公开工作年度报告', '《2022年度川汇区七一路街道办事处部门预算》')).toBe('川汇区七一路街道办事处');
    expect(fullAgency('政府办公室2021年政府信息公开工作年度报告', '龙亭区政府办公室坚持…以“开封市龙亭区人民政府”官网为平台')).toBe('开封市龙亭区人民政府办公室');
    expect(fullAgency('洪泽区人民政府2023 年政府信息公开工作年度报告', '本报告由淮安市洪泽区人民政府办公室编制')).toBe('淮安市洪泽区人民政府');
  });

  it('leaves a full name alone and expands a common abbreviation', () => {
    expect(fullAgency('洛阳市洛龙区翠云路街道办事处2021年政府信息公开工作年度报告', '河南省洛阳市')).toBe('洛阳市洛龙区翠云路街道办事处');
    expect(fullAgency('2024 年上海市科委政府信息公开工作年度报告', '市科委')).toBe('上海市科学技术委员会');
  });

  it('falls back on the name signed above the date at the end when the title has none', () => {
    const lines = ['2023年政府信息公开工作年度报告', '一、总体情况', '……', '六、其他需要报告的事项', '无。', '', '沭阳县发展和改革局', '2024年1月17日'];
    expect(findSignature(lines)).toBe('沭阳县发展和改革局');
    expect(fullAgency(lines[0], lines.join('\n'), findSignature(lines))).toBe('沭阳县发展和改革局');
    expect(findSignature(['一、总体情况', '本局全年公开信息。'])).toBeNull();
  });

  it('finds places spaced out or wrapped in the body (white space between any two characters)', () => {
    // PDF text spaces characters out, and the body's lines are searched as one text.
    expect(fullAgency('梁园区前进街道办事处2020年政府信息公开工作年度报告', '辖区属于商丘 市梁\u3000园\n区，')).toBe('商丘市梁园区前进街道办事处');
    expect(fullAgency('环南街道政府信息公开工作2021年度报告', '全区各社区，定 海\n区 环南 街道')).toBe('定海区环南街道');
    expect(fullAgency('环南街道政府信息公开工作2021年度报告', '工作要点：\n《定海\t区关于…》')).toBe('定海区环南街道');
    expect(fullAgency('政府办公室2021年政府信息公开工作年度报告', '龙亭\n区政府 办公室坚持，以“开封市龙亭区人民 政府”官网为平台')).toBe('开封市龙亭区人民政府办公室');
  });

  it('does not take generic words for places', () => {
    expect(fullAgency('环南街道政府信息公开工作2021年度报告', '全区各社区、示范区工作。')).toBe('环南街道');
  });

  it('keeps a special zone whose own name is its region, and never takes its kind word for a place', () => {
    // 平潭综合实验区 reports (2019–2025) say 「实验区」 for themselves in the body.
    expect(fullAgency('平潭综合实验区2024年度政府信息公开工作年度报告', '2024年，实验区政府信息公开工作取得了新进展')).toBe('平潭综合实验区');
    expect(fullAgency('滨海新区2022年政府信息公开工作年度报告', '全区，实验区试点。')).toBe('滨海新区');
    expect(fullAgency('环南街道政府信息公开工作2021年度报告', '一年来，实验区、高新区建设。')).toBe('环南街道');
  });
});
