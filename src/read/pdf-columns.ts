/**
 * Column indexes for the numbers of PDF tables, from the header geometry: the lowest header cells (leaves)
 * above a block of number rows give the data columns; each number gets `col` = 1 + the index of the column
 * it sits under (0 is the label area). A row that prints fewer numbers than the header has columns (07's
 * blank 法人或其他组织 cells) then still says which columns its numbers belong to.
 */
import type { Box, SourceCell, SourceLine } from '../model.ts';
import { isNumeric } from './pdf-layout.ts';

interface Column {
  x: number;
  right: number;
}

const centre = (b: Box) => b.x + b.w / 2;

/** Sets `col` on the numeric cells of every PDF line that sits under a recognisable table header. */
export function assignColumns(lines: SourceLine[]): void {
  let grid: Column[] | null = null;
  let block: SourceLine[] = [];
  const width = bodyWidths(lines);
  for (const line of lines) {
    const nums = line.cells.filter((c) => c.box && isNumeric(c.text));
    if (nums.length === 0) {
      block.push(line);
      continue;
    }
    if (block.length > 0) {
      // The header is what follows the last paragraph line (one wide run of text) before the numbers.
      const wide = block.map((l) => widestCell(l) > 0.6 * (width.get(l.page ?? 0) ?? Infinity));
      const header = headerColumns(block.slice(wide.lastIndexOf(true) + 1), nums);
      if (header && mapToColumns(nums, header)) grid = header;
      // A paragraph between two tables ends the first table's columns.
      else if (wide.includes(true)) grid = null;
      block = [];
    }
    const cols = grid ? mapToColumns(nums, grid) : null;
    if (cols) nums.forEach((c, i) => (c.col = cols[i] + 1));
  }
}

/** The data columns named by the leaf header cells of `block` right of the label area (null if none). */
function headerColumns(block: SourceLine[], nums: SourceCell[]): Column[] | null {
  const size = Math.max(...nums.map((n) => n.box!.h));
  const left = Math.min(...nums.map((n) => n.box!.x)) - size;
  if (block.length === 0) return null;
  // A header may run over a page break (07): order cells by page, then by y.
  const cells = block.flatMap((l) => l.cells.map((c) => ({ box: c.box, text: c.text, page: l.page ?? 0 }))).filter((c) => c.box && c.text.trim() !== '' && centre(c.box) >= left);
  const below = (d: (typeof cells)[number], c: (typeof cells)[number]) => d.page > c.page || (d.page === c.page && d.box!.y > c.box!.y + 0.5);
  const overlaps = (a: Box, b: Box) => a.x < b.x + b.w - 0.5 && b.x < a.x + a.w - 0.5;
  // A leaf has no header cell under it; a spanning header (申请人情况, 法人或其他组织) has.
  const leaves = cells.filter((c) => !cells.some((d) => d !== c && below(d, c) && overlaps(c.box!, d.box!)));
  const cols: Column[] = [];
  for (const leaf of leaves.map((c) => c.box!).sort((a, b) => a.x - b.x)) {
    const last = cols[cols.length - 1];
    if (last && leaf.x < last.right - 0.5) last.right = Math.max(last.right, leaf.x + leaf.w);
    else cols.push({ x: leaf.x, right: leaf.x + leaf.w });
  }
  return cols.length > 0 ? cols : null;
}

/** Column index of each number (nearest column centre, each column used once), or null when they do not fit. */
function mapToColumns(nums: SourceCell[], cols: Column[]): number[] | null {
  const centres = cols.map((c) => (c.x + c.right) / 2);
  let spacing = Infinity;
  for (let i = 1; i < centres.length; i++) spacing = Math.min(spacing, centres[i] - centres[i - 1]);
  const out: number[] = [];
  for (const n of nums) {
    const x = centre(n.box!);
    let best = 0;
    for (let i = 1; i < centres.length; i++) if (Math.abs(centres[i] - x) < Math.abs(centres[best] - x)) best = i;
    const col = cols[best];
    const tol = Number.isFinite(spacing) ? spacing / 2 : (col.right - col.x) / 2 + 2 * n.box!.h;
    if (Math.abs(centres[best] - x) > tol || out.includes(best)) return null;
    out.push(best);
  }
  return out;
}

function widestCell(l: SourceLine): number {
  return Math.max(0, ...l.cells.map((c) => c.box?.w ?? 0));
}

/** Width of the text body of each page. */
function bodyWidths(lines: SourceLine[]): Map<number, number> {
  const ext = new Map<number, { l: number; r: number }>();
  for (const line of lines)
    for (const c of line.cells) {
      if (!c.box) continue;
      const e = ext.get(line.page ?? 0) ?? { l: Infinity, r: -Infinity };
      e.l = Math.min(e.l, c.box.x);
      e.r = Math.max(e.r, c.box.x + c.box.w);
      ext.set(line.page ?? 0, e);
    }
  return new Map([...ext].map(([p, e]) => [p, e.r - e.l]));
}
