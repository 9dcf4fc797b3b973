import { describe, expect, test } from 'vitest';
import { checkNoApplications, checkOutcomes, checkReceived, checkReviewCounts, checkReviewOutcomes } from '../../src/checks/narrative.ts';
import { checkDocCounts, checkOldVocabulary } from '../../src/checks/narrative-wording.ts';
import { scanNarrative } from '../../src/checks/narrative-scan.ts';
import { buildReport } from './build.ts';

// Real sentences from the seeds and corpus.
const SEED004_APPLY = '2021年，我办共计收到政府信息公开申请20件，当面申请2件，网络申请1件，信函申请17件。其中属于已主动公开范围1件，同意公开0件，同意部分公开2件，不同意公开0件，不属于本行政机关17件，申请信息不存在0件，告知作出更改补充0件，告知通过其他途径办理0件。';
const SEED004_REVIEW = '三是推进依法行政，做好行政复议。2021年，我区政府办信息公开申请行政复议8起，维持具体行政行为5起，被依法纠错0起，其他情形3起；提起行政诉讼4起，结果维持3起，被依法纠错0起，其他情形1起。';
const SEED004_CELLS = {
  'sec3.newReceived.naturalPerson': 20, 'sec3.newReceived.total': 20, 'sec3.granted.naturalPerson': 1, 'sec3.granted.total': 1,
  'sec3.partial.naturalPerson': 2, 'sec3.partial.total': 2, 'sec3.unable.notHeld.naturalPerson': 17, 'sec3.unable.notHeld.total': 17,
  'sec3.resultTotal.naturalPerson': 20, 'sec3.resultTotal.total': 20,
  'sec4.review.maintained': 5, 'sec4.review.pending': 3, 'sec4.review.total': 8,
  'sec4.litDirect.maintained': 3, 'sec4.litDirect.other': 1, 'sec4.litDirect.total': 4,
};
const CORPUS05 = [
  '（二）依申请公开方面',
  '市政府共受理政府信息公开申请 1295 件，办结 1191 件（含',
  '上年结转 189 件），均在法定期限内答复。其中，予以公开及部',
  '分公开 208 件（17.46%），不予公开 20 件（1.68%），因本机关',
  '不掌握等原因无法提供 564 件（47.36%），属信访、重复申请等',
  '不予处理 80 件（6.72%），其他处理 319 件（26.78%，含申请人',
  '主动撤回 157 件）。全年未发生因依申请公开被行政复议纠错或',
  '行政诉讼败诉情形。',
];
const CORPUS01 = '市政府办公厅代表市政府共受理政府信息公开申请859件，申请数量较去年回落12.3%；答复政府信息公开申请805件（含上年度结转申请18件，另有72件申请按照《条例》顺延到下年度答复），均在法定期限内予以答复。予以公开及部分公开258件，占33.9%；不予公开35件，占4.34%；因本机关不掌握等原因无法提供265件，占32.9%；不予处理158件，占19.6%；其他处理0件。信息公开类行政复议7件，诉讼9件，均获维持，继续保持了省级政府零败诉的记录。';

