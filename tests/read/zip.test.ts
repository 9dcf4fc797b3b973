import { describe, expect, it } from 'vitest';
import { zipSync } from 'fflate';
import { type ZipEntry, expandZip } from '../../src/read/zip.ts';
import { inflateBounded, listZip } from '../../src/read/zip-format.ts';
import { readDocument } from '../../src/read/index.ts';
import { fixture, makeZip, zeroBomb } from './helpers.ts';

const REPORTS = {
  '01.html': 'corpus/01-shanghai-govoffice-2019.html',
  '07.docx': 'corpus/07-shuyang-drc-2023.from-html.docx',
  '08.txt': 'corpus/08-shuyang-county-2025.txt',
  '03.pdf': 'corpus/03-huaian-hongze-2023.pdf',
};

function entries(r: ZipEntry[] | { unreadable: true; reason: string }): ZipEntry[] {
  if ('unreadable' in r) throw new Error(r.reason);
  return r;
}

/** GB18030 bytes of a string, through a lookup of the decoder (Node has no GBK encoder). */
function gbk(s: string): Uint8Array {
  const dec = new TextDecoder('gb18030');
  const out: number[] = [];
  for (const ch of s) {
    if (ch.charCodeAt(0) < 0x80) {
      out.push(ch.charCodeAt(0));
      continue;
    }
    let found = false;
    for (let a = 0x81; a <= 0xfe && !found; a++) {
      for (let b = 0x40; b <= 0xfe && !found; b++) {
        if (dec.decode(new Uint8Array([a, b])) === ch) {
          out.push(a, b);
          found = true;
        }
      }
    }
    if (!found) throw new Error(`no GBK code for ${ch}`);
  }
  return new Uint8Array(out);
}

