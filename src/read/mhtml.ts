/**
 * MHTML (.mht/.mhtml, "web page, single file" saved by browsers and Word) → the HTML part's bytes and
 * charset. The HTML itself is then read by the HTML reader.
 */
import { decodeLatin1 } from './decode.ts';

/** The HTML part of an MHTML file. */
export interface MhtmlPart {
  /** Decoded body bytes (quoted-printable or base64 undone). */
  bytes: Uint8Array;
  /** Charset named in the part's Content-Type, lower case, if any. */
  charset: string | null;
}


/** First letters (lower case) of the header names looksLikeMhtml accepts. */
const HEADER_START = new Set([...'mfsdcx'].map((c) => c.charCodeAt(0)));

/** True when bytes start like a MIME message holding a multipart/related page. */
export function looksLikeMhtml(bytes: Uint8Array): boolean {
  // Every header name below starts with one of these letters: other files are ruled out without decoding.
  let i = 0;
  while (i < bytes.length && i < 4096 && ((bytes[i]! >= 9 && bytes[i]! <= 13) || bytes[i] === 0x20 || bytes[i] === 0xa0)) i++;
  if (i >= bytes.length || i >= 4096 || !HEADER_START.has(bytes[i]! | 0x20)) return false;
  const head = decodeLatin1(bytes.subarray(0, 4096));
  return /^\s*(mime-version|from|subject|date|content-type|content-location|snapshot-content-location|x-mimeole)\s*:/i.test(head) && /multipart\/related/i.test(head);
}

/** Parses `Header: value` lines (with folded continuation lines) into a lower-cased map. */
function parseHeaders(block: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of block.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) out.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return out;
}

function param(value: string | undefined, name: string): string | null {
  if (!value) return null;
  const m = new RegExp(`(?:^|;)\\s*${name}\\s*=\\s*(?:"([^"]*)"|([^;\\s]+))`, 'i').exec(value);
  return m ? (m[1] ?? m[2] ?? null) : null;
}

function decodeQuotedPrintable(s: string): Uint8Array {
  const out = new Uint8Array(s.length);
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 61 /* = */) {
      const hex = s.slice(i + 1, i + 3);
      if (/^[0-9A-Fa-f]{2}$/.test(hex)) {
        out[n++] = parseInt(hex, 16);
        i += 2;
        continue;
      }
      // Soft line break: '=' at the end of a line.
      if (s[i + 1] === '\r' && s[i + 2] === '\n') i += 2;
      else if (s[i + 1] === '\n') i += 1;
      else out[n++] = c;
      continue;
    }
    out[n++] = c;
  }
  return out.subarray(0, n);
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Base64 → bytes (no atob: the core has no DOM lib); characters outside the alphabet are skipped. */
function decodeBase64(s: string): Uint8Array {
  const out = new Uint8Array(Math.floor((s.length * 3) / 4) + 3);
  let n = 0;
  let acc = 0;
  let bits = 0;
  for (let i = 0; i < s.length; i++) {
    const v = B64.indexOf(s.charAt(i));
    if (v < 0) continue;
    acc = (acc << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[n++] = (acc >> bits) & 0xff;
    }
  }
  return out.subarray(0, n);
}

/** Finds and decodes the first text/html part, or null when there is none. */
export function extractMhtmlHtml(bytes: Uint8Array): MhtmlPart | null {
  // Latin-1 keeps every byte as one character, so 8bit bodies survive the round trip.
  const text = decodeLatin1(bytes);
  const split = /\r?\n\r?\n/.exec(text);
  if (!split) return null;
  const top = parseHeaders(text.slice(0, split.index));
  const boundary = param(top.get('content-type'), 'boundary');
  const bodies = boundary ? text.slice(split.index).split(`--${boundary}`) : [text];
  for (const body of bodies) {
    const part = boundary ? body.replace(/^\r?\n/, '') : body;
    const sep = /\r?\n\r?\n/.exec(part);
    if (!sep) continue;
    const headers = parseHeaders(part.slice(0, sep.index));
    const type = headers.get('content-type') ?? '';
    if (!/^text\/html/i.test(type)) continue;
    const content = part.slice(sep.index + sep[0].length);
    const encoding = (headers.get('content-transfer-encoding') ?? '').toLowerCase();
    const decoded =
      encoding === 'quoted-printable' ? decodeQuotedPrintable(content) : encoding === 'base64' ? decodeBase64(content) : Uint8Array.from(content, (c) => c.charCodeAt(0) & 0xff);
    return { bytes: decoded, charset: param(type, 'charset')?.toLowerCase() ?? null };
  }
  return null;
}
