/**
 * The two report formats of formats.md as data: every table row, column and field key.
 * The parser matches labels against these, the checks iterate them, the UI rebuilds tables from them.
 */
import type { FieldKey, TemplateId } from '../model.ts';

/** A column of a table: its field-key suffix and its printed header. */
export interface ColumnDef {
  key: string;
  label: string;
}

/** A data row of table 二: block header, row label, its columns. */
export interface Sec2RowDef {
  /** Block header, e.g. 第二十条第（一）项. */
  block: string;
  /** Row key, e.g. 'regulation'. */
  key: string;
  label: string;
  columns: ColumnDef[];
}

/** A data row of table 三. */
export interface Sec3RowDef {
  /** Row key, e.g. 'denied.thirdParty'. */
  key: string;
  /** Group label printed to the left (（三）不予公开), if any. */
  group?: string;
  /** Canonical label of the row itself. */
  label: string;
}

const SEC2_2021_DOC_COLUMNS: ColumnDef[] = [
  { key: 'issued', label: '本年制发件数' },
  { key: 'repealed', label: '本年废止件数' },
  { key: 'valid', label: '现行有效件数' },
];
const DECISIONS_2021: ColumnDef[] = [{ key: 'decisions', label: '本年处理决定数量' }];

/** Table 二, 2021 format. */
export const SEC2_2021: Sec2RowDef[] = [
  { block: '第二十条第（一）项', key: 'regulation', label: '规章', columns: SEC2_2021_DOC_COLUMNS },
  { block: '第二十条第（一）项', key: 'normativeDoc', label: '行政规范性文件', columns: SEC2_2021_DOC_COLUMNS },
  { block: '第二十条第（五）项', key: 'license', label: '行政许可', columns: DECISIONS_2021 },
  { block: '第二十条第（六）项', key: 'penalty', label: '行政处罚', columns: DECISIONS_2021 },
  { block: '第二十条第（六）项', key: 'coercion', label: '行政强制', columns: DECISIONS_2021 },
  {
    block: '第二十条第（八）项',
    key: 'fee',
    label: '行政事业性收费',
    columns: [{ key: 'amount', label: '本年收费金额（单位：万元）' }],
  },
];

const SEC2_2019_DOC_COLUMNS: ColumnDef[] = [
  { key: 'newMade', label: '本年新制作数量' },
  { key: 'newPublished', label: '本年新公开数量' },
  { key: 'totalPublished', label: '对外公开总数量' },
];
const SEC2_2019_ITEM_COLUMNS: ColumnDef[] = [
  { key: 'prevCount', label: '上一年项目数量' },
  { key: 'delta', label: '本年增/减' },
  { key: 'decisions', label: '处理决定数量' },
];

/** Table 二, 2019 trial format. */
export const SEC2_2019: Sec2RowDef[] = [
  { block: '第二十条第（一）项', key: 'regulation', label: '规章', columns: SEC2_2019_DOC_COLUMNS },
  { block: '第二十条第（一）项', key: 'normativeDoc', label: '规范性文件', columns: SEC2_2019_DOC_COLUMNS },
  { block: '第二十条第（五）项', key: 'license', label: '行政许可', columns: SEC2_2019_ITEM_COLUMNS },
  { block: '第二十条第（五）项', key: 'otherService', label: '其他对外管理服务事项', columns: SEC2_2019_ITEM_COLUMNS },
  { block: '第二十条第（六）项', key: 'penalty', label: '行政处罚', columns: SEC2_2019_ITEM_COLUMNS },
  { block: '第二十条第（六）项', key: 'coercion', label: '行政强制', columns: SEC2_2019_ITEM_COLUMNS },
  {
    block: '第二十条第（八）项',
    key: 'fee',
    label: '行政事业性收费',
    columns: [
      { key: 'prevCount', label: '上一年项目数量' },
      { key: 'delta', label: '本年增/减' },
    ],
  },
  {
    block: '第二十条第（九）项',
    key: 'procurement',
    label: '政府集中采购',
    columns: [
      { key: 'count', label: '采购项目数量' },
      { key: 'amount', label: '采购总金额（单位：万元）' },
    ],
  },
];

/** Table 三 columns, in printed order (7 numbers per data row). */
export const SEC3_COLUMNS: ColumnDef[] = [
  { key: 'naturalPerson', label: '自然人' },
  { key: 'commercial', label: '商业企业' },
  { key: 'research', label: '科研机构' },
  { key: 'publicInterest', label: '社会公益组织' },
  { key: 'legalService', label: '法律服务机构' },
  { key: 'otherOrg', label: '其他' },
  { key: 'total', label: '总计' },
];

/** The six applicant columns that add up to `total` (ARI-01). */
export const SEC3_PARTS = SEC3_COLUMNS.slice(0, 6).map((c) => c.key);

