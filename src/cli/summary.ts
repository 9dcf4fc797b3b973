/** The people-readable summary of one result, for the command line without --json. */
import type { ReportResult, Severity } from '../model.ts';

const SEVERITY_LABEL: Record<Severity, string> = { error: '错误', warning: '警告', info: '提示' };
const STATUS_LABEL = { unreadable: '无法读取', 'not-a-report': '不是年度报告' } as const;

/** A few lines in Chinese: the file, its body and year, counts by severity, then each error and warning. */
export function summarize(result: ReportResult): string {
  if (result.status !== 'ok') return `✗ ${result.file}：${STATUS_LABEL[result.status]}。${result.error ?? ''}`;
  const count = (s: Severity) => result.findings.filter((f) => f.severity === s).length;
  const meta = result.meta;
  const head =
    `${count('error') > 0 ? '✗' : '✓'} ${result.file}：${meta?.agency ?? '（未识别机关）'} ${meta?.year ?? '（未识别年度）'}年度，` +
    `${meta?.template ? `${meta.template} 版格式` : '格式未识别'}；错误 ${count('error')}，警告 ${count('warning')}，提示 ${count('info')}。`;
  const details = result.findings
    .filter((f) => f.severity !== 'info')
    .map((f) => `  [${SEVERITY_LABEL[f.severity]} ${f.id}] ${f.message}`);
  return [head, ...details].join('\n');
}
