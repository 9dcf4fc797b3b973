/**
 * Narrative against tables (checks.md "Narrative"): NAR-01 received count, NAR-02 「没有收到申请」,
 * NAR-03 per-outcome counts, NAR-04 复议/诉讼 counts, NAR-05 their outcomes. NAR-06/07 live in
 * narrative-wording.ts. When the prose is ambiguous these checks warn rather than err.
 */
import type { FieldKey, Finding, ParsedReport } from '../model.ts';
import type { Sec3RowDef } from '../spec/templates.ts';
import type { Check } from './types.ts';
import { safe } from './safe.ts';
import { cellValue, fmt, hasSec3, hasSec4, sec3RowTotal, sec3RowsPresent } from './cells.ts';
import { linesOf } from '../text/prose.ts';
import { scanNarrative, type Claim, type ClaimKind, type NarrativeClaims, type Subject } from './narrative-scan.ts';
import { narrativeWordingChecks } from './narrative-wording.ts';
import { Latest } from '../util/latest.ts';

/** Scope words of counts that may cover more bodies than the report's own table (全区各级行政机关…). */
const AGGREGATE = /全[省市区县镇乡]|各级|各部门|各单位|各乡镇|各街道|全系统/;

/** The latest report's claims (not a WeakMap: see src/util/latest.ts). */
const CACHE = new Latest<ParsedReport, NarrativeClaims>();
/** The claims of a report, scanned once and shared by the NAR checks. */
function claimsOf(report: ParsedReport): NarrativeClaims {
  let c = CACHE.get(report);
  if (!c) {
    c = scanNarrative(report);
    CACHE.set(report, c);
  }
  return c;
}

function where(n: NarrativeClaims, start: number, end: number): { lines: number[] } {
  return { lines: linesOf(n.prose, start, end) };
}

/** NAR-01: the received count in the prose equals 本年新收 (or 本年新收 + 上年结转). */
export function checkReceived(report: ParsedReport): Finding[] {
  const n = claimsOf(report);
  const received = n.claims.filter((c) => c.kind === 'received');
  if (received.length === 0) return [];
  const keys = ['sec3.newReceived.total', 'sec3.carriedOver.total'];
  const r = hasSec3(report) ? sec3RowTotal(report, 'newReceived') : null;
  if (r === null) {
    return [{ id: 'NAR-01', severity: 'info', cells: keys, message: `正文称「${received[0]!.quote}」，但表三未读到本年新收申请数，无法核对。`, quote: received[0]!.quote, ...where(n, received[0]!.start, received[0]!.end) }];
  }
  const c = sec3RowTotal(report, 'carriedOver') ?? 0;
  const agrees = (cl: Claim) => (cl.includesCarry ? cl.value === r + c : cl.value === r || cl.value === r + c);
  const wrong = dedupe(received.filter((cl) => !agrees(cl)));
  // Several different counts, one of which agrees: the others are probably sub-units or a breakdown.
  const someAgree = wrong.length < received.length;
  return wrong.map((cl) => {
    // 「全区各级行政机关共收到…」 may count more bodies than the table does: unsure, so a warning.
    const severity = someAgree || AGGREGATE.test(cl.quote) ? 'warning' : 'error';
    const table = cl.includesCarry ? `表三本年新收 ${fmt(r)} 加上年结转 ${fmt(c)} 为 ${fmt(r + c)}` : `表三本年新收总计为 ${fmt(r)}${c ? `（加上年结转 ${fmt(c)} 为 ${fmt(r + c)}）` : ''}`;
    return {
      id: 'NAR-01',
      severity,
      cells: keys,
      message: `正文称「${cl.quote}」，${table}，两者不一致。`,
      quote: cl.quote,
      ...where(n, cl.start, cl.end),
    };
  });
}

/** NAR-02: 「没有收到…申请」 while table 三 counts new applications. */
export function checkNoApplications(report: ParsedReport): Finding[] {
  const n = claimsOf(report);
  const st = n.statements.find((s) => s.kind === 'noApplications');
  if (!st) return [];
  const r = hasSec3(report) ? sec3RowTotal(report, 'newReceived') : null;
  const cells = ['sec3.newReceived.total'];
  if (r === null) return [{ id: 'NAR-02', severity: 'info', cells, message: `正文称「${st.quote}」，但表三未读到本年新收申请数，无法核对。`, quote: st.quote, ...where(n, st.start, st.end) }];
  if (r === 0) return [];
  return [{ id: 'NAR-02', severity: 'error', cells, message: `正文称「${st.quote}」，表三本年新收申请却为 ${fmt(r)} 件。`, quote: st.quote, ...where(n, st.start, st.end) }];
}

