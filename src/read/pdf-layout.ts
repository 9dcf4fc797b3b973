/**
 * Pure PDF geometry: positioned text runs → lines → cells, without pdf.js.
 * Steps per page: drop page numbers in the margins, group runs into lines by baseline, split lines into
 * cells at visible gaps, join text wrapped inside a narrow table cell (stacked fragments, one character per
 * line labels, digits of one number split over two lines), and pull numbers that sit beside a wrapped label
 * into the label's line. Everything is in PDF units, y measured from the top of the page.
 */
import type { Box, SourceCell, SourceLine } from '../model.ts';
import { assignColumns } from './pdf-columns.ts';

/** One text run of a page, as pdf.js gives it, converted to top-down coordinates. */
export interface PdfItem {
  /** Text of the run. */
  str: string;
  /** Left edge. */
  x: number;
  /** Baseline, measured from the top of the page. */
  y: number;
  /** Advance width. */
  w: number;
  /** Font size (height of the em box). */
  size: number;
}

/** One page's runs. */
export interface PdfPage {
  /** 1-based page number. */
  page: number;
  width: number;
  height: number;
  items: PdfItem[];
}

/** A cell being built: text, geometry and the baselines of its first and last fragment. */
interface Frag {
  text: string;
  x: number;
  right: number;
  top: number;
  bottom: number;
  /** Baseline of the first (top) fragment. */
  base: number;
  /** Baseline of the last (bottom) fragment. */
  lastBase: number;
  size: number;
  /** The cell was built from fragments on several physical lines. */
  stacked: boolean;
  /** Set when the cell was merged away into another one. */
  gone?: boolean;
}

interface Line {
  base: number;
  size: number;
  cells: Frag[];
}

/** Baselines closer than this fraction of the font size are one line (02 prints numbers 0.3 em lower than labels). */
const SAME_LINE = 0.45;
/** A horizontal gap wider than this many font sizes starts a new cell. */
const CELL_GAP = 0.6;
/** Margin bands (fraction of page height) where running headers and footers live. */
const MARGIN_BAND = 0.1;

