/** SourceDoc → ParsedReport: sections, tables, metadata. Stub: filled in by its owner. */
import type { ParsedReport, SourceDoc } from '../model.ts';

/** A readable document that is not an annual report, with the reason in Chinese. */
export interface NotAReport {
  notAReport: true;
  reason: string;
}

/** Understands one document. Never throws. */
export function parseReport(doc: SourceDoc): ParsedReport | NotAReport {
  void doc;
  return { notAReport: true, reason: '解析器尚未实现。' };
}
