/** The registry of checks: every family's checks, run in catalogue order. */
import type { Finding, ParsedReport } from '../model.ts';
import type { Check } from './types.ts';
import { structureChecks } from './structure.ts';
import { templateChecks } from './template.ts';
import { labelsChecks } from './labels.ts';
import { valuesChecks } from './values.ts';
import { arithmeticChecks } from './arithmetic.ts';
import { narrativeChecks } from './narrative.ts';
import { copyChecks } from './copy.ts';
import { contentChecks } from './content.ts';
import { forgetReportCaches } from '../util/latest.ts';

/** All checks except the cross-year ones (those need history: see history/). */
export const CHECKS: Check[] = [
  ...structureChecks,
  ...templateChecks,
  ...labelsChecks,
  ...valuesChecks,
  ...arithmeticChecks,
  ...narrativeChecks,
  ...copyChecks,
  ...contentChecks,
];

/** Runs every check on one parsed report. */
export function runChecks(report: ParsedReport): Finding[] {
  // Plain indexed loops: flatMap's generic path, or an iterator per returned list (most are empty), cost
  // more than most checks on a clean report.
  const out: Finding[] = [];
  for (let c = 0; c < CHECKS.length; c++) {
    const found = CHECKS[c]!(report);
    for (let i = 0; i < found.length; i++) out.push(found[i]!);
  }
  // The report's derived data (prose, scans) is not needed any more: let it go with the report.
  forgetReportCaches();
  return out;
}
