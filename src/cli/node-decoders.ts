/**
 * Node's native text decoding for the pure pipeline, installed by the Node entry points (the CLI and the
 * benchmark). Validation by `buffer.isUtf8` (SIMD) and conversion by `buffer.transcode` take about a fifth
 * of the time of the portable JS decoder; the result is the same string (tests/read/node-decoders.test.ts).
 */
import { isUtf8, transcode } from 'node:buffer';
import { setNativeUtf8 } from '../read/decode.ts';

/** Strict UTF-8 → string, a leading U+FEFF dropped (the contract of decode.ts), or null when not UTF-8. */
export function nodeUtf8(bytes: Uint8Array): string | null {
  if (!isUtf8(bytes)) return null;
  if (bytes.length === 0) return '';
  // Valid input only reaches transcode, so its replacement of bad sequences never applies.
  const s = transcode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length), 'utf8', 'utf16le').toString('utf16le');
  return s.charCodeAt(0) === 0xfeff ? s.slice(1) : s;
}

/** Makes the pipeline decode with Node's native functions. */
export function installNodeDecoders(): void {
  setNativeUtf8(nodeUtf8);
}
