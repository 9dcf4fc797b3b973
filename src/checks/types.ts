/** The shape of a check: a small pure function from what was parsed to findings. */
import type { Finding, ParsedReport } from '../model.ts';

/** One check family's entry point: every finding of its checks for one report. */
export type Check = (report: ParsedReport) => Finding[];
