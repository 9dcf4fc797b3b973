/**
 * Reads the counts the narrative states about 政府信息公开 applications, 行政复议 and 行政诉讼 ("claims").
 * Only prose about those topics counts: a hotline, website or 政务公开 count is never an application.
 * Every regex runs once over the whole prose or on a short segment, with bounded repetition only.
 */
import type { ParsedReport } from '../model.ts';
import { parseCount, CN_NUMERAL_CHARS } from '../text/numerals.ts';
import { notedChars, sentenceMarks, wordSentenceMarks, type Prose, type Sentence } from '../text/prose.ts';
import { proseOf, sentencesOf } from './text-cache.ts';
import { anchoredMatches, startedMatches, type Anchoring, type NotedChars } from '../text/anchored.ts';

/** What a stated count is about. */
export type ClaimKind =
  | 'received' | 'granted' | 'partial' | 'grantedPartial' | 'denied' | 'unable' | 'notProcessed' | 'other'
  | 'resultTotal' | 'carriedOver' | 'carryForward'
  | 'total' | 'maintained' | 'corrected' | 'otherResult' | 'pending';

/** Whose count a review/litigation claim is. */
export type Subject = 'review' | 'lit' | 'litDirect' | 'litAfterReview';

/** One count stated in the prose. */
export interface Claim {
  kind: ClaimKind;
  /** Set for 复议/诉讼 claims; absent for application claims. */
  subject?: Subject;
  value: number;
  /** The text as printed (label and number), for the finding's quote. */
  quote: string;
  /** Offsets in prose.text. */
  start: number;
  end: number;
  /** Sentence index, to group claims into blocks. */
  sentence: number;
  /** 「…（含上年结转N件）」 follows the number: the count includes carried-over applications. */
  includesCarry?: boolean;
}

/** A statement without a number: 「没有收到…申请」, 「均获维持」, 「未…纠错」. */
export interface Statement {
  kind: 'noApplications' | 'allMaintained' | 'noneCorrected' | 'noReviews';
  subjects: Subject[];
  quote: string;
  start: number;
  end: number;
}

/** Everything the narrative states. */
export interface NarrativeClaims {
  prose: Prose;
  sentences: Sentence[];
  claims: Claim[];
  statements: Statement[];
}

/** 件起宗, the units of a count; a count is found from its unit backwards (units are rarer than numerals). */
const isUnit = (c: number) => c === 0x4ef6 || c === 0x8d77 || c === 0x5b97;
/** Codes of the Chinese numeral characters (code lookups allocate no one-character strings). */
const CN_NUMERAL = new Set([...CN_NUMERAL_CHARS].map((c) => c.charCodeAt(0)));
const isDigit = (c: number) => c >= 48 && c <= 57;

/** A count in the prose: 「20件」「三起」「1,295件」. */
interface CountHit {
  /** Offset of the first numeral character. */
  index: number;
  /** Offset just past the unit. */
  end: number;
  /** The numeral as printed. */
  numeral: string;
  /** 「200余件」: an estimate, not a count. */
  estimate: boolean;
}

/**
 * Every count of a text, in order: each unit character, read backwards over 余 and a numeral. Linear,
 * no regex backtracking; a numeral longer than any real count (a run of 一…) is ignored.
 */
function findCounts(text: string, marks: readonly number[]): CountHit[] {
  const out: CountHit[] = [];
  // The unit characters are among the characters buildProse marked: no pass over the text.
  for (let u = 0; u < marks.length; u++) {
    const unitAt = marks[u]!;
    if (!isUnit(text.charCodeAt(unitAt))) continue;
    let j = unitAt;
    const estimate = text[j - 1] === '余';
    if (estimate) j--;
    let k = j;
    while (k > 0 && j - k <= 16 && (isDigit(text.charCodeAt(k - 1)) || (text[k - 1] === ',' && isDigit(text.charCodeAt(k - 2))))) k--;
    if (k === j) while (k > 0 && j - k <= 8 && CN_NUMERAL.has(text.charCodeAt(k - 1))) k--;
    if (k === j || j - k > 16 || (j - k > 8 && !isDigit(text.charCodeAt(j - 1)))) continue;
    out.push({ index: k, end: unitAt + 1, numeral: text.slice(k, j), estimate });
  }
  return out;
}
const TOPIC_INFO = /信息公开|政府信息|依申请|申请公开/;
const NOT_APPLICATION = /热线|12345|信访件|投诉|留言|咨询|网站|来电|建议|提案|诉求|案件/;

