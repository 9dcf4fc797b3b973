/** Punctuation-width and whitespace normalisation for comparing and scanning Chinese text. */

/** Full-width punctuation and digits mapped to their half-width forms (and a few look-alikes). */
const WIDTH_MAP: Record<string, string> = {
  '，': ',', '。': '.', '；': ';', '：': ':', '？': '?', '！': '!', '（': '(', '）': ')',
  '【': '[', '】': ']', '“': '"', '”': '"', '‘': "'", '’': "'", '、': ',', '－': '-', '—': '-',
  '–': '-', '／': '/', '％': '%', '．': '.', '　': ' ',
};

/** Converts one character to its half-width form (digits, Latin letters and common punctuation). */
export function halfWidthChar(ch: string): string {
  const code = ch.charCodeAt(0);
  if (code >= 0xff01 && code <= 0xff5e) return String.fromCharCode(code - 0xfee0);
  return WIDTH_MAP[ch] ?? ch;
}

/** True for characters that are whitespace of any width. */
export function isSpace(ch: string): boolean {
  return ch === ' ' || ch === '\t' || ch === '\u3000' || ch === '\u00a0' || ch === '\r' || ch === '\n';
}

/** True for CJK ideographs (the basic block is enough for these reports). */
export function isCjk(ch: string): boolean {
  const c = ch.charCodeAt(0);
  return c >= 0x3400 && c <= 0x9fff;
}

const PUNCT = new Set(',.;:?!()[]"\'-/%<>《》〈〉…·*#|_~`{}=+'.split('').concat(['《', '》', '…', '·', '•']));

/**
 * A comparison key for a paragraph: half-width, no whitespace, no punctuation. Two paragraphs that differ
 * only in punctuation width, spacing or markdown emphasis get the same key.
 */
export function comparisonKey(text: string): string {
  let out = '';
  for (const raw of text) {
    if (isSpace(raw)) continue;
    const ch = halfWidthChar(raw);
    if (PUNCT.has(ch)) continue;
    out += ch;
  }
  return out;
}
