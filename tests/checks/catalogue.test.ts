import { describe, expect, test } from 'vitest';
import { CHECK_CATALOGUE, checkInfo } from '../../src/spec/checks.ts';
import { CHECKS } from '../../src/checks/index.ts';
import { fromSeedText, readSeed } from './build.ts';

describe('check catalogue', () => {
  test('ids are unique, families known, titles Chinese', () => {
    const ids = CHECK_CATALOGUE.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(CHECK_CATALOGUE.map((c) => c.family))).toEqual(new Set(['STR', 'TPL', 'LBL', 'NUM', 'ARI', 'XY', 'NAR', 'CPY', 'CON', 'MET']));
    for (const c of CHECK_CATALOGUE) expect(c.title).toMatch(/[\u4e00-\u9fff]/);
  });
  test('severities as checks.md', () => {
    expect(checkInfo('ARI-01')?.severity).toBe('error');
    expect(checkInfo('NAR-05')?.severity).toBe('warning');
    expect(checkInfo('CPY-05')?.severity).toBe('info');
    expect(checkInfo('XY-03')?.severity).toBe('warning');
    expect(checkInfo('NOPE-01')).toBeUndefined();
  });
  test('every finding the checks produce on the seeds has a catalogue entry', () => {
    for (const f of ['000_6e673f84b28b10ac.txt', '001_1289612543b54ddb.txt', '002_310a36c5978b6ada.txt', '003_8ed56d603b52b932.txt', '004_fd38466faf71b272.txt']) {
      const report = fromSeedText(readSeed(f), { cells: { 'sec3.granted.total': null } });
      for (const finding of CHECKS.flatMap((c) => c(report))) expect(checkInfo(finding.id), finding.id).toBeDefined();
    }
  });
});
