/** Value tokens → CellValues of the ParsedReport, written straight into the report's cell record. */
import type { CellValue, FieldKey } from '../model.ts';
import type { ValueToken } from './tokens.ts';

/** Collects a table's cells into the report's record and remembers the lines they came from. */
export class CellSink {
  /** First and last source line of a cell written so far (Infinity / -1 when none). */
  first = Infinity;
  last = -1;
  constructor(readonly out: Record<FieldKey, CellValue>) {}

  /** Writes one cell; a missing cell (too few values printed) is null with empty raw text and no ref. */
  put(key: FieldKey, tok: ValueToken | null, scale = 1): void {
    if (!tok) {
      this.out[key] = { value: null, raw: '' };
      return;
    }
    const value = tok.value === null ? null : scale === 1 ? tok.value : roundTo(tok.value * scale, 6);
    this.out[key] = { value, raw: tok.raw, ref: tok.ref };
    if (tok.ref.line < this.first) this.first = tok.ref.line;
    if (tok.ref.line > this.last) this.last = tok.ref.line;
  }
}

/** Rounds away binary noise from unit conversions (251000 元 → 25.1 万元). */
function roundTo(v: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(v * f) / f;
}
