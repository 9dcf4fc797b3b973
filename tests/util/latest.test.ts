/** The per-report caches: kept for the latest key only, bounded, and emptied when a report is done. */
import { describe, expect, it } from 'vitest';
import { forgetReportCaches, Latest, Recent } from '../../src/util/latest.ts';
import { parseReport } from '../../src/parse/index.ts';
import { runChecks } from '../../src/checks/index.ts';
import { proseOf } from '../../src/checks/text-cache.ts';
import { readText } from '../../src/read/text.ts';
import { readFileSync } from 'node:fs';
import type { ParsedReport } from '../../src/model.ts';

describe('Latest', () => {
  it('answers for the latest key only, and nothing once forgotten', () => {
    const c = new Latest<object, number>();
    const a = {};
    const b = {};
    c.set(a, 1);
    expect(c.get(a)).toBe(1);
    c.set(b, 2);
    expect(c.get(a)).toBeUndefined();
    expect(c.get(b)).toBe(2);
    forgetReportCaches();
    expect(c.get(b)).toBeUndefined();
  });
});

describe('Recent', () => {
  it('keeps several keys but never more than its limit', () => {
    const c = new Recent<object, number>(3);
    const keys = [{}, {}, {}, {}];
    keys.slice(0, 3).forEach((k, i) => c.set(k, i));
    expect(keys.slice(0, 3).map((k) => c.get(k))).toEqual([0, 1, 2]);
    c.set(keys[3]!, 3); // full: emptied first
    expect(c.get(keys[0]!)).toBeUndefined();
    expect(c.get(keys[3]!)).toBe(3);
  });
});

describe('report caches in the checks', () => {
  it('give the same findings whatever order reports are checked in, and let a report go when done', () => {
    const read = (f: string) => parseReport(readText(readFileSync(`tests/fixtures/seeds/${f}`, 'utf8'), 'txt')) as ParsedReport;
    const a = read('002_310a36c5978b6ada.txt');
    const b = read('004_fd38466faf71b272.txt');
    const alone = [runChecks(a), runChecks(b)].map((f) => JSON.stringify(f));
    // Interleaved: a's prose is built, then b is checked in between, then a again.
    const prose = proseOf(a);
    expect(JSON.stringify(runChecks(b))).toBe(alone[1]);
    expect(proseOf(a)).not.toBe(prose); // forgotten after b's checks, built again
    expect(proseOf(a)).toEqual(prose);
    expect(JSON.stringify(runChecks(a))).toBe(alone[0]);
  });
});
