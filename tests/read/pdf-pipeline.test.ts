// End to end on the corpus PDFs: reader + parser (analyzeDocument) against the hand-checked truth cells.
// Every cell the PDF prints must come out right. 07's converted PDF loses the last three table-四 columns off
// the right edge of its page (LibreOffice conversion), so those three cells are not printed and not asserted.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeDocument } from '../../src/pipeline/analyze.ts';

const CORPUS = 'tests/fixtures/corpus';

const FILES = [
  { pdf: '02-huaian-city-2024.pdf', truth: '02-huaian-city-2024.json', notPrinted: [] as string[] },
  { pdf: '03-huaian-hongze-2023.pdf', truth: '03-huaian-hongze-2023.json', notPrinted: [] },
  { pdf: '04-huaian-hongze-2024.pdf', truth: '04-huaian-hongze-2024.json', notPrinted: [] },
  {
    pdf: '07-shuyang-drc-2023.from-html.pdf',
    truth: '07-shuyang-drc-2023.json',
    notPrinted: ['sec4.litAfterReview.other', 'sec4.litAfterReview.pending', 'sec4.litAfterReview.total'],
  },
];

describe.each(FILES)('analyzeDocument on $pdf', ({ pdf, truth, notPrinted }) => {
  it('gets every printed table cell right', async () => {
    const want = (JSON.parse(readFileSync(`${CORPUS}/truth/${truth}`, 'utf8')) as { cells: Record<string, number | null> }).cells;
    const { result } = await analyzeDocument(pdf, new Uint8Array(readFileSync(`${CORPUS}/${pdf}`)));
    expect(result.status).toBe('ok');
    const keys = Object.keys(want).filter((k) => !notPrinted.includes(k));
    const wrong = keys.filter((k) => result.cells[k] !== want[k]).map((k) => `${k}: ${result.cells[k]} ≠ ${want[k]}`);
    console.log(`${pdf}: ${Object.keys(want).length - wrong.length - notPrinted.length}/${Object.keys(want).length} cells right`);
    expect(wrong).toEqual([]);
  });
});
