/** Punctuation-width and whitespace normalisation for comparing and scanning Chinese text. */

/** Full-width punctuation mapped to half-width (and a few look-alikes: 、→, 。→. —→-). */
const WIDTH_MAP: Record<string, string> = {
  '，': ',', '。': '.', '；': ';', '：': ':', '？': '?', '！': '!', '（': '(', '）': ')',
  '【': '[', '】': ']', '“': '"', '”': '"', '‘': "'", '’': "'", '、': ',', '－': '-', '—': '-',
  '–': '-', '／': '/', '％': '%', '．': '.', '　': ' ',
};
const FULL_WIDTH_ANY = /[\uff01-\uff5e，。；：？！（）【】“”‘’、—–　]/g;

/** Converts full-width letters, digits and punctuation to their half-width forms (one regex pass). */
export function toHalfWidth(text: string): string {
  return text.replace(FULL_WIDTH_ANY, (ch) => {
    const code = ch.charCodeAt(0);
    if (code >= 0xff01 && code <= 0xff5e) return String.fromCharCode(code - 0xfee0);
    return WIDTH_MAP[ch] ?? ch;
  });
}

/**
 * Everything a comparison key ignores: whitespace, punctuation of either width, marks. Written as the
 * complement of what is kept (ideographs, Latin letters, digits) because a negated class is far faster.
 */
const NOT_CONTENT = /[^\u3400-\u9fffA-Za-z0-9０-９Ａ-Ｚａ-ｚ]+/g;
const FULL_WIDTH_ALNUM = /[０-９Ａ-Ｚａ-ｚ]/g;

/**
 * A comparison key for a paragraph: half-width letters and digits, no whitespace, no punctuation. Two
 * paragraphs that differ only in punctuation width, spacing or markdown emphasis get the same key.
 */
export function comparisonKey(text: string): string {
  let s = text.replace(NOT_CONTENT, '');
  if (s.search(FULL_WIDTH_ALNUM) >= 0) s = s.replace(FULL_WIDTH_ALNUM, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  return s;
}

/**
 * The character code a comparison key keeps for `c`, or -1 when the key drops it: ideographs, Latin
 * letters and digits are kept (full-width forms mapped to ASCII); everything else is dropped. Numeric, so
 * hot loops over text need no regex and no intermediate strings.
 */
export function contentCode(c: number): number {
  if (c >= 0x3400 && c <= 0x9fff) return c;
  if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)) return c;
  if ((c >= 0xff10 && c <= 0xff19) || (c >= 0xff21 && c <= 0xff3a) || (c >= 0xff41 && c <= 0xff5a)) return c - 0xfee0;
  return -1;
}
