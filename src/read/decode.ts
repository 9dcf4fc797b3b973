/** Bytes → string for text files: BOM first, then strict UTF-8, else GB18030 (stack.md). */

/** Result of decoding: the text and the encoding that was used. */
export interface Decoded {
  text: string;
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';
}

/** Decodes report bytes. Never throws: GB18030 accepts any byte sequence. */
export function decodeText(bytes: Uint8Array): Decoded {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  }
  const utf8 = strictUtf8(bytes);
  if (utf8 !== null) return { text: utf8, encoding: 'utf-8' };
  return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' };
}

/**
 * Strict UTF-8, or null. A file cut inside its last character (a truncated download) still counts as
 * UTF-8: decoding all of it as GB18030 would garble every line for one broken character.
 */
export function strictUtf8(bytes: Uint8Array): string | null {
  const whole = utf8OrNull(bytes);
  if (whole !== null) return whole;
  for (let cut = 1; cut <= 3 && cut <= bytes.length; cut++) {
    const b = bytes[bytes.length - cut] as number;
    if (b < 0x80) return null;
    if (b >= 0xc0) {
      // The lead byte of the unfinished character: everything before it must be clean UTF-8.
      return utf8OrNull(bytes.subarray(0, bytes.length - cut));
    }
  }
  return null;
}

/** UTF-16 code units of this machine's byte order, as TextDecoder labels them. */
const NATIVE_UTF16 = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 'utf-16le' : 'utf-16be';
const UTF16 = new TextDecoder(NATIVE_UTF16);

/** The little of Node's Buffer used here (absent in browsers and workers). */
interface NodeBufferLike {
  from(buffer: ArrayBufferLike, byteOffset: number, length: number): { toString(encoding: 'utf16le'): string };
}
const NODE_BUFFER = (globalThis as { Buffer?: NodeBufferLike }).Buffer;

/**
 * UTF-16 code units (native order, no unpaired surrogates: both callers build them from valid input) → string,
 * a leading U+FEFF dropped as the UTF-16 TextDecoder drops it. Under Node (CLI, tests, bench) its
 * TextDecoder converts through ICU, at about twice the cost of Buffer's plain copy, which dominated
 * decoding a 100 KB page; browsers have no Buffer and a fast TextDecoder.
 */
function unitsToString(units: Uint16Array): string {
  if (NODE_BUFFER === undefined || NATIVE_UTF16 !== 'utf-16le') return UTF16.decode(units);
  const s = NODE_BUFFER.from(units.buffer, units.byteOffset, units.byteLength).toString('utf16le');
  return s.charCodeAt(0) === 0xfeff ? s.slice(1) : s;
}

/**
 * Strict UTF-8 decoding as the platform offers it natively, or null when it offers none that beats the JS
 * loop below (browsers: see utf8OrNull). Same contract as utf8OrNull: the text without a leading U+FEFF,
 * or null for bytes that are not UTF-8.
 */
export type NativeUtf8 = (bytes: Uint8Array) => string | null;
let nativeUtf8: NativeUtf8 | null = null;

/**
 * Installs a native strict UTF-8 decoder (the Node entry points install one built on node:buffer, which
 * this pure module cannot import: it also runs in browsers). Pass null to go back to the JS loop.
 */
export function setNativeUtf8(decoder: NativeUtf8 | null): void {
  nativeUtf8 = decoder;
}

/** Reused code-unit buffer of utf8OrNull (its contents are copied into the string before any reuse). */
let scratch: Uint16Array = new Uint16Array(1 << 15);

/**
 * A buffer of at least n code units. Reused rather than allocated per file: each fresh typed array is an
 * off-heap allocation the garbage collector must track and sweep, one per report read.
 */
function scratchUnits(n: number): Uint16Array {
  // Bounded: a rare huge file gets a buffer of its own instead of growing the kept one for good.
  if (n > SCRATCH_MAX) return new Uint16Array(n);
  if (n > scratch.length) scratch = new Uint16Array(Math.min(SCRATCH_MAX, Math.max(n, scratch.length * 2)));
  return scratch;
}
const SCRATCH_MAX = 1 << 20;

/**
 * Decodes strict UTF-8 exactly as `new TextDecoder('utf-8', { fatal: true })` does (a leading BOM dropped),
 * returning null where that would throw. Validating and converting in one JS pass, then handing the code
 * units to the UTF-16 decoder (a plain copy) is several times faster than Node's fatal UTF-8 decoder,
 * which went through ICU and cost more than reading the whole report.
 */
function utf8OrNull(bytes: Uint8Array): string | null {
  if (nativeUtf8 !== null) return nativeUtf8(bytes);
  const n = bytes.length;
  const out = scratchUnits(n);
  let o = 0;
  let i = 0;
  while (i < n) {
    const b = bytes[i] as number;
    if (b < 0x80) {
      out[o++] = b;
      i++;
      continue;
    }
    if (b >= 0xc2 && b <= 0xdf) {
      const c1 = i + 1 < n ? (bytes[i + 1] as number) : 0;
      if ((c1 & 0xc0) !== 0x80) return null;
      out[o++] = ((b & 0x1f) << 6) | (c1 & 0x3f);
      i += 2;
      continue;
    }
    if (b >= 0xe0 && b <= 0xef) {
      if (i + 2 >= n) return null;
      const c1 = bytes[i + 1] as number;
      const c2 = bytes[i + 2] as number;
      // E0 needs A0–BF next (no overlong forms), ED needs 80–9F (no surrogates).
      const lo = b === 0xe0 ? 0xa0 : 0x80;
      const hi = b === 0xed ? 0x9f : 0xbf;
      if (c1 < lo || c1 > hi || (c2 & 0xc0) !== 0x80) return null;
      out[o++] = ((b & 0x0f) << 12) | ((c1 & 0x3f) << 6) | (c2 & 0x3f);
      i += 3;
      continue;
    }
    if (b >= 0xf0 && b <= 0xf4) {
      if (i + 3 >= n) return null;
      const c1 = bytes[i + 1] as number;
      const c2 = bytes[i + 2] as number;
      const c3 = bytes[i + 3] as number;
      // F0 needs 90–BF next (no overlong forms), F4 needs 80–8F (nothing above U+10FFFF).
      const lo = b === 0xf0 ? 0x90 : 0x80;
      const hi = b === 0xf4 ? 0x8f : 0xbf;
      if (c1 < lo || c1 > hi || (c2 & 0xc0) !== 0x80 || (c3 & 0xc0) !== 0x80) return null;
      const cp = ((b & 0x07) << 18) | ((c1 & 0x3f) << 12) | ((c2 & 0x3f) << 6) | (c3 & 0x3f);
      out[o++] = 0xd800 + ((cp - 0x10000) >> 10);
      out[o++] = 0xdc00 + ((cp - 0x10000) & 0x3ff);
      i += 4;
      continue;
    }
    return null; // a stray continuation byte, C0/C1 or F5–FF
  }
  // The UTF-16 decoder drops a leading U+FEFF just as the UTF-8 one drops a leading BOM.
  return unitsToString(out.subarray(0, o));
}

/**
 * Bytes as ISO-8859-1 characters (each byte its own code point): what Node's `TextDecoder('latin1')`
 * gives, several times faster there (its ICU-based decoder costs tens of µs for the first kilobytes of a
 * file, as read to sniff its type). Browsers map 0x80–0x9F per windows-1252 instead, which no test for
 * ASCII markup can tell apart.
 */
export function decodeLatin1(bytes: Uint8Array): string {
  const out = new Uint16Array(bytes.length);
  out.set(bytes);
  return unitsToString(out);
}
