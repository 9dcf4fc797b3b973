/**
 * End to end on the real files: the genuine errors of the seeds (seeds.md) and corpus (INDEX.md) are
 * reported by the NUM/ARI/NAR/CPY/CON/MET checks, and no other error of these families is raised.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { analyzeDocument } from '../../src/pipeline/analyze.ts';
import type { Finding } from '../../src/model.ts';

const MINE = /^(NUM|ARI|NAR|CPY|CON|MET)-/;

async function findings(dir: 'seeds' | 'corpus', name: string): Promise<Finding[]> {
  const bytes = new Uint8Array(readFileSync(new URL(`../fixtures/${dir}/${name}`, import.meta.url)));
  const a = await analyzeDocument(name, bytes);
  expect(a.result.status).toBe('ok');
  const mine = a.result.findings.filter((f) => MINE.test(f.id));
  // A check that crashed would surface as an info finding (safe.ts); none may.
  expect(mine.filter((f) => f.message.includes('内部错误'))).toEqual([]);
  return mine;
}

const ids = (list: Finding[], severity?: string) => [...new Set(list.filter((f) => !severity || f.severity === severity).map((f) => f.id))].sort();

describe('seeds (seeds.md)', () => {
  test('000: CON-03 「居全区第一」, no error', async () => {
    const f = await findings('seeds', '000_6e673f84b28b10ac.txt');
    expect(f.find((x) => x.id === 'CON-03')?.quote).toBe('居全区第一');
    expect(ids(f, 'error')).toEqual([]);
    expect(f.some((x) => x.id.startsWith('NAR'))).toBe(false);
  });
  test('001: MET-02 and CPY-05, no error', async () => {
    const f = await findings('seeds', '001_1289612543b54ddb.txt');
    expect(ids(f)).toEqual(expect.arrayContaining(['CPY-05', 'MET-02']));
    expect(f.find((x) => x.id === 'MET-02')!.message).toContain('定海区');
    expect(ids(f, 'error')).toEqual([]);
  });
  test('002: CPY-01, CPY-03 errors; CPY-02, CON-01 warnings; CON-03; hotline not an application', async () => {
    const f = await findings('seeds', '002_310a36c5978b6ada.txt');
    expect(ids(f, 'error')).toEqual(['CPY-01', 'CPY-03']);
    expect(f.find((x) => x.id === 'CPY-01')!.quote).toBe('珠街街道办事处');
    expect(ids(f, 'warning')).toEqual(expect.arrayContaining(['CPY-02', 'CON-01']));
    expect(ids(f, 'info')).toContain('CON-03');
    expect(f.some((x) => x.id === 'NAR-01' || x.id === 'NAR-02')).toBe(false);
  });
  test('003: MET-02, 「依法申请公开政府信息0件」 agrees, no error', async () => {
    const f = await findings('seeds', '003_8ed56d603b52b932.txt');
    expect(f.find((x) => x.id === 'MET-02')!.message).toContain('川汇区');
    expect(ids(f, 'error')).toEqual([]);
    expect(f.some((x) => x.id.startsWith('NAR'))).toBe(false);
  });
  test('004: MET-02, NAR-05, NAR-06 warnings; NAR-01/03/04 hold; no error', async () => {
    const f = await findings('seeds', '004_fd38466faf71b272.txt');
    expect(ids(f)).toEqual(expect.arrayContaining(['MET-02', 'NAR-05', 'NAR-06']));
    const nar05 = f.filter((x) => x.id === 'NAR-05');
    expect(nar05).toHaveLength(1);
    expect(nar05[0]!.cells).toEqual(expect.arrayContaining(['sec4.review.other', 'sec4.review.pending']));
    expect(f.some((x) => ['NAR-01', 'NAR-03', 'NAR-04'].includes(x.id))).toBe(false);
    expect(ids(f, 'error')).toEqual([]);
  });
});

describe('corpus (INDEX.md)', () => {
  for (const name of ['01-shanghai-govoffice-2019.html', '01-shanghai-govoffice-2019.from-html.docx']) {
    test(`${name}: blank totals, unit in the cell, narrative against the table`, async () => {
      const f = await findings('corpus', name);
      const ari01 = f.filter((x) => x.id === 'ARI-01' && x.severity === 'error');
      expect(ari01.some((x) => x.cells.includes('sec3.granted.total') && x.message.includes('272'))).toBe(true);
      expect(f.some((x) => x.id === 'NUM-02' && x.message.includes('251000元'))).toBe(true);
      const nar03 = f.filter((x) => x.id === 'NAR-03').map((x) => x.quote);
      expect(nar03).toEqual(expect.arrayContaining(['予以公开及部分公开258件', '因本机关不掌握等原因无法提供265件']));
      expect(f.some((x) => x.id === 'NAR-05' && x.quote === '均获维持')).toBe(true);
      expect(f.some((x) => x.id === 'NAR-01' || x.id === 'NAR-04')).toBe(false);
    });
  }
  test('03: table 四 totals 0 while 维持 10/纠正 1 and 维持 5', async () => {
    const f = await findings('corpus', '03-huaian-hongze-2023.pdf');
    const ari04 = f.filter((x) => x.id === 'ARI-04' && x.severity === 'error').map((x) => x.cells.at(-1));
    expect(ari04).toEqual(['sec4.review.total', 'sec4.litAfterReview.total']);
    expect(ids(f, 'error')).toEqual(['ARI-04']);
  });
  test('04: consistent tables; the prose 受理17件 disagrees with 本年新收 95', async () => {
    const f = await findings('corpus', '04-huaian-hongze-2024.pdf');
    expect(f.some((x) => x.id.startsWith('ARI') && x.severity === 'error')).toBe(false);
    expect(f.filter((x) => x.id === 'NAR-01').map((x) => x.message)).toEqual([expect.stringContaining('95')]);
  });
  test('06: the blank 结转下年度 总计 breaks 一+二 = 三+四', async () => {
    const f = await findings('corpus', '06-shanghai-stcsm-2024.md');
    expect(f.some((x) => x.id === 'ARI-03' && x.cells.includes('sec3.carryForward.total'))).toBe(true);
    expect(f.some((x) => x.id.startsWith('NAR') && x.severity === 'error')).toBe(false);
  });
  for (const name of ['02-huaian-city-2024.pdf', '05-shanghai-govoffice-2025.md', '08-shuyang-county-2025.txt', '07-shuyang-drc-2023.html', '07-shuyang-drc-2023.from-html.docx']) {
    test(`${name}: consistent report, no error of these checks`, async () => {
      const f = await findings('corpus', name);
      expect(f.filter((x) => x.severity === 'error').map((x) => x.message)).toEqual([]);
    });
  }
});
