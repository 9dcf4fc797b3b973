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
  // A plain loop: flatMap's generic path costs more than most checks on a clean report.
  const out: Finding[] = [];
  for (const check of CHECKS) for (const f of check(report)) out.push(f);
  // The report's derived data (prose, scans) is not needed any more: let it go with the report.
  forgetReportCaches();
  return out;
}