/** Application outcome classes, most specific first (old pre-2019 wording mapped per checks.md NAR-03). */
const APPLY_RULES: Array<[RegExp, ClaimKind]> = [
  [/予以公开(?:及|和|与|、)部分公开/, 'grantedPartial'],
  [/不同意公开|不予公开/, 'denied'],
  [/同意部分公开|部分公开/, 'partial'],
  [/属于已主动公开|同意公开|予以公开/, 'granted'],
  [/无法提供|不属于本(?:行政)?机关|申请信息不存在|告知作出更改补充|本机关不掌握/, 'unable'],
  [/不予处理/, 'notProcessed'],
  [/其他处理/, 'other'],
  [/上年度?结转|上一年度?结转/, 'carriedOver'],
  [/结转下|转下一?年|转入下|顺延|待答复|正在办理/, 'carryForward'],
];
const RECEIVED = /(?:收到|受理|新收|接收|接到|收悉)[^，；]{0,24}申请|申请公开政府信息$|依申请公开(?:政府信息)?$/;
/** The application is named as an information-disclosure one, right at the word 申请. */
const APPLICATION_NAMED = /(?:公开|政府信息)[^，；]{0,4}申请|申请公开|依申请/;
const ANSWERED = /答复|办结|办理完毕|共办理|已办理/;
/** Applications of other kinds, counted in the same sentences in some reports. */
const OTHER_APPLICATION = /许可|审批|低保|救助|补贴/;
/** 「（含上年结转N件）」 right after a received count. */
const INCLUDES_CARRY = /^（(?:含|包括|包含|其中)上一?年度?结转/;
/** What may follow a Chinese-numeral count (「三件。」): the clause ends there. */
const CLAUSE_END_AFTER = /^(?:[，。；、）：]|$)/;
const REVIEW_CHAR = /[复诉]/;
const DIGIT = /\d/;
const SPLIT_LITIGATION = /复议后|直接起诉/;
const AFTER_REVIEW = /复议后(?:提起|起诉)/;

const OUTCOME_RULES: Array<[RegExp, ClaimKind]> = [
  [/尚未审结|未审结|审理中|未结案/, 'pending'],
  [/维持/, 'maintained'],
  [/纠错|纠正|撤销|确认违法|败诉/, 'corrected'],
  [/其他/, 'otherResult'],
];

/**
 * One regex matching wherever any rule of the list matches: tested first, so a label that names no
 * outcome (most of them) costs one test instead of one per rule. The rules carry no flags or anchors.
 */
function anyRule(rules: Array<[RegExp, ClaimKind]>): RegExp {
  return new RegExp(rules.map(([re]) => `(?:${re.source})`).join('|'));
}
const ANY_APPLY = anyRule(APPLY_RULES);
const ANY_OUTCOME = anyRule(OUTCOME_RULES);

/** The subject a segment names: the litigation kinds first, else whichever of 复议/诉讼 comes last. */
function subjectIn(seg: string): Subject | null {
  if (seg.includes('直接起诉')) return 'litDirect';
  if (AFTER_REVIEW.test(seg)) return 'litAfterReview';
  const review = seg.lastIndexOf('复议');
  const lit = Math.max(seg.lastIndexOf('诉讼'), seg.lastIndexOf('起诉'));
  if (review < 0 && lit < 0) return null;
  return lit > review ? 'lit' : 'review';
}

/** Scans the narrative of a report (table lines excluded). */
export function scanNarrative(report: ParsedReport): NarrativeClaims {
  return scanProse(proseOf(report));
}

const TOPIC_INFO_G = new RegExp(TOPIC_INFO.source, 'g');

