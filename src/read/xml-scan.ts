/**
 * A minimal XML tokenizer for machine-written OOXML parts. htmlparser2 in xmlMode spent ~3 ms on a
 * 220 KB word/document.xml (building an attribute object for every tag); this scanner only slices tag
 * names and leaves attributes raw until a caller asks for one, which keeps a .docx read near 1 ms.
 * It never throws and always advances, so broken XML ends early instead of hanging.
 */

/** Callbacks of `scanXml`. */
export interface XmlHandler {
  /**
   * A start tag (or an empty-element tag, followed at once by `close`). Its raw attribute text is
   * `xml.slice(attrStart, attrEnd)`, left unsliced since almost no tag's attributes are ever read.
   */
  open(name: string, attrStart: number, attrEnd: number): void;
  /** An end tag (also sent for empty-element tags). */
  close(name: string): void;
  /** Character data between tags, entities not yet decoded (`cdata` true when from a CDATA section). */
  text(raw: string, cdata: boolean): void;
}

/** Walks `xml`, calling the handler for tags and text in document order. */
export function scanXml(xml: string, h: XmlHandler): void {
  const len = xml.length;
  let pos = 0;
  while (pos < len) {
    const lt = xml.indexOf('<', pos);
    if (lt < 0) {
      h.text(xml.slice(pos), false);
      return;
    }
    if (lt > pos) h.text(xml.slice(pos, lt), false);
    const c = xml.charCodeAt(lt + 1);
    if (c === 47 /* / */) {
      const gt = xml.indexOf('>', lt + 2);
      if (gt < 0) return;
      h.close(xml.slice(lt + 2, gt).trim());
      pos = gt + 1;
      continue;
    }
    if (c === 63 /* ? */) {
      const end = xml.indexOf('?>', lt + 2);
      if (end < 0) return;
      pos = end + 2;
      continue;
    }
    if (c === 33 /* ! */) {
      if (xml.startsWith('<!--', lt)) {
        const end = xml.indexOf('-->', lt + 4);
        if (end < 0) return;
        pos = end + 3;
      } else if (xml.startsWith('<![CDATA[', lt)) {
        const end = xml.indexOf(']]>', lt + 9);
        if (end < 0) return;
        h.text(xml.slice(lt + 9, end), true);
        pos = end + 3;
      } else {
        const end = xml.indexOf('>', lt + 2);
        if (end < 0) return;
        pos = end + 1;
      }
      continue;
    }
    // Start tag: the name runs to whitespace, '/' or '>'; the tag ends at the first '>' outside quotes.
    let j = lt + 1;
    for (; j < len; j++) {
      const d = xml.charCodeAt(j);
      if (d === 62 || d === 47 || d === 32 || d === 9 || d === 10 || d === 13) break;
    }
    const name = xml.slice(lt + 1, j);
    const attrStart = j;
    let quote = 0;
    for (; j < len; j++) {
      const d = xml.charCodeAt(j);
      if (quote !== 0) {
        if (d === quote) quote = 0;
      } else if (d === 34 || d === 39) quote = d;
      else if (d === 62) break;
    }
    if (j >= len || name === '') return;
    const selfClosing = xml.charCodeAt(j - 1) === 47;
    h.open(name, attrStart, selfClosing ? j - 1 : j);
    if (selfClosing) h.close(name);
    pos = j + 1;
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
