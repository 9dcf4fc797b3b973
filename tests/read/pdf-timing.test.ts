// Our reading overhead over raw pdf.js extraction on the corpus PDFs (target ≤ 1.3×; asserted loosely so a busy
// machine does not fail it, the measured numbers are printed for the benchmark).
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { timePdf } from '../../src/read/pdf-timing.ts';

const FILES = ['02-huaian-city-2024.pdf', '03-huaian-hongze-2023.pdf', '04-huaian-hongze-2024.pdf', '07-shuyang-drc-2023.from-html.pdf'];

it('readPdf costs little more than raw text extraction', async () => {
  let raw = 0;
  let read = 0;
  for (const f of FILES) {
    const t = await timePdf(new Uint8Array(readFileSync(`tests/fixtures/corpus/${f}`)), f, 3);
    console.log(`${f}: raw ${t.rawMs.toFixed(0)} ms, readPdf ${t.readMs.toFixed(0)} ms, ×${t.ratio.toFixed(2)}`);
    raw += t.rawMs;
    read += t.readMs;
  }
  console.log(`all: ×${(read / raw).toFixed(2)}`);
  expect(read / raw).toBeLessThan(1.6);
}, 60_000);
