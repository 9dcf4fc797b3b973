/** parseReport as a whole: what is not a report, and inputs that must neither throw nor hang. */
import { describe, expect, it } from 'vitest';
import type { SourceDoc } from '../../src/model.ts';
import { parseReport } from '../../src/parse/index.ts';
import { runChecks } from '../../src/checks/index.ts';
import { report, txt } from './build.ts';

describe('not a report', () => {
  it('a document with no sections and no tables, with a Chinese reason', () => {
    const p = parseReport(txt('会议通知\n请各单位于周五下午三点参加会议。'));
    expect(p).toMatchObject({ notAReport: true });
    expect('notAReport' in p && p.reason).toMatch(/不像政府信息公开工作年度报告/);
  });

  it('another document that happens to have a 「一、总体情况」 heading', () => {
    expect(parseReport(txt('2023年政务公开工作要点\n一、总体情况\n全面推进政务公开。\n二、重点任务\n做好政策解读。'))).toMatchObject({ notAReport: true });
  });

  it('an empty document', () => {
    expect(parseReport({ fileType: 'txt', lines: [] })).toMatchObject({ notAReport: true });
  });

  it('a pre-2019 free-form report is named as such, not guessed', () => {
    const old = [
      '某某县人民政府2017年政府信息公开工作年度报告',
      '一、概述',
      '二、主动公开政府信息情况',
      '全年主动公开政府信息1200条。',
      '三、依申请公开政府信息情况',
      '全年受理申请30件，同意公开20件。',
    ].join('\n');
    const p = parseReport(txt(old));
    expect(p).toMatchObject({ notAReport: true });
    expect('notAReport' in p && p.reason).toMatch(/2017年度.*修订前/);
  });

  it('a report with tables but missing headings is still a report', () => {
    const p = parseReport(txt(report().replace(/^[一二三四五六]、.*$/gm, '')));
    expect('notAReport' in p).toBe(false);
  });
});

describe('robustness', () => {
  const adversarial: Record<string, string> = {
    'one huge line': '一'.repeat(300_000),
    'huge line of digits and tabs': '1\t'.repeat(100_000),
    'many pipes': '|'.repeat(200_000),
    'nested brackets': '（'.repeat(50_000) + '1' + '）'.repeat(50_000),
    'dashes and spaces': '- '.repeat(100_000),
    'many short headings': '一、总体情况\n'.repeat(20_000),
    'many table rows': `三、收到和处理政府信息公开申请情况\n${'（一）予以公开\t1\t2\t3\t4\t5\t6\t7\n'.repeat(5_000)}`,
    'numbers with separators': `${'1,'.repeat(20_000)}0`,
  };
  for (const [name, text] of Object.entries(adversarial)) {
    it(`does not throw or hang: ${name}`, () => {
      const t = performance.now();
      const p = parseReport(txt(text));
      if (!('notAReport' in p)) runChecksSafely(p);
      expect(performance.now() - t).toBeLessThan(3000);
    });
  }

  it('odd shapes: cells without text, lines without cells, undefined boxes', () => {
    const doc = { fileType: 'pdf', lines: [{ cells: [] }, { cells: [{ text: '' }] }, { cells: [{ text: '一、总体情况', box: { x: 0, y: 0, w: 0, h: 0 } }] }] } as SourceDoc;
    expect(() => parseReport(doc)).not.toThrow();
  });

  it('random documents never throw', () => {
    let seed = 7;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const pieces = ['一、总体情况', '三、收到和处理政府信息公开申请情况', '\t', '0', '12', '—', '（一）予以公开', '3.其他', '总计', '\n', '规章', '| ', ' |', '-3-', '2021年'];
    for (let n = 0; n < 200; n++) {
      let s = '';
      for (let k = 0; k < 200; k++) s += pieces[Math.floor(rnd() * pieces.length)];
      expect(() => parseReport(txt(s))).not.toThrow();
    }
  });
});

function runChecksSafely(p: Parameters<typeof runChecks>[0]): void {
  try {
    runChecks(p);
  } catch {
    // Other families' checks are tested by their owners; only the parser is under test here.
  }
}
