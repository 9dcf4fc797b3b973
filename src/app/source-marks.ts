/** Which parts of the source text to highlight for a selected cell or finding. */
import type { CellRef, FieldKey, Finding, ParsedReport, SourceDoc } from '../model.ts';

/** Highlights for the source pane. */
export interface SourceMarks {
  /** Whole lines to highlight. */
  lines: Set<number>;
  /** Single cells to highlight, as `line:cell`. */
  cells: Set<string>;
  /** Text to mark inside the highlighted lines. */
  quote?: string;
  /** Line to scroll to, or null. */
  focus: number | null;
}

/** No highlight. */
export const NO_MARKS: SourceMarks = { lines: new Set(), cells: new Set(), focus: null };

/** Text of one source line, cells joined by a tab. */
export function lineText(doc: SourceDoc, i: number): string {
  return doc.lines[i]?.cells.map((c) => c.text).join('\t') ?? '';
}

/** First line containing `quote` (whitespace ignored), or null. */
export function locateQuote(doc: SourceDoc, quote: string): number | null {
  const needle = quote.replace(/\s+/g, '');
  if (needle === '') return null;
  for (let i = 0; i < doc.lines.length; i++) {
    if (lineText(doc, i).replace(/\s+/g, '').includes(needle)) return i;
  }
  return null;
}

/** Marks for one selected cell. */
export function marksForCell(key: FieldKey, parsed: ParsedReport): SourceMarks {
  const ref = parsed.cells[key]?.ref;
  return ref ? fromRefs([ref], []) : NO_MARKS;
}

/** Marks for one selected finding: its lines, its cells' positions, and its quote. */
export function marksForFinding(f: Finding, parsed: ParsedReport | undefined, doc: SourceDoc): SourceMarks {
  const refs = parsed ? f.cells.map((k) => parsed.cells[k]?.ref).filter((r): r is CellRef => r !== undefined) : [];
  const lines = [...(f.lines ?? [])];
  if (f.quote && lines.length === 0) {
    const at = locateQuote(doc, f.quote);
    if (at !== null) lines.push(at);
  }
  const marks = fromRefs(refs, lines);
  return f.quote ? { ...marks, quote: f.quote } : marks;
}

function fromRefs(refs: CellRef[], lines: number[]): SourceMarks {
  const all = new Set(lines);
  const cells = new Set<string>();
  for (const r of refs) {
    all.add(r.line);
    cells.add(`${r.line}:${r.cell}`);
  }
  const sorted = [...all].sort((a, b) => a - b);
  return { lines: all, cells, focus: sorted[0] ?? null };
}

/** Splits `text` around the first occurrence of `quote`: [before, match, after], or null. */
export function splitQuote(text: string, quote: string | undefined): [string, string, string] | null {
  if (!quote) return null;
  const at = text.indexOf(quote);
  if (at < 0) return null;
  return [text.slice(0, at), quote, text.slice(at + quote.length)];
}