describe('NAR-01 received count', () => {
  test('seed 004: 20 received agrees with table 三', () => {
    expect(checkReceived(buildReport({ lines: [SEED004_APPLY], cells: SEED004_CELLS }))).toEqual([]);
  });
  test('a different count is an error with both numbers', () => {
    const f = checkReceived(buildReport({ lines: [SEED004_APPLY], cells: { ...SEED004_CELLS, 'sec3.newReceived.total': 21 } }));
    expect(f).toHaveLength(1);
    expect(f[0]!.severity).toBe('error');
    expect(f[0]!.message).toContain('收到政府信息公开申请20件');
    expect(f[0]!.message).toContain('21');
    expect(f[0]!.lines).toEqual([0]);
  });
  test('corpus 05: 受理 1295 is the new count; (含上年结转) belongs to 办结', () => {
    const cells = { 'sec3.newReceived.total': 1295, 'sec3.carriedOver.total': 189, 'sec3.resultTotal.total': 1191 };
    const n = scanNarrative(buildReport({ lines: CORPUS05 }));
    expect(n.claims.find((c) => c.kind === 'received')).toMatchObject({ value: 1295 });
    expect(n.claims.find((c) => c.kind === 'received')!.includesCarry).toBeUndefined();
    expect(checkReceived(buildReport({ lines: CORPUS05, cells }))).toEqual([]);
  });
  test('corpus 08: 受理 749 = 713 new + 36 carried over is accepted', () => {
    const line = '全县全年共受理政府信息公开申请 749 件，其中自然人申请 741 件，法人或其他组织申请 8 件；共办理 718 件，结转下一年 31 件。依法做好相关行政复议、行政诉讼案件的应诉工作，全县共办理相关案件 74 件。';
    const cells = { 'sec3.newReceived.total': 713, 'sec3.carriedOver.total': 36, 'sec3.resultTotal.total': 718, 'sec3.carryForward.total': 31 };
    const r = buildReport({ lines: [line], cells });
    expect(checkReceived(r)).toEqual([]);
    expect(checkOutcomes(r)).toEqual([]);
    expect(checkReviewCounts(r)).toEqual([]);
  });
  test('seed 003: 「依法申请公开政府信息0件」 agrees with an all-zero table', () => {
    const line = '2、对申请的办理情况：因2022年1月1日至2022年12月31日期间，无公民、法人及其他组织向本办事处提出需要获取主动公开以外政府信息的申请，故依法申请公开政府信息0件，已答复0件，待答复0件，已答复中“予以公开”0件、“部分公开”0件、“不予公开”0件、“无法提供”0件、“不予处理”0件，“其他处理”0件。';
    const r = buildReport({ lines: [line] });
    expect(scanNarrative(r).claims.find((c) => c.kind === 'received')?.value).toBe(0);
    expect([...checkReceived(r), ...checkOutcomes(r), ...checkNoApplications(r)]).toEqual([]);
    expect(checkReceived(buildReport({ lines: [line], cells: { 'sec3.newReceived.total': 3 } }))).toHaveLength(1);
  });
  test('seed 002: hotline cases are not applications', () => {
    const line = '2020年，“12345”政务服务热线共受理案件400件，均由专职人员及时受理，并在要求时限内处理、回复。';
    const r = buildReport({ lines: [line] });
    expect(scanNarrative(r).claims).toEqual([]);
    expect(checkReceived(r)).toEqual([]);
  });
  test('website and 政务公开 counts are not applications', () => {
    const line = '2021年龙亭区政府网站主动公开各类信息2236条，受理网上留言咨询36件。';
    expect(checkReceived(buildReport({ lines: [line], cells: { 'sec3.newReceived.total': 5 } }))).toEqual([]);
  });
  test('Chinese numerals count', () => {
    const line = '全年共收到政府信息公开申请十二件。';
    expect(checkReceived(buildReport({ lines: [line], cells: { 'sec3.newReceived.total': 12 } }))).toEqual([]);
    expect(checkReceived(buildReport({ lines: [line], cells: { 'sec3.newReceived.total': 2 } }))).toHaveLength(1);
  });
  test('a missing table 三 is said once, as info', () => {
    const f = checkReceived(buildReport({ lines: [SEED004_APPLY], omit: ['sec3'] }));
    expect(f.map((x) => x.severity)).toEqual(['info']);
  });
});

describe('NAR-02 no applications', () => {
  const seed000 = '(二) **依申请公开**。2021年没有公民、法人和其他组织向我单位提出政府信息公开申请。';
  const seed002 = '（二）政府信息依申请公开工作和投诉处理情况。1、依申请公开信息办理情况。2020年，没有收到依申请公开政府信息，没有不予公开的政府信息情况。2、因政府信息公开申请行政复议、诉讼和申诉的情况。';
  test('agrees with an all-zero table (seeds 000, 002)', () => {
    expect(checkNoApplications(buildReport({ lines: [seed000] }))).toEqual([]);
    expect(checkNoApplications(buildReport({ lines: [seed002], template: '2019' }))).toEqual([]);
  });
  test('is an error when table 三 counts applications', () => {
    const f = checkNoApplications(buildReport({ lines: [seed002], cells: { 'sec3.newReceived.total': 4 } }));
    expect(f).toHaveLength(1);
    expect(f[0]!.severity).toBe('error');
    expect(f[0]!.quote).toContain('没有收到依申请');
  });
});

