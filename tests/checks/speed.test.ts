/**
 * Guards against slow patterns: the text checks must stay linear on long and adversarial input.
 * Bounds are loose on purpose (shared CI machines); they catch catastrophic backtracking, not drift.
 */
import { describe, expect, test } from 'vitest';
import { valuesChecks } from '../../src/checks/values.ts';
import { arithmeticChecks } from '../../src/checks/arithmetic.ts';
import { narrativeChecks } from '../../src/checks/narrative.ts';
import { copyChecks } from '../../src/checks/copy.ts';
import { contentChecks } from '../../src/checks/content.ts';
import type { ParsedReport } from '../../src/model.ts';
import { buildReport, fromSeedText, readSeed } from './build.ts';

const MINE = [...valuesChecks, ...arithmeticChecks, ...narrativeChecks, ...copyChecks, ...contentChecks];
const run = (r: ParsedReport) => MINE.flatMap((c) => c(r));
/** A fresh copy, so the per-report caches do not hide the cost. */
const fresh = (r: ParsedReport): ParsedReport => ({ ...r, sections: r.sections.map((s) => ({ ...s })) });

describe('speed', () => {
  test('seed 002 (the longest seed) takes well under 5 ms per run', () => {
    const r = fromSeedText(readSeed('002_310a36c5978b6ada.txt'), { template: '2019', year: 2020 });
    for (let i = 0; i < 20; i++) run(fresh(r)); // warm up
    const t0 = performance.now();
    const n = 200;
    for (let i = 0; i < n; i++) run(fresh(r));
    expect((performance.now() - t0) / n).toBeLessThan(5);
  });

  test('adversarial text: long runs that could make patterns backtrack finish quickly', () => {
    const nasty = [
      '一'.repeat(50_000),
      '没有收到'.repeat(5_000) + '申',
      '（'.repeat(20_000) + '1件',
      '行政复议'.repeat(5_000) + '维持',
      '街道'.repeat(20_000) + '街道办事处',
      '自评'.repeat(20_000),
      '2021年1月1日至'.repeat(5_000),
      '规章'.repeat(20_000) + '1件',
      '，'.repeat(50_000) + '收到政府信息公开申请1件',
    ];
    const lines = nasty.flatMap((l) => [l, l]);
    const r = buildReport({ lines, title: '一'.repeat(10_000), agency: '某某街道办事处', sections: [{ no: 1, heading: null, startLine: 0, endLine: 9, text: nasty.join('\n') }, { no: 5, heading: null, startLine: 9, endLine: 18, text: nasty.join('\n') }] });
    const t0 = performance.now();
    const findings = run(r);
    expect(performance.now() - t0).toBeLessThan(3000);
    expect(Array.isArray(findings)).toBe(true);
  });
});
