/**
 * Content and metadata checks (checks.md): CON-01 section 五 names no problem, CON-02 section 一 misses a
 * topic, CON-03 self-praise, CON-04 fees without 信息处理费 in 六, MET-01 no year, MET-02 title lacks region.
 */
import type { Finding, ParsedReport, Section } from '../model.ts';
import type { Check } from './types.ts';
import { safe } from './safe.ts';
import { cellValue, fmt } from './cells.ts';
import { containsAtLeast } from '../text/similarity.ts';
import { comparisonKey } from '../text/normalize.ts';
import { linesOf, notedChars } from '../text/prose.ts';
import { proseOf, sectionPrint, sectionProbablyContains } from './text-cache.ts';
import { checkTitleRegion } from './content-meta.ts';
import { anchoredMatches, type Anchoring } from '../text/anchored.ts';

const SECTION_NAMES = ['', '一', '二', '三', '四', '五', '六'];
const section = (r: ParsedReport, no: number): Section | undefined => r.sections.find((s) => s.no === no);

/** Words that name a shortcoming. 「解决实际问题」 alone is not a problem statement, hence the forms. */
const PROBLEM = /不足|差距|有待|不够|欠缺|薄弱|短板|滞后|不到位|不高|不强|不全|不及时|不规范|不充分|仍需|尚需|还需|需要进一步|需进一步|亟需|存在[^。；]{0,20}问题|问题[^。；]{0,6}(?:表现|主要|在于|有)|主要问题[：:是]/;

/** CON-01: section 五 empty, 「无」, copied from another section, or naming no problem. */
export function checkProblemsSection(report: ParsedReport): Finding[] {
  const five = section(report, 5);
  if (!five) {
    return [{ id: 'CON-01', severity: 'info', cells: [], message: '未找到第五部分“存在的主要问题及改进情况”，无法核对是否写明存在的问题。' }];
  }
  // Only a short section can be 「无」 or empty; longer ones need no key.
  const key = five.text.length <= 40 ? comparisonKey(five.text) : five.text;
  const at = { lines: [five.startLine] };
  if (key.length === 0 || /^(?:无|暂无|没有)/.test(key) && key.length <= 12) {
    return [{ id: 'CON-01', severity: 'warning', cells: [], message: `第五部分“存在的主要问题及改进情况”${key ? `只写了「${five.text.trim()}」` : '为空'}，应写明本年度存在的问题和改进措施。`, ...at }];
  }
  for (const other of report.sections) {
    if (other.no === 5 || other.text.length < 60 || !sectionProbablyContains(five, other)) continue;
    if (containsAtLeast(sectionPrint(five), sectionPrint(other), 0.8)) {
      return [{ id: 'CON-01', severity: 'warning', cells: [], message: `第五部分照抄了第${SECTION_NAMES[other.no]}部分的内容，没有写出本年度存在的问题。`, ...at }];
    }
  }
  if (!PROBLEM.test(key) && !PROBLEM.test(comparisonKey(five.text))) {
    return [{ id: 'CON-01', severity: 'warning', cells: [], message: '第五部分“存在的主要问题及改进情况”没有写出任何具体问题或不足。', quote: five.text.slice(0, 60), ...at }];
  }
  return [];
}

/**
 * The five topics of section 一 and the words that name each. Substring searches, not one regex per
 * topic: a native search for a word is several times faster than a regex pass over the section, and a
 * topic is named as soon as one word is found (发布审核 is named by 审核 already, kept for the catalogue).
 */
const TOPICS: Array<[string, string[]]> = [
  ['主动公开', ['主动公开']],
  ['依申请公开', ['依申请', '申请公开', '公开申请']],
  ['政府信息管理', ['信息管理', '公开属性', '发布审核', '审核', '保密审查', '指南', '目录']],
  ['平台建设', ['平台', '网站', '新媒体', '公报', '专栏', '专区']],
  ['监督保障', ['监督', '保障', '考核', '培训', '评议', '责任追究']],
];

/** Whether the text holds any of the words. */
function holdsAny(text: string, words: readonly string[]): boolean {
  for (let i = 0; i < words.length; i++) if (text.includes(words[i]!)) return true;
  return false;
}

/** CON-02: section 一 misses one of its five topics. */
export function checkOverviewTopics(report: ParsedReport): Finding[] {
  const one = section(report, 1);
  if (!one) return [];
  const missing = TOPICS.filter(([, words]) => !holdsAny(one.text, words)).map(([t]) => t);
  if (missing.length === 0) return [];
  return [{ id: 'CON-02', severity: 'info', cells: [], message: `第一部分“总体情况”未涉及：${missing.join('、')}。`, lines: [one.startLine] }];
}

export const PRAISE = /自评[^。；，]{0,6}满分|(?:排名|位居|位列|名列|居)(?:全[省市区县国]|[省市区县]级|同级|系统内?)[^。；，第]{0,8}第一|名列前茅/y;
/**
 * Every match holds 满分 (2–8 characters in), 第一 (3–13) or the 茅 of 名列前茅 (3), and starts with 自排位名居
 * (茅 alone: a search for 前茅 stops at every common 前).
 */
export const PRAISE_ANCHORS: Anchoring = { anchors: ['满分', '第一', '茅'], minLead: 2, maxLead: 13, starts: '自排位名居' };

/** CON-03: self-praise instead of substance. */
export function checkSelfPraise(report: ParsedReport): Finding[] {
  const prose = proseOf(report);
  const byQuote = new Map<string, Finding>();
  for (const m of anchoredMatches(prose.text, PRAISE, PRAISE_ANCHORS, 0, notedChars(prose))) {
    const quote = m[0];
    const lines = linesOf(prose, m.index, m.index + m[0].length);
    const prev = byQuote.get(quote);
    if (prev) prev.lines = [...new Set([...(prev.lines ?? []), ...lines])];
    else byQuote.set(quote, { id: 'CON-03', severity: 'info', cells: [], message: `「${quote}」是自我评价，年报应写实际工作和数据。`, quote, lines });
  }
  return [...byQuote.values()];
}

/** CON-04 (2021 format): fees charged while section 六 says nothing about 信息处理费. */
export function checkFeeReported(report: ParsedReport): Finding[] {
  const fee = cellValue(report, 'sec2.fee.amount');
  if (typeof fee !== 'number' || fee <= 0) return [];
  const six = section(report, 6);
  const cells = ['sec2.fee.amount'];
  if (!six) return [{ id: 'CON-04', severity: 'info', cells, message: `表二行政事业性收费为 ${fmt(fee)} 万元，但未找到第六部分，无法核对是否说明信息处理费收取情况。` }];
  if (/信息处理费/.test(six.text)) return [];
  return [{
    id: 'CON-04',
    severity: 'warning',
    cells,
    message: `表二行政事业性收费为 ${fmt(fee)} 万元，第六部分却未说明信息处理费的收取情况。`,
    lines: [six.startLine],
  }];
}

/** MET-01: no report year can be found. */
export function checkYearFound(report: ParsedReport): Finding[] {
  if (report.meta.year !== null) return [];
  return [{ id: 'MET-01', severity: 'error', cells: [], message: '标题和统计期限中都找不到报告年度，请在标题中写明“××年”。' }];
}

export const contentChecks: Check[] = [
  safe('CON-01', checkProblemsSection),
  safe('CON-02', checkOverviewTopics),
  safe('CON-03', checkSelfPraise),
  safe('CON-04', checkFeeReported),
  safe('MET-01', checkYearFound),
  safe('MET-02', checkTitleRegion),
];