const APPLY_LABEL: Partial<Record<ClaimKind, string>> = {
  granted: '予以公开', partial: '部分公开', grantedPartial: '予以公开与部分公开合计', denied: '不予公开',
  unable: '无法提供', notProcessed: '不予处理', other: '其他处理', resultTotal: '办理结果总计',
  carriedOver: '上年结转', carryForward: '结转下年度',
};

/** Table-三 rows behind an application outcome class. */
function rowsFor(kind: ClaimKind, rows: string[]): string[] {
  switch (kind) {
    case 'grantedPartial': return ['granted', 'partial'];
    case 'denied': case 'unable': case 'notProcessed': case 'other': {
      const prefix = kind === 'denied' ? 'denied.' : kind === 'unable' ? 'unable.' : kind === 'notProcessed' ? 'notProcessed.' : 'other.';
      return rows.filter((r) => r.startsWith(prefix));
    }
    default: return [kind];
  }
}

const ROWS_FOR = new WeakMap<Sec3RowDef[], Map<ClaimKind, readonly string[]>>();

/** `rowsFor` over a row set's keys, worked out once per row set and outcome class (never handed out). */
function rowsForCached(kind: ClaimKind, rowSet: Sec3RowDef[]): readonly string[] {
  let byKind = ROWS_FOR.get(rowSet);
  if (!byKind) ROWS_FOR.set(rowSet, (byKind = new Map()));
  let rows = byKind.get(kind);
  if (!rows) byKind.set(kind, (rows = rowsFor(kind, rowSet.map((r) => r.key))));
  return rows;
}

/** Splits claims into blocks of consecutive sentences (one paragraph's worth of counts). */
function blocks(claims: Claim[]): Claim[][] {
  const out: Claim[][] = [];
  let cur: Claim[] = [];
  for (const c of claims) {
    if (cur.length && c.sentence > cur[cur.length - 1]!.sentence + 1) {
      out.push(cur);
      cur = [];
    }
    cur.push(c);
  }
  if (cur.length) out.push(cur);
  return out;
}

/** NAR-03: per-outcome counts of the prose (old wording mapped) against table 三. */
export function checkOutcomes(report: ParsedReport): Finding[] {
  const n = claimsOf(report);
  const applyClaims = n.claims.filter((c) => !c.subject && c.kind !== 'received');
  if (applyClaims.length === 0 || !hasSec3(report)) return [];
  const rowSet = sec3RowsPresent(report);
  const out: Finding[] = [];
  for (const block of blocks(applyClaims)) {
    const byKind = new Map<ClaimKind, Claim[]>();
    for (const c of block) {
      const list = byKind.get(c.kind);
      if (list) list.push(c);
      else byKind.set(c.kind, [c]);
    }
    for (const [kind, list] of byKind) {
      const stated = list.reduce((a, c) => a + c.value, 0);
      const rk = rowsForCached(kind, rowSet);
      const values = rk.map((row) => sec3RowTotal(report, row));
      if (values.some((v) => v === null) || rk.length === 0) continue;
      const table = values.reduce((a, v) => a! + v!, 0)!;
      if (table === stated) continue;
      // 「共办理N件」 often counts everything handled, including what is carried into next year.
      if (kind === 'resultTotal' && stated === table + (sec3RowTotal(report, 'carryForward') ?? 0)) continue;
      const quote = list.map((c) => c.quote).join('，');
      const detail = values.length > 1 && values.length <= 3 ? `（${values.join(' + ')}）` : '';
      out.push({
        id: 'NAR-03',
        severity: 'warning',
        cells: rk.map((row) => `sec3.${row}.total`),
        message: `正文称「${quote}」，表三${APPLY_LABEL[kind]}为 ${fmt(table)}${detail}，两者不一致。`,
        quote,
        ...where(n, list[0]!.start, list[list.length - 1]!.end),
      });
    }
  }
  return dedupeFindings(out);
}

