/**
 * Template checks: TPL-01 the format fits the report year (2021+ → 2021 format, 2020 → 2019 format, 2019 →
 * either), TPL-02 one report mixing the two formats (e.g. a 2021 table 二 with the single 2019 （六） row).
 */
import type { Finding, ParsedReport } from '../model.ts';
import { sec2Keys } from '../spec/templates.ts';
import type { Check } from './types.ts';

const NAME = { '2019': '2019 年试行格式（国办公开办函〔2019〕60号）', '2021': '2021 年格式（国办公开办函〔2021〕30号）' } as const;

/** TPL-01: the format of table 二 (or 三) does not match the year. */
export function checkTemplateYear(report: ParsedReport): Finding[] {
  const { year, template } = report.meta;
  if (year === null || template === null) return [];
  const table = report.tables.sec2 ?? report.tables.sec3;
  const lines = table ? [table.startLine] : [];
  // The finding's cells, built only when there is a finding (most reports use the right format).
  if (!(year <= 2018 || (year >= 2021 && template === '2019') || (year === 2020 && template === '2021') || (year === 2019 && template === '2021'))) return [];
  const cells = report.tables.sec2 ? sec2Keys(template).filter((k) => k in report.cells) : [];
  if (year <= 2018) {
    return [{ id: 'TPL-01', severity: 'error', cells, message: `${year} 年度早于 2019 年修订的条例，不应使用${NAME[template]}的统计表，请核对报告年度。`, lines }];
  }
  if (year >= 2021 && template === '2019') {
    return [{ id: 'TPL-01', severity: 'error', cells, message: `${year} 年度报告应使用${NAME['2021']}，但表格使用的是${NAME['2019']}。`, lines }];
  }
  if (year === 2020 && template === '2021') {
    return [{ id: 'TPL-01', severity: 'error', cells, message: `2020 年度报告应使用${NAME['2019']}，但表格使用的是 2021 年才发布的新格式。`, lines }];
  }
  if (year === 2019 && template === '2021') {
    return [{ id: 'TPL-01', severity: 'warning', cells, message: `2019 年度报告使用了 2021 年才发布的格式，通常应使用${NAME['2019']}，请核对报告年度。`, lines }];
  }
  return [];
}

/** TPL-02: table 二 and table 三 are in different formats. */
export function checkMixedTemplate(report: ParsedReport): Finding[] {
  const t2 = report.tables.sec2?.template;
  const t3 = report.tables.sec3?.template;
  if (!t2 || !t3 || t2 === t3) return [];
  const sec3 = report.tables.sec3!;
  const otherRow = sec3.rows.find((r) => r.key === 'other.all' || r.key === 'other.noCorrection');
  const how =
    t3 === '2019'
      ? '表三却只有 2019 年格式的单行「（六）其他处理」（没有 2021 年格式的三个细项），已按单行读取'
      : '表三却是 2021 年格式（「（六）其他处理」分三个细项）';
  return [
    {
      id: 'TPL-02',
      severity: 'warning',
      cells: t3 === '2019' ? ['naturalPerson', 'commercial', 'research', 'publicInterest', 'legalService', 'otherOrg', 'total'].map((c) => `sec3.other.all.${c}`) : [],
      message: `新旧格式混用：表二是 ${t2} 年格式，${how}。`,
      lines: [otherRow?.ref?.line ?? sec3.startLine],
    },
  ];
}

/** The template checks, in catalogue order. */
export const templateChecks: Check[] = [checkTemplateYear, checkMixedTemplate];