describe('expandZip', () => {
  it('expands real reports, a nested zip one level deep, and skips __MACOSX, hidden files and folders', async () => {
    const files = Object.fromEntries(Object.entries(REPORTS).map(([k, v]) => [k, fixture(v)]));
    const inner = zipSync({ '2024/08.txt': files['08.txt'] as Uint8Array, 'deeper.zip': zipSync({ 'x.txt': new TextEncoder().encode('x') }) });
    const outer = zipSync({
      '年报/01.html': files['01.html'] as Uint8Array,
      '年报/07.docx': files['07.docx'] as Uint8Array,
      '年报/03.pdf': files['03.pdf'] as Uint8Array,
      '年报/': new Uint8Array(0),
      '__MACOSX/年报/._01.html': new Uint8Array([0, 5, 22, 7]),
      '年报/.DS_Store': new Uint8Array([0, 0, 0, 1]),
      'Thumbs.db': new Uint8Array([1]),
      '年报/表格.xls': new Uint8Array([0xd0, 0xcf, 0x11, 0xe0]),
      'more.zip': inner,
    });
    const got = entries(expandZip('batch.zip', outer));
    expect(got.map((e) => e.path)).toEqual(['年报/01.html', '年报/07.docx', '年报/03.pdf', '年报/表格.xls', 'more.zip/2024/08.txt', 'more.zip/deeper.zip']);
    // Bytes come back exactly.
    expect(got[0]?.bytes).toEqual(files['01.html']);
    expect(got[4]?.bytes).toEqual(files['08.txt']);
    // A zip inside the nested zip is reported, not expanded.
    expect(got[5]?.error).toMatch(/嵌套超过两层/);
    expect(got[5]?.error).toContain('batch.zip/more.zip/deeper.zip');
    // Every inner report reads.
    for (const e of got.slice(0, 3)) {
      const doc = await readDocument(`batch.zip/${e.path}`, e.bytes);
      expect('unreadable' in doc, e.path).toBe(false);
    }
    // The unsupported type is returned, for the caller to report.
    const xls = await readDocument('batch.zip/年报/表格.xls', got[3]?.bytes as Uint8Array);
    expect('unreadable' in xls && xls.reason).toMatch(/旧版 Excel|不支持/);
  });

  it('decodes GBK names (no UTF-8 flag, as zips made on Chinese Windows) and UTF-8 names with or without the flag', () => {
    const data = new TextEncoder().encode('一、总体情况');
    const zip = makeZip([
      { name: gbk('沭阳县2023年报.txt'), data, utf8Flag: false },
      { name: '上海市2019年报.txt', data, utf8Flag: true },
      { name: new TextEncoder().encode('淮安市2024年报.txt'), data, utf8Flag: false },
    ]);
    expect(entries(expandZip('names.zip', zip)).map((e) => e.path)).toEqual(['沭阳县2023年报.txt', '上海市2019年报.txt', '淮安市2024年报.txt']);
  });

  it('refuses a 1 GB zip bomb from the central directory, before inflating, in well under 5 s', () => {
    const started = Date.now();
    const bomb = zeroBomb(4_161_790); // 1 + 258 × 4161790 = 1 073 741 821 bytes of zeros
    expect(bomb.size).toBeGreaterThan(1_000_000_000);
    const zip = makeZip([{ name: 'report.txt', data: new Uint8Array(0), compressed: bomb.deflated, declaredSize: bomb.size, crc: 0 }]);
    const r = expandZip('bomb.zip', zip);
    expect('unreadable' in r && r.reason).toMatch(/bomb\.zip.*(超过|压缩比)/);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('stops a bomb that lies about its size while inflating', () => {
    const started = Date.now();
    const bomb = zeroBomb(400_000); // ~103 MB of zeros, declared as 1 000 bytes
    const zip = makeZip([{ name: 'liar.txt', data: new Uint8Array(0), compressed: bomb.deflated, declaredSize: 1000, crc: 0 }]);
    const got = entries(expandZip('liar.zip', zip));
    expect(got[0]?.error).toMatch(/疑似压缩炸弹/);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('cuts a small entry that inflates past its declared size (one-shot path)', () => {
    const small = zeroBomb(10_000); // 2.58 MB of zeros in ~16 KB, declared as 1 000 bytes
    const zip = makeZip([{ name: 'short.txt', data: new Uint8Array(0), compressed: small.deflated, declaredSize: 1000, crc: 0 }]);
    const got = entries(expandZip('short.zip', zip));
    expect(got[0]?.error).toMatch(/short\.zip\/short\.txt.*(已损坏|疑似压缩炸弹)/);
  });

  it('the hand-built bomb stream is real DEFLATE (checked on a small one)', () => {
    const small = zeroBomb(1000);
    const out = inflateBounded(small.deflated, 1_000_000);
    expect(out).toBeInstanceOf(Uint8Array);
    expect((out as Uint8Array).length).toBe(small.size);
    expect((out as Uint8Array).every((b) => b === 0)).toBe(true);
    expect(inflateBounded(small.deflated, 1000)).toBe('too-big');
  });

  it('refuses too many entries and too large a total, from the central directory', () => {
    const many = makeZip(Array.from({ length: 30 }, (_, i) => ({ name: `${i}.txt`, data: new Uint8Array([65]) })));
    const limits = { maxTotal: 1000, maxEntry: 1000, maxEntries: 20, maxRatio: 100, ratioFloor: 100 };
    expect(expandZip('many.zip', many, limits)).toMatchObject({ unreadable: true, reason: expect.stringMatching(/30 个条目/) });
    const big = makeZip([
      { name: 'a.txt', data: new Uint8Array(600).fill(65), deflate: false },
      { name: 'b.txt', data: new Uint8Array(600).fill(66), deflate: false },
    ]);
    expect(expandZip('big.zip', big, limits)).toMatchObject({ unreadable: true, reason: expect.stringMatching(/big\.zip.*超过上限/) });
  });

  it('reports an encrypted entry, and a corrupt entry (CRC) on its own', () => {
    const data = new TextEncoder().encode('一、总体情况');
    const zip = makeZip([
      { name: 'locked.txt', data, flags: 1 },
      { name: 'bad.txt', data, crc: 12345 },
      { name: 'good.txt', data },
    ]);
    const got = entries(expandZip('mixed.zip', zip));
    expect(got.map((e) => [e.path, e.error ?? 'ok'])).toEqual([
      ['locked.txt', expect.stringMatching(/mixed\.zip\/locked\.txt.*已加密/)],
      ['bad.txt', expect.stringMatching(/mixed\.zip\/bad\.txt.*已损坏/)],
      ['good.txt', 'ok'],
    ]);
  });

  it('turns corrupt, truncated, empty and 0-byte archives into reasons naming the file, fast', () => {
    const cases: [string, RegExp][] = [
      ['corrupt.zip', /「corrupt\.zip」已损坏/],
      ['truncated.zip', /「truncated\.zip」不完整/],
      ['blank.zip', /「blank\.zip」中没有可读取的文件/],
      ['empty.zip', /「empty\.zip」是空文件/],
    ];
    for (const [name, reason] of cases) {
      const started = Date.now();
      const r = expandZip(name, fixture(`bad/${name}`));
      expect('unreadable' in r && r.reason, name).toMatch(reason);
      expect(Date.now() - started).toBeLessThan(5000);
    }
    expect(expandZip('garbage.zip', fixture('bad/corrupt.txt'))).toMatchObject({ reason: expect.stringMatching(/不是有效的 ZIP/) });
  });

  it('reads ZIP64 sizes and data prepended to the archive (self-extractor)', () => {
    const plain = zipSync({ 'a.txt': new TextEncoder().encode('甲') });
    const prefixed = new Uint8Array(100 + plain.length);
    prefixed.set(plain, 100);
    const list = listZip(prefixed);
    expect(Array.isArray(list) && list.map((r) => r.name)).toEqual(['a.txt']);
    expect(entries(expandZip('sfx.zip', prefixed))[0]?.bytes).toEqual(new TextEncoder().encode('甲'));
    const data = new TextEncoder().encode('一、总体情况');
    const z64 = makeZip([{ name: 'big.txt', data, zip64: true }]);
    const rec = listZip(z64);
    expect(Array.isArray(rec) && rec[0]?.size).toBe(data.length);
    expect(entries(expandZip('z64.zip', z64))[0]?.bytes).toEqual(data);
    // A ZIP64 bomb declares its 5 GB in the extra field: refused from there.
    const bomb = makeZip([{ name: 'huge.txt', data, zip64: true, declaredSize: 5 * 1024 ** 3 }]);
    expect(expandZip('z64bomb.zip', bomb)).toMatchObject({ reason: expect.stringMatching(/超过单个文件上限/) });
  });
});
