import { describe, expect, it } from 'vitest';
import { unzipSync, zipSync } from 'fflate';
import type { SourceDoc } from '../../src/model.ts';
import { MAX_TEXT_BYTES, type Unreadable, detectType, readDocument } from '../../src/read/index.ts';
import { readHtml } from '../../src/read/html.ts';
import { readText } from '../../src/read/text.ts';
import { fixture, makeZip, ok, readFixture } from './helpers.ts';

/** Reads and times one file; asserts it neither throws nor takes 5 s. */
async function read(name: string, bytes: Uint8Array): Promise<SourceDoc | Unreadable> {
  const started = Date.now();
  const doc = await readDocument(name, bytes);
  expect(Date.now() - started, name).toBeLessThan(5000);
  return doc;
}

function reasonOf(doc: SourceDoc | Unreadable): string {
  return 'unreadable' in doc ? doc.reason : `(read: ${doc.lines.length} lines)`;
}

const texts = (doc: SourceDoc): string[] => doc.lines.map((l) => l.cells.map((c) => c.text).join('\t'));

describe('bad input of every type: corrupt, truncated, blank, 0 bytes', () => {
  const unreadableCases: [string, RegExp][] = [
    ['empty.txt', /「empty\.txt」是空文件（0 字节）/],
    ['empty.html', /「empty\.html」是空文件/],
    ['empty.docx', /「empty\.docx」是空文件/],
    ['empty.zip', /「empty\.zip」是空文件/],
    ['blank.txt', /「blank\.txt」没有任何文字内容/],
    ['blank.html', /「blank\.html」没有任何文字内容/],
    ['blank.docx', /「blank\.docx」没有任何文字内容/],
    ['corrupt.txt', /「corrupt\.txt」不是文本文件/],
    ['corrupt.html', /「corrupt\.html」不是文本文件/],
    ['corrupt.docx', /「corrupt\.docx」已损坏/],
    ['truncated.docx', /「truncated\.docx」不完整/],
    ['corrupt.zip', /「corrupt\.zip」.*ZIP 压缩包|「corrupt\.zip」已损坏/],
  ];
  for (const [name, reason] of unreadableCases) {
    it(`${name} → unreadable: ${reason.source}`, async () => {
      expect(reasonOf(await read(name, fixture(`bad/${name}`)))).toMatch(reason);
    });
  }

  it('truncated.txt (08 cut inside a character) still reads as UTF-8, not as GB18030 mojibake', async () => {
    const doc = ok(await read('truncated.txt', fixture('bad/truncated.txt')));
    const full = readText(new TextDecoder().decode(fixture('corpus/08-shuyang-county-2025.txt')), 'txt');
    const got = texts(doc);
    expect(got.slice(0, -1)).toEqual(texts(full).slice(0, got.length - 1));
    expect(got.join('\n')).toContain('沐阳县人民政府');
  });

  it('truncated.html (01 cut in half, inside a character) reads the part that is there', async () => {
    const doc = ok(await read('truncated.html', fixture('bad/truncated.html')));
    const full = texts(readHtml(fixture('corpus/01-shanghai-govoffice-2019.html')));
    const got = texts(doc);
    expect(got.length).toBeGreaterThan(10);
    expect(got.slice(0, -1)).toEqual(full.slice(0, got.length - 1));
  });

  it('a zip given to readDocument says it must be expanded; detectType says zip', async () => {
    const zip = fixture('bad/truncated.zip');
    expect(reasonOf(await read('truncated.zip', zip))).toMatch(/「truncated\.zip」/);
    const good = zipSync({ 'a.txt': new TextEncoder().encode('一、总体情况') });
    expect(detectType('a.zip', good)).toBe('zip');
    expect(detectType('a.txt', good)).toBe('zip');
    expect(detectType('07.docx', fixture('corpus/07-shuyang-drc-2023.from-html.docx'))).toBe('docx');
    expect(detectType('07.zip', fixture('corpus/07-shuyang-drc-2023.from-html.docx'))).toBe('docx');
    expect(detectType('03.txt', fixture('corpus/03-huaian-hongze-2023.pdf'))).toBe('pdf');
    expect(detectType('08.txt', fixture('corpus/08-shuyang-county-2025.txt'))).toBe('txt');
    expect(reasonOf(await read('a.zip', good))).toMatch(/ZIP 压缩包，需解压/);
  });
});

