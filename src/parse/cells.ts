/** Value tokens → CellValues of the ParsedReport, written straight into the report's cell record. */
import type { CellValue, FieldKey } from '../model.ts';
import type { ValueToken } from './tokens.ts';
import { Latest } from '../util/latest.ts';

/**
 * For the latest cell record the sinks wrote, the plain values keyed alike and in the same order (what
 * ReportResult.cells holds). Filled along with the record: copying ~200 keys out of a large record
 * afterwards cost more than writing them twice.
 */
const VALUES = new Latest<Record<FieldKey, CellValue>, Record<FieldKey, number | null>>();

/** The values of a cell record (number or null per key, same key order): the sinks' copy, else built now. */
export function cellValues(cells: Record<FieldKey, CellValue>): Record<FieldKey, number | null> {
  const kept = VALUES.get(cells);
  if (kept) return kept;
  const out: Record<FieldKey, number | null> = {};
  for (const key of Object.keys(cells)) out[key] = cells[key].value;
  return out;
}

/** Collects a table's cells into the report's record and remembers the lines they came from. */
export class CellSink {
  /** First and last source line of a cell written so far (Infinity / -1 when none). */
  first = Infinity;
  last = -1;
  /** The values of `out`, written along with it (see cellValues). */
  private readonly values: Record<FieldKey, number | null>;
  constructor(readonly out: Record<FieldKey, CellValue>) {
    let v = VALUES.get(out);
    if (!v) {
      // A record that already holds cells (not written by a sink) gets its values copied first.
      v = {};
      for (const key of Object.keys(out)) v[key] = out[key].value;
      VALUES.set(out, v);
    }
    this.values = v;
  }

  /** Writes one cell; a missing cell (too few values printed) is null with empty raw text and no ref. */
  put(key: FieldKey, tok: ValueToken | null, scale = 1): void {
    if (!tok) {
      this.out[key] = { value: null, raw: '' };
      this.values[key] = null;
      return;
    }
    const value = tok.value === null ? null : scale === 1 ? tok.value : roundTo(tok.value * scale, 6);
    this.out[key] = { value, raw: tok.raw, ref: tok.ref };
    this.values[key] = value;
    if (tok.ref.line < this.first) this.first = tok.ref.line;
    if (tok.ref.line > this.last) this.last = tok.ref.line;
  }
}

/** Rounds away binary noise from unit conversions (251000 元 → 25.1 万元). */
function roundTo(v: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(v * f) / f;
}
