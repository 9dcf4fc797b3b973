/**
 * Word's automatic numbering: labels such as 「一、」「（二）」「1.」 that Word draws from word/numbering.xml
 * and are not in the paragraph text. Without them a heading typed as a numbered list reads 「总体情况」
 * instead of 「一、总体情况」. Numbering can come from the paragraph (w:numPr) or from its style.
 */
import { attrValue, decodeUtf8, scanXml } from './xml-scan.ts';

/** One level of an abstract numbering definition. */
interface Level {
  start: number;
  fmt: string;
  /** Label template, e.g. '%1、' or '（%2）'. */
  text: string;
}

/** Numbering definitions of a document and the running counters of a walk through it. */
export interface Numbering {
  /** numId → abstractNumId, with per-level start overrides. */
  nums: Map<string, { abstract: string; starts: Map<number, number> }>;
  abstracts: Map<string, Map<number, Level>>;
  /** styleId → numbering set on the style (numId, ilvl) and the style it is based on. */
  styles: Map<string, { numId?: string; ilvl?: number; basedOn?: string }>;
  /** List key (abstract definition, or a restarting num) → current counter per level. */
  counters: Map<string, number[]>;
}

/** Reads word/numbering.xml and word/styles.xml (either may be missing). */
export function parseNumbering(numberingXml: Uint8Array | null, stylesXml: Uint8Array | null): Numbering | null {
  if (!numberingXml) return null;
  const n: Numbering = { nums: new Map(), abstracts: new Map(), styles: new Map(), counters: new Map() };
  const val = (b: Uint8Array, s: number, e: number, name = 'w:val'): string | undefined => attrValue(decodeUtf8(b, s, e), name);
  let abstract: Map<number, Level> | null = null;
  let level: Level | null = null;
  let num: { abstract: string; starts: Map<number, number> } | null = null;
  let overrideLevel = -1;
  scanXml(numberingXml, {
    open(name, s, e) {
      switch (name) {
        case 'w:abstractNum':
          abstract = new Map();
          n.abstracts.set(val(numberingXml, s, e, 'w:abstractNumId') ?? '', abstract);
          return;
        case 'w:lvl':
          if (!abstract) return;
          level = { start: 1, fmt: 'decimal', text: '' };
          abstract.set(Number(val(numberingXml, s, e, 'w:ilvl') ?? 0), level);
          return;
        case 'w:start':
          if (level) level.start = Number(val(numberingXml, s, e) ?? 1);
          return;
        case 'w:numFmt':
          if (level) level.fmt = val(numberingXml, s, e) ?? 'decimal';
          return;
        case 'w:lvlText':
          if (level) level.text = val(numberingXml, s, e) ?? '';
          return;
        case 'w:num':
          num = { abstract: '', starts: new Map() };
          n.nums.set(val(numberingXml, s, e, 'w:numId') ?? '', num);
          return;
        case 'w:abstractNumId':
          if (num) num.abstract = val(numberingXml, s, e) ?? '';
          return;
        case 'w:lvlOverride':
          overrideLevel = Number(val(numberingXml, s, e, 'w:ilvl') ?? -1);
          return;
        case 'w:startOverride':
          if (num && overrideLevel >= 0) num.starts.set(overrideLevel, Number(val(numberingXml, s, e) ?? 1));
          return;
      }
    },
    close() {},
    text() {},
  });
  if (stylesXml) {
    let style: { numId?: string; ilvl?: number; basedOn?: string } | null = null;
    scanXml(stylesXml, {
      open(name, s, e) {
        if (name === 'w:style') {
          style = {};
          n.styles.set(val(stylesXml, s, e, 'w:styleId') ?? '', style);
        } else if (style && name === 'w:numId') style.numId = val(stylesXml, s, e);
        else if (style && name === 'w:ilvl') style.ilvl = Number(val(stylesXml, s, e) ?? 0);
        else if (style && name === 'w:basedOn') style.basedOn = val(stylesXml, s, e);
      },
      close() {},
      text() {},
    });
  }
  return n;
}

