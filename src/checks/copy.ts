/**
 * Copy-paste and integrity checks (checks.md): CPY-01 another body's name, CPY-02 a paragraph printed
 * twice, CPY-03 a whole section repeating another, CPY-04 year inconsistency, CPY-05 classification marks.
 */
import type { Finding, ParsedReport } from '../model.ts';
import type { Check } from './types.ts';
import { safe } from './safe.ts';
import { containment, containsAtLeast } from '../text/similarity.ts';
import { linesOf, normalizeLine, notedChars } from '../text/prose.ts';
import { proseOf, sectionPrint, sectionProbablyContains } from './text-cache.ts';
import { otherBodyNames } from './copy-names.ts';
import { anchoredMatches, type Anchoring } from '../text/anchored.ts';

const SECTION_NAMES = ['', '一', '二', '三', '四', '五', '六'];

/** Minimum paragraph length (normalised characters) for CPY-02: shorter ones repeat legitimately. */
const MIN_PARAGRAPH = 40;

/** CPY-02: the same paragraph (punctuation width and spacing ignored) printed twice. */
export function checkRepeatedParagraphs(report: ParsedReport): Finding[] {
  // The prose lines are already normalised (spacing removed, clause punctuation of one width), so
  // equal strings are equal paragraphs. Paragraphs are grouped by length first, so only two of the same
  // length are ever cut from the prose and compared (hashing every paragraph cost more than the check).
  const prose = proseOf(report);
  const text = prose.text;
  const { starts, lineIdx } = prose;
  const firstOfLength = new Map<number, number[]>(); // length → prose-line numbers of distinct paragraphs
  const out: Finding[] = [];
  for (let k = 0; k < starts.length; k++) {
    const from = starts[k]!;
    let to = k + 1 < starts.length ? starts[k + 1]! : text.length;
    if (text.charCodeAt(to - 1) === 0x0a) to--; // the paragraph break belongs to no line (as in proseLine)
    const length = to - from;
    if (length < MIN_PARAGRAPH) continue;
    const i = lineIdx[k]!;
    const same = firstOfLength.get(length);
    let first: number | undefined;
    if (same) {
      const paragraph = text.slice(from, to);
      for (const j of same) {
        if (text.startsWith(paragraph, starts[j]!)) {
          first = lineIdx[j]!;
          break;
        }
      }
      if (first === undefined) same.push(k);
    } else firstOfLength.set(length, [k]);
    if (first === undefined) continue;
    const raw = report.lines[i]!.trim();
    out.push({
      id: 'CPY-02',
      severity: 'warning',
      cells: [],
      message: `第 ${i + 1} 行的段落与第 ${first + 1} 行重复：「${raw.slice(0, 40)}${raw.length > 40 ? '…' : ''}」。`,
      quote: raw,
      lines: [first, i],
    });
  }
  return out;
}

/** A section shorter than this (characters) is too short to call a copy (「无」, one line). */
const MIN_SECTION = 60;
const SECTION_COPY = 0.8;

/** CPY-03: a whole section whose text is (≥ 80 %) contained in another section. */
export function checkRepeatedSections(report: ParsedReport): Finding[] {
  // Fingerprints are built only for pairs that pass the cheap probe (copies are rare).
  const secs = report.sections.filter((s) => s.text.length >= MIN_SECTION);
  const out: Finding[] = [];
  for (const later of secs) {
    for (const earlier of secs) {
      if (earlier.no >= later.no) continue;
      if (!sectionProbablyContains(later, earlier)) continue;
      const a = sectionPrint(later);
      const b = sectionPrint(earlier);
      if (!containsAtLeast(a, b, SECTION_COPY)) continue;
      const share = containment(a, b);
      out.push({
        id: 'CPY-03',
        severity: 'error',
        cells: [],
        message: `第${SECTION_NAMES[later.no]}部分的内容有 ${Math.round(share * 100)}% 与第${SECTION_NAMES[earlier.no]}部分相同，疑似整段照抄，应按本部分要求重写。`,
        quote: later.text.slice(0, 60),
        lines: [later.startLine, earlier.startLine],
      });
      break;
    }
  }
  return out;
}

