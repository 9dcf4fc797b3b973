/** What a file really is, from its first bytes: extensions lie (a PDF named .txt, HTML saved as .doc). */

/** Kind of content found by magic numbers and a byte census. */
import { decodeLatin1 } from './decode.ts';

export type Sniffed = 'pdf' | 'zip' | 'ole' | 'rtf' | 'image' | 'html' | 'text' | 'binary';

/** Old Office container (OLE compound file) contents that matter to the user. */
export type OleKind = 'encrypted' | 'word' | 'excel' | 'powerpoint' | 'other';

function startsWith(bytes: Uint8Array, sig: number[], at = 0): boolean {
  return sig.every((b, i) => bytes[at + i] === b);
}

/** Finds an ASCII string in the first `within` bytes. */
function findAscii(bytes: Uint8Array, s: string, within: number): boolean {
  const end = Math.min(bytes.length, within) - s.length;
  const first = s.charCodeAt(0);
  outer: for (let i = 0; i <= end; i++) {
    if (bytes[i] !== first) continue;
    for (let j = 1; j < s.length; j++) if (bytes[i + j] !== s.charCodeAt(j)) continue outer;
    return true;
  }
  return false;
}

/** Share of control bytes (other than tab, line feed, form feed, carriage return, escape) in a sample. */
export function controlShare(bytes: Uint8Array, sample = 65536): number {
  const n = Math.min(bytes.length, sample);
  if (n === 0) return 0;
  let bad = 0;
  let i = 0;
  // Four bytes at a time where the buffer is aligned: a word without any byte below 0x20 (most of them in
  // text) is passed with one test (the classic "has a byte less than n" bit trick, exact for n ≤ 128).
  if (bytes.byteOffset % 4 === 0) {
    const words = new Uint32Array(bytes.buffer, bytes.byteOffset, n >> 2);
    for (let w = 0; w < words.length; w++) {
      const x = words[w] as number;
      if (((x - 0x20202020) & ~x & 0x80808080) === 0) continue;
      for (let k = w * 4; k < w * 4 + 4; k++) if (isControl(bytes[k] as number)) bad++;
    }
    i = words.length * 4;
  }
  for (; i < n; i++) if (isControl(bytes[i] as number)) bad++;
  return bad / n;
}

/** A control byte that has no place in text (tab, line feed, form feed, carriage return, escape, VT allowed). */
function isControl(b: number): boolean {
  return b < 0x20 && b !== 9 && b !== 10 && b !== 12 && b !== 13 && b !== 27 && b !== 11;
}

/** Bytes `trimStart` removes from the start of a latin1-decoded head (tab…CR, space, no-break space). */
function isLatin1Space(b: number): boolean {
  return (b >= 9 && b <= 13) || b === 0x20 || b === 0xa0;
}

/**
 * True when the head as `headOf` gives it (one UTF-8 BOM dropped, leading spaces trimmed) starts with '<':
 * told from the bytes, so most text files are ruled out without decoding their head.
 */
function headStartsWithLt(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 2048);
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf && n >= 3 ? 3 : 0;
  while (i < n && isLatin1Space(bytes[i] as number)) i++;
  return i < n && bytes[i] === 0x3c;
}

function headOf(bytes: Uint8Array): string {
  return decodeLatin1(bytes.subarray(0, 2048)).replace(/^\ufeff|^ï»¿/, '').trimStart().toLowerCase();
}

/** True when the bytes start like HTML markup (a page or a fragment such as Word's "save as web page"). */
export function looksLikeHtml(bytes: Uint8Array): boolean {
  if (!headStartsWithLt(bytes)) return false;
  const head = headOf(bytes);
  if (!head.startsWith('<')) return false;
  return /<!doctype html|<html[\s>]|<head[\s>]|<body[\s>]|<meta[\s>]|<table[\s>]|<p[\s>]|<div[\s>]/.test(head.slice(0, 1024));
}

/** True when the bytes start like a whole HTML page (a doctype or <html>), not just some markup. */
export function looksLikeHtmlPage(bytes: Uint8Array): boolean {
  if (!headStartsWithLt(bytes)) return false;
  return /^(<\?xml[^>]{0,200}>\s*)?(<!--[^>]{0,500}-->\s*)?(<!doctype html|<html[\s>])/.test(headOf(bytes));
}

/** Classifies bytes by their magic numbers, then as HTML, text or binary. */
export function sniff(bytes: Uint8Array): Sniffed {
  // PDF readers accept the header anywhere in the first kilobyte.
  if (findAscii(bytes, '%PDF-', 1024)) return 'pdf';
  if (startsWith(bytes, [0x50, 0x4b, 3, 4]) || startsWith(bytes, [0x50, 0x4b, 5, 6]) || startsWith(bytes, [0x50, 0x4b, 7, 8])) return 'zip';
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'ole';
  if (findAscii(bytes, '{\\rtf', 8)) return 'rtf';
  if (
    startsWith(bytes, [0x89, 0x50, 0x4e, 0x47]) ||
    startsWith(bytes, [0xff, 0xd8, 0xff]) ||
    startsWith(bytes, [0x47, 0x49, 0x46, 0x38]) ||
    startsWith(bytes, [0x42, 0x4d]) && bytes.length > 26 && bytes[6] === 0 && bytes[7] === 0 ||
    startsWith(bytes, [0x49, 0x49, 0x2a, 0]) ||
    startsWith(bytes, [0x4d, 0x4d, 0, 0x2a])
  ) {
    return 'image';
  }
  const utf16 = startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff]);
  if (!utf16 && controlShare(bytes) > 0.01) return 'binary';
  if (!utf16 && looksLikeHtml(bytes)) return 'html';
  return 'text';
}

/** Finds a UTF-16LE string (OLE directory entry names are stored so). */
function findUtf16(bytes: Uint8Array, s: string): boolean {
  const end = bytes.length - s.length * 2;
  const first = s.charCodeAt(0);
  outer: for (let i = 0; i <= end; i++) {
    if (bytes[i] !== first || bytes[i + 1] !== 0) continue;
    for (let j = 1; j < s.length; j++) if (bytes[i + 2 * j] !== s.charCodeAt(j) || bytes[i + 2 * j + 1] !== 0) continue outer;
    return true;
  }
  return false;
}

/** Tells what an OLE compound file holds, from its stream names. */
export function oleKind(bytes: Uint8Array): OleKind {
  // Password-protected .docx/.xlsx are OLE containers holding the real file as "EncryptedPackage".
  if (findUtf16(bytes, 'EncryptedPackage') || findUtf16(bytes, 'EncryptionInfo')) return 'encrypted';
  if (findUtf16(bytes, 'WordDocument')) return 'word';
  if (findUtf16(bytes, 'Workbook') || findUtf16(bytes, 'Book')) return 'excel';
  if (findUtf16(bytes, 'PowerPoint Document')) return 'powerpoint';
  return 'other';
}
