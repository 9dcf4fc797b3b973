/**
 * A minimal XML tokenizer over UTF-8 bytes, for machine-written OOXML parts. htmlparser2 in xmlMode took
 * ~3 ms on a 220 KB word/document.xml (decoding the whole part to a string, then building an attribute
 * object for every tag); this scanner works on the bytes, makes each distinct tag name into a string once,
 * and decodes only the text and attributes a caller asks for, which keeps a .docx read near 1.5 ms.
 * It never throws and always advances, so broken XML ends early instead of hanging.
 */

/** Callbacks of `scanXml`. Positions are byte offsets into the scanned bytes. */
export interface XmlHandler {
  /**
   * A start tag (or an empty-element tag, followed at once by `close`). The same string instance is
   * passed for every occurrence of a name. Raw attribute bytes are `[attrStart, attrEnd)`.
   * Returning true asks the scanner to jump to the element's end tag without reporting its content
   * (only for elements that never contain an element of their own name, such as w:rPr).
   */
  open(name: string, attrStart: number, attrEnd: number): boolean | void;
  /** An end tag (also sent for empty-element tags). */
  close(): void;
  /** Character data `[start, end)` between tags, entities not decoded (`cdata` true inside a CDATA section). */
  text(start: number, end: number, cdata: boolean): void;
}

const LT = 60;
const GT = 62;
const SLASH = 47;

function startsWithAscii(b: Uint8Array, at: number, s: string): boolean {
  for (let i = 0; i < s.length; i++) if (b[at + i] !== s.charCodeAt(i)) return false;
  return true;
}

function indexOfAscii(b: Uint8Array, s: string, from: number): number {
  const first = s.charCodeAt(0);
  for (let i = b.indexOf(first, from); i >= 0; i = b.indexOf(first, i + 1)) if (startsWithAscii(b, i, s)) return i;
  return -1;
}

/** True when `b[at…]` holds the bytes of the ASCII tag name followed by a tag delimiter. */
function nameAt(b: Uint8Array, at: number, name: string): boolean {
  if (!startsWithAscii(b, at, name)) return false;
  const d = b[at + name.length];
  return d === GT || d === SLASH || d === 32 || d === 9 || d === 10 || d === 13;
}

/**
 * Position just after the end tag of an element of `name` whose content starts at `from`, counting
 * nested elements of the same name (w:rPr holds an old w:rPr inside w:rPrChange). Only looks at the
 * bytes after each '<', which is much cheaper than tokenizing the subtree. -1 when the end is missing.
 */
function endOfElement(b: Uint8Array, from: number, name: string): number {
  let depth = 0;
  for (let lt = b.indexOf(LT, from); lt >= 0; lt = b.indexOf(LT, lt + 1)) {
    if (b[lt + 1] === SLASH) {
      if (!nameAt(b, lt + 2, name)) continue;
      const gt = b.indexOf(GT, lt + 2);
      if (gt < 0) return -1;
      if (depth === 0) return gt + 1;
      depth--;
    } else if (nameAt(b, lt + 1, name)) {
      const gt = b.indexOf(GT, lt + 1);
      if (gt < 0) return -1;
      if (b[gt - 1] !== SLASH) depth++;
    }
  }
  return -1;
}

/** Interned tag names: hash of the name bytes → candidates, so a name string is made once per distinct name. */
class NameCache {
  private readonly map = new Map<number, { bytes: Uint8Array; name: string }[]>();

  get(b: Uint8Array, start: number, end: number): string {
    let h = end - start;
    for (let i = start; i < end; i++) h = (Math.imul(h, 31) + (b[i] as number)) | 0;
    let list = this.map.get(h);
    if (list) {
      outer: for (const c of list) {
        if (c.bytes.length !== end - start) continue;
        for (let i = 0; i < c.bytes.length; i++) if (c.bytes[i] !== b[start + i]) continue outer;
        return c.name;
      }
    } else {
      list = [];
      this.map.set(h, list);
    }
    const bytes = b.slice(start, end);
    const name = decodeUtf8(bytes, 0, bytes.length);
    list.push({ bytes, name });
    return name;
  }
}

const utf8 = new TextDecoder('utf-8');

/** UTF-8 bytes → string. Short runs are decoded here: a TextDecoder call costs ~0.5 µs whatever its size. */
export function decodeUtf8(b: Uint8Array, start: number, end: number): string {
  if (end - start > 256) return utf8.decode(b.subarray(start, end));
  const units: number[] = [];
  for (let i = start; i < end; ) {
    const c = b[i] as number;
    if (c < 0x80) {
      units.push(c);
      i++;
    } else if (c >= 0xc2 && c < 0xe0 && i + 1 < end && ((b[i + 1] as number) & 0xc0) === 0x80) {
      units.push(((c & 0x1f) << 6) | ((b[i + 1] as number) & 0x3f));
      i += 2;
    } else if (c >= 0xe0 && c < 0xf0 && i + 2 < end && ((b[i + 1] as number) & 0xc0) === 0x80 && ((b[i + 2] as number) & 0xc0) === 0x80) {
      const u = ((c & 0x0f) << 12) | (((b[i + 1] as number) & 0x3f) << 6) | ((b[i + 2] as number) & 0x3f);
      // Overlong forms and surrogates are invalid: leave them to the real decoder.
      if (u < 0x800 || (u >= 0xd800 && u <= 0xdfff)) return utf8.decode(b.subarray(start, end));
      units.push(u);
      i += 3;
    } else {
      // Four-byte sequences (outside the BMP) and anything malformed.
      return utf8.decode(b.subarray(start, end));
    }
  }
  return String.fromCharCode(...units);
}

