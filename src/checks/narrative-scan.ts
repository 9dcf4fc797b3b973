/**
 * Reads the counts the narrative states about 政府信息公开 applications, 行政复议 and 行政诉讼 ("claims").
 * Only prose about those topics counts: a hotline, website or 政务公开 count is never an application.
 * One linear pass over sentences; every regex is anchored to a short segment (no unbounded backtracking).
 */
import type { ParsedReport } from '../model.ts';
import { parseCount, CN_NUMERAL_CHARS } from '../text/numerals.ts';
import type { Prose, Sentence } from '../text/prose.ts';
import { proseOf, sentencesOf } from './text-cache.ts';

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
  kind: 'noApplications' | 'allMaintained' | 'noneCorrected';
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

const NUM = `(\\d+(?:,\\d{3})*|[${CN_NUMERAL_CHARS}]+)`;
/** A count with its unit; 余 (「200余件」) marks an estimate and is skipped. */
const COUNT_RE = new RegExp(`${NUM}(余)?(件|起|宗)`, 'g');
const TOPIC_INFO = /信息公开|政府信息|依申请|申请公开/;
const NOT_APPLICATION = /热线|12345|信访件|投诉|留言|咨询|网站|来电|建议|提案|诉求|案件/;
const BOUNDARY = /[，：；:]/;

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
const ANSWERED = /答复|办结|办理完毕|共办理|已办理/;

const OUTCOME_RULES: Array<[RegExp, ClaimKind]> = [
  [/尚未审结|未审结|审理中|未结案/, 'pending'],
  [/维持/, 'maintained'],
  [/纠错|纠正|撤销|确认违法|败诉/, 'corrected'],
  [/其他/, 'otherResult'],
];

/** The subject a segment names last (复议后起诉 is litigation, not review). */
function subjectIn(seg: string): Subject | null {
  let best: Subject | null = null;
  let at = -1;
  const probe = (re: RegExp, s: Subject) => {
    const m = re.exec(seg);
    if (m && m.index >= at) {
      at = m.index;
      best = s;
    }
  };
  probe(/复议/, 'review');
  probe(/诉讼|起诉/, 'lit');
  probe(/未经复议直接起诉|直接起诉/, 'litDirect');
  probe(/复议后(?:提起|起诉)/, 'litAfterReview');
  return best;
}

/** Scans the narrative of a report (table lines excluded). */
export function scanNarrative(report: ParsedReport): NarrativeClaims {
  return scanProse(proseOf(report));
}

/** True when a sentence is about 政府信息公开 applications. */
const isApplyTopic = (t: string) => t.includes('申请') && TOPIC_INFO.test(t);

