/**
 * Report metadata: title, year (title, else 统计期限), agency (title's body name, with the region prefix taken
 * from the body text when the title lacks it or stops at county level, and common abbreviations expanded).
 */
import { squash } from './labels.ts';

/**
 * Finds the title among the lines before the first section heading (joining a title wrapped over two lines).
 * Saved web pages carry menus and metadata above the report, so every candidate is scored: a year and a body
 * name count, and the first best one wins.
 */
export function findTitle(texts: string[], firstSection: number): { title: string | null; line: number } {
  const end = Math.min(firstSection >= 0 ? firstSection : texts.length, texts.length);
  let best: { title: string; line: number; score: number } | null = null;
  for (let i = 0; i < end; i++) {
    const t = cleanTitle(texts[i]);
    if (t.length < 6 || t.length > 80) continue;
    if (!t.includes('信息公开') && !t.includes('政务公开')) continue;
    let title: string | null = null;
    if (/报告|年报/.test(t)) title = withAgencyLine(texts, i, t);
    else {
      // Wrapped title: 「2025 年上海市…政府信息公开」 + 「工作年度报告」.
      for (let j = i + 1; j < end && j <= i + 2; j++) {
        const next = cleanTitle(texts[j]);
        if (next === '') continue;
        if (next.length <= 12 && /报告$/.test(next)) title = t + next;
        break;
      }
    }
    if (!title) continue;
    const score = (YEAR.test(title) || CN_YEAR.test(title) ? 2 : 0) + (titleAgency(title) ? 2 : 0) + (/[，。；]/.test(title) ? -3 : 0);
    if (!best || score > best.score) best = { title, line: i, score };
    if (score >= 4) break;
  }
  return best ? { title: best.title, line: best.line } : { title: null, line: -1 };
}

/**
 * A title that starts with the year (「2024 年政府信息公开工作年度报告」) often has the body's name on the line
 * above it (PDF title pages): join them.
 */
function withAgencyLine(texts: string[], at: number, title: string): string {
  if (titleAgency(title) !== null) return title;
  for (let j = at - 1; j >= 0 && j >= at - 2; j--) {
    const prev = cleanTitle(texts[j]);
    if (prev === '') continue;
    if (prev.length >= 2 && prev.length <= 30 && !/[，。；：:,.;]/.test(prev) && !/\d/.test(prev)) return prev + title;
    break;
  }
  return title;
}