const SUBJECT_NAME: Record<Subject, string> = { review: '行政复议', lit: '行政诉讼', litDirect: '行政诉讼（未经复议直接起诉）', litAfterReview: '行政诉讼（复议后起诉）' };
const SUBJECT_GROUPS: Record<Subject, string[]> = { review: ['review'], lit: ['litDirect', 'litAfterReview'], litDirect: ['litDirect'], litAfterReview: ['litAfterReview'] };
const OUTCOME_COL: Partial<Record<ClaimKind, string>> = { maintained: 'maintained', corrected: 'corrected', otherResult: 'other', pending: 'pending', total: 'total' };
const COL_NAME: Record<string, string> = { maintained: '结果维持', corrected: '结果纠正', other: '其他结果', pending: '尚未审结', total: '总计' };

const SEC4_PARTS = ['maintained', 'corrected', 'other', 'pending'];
/** `sec4.<group>.<col>` for every group and column, built once (a key string per lookup costs more). */
const SEC4_KEY: Record<string, Record<string, FieldKey>> = Object.fromEntries(
  ['review', 'litDirect', 'litAfterReview'].map((g) => [g, Object.fromEntries([...SEC4_PARTS, 'total'].map((c) => [c, `sec4.${g}.${c}`]))]),
);
const sec4Key = (g: string, col: string): FieldKey => SEC4_KEY[g]?.[col] ?? `sec4.${g}.${col}`;

/** Table-四 value of a column summed over a subject's groups (a blank total falls back to its parts). */
function sec4Value(report: ParsedReport, subject: Subject, col: string): number | null {
  let sum = 0;
  for (const g of SUBJECT_GROUPS[subject]) {
    let v = cellValue(report, sec4Key(g, col));
    if (v === undefined) return null;
    if (v === null && col === 'total') {
      v = SEC4_PARTS.reduce((a, c) => a + (cellValue(report, sec4Key(g, c)) ?? 0), 0);
    }
    sum += v ?? 0;
  }
  return sum;
}

function sec4Keys(subject: Subject, cols: string[]): FieldKey[] {
  return SUBJECT_GROUPS[subject].flatMap((g) => cols.map((c) => sec4Key(g, c)));
}

/** NAR-04: 「行政复议N起」 = review.total; 「行政诉讼N起」 = litDirect.total + litAfterReview.total. */
export function checkReviewCounts(report: ParsedReport): Finding[] {
  const n = claimsOf(report);
  const totals = n.claims.filter((c) => c.subject && c.kind === 'total');
  const none = n.statements.filter((st) => st.kind === 'noReviews');
  if (totals.length === 0 && none.length === 0) return [];
  if (totals.length === 0) return hasSec4(report) ? checkNoReviews(report, n) : [];
  if (!hasSec4(report)) {
    return [{ id: 'NAR-04', severity: 'info', cells: [], message: `正文称「${totals[0]!.quote}」，但未读到表四，无法核对。`, quote: totals[0]!.quote, ...where(n, totals[0]!.start, totals[0]!.end) }];
  }
  const out: Finding[] = [];
  const bySubject = new Map<Subject, Claim[]>();
  for (const c of totals) bySubject.set(c.subject!, [...(bySubject.get(c.subject!) ?? []), c]);
  for (const [subject, list] of bySubject) {
    const table = sec4Value(report, subject, 'total');
    if (table === null) continue;
    const wrong = dedupe(list.filter((c) => c.value !== table));
    for (const c of wrong) {
      out.push({
        id: 'NAR-04',
        severity: wrong.length < list.length || AGGREGATE.test(c.quote) ? 'warning' : 'error',
        cells: sec4Keys(subject, ['total']),
        message: `正文称「${c.quote}」，表四${SUBJECT_NAME[subject]}总计为 ${fmt(table)}，两者不一致。`,
        quote: c.quote,
        ...where(n, c.start, c.end),
      });
    }
  }
  return [...out, ...checkNoReviews(report, n)];
}