describe('content wins over the extension', () => {
  it('a PDF named .txt is read as PDF, with a note', async () => {
    const doc = ok(await read('report.txt', fixture('corpus/03-huaian-hongze-2023.pdf')));
    expect(doc.fileType).toBe('pdf');
    expect(doc.notes?.join('')).toMatch(/扩展名为 \.txt.*PDF/);
  });

  it('a .docx named .doc or without extension is read as Word; HTML named .doc or .txt as HTML', async () => {
    const docx = fixture('corpus/07-shuyang-drc-2023.from-html.docx');
    const asDoc = ok(await read('report.doc', docx));
    expect(asDoc.fileType).toBe('docx');
    expect(asDoc.notes?.join('')).toMatch(/\.doc.*Word/);
    expect(ok(await read('report', docx)).fileType).toBe('docx');
    const html = fixture('corpus/01-shanghai-govoffice-2019.html');
    const htmlAsDoc = ok(await read('report.doc', html));
    expect(htmlAsDoc.fileType).toBe('html');
    expect(htmlAsDoc.notes?.join('')).toMatch(/网页/);
    expect(texts(htmlAsDoc)).toEqual(texts(readHtml(html)));
    expect(ok(await read('report.txt', fixture('corpus/07-shuyang-drc-2023.html'))).fileType).toBe('html');
    // 01 starts with a comment and bare <p> markup: as .txt it stays text; markdown with some HTML stays markdown.
    expect(ok(await read('report.txt', html)).fileType).toBe('txt');
    expect(ok(await read('readme.md', new TextEncoder().encode('<div align="center">年报</div>\n\n# 一、总体情况'))).fileType).toBe('md');
  });

  it('a single-file web page (.mht, GBK, quoted-printable) reads like the page itself, under .mht or .doc', async () => {
    const mht = readFixture('07-shuyang-drc-2023.mht');
    const page = texts(readHtml(fixture('corpus/07-shuyang-drc-2023.html')));
    const doc = ok(await read('07.mht', mht));
    expect(doc.fileType).toBe('html');
    expect(texts(doc)).toEqual(page);
    expect(texts(ok(await read('07.doc', mht)))).toEqual(page);
    // A base64 part (as some savers write it), built here from 01.
    const html = fixture('corpus/01-shanghai-govoffice-2019.html');
    const b64 = Buffer.from(html).toString('base64').replace(/.{76}/g, '$&\r\n');
    const built = new TextEncoder().encode(
      'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="b1"\r\n\r\n--b1\r\n' +
        `Content-Type: text/html; charset="utf-8"\r\nContent-Transfer-Encoding: base64\r\n\r\n${b64}\r\n--b1--\r\n`,
    );
    expect(texts(ok(await read('01.mhtml', built)))).toEqual(texts(readHtml(html)));
  });

  it('old binary Word (.doc made by LibreOffice from 01) is refused with advice; as .wps it names WPS', async () => {
    const doc = readFixture('01-shanghai-govoffice-2019.from-html.doc');
    expect(reasonOf(await read('x.doc', doc))).toBe('文件「x.doc」是旧版 Word 二进制格式（.doc），无法直接读取，请另存为 .docx 或 PDF 后再导入。');
    expect(reasonOf(await read('x.wps', doc))).toMatch(/「x\.wps」是 WPS 文字的旧格式（\.wps）.*另存为 \.docx 或 PDF/);
    expect(reasonOf(await read('x.docx', doc))).toMatch(/「x\.docx」是旧版 Word 二进制格式/);
  });

  it('an encrypted Office file (OLE container holding EncryptedPackage) is refused as encrypted', async () => {
    // Synthetic: the OLE signature and a directory entry name, as a password-protected .docx stores them.
    const bytes = new Uint8Array(1536);
    bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    [...'EncryptedPackage'].forEach((c, i) => bytes.set([c.charCodeAt(0), 0], 1024 + 2 * i));
    expect(reasonOf(await read('secret.docx', bytes))).toMatch(/「secret\.docx」已加密/);
  });

  it('unsupported types name the extension; images, RTF and Excel say what they are', async () => {
    expect(reasonOf(await read('table.xyz', new TextEncoder().encode('一、总体情况')))).toMatch(/不支持的文件类型.*\.xyz/);
    expect(reasonOf(await read('scan.png', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 13, 10, 26, 10, 0, 0, 0, 13])))).toMatch(/「scan\.png」是图片/);
    expect(reasonOf(await read('r.rtf', new TextEncoder().encode('{\\rtf1\\ansi 年报}')))).toMatch(/RTF/);
    const xlsx = zipSync({ '[Content_Types].xml': new Uint8Array([60]), 'xl/workbook.xml': new Uint8Array([60]) });
    expect(reasonOf(await read('t.xlsx', xlsx))).toMatch(/Excel/);
    expect(reasonOf(await read('t.xls', readFixture('01-shanghai-govoffice-2019.from-html.doc')))).toMatch(/Excel/);
  });

  it('a huge text file is refused at once instead of freezing', async () => {
    const big = new Uint8Array(MAX_TEXT_BYTES + 1).fill(0x61);
    expect(reasonOf(await read('huge.txt', big))).toMatch(/「huge\.txt」.*超过.*20 MB/);
  });
});

