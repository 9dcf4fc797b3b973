/**
 * Table 四 (行政复议、行政诉讼): one data row of 15 numbers, printed on one line, one per line, or as three
 * tables of five. Values are taken in printed order after the header until 15 are read or prose begins.
 */
import type { RowRead, TableRead } from '../model.ts';
import { SEC4_COLUMNS, SEC4_GROUPS } from '../spec/templates.ts';
import type { CellSink } from './cells.ts';
import { fitValues } from './fit.ts';
import { labelCore } from './labels.ts';
import type { TokenLine, ValueToken } from './tokens.ts';

const EXPECTED = SEC4_GROUPS.length * SEC4_COLUMNS.length;

const KEYS = SEC4_GROUPS.flatMap((g) => SEC4_COLUMNS.map((c) => `sec4.${g.key}.${c.key}`));

/** A prose line: long text with sentence punctuation ends the table. */
function isProse(tl: TokenLine): boolean {
  for (const t of tl.tokens) {
    if (t.kind === 'label' && t.text.length >= 20 && /[，。；]/.test(t.text)) return true;
  }
  return false;
}

/** Reads table 四 from its region's token lines; null when no value was printed. */
export function readSec4(lines: TokenLine[], region: { start: number; end: number }, sink: CellSink): TableRead | null {
  const values: ValueToken[] = [];
  const valueLines: number[] = [];
  let started = false;
  for (const tl of lines) {
    if (started && isProse(tl)) break;
    const vals = tl.tokens.filter((t): t is ValueToken => t.kind === 'value');
    const printed = vals.filter((v) => v.form !== 'blank').length;
    if (printed === 0) continue;
    // A line that is mostly words with one stray number (a note, a date) is not part of the data row.
    const labels = tl.tokens.filter((t) => t.kind === 'label' && labelCore(t.text).length > 8);
    if (labels.length > 0 && printed < 5) continue;
    started = true;
    values.push(...vals);
    valueLines.push(tl.line);
    if (values.length >= EXPECTED) break;
  }
  if (!started) return null;
  const fit = fitValues(values, EXPECTED);
  for (let i = 0; i < KEYS.length; i++) sink.put(KEYS[i], fit.cells[i]);
  const row: RowRead = {
    key: 'review',
    label: '行政复议、行政诉讼',
    ...(values[0] ? { ref: values[0].ref } : {}),
    expected: EXPECTED,
    found: values.length,
    ...(fit.used ? { used: fit.used } : {}),
  };
  return { table: 'sec4', template: null, startLine: region.start, endLine: region.end, rows: [row], missingRows: [], labelIssues: [] };
}