/** Walks UTF-8 XML bytes, calling the handler for tags and text in document order. */
export function scanXml(b: Uint8Array, h: XmlHandler): void {
  const len = b.length;
  const names = new NameCache();
  let pos = b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf ? 3 : 0;
  while (pos < len) {
    const lt = b.indexOf(LT, pos);
    if (lt < 0) {
      h.text(pos, len, false);
      return;
    }
    if (lt > pos) h.text(pos, lt, false);
    const c = b[lt + 1];
    if (c === SLASH) {
      const gt = b.indexOf(GT, lt + 2);
      if (gt < 0) return;
      h.close();
      pos = gt + 1;
      continue;
    }
    if (c === 63 /* ? */) {
      const end = indexOfAscii(b, '?>', lt + 2);
      if (end < 0) return;
      pos = end + 2;
      continue;
    }
    if (c === 33 /* ! */) {
      if (startsWithAscii(b, lt, '<!--')) {
        const end = indexOfAscii(b, '-->', lt + 4);
        if (end < 0) return;
        pos = end + 3;
      } else if (startsWithAscii(b, lt, '<![CDATA[')) {
        const end = indexOfAscii(b, ']]>', lt + 9);
        if (end < 0) return;
        h.text(lt + 9, end, true);
        pos = end + 3;
      } else {
        const end = b.indexOf(GT, lt + 2);
        if (end < 0) return;
        pos = end + 1;
      }
      continue;
    }
    // Start tag: the name runs to whitespace, '/' or '>'; the tag ends at the first '>' outside quotes.
    let j = lt + 1;
    for (; j < len; j++) {
      const d = b[j];
      if (d === GT || d === SLASH || d === 32 || d === 9 || d === 10 || d === 13) break;
    }
    if (j === lt + 1) return;
    const nameEnd = j;
    let quote = 0;
    for (; j < len; j++) {
      const d = b[j] as number;
      if (quote !== 0) {
        if (d === quote) quote = 0;
      } else if (d === 34 || d === 39) quote = d;
      else if (d === GT) break;
    }
    if (j >= len) return;
    const name = names.get(b, lt + 1, nameEnd);
    const selfClosing = b[j - 1] === SLASH;
    const jump = h.open(name, nameEnd, selfClosing ? j - 1 : j) === true;
    pos = j + 1;
    if (jump && !selfClosing) {
      const end = endOfElement(b, pos, name);
      if (end < 0) return;
      pos = end;
      h.close();
      continue;
    }
    if (selfClosing) h.close();
  }
}

const ENTITY = /&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|lt|gt|amp|quot|apos);/g;
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Decodes XML's five named entities and numeric character references. */
export function decodeXmlEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(ENTITY, (m: string, e: string) => {
    if (e.charCodeAt(0) !== 35) return NAMED[e] ?? m;
    const cp = e.charCodeAt(1) === 120 ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return cp > 0 && cp <= 0x10ffff && !(cp >= 0xd800 && cp <= 0xdfff) ? String.fromCodePoint(cp) : m;
  });
}

/** Reads one attribute from raw attribute text (`name` with its prefix, e.g. `w:val`), entities decoded. */
export function attrValue(raw: string, name: string): string | undefined {
  let i = raw.indexOf(name);
  while (i >= 0) {
    const before = i === 0 ? 32 : raw.charCodeAt(i - 1);
    let j = i + name.length;
    while (raw.charCodeAt(j) === 32) j++;
    if ((before === 32 || before === 9 || before === 10 || before === 13) && raw.charCodeAt(j) === 61 /* = */) {
      j++;
      while (raw.charCodeAt(j) === 32) j++;
      const q = raw.charCodeAt(j);
      if (q !== 34 && q !== 39) return undefined;
      const end = raw.indexOf(String.fromCharCode(q), j + 1);
      return end < 0 ? undefined : decodeXmlEntities(raw.slice(j + 1, end));
    }
    i = raw.indexOf(name, i + name.length);
  }
  return undefined;
}

/** All `xmlns` declarations of a tag: prefix ('' for the default namespace) → namespace URI. */
export function namespaces(raw: string): Map<string, string> {
  const out = new Map<string, string>();
  const re = /xmlns(?::([\w.-]+))?\s*=\s*("([^"]*)"|'([^']*)')/g;
  for (let m = re.exec(raw); m; m = re.exec(raw)) out.set(m[1] ?? '', m[3] ?? m[4] ?? '');
  return out;
}
