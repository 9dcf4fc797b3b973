/** Fitting a printed row's values to the expected number of columns (STR-06 material). */
import type { ValueToken } from './tokens.ts';

/** The values used for each column (null where the cell is missing) and how the row was fitted. */
export interface Fitted {
  cells: (ValueToken | null)[];
  /** When more values were printed than expected: which ones were used, in Chinese (e.g. 「第1–7个」). */
  used?: string;
}

/** Options for fitting. */
export interface FitOptions {
  /** Index of a column that is the sum of the columns before it (table 三's 总计): picks a window among extras. */
  totalOf?: number;
  /** Index of the column assumed missing when exactly one value is missing (default: the last). */
  missingAt?: number;
}

/** Fits values to `expected` columns. Extra blank cells of real tables are dropped silently. */
export function fitValues(values: ValueToken[], expected: number, opts: FitOptions = {}): Fitted {
  let vals = values;
  if (vals.length > expected) {
    // Blank cells beyond the expected count are layout of a real table, not values.
    let end = vals.length;
    while (end > expected && vals[end - 1].form === 'blank') end--;
    let start = 0;
    while (end - start > expected && vals[start].form === 'blank') start++;
    vals = vals.slice(start, end);
  }
  if (vals.length === expected) return { cells: vals.slice() };
  if (vals.length > expected) {
    let at = 0;
    if (opts.totalOf !== undefined) {
      for (let s = 0; s + expected <= vals.length; s++) {
        if (sumHolds(vals.slice(s, s + expected), opts.totalOf)) {
          at = s;
          break;
        }
      }
    }
    return { cells: vals.slice(at, at + expected), used: `第${at + 1}–${at + expected}个` };
  }
  const cells: (ValueToken | null)[] = vals.slice();
  if (vals.length === expected - 1 && opts.missingAt !== undefined && opts.missingAt < expected - 1) {
    cells.splice(opts.missingAt, 0, null);
    return { cells };
  }
  while (cells.length < expected) cells.push(null);
  return { cells };
}

function sumHolds(window: ValueToken[], totalIdx: number): boolean {
  let sum = 0;
  for (let i = 0; i < totalIdx; i++) sum += window[i].value ?? 0;
  const total = window[totalIdx].value;
  return total !== null && Math.abs(sum - total) < 1e-9;
}
