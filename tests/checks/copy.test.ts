import { describe, expect, test } from 'vitest';
import { checkOtherBodies, checkRepeatedParagraphs, checkRepeatedSections, checkSecretMarks, checkYears, hasSecretWord, SECRET_WORDS } from '../../src/checks/copy.ts';
import { buildReport, fromSeedText, readSeed } from './build.ts';

const seed002 = () => fromSeedText(readSeed('002_310a36c5978b6ada.txt'), { template: '2019', year: 2020, agency: '商丘市梁园区前进街道办事处' });

describe('CPY-01 other body names', () => {
  test('seed 002: 珠街街道办事处 in a report of 前进街道办事处 is an error', () => {
    const f = checkOtherBodies(seed002());
    expect(f).toHaveLength(1);
    expect(f[0]!.severity).toBe('error');
    expect(f[0]!.quote).toBe('珠街街道办事处');
    expect(f[0]!.lines).toEqual([36, 128]);
  });
  test('own body, parents and generic phrases are not reported', () => {
    const lines = [
      '前进街道办事处2020年政府信息公开工作年度报告',
      '认真贯彻落实区委、区政府关于政府信息公开工作有关指示要求，指导各街道办事处、乡镇人民政府做好公开工作。',
      '梁园区前进街道办事处党工委高度重视，本街道办事处安排专人负责。全区各乡镇政府、各街道办均已完成。',
    ];
    expect(checkOtherBodies(buildReport({ lines, agency: '商丘市梁园区前进街道办事处', title: lines[0]! }))).toEqual([]);
  });
  test('district governments: sibling only in a full chain, own body from the title block', () => {
    const own = '淮安市洪泽区人民政府';
    const lines = [`${own}`, '2023 年政府信息公开工作年度报告', '一、总体情况', '强化区政府门户网站建设，不断推进区政府信息公开工作。淮安市洪泽区人民政府办公室牵头。'];
    const r = buildReport({ lines, agency: '加强区政府', title: lines[1]!, sections: [{ no: 1, heading: lines[2]!, startLine: 2, endLine: 4, text: lines[3]! }] });
    expect(checkOtherBodies(r)).toEqual([]);
    const other = buildReport({ lines: [...lines, '参照淮安市清江浦区人民政府的做法。'], agency: own, title: lines[1]!, sections: r.sections });
    expect(checkOtherBodies(other).map((x) => x.quote)).toEqual(['清江浦区人民政府']);
  });
  test('departments are not checked (their prose names other departments legitimately)', () => {
    expect(checkOtherBodies(buildReport({ lines: ['会同县司法局、县财政局开展检查。'], agency: '沭阳县发展和改革局' }))).toEqual([]);
  });
});

describe('CPY-02 / CPY-03 repeats', () => {
  test('seed 002: section 五 repeats section 一 (error), repeated paragraphs (warnings)', () => {
    const r = seed002();
    const sections = checkRepeatedSections(r);
    expect(sections).toHaveLength(1);
    expect(sections[0]!.severity).toBe('error');
    expect(sections[0]!.message).toContain('第五部分');
    expect(sections[0]!.message).toContain('第一部分');
    const paragraphs = checkRepeatedParagraphs(r);
    expect(paragraphs.length).toBeGreaterThanOrEqual(5);
    // Half-width punctuation in the copy does not hide it: line 121 repeats line 29.
    expect(paragraphs.some((p) => p.lines!.join() === '28,120')).toBe(true);
  });
  test('a report without repeats yields nothing', () => {
    const r = fromSeedText(readSeed('004_fd38466faf71b272.txt'));
    expect([...checkRepeatedSections(r), ...checkRepeatedParagraphs(r)]).toEqual([]);
  });
});

describe('CPY-04 years', () => {
  test('统计期限 year differs from the title year', () => {
    const r = buildReport({ title: '2021年政府信息公开工作年度报告', lines: ['本年度报告中所列数据统计期限从2020年1月1日到12月31日止。'] });
    expect(checkYears(r).map((f) => f.id)).toEqual(['CPY-04']);
  });
  test('the prose narrates another year as the reporting year', () => {
    const lines = ['2020年，我办坚持以人民为中心。', '2020年，全年主动公开信息100条。', '2020年，办理申请5件。'];
    const f = checkYears(buildReport({ year: 2021, title: '2021年政府信息公开工作年度报告', lines }));
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toContain('2020年');
  });
  test('seed 003: 统计期限 of the report year passes', () => {
    expect(checkYears(fromSeedText(readSeed('003_8ed56d603b52b932.txt'), { year: 2022 }))).toEqual([]);
  });
});

describe('CPY-05 markers', () => {
  test('seed 001: (密件) is info', () => {
    const f = checkSecretMarks(fromSeedText(readSeed('001_1289612543b54ddb.txt')));
    expect(f.map((x) => [x.id, x.severity, x.quote])).toEqual([['CPY-05', 'info', '密件']]);
  });
  test('国家秘密 in ordinary prose is not a marker', () => {
    expect(checkSecretMarks(buildReport({ lines: ['严格审查，不得公开涉及国家秘密、商业秘密的信息。'] }))).toEqual([]);
  });
});

describe('CPY-04 lines', () => {
  test('points at the lines that open with the other year', () => {
    const lines = ['一、总体情况', '2020年，我办坚持以人民为中心。', '2020年，全年主动公开信息100条。', '2021年，办理申请5件。'];
    const f = checkYears(buildReport({ year: 2021, title: '2021年政府信息公开工作年度报告', lines }));
    expect(f).toEqual([]);
    const f2 = checkYears(buildReport({ year: 2021, title: '2021年政府信息公开工作年度报告', lines: [...lines.slice(0, 3), '2020年，办理申请5件。'] }));
    expect(f2[0]!.lines).toEqual([1, 2, 3]);
  });
});

describe('CPY-05 pre-test', () => {
  test('hasSecretWord agrees with a search for each marker word', () => {
    const alphabet = [...'密件秘机绝内部资料文保审查的', '内部', '保密', '秘密'];
    let seed = 7;
    const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff) / 0x7fffffff;
    let found = 0;
    for (let k = 0; k < 3000; k++) {
      let text = '';
      const n = Math.floor(next() * 12);
      for (let j = 0; j < n; j++) text += alphabet[Math.floor(next() * alphabet.length)];
      const want = SECRET_WORDS.some((w) => text.includes(w));
      if (want) found++;
      expect(hasSecretWord(text), text).toBe(want);
    }
    expect(found).toBeGreaterThan(300); // both answers are frequent
    expect(found).toBeLessThan(2700);
  });
});
