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

/** Shared empty list: most value lines print no label before their first value (never written to). */
const NO_LABELS: LabelToken[] = [];
/** Placeholder for a group's `after`, which is always replaced when the next group (or the end) comes. */
const NO_LINES: LabelToken[][] = [];

/**
 * Groups a region's token lines. A line with ≥ 2 values is a row of its own; single values on consecutive
 * lines (one cell per line, numbers one per line) are gathered into one group until a label line intervenes.
 * One pass per line counts its labels and values first, so the common line shapes (values only, labels only)
 * take their arrays straight from the token list instead of filtering it.
 */
export function groupValues(lines: TokenLine[]): ValueGroup[] {
  const groups: ValueGroup[] = [];
  let pending: LabelToken[][] = [];
  let open: ValueGroup | null = null;
  for (const tl of lines) {
    const tokens = tl.tokens;
    const n = tokens.length;
    if (n === 0) continue;
    let labelCount = 0;
    let printed = 0;
    let lead = -1; // index of the first value
    for (let i = 0; i < n; i++) {
      const t = tokens[i];
      if (t.kind === 'label') {
        labelCount++;
        continue;
      }
      if (lead < 0) lead = i;
      if (t.form !== 'blank') printed++;
    }
    const valueCount = n - labelCount;
    // A line's values count when some are printed, or (real tables) when blank cells stand next to a label.
    if (printed === 0 && !(tl.realTable && labelCount > 0 && valueCount > 0)) {
      open = null;
      // Label lists are only read: a line of labels only lends its token list.
      if (labelCount > 0) pending.push(labelCount === n ? (tokens as LabelToken[]) : tokens.filter((t): t is LabelToken => t.kind === 'label'));
      continue;
    }
    if (lead === 0 && open && valueCount === 1 && !tl.realTable) {
      open.values.push(tokens[0] as ValueToken);
      open.lines.push(tl.line);
      continue;
    }
    const opens = valueCount === 1 && !tl.realTable;
    // A group that stays open gets values pushed onto it, so only a closed one may share the token list.
    const values = labelCount === 0 && !opens ? (tokens as ValueToken[]) : tokens.filter((t): t is ValueToken => t.kind === 'value');
    const labelsBefore = lead === 0 ? NO_LABELS : (tokens.slice(0, lead) as LabelToken[]);
    const g: ValueGroup = { values, labels: labelsBefore, before: pending, after: NO_LINES, lines: [tl.line] };
    if (groups.length > 0) groups[groups.length - 1].after = pending;
    groups.push(g);
    pending = [];
    open = opens ? g : null;
  }
  if (groups.length > 0) groups[groups.length - 1].after = pending;
  return groups;
}
