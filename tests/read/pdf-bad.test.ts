// Broken and unreadable PDFs (made from the corpus, see tests/fixtures/pdf-bad/README.md): each must come back as
// 'unreadable' with a Chinese reason naming the file, quickly, without throwing.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MAX_PAGES, readPdf } from '../../src/read/pdf.ts';
import { pdfFromObjects } from './helpers.ts';

const DIR = 'tests/fixtures/pdf-bad';

async function timedRead(bytes: Uint8Array, name: string) {
  const t = Date.now();
  const doc = await readPdf(bytes, name);
  return { doc, ms: Date.now() - t };
}

const CASES: { file: string; reason: RegExp }[] = [
  { file: 'encrypted-07-p13.pdf', reason: /已加密/ },
  { file: 'scan-02-p1.pdf', reason: /扫描件，无文字层，无法读取/ },
  { file: 'truncated-07-p13.pdf', reason: /已损坏或不完整/ },
  { file: 'corrupt-07-p13.pdf', reason: /已损坏/ },
  { file: 'blank-page.pdf', reason: /没有任何文字/ },
  { file: 'no-pages.pdf', reason: /没有任何页面/ },
];

describe('unreadable PDFs', () => {
  it.each(CASES)('$file → unreadable: $reason', async ({ file, reason }) => {
    const bytes = new Uint8Array(readFileSync(`${DIR}/${file}`));
    const { doc, ms } = await timedRead(bytes, file);
    expect('unreadable' in doc && doc.reason).toMatch(reason);
    expect('unreadable' in doc && doc.reason).toContain(`「${file}」`);
    expect(ms).toBeLessThan(5000);
  });

  it('a blank page is not called a scan, and a scan is not called blank', async () => {
    const blank = await readPdf(new Uint8Array(readFileSync(`${DIR}/blank-page.pdf`)), 'blank-page.pdf');
    const scan = await readPdf(new Uint8Array(readFileSync(`${DIR}/scan-02-p1.pdf`)), 'scan-02-p1.pdf');
    expect('unreadable' in blank && blank.reason).not.toMatch(/扫描件/);
    expect('unreadable' in scan && scan.reason).not.toMatch(/空白/);
  });

  it('an empty file (0 bytes) is unreadable', async () => {
    const doc = await readPdf(new Uint8Array(0), '空.pdf');
    expect(doc).toEqual({ unreadable: true, reason: expect.stringMatching(/「空\.pdf」是空文件/) });
  });

  it('a file that is not a PDF at all is unreadable', async () => {
    const bytes = new TextEncoder().encode('<html><body>政府信息公开工作年度报告</body></html>');
    const doc = await readPdf(bytes, 'report.pdf');
    expect('unreadable' in doc && doc.reason).toMatch(/「report\.pdf」不是有效的 PDF/);
  });

  it('a corpus PDF cut short in its cross-reference data is unreadable, not a throw', async () => {
    const whole = new Uint8Array(readFileSync('tests/fixtures/corpus/04-huaian-hongze-2024.pdf'));
    const { doc, ms } = await timedRead(whole.subarray(0, whole.length - 300), '04-cut.pdf');
    expect('unreadable' in doc && doc.reason).toMatch(/「04-cut\.pdf」已损坏或不完整/);
    expect(ms).toBeLessThan(5000);
  });

  it('leaves the caller\'s bytes intact (pdf.js detaches the buffer it is given)', async () => {
    const bytes = new Uint8Array(readFileSync('tests/fixtures/corpus/04-huaian-hongze-2024.pdf'));
    const before = bytes.length;
    const doc = await readPdf(bytes, '04.pdf');
    expect('unreadable' in doc).toBe(false);
    expect(bytes.length).toBe(before);
    expect(bytes[0]).toBe(0x25);
  });
});

/** A valid PDF of `pages` pages, each printing "Report page n" in Helvetica (a standard font: no font file). */
function manyPagePdf(pages: number): Uint8Array {
  const objs: string[] = ['<< /Type /Catalog /Pages 2 0 R >>', '', '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>'];
  const kids: string[] = [];
  for (let n = 1; n <= pages; n++) {
    const content = `BT /F1 12 Tf 72 720 Td (Report page ${n}) Tj ET`;
    objs.push(`<< /Length ${content.length} >>\nstream\n${content}\nendstream`);
    objs.push(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents ${objs.length} 0 R >>`);
    kids.push(`${objs.length} 0 R`);
  }
  objs[1] = `<< /Type /Pages /Kids [${kids.join(' ')}] /Count ${pages} >>`;
  return pdfFromObjects(objs);
}

describe('long PDFs', () => {
  it(`reads at most ${MAX_PAGES} pages and says so in a note`, async () => {
    const doc = await readPdf(manyPagePdf(MAX_PAGES + 5), 'long.pdf');
    if ('unreadable' in doc) throw new Error(doc.reason);
    expect(doc.pageCount).toBe(MAX_PAGES + 5);
    expect(doc.lines.map((l) => l.cells[0].text)).toEqual(Array.from({ length: MAX_PAGES }, (_, i) => `Report page ${i + 1}`));
    expect(doc.notes).toEqual([`文件共 ${MAX_PAGES + 5} 页，只读取了前 ${MAX_PAGES} 页。`]);
  }, 30_000);
});
