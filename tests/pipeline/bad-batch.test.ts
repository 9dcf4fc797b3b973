/**
 * A batch mixing every bad fixture (corrupt, truncated, encrypted, scanned, empty, 0-byte of each type)
 * with good reports: each bad file ends as one clear Chinese 'unreadable' (or 'not-a-report') result naming
 * the file, in under 5 s, and the good reports come out exactly as when they are read alone.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeFile } from '../../src/pipeline/analyze.ts';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');
const bad = ['bad', 'pdf-bad'].flatMap((dir) =>
  readdirSync(join(FIXTURES, dir))
    .filter((f) => f !== 'README.md')
    .map((f) => ({ name: f, bytes: new Uint8Array(readFileSync(join(FIXTURES, dir, f))) })),
);
const good = ['seeds/002_310a36c5978b6ada.txt', 'corpus/03-huaian-hongze-2023.pdf', 'corpus/07-shuyang-drc-2023.from-html.docx'].map(
  (p) => ({ name: p.split('/')[1], bytes: new Uint8Array(readFileSync(join(FIXTURES, p))) }),
);

describe('a batch with bad files', () => {
  it('reports each bad file clearly and leaves the good ones unaffected', async () => {
    const alone = await Promise.all(good.map(async (g) => JSON.stringify((await analyzeFile(g.name, g.bytes.slice()))[0].analysis.result)));
    const batch = [...bad.slice(0, 8), good[0], ...bad.slice(8, 16), good[1], ...bad.slice(16), good[2]];
    const seen: string[] = [];
    for (const input of batch) {
      const t0 = performance.now();
      const results = await analyzeFile(input.name, input.bytes.slice());
      expect(performance.now() - t0, input.name).toBeLessThan(5000);
      for (const { analysis } of results) {
        const r = analysis.result;
        if (good.includes(input)) {
          seen.push(JSON.stringify(r));
          continue;
        }
        if (/^truncated\.(txt|html)$/.test(input.name)) {
          // Cut text still reads: what is there is checked, and what is missing is an error, not a crash.
          expect(r.status, input.name).toBe('ok');
          expect(r.findings.some((f) => f.severity === 'error'), input.name).toBe(true);
          continue;
        }
        // A blank but valid document reads fine and is simply not a report; everything else is unreadable.
        expect(['unreadable', 'not-a-report'], input.name).toContain(r.status);
        expect(r.error, input.name).toMatch(/[\u4e00-\u9fff]/);
        if (r.status === 'unreadable') expect(r.error, input.name).toContain(input.name);
        expect(r.cells).toEqual({});
      }
    }
    expect(seen).toEqual(alone);
    expect(bad.length).toBeGreaterThanOrEqual(20);
  });
});