describe('NAR-03 outcomes', () => {
  test('seed 004: old wording mapped, 1 + 2 + 17 agrees', () => {
    expect(checkOutcomes(buildReport({ lines: [SEED004_APPLY], cells: SEED004_CELLS }))).toEqual([]);
  });
  test('corpus 01: 予以公开及部分公开258 and 无法提供265 disagree with the table', () => {
    const cells = {
      'sec3.newReceived.total': 859, 'sec3.carriedOver.total': 18, 'sec3.resultTotal.total': 805, 'sec3.carryForward.total': 72,
      'sec3.granted.naturalPerson': 258, 'sec3.granted.commercial': 14, 'sec3.granted.total': null, 'sec3.partial.naturalPerson': 3, 'sec3.partial.total': null,
      'sec3.denied.stateSecret.total': 35, 'sec3.unable.notHeld.total': 265, 'sec3.unable.needCreate.total': 47, 'sec3.unable.unclear.total': 25,
      'sec3.notProcessed.petition.total': 149, 'sec3.notProcessed.duplicate.total': 9, 'sec3.other.all.total': null,
    };
    const f = checkOutcomes(buildReport({ template: '2019', lines: [CORPUS01], cells }));
    expect(f.map((x) => x.quote)).toEqual(['予以公开及部分公开258件', '因本机关不掌握等原因无法提供265件']);
    expect(f[0]!.message).toContain('275');
    expect(f[1]!.message).toContain('337');
    expect(f.every((x) => x.severity === 'warning')).toBe(true);
  });
  test('corpus 05: every outcome agrees (208, 20, 564, 80, 319, 1191)', () => {
    const cells = {
      'sec3.newReceived.total': 1295, 'sec3.carriedOver.total': 189, 'sec3.resultTotal.total': 1191, 'sec3.carryForward.total': 293,
      'sec3.granted.total': 206, 'sec3.partial.total': 2, 'sec3.denied.stateSecret.total': 20, 'sec3.unable.notHeld.total': 564,
      'sec3.notProcessed.petition.total': 80, 'sec3.other.noCorrection.total': 43, 'sec3.other.misc.total': 276,
    };
    const r = buildReport({ lines: CORPUS05, cells });
    expect(scanNarrative(r).claims.map((c) => c.kind)).toEqual(['received', 'resultTotal', 'grantedPartial', 'denied', 'unable', 'notProcessed', 'other']);
    expect(checkOutcomes(r)).toEqual([]);
  });
});

describe('NAR-04 / NAR-05 复议 and 诉讼', () => {
  test('seed 004: totals agree; 其他情形3 vs 尚未审结3 is a NAR-05 warning; litigation agrees', () => {
    const r = buildReport({ lines: [SEED004_REVIEW], cells: SEED004_CELLS });
    expect(checkReviewCounts(r)).toEqual([]);
    const f = checkReviewOutcomes(r);
    expect(f).toHaveLength(1);
    expect(f[0]!.severity).toBe('warning');
    expect(f[0]!.cells).toContain('sec4.review.pending');
    expect(f[0]!.message).toContain('其他情形3起');
    expect(f[0]!.message).toContain('其他结果 0、尚未审结 3');
  });
  test('a different 复议 count is a NAR-04 error', () => {
    const f = checkReviewCounts(buildReport({ lines: [SEED004_REVIEW], cells: { ...SEED004_CELLS, 'sec4.review.total': 9, 'sec4.review.pending': 4 } }));
    expect(f.map((x) => [x.id, x.severity])).toEqual([['NAR-04', 'error']]);
  });
  test('corpus 01: 「均获维持」 while table 四 has 尚未审结', () => {
    const cells = { 'sec4.review.maintained': 5, 'sec4.review.pending': 2, 'sec4.review.total': 7, 'sec4.litDirect.maintained': 8, 'sec4.litDirect.pending': 1, 'sec4.litDirect.total': 9 };
    const r = buildReport({ template: '2019', lines: [CORPUS01], cells });
    expect(checkReviewCounts(r)).toEqual([]);
    const f = checkReviewOutcomes(r);
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toContain('行政复议尚未审结 2');
    expect(f[0]!.message).toContain('行政诉讼尚未审结 1');
  });
  test('corpus 02: litigation 46 = 26 direct + 20 after review, outcomes summed over both groups', () => {
    const lines = ['复 3050 件（含上年度结转申请 34 件，另有 103 件顺延到下年度', '答复），均在法定期限内予以答复。政府信息公开行政复议 351', '件，其中结果维持 72 件，结果纠正 64 件，其他结果 178 件，尚', '未审结 37 件；政府信息公开行政诉讼 46 件，其中结果维持 25', '件，结果纠正 5 件，其他结果 9 件，尚未审结 7 件。'];
    const cells = {
      'sec4.review.maintained': 72, 'sec4.review.corrected': 64, 'sec4.review.other': 178, 'sec4.review.pending': 37, 'sec4.review.total': 351,
      'sec4.litDirect.maintained': 13, 'sec4.litDirect.corrected': 4, 'sec4.litDirect.other': 8, 'sec4.litDirect.pending': 1, 'sec4.litDirect.total': 26,
      'sec4.litAfterReview.maintained': 12, 'sec4.litAfterReview.corrected': 1, 'sec4.litAfterReview.other': 1, 'sec4.litAfterReview.pending': 6, 'sec4.litAfterReview.total': 20,
    };
    const r = buildReport({ lines, cells });
    expect(scanNarrative(r).claims.filter((c) => c.subject).length).toBe(10);
    expect([...checkReviewCounts(r), ...checkReviewOutcomes(r)]).toEqual([]);
    const wrong = buildReport({ lines, cells: { ...cells, 'sec4.litDirect.total': 27, 'sec4.litDirect.pending': 2 } });
    expect(checkReviewCounts(wrong).map((x) => x.id)).toEqual(['NAR-04']);
    expect(checkReviewOutcomes(wrong).map((x) => x.id)).toEqual(['NAR-05']);
  });
  test('corpus 06: 「有 1 件…的行政复议」 and 「行政诉讼数为 0 件」', () => {
    const lines = ['好环境。2024 年市科委有 1 件涉及政府信息公开工作的行政复', '议，该行政复议件未被复议审查机关纠错。涉及的行政诉讼数为', '0 件。'];
    const r = buildReport({ lines, cells: { 'sec4.review.maintained': 1, 'sec4.review.total': 1 } });
    const totals = scanNarrative(r).claims.filter((c) => c.kind === 'total').map((c) => [c.subject, c.value]);
    expect(totals).toEqual([['review', 1], ['lit', 0]]);
    expect([...checkReviewCounts(r), ...checkReviewOutcomes(r)]).toEqual([]);
  });
  test('administrative review cases of a 司法局 are not information-disclosure reviews', () => {
    const line = '全年共办理行政复议案件500件，依法纠错30件。';
    expect(checkReviewCounts(buildReport({ lines: [line] }))).toEqual([]);
  });
});