describe('readDocument never throws', () => {
  it('survives random bytes and random cuts of real files under every name (300 cases)', async () => {
    let seed = 42;
    const rand = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const sources = [
      fixture('corpus/01-shanghai-govoffice-2019.html'),
      fixture('corpus/07-shuyang-drc-2023.from-html.docx'),
      fixture('corpus/08-shuyang-county-2025.txt'),
      readFixture('07-shuyang-drc-2023.edited.docx'),
    ];
    const names = ['a.txt', 'a.md', 'a.html', 'a.docx', 'a.doc', 'a.wps', 'a', 'a.zip', 'a.mht'];
    for (let i = 0; i < 300; i++) {
      const src = sources[rand(sources.length)] as Uint8Array;
      let bytes: Uint8Array;
      if (i % 3 === 0) bytes = Uint8Array.from({ length: rand(3000) }, () => rand(256));
      else {
        bytes = src.slice(0, rand(src.length) + 1);
        for (let k = rand(4); k > 0; k--) bytes[rand(bytes.length)] = rand(256);
      }
      const name = names[rand(names.length)] as string;
      const doc = await readDocument(name, bytes);
      expect('unreadable' in doc ? typeof doc.reason : Array.isArray(doc.lines), name).toBe('unreadable' in doc ? 'string' : true);
    }
  });
});

describe('mangled markup never throws', () => {
  let seed = 7;
  const rand = (n: number): number => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed % n;
  };
  /** Overwrites, deletes or duplicates random spans, favouring markup characters. */
  function mangle(src: Uint8Array): Uint8Array {
    const out = Array.from(src);
    for (let k = 1 + rand(20); k > 0; k--) {
      const at = rand(out.length);
      const op = rand(3);
      if (op === 0) out[at] = [60, 62, 47, 34, 38, 0, 0xe4][rand(7)] as number;
      else if (op === 1) out.splice(at, rand(200));
      else out.splice(at, 0, ...out.slice(rand(out.length), rand(out.length)).slice(0, 500));
    }
    return new Uint8Array(out);
  }

  it('Word XML with mangled tags inside a valid zip (100 cases)', async () => {
    const docx = fixture('corpus/07-shuyang-drc-2023.from-html.docx');
    const xml = new Uint8Array(unzipSync(docx)['word/document.xml'] as Uint8Array);
    const started = Date.now();
    for (let i = 0; i < 100; i++) {
      const zip = makeZip([{ name: '[Content_Types].xml', data: new TextEncoder().encode('<Types/>') }, { name: 'word/document.xml', data: mangle(xml), deflate: false }]);
      const doc = await readDocument('m.docx', zip);
      expect('unreadable' in doc || Array.isArray(doc.lines)).toBe(true);
    }
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('HTML with mangled tags (100 cases)', async () => {
    const html = fixture('corpus/07-shuyang-drc-2023.html');
    const started = Date.now();
    for (let i = 0; i < 100; i++) {
      const doc = await readDocument('m.html', mangle(html));
      expect('unreadable' in doc || Array.isArray(doc.lines)).toBe(true);
    }
    expect(Date.now() - started).toBeLessThan(5000);
  });
});