const NUMBER = /^[+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/;
const DECORATED_PAGE_NO = /^(?:[-—–－‐~\s]+\d{1,4}[-—–－‐~\s]+|第\s*\d{1,4}\s*页(?:\s*[,，]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*[/／]\s*\d{1,4}|[Pp]age\s*\d{1,4}(?:\s*of\s*\d{1,4})?)$/;
const BARE_NUMBER = /^\d{1,4}$/;
/** Start of a numbered item: （三）, 3., 3、, 三、, (3). */
const ENUMERATED = /^\s*(?:[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}\s*[.．、]|[一二三四五六七八九十]{1,3}、)/;
/** A date line such as the one under the signature: 2024年1月17日. */
const DATE = /^\s*\d{4}\s*年\s*\d{1,2}\s*月/;
const CJK = /[\u3000-\u9fff\uff00-\uffef]/;

/** True when the text is one number (digits, optional thousands separators and decimals; full-width digits too). */
export function isNumeric(text: string): boolean {
  return NUMBER.test(text.trim().replace(/[０-９，．]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0)));
}

/** Lays out every page and returns the document's lines in reading order. */
export function layoutPages(pages: PdfPage[]): SourceLine[] {
  const perPage = pages.map((p) => ({ page: p, lines: buildLines(p) }));
  dropRunningPageNumbers(perPage.map((pp) => ({ page: pp.page, lines: pp.lines })));
  // Wrap steps are pooled over the whole document: one page may hold too few wrapped cells to tell.
  const leading = leadingBySize(perPage.map((pp) => pp.lines));
  for (const { lines } of perPage) {
    joinDigitStacks(lines);
    joinWrappedText(lines, leading, bodyWidth(lines));
    attachNumbersToLabels(lines);
  }
  for (let i = 1; i < perPage.length; i++) joinAcrossPageBreak(perPage[i - 1], perPage[i]);
  const out: SourceLine[] = [];
  for (const { page, lines } of perPage) {
    for (const line of lines) {
      const cells = line.cells.filter((c) => !c.gone);
      if (cells.length === 0) continue;
      out.push({ page: page.page, cells: cells.map(toCell) });
    }
  }
  assignColumns(out);
  return out;
}

function toCell(f: Frag): SourceCell {
  const box: Box = { x: round(f.x), y: round(f.top), w: round(f.right - f.x), h: round(f.bottom - f.top) };
  return { text: f.text, box };
}

function round(v: number): number {
  return Math.round(v * 10) / 10;
}

/** Groups a page's runs into lines (by baseline) and each line into cells (by horizontal gap). */
function buildLines(page: PdfPage): Line[] {
  const items = page.items.filter((it) => it.str.trim() !== '' && it.size > 0 && Number.isFinite(it.x + it.y + it.w));
  items.sort((a, b) => a.y - b.y || a.x - b.x);
  const lines: { base: number; size: number; items: PdfItem[] }[] = [];
  for (const it of items) {
    const cur = lines[lines.length - 1];
    if (cur && Math.abs(it.y - cur.base) <= SAME_LINE * Math.min(it.size, cur.size)) cur.items.push(it);
    else lines.push({ base: it.y, size: it.size, items: [it] });
  }
  // The line's baseline is its leftmost run's (the label's), not the first run sorted by y (maybe a lower number).
  return lines.map((l) => {
    const first = l.items.reduce((a, b) => (b.x < a.x ? b : a));
    return { base: first.y, size: first.size, cells: splitCells(l.items) };
  });
}

function splitCells(items: PdfItem[]): Frag[] {
  const sorted = [...items].sort((a, b) => a.x - b.x);
  const cells: Frag[] = [];
  let cur: Frag | null = null;
  for (const it of sorted) {
    const right = it.x + Math.max(it.w, 0);
    const gap = cur ? it.x - cur.right : Infinity;
    if (cur && gap <= CELL_GAP * Math.min(it.size, cur.size)) {
      cur.text = joinText(cur.text, it.str, gap > 0.25 * it.size);
      cur.right = Math.max(cur.right, right);
      cur.top = Math.min(cur.top, it.y - it.size);
      cur.bottom = Math.max(cur.bottom, it.y);
      cur.size = Math.max(cur.size, it.size);
    } else {
      cur = { text: it.str, x: it.x, right, top: it.y - it.size, bottom: it.y, base: it.y, lastBase: it.y, size: it.size, stacked: false };
      cells.push(cur);
    }
  }
  for (const c of cells) c.text = c.text.trim();
  return cells;
}

/** Joins two runs of one cell; a visible gap between two non-CJK runs becomes a space. */
function joinText(a: string, b: string, gap: boolean): string {
  if (!gap || a.endsWith(' ') || b.startsWith(' ')) return a + b;
  const last = a.slice(-1);
  const first = b.charAt(0);
  return CJK.test(last) || CJK.test(first) ? a + b : `${a} ${b}`;
}

/**
 * Drops running page numbers ("- 3 -", "— 3 —", "第 3 页", "3/6", or a bare number that tracks the page
 * number) that sit alone on a line in the top or bottom margin band: in 02 they fall inside the tables.
 */
function dropRunningPageNumbers(pages: { page: PdfPage; lines: Line[] }[]): void {
  const bare: { lines: Line[]; line: Line; offset: number }[] = [];
  for (const { page, lines } of pages) {
    for (const line of lines) {
      if (line.cells.length !== 1) continue;
      const inBand = line.base < page.height * MARGIN_BAND || line.base > page.height * (1 - MARGIN_BAND);
      if (!inBand) continue;
      const text = line.cells[0].text.trim();
      if (DECORATED_PAGE_NO.test(text)) line.cells = [];
      else if (BARE_NUMBER.test(text)) bare.push({ lines, line, offset: Number(text) - page.page });
    }
  }
  // A bare number is a page number only when the same offset from the page number repeats on several pages.
  const counts = new Map<number, number>();
  for (const b of bare) counts.set(b.offset, (counts.get(b.offset) ?? 0) + 1);
  for (const b of bare) if ((counts.get(b.offset) ?? 0) >= 2 || (pages.length === 1 && b.offset === 0)) b.line.cells = [];
}

/** Widest extent of text on the page: table cells are narrow compared with it, paragraphs are not. */
function bodyWidth(lines: Line[]): number {
  let left = Infinity;
  let right = -Infinity;
  for (const l of lines)
    for (const c of l.cells) {
      left = Math.min(left, c.x);
      right = Math.max(right, c.right);
    }
  return right > left ? right - left : 0;
}

/** Bucket of a font size, so runs of "the same" size compare equal. */
function sizeKey(size: number): number {
  return Math.round(size * 2) / 2;
}

/**
 * Typical distance between the baselines of a text wrapped inside one box, per font size: the smallest
 * baseline step (at least 0.9 em) seen at least twice between fragments starting at the same x.
 * Table rows are further apart than this, so it separates "same cell, next line" from "next row".
 */
function leadingBySize(pages: Line[][]): Map<number, number> {
  const steps = new Map<number, number[]>();
  for (const lines of pages) collectSteps(lines, steps);
  const out = new Map<number, number>();
  for (const [key, list] of steps) {
    list.sort((a, b) => a - b);
    // How many steps lie within ±1 of each one (two pointers over the sorted list: linear, not quadratic).
    const near: number[] = [];
    let lo = 0;
    let hi = 0;
    for (const v of list) {
      while (list[lo] < v - 1) lo++;
      while (hi < list.length && list[hi] <= v + 1) hi++;
      near.push(hi - lo);
    }
    const most = Math.max(...near);
    // The smallest step seen often (a few stray pairs, like a page-1 header block, do not count)…
    const i = near.findIndex((n) => n >= Math.max(2, 0.2 * most));
    if (i < 0) continue;
    const step = list[i];
    // …and only if wider row steps exist above it: otherwise it is the row spacing itself.
    if (list.some((v) => v >= 1.4 * step)) out.set(key, step + 1);
  }
  return out;
}

/** Records, per font size, the baseline steps between text cells stacked at the same x on one page. */
function collectSteps(lines: Line[], steps: Map<number, number[]>): void {
  const all = lines.flatMap((l) => l.cells);
  for (const c of all) {
    if (isNumeric(c.text)) continue;
    const below = firstBelow(all, c);
    if (!below || isNumeric(below.text) || sizeKey(below.size) !== sizeKey(c.size) || Math.abs(below.x - c.x) > 0.3 * c.size) continue;
    const step = below.base - c.base;
    if (step < 0.9 * c.size) continue;
    const key = sizeKey(c.size);
    const list = steps.get(key) ?? [];
    list.push(step);
    steps.set(key, list);
  }
}

/** The nearest cell below `c` that overlaps it horizontally (nothing else in between in that column). */
function firstBelow(cells: Frag[], c: Frag): Frag | null {
  let best: Frag | null = null;
  for (const d of cells) {
    if (d === c || d.gone || d.base <= c.lastBase + 0.1) continue;
    if (d.x >= c.right - 0.5 || d.right <= c.x + 0.5) continue;
    if (!best || d.base < best.base) best = d;
  }
  return best;
}

/**
 * Joins wrapped text inside one narrow box: a fragment continues the one above when it has the same size,
 * starts at the same x (or shares its centre), sits one wrapped-line step lower, and both are narrow
 * compared with the page body (so paragraphs and headings are never glued together).
 */
function joinWrappedText(lines: Line[], leading: Map<number, number>, body: number): void {
  const cells = lines.flatMap((l) => l.cells);
  const lineOf = new Map<Frag, Line>();
  for (const l of lines) for (const c of l.cells) lineOf.set(c, l);
  const narrow = (f: Frag) => body > 0 && f.right - f.x <= 0.35 * body;
  const hasNumbers = (f: Frag) => (lineOf.get(f)?.cells ?? []).some((o) => !o.gone && o.x > f.right && isNumeric(o.text));
  for (const c of cells) {
    if (c.gone || isNumeric(c.text) || !narrow(c)) continue;
    const step = leading.get(sizeKey(c.size));
    if (!step) continue;
    let tail = c;
    for (;;) {
      const d = firstBelow(cells, c);
      if (!d || isNumeric(d.text) || !narrow(d) || sizeKey(d.size) !== sizeKey(c.size)) break;
      const sameLeft = Math.abs(d.x - c.x) <= 0.3 * c.size;
      const sameCentre = Math.abs((d.x + d.right) / 2 - (c.x + c.right) / 2) <= 0.3 * c.size;
      const dy = d.base - c.lastBase;
      if (!(sameLeft || sameCentre) || dy > 1.15 * step || dy < 0.8 * c.size) break;
      // A numbered item or a date (under a centred signature) starts a new cell; two lines with numbers are two rows.
      if (ENUMERATED.test(d.text) || DATE.test(d.text) || (hasNumbers(tail) && hasNumbers(d))) break;
      const limit = c.right + 0.5 * c.size;
      // Justified text in a narrow cell leaves wide gaps: runs of d's line inside the box belong to it too.
      const rest = (lineOf.get(d)?.cells ?? []).filter((e) => e !== d && !e.gone && e.x > d.x && e.right <= limit && !isNumeric(e.text));
      for (const e of [d, ...rest.sort((p, q) => p.x - q.x)]) {
        c.text += e.text;
        c.right = Math.max(c.right, e.right);
        c.bottom = Math.max(c.bottom, e.bottom);
        e.gone = true;
      }
      c.lastBase = d.base;
      c.stacked = true;
      tail = d;
    }
  }
}

/**
 * Joins the digits of a number that wrapped inside a narrow cell (07's "2" over "6"): two numeric
 * fragments at the same x, nothing between them, whose midpoint is the baseline of a number in another
 * column (rows put single-line numbers at the vertical centre, where the wrapped one is centred too).
 * The joined number moves to that row's line.
 */
function joinDigitStacks(lines: Line[]): void {
  const nums = lines.flatMap((l) => l.cells.filter((c) => isNumeric(c.text)));
  const all = lines.flatMap((l) => l.cells);
  for (const a of nums) {
    if (a.gone) continue;
    const b = firstBelow(all, a);
    if (!b || b.gone || !isNumeric(b.text) || Math.abs(b.x - a.x) > 0.3 * a.size) continue;
    const dy = b.base - a.base;
    if (dy > 3 * a.size) continue;
    const mid = (a.base + b.base) / 2;
    const row = lines.find((l) => Math.abs(l.base - mid) <= SAME_LINE * l.size && l.cells.some((c) => c !== a && c !== b && isNumeric(c.text) && (c.right <= a.x || c.x >= a.right)));
    if (!row) continue;
    const joined: Frag = { ...a, text: a.text + b.text, right: Math.max(a.right, b.right), bottom: b.bottom, lastBase: b.base, stacked: true };
    a.gone = true;
    b.gone = true;
    row.cells.push(joined);
    row.cells.sort((p, q) => p.x - q.x);
  }
}

/**
 * Moves a line made only of numbers into the line of the label it belongs to: the wrapped label whose
 * vertical extent contains it (the nearest such label to its left), or a text-only line just above it
 * (less than one font size higher). Rows in 02 and 07 centre their numbers on a label of several lines.
 */
function attachNumbersToLabels(lines: Line[]): void {
  const lineOf = new Map<Frag, Line>();
  for (const l of lines) for (const c of l.cells) lineOf.set(c, l);
  for (let i = 0; i < lines.length; i++) {
    const n = lines[i];
    const live = n.cells.filter((c) => !c.gone);
    if (live.length === 0 || !live.every((c) => isNumeric(c.text))) continue;
    const firstX = Math.min(...live.map((c) => c.x));
    let target: Line | null = null;
    let bestX = -Infinity;
    for (const l of lines) {
      if (l === n) continue;
      for (const c of l.cells) {
        if (c.gone || !c.stacked || isNumeric(c.text) || c.right > firstX) continue;
        if (n.base < c.base - 0.5 * c.size || n.base > c.lastBase + 0.5 * c.size) continue;
        if (c.x > bestX) {
          bestX = c.x;
          target = lineOf.get(c) ?? null;
        }
      }
    }
    if (!target) {
      const prev = lines.slice(0, i).reverse().find((l) => l.cells.some((c) => !c.gone));
      const prevLive = prev?.cells.filter((c) => !c.gone) ?? [];
      const textOnly = prevLive.length > 0 && prevLive.every((c) => !isNumeric(c.text) && c.right <= firstX);
      if (prev && textOnly && n.base - prev.base < n.size) target = prev;
    }
    if (!target || target.cells.some((c) => !c.gone && isNumeric(c.text) && c.x >= firstX)) continue;
    target.cells.push(...live);
    target.cells.sort((p, q) => p.x - q.x);
    n.cells = [];
  }
}

/**
 * A row label cut by a page break (07: 「5.要求」 at the foot of one page, 「行政机关确认或重新出具已获取信息」
 * at the head of the next) is joined back onto the line that carries the row's numbers: the lowest label
 * with numbers on its line continues with the topmost narrow fragment at the same x on the next page,
 * when that fragment is alone on its line and does not start a numbered item of its own.
 */
function joinAcrossPageBreak(prev: { page: PdfPage; lines: Line[] }, next: { page: PdfPage; lines: Line[] }): void {
  const live = (lines: Line[]) => lines.flatMap((l) => l.cells.filter((c) => !c.gone).map((c) => ({ c, l })));
  const before = live(prev.lines);
  const after = live(next.lines);
  const numbersRight = (l: Line, f: Frag) => l.cells.some((o) => !o.gone && o.x > f.right && isNumeric(o.text));
  const overlaps = (a: Frag, b: Frag) => a.x < b.right - 0.5 && b.x < a.right - 0.5;
  let a: Frag | null = null;
  for (const { c, l } of before) {
    if (isNumeric(c.text) || !numbersRight(l, c)) continue;
    if (!a || c.lastBase > a.lastBase) a = c;
  }
  if (!a || a.lastBase < 0.7 * prev.page.height) return;
  const label = a;
  if (before.some(({ c }) => c !== label && c.base > label.lastBase && overlaps(c, label))) return;
  const body = bodyWidth(next.lines);
  let b: { c: Frag; l: Line } | null = null;
  for (const x of after) if (overlaps(x.c, label) && (!b || x.c.base < b.c.base)) b = x;
  if (!b || b.c.base > 0.3 * next.page.height) return;
  const { c, l } = b;
  const fits = Math.abs(c.x - label.x) <= 0.3 * label.size && sizeKey(c.size) === sizeKey(label.size) && c.right - c.x <= 0.35 * body;
  // The continuation is alone on its line: a fragment with neighbours is a row (or header) of its own.
  if (!fits || isNumeric(c.text) || ENUMERATED.test(c.text) || l.cells.some((o) => o !== c && !o.gone)) return;
  label.text += c.text;
  c.gone = true;
}
