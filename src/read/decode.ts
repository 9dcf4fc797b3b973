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
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    return decoder.decode(bytes);
  } catch {
    // try without an incomplete final sequence
  }
  for (let cut = 1; cut <= 3 && cut <= bytes.length; cut++) {
    const b = bytes[bytes.length - cut] as number;
    if (b < 0x80) return null;
    if (b >= 0xc0) {
      // The lead byte of the unfinished character: everything before it must be clean UTF-8.
      try {
        return decoder.decode(bytes.subarray(0, bytes.length - cut));
      } catch {
        return null;
      }
    }
  }
  return null;
}
