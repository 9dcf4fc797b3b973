/**
 * The layout-independent core of the table reader: token lines → value groups. A group is one printed row's
 * values with the label evidence around them: labels on the same line (strong), and label-only lines since
 * the previous group (soft; the nearest one counts most). Works the same for tab rows, markdown rows, real
 * table rows, one-cell-per-line layouts and PDF lines.
 */
import type { LabelToken, TokenLine, ValueToken } from './tokens.ts';

/** One printed row of values and the labels that may name it. */
export interface ValueGroup {
  values: ValueToken[];
  /** Labels printed on the same line, before the first value. */
  labels: LabelToken[];
  /** Label-only lines since the previous group, in printed order (the last is the nearest). */
  before: LabelToken[][];
  /** Label-only lines after this group up to the next one (a label wrapped below its row). */
  after: LabelToken[][];
  /** Source lines the values come from. */
  lines: number[];
}

/** True when a line's values count: numbers or placeholders, or blank cells next to a label in a real table. */
function lineValues(tl: TokenLine): ValueToken[] {
  const vals: ValueToken[] = [];
  let printed = 0;
  let seenLabel = false;
  for (const t of tl.tokens) {
    if (t.kind === 'label') {
      seenLabel = true;
      continue;
    }
    vals.push(t);
    if (t.form !== 'blank') printed++;
  }
  if (printed === 0 && !(tl.realTable && seenLabel && vals.length > 0)) return [];
  return vals;
}

/**
 * Groups a region's token lines. A line with ≥ 2 values is a row of its own; single values on consecutive
 * lines (one cell per line, numbers one per line) are gathered into one group until a label line intervenes.
 */
export function groupValues(lines: TokenLine[]): ValueGroup[] {
  const groups: ValueGroup[] = [];
  let pending: LabelToken[][] = [];
  let open: ValueGroup | null = null;
  for (const tl of lines) {
    if (tl.tokens.length === 0) continue;
    const values = lineValues(tl);
    if (values.length === 0) {
      open = null;
      const labels = tl.tokens.filter((t): t is LabelToken => t.kind === 'label');
      if (labels.length > 0) pending.push(labels);
      continue;
    }
    const labelsBefore: LabelToken[] = [];
    for (const t of tl.tokens) {
      if (t.kind === 'value') break;
      labelsBefore.push(t);
    }
    if (labelsBefore.length === 0 && open && values.length === 1 && !tl.realTable) {
      open.values.push(values[0]);
      open.lines.push(tl.line);
      continue;
    }
    const g: ValueGroup = { values, labels: labelsBefore, before: pending, after: [], lines: [tl.line] };
    if (groups.length > 0) groups[groups.length - 1].after = pending;
    groups.push(g);
    pending = [];
    open = values.length === 1 && !tl.realTable ? g : null;
  }
  if (groups.length > 0) groups[groups.length - 1].after = pending;
  return groups;
}
