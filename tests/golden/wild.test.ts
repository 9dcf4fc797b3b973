/**
 * Wild truth runner: real reports found after the parser was written (tests/fixtures/wild, see its README).
 * Each goes through the whole pipeline (analyzeDocument); the meta fields and every cell its hand-checked
 * truth file lists must come out as printed. A truth file with no cells belongs to a text whose tables were
 * flattened into runs of digits (「规章000行政规范性文件6233440」): no reader can tell the cells apart, so the
 * tool must read no number from them and must say that the tables could not be read. A truth file with a
 * `status` belongs to a report the tool must refuse (pre-2019 free-form).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeDocument } from '../../src/pipeline/analyze.ts';

const WILD = 'tests/fixtures/wild';

interface Truth {
  /** Set for a report the tool must refuse (a pre-2019 free-form report): the status it must give. */
  status?: string;
  meta: { agency?: string; year?: number; template?: string | null };
  cells: Record<string, number | null>;
}

const files = readdirSync(WILD).filter((f) => /\.(html|md|txt|docx|pdf)$/.test(f) && f !== 'README.md').sort();

describe('wild truth', () => {
  it('has every wild report in the runner', () => {
    expect(files.length).toBeGreaterThanOrEqual(3);
  });

  for (const file of files) {
    const truth = JSON.parse(readFileSync(`${WILD}/truth/${file.replace(/\.[^.]+$/, '')}.json`, 'utf8')) as Truth;
    it(`${file}: meta and every hand-checked cell`, async () => {
      const { result } = await analyzeDocument(file, new Uint8Array(readFileSync(`${WILD}/${file}`)));
      if (truth.status) {
        // Out of scope: said so in Chinese, naming the year, and nothing read.
        expect(result.status).toBe(truth.status);
        expect(result.error).toMatch(/2018年度/);
        expect(Object.keys(result.cells)).toEqual([]);
        return;
      }
      const meta = result.meta as unknown as Record<string, unknown> | null;
      const wantMeta = truth.meta as Record<string, unknown>;
      expect(Object.fromEntries(Object.keys(wantMeta).map((k) => [k, meta?.[k]]))).toEqual(wantMeta);
      const cells = result.cells as Record<string, number | null>;
      const n = Object.keys(truth.cells).length;
      if (n > 0) {
        const wrong = Object.entries(truth.cells)
          .filter(([k, v]) => cells[k] !== v)
          .map(([k, v]) => `${k}: truth ${v}, got ${cells[k]}`);
        expect(wrong).toEqual([]);
      } else {
        expect(Object.entries(cells).filter(([, v]) => v !== null)).toEqual([]);
        expect(result.findings.filter((f) => f.severity === 'error' && f.id === 'STR-05').length).toBe(3);
      }
    });
  }
});