/** A character every body name of a level CPY-01 checks contains (see levelOf in copy-names.ts). */
const BODY_LEVEL_CHAR = /[街镇乡区县]/;

/** CPY-01: another body's name in the text. */
export function checkOtherBodies(report: ParsedReport): Finding[] {
  const prose = proseOf(report);
  // The title block (lines before section 一) names the body even when the parsed agency is wrong.
  const firstSection = report.sections.length ? Math.min(...report.sections.map((s) => s.startLine)) : 5;
  const header = report.lines.slice(0, Math.min(firstSection, 15));
  const ownRaw = [report.meta.agency, report.meta.title, ...header].filter((x): x is string => !!x);
  const out: Finding[] = [];
  // Only a 街道/镇/乡 or 区/县 body can name a sibling (otherBodyNames finds none otherwise), and normalising
  // never adds an ideograph: without one of these characters there is nothing to normalise the names for.
  if (!BODY_LEVEL_CHAR.test(ownRaw.join(' '))) return out;
  const own = ownRaw.map(normalizeLine);
  for (const hit of otherBodyNames(prose.text, own)) {
    out.push({
      id: 'CPY-01',
      severity: 'error',
      cells: [],
      message: `正文出现其他单位名称「${hit.name}」（本报告单位为${report.meta.agency ?? report.meta.title ?? '本单位'}），疑似照抄他单位报告：「${hit.context}」。`,
      quote: hit.name,
      lines: [...new Set(hit.at.flatMap((a) => linesOf(prose, a, a + hit.name.length)))],
    });
  }
  return out;
}

const PERIOD = /(\d{4})年(?:度)?1月1日(?:起)?(?:至|到|—|-|－|~|～)(?:(\d{4})年)?12月31日/;
/** A year opening a sentence (after an optional item number), from the delimiter before it. */
export const LEAD_YEAR = /[\n。！？；](?:[（(]?[一二三四五六七八九十\d]{1,3}[)）、.]?)?(\d{4})年(?:度)?(?:[，,]|以来|全年|我|本|共|全|在)/y;
/** LEAD_YEAR for the prose's first sentence, which has no delimiter before it. */
const LEAD_YEAR_FIRST = /(?:[（(]?[一二三四五六七八九十\d]{1,3}[)）、.]?)?(\d{4})年(?:度)?(?:[，,]|以来|全年|我|本|共|全|在)/y;
/** Its 年 comes 5 to 10 characters after the delimiter (an item number of up to 5, then 4 digits). */
export const LEAD_YEAR_ANCHORS: Anchoring = {
  anchors: ['年'],
  minLead: 5,
  maxLead: 10,
  starts: '\n。！？；',
};

