/**
 * NAR-06 (pre-2019 vocabulary in the prose) and NAR-07 (规章 / 规范性文件 counts against table 二).
 */
import type { Finding, ParsedReport } from '../model.ts';
import type { Check } from './types.ts';
import { safe } from './safe.ts';
import { cellValue, fmt } from './cells.ts';
import { linesOf, sentenceMarks } from '../text/prose.ts';
import { proseOf, sentencesOf } from './text-cache.ts';
import { CN_NUMERAL_CHARS, parseCount } from '../text/numerals.ts';

/**
 * Old wording, only where it labels a count (「同意公开0件」): the same words in ordinary prose
 * (「经第三方同意公开」) are not template reuse. Longer alternatives first so 不同意公开 wins.
 */
const OLD_TERMS = /(同意部分公开|不同意公开|同意公开|不属于本行政机关|申请信息不存在|告知作出更改补充)[^，。；\d]{0,4}?\d/g;

/** Any old word at all: one native pass instead of a substring search per word (a search for a word whose
 *  first character is common, such as 不属于…, costs as much as a regex pass). */
const OLD_WORD = /同意|不属于本行政机关|申请信息不存在|告知作出更改补充/;

/** NAR-06: pre-2019 outcome vocabulary labelling counts in the prose. */
export function checkOldVocabulary(report: ParsedReport): Finding[] {
  const prose = proseOf(report);
  if (!OLD_WORD.test(prose.text)) return [];
  const terms = new Set<string>();
  const lines = new Set<number>();
  let first = '';
  OLD_TERMS.lastIndex = 0;
  for (let m = OLD_TERMS.exec(prose.text); m; m = OLD_TERMS.exec(prose.text)) {
    terms.add(m[1]!);
    for (const l of linesOf(prose, m.index, m.index + m[0].length)) lines.add(l);
    if (!first) first = m[0];
  }
  if (terms.size === 0) return [];
  const list = [...terms].map((t) => `「${t}」`).join('');
  return [{
    id: 'NAR-06',
    severity: 'warning',
    cells: [],
    message: `正文使用了 2019 年以前的旧版用语${list}，疑似沿用旧模板；请按现行表三的办理结果分类（予以公开、部分公开、不予公开、无法提供、不予处理、其他处理）表述。`,
    quote: first,
    lines: [...lines].sort((a, b) => a - b),
  }];
}

const DOC_COUNT = new RegExp(`(行政规范性文件|规范性文件|规章)[^，。；、\\d${CN_NUMERAL_CHARS}]{0,3}?(\\d{1,6}|[${CN_NUMERAL_CHARS}]{1,6})件`, 'g');
const ISSUE_VERB = /制发|印发|出台|制定|发布|公开|新增/;
const DOC_WORD = /规章|规范性文件/g;
/** Counts that are not 本年制发 (解读, 备案审查, 清理, valid totals, 「…等N件」 lumped counts). */
const NOT_ISSUED = /解读|备案|审查|审核|清理|征求|起草|宣传|专栏|废止|失效|有效|修订|修改|累计|现行|等|涉及|合法性|评估|梳理/;

/** NAR-07: prose counts of 规章 / 规范性文件 issued against table 二. */
export function checkDocCounts(report: ParsedReport): Finding[] {
  const is2019 = 'sec2.regulation.newMade' in report.cells || 'sec2.normativeDoc.newMade' in report.cells;
  const prose = proseOf(report);
  const out: Finding[] = [];
  if (!prose.text.includes('规章') && !prose.text.includes('规范性文件')) return out;
  const sentences = sentencesOf(prose);
  // Only sentences naming 规章 or 规范性文件 can hold a count (the words hold no sentence end, so each
  // occurrence lies inside one sentence): the others are never cut from the prose.
  const named = sentenceMarks(prose.text, sentences, DOC_WORD);
  for (let si = 0; si < sentences.length; si++) {
    if (named[si] !== 1) continue;
    const s = sentences[si]!;
    if (!ISSUE_VERB.test(s.text)) continue;
    DOC_COUNT.lastIndex = 0;
    let clauseStart = 0;
    for (let m = DOC_COUNT.exec(s.text); m; m = DOC_COUNT.exec(s.text)) {
      const before = s.text.slice(clauseStart, m.index);
      clauseStart = m.index + m[0].length;
      const clause = before.slice(Math.max(before.lastIndexOf('，'), before.lastIndexOf('：')) + 1);
      if (NOT_ISSUED.test(clause) || NOT_ISSUED.test(m[0]) || /各|全[市区县省]|部门/.test(clause)) continue;
      if (/[（）]/.test(clause)) continue;
      const value = parseCount(m[2]!);
      if (value === null) continue;
      const row = m[1] === '规章' ? 'regulation' : 'normativeDoc';
      const cols = is2019 ? ['newMade', 'newPublished'] : ['issued'];
      const keys = cols.map((c) => `sec2.${row}.${c}`);
      const values = keys.map((k) => cellValue(report, k));
      if (values.some((v) => typeof v !== 'number')) continue;
      if (values.includes(value)) continue;
      const quote = `${clause}${m[0]}`;
      const tableText = is2019 ? `本年新制作 ${fmt(values[0]!)}、本年新公开 ${fmt(values[1]!)}` : `本年制发 ${fmt(values[0]!)}`;
      out.push({
        id: 'NAR-07',
        severity: 'warning',
        cells: keys,
        message: `正文称「${quote}」，表二${m[1] === '规章' ? '规章' : '规范性文件'}填报${tableText}，两者不一致。`,
        quote,
        lines: linesOf(prose, s.start + m.index, s.start + m.index + m[0].length),
      });
    }
  }
  return out;
}

export const narrativeWordingChecks: Check[] = [safe('NAR-06', checkOldVocabulary), safe('NAR-07', checkDocCounts)];