describe('NAR-06 old vocabulary', () => {
  test('seed 004 uses pre-2019 wording', () => {
    const f = checkOldVocabulary(buildReport({ lines: [SEED004_APPLY] }));
    expect(f).toHaveLength(1);
    expect(f[0]!.severity).toBe('warning');
    expect(f[0]!.message).toContain('「不属于本行政机关」');
  });
  test('ordinary prose with the same words is not reported', () => {
    expect(checkOldVocabulary(buildReport({ lines: ['涉及第三方的，经第三方同意公开后予以公开。'] }))).toEqual([]);
  });
});

describe('NAR-07 规章 / 规范性文件', () => {
  const line05 = '全年主动公开市政府规章 22 件、市政府及市政府办公厅行政规范性文件 34 件、人事任免文件 196 件、其他文件 84 件；刊登市政府规章、市政府和市政府办公厅文件、市政府部门行政规范性文件等 243 件。';
  test('corpus 05 prose agrees with table 二', () => {
    expect(checkDocCounts(buildReport({ lines: [line05], cells: { 'sec2.regulation.issued': 22, 'sec2.normativeDoc.issued': 34 } }))).toEqual([]);
  });
  test('a different count is a warning', () => {
    const f = checkDocCounts(buildReport({ lines: [line05], cells: { 'sec2.regulation.issued': 21, 'sec2.normativeDoc.issued': 34 } }));
    expect(f.map((x) => [x.id, x.severity, x.cells[0]])).toEqual([['NAR-07', 'warning', 'sec2.regulation.issued']]);
  });
  test('2019 format compares with 本年新制作 or 本年新公开 (corpus 01)', () => {
    const line = '2019年，通过“中国上海”门户网站、《上海市人民政府公报》等平台主动公开规章13件，行政规范性文件60件，市政府其他文件162件。';
    const r = buildReport({ template: '2019', lines: [line], cells: { 'sec2.regulation.newMade': 13, 'sec2.regulation.newPublished': 13, 'sec2.normativeDoc.newMade': 60, 'sec2.normativeDoc.newPublished': 60 } });
    expect(checkDocCounts(r)).toEqual([]);
  });
});