/**
 * Scans prose for claims and statements. Every regex runs once over the whole prose (not once per
 * sentence); matches are assigned to sentences by walking both in order.
 */
export function scanProse(prose: Prose): NarrativeClaims {
  const sentences = sentencesOf(prose);
  const text0 = prose.text;
  const claims: Claim[] = [];
  const statements: Statement[] = [];
  const info = sentenceMarks(text0, sentences, TOPIC_INFO_G);
  const applyWord = wordSentenceMarks(prose, sentences, '申请');
  const infoCtxOf = (si: number) => info[si] === 1 || (si > 0 && info[si - 1] === 1) || (si > 1 && info[si - 2] === 1);
  scanStatements(text0, sentences, infoCtxOf, statements, notedChars(prose));
  // All counts of the prose, in order; each sentence takes the ones inside it.
  const counts = findCounts(text0, prose.marks);
  let ci = 0;
  let carrySubject: Subject | null = null;
  let carryApply = false;
  for (let si = 0; si < sentences.length; si++) {
    const s = sentences[si]!;
    const sEnd = s.end;
    if (ci >= counts.length || counts[ci]!.index >= sEnd) {
      carrySubject = null;
      carryApply = false;
      continue;
    }
    const text = s.text;
    const infoCtx = infoCtxOf(si);
    // Application counts: the sentence or the one before is about applications, or the previous sentence
    // already stated application counts (「予以公开…；不予公开…；无法提供…」 split by semicolons).
    const applyCtx = carryApply || isApply(info, applyWord, si) || isApply(info, applyWord, si - 1);
    if (!infoCtx && !applyCtx && !carrySubject) {
      // Nothing in this sentence can be a claim: skip its counts without looking at them.
      while (ci < counts.length && counts[ci]!.index < sEnd) ci++;
      carrySubject = null;
      carryApply = false;
      continue;
    }
    const before = claims.length;
    let applyClaims = 0;
    let subject: Subject | null = carrySubject;
    let prevEnd = 0;
    for (; ci < counts.length && counts[ci]!.index < sEnd; ci++) {
      const g = counts[ci]!;
      const index = g.index - s.start;
      const end = g.end - s.start;
      // The label of a count: from the previous count or clause boundary, whichever is later.
      const segFrom = Math.max(prevEnd, lastBoundary(text, index) + 1);
      prevEnd = end;
      const prevCh = text[index - 1] ?? '';
      // 「第3件」, 「2.5件」, or inside （…）: not a count of its own.
      if (g.estimate || prevCh === '第' || prevCh === '.' || insideParens(text, index)) continue;
      // 「一起研究」「一件事」: a Chinese numeral counts only when the clause ends right after its unit.
      if (!isDigit(g.numeral.charCodeAt(0)) && !CLAUSE_END_AFTER.test(text.slice(end, end + 1))) continue;
      const value = plainCount(g.numeral) ?? parseCount(g.numeral);
      if (value === null) continue;
      const seg = text.slice(segFrom, index);
      const after = forwardSegment(text, end);
      const quote = text.slice(segFrom, end);
      // Claims are written as plain literals (same keys, same order as before): a spread of a shared base
      // object costs a runtime copy per claim.
      const cStart = s.start + segFrom;
      const cEnd = s.start + end;
      // 复议 / 诉讼: the subject named in the segment, or (「1件涉及…的行政复议」) right after the count.
      const segSubject = subjectIn(seg) ?? (REVIEW_CHAR.test(after) && !DIGIT.test(after) ? subjectIn(after) : null);
      const outcome = ANY_OUTCOME.test(seg) ? OUTCOME_RULES.find(([re]) => re.test(seg))?.[1] : undefined;
      if (segSubject) {
        subject = segSubject;
        // 「行政复议、行政诉讼共5件」 lumps both: no total can be compared.
        const lumped = seg.includes('复议') && seg.includes('诉讼') && !SPLIT_LITIGATION.test(seg);
        if (outcome) claims.push({ value, quote, start: cStart, end: cEnd, sentence: si, kind: outcome, subject });
        else if (infoCtx && !lumped && (TOPIC_INFO.test(seg) || !seg.includes('案件'))) claims.push({ value, quote, start: cStart, end: cEnd, sentence: si, kind: 'total', subject });
        continue;
      }
      if (subject && outcome) {
        claims.push({ value, quote, start: cStart, end: cEnd, sentence: si, kind: outcome, subject });
        continue;
      }
      if (!applyCtx || NOT_APPLICATION.test(seg)) continue;
      // A received count must name what was applied for (「政府信息公开申请」「申请公开政府信息」): other
      // applications (行政许可, 低保…) are counted in the same sentences in some reports.
      const received = RECEIVED.test(seg) && APPLICATION_NAMED.test(seg) && !OTHER_APPLICATION.test(seg);
      const rule = ANY_APPLY.test(seg) ? APPLY_RULES.find(([re]) => re.test(seg))?.[1] : undefined;
      const kind = rule ?? (received ? 'received' : ANSWERED.test(seg) ? 'resultTotal' : null);
      if (!kind) continue;
      const claim: Claim = { value, quote, start: cStart, end: cEnd, sentence: si, kind };
      if (kind === 'received' && INCLUDES_CARRY.test(text.slice(end, end + 10))) claim.includesCarry = true;
      claims.push(claim);
      applyClaims++;
    }
    // A subject carries into the next sentence only while the sentences keep stating 复议/诉讼 counts.
    carrySubject = claims.length > before && subject ? subject : null;
    carryApply = applyClaims > 0;
  }
  return { prose, sentences, claims, statements };
}