function cleanTitle(text: string): string {
  const t = text.trim();
  // Nothing to strip unless the text starts with a mark (#, *, 标题) or ends with *: most lines.
  const first = t.charCodeAt(0);
  if (first !== 0x23 && first !== 0x2a && first !== 0x6807 /* 标 */ && t.charCodeAt(t.length - 1) !== 0x2a) return t;
  return t
    .replace(/^#{1,6}\s*/, '')
    .replace(/^\*+|\*+$/g, '')
    .replace(/^标题[:：]\s*/, '')
    .trim();
}

const YEAR = /((?:19|20)\d{2})\s*年/;
/** A year written in Chinese digits: 二〇二一年. */
const CN_YEAR = /([二][〇○零][一二三四五六七八九〇○零]{2})\s*年/;
const CN_DIGIT: Record<string, string> = { '〇': '0', '○': '0', '零': '0', '一': '1', '二': '2', '三': '3', '四': '4', '五': '5', '六': '6', '七': '7', '八': '8', '九': '9' };

function cnYear(text: string): number | null {
  const m = CN_YEAR.exec(text);
  if (!m) return null;
  return Number([...m[1]].map((c) => CN_DIGIT[c]).join(''));
}

/** Report year: from the title, else from the 统计期限 sentence, else null. */
export function findYear(title: string | null, texts: string[]): number | null {
  if (title) {
    const m = YEAR.exec(title);
    if (m) return Number(m[1]);
    const cn = cnYear(title);
    if (cn) return cn;
  }
  for (let i = 0; i < texts.length; i++) {
    const t = texts[i];
    if (!/统计(?:期限|周期|时间|期间|区间)/.test(t)) continue;
    // The sentence may wrap: 「…统计期限为 2025」 / 「年 1 月 1 日至…」.
    const s = t.slice(t.search(/统计(?:期限|周期|时间|期间|区间)/)) + (texts[i + 1] ?? '').slice(0, 40);
    const m = /((?:19|20)\d{2})\s*年\s*1\s*月\s*1\s*日/.exec(s) ?? YEAR.exec(s);
    if (m) return Number(m[1]);
  }
  return null;
}

/** titleAgency's last text and answer: a report asks about its title several times (title, body name). */
let lastTitle: string | null = null;
let lastAgency: string | null = null;

/** Body name printed in the title, before the year or the words 政府信息公开. */
export function titleAgency(title: string): string | null {
  if (title !== lastTitle) {
    lastAgency = computeTitleAgency(title);
    lastTitle = title;
  }
  return lastAgency;
}

function computeTitleAgency(title: string): string | null {
  let s = squash(title).replace(/^#+/, '');
  s = s.replace(/^(?:(?:19|20)\d{2}|二[〇○零][一二三四五六七八九〇○零]{2})年度?/, '');
  const cut = [s.search(/(?:19|20)\d{2}年/), s.search(CN_YEAR), s.indexOf('政府信息公开'), s.indexOf('政务公开'), s.indexOf('信息公开'), s.indexOf('年度报告')]
    .filter((i) => i >= 0)
    .reduce((a, b) => Math.min(a, b), s.length);
  let name = s
    .slice(0, cut)
    .replace(/[(（].*$/, '')
    .replace(/^关于/, '')
    .replace(/(?:关于|的)$/, '');
  // 「某县人民政府信息公开…」: the 政府 belongs to both words.
  if (name.endsWith('人民')) name += '政府';
  return name.length >= 2 ? name : null;
}

/** Abbreviations of body names and their full forms (applied to the end of the name only). */
const ABBREVIATIONS: [string, string][] = [
  ['科委', '科学技术委员会'],
  ['发改委', '发展和改革委员会'],
  ['发改局', '发展和改革局'],
  ['经信委', '经济和信息化委员会'],
  ['经信局', '工业和信息化局'],
  ['卫健委', '卫生健康委员会'],
  ['住建局', '住房和城乡建设局'],
  ['住建委', '住房和城乡建设委员会'],
  ['人社局', '人力资源和社会保障局'],
  ['市监局', '市场监督管理局'],
  ['教委', '教育委员会'],
];

const COUNTY_UNIT = /^[\u4e00-\u9fa5]{2}(?:区|县|旗)/;
const ANY_UNIT = /^[\u4e00-\u9fa5]{2,3}(?:省|市|区|县|州|旗|盟)/;
/**
 * A special zone whose own name is its region: 「平潭综合实验区」, 「滨海新区」 (the 区 sits past where ANY_UNIT
 * looks). Its bare kind word (「实验区」) in the body is a reference to itself, not another place.
 */
const ZONE_UNIT = /^[\u4e00-\u9fa5]{2}[\u4e00-\u9fa5]{0,2}?(?:实验区|试验区|新区)/;
/** Words ending in 区/县 that are not place names. */
const NOT_PLACES = new Set(['全区', '本区', '城区', '社区', '辖区', '市区', '地区', '小区', '园区', '景区', '片区', '街区', '专区', '各区', '我区', '该区', '全县', '本县', '我县', '各县', '该县', '示范区', '开发区', '保护区', '功能区', '服务区', '集聚区', '实验区', '试验区', '合作区', '高新区', '自贸区', '管理区']);

function isPlace(name: string): boolean {
  if (NOT_PLACES.has(name) || NOT_PLACES.has(name.slice(1))) return false;
  return !/^[各全本我该两三四五六七八九十多个等和与及或在]/.test(name);
}

/**
 * The body text read as if every white space character were removed (PDF text spaces characters out, and
 * lines are joined), without building that copy: a search skips white space between the characters of
 * what it looks for. Replacing the white space of a whole report cost more than all the searches.
 */
class Spaceless {
  constructor(readonly raw: string) {}

  /**
   * Raw index where `word` (no white space in it) next starts at or after raw index `from`, as `indexOf` in
   * the stripped text would find it; -1 when it does not occur again.
   */
  next(word: string, from: number): number {
    const raw = this.raw;
    // Only for a text without white space (see fullAgency): indexOf's answer for the empty string.
    if (word.length === 0) return from <= raw.length ? from : -1;
    const n = raw.length;
    for (let p = raw.indexOf(word[0], from); p >= 0; p = raw.indexOf(word[0], p + 1)) {
      let q = p + 1;
      let k = 1;
      for (; k < word.length; k++, q++) {
        while (q < n && isSpace(raw.charCodeAt(q))) q++;
        if (q >= n || raw.charCodeAt(q) !== word.charCodeAt(k)) break;
      }
      if (k === word.length) return p;
    }
    return -1;
  }

  /** The (up to) `count` characters other than white space right before raw index `at`. */
  before(at: number, count: number): string {
    const raw = this.raw;
    let out = '';
    for (let q = at - 1; q >= 0 && out.length < count; q--) {
      const c = raw.charCodeAt(q);
      if (!isSpace(c)) out = raw[q] + out;
    }
    return out;
  }
}

/** A character of /[\s\u3000\u00a0]/ (the white space fullAgency ignores). */
function isSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  if (c > 0x3000) return c === 0xfeff;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000;
}

/** A city (2 characters + 市) printed right before `unit` somewhere in the body. */
function cityBefore(unit: string, body: Spaceless): string | null {
  for (let at = body.next(unit, 0); at >= 0; at = body.next(unit, at + 1)) {
    const prev = body.before(at, 3);
    if (prev.length === 3 && prev.endsWith('市') && isPlace(prev)) return prev;
  }
  return null;
}

/** A county-level place (2 characters + 区/县) printed right before `name` somewhere in the body. */
function countyBefore(name: string, body: Spaceless): string | null {
  for (let at = body.next(name, 0); at >= 0; at = body.next(name, at + 1)) {
    const prev = body.before(at, 3);
    if (prev.length === 3 && /^[\u4e00-\u9fa5]{2}(?:区|县|旗)$/.test(prev) && isPlace(prev)) return prev;
  }
  return null;
}

/** Characters after which a place name starts a phrase (《, “, punctuation). */
const BOUNDARY = new Set([...'《"“,.;:(、，。；：（'].map((c) => c.charCodeAt(0)));

/**
 * The first county-level place named in the body after a boundary (《, “, punctuation, the start): the
 * matches of /(?:^|[《"“,.;:(、，。；：（])([\u4e00-\u9fa5]{2}(?:区|县))/g on the stripped text, found from
 * each 区 and 县 (a match cannot hide another: a boundary is never inside one).
 */
function firstCounty(body: Spaceless): string | null {
  const raw = body.raw;
  let qu = raw.indexOf('区');
  let xian = raw.indexOf('县');
  while (qu >= 0 || xian >= 0) {
    const at = xian < 0 || (qu >= 0 && qu < xian) ? qu : xian;
    if (at === qu) qu = raw.indexOf('区', qu + 1);
    else xian = raw.indexOf('县', xian + 1);
    const prev = body.before(at, 3);
    if (prev.length < 2) continue;
    const head = prev.length === 3 ? prev.slice(1) : prev;
    if (!isIdeograph(head.charCodeAt(0)) || !isIdeograph(head.charCodeAt(1))) continue;
    if (prev.length === 3 && !BOUNDARY.has(prev.charCodeAt(0))) continue;
    const place = head + raw[at];
    if (isPlace(place)) return place;
  }
  return null;
}

/** A character of [\u4e00-\u9fa5]. */
function isIdeograph(c: number): boolean {
  return c >= 0x4e00 && c <= 0x9fa5;
}

/**
 * Full body name: the title's name completed from the body text. `body` may be given as a function: it is
 * then only built when the name needs completing (most titles already carry their region). Only its
 * characters other than white space count, so its lines may be joined with nothing between them.
 */
export function fullAgency(title: string | null, body: string | (() => string), signature: string | null = null): string | null {
  let name = (title ? titleAgency(title) : null) ?? signature;
  if (!name) return null;
  for (const [short, full] of ABBREVIATIONS) {
    if (name.endsWith(short)) {
      name = name.slice(0, -short.length) + full;
      break;
    }
  }
  const needsRegion = !ANY_UNIT.test(name) && !ZONE_UNIT.test(name);
  if (!needsRegion && !COUNTY_UNIT.test(name)) return name;
  // Only spaces matter for finding names (PDF text spaces characters out); punctuation width does not.
  const text = typeof body === 'string' ? body : body();
  const bare = name.replace(/^(?:本|我)/, '');
  // Searches skip white space; an empty word (not a name any title yields) is looked for in the stripped text.
  const flat = new Spaceless(bare === '' ? text.replace(/[\s\u3000\u00a0]+/g, '') : text);
  if (needsRegion) {
    // No region in the title: 「环南街道」, 「政府办公室」.
    const county = countyBefore(bare, flat) ?? (bare.startsWith('政府') ? null : firstCounty(flat));
    if (!county) return name;
    let full = county + name;
    // 「区政府办公室」 is the everyday form of 「区人民政府办公室」; use the formal one when the body prints it.
    if (name.startsWith('政府') && flat.next(`${county}人民政府`, 0) >= 0) full = `${county}人民${name}`;
    name = full;
  }
  if (COUNTY_UNIT.test(name)) {
    const city = cityBefore(name.slice(0, 3), flat);
    if (city) name = city + name;
  }
  return name;
}

const DATE_LINE = /^\s*(?:(?:19|20)\d{2}|二[〇○零][一二三四五六七八九〇○零]{2})\s*年\s*\S{1,3}\s*月\s*\S{1,3}\s*日\s*$/;

/** The body's name signed at the end of the report, on the line above the date (「沭阳县发展和改革局」 / 「2024年1月17日」). */
export function findSignature(texts: string[]): string | null {
  let seen = 0;
  for (let i = texts.length - 1; i > 0 && seen < 8; i--) {
    if (texts[i].trim() === '') continue;
    seen++;
    if (!DATE_LINE.test(texts[i])) continue;
    for (let j = i - 1; j >= 0 && j >= i - 2; j--) {
      const name = texts[j].replace(/\s+/g, '');
      if (name === '') continue;
      if (name.length >= 3 && name.length <= 30 && !/[，。；：:,.;（）()\d]/.test(name)) return name;
      break;
    }
    return null;
  }
  return null;
}