describe('ambiguous prose is left alone', () => {
  test('other kinds of applications are not 政府信息公开 applications', () => {
    const line = '全年通过政府信息公开平台受理行政许可申请5000件。';
    expect(checkReceived(buildReport({ lines: [line], cells: { 'sec3.newReceived.total': 3 } }))).toEqual([]);
  });
  test('a lumped 复议+诉讼 count is not compared with either total', () => {
    const line = '因政府信息公开引起的行政复议、行政诉讼共5件。';
    expect(checkReviewCounts(buildReport({ lines: [line], cells: { 'sec4.review.total': 3, 'sec4.litDirect.total': 2 } }))).toEqual([]);
  });
  test('「没有收到涉及…的申请」 is not a statement that no application was received', () => {
    const line = '全年没有收到涉及国家秘密的政府信息公开申请。';
    expect(checkNoApplications(buildReport({ lines: [line], cells: { 'sec3.newReceived.total': 4 } }))).toEqual([]);
  });
});

describe('NAR-04 「没有…复议、诉讼」', () => {
  const seed002 = '2、因政府信息公开申请行政复议、诉讼和申诉的情况。2020年，我街道严格按照《条例》的规定公开政府信息，没有因政府信息公开申请行政复议、诉讼和申诉的情况发生。';
  test('seed 002 agrees with an all-zero table 四', () => {
    expect(checkReviewCounts(buildReport({ template: '2019', lines: [seed002] }))).toEqual([]);
  });
  test('a table 四 with cases is a warning naming the totals', () => {
    const f = checkReviewCounts(buildReport({ lines: [seed002], cells: { 'sec4.review.maintained': 1, 'sec4.review.total': 1 } }));
    expect(f.map((x) => [x.id, x.severity])).toEqual([['NAR-04', 'warning']]);
    expect(f[0]!.message).toContain('行政复议总计 1');
  });
  test('「未发生…被行政复议纠错」 is about outcomes, not cases (corpus 05)', () => {
    const line = '全年未发生因依申请公开被行政复议纠错或行政诉讼败诉情形。';
    expect(checkReviewCounts(buildReport({ lines: [line], cells: { 'sec4.review.maintained': 40, 'sec4.review.total': 40 } }))).toEqual([]);
  });
});

describe('litigation kinds', () => {
  test('复议后起诉 and 直接起诉 counts go to their own groups', () => {
    const line = '因政府信息公开被提起行政诉讼3件，其中未经复议直接起诉1件，复议后起诉2件。';
    const r = buildReport({ lines: [line], cells: { 'sec4.litDirect.maintained': 1, 'sec4.litDirect.total': 1, 'sec4.litAfterReview.maintained': 2, 'sec4.litAfterReview.total': 2 } });
    const totals = scanNarrative(r).claims.filter((c) => c.kind === 'total').map((c) => [c.subject, c.value]);
    expect(totals).toEqual([['lit', 3], ['litDirect', 1], ['litAfterReview', 2]]);
    expect(checkReviewCounts(r)).toEqual([]);
    const wrong = buildReport({ lines: [line], cells: { 'sec4.litDirect.maintained': 2, 'sec4.litDirect.total': 2, 'sec4.litAfterReview.maintained': 1, 'sec4.litAfterReview.total': 1 } });
    expect(checkReviewCounts(wrong).map((f) => f.cells)).toEqual([['sec4.litDirect.total'], ['sec4.litAfterReview.total']]);
  });
});

describe('received count including carried-over applications', () => {
  const line = '全年共受理政府信息公开申请35件（含上年结转5件），均按时答复。';
  test('agrees with 本年新收 + 上年结转 only', () => {
    const r = buildReport({ lines: [line], cells: { 'sec3.newReceived.total': 30, 'sec3.carriedOver.total': 5 } });
    expect(scanNarrative(r).claims[0]).toMatchObject({ kind: 'received', value: 35, includesCarry: true });
    expect(checkReceived(r)).toEqual([]);
    const f = checkReceived(buildReport({ lines: [line], cells: { 'sec3.newReceived.total': 35, 'sec3.carriedOver.total': 5 } }));
    expect(f[0]!.message).toContain('加上年结转 5 为 40');
  });
});

describe('aggregate scope', () => {
  test('「全区各级行政机关共收到…」 that disagrees is only a warning', () => {
    const line = '2023年，全区各级行政机关共收到政府信息公开申请120件。';
    const f = checkReceived(buildReport({ lines: [line], cells: { 'sec3.newReceived.total': 21 } }));
    expect(f.map((x) => [x.id, x.severity])).toEqual([['NAR-01', 'warning']]);
  });
});

describe('count reading', () => {
  test('thousands separators, estimates and ordinals', () => {
    const line = '全年共受理政府信息公开申请1,295件，发布信息200余件，第3件答复延期，统一件件落实。';
    const claims = scanNarrative(buildReport({ lines: [line] })).claims;
    expect(claims.map((c) => [c.kind, c.value])).toEqual([['received', 1295]]);
  });
});
