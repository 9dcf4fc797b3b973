/** Value tokens → CellValues of the ParsedReport. */
import type { CellValue } from '../model.ts';
import type { ValueToken } from './tokens.ts';

/** The CellValue of a fitted token; a missing cell (too few values printed) is null with empty raw text. */
export function toCell(tok: ValueToken | null, scale = 1): CellValue {
  if (!tok) return { value: null, raw: '' };
  const value = tok.value === null ? null : scale === 1 ? tok.value : roundTo(tok.value * scale, 6);
  return { value, raw: tok.raw, ref: tok.ref };
}

/** Rounds away binary noise from unit conversions (251000 元 → 25.1 万元). */
function roundTo(v: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(v * f) / f;
}
