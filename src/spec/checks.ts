/**
 * The catalogue of checks (checks.md) as data: every check id with its default severity and a short
 * Chinese title for the UI. Checks with two severities (STR-06) list the stronger one.
 */
import type { CheckId, Severity } from '../model.ts';

/** One entry of the catalogue. */
export interface CheckInfo {
  /** Stable id, e.g. 'ARI-01'. */
  id: CheckId;
  /** Family prefix, e.g. 'ARI'. */
  family: string;
  /** Default severity as in checks.md. */
  severity: Severity;
  /** Short Chinese title shown in the UI. */
  title: string;
}

const RAW: Array<[CheckId, Severity, string]> = [
  ['STR-01', 'error', '六个部分齐全且顺序正确'],
  ['STR-02', 'warning', '标题序号错误或混用'],
  ['STR-03', 'warning', '标题重复'],
  ['STR-04', 'info', '小标题重用一级序号'],
  ['STR-05', 'error', '表格缺失或无法读取'],
  ['STR-06', 'error', '表格行数字个数不符'],
  ['STR-07', 'error', '表三行缺失或多出'],
  ['TPL-01', 'error', '表格格式与年度不符'],
  ['TPL-02', 'warning', '新旧格式混用'],
  ['LBL-01', 'warning', '表格文字不规范（不改变含义）'],
  ['LBL-02', 'error', '表格文字改变含义'],
  ['NUM-01', 'error', '件数不是非负整数'],
  ['NUM-02', 'warning', '金额格式或单位有误'],
  ['NUM-03', 'warning', '应填数字处为空白或占位符'],
  ['ARI-01', 'error', '表三行合计不符'],
  ['ARI-02', 'error', '表三办理结果总计不符'],
  ['ARI-03', 'error', '表三勾稽关系不符'],
  ['ARI-04', 'error', '表四合计不符'],
  ['ARI-05', 'warning', '对外公开总数量小于本年新公开数量'],
  ['XY-01', 'error', '上年结转与上年度结转下年度不符'],
  ['XY-02', 'warning', '现行有效件数与上年度不衔接'],
  ['XY-03', 'warning', '正文与上年度高度雷同'],
  ['NAR-01', 'error', '正文收到申请数与表三不符'],
  ['NAR-02', 'error', '正文称未收到申请与表三矛盾'],
  ['NAR-03', 'warning', '正文办理结果与表三不符'],
  ['NAR-04', 'error', '正文复议、诉讼数与表四不符'],
  ['NAR-05', 'warning', '正文复议、诉讼结果与表四不符'],
  ['NAR-06', 'warning', '正文沿用旧版用语'],
  ['NAR-07', 'warning', '正文规章、规范性文件数与表二不符'],
  ['CPY-01', 'error', '出现其他单位名称'],
  ['CPY-02', 'warning', '段落重复'],
  ['CPY-03', 'error', '整个部分重复'],
  ['CPY-04', 'warning', '年份前后不一致'],
  ['CPY-05', 'info', '含有不宜公开的标记'],
  ['CON-01', 'warning', '第五部分未写存在的问题'],
  ['CON-02', 'info', '总体情况缺少规定内容'],
  ['CON-03', 'info', '自我评价代替实际内容'],
  ['CON-04', 'warning', '收费但未说明信息处理费'],
  ['MET-01', 'error', '找不到报告年度'],
  ['MET-02', 'warning', '标题中的单位名称缺少地区'],
];

/** Every check of checks.md, in catalogue order. */
export const CHECK_CATALOGUE: readonly CheckInfo[] = RAW.map(([id, severity, title]) => ({
  id,
  family: id.split('-')[0]!,
  severity,
  title,
}));

const BY_ID = new Map(CHECK_CATALOGUE.map((c) => [c.id, c]));

/** The catalogue entry of a check id, or undefined for an unknown id. */
export function checkInfo(id: CheckId): CheckInfo | undefined {
  return BY_ID.get(id);
}
