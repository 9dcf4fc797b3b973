/**
 * The per-character rules of `normalizeLine`, applied to UTF-16 code units in place of its regex passes:
 * buildProse normalises every narrative line of every report, and one loop writing into a reused buffer
 * costs a fraction of five regex passes, a join, a split and a join again.
 */

/** Full-width digits and letters (０-９ Ａ-Ｚ ａ-ｚ) become ASCII by this offset. */
const FULL_WIDTH_SHIFT = 0xfee0;

/** What happens to one code unit: dropped (−1), or the unit it becomes (commas are decided later). */
export function mapUnit(c: number): number {
  if (c < 0x80) {
    // Whitespace (\s) and the markdown marks * # | ` are dropped; ASCII clause punctuation goes full-width.
    if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d) ? -1 : c;
    switch (c) {
      case 0x2a: case 0x23: case 0x7c: case 0x60: return -1; // * # | `
      case 0x3b: return 0xff1b; // ;
      case 0x3a: return 0xff1a; // :
      case 0x28: return 0xff08; // (
      case 0x29: return 0xff09; // )
      case 0x3f: return 0xff1f; // ?
      case 0x21: return 0xff01; // !
      default: return c;
    }
  }
  if ((c >= 0xff10 && c <= 0xff19) || (c >= 0xff21 && c <= 0xff3a) || (c >= 0xff41 && c <= 0xff5a)) return c - FULL_WIDTH_SHIFT;
  // The rest of \s: no-break, ogham, en…hair, line/paragraph separators, narrow no-break, math, ideographic, BOM.
  if (c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff) return -1;
  return c;
}

const isDigit = (c: number) => c >= 0x30 && c <= 0x39;

/**
 * Makes the ASCII commas of out[from, to) full-width, except a thousands separator (a digit before, exactly
 * three digits after): `ASCII_COMMA` of normalizeLine, run after spaces are gone as it is there. The range
 * ends count as non-digits, as the line separators did in the joined text.
 */
export function fixCommas(out: Uint16Array, from: number, to: number): void {
  for (let i = from; i < to; i++) {
    if (out[i] !== 0x2c) continue;
    const digitBefore = i > from && isDigit(out[i - 1] as number);
    const groupAfter =
      i + 3 < to && isDigit(out[i + 1] as number) && isDigit(out[i + 2] as number) && isDigit(out[i + 3] as number) && !(i + 4 < to && isDigit(out[i + 4] as number));
    if (!(digitBefore && groupAfter)) out[i] = 0xff0c;
  }
}

const CN_NUMERAL = new Set([...'一二三四五六七八九十'].map((c) => c.charCodeAt(0)));

/**
 * `NUMBERED_START` of prose.ts on out[from, to): 「一、」「一是」「（一）」「(3)」「1、」「2.」 or '#' (gone after
 * normalisation, kept for fidelity). Each part's repeated class differs from the character after it, so no
 * backtracking can change the answer.
 */
export function startsNumberedAt(out: Uint16Array, from: number, to: number): boolean {
  if (from >= to) return false;
  const c = out[from] as number;
  if (c === 0x23) return true;
  let i = from;
  if (CN_NUMERAL.has(c)) {
    while (i < to && CN_NUMERAL.has(out[i] as number)) i++;
    return i < to && (out[i] === 0x3001 || out[i] === 0x662f); // 、 是
  }
  if (c === 0xff08 || c === 0x28) {
    i++;
    const s = i;
    while (i < to && (CN_NUMERAL.has(out[i] as number) || isDigit(out[i] as number))) i++;
    return i > s && i < to && (out[i] === 0x29 || out[i] === 0xff09);
  }
  if (isDigit(c)) {
    while (i < to && isDigit(out[i] as number)) i++;
    return i < to && (out[i] === 0x3001 || out[i] === 0x2e || out[i] === 0xff0e); // 、 . ．
  }
  return false;
}

/** The little of Node's Buffer used here (absent in browsers and workers). */
interface NodeBufferLike {
  from(buffer: ArrayBufferLike, byteOffset: number, length: number): { toString(encoding: 'utf16le'): string };
}
const NODE_BUFFER = (globalThis as { Buffer?: NodeBufferLike }).Buffer;
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/**
 * The first n code units of `units` as a string, every unit kept as it is (a lone surrogate too, which a
 * UTF-16 TextDecoder would replace). Under Node, Buffer copies them in one native call.
 */
export function unitsText(units: Uint16Array, n: number): string {
  if (NODE_BUFFER !== undefined && LITTLE_ENDIAN) return NODE_BUFFER.from(units.buffer, units.byteOffset, n * 2).toString('utf16le');
  let s = '';
  for (let i = 0; i < n; i += 4096) s += String.fromCharCode.apply(null, units.subarray(i, Math.min(n, i + 4096)) as unknown as number[]);
  return s;
}