const SEC3_HEAD: Sec3RowDef[] = [
  { key: 'newReceived', label: '一、本年新收政府信息公开申请数量' },
  { key: 'carriedOver', label: '二、上年结转政府信息公开申请数量' },
  { key: 'granted', group: '三、本年度办理结果', label: '（一）予以公开' },
  { key: 'partial', label: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）' },
  { key: 'denied.stateSecret', group: '（三）不予公开', label: '1.属于国家秘密' },
  { key: 'denied.lawForbidden', group: '（三）不予公开', label: '2.其他法律行政法规禁止公开' },
  { key: 'denied.threeSafety', group: '（三）不予公开', label: '3.危及“三安全一稳定”' },
  { key: 'denied.thirdParty', group: '（三）不予公开', label: '4.保护第三方合法权益' },
  { key: 'denied.internalAffairs', group: '（三）不予公开', label: '5.属于三类内部事务信息' },
  { key: 'denied.processInfo', group: '（三）不予公开', label: '6.属于四类过程性信息' },
  { key: 'denied.enforcementFile', group: '（三）不予公开', label: '7.属于行政执法案卷' },
  { key: 'denied.adminQuery', group: '（三）不予公开', label: '8.属于行政查询事项' },
  { key: 'unable.notHeld', group: '（四）无法提供', label: '1.本机关不掌握相关政府信息' },
  { key: 'unable.needCreate', group: '（四）无法提供', label: '2.没有现成信息需要另行制作' },
  { key: 'unable.unclear', group: '（四）无法提供', label: '3.补正后申请内容仍不明确' },
  { key: 'notProcessed.petition', group: '（五）不予处理', label: '1.信访举报投诉类申请' },
  { key: 'notProcessed.duplicate', group: '（五）不予处理', label: '2.重复申请' },
  { key: 'notProcessed.publication', group: '（五）不予处理', label: '3.要求提供公开出版物' },
  { key: 'notProcessed.massRepeat', group: '（五）不予处理', label: '4.无正当理由大量反复申请' },
  { key: 'notProcessed.reconfirm', group: '（五）不予处理', label: '5.要求行政机关确认或重新出具已获取信息' },
];
const SEC3_TAIL: Sec3RowDef[] = [
  { key: 'resultTotal', label: '（七）总计' },
  { key: 'carryForward', label: '四、结转下年度继续办理' },
];

/** Table 三 rows, 2021 format (25 data rows). */
export const SEC3_2021: Sec3RowDef[] = [
  ...SEC3_HEAD,
  {
    key: 'other.noCorrection',
    group: '（六）其他处理',
    label: '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
  },
  {
    key: 'other.unpaidFee',
    group: '（六）其他处理',
    label: '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
  },
  { key: 'other.misc', group: '（六）其他处理', label: '3.其他' },
  ...SEC3_TAIL,
];

/** Table 三 rows, 2019 trial format (23 data rows). */
export const SEC3_2019: Sec3RowDef[] = [...SEC3_HEAD, { key: 'other.all', label: '（六）其他处理' }, ...SEC3_TAIL];

/** Table 四 groups, in printed order. */
export const SEC4_GROUPS: ColumnDef[] = [
  { key: 'review', label: '行政复议' },
  { key: 'litDirect', label: '行政诉讼·未经复议直接起诉' },
  { key: 'litAfterReview', label: '行政诉讼·复议后起诉' },
];

/** Table 四 columns within each group, in printed order. */
export const SEC4_COLUMNS: ColumnDef[] = [
  { key: 'maintained', label: '结果维持' },
  { key: 'corrected', label: '结果纠正' },
  { key: 'other', label: '其他结果' },
  { key: 'pending', label: '尚未审结' },
  { key: 'total', label: '总计' },
];

/** Table 二 rows for a format. */
export function sec2Rows(template: TemplateId): Sec2RowDef[] {
  return template === '2019' ? SEC2_2019 : SEC2_2021;
}

/** Table 三 rows for a format (`mixed` = 2021 report with the single 2019 （六） row: 2019 rows). */
export function sec3Rows(template: TemplateId): Sec3RowDef[] {
  return template === '2019' ? SEC3_2019 : SEC3_2021;
}

/** Field keys of table 二 in printed order. */
export function sec2Keys(template: TemplateId): FieldKey[] {
  return sec2Rows(template).flatMap((r) => r.columns.map((c) => `sec2.${r.key}.${c.key}`));
}

/** Field keys of table 三 in printed order, for the given row set. */
export function sec3Keys(rows: Sec3RowDef[]): FieldKey[] {
  return rows.flatMap((r) => SEC3_COLUMNS.map((c) => `sec3.${r.key}.${c.key}`));
}

/** Field keys of table 四 in printed order. */
export function sec4Keys(): FieldKey[] {
  return SEC4_GROUPS.flatMap((g) => SEC4_COLUMNS.map((c) => `sec4.${g.key}.${c.key}`));
}

/** Canonical section headings 一…六 (formats.md). */
export const SECTION_HEADINGS = [
  '一、总体情况',
  '二、主动公开政府信息情况',
  '三、收到和处理政府信息公开申请情况',
  '四、政府信息公开行政复议、行政诉讼情况',
  '五、存在的主要问题及改进情况',
  '六、其他需要报告的事项',
] as const;
