/**
 * Label checks: LBL-01 a wording that keeps the meaning (社会组织, 规范性文件 in 2021, 合计, typos) — read and
 * reported; LBL-02 a wording that changes the meaning (2019 column headers in a 2021+ table 二).
 */
import type { Finding, ParsedReport } from '../model.ts';
import type { Check } from './types.ts';

const TABLE_SHORT = { sec2: '表二', sec3: '表三', sec4: '表四' } as const;

/** LBL-01 and LBL-02 from the label issues the parser recorded. */
export function checkLabels(report: ParsedReport): Finding[] {
  const out: Finding[] = [];
  for (const t of ['sec2', 'sec3', 'sec4'] as const) {
    const table = report.tables[t];
    if (!table) continue;
    for (const issue of table.labelIssues) {
      const lines = issue.ref ? { lines: [issue.ref.line] } : {};
      if (issue.id === 'LBL-01') {
        out.push({
          id: 'LBL-01',
          severity: 'warning',
          cells: issue.cells,
          message: `${TABLE_SHORT[t]}中的「${issue.printed}」与规定表述「${issue.expected}」不一致（含义不变，已按「${issue.expected}」读取），建议按格式规范填写。`,
          quote: issue.printed,
          ...lines,
        });
      } else {
        out.push({
          id: 'LBL-02',
          severity: 'error',
          cells: issue.cells,
          message: `${TABLE_SHORT[t]}使用了 2019 年格式的列标题「${issue.printed}」，与 2021 年格式的「${issue.expected}」含义不同，这一列的数字不能按 2021 年格式理解。`,
          quote: issue.printed,
          ...lines,
        });
      }
    }
  }
  return out;
}

/** The label checks. */
export const labelsChecks: Check[] = [checkLabels];
