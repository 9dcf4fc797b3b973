/**
 * Label normalisation and matching: a printed table label (possibly a wrapped fragment, with a typo, `1、`
 * instead of `1.`, full-width characters or stray spaces) → the catalogue entries it can mean.
 * Matching is exact first (a Map lookup), then substring, then a bounded LCS for typos; results are cached
 * per normalised text because the same labels recur in every report.
 */

/** How a printed label relates to a catalogue entry. */
export type MatchKind = 'exact' | 'variant' | 'fragment' | 'fuzzy';

/** One entry of a label catalogue. */
export interface LabelEntry {
  /** Key the entry stands for (a row key, a group name, a column key…). */
  key: string;
  /** Canonical wording. */
  label: string;
  /** Accepted wordings that keep the meaning but deserve a LBL-01 note (e.g. 社会组织). */
  variants?: string[];
  /** Short labels (≤ 3 characters of core) match only exactly: 其他, 总计. */
  exactOnly?: boolean;
}

/** One candidate meaning of a printed label. */
export interface LabelMatch {
  key: string;
  kind: MatchKind;
  /** 0…1: share of the canonical wording the printed text covers. */
  coverage: number;
  /** 0…1: share of the printed text explained by the canonical wording. */
  precision: number;
}

/** A catalogue prepared for fast matching. */
export interface Catalogue {
  entries: { key: string; core: string; exactOnly: boolean; numeral: string }[];
  /** core → entry keys whose canonical core is exactly this. */
  exact: Map<string, string[]>;
  /** core → entry keys for which this is an accepted variant. */
  variant: Map<string, string[]>;
  /** Printed text → matches. */
  cache: Map<string, LabelMatch[]>;
  /** Comparison core → matches. */
  coreCache: Map<string, LabelMatch[]>;
  /** Printed text → the row keys its matches name (align.ts): one lookup where matchLabel and rowKeys took two. */
  rowKeys: Map<string, string[]>;
  /** Printed text → whether a label line of it continues a wrapped label (align.ts). */
  continuation: Map<string, boolean>;
}

const CN_DIGITS = '零一二三四五六七八九十';

/** Half-width form of one character (full-width ASCII, ideographic space, common look-alikes). */
export function halfWidth(ch: string): string {
  const c = ch.charCodeAt(0);
  if (c >= 0xff01 && c <= 0xff5e) return String.fromCharCode(c - 0xfee0);
  switch (ch) {
    case '\u3000':
    case '\u00a0':
      return ' ';
    case '、':
      return ',';
    case '。':
    case '．':
      return '.';
    case '—':
    case '–':
    case '−':
      return '-';
    case '“':
    case '”':
      return '"';
    case '‘':
    case '’':
      return "'";
    default:
      return ch;
  }
}

const SPACES = /[\s\u3000\u00a0\u200b\ufeff]+/g;
const WIDE = /[\uff01-\uff5e、。．—–−“”‘’]/g;

/** Half-width text without any whitespace (regex passes: this runs on every line of every report). */
export function squash(text: string): string {
  return text.replace(SPACES, '').replace(WIDE, halfWidth);
}

/** True for a CJK ideograph. */
export function isCjk(ch: string): boolean {
  const c = ch.charCodeAt(0);
  return c >= 0x3400 && c <= 0x9fff;
}

/** Memo of labelCore: the same label texts recur in every report. */
const CORE_MEMO = new Map<string, string>();

/**
 * The comparison core of a label: half-width, no whitespace, no leading numbering (`一、`, `(三)`, `1.`),
 * then only CJK ideographs and Latin letters kept (punctuation and ASCII digits dropped: the digits in
 * table labels are sub-item numbers, which the wording itself already distinguishes).
 */
export function labelCore(text: string): string {
  const memo = CORE_MEMO.get(text);
  if (memo !== undefined) return memo;
  const core = computeCore(text);
  if (CORE_MEMO.size >= CACHE_LIMIT) CORE_MEMO.clear();
  CORE_MEMO.set(text, core);
  return core;
}