/**
 * A numeral of ASCII digits only (most counts) read directly; null for anything else, which parseCount
 * reads (it would read these to the same number).
 */
function plainCount(numeral: string): number | null {
  if (numeral.length > 15) return null;
  for (let i = 0; i < numeral.length; i++) if (!isDigit(numeral.charCodeAt(i))) return null;
  return numeral.length > 0 ? Number(numeral) : null;
}

/** Sentence `i` is about 政府信息公开 and names an application (false before the first sentence). */
function isApply(info: ArrayLike<number>, applyWord: ArrayLike<number>, i: number): boolean {
  return i >= 0 && info[i] === 1 && applyWord[i] === 1;
}

/**
 * Index of the last clause boundary (，：；) before `to`, or -1: a walk back by character code, as the
 * boundary is usually a few characters back (three lastIndexOf calls cost more).
 */
function lastBoundary(text: string, to: number): number {
  let i = to - 1;
  while (i >= 0) {
    const c = text.charCodeAt(i);
    if (c === 0xff0c || c === 0xff1a || c === 0xff1b) break;
    i--;
  }
  return i;
}

/**
 * True when position `at` sits inside （…） (percentages and 「含…」 notes are not counts of their own):
 * the nearer of the last （ and the last ） before it is a （.
 */
function insideParens(text: string, at: number): boolean {
  for (let i = at - 1; i >= 0; i--) {
    const c = text.charCodeAt(i);
    if (c === 0xff08) return true;
    if (c === 0xff09) return false;
  }
  return false;
}

/** Text after a count up to the next clause boundary (short). */
function forwardSegment(text: string, from: number): string {
  let i = from;
  while (i < text.length && i - from < 24 && !isClauseEnd(text.charCodeAt(i))) i++;
  return text.slice(from, i);
}

/** ，：；: or 。, by character code (no regex call per character: this runs after every count). */
function isClauseEnd(c: number): boolean {
  return c === 0xff0c || c === 0xff1a || c === 0xff1b || c === 0x3a || c === 0x3002;
}