/** 「没有…行政复议、诉讼」 while table 四 counts cases: a warning (the wording is often loose). */
function checkNoReviews(report: ParsedReport, n: NarrativeClaims): Finding[] {
  const out: Finding[] = [];
  for (const st of n.statements) {
    if (st.kind !== 'noReviews') continue;
    const parts: string[] = [];
    for (const subject of st.subjects) {
      const v = sec4Value(report, subject, 'total');
      if (v) parts.push(`${SUBJECT_NAME[subject]}总计 ${fmt(v)}`);
    }
    if (parts.length === 0) continue;
    out.push({
      id: 'NAR-04',
      severity: 'warning',
      cells: st.subjects.flatMap((s) => sec4Keys(s, ['total'])),
      message: `正文称「${st.quote}」，表四却填报${parts.join('、')}。`,
      quote: st.quote,
      ...where(n, st.start, st.end),
    });
  }
  return dedupeFindings(out);
}

/** NAR-05: the prose's 维持/纠错/其他/尚未审结 split (or 「均获维持」, 「未被纠错」) against table 四. */
export function checkReviewOutcomes(report: ParsedReport): Finding[] {
  const n = claimsOf(report);
  if (!hasSec4(report)) return [];
  const out: Finding[] = [];
  const outcomeClaims = n.claims.filter((c) => c.subject && c.kind !== 'total');
  for (const block of blocks(outcomeClaims)) {
    const bySubject = new Map<Subject, Claim[]>();
    for (const c of block) {
      const list = bySubject.get(c.subject!) ?? [];
      if (!list.some((x) => x.kind === c.kind)) list.push(c); // first statement of each outcome counts
      bySubject.set(c.subject!, list);
    }
    for (const [subject, list] of bySubject) {
      const cols = ['maintained', 'corrected', 'other', 'pending'];
      const table = cols.map((c) => sec4Value(report, subject, c));
      if (table.some((v) => v === null)) continue;
      const bad = list.some((c) => table[cols.indexOf(OUTCOME_COL[c.kind]!)] !== c.value);
      if (!bad) continue;
      const quote = list.map((c) => c.quote).join('，');
      out.push({
        id: 'NAR-05',
        severity: 'warning',
        cells: sec4Keys(subject, cols),
        message: `正文称${SUBJECT_NAME[subject]}「${quote}」，表四填报${cols.map((c, i) => `${COL_NAME[c]} ${fmt(table[i]!)}`).join('、')}，两者不一致。`,
        quote,
        ...where(n, list[0]!.start, list[list.length - 1]!.end),
      });
    }
  }
  for (const st of n.statements) {
    if (st.kind === 'noApplications' || st.kind === 'noReviews') continue;
    const cols = st.kind === 'allMaintained' ? ['corrected', 'other', 'pending'] : ['corrected'];
    const parts: string[] = [];
    const cells: FieldKey[] = [];
    for (const subject of st.subjects) {
      for (const col of cols) {
        const v = sec4Value(report, subject, col);
        if (v) {
          parts.push(`${SUBJECT_NAME[subject]}${COL_NAME[col]} ${fmt(v)}`);
          cells.push(...sec4Keys(subject, [col]));
        }
      }
    }
    if (parts.length === 0) continue;
    out.push({ id: 'NAR-05', severity: 'warning', cells, message: `正文称「${st.quote}」，表四却填报${parts.join('、')}。`, quote: st.quote, ...where(n, st.start, st.end) });
  }
  return dedupeFindings(out);
}

function dedupe(claims: Claim[]): Claim[] {
  const seen = new Set<string>();
  return claims.filter((c) => (seen.has(c.quote) ? false : (seen.add(c.quote), true)));
}

/** Same message twice (a section printed twice): keep one finding, with the lines of both. */
export function dedupeFindings(list: Finding[]): Finding[] {
  const byMsg = new Map<string, Finding>();
  for (const f of list) {
    const prev = byMsg.get(f.message);
    if (!prev) byMsg.set(f.message, f);
    else if (f.lines) prev.lines = [...new Set([...(prev.lines ?? []), ...f.lines])];
  }
  return [...byMsg.values()];
}

export const narrativeChecks: Check[] = [
  safe('NAR-01', checkReceived),
  safe('NAR-02', checkNoApplications),
  safe('NAR-03', checkOutcomes),
  safe('NAR-04', checkReviewCounts),
  safe('NAR-05', checkReviewOutcomes),
  ...narrativeWordingChecks,
];