function computeCore(text: string): string {
  let s = squash(text);
  s = stripNumbering(s);
  let out = '';
  for (const ch of s) {
    if (isCjk(ch) || (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z')) out += ch;
  }
  return out;
}

/** Removes leading numbering such as `一、`, `(三)`, `1.`, `1,`, `(2)`, `第一` is kept (part of words). */
export function stripNumbering(s: string): string {
  for (let guard = 0; guard < 3; guard++) {
    const m = /^(?:\(\s?[一二三四五六七八九十\d]{1,3}\s?\)|[一二三四五六七八九十]{1,3}[,.、:]|\d{1,2}[,.、:)])/.exec(s);
    if (!m) break;
    s = s.slice(m[0].length);
  }
  return s;
}

/** The numbering printed at the start of a label or heading (`一`, `3`, `(2)`…), or ''. */
export function leadingNumeral(text: string): string {
  // Fast exit: numbering starts with a numeral, a digit or a bracket (after spaces and markdown marks).
  const first = FIRST_VISIBLE.exec(text);
  if (!first || !NUMERAL_START.has(first[0])) return '';
  const memo = NUMERAL_MEMO.get(text);
  if (memo !== undefined) return memo;
  const numeral = computeNumeral(text);
  if (NUMERAL_MEMO.size >= CACHE_LIMIT) NUMERAL_MEMO.clear();
  NUMERAL_MEMO.set(text, numeral);
  return numeral;
}

const NUMERAL_MEMO = new Map<string, string>();

function computeNumeral(text: string): string {
  const s = squash(text).replace(/^#+/, '');
  const m = /^(\([一二三四五六七八九十\d]{1,3}\)|[一二三四五六七八九十]{1,3}(?=[,.、:])|\d{1,2}(?=[,.、:]))/.exec(s);
  return m ? m[1] : '';
}

const FIRST_VISIBLE = /[^\s#*\u3000]/;
const NUMERAL_START = new Set([...'一二三四五六七八九十0123456789０１２３４５６７８９(（']);

/** Value of a Chinese numeral 一…十九 (0 when not one). */
export function chineseNumber(s: string): number {
  if (s.length === 1) return Math.max(0, CN_DIGITS.indexOf(s));
  if (s.length === 2 && s[0] === '十') return 10 + Math.max(0, CN_DIGITS.indexOf(s[1]));
  if (s.length === 2 && s[1] === '十') return CN_DIGITS.indexOf(s[0]) * 10;
  return 0;
}

/** Prepares a catalogue. */
export function buildCatalogue(entries: LabelEntry[]): Catalogue {
  const exact = new Map<string, string[]>();
  const variant = new Map<string, string[]>();
  const prepared = entries.map((e) => {
    const core = labelCore(e.label);
    push(exact, core, e.key);
    for (const v of e.variants ?? []) push(variant, labelCore(v), e.key);
    return { key: e.key, core, exactOnly: e.exactOnly ?? core.length <= 3, numeral: leadingNumeral(e.label).replace(/[()]/g, '') };
  });
  return { entries: prepared, exact, variant, cache: new Map(), coreCache: new Map(), rowKeys: new Map(), continuation: new Map() };
}

function push(map: Map<string, string[]>, k: string, v: string): void {
  const list = map.get(k);
  if (list) {
    if (!list.includes(v)) list.push(v);
  } else map.set(k, [v]);
}

/** Printed fragments shorter than this mean nothing on their own (`府信息`, `度办`). */
const MIN_FRAGMENT = 4;
/** A sub-item number after some words, and the label that follows it. */
const EMBEDDED_NUMBER = /(?<=[\u3400-\u9fff)])\d{1,2}[.,、].+$/;
/** Above this length LCS is not attempted (prose, not a label). */
const MAX_FUZZY = 48;
const CACHE_LIMIT = 4000;

/**
 * All catalogue entries the printed text can mean, best first. Exact and variant matches exclude the rest;
 * fragments (the printed text is part of a wrapped canonical label, or contains it) and fuzzy matches
 * (typos: the LCS explains ≥ 80 % of the printed text) are returned together.
 */
export function matchLabel(text: string, cat: Catalogue): LabelMatch[] {
  // Cached by the printed text first: the same labels recur in every report, so most calls end here.
  const raw = cat.cache.get(text);
  if (raw) return raw;
  const core = labelCore(text);
  let byCore = core.length === 0 ? [] : (cat.coreCache.get(core) ?? computeMatches(core, cat));
  if (byCore.length === 0) {
    // The tail of a group label run into a numbered row label: 「予处理4.无正当理由大量反复」, 「（四）无2.没有现成…」.
    const m = EMBEDDED_NUMBER.exec(squash(text));
    if (m && m.index > 0) {
      const tail = matchLabel(m[0], cat);
      cat.cache.set(text, tail);
      return tail;
    }
  }
  if (cat.cache.size >= CACHE_LIMIT) cat.cache.clear();
  if (cat.coreCache.size >= CACHE_LIMIT) cat.coreCache.clear();
  if (core.length > 0) cat.coreCache.set(core, byCore);
  // A short label means its row only under the same sub-item number: 「2.其他」 is a wrapped 2.其他法律…, not 3.其他.
  const numeral = byCore.length > 0 ? leadingNumeral(text).replace(/[()]/g, '') : '';
  const result = numeral === '' ? byCore : byCore.filter((m) => {
    const e = cat.entries.find((x) => x.key === m.key);
    return !e || !e.exactOnly || e.numeral === '' || e.numeral === numeral;
  });
  cat.cache.set(text, result);
  return result;
}

function computeMatches(core: string, cat: Catalogue): LabelMatch[] {
  const ex = cat.exact.get(core);
  if (ex) return ex.map((key) => ({ key, kind: 'exact' as const, coverage: 1, precision: 1 }));
  const va = cat.variant.get(core);
  if (va) return va.map((key) => ({ key, kind: 'variant' as const, coverage: 1, precision: 1 }));
  if (core.length < MIN_FRAGMENT) return prefixOnly(core, cat);
  const out: LabelMatch[] = [];
  for (const e of cat.entries) {
    if (e.exactOnly) continue;
    if (e.core.includes(core)) {
      out.push({ key: e.key, kind: 'fragment', coverage: core.length / e.core.length, precision: 1 });
    } else if (core.includes(e.core)) {
      out.push({ key: e.key, kind: 'fragment', coverage: 1, precision: e.core.length / core.length });
    }
  }
  if (out.length === 0 && core.length <= MAX_FUZZY) {
    for (const e of cat.entries) {
      if (e.exactOnly || e.core.length > MAX_FUZZY) continue;
      if (!sharesBigram(core, e.core)) continue;
      const l = lcs(core, e.core);
      const precision = l / core.length;
      if (l >= MIN_FRAGMENT && precision >= 0.8) {
        out.push({ key: e.key, kind: 'fuzzy', coverage: l / e.core.length, precision });
      }
    }
  }
  out.sort((a, b) => b.precision + b.coverage - (a.precision + a.coverage));
  return out;
}

/**
 * A short printed text (2–3 characters) means something only as the start of exactly one label: the first
 * line of a wrapped label (「二、上年结」 / 「转政府信息公开申请数量」).
 */
function prefixOnly(core: string, cat: Catalogue): LabelMatch[] {
  if (core.length < 2) return [];
  let hit: { key: string; core: string } | null = null;
  for (const e of cat.entries) {
    if (e.exactOnly || !e.core.startsWith(core)) continue;
    if (hit) return [];
    hit = e;
  }
  return hit ? [{ key: hit.key, kind: 'fragment', coverage: core.length / hit.core.length, precision: 1 }] : [];
}

function sharesBigram(a: string, b: string): boolean {
  for (let i = 0; i + 1 < a.length; i++) if (b.includes(a.slice(i, i + 2))) return true;
  return false;
}

/** Length of the longest common subsequence (both strings are short: ≤ 48 characters). */
export function lcs(a: string, b: string): number {
  const n = b.length;
  let prev = new Array<number>(n + 1).fill(0);
  let cur = new Array<number>(n + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= n; j++) {
      cur[j] = ca === b.charCodeAt(j - 1) ? prev[j - 1] + 1 : Math.max(prev[j], cur[j - 1]);
    }
    [prev, cur] = [cur, prev];
  }
  return prev[n];
}

/** True when the match reads the whole canonical label with a different wording (a typo): LBL-01 material. */
export function isTypo(m: LabelMatch): boolean {
  return m.kind === 'fuzzy' && m.coverage >= 0.75;
}
