/**
 * Golden runner over the five seed reports: each `seeds/<name>.expected.json` holds the hand-checked meta,
 * every cell, and the findings seeds.md lists (id, severity, cells it must name, optional quote).
 * Adding a case means adding a seed under tests/fixtures/seeds and its expectation here.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/model.ts';
import { analyzeDocument } from '../../src/pipeline/analyze.ts';

interface ExpectedFinding {
  id: string;
  severity: Finding['severity'];
  cells: string[];
  quote?: string;
}
interface Expected {
  meta: { agency: string; year: number; template: string; title: string };
  cells: Record<string, number | null>;
  findings: ExpectedFinding[];
}

const GOLDEN = 'tests/golden/seeds';
const SEEDS = 'tests/fixtures/seeds';
const OWN_FAMILIES = /^(STR|TPL|LBL)-/;

/** Pairs each expected finding with a distinct actual one (same id and severity, naming the cells, same quote). */
function unmatched(expected: ExpectedFinding[], actual: Finding[]): ExpectedFinding[] {
  const used = new Set<number>();
  return expected.filter((e) => {
    const i = actual.findIndex(
      (a, k) =>
        !used.has(k) &&
        a.id === e.id &&
        a.severity === e.severity &&
        e.cells.every((c) => a.cells.includes(c)) &&
        (e.quote === undefined || a.quote === e.quote),
    );
    if (i < 0) return true;
    used.add(i);
    return false;
  });
}

for (const file of readdirSync(GOLDEN).filter((f) => f.endsWith('.expected.json')).sort()) {
  const name = file.replace(/\.expected\.json$/, '');
  const expected = JSON.parse(readFileSync(`${GOLDEN}/${file}`, 'utf8')) as Expected;
  describe(`seed ${name}`, async () => {
    const analysis = await analyzeDocument(`${name}.txt`, new Uint8Array(readFileSync(`${SEEDS}/${name}.txt`)));
    const result = analysis.result;

    it('is read as a report', () => {
      expect(result.status).toBe('ok');
    });

    it('meta', () => {
      expect(result.meta).toEqual(expected.meta);
    });

    it('every cell', () => {
      const wrong = Object.keys({ ...expected.cells, ...result.cells }).filter((k) => result.cells[k] !== expected.cells[k]);
      expect(wrong.map((k) => `${k}: expected ${expected.cells[k]}, got ${result.cells[k]}`)).toEqual([]);
    });

    it('structure, template and label findings of seeds.md', () => {
      expect(unmatched(expected.findings.filter((f) => OWN_FAMILIES.test(f.id)), result.findings)).toEqual([]);
    });

    it('no unlisted structure, template or label finding', () => {
      const own = result.findings.filter((f) => OWN_FAMILIES.test(f.id) && f.severity !== 'info');
      const listed = expected.findings.filter((f) => OWN_FAMILIES.test(f.id));
      const extra = own.filter((f) => !listed.some((e) => e.id === f.id && e.severity === f.severity));
      expect(extra.map((f) => `${f.id} ${f.message}`)).toEqual([]);
    });

    it('findings of the other families listed in seeds.md', () => {
      expect(unmatched(expected.findings.filter((f) => !OWN_FAMILIES.test(f.id)), result.findings)).toEqual([]);
    });

    it('no error-severity finding that seeds.md does not list', () => {
      const listed = new Set(expected.findings.filter((f) => f.severity === 'error').map((f) => f.id));
      const extra = result.findings.filter((f) => f.severity === 'error' && !listed.has(f.id));
      expect(extra.map((f) => `${f.id} ${f.message}`)).toEqual([]);
    });
  });
}