/** Scans prose for claims and statements. */
export function scanProse(prose: Prose): NarrativeClaims {
  const sentences = sentencesOf(prose);
  const claims: Claim[] = [];
  const statements: Statement[] = [];
  let carrySubject: Subject | null = null;
  let carryApply = false;
  // Topic flags once per sentence (each is a native regex test).
  const info = sentences.map((x) => TOPIC_INFO.test(x.text));
  const apply = sentences.map((x, i) => info[i]! && x.text.includes('申请'));
  for (let si = 0; si < sentences.length; si++) {
    const s = sentences[si]!;
    const text = s.text;
    const infoCtx = info[si] || (si > 0 && info[si - 1]!) || (si > 1 && info[si - 2]!);
    // Application counts: the sentence or the one before is about applications, or the previous sentence
    // already stated application counts (「予以公开…；不予公开…；无法提供…」 split by semicolons).
    const applyCtx = carryApply || apply[si]! || (si > 0 && apply[si - 1]!);
    const before = claims.length;
    let applyClaims = 0;
    if (infoCtx) scanStatements(text, s.start, statements);
    let subject: Subject | null = carrySubject;
    let prevEnd = 0;
    COUNT_RE.lastIndex = 0;
    for (let m = COUNT_RE.exec(text); m; m = COUNT_RE.exec(text)) {
      const end = m.index + m[0].length;
      // The label of a count: from the previous count or clause boundary, whichever is later.
      const segFrom = Math.max(prevEnd, lastBoundary(text, m.index) + 1);
      prevEnd = end;
      if (m[2] || text[m.index - 1] === '第' || /[\d.]/.test(text[m.index - 1] ?? '') || insideParens(text, m.index)) continue;
      // 「一起研究」「一件事」: a Chinese numeral counts only when the clause ends right after its unit.
      if (!/\d/.test(m[1]!) && !/^(?:[，。；、）：]|$)/.test(text.slice(end, end + 1))) continue;
      const value = parseCount(m[1]!);
      if (value === null) continue;
      const seg = text.slice(segFrom, m.index);
      const after = forwardSegment(text, end);
      const quote = text.slice(segFrom, end);
      const base = { value, quote, start: s.start + segFrom, end: s.start + end, sentence: si };
      // 复议 / 诉讼: the subject named in the segment, or (「1件涉及…的行政复议」) right after the count.
      const segSubject = subjectIn(seg) ?? (/[复诉]/.test(after) && !/\d/.test(after) ? subjectIn(after) : null);
      const outcome = OUTCOME_RULES.find(([re]) => re.test(seg))?.[1];
      if (segSubject) {
        subject = segSubject;
        if (outcome) claims.push({ ...base, kind: outcome, subject });
        else if (infoCtx && (TOPIC_INFO.test(seg) || !/案件/.test(seg))) claims.push({ ...base, kind: 'total', subject });
        continue;
      }
      if (subject && outcome) {
        claims.push({ ...base, kind: outcome, subject });
        continue;
      }
      if (!applyCtx || NOT_APPLICATION.test(seg)) continue;
      const kind = APPLY_RULES.find(([re]) => re.test(seg))?.[1] ?? (RECEIVED.test(seg) ? 'received' : ANSWERED.test(seg) ? 'resultTotal' : null);
      if (!kind) continue;
      const claim: Claim = { ...base, kind };
      if (kind === 'received' && /^（含上年度?结转/.test(text.slice(end, end + 8))) claim.includesCarry = true;
      claims.push(claim);
      applyClaims++;
    }
    // A subject carries into the next sentence only while the sentences keep stating 复议/诉讼 counts.
    carrySubject = claims.length > before && subject ? subject : null;
    carryApply = applyClaims > 0;
  }
  return { prose, sentences, claims, statements };
}

/** Index of the last clause boundary (，：；) before `to`, or -1. */
function lastBoundary(text: string, to: number): number {
  return Math.max(text.lastIndexOf('，', to - 1), text.lastIndexOf('：', to - 1), text.lastIndexOf('；', to - 1));
}

/** True when position `at` sits inside （…） (percentages and 「含…」 notes are not counts of their own). */
function insideParens(text: string, at: number): boolean {
  const open = text.lastIndexOf('（', at - 1);
  return open >= 0 && text.lastIndexOf('）', at - 1) < open;
}

/** Text after a count up to the next clause boundary (short). */
function forwardSegment(text: string, from: number): string {
  let i = from;
  while (i < text.length && i - from < 24 && !BOUNDARY.test(text[i]!) && text[i] !== '。') i++;
  return text.slice(from, i);
}

const NO_APPLICATIONS = /(?:没有|未|无)(?:收到|接到|受理|任何|公民)[^。；]{0,60}?申请/;
const RESTRICTED_APPLICANT = /法人|组织/;
const ALL_APPLICANTS = /公民|任何|自然人/;
const ALL_MAINTAINED = /均(?:获|被|予以)?维持|全部(?:获|被)?维持/;
const NONE_CORRECTED = /未(?:发生|出现|有)?[^。；，]{0,24}?(?:纠错|败诉)/;

function scanStatements(text: string, offset: number, out: Statement[]): void {
  const push = (kind: Statement['kind'], m: RegExpExecArray, subjects: Subject[]) =>
    out.push({ kind, subjects, quote: m[0], start: offset + m.index, end: offset + m.index + m[0].length });
  const none = NO_APPLICATIONS.exec(text);
  if (none && !/复议|诉讼/.test(none[0]) && (!RESTRICTED_APPLICANT.test(none[0]) || ALL_APPLICANTS.test(none[0]))) {
    push('noApplications', none, []);
  }
  const subjects: Subject[] = [];
  if (/复议/.test(text)) subjects.push('review');
  if (/诉讼/.test(text)) subjects.push('lit');
  if (subjects.length === 0) return;
  const all = ALL_MAINTAINED.exec(text);
  if (all) push('allMaintained', all, subjects);
  const nc = NONE_CORRECTED.exec(text);
  if (nc) push('noneCorrected', nc, subjects);
}