/** CPY-04: title year ≠ 统计期限 year, or the prose narrates another year as the reporting year. */
export function checkYears(report: ParsedReport): Finding[] {
  const out: Finding[] = [];
  const prose = proseOf(report);
  const titleYear = Number(/(\d{4})\s*年/.exec(report.meta.title ?? '')?.[1] ?? NaN);
  const period = prose.text.includes('1月1日') ? PERIOD.exec(prose.text) : null;
  if (period && Number.isFinite(titleYear) && Number(period[1]) !== titleYear) {
    out.push({
      id: 'CPY-04',
      severity: 'warning',
      cells: [],
      message: `标题年度为 ${titleYear} 年，统计期限却写为 ${period[0]}，年份不一致。`,
      quote: period[0],
      lines: linesOf(prose, period.index, period.index + period[0].length),
    });
  }
  const year = report.meta.year ?? (Number.isFinite(titleYear) ? titleYear : null);
  if (year === null) return out;
  // Sentences that open with a year narrate "the year": count them per year, by the offset in prose.text
  // of the sentence start (one past its delimiter; 0 for the first sentence).
  const counts = new Map<number, number[]>();
  const add = (digits: string, at: number) => {
    const y = Number(digits);
    const list = counts.get(y);
    if (list) list.push(at);
    else counts.set(y, [at]);
  };
  const text = prose.text;
  LEAD_YEAR_FIRST.lastIndex = 0;
  const first = LEAD_YEAR_FIRST.exec(text);
  if (first) add(first[1]!, 0);
  for (const m of anchoredMatches(text, LEAD_YEAR, LEAD_YEAR_ANCHORS, first ? first[0].length : 0, notedChars(prose))) add(m[1]!, m.index + 1);
  const own = counts.get(year)?.length ?? 0;
  for (const [y, starts] of counts) {
    // Another year must clearly dominate: last year is legitimately mentioned in comparisons.
    if (y === year || y === year + 1 || starts.length < 2 || starts.length <= 2 * own) continue;
    out.push({
      id: 'CPY-04',
      severity: 'warning',
      cells: [],
      message: `本报告为 ${year} 年度，正文却有 ${starts.length} 处以「${y}年」叙述工作（以「${year}年」开头的只有 ${own} 处），疑似沿用其他年度的文字。`,
      quote: `${y}年`,
      lines: [...new Set(starts.flatMap((a) => linesOf(prose, a, a + 5)))],
    });
  }
  return out;
}

/** Markers of non-public documents; 国家秘密/商业秘密 in ordinary prose are not markers. */
export const SECRET_WORDS = ['密件', '内部资料', '内部文件', '秘密', '机密', '绝密'];

/**
 * Whether the text holds one of SECRET_WORDS, by two substring searches instead of six: every word holds
 * 密 (密件, 秘密, 机密, 绝密) or 内部 (内部资料, 内部文件), so only their occurrences' neighbours are read.
 */
export function hasSecretWord(text: string): boolean {
  for (let i = text.indexOf('密'); i >= 0; i = text.indexOf('密', i + 1)) {
    const before = text.charCodeAt(i - 1);
    if (text.charCodeAt(i + 1) === 0x4ef6 || before === 0x79d8 || before === 0x673a || before === 0x7edd) return true; // 件, 秘 机 绝
  }
  for (let i = text.indexOf('内部'); i >= 0; i = text.indexOf('内部', i + 1)) {
    if (text.startsWith('资料', i + 2) || text.startsWith('文件', i + 2)) return true;
  }
  return false;
}
const SECRET_MARK = /密件|内部资料|内部文件，?注意保存|[（(【\[]\s*(?:秘密|机密|绝密)\s*[）)】\]]|(?:秘密|机密|绝密)\s*★/g;

/** CPY-05: 密件, 秘密, 内部资料 markers in the text. */
export function checkSecretMarks(report: ParsedReport): Finding[] {
  const prose = proseOf(report);
  const out: Finding[] = [];
  // Cheap native pre-test: most reports contain none of the marker words.
  if (!hasSecretWord(prose.text)) return out;
  const seen = new Set<string>();
  SECRET_MARK.lastIndex = 0;
  for (let m = SECRET_MARK.exec(prose.text); m; m = SECRET_MARK.exec(prose.text)) {
    const from = Math.max(0, m.index - 20);
    const context = prose.text.slice(from, m.index + m[0].length + 6).replace(/\n/g, '');
    if (seen.has(m[0] + context)) continue;
    seen.add(m[0] + context);
    out.push({
      id: 'CPY-05',
      severity: 'info',
      cells: [],
      message: `正文含有不宜出现在公开文本中的标记「${m[0]}」：「…${context}…」，请确认能否公开。`,
      quote: m[0],
      lines: linesOf(prose, m.index, m.index + m[0].length),
    });
  }
  return out;
}

export const copyChecks: Check[] = [
  safe('CPY-01', checkOtherBodies),
  safe('CPY-02', checkRepeatedParagraphs),
  safe('CPY-03', checkRepeatedSections),
  safe('CPY-04', checkYears),
  safe('CPY-05', checkSecretMarks),
];