/** The numbering a paragraph gets from its own numPr, else from its style chain. */
export function resolveNum(n: Numbering, numId: string | undefined, ilvl: number | undefined, styleId: string | undefined): { numId: string; ilvl: number } | null {
  let id = numId;
  let lvl = ilvl;
  let sid = styleId;
  for (let hops = 0; hops < 10 && sid && (id === undefined || lvl === undefined); hops++) {
    const st = n.styles.get(sid);
    if (!st) break;
    id ??= st.numId;
    if (id !== undefined) lvl ??= st.ilvl;
    sid = st.basedOn;
  }
  // numId 0 switches numbering off.
  if (id === undefined || id === '0') return null;
  return { numId: id, ilvl: lvl ?? 0 };
}

const CN_DIGITS = '零一二三四五六七八九';

function chineseCounting(v: number): string {
  if (v <= 0 || v >= 10000) return String(v);
  const units = ['', '十', '百', '千'];
  const digits = String(v).split('').map(Number);
  let out = '';
  digits.forEach((d, i) => {
    const unit = units[digits.length - 1 - i] as string;
    if (d === 0) {
      if (!out.endsWith('零') && i < digits.length - 1 && digits.slice(i + 1).some((x) => x > 0)) out += '零';
    } else out += (CN_DIGITS[d] as string) + unit;
  });
  // 一十X is written 十X.
  return out.startsWith('一十') ? out.slice(1) : out;
}

function roman(v: number): string {
  const table: [number, string][] = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let out = '';
  let x = v;
  for (const [n, s] of table) while (x >= n) (out += s), (x -= n);
  return out;
}

function letters(v: number): string {
  const c = String.fromCharCode(65 + ((v - 1) % 26));
  return c.repeat(Math.floor((v - 1) / 26) + 1);
}

/** Formats one counter in a level's number format (those seen in Chinese documents; others as digits). */
export function formatNumber(v: number, fmt: string): string {
  switch (fmt) {
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'japaneseCounting':
    case 'taiwaneseCounting':
    case 'ideographDigital':
      return chineseCounting(v);
    case 'chineseLegalSimplified':
      return chineseCounting(v).replace(/[一二三四五六七八九十百千]/g, (c) => '壹贰叁肆伍陆柒捌玖拾佰仟'['一二三四五六七八九十百千'.indexOf(c)] as string);
    case 'ideographTraditional':
      return '甲乙丙丁戊己庚辛壬癸'[(v - 1) % 10] ?? String(v);
    case 'ideographZodiac':
      return '子丑寅卯辰巳午未申酉戌亥'[(v - 1) % 12] ?? String(v);
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return v >= 1 && v <= 20 ? String.fromCharCode(0x2460 + v - 1) : String(v);
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return String(v).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    case 'decimalZero':
      return v < 10 ? `0${v}` : String(v);
    case 'upperLetter':
      return letters(v);
    case 'lowerLetter':
      return letters(v).toLowerCase();
    case 'upperRoman':
      return roman(v);
    case 'lowerRoman':
      return roman(v).toLowerCase();
    case 'bullet':
    case 'none':
      return '';
    default:
      return String(v);
  }
}

/** Advances the counters for a numbered paragraph and returns its label ('' for bullets). */
export function nextLabel(n: Numbering, numId: string, ilvl: number): string {
  const num = n.nums.get(numId);
  if (!num) return '';
  const levels = n.abstracts.get(num.abstract);
  const level = levels?.get(ilvl);
  if (!levels || !level || level.fmt === 'bullet') return '';
  // Lists of one abstract definition continue each other's numbers, except a list that restarts with
  // its own start override, which counts on its own (Word's behaviour).
  const key = num.starts.size > 0 ? `num:${numId}` : `abs:${num.abstract}`;
  let counters = n.counters.get(key);
  if (!counters) {
    counters = [];
    n.counters.set(key, counters);
  }
  const startOf = (l: number): number => num.starts.get(l) ?? levels.get(l)?.start ?? 1;
  counters[ilvl] = counters[ilvl] === undefined ? startOf(ilvl) : (counters[ilvl] as number) + 1;
  // A higher level restarts the levels below it.
  counters.length = ilvl + 1;
  const label = level.text.replace(/%([1-9])/g, (_m, d: string) => {
    const l = Number(d) - 1;
    const v = counters[l] ?? startOf(l);
    return formatNumber(v, levels.get(l)?.fmt ?? 'decimal');
  });
  // Word puts a tab (or space) after the label; keep words apart, but not Chinese 「一、」 from its text.
  return /[A-Za-z0-9]$/.test(label) ? `${label} ` : label;
}
