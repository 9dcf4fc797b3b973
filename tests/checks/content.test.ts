import { describe, expect, test } from 'vitest';
import { checkFeeReported, checkOverviewTopics, checkProblemsSection, checkSelfPraise, checkYearFound } from '../../src/checks/content.ts';
import { checkTitleRegion, titleBodyName } from '../../src/checks/content-meta.ts';
import type { Section } from '../../src/model.ts';
import { buildReport, fromSeedText, readSeed } from './build.ts';

const sec = (no: number, text: string): Section => ({ no, heading: null, startLine: 0, endLine: 1, text });

describe('CON-01 section 五', () => {
  test('「无」 or empty is a warning', () => {
    expect(checkProblemsSection(buildReport({ sections: [sec(5, '无')] }))[0]!.severity).toBe('warning');
    expect(checkProblemsSection(buildReport({ sections: [sec(5, '')] }))[0]!.severity).toBe('warning');
  });
  test('seed 002: 五 copies 一', () => {
    const r = fromSeedText(readSeed('002_310a36c5978b6ada.txt'), { template: '2019', year: 2020 });
    expect(checkProblemsSection(r)[0]!.message).toContain('照抄了第一部分');
  });
  test('real problem statements pass (seeds 000, 001, 003, 004)', () => {
    for (const f of ['000_6e673f84b28b10ac.txt', '001_1289612543b54ddb.txt', '003_8ed56d603b52b932.txt', '004_fd38466faf71b272.txt']) {
      expect(checkProblemsSection(fromSeedText(readSeed(f)))).toEqual([]);
    }
  });
  test('praise without any problem is a warning; a missing section is info', () => {
    expect(checkProblemsSection(buildReport({ sections: [sec(5, '我办政府信息公开工作成效显著，圆满完成各项任务，得到上级充分肯定和群众一致好评。')] }))[0]!.severity).toBe('warning');
    expect(checkProblemsSection(buildReport())[0]!.severity).toBe('info');
  });
});

describe('CON-02 section 一 topics', () => {
  test('names the missing topics', () => {
    const f = checkOverviewTopics(buildReport({ sections: [sec(1, '全年主动公开政府信息100条，办理依申请公开5件。')] }));
    expect(f[0]!.message).toBe('第一部分“总体情况”未涉及：政府信息管理、平台建设、监督保障。');
  });
  test('any one word of a topic names it', () => {
    const words: Array<[string, string]> = [
      ['主动公开', '主动公开'],
      ...['依申请', '申请公开', '公开申请'].map((w): [string, string] => ['依申请公开', w]),
      ...['信息管理', '公开属性', '发布审核', '审核', '保密审查', '指南', '目录'].map((w): [string, string] => ['政府信息管理', w]),
      ...['平台', '网站', '新媒体', '公报', '专栏', '专区'].map((w): [string, string] => ['平台建设', w]),
      ...['监督', '保障', '考核', '培训', '评议', '责任追究'].map((w): [string, string] => ['监督保障', w]),
    ];
    for (const [topic, word] of words) {
      const message = checkOverviewTopics(buildReport({ sections: [sec(1, `本年度${word}工作。`)] }))[0]!.message;
      expect(message.split('：')[1], word).not.toContain(topic);
      expect(message, word).toContain('未涉及'); // the other topics are still missing
    }
  });
  test('seed 000 covers all five topics', () => {
    expect(checkOverviewTopics(fromSeedText(readSeed('000_6e673f84b28b10ac.txt')))).toEqual([]);
  });
});

describe('CON-03 self-praise', () => {
  test('seed 000 「居全区第一」 and seed 002 「自评分为满分」', () => {
    expect(checkSelfPraise(fromSeedText(readSeed('000_6e673f84b28b10ac.txt'))).map((f) => f.quote)).toEqual(['居全区第一']);
    const f = checkSelfPraise(fromSeedText(readSeed('002_310a36c5978b6ada.txt')));
    expect(f.map((x) => [x.severity, x.quote])).toEqual([['info', '自评分为满分']]);
    expect(f[0]!.lines).toEqual([8, 102]);
  });
  test('居民第一时间 is not praise', () => {
    expect(checkSelfPraise(buildReport({ lines: ['让居民第一时间了解政策。'] }))).toEqual([]);
  });
});

describe('CON-04 fees', () => {
  test('fees charged but 六 silent on 信息处理费', () => {
    const r = buildReport({ cells: { 'sec2.fee.amount': 12.5 }, sections: [sec(6, '无')] });
    expect(checkFeeReported(r).map((f) => f.severity)).toEqual(['warning']);
  });
  test('六 reports 信息处理费 (corpus 02), or no fee', () => {
    const six = sec(6, '2024 年，市政府严格落实《政府信息公开信息处理费管理办法》，全年收取政府信息公开信息处理费 3940 元。');
    expect(checkFeeReported(buildReport({ cells: { 'sec2.fee.amount': 96171.6 }, sections: [six] }))).toEqual([]);
    expect(checkFeeReported(buildReport({ sections: [sec(6, '无')] }))).toEqual([]);
  });
});

describe('MET-01 / MET-02', () => {
  test('no year is an error', () => {
    expect(checkYearFound(buildReport({ year: null }))[0]!.severity).toBe('error');
    expect(checkYearFound(buildReport({ year: 2021 }))).toEqual([]);
  });
  test('title body names', () => {
    expect(titleBodyName('环南街道政府信息公开工作2021年度报告')).toBe('环南街道');
    expect(titleBodyName('政府办公室2021年政府信息公开工作年度报告')).toBe('政府办公室');
    expect(titleBodyName('2019年上海市人民政府办公厅政府信息公开工作年度报告')).toBe('上海市人民政府办公厅');
  });
  test('seeds 001, 003, 004: the title lacks the region the body has', () => {
    const r1 = fromSeedText(readSeed('001_1289612543b54ddb.txt'));
    expect(checkTitleRegion(r1)[0]!.message).toContain('定海区');
    const r3 = fromSeedText(readSeed('003_8ed56d603b52b932.txt'));
    expect(checkTitleRegion(r3)[0]!.message).toContain('川汇区七一路街道办事处');
    const r4 = fromSeedText(readSeed('004_fd38466faf71b272.txt'));
    expect(checkTitleRegion(r4)[0]!.message).toContain('龙亭区政府办公室');
    expect(checkTitleRegion(r4)[0]!.severity).toBe('warning');
  });
  test('titles with a region pass (seeds 000, 002; 市场监督管理局 is not a region)', () => {
    expect(checkTitleRegion(fromSeedText(readSeed('000_6e673f84b28b10ac.txt')))).toEqual([]);
    expect(checkTitleRegion(fromSeedText(readSeed('002_310a36c5978b6ada.txt')))).toEqual([]);
    expect(checkTitleRegion(buildReport({ title: '市场监督管理局2021年政府信息公开工作年度报告' }))).toHaveLength(1);
  });
});

describe('MET-02 national bodies', () => {
  test('national bodies have no region and are not reported', () => {
    expect(checkTitleRegion(buildReport({ title: '国家发展和改革委员会2021年政府信息公开工作年度报告' }))).toEqual([]);
    expect(checkTitleRegion(buildReport({ title: '生态环境部2022年政府信息公开工作年度报告' }))).toEqual([]);
  });
});
