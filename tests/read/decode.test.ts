/**
 * The JS strict UTF-8 decoder (decode.ts) must give exactly what `TextDecoder('utf-8', { fatal: true })`
 * gives — the string, or a refusal — for every input, including BOMs, overlong forms, surrogates and cut
 * characters, since every text report goes through it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeLatin1, decodeText, setNativeUtf8, strictUtf8 } from '../../src/read/decode.ts';
import { installNodeDecoders } from '../../src/cli/node-decoders.ts';

/** The reference: the platform's fatal decoder, with the same "cut last character" tolerance. */
function reference(bytes: Uint8Array): string | null {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    return decoder.decode(bytes);
  } catch {
    // fall through to the truncated-download rule
  }
  for (let cut = 1; cut <= 3 && cut <= bytes.length; cut++) {
    const b = bytes[bytes.length - cut]!;
    if (b < 0x80) return null;
    if (b >= 0xc0) {
      try {
        return decoder.decode(bytes.subarray(0, bytes.length - cut));
      } catch {
        return null;
      }
    }
  }
  return null;
}

const bytes = (...xs: number[]) => Uint8Array.from(xs);

/** The portable JS decoder (browsers, workers) and Node's native one (CLI, bench) must agree exactly. */
const DECODERS: Array<[string, () => void]> = [
  ['JS decoder', () => setNativeUtf8(null)],
  ['Node native decoder', installNodeDecoders],
];

describe.each(DECODERS)('strictUtf8 (%s)', (_name, install) => {
  beforeAll(install);
  afterAll(() => setNativeUtf8(null));

  it('decodes valid text like TextDecoder, dropping one leading BOM', () => {
    for (const s of ['', 'abc', '政府信息公开工作年度报告', 'a\u00e9\u4e00😀z', '\ufeff年报', '\ufeff\ufeff两个BOM', '\u0000\u007f\u0080\u07ff\u0800\uffff']) {
      const encoded = new TextEncoder().encode(s);
      expect(strictUtf8(encoded)).toBe(reference(encoded));
    }
    expect(strictUtf8(new TextEncoder().encode('\ufeff年报'))).toBe('年报');
  });

  it('refuses what the fatal decoder refuses', () => {
    // Each ends in an ASCII byte, so the cut-last-character rule does not apply.
    const bad = [
      bytes(0x80, 0x41), // stray continuation byte
      bytes(0xc0, 0x80, 0x41), // overlong NUL
      bytes(0xc1, 0xbf, 0x41), // overlong
      bytes(0xe0, 0x80, 0x80, 0x41), // overlong 3-byte
      bytes(0xed, 0xa0, 0x80, 0x41), // UTF-16 surrogate
      bytes(0xf4, 0x90, 0x80, 0x80, 0x41), // above U+10FFFF
      bytes(0xf5, 0x80, 0x80, 0x80, 0x41), // invalid lead byte
      bytes(0x41, 0xe4, 0x41, 0x41), // broken sequence inside
    ];
    for (const b of bad) {
      expect(reference(b)).toBeNull();
      expect(strictUtf8(b)).toBeNull();
    }
  });

  it('accepts a file cut inside its last character, as before', () => {
    const cut = new TextEncoder().encode('年度报告').subarray(0, 10); // 3 whole characters + 1 byte
    expect(strictUtf8(cut)).toBe('年度报');
    expect(strictUtf8(cut)).toBe(reference(cut));
  });

  it('agrees with TextDecoder on many random byte strings', () => {
    // A fixed LCG, so a failure can be replayed; bytes drawn from the values where decoders differ.
    let seed = 12345;
    const rand = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 4294967296;
    const pool = [0x00, 0x41, 0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbb, 0xbd, 0xbf, 0xc0, 0xc1, 0xc2, 0xdf, 0xe0, 0xe1, 0xe4, 0xec, 0xed, 0xee, 0xef, 0xf0, 0xf1, 0xf3, 0xf4, 0xf5, 0xff];
    let valid = 0;
    for (let k = 0; k < 20000; k++) {
      const b = Uint8Array.from({ length: Math.floor(rand() * 8) }, () => pool[Math.floor(rand() * pool.length)]!);
      const want = reference(b);
      if (want !== null) valid++;
      expect(strictUtf8(b), [...b].map((x) => x.toString(16)).join(' ')).toBe(want);
    }
    expect(valid).toBeGreaterThan(1000); // the sample exercises acceptance too, not only refusals
  });
});

describe.each(DECODERS)('decodeText (%s)', (_name, install) => {
  beforeAll(install);
  afterAll(() => setNativeUtf8(null));

  it('falls back to GB18030 for non-UTF-8 bytes', () => {
    // 「年报」 in GB18030.
    const d = decodeText(bytes(0xc4, 0xea, 0xb1, 0xa8));
    expect(d).toEqual({ text: '年报', encoding: 'gb18030' });
  });

  it('reads UTF-8 as UTF-8', () => {
    expect(decodeText(new TextEncoder().encode('年报 2024'))).toEqual({ text: '年报 2024', encoding: 'utf-8' });
  });
});

describe('decodeLatin1', () => {
  it('maps every byte to the same code point (ISO-8859-1)', () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    const text = decodeLatin1(all);
    expect(text.length).toBe(256);
    expect([...text].every((c, i) => c.charCodeAt(0) === i)).toBe(true);
  });

  it('reads the ASCII markup of a file head as TextDecoder("latin1") does', () => {
    const html = new TextEncoder().encode('\ufeff<!DOCTYPE html><meta charset="gb2312">年报');
    const ours = decodeLatin1(html);
    const theirs = new TextDecoder('latin1').decode(html);
    // Byte for byte equal to Node's decoder; a browser's differs only on 0x80–0x9F, never on ASCII.
    const ascii = (t: string) => t.replace(/[^\x00-\x7f]/g, '');
    expect(ascii(ours)).toBe(ascii(theirs));
    expect(ours.length).toBe(theirs.length);
    expect(ours.startsWith('\u00ef\u00bb\u00bf<!DOCTYPE html>')).toBe(true);
  });
});

describe('Node native decoder on real files', () => {
  afterAll(() => setNativeUtf8(null));

  it('gives the JS decoder’s string for every text fixture', async () => {
    const { readFileSync, readdirSync } = await import('node:fs');
    const { join } = await import('node:path');
    const root = join(import.meta.dirname, '..', 'fixtures');
    let compared = 0;
    for (const dir of ['seeds', 'corpus', 'wild', 'bad']) {
      for (const f of readdirSync(join(root, dir))) {
        if (!/\.(txt|md|html)$/.test(f)) continue;
        const b = new Uint8Array(readFileSync(join(root, dir, f)));
        setNativeUtf8(null);
        const js = strictUtf8(b);
        installNodeDecoders();
        expect(strictUtf8(b), f).toBe(js);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(15);
  });
});
