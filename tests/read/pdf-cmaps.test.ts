// The CMap path: a PDF whose Chinese font is not embedded (STSong-Light + UniGB-UCS2-H, as older government
// tools write them) gives text only when pdf.js gets the GB CMaps from our loader. None of the corpus PDFs
// needs CMaps (their fonts are embedded), so this PDF is built here, byte by byte.
import { afterEach, describe, expect, it } from 'vitest';
import { readPdf } from '../../src/read/pdf.ts';
import { cMapLoaderFromUrls, getCMapLoader, setCMapLoader } from '../../src/read/pdf-cmaps.ts';
import { pdfFromObjects } from './helpers.ts';

/** One page printing `text` in non-embedded STSong-Light, UCS-2 codes through the UniGB-UCS2-H CMap. */
function stSongPdf(text: string): Uint8Array {
  const hex = [...text].map((ch) => ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')).join('');
  const content = `BT /F1 16 Tf 72 700 Td <${hex}> Tj ET`;
  const objs = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [6 0 R] >>',
    '<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> /FontDescriptor 7 0 R /DW 1000 >>',
    '<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>',
  ];
  return pdfFromObjects(objs);
}

describe('CMaps for non-embedded Chinese fonts', () => {
  const nodeDefault = getCMapLoader();
  afterEach(() => setCMapLoader(null));

  it('reads the text with the GB CMaps served by the loader (Node default: node_modules)', async () => {
    const asked: string[] = [];
    setCMapLoader(async (name) => {
      asked.push(name);
      return nodeDefault(name);
    });
    const doc = await readPdf(stSongPdf('政府信息公开工作年度报告'), 'stsong.pdf');
    if ('unreadable' in doc) throw new Error(doc.reason);
    expect(doc.lines.map((l) => l.cells.map((c) => c.text).join(''))).toEqual(['政府信息公开工作年度报告']);
    expect(asked).toContain('UniGB-UCS2-H');
    expect(asked.every((n) => /^(UniGB|GB|Adobe-GB1)/.test(n))).toBe(true);
  });

  it('without CMaps the same file has no text, and says so instead of throwing', async () => {
    setCMapLoader(async () => {
      throw new Error('no CMaps bundled');
    });
    const doc = await readPdf(stSongPdf('政府信息公开工作年度报告'), 'stsong.pdf');
    expect('unreadable' in doc && doc.reason).toMatch(/「stsong\.pdf」有文字，但文字的编码无法解析/);
  });

  it('serves bundled asset URLs by CMap name (the browser setup), refusing names it does not have', async () => {
    const urls: Record<string, string> = {};
    for (const name of ['UniGB-UCS2-H', 'Adobe-GB1-UCS2']) {
      const bytes = await nodeDefault(name);
      urls[`/node_modules/pdfjs-dist/cmaps/${name}.bcmap`] = `data:application/octet-stream;base64,${Buffer.from(bytes).toString('base64')}`;
    }
    const loader = cMapLoaderFromUrls(urls);
    expect((await loader('UniGB-UCS2-H')).length).toBe((await nodeDefault('UniGB-UCS2-H')).length);
    await expect(loader('UniJIS-UCS2-H')).rejects.toThrow();
    setCMapLoader(loader);
    const doc = await readPdf(stSongPdf('年度报告'), 'stsong.pdf');
    if ('unreadable' in doc) throw new Error(doc.reason);
    expect(doc.lines[0].cells[0].text).toBe('年度报告');
  });
});