/** 「没有收到…申请」: a negation, a verb, then 申请 within the clause (lazily: the first 申请). */
export const NO_APPLICATIONS = /(?:没有|未|无)(?:收到|接到|受理|任何|公民)[^。；\n]{0,60}?申请/y;
/** The characters a NO_APPLICATIONS match starts with. */
export const NO_APPLICATIONS_STARTS = '没未无';
const RESTRICTED_APPLICANT = /法人|组织/;
const ALL_APPLICANTS = /公民|任何|自然人/;
export const ALL_MAINTAINED = /均(?:获|被|予以)?维持|全部(?:获|被)?维持/y;
/** An ALL_MAINTAINED match starts with 均 or 全 and holds 维持 1 to 4 characters in. */
export const ALL_MAINTAINED_ANCHORS: Anchoring = { anchors: ['维持'], minLead: 1, maxLead: 4, starts: '均全' };
/** 「没有因政府信息公开申请行政复议、诉讼…的情况发生」「未发生行政复议」: no case at all. */
export const NO_REVIEWS = /(?:没有|未发生|未出现|未有|无)因?[^。；，\n]{0,14}?(?:复议|诉讼)[^。；，\n]{0,12}/y;
/** A NO_REVIEWS match starts with 没未无 and holds 复议 or 诉讼 1 to 18 characters in. */
export const NO_REVIEWS_ANCHORS: Anchoring = {
  anchors: ['复议', '诉讼'],
  minLead: 1,
  maxLead: 18,
  starts: '没未无',
};
export const NONE_CORRECTED = /未(?:发生|出现|有)?[^。；，\n]{0,24}?(?:纠错|败诉)/y;
/** A NONE_CORRECTED match starts with 未 and holds 纠错 or 败诉 1 to 27 characters in. */
export const NONE_CORRECTED_ANCHORS: Anchoring = { anchors: ['纠错', '败诉'], minLead: 1, maxLead: 27, starts: '未' };

/** Finds 「没有收到…申请」, 「均获维持」, 「未…纠错」 in sentences about 政府信息公开 (global passes). */
function scanStatements(text: string, sentences: Sentence[], infoCtxOf: (si: number) => boolean, out: Statement[], noted: NotedChars): void {
  let p = 0;
  const sentenceAt = (at: number) => {
    while (p + 1 < sentences.length && sentences[p + 1]!.start <= at) p++;
    return p;
  };
  const push = (kind: Statement['kind'], m: RegExpExecArray, subjects: Subject[]) =>
    out.push({ kind, subjects, quote: m[0], start: m.index, end: m.index + m[0].length });
  const hasReview = text.includes('复议') || text.includes('诉讼');
  for (const m of startedMatches(text, NO_APPLICATIONS, NO_APPLICATIONS_STARTS, noted)) {
    // Only a general statement counts: not one about reviews, nor about some kind of application.
    if (!infoCtxOf(sentenceAt(m.index)) || /复议|诉讼|涉及|关于|有关|方面|类/.test(m[0])) continue;
    if (RESTRICTED_APPLICANT.test(m[0]) && !ALL_APPLICANTS.test(m[0])) continue;
    push('noApplications', m, []);
  }
  if (!hasReview) return; // the remaining statements are all about 复议/诉讼
  p = 0;
  for (const m of anchoredMatches(text, NO_REVIEWS, NO_REVIEWS_ANCHORS, 0, noted)) {
    // 「未…被复议纠错」 is about outcomes, 「无法…」 is not a negation of cases.
    if (!infoCtxOf(sentenceAt(m.index)) || /纠错|纠正|败诉|撤销|维持|无法/.test(m[0])) continue;
    const subjects: Subject[] = [];
    if (m[0].includes('复议')) subjects.push('review');
    if (m[0].includes('诉讼')) subjects.push('lit');
    push('noReviews', m, subjects);
  }
  for (const [re, kind, how] of [[ALL_MAINTAINED, 'allMaintained', ALL_MAINTAINED_ANCHORS], [NONE_CORRECTED, 'noneCorrected', NONE_CORRECTED_ANCHORS]] as const) {
    p = 0;
    for (const m of anchoredMatches(text, re, how, 0, noted)) {
      const si = sentenceAt(m.index);
      if (!infoCtxOf(si)) continue;
      const st = sentences[si]!.text;
      const subjects: Subject[] = [];
      if (st.includes('复议')) subjects.push('review');
      if (st.includes('诉讼')) subjects.push('lit');
      if (subjects.length) push(kind, m, subjects);
    }
  }
}
