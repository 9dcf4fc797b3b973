/**
 * Builds SourceLines from a stream of paragraph and table events. Shared by the HTML and Word readers so
 * that both give the same shape: one line per paragraph, one line per table row, one cell per physical
 * table cell with its grid column and spans.
 */
import type { SourceCell, SourceLine } from '../model.ts';

/** How a table cell is placed in the grid. */
export interface CellSpec {
  /** Columns spanned (HTML colspan, Word gridSpan). */
  colSpan: number;
  /** HTML rowspan: rows spanned. Word cells leave it out and use vMerge. */
  rowSpan?: number;
  /** Word vertical merge: 'continue' cells are not new cells, they extend the cell above. */
  vMerge?: 'restart' | 'continue';
  /** Word legacy horizontal merge: 'continue' cells extend the cell to their left. */
  hMerge?: 'restart' | 'continue';
}

type Item = string | TableBuf;

interface CellBuf {
  items: Item[];
  col: number;
  colSpan: number;
  rowSpan: number;
  /** Row index where the cell starts. */
  row: number;
}

interface RowBuf {
  cells: CellBuf[];
  /** Next grid column for Word-style placement. */
  nextCol: number;
  deleted: boolean;
}

interface TableBuf {
  rows: RowBuf[];
  /** Paragraphs inside the table but outside any cell (captions, stray text). */
  loose: Item[];
  /** A table holding other tables is a layout frame: its content is read as flowing text. */
  hasNested: boolean;
  /** HTML placement: for each grid column, the first row index no longer covered by a rowspan above. */
  busyUntil: number[];
  /** Word placement: for each grid column, the last cell that started there (vMerge origin candidate). */
  lastInCol: (CellBuf | undefined)[];
  row: RowBuf | null;
  cell: CellBuf | null;
}

/** Limits against absurd spans in hostile files (HTML caps colspan at 1000 and rowspan at 65534). */
const MAX_COLSPAN = 1000;
const MAX_ROWSPAN = 65534;
/** Tables nested deeper than this are read as plain paragraphs (hostile files nest thousands deep). */
const MAX_TABLE_DEPTH = 32;

/** Options of a FlowBuilder. */
export interface FlowOptions {
  /** Turns a paragraph's raw text into its printed form ('' drops the paragraph). */
  normalize: (raw: string) => string;
  /** Split a paragraph outside tables into cells on tab characters (Word); else tabs are plain text. */
  splitTabs: boolean;
}

/** Collects paragraphs and tables in reading order and turns them into SourceLines. */
export class FlowBuilder {
  private readonly out: SourceLine[] = [];
  private readonly tables: TableBuf[] = [];
  private buf = '';
  private tableCount = 0;
  /** Open tables beyond MAX_TABLE_DEPTH, whose structure is ignored. */
  private ignored = 0;
  /** Set while inside a cell that is swallowed (merged or deleted): its text is dropped. */
  private readonly dummy: CellBuf = { items: [], col: 0, colSpan: 1, rowSpan: 1, row: 0 };

  constructor(private readonly opts: FlowOptions) {}

  /** Appends inline text to the current paragraph. */
  text(s: string): void {
    this.buf += s;
  }

  /** Whether the current paragraph has any text yet. */
  get hasText(): boolean {
    return this.buf !== '';
  }

  /** Removes and returns the unfinished paragraph text (to read a text box's paragraphs in between). */
  takeParagraph(): string {
    const s = this.buf;
    this.buf = '';
    return s;
  }

  /** Ends the current paragraph (block boundary or line break). Empty paragraphs vanish. */
  breakParagraph(): void {
    if (this.buf === '') return;
    const raw = this.buf;
    this.buf = '';
    const t = this.top();
    const inCell = t !== undefined && t.cell !== null;
    const text = this.opts.normalize(inCell && raw.includes('\t') ? raw.replace(/\t/g, ' ') : raw);
    if (text === '') return;
    if (t === undefined) this.emitParagraph(text);
    else if (t.cell !== null) t.cell.items.push(text);
    else t.loose.push(text);
  }

  /** Number of tables currently open (0 = in the document body). */
  get depth(): number {
    return this.tables.length;
  }

  /** Opens a table (nested inside the current cell when there is one). */
  startTable(): void {
    this.breakParagraph();
    if (this.ignored > 0 || this.tables.length >= MAX_TABLE_DEPTH) {
      this.ignored++;
      return;
    }
    const parent = this.top();
    if (parent) parent.hasNested = true;
    this.tables.push({ rows: [], loose: [], hasNested: false, busyUntil: [], lastInCol: [], row: null, cell: null });
  }

  /** Opens a row; Word's gridBefore skips leading grid columns. */
  startRow(gridBefore = 0): void {
    const t = this.top();
    if (!t || this.ignored > 0) return this.breakParagraph();
    this.endRow();
    const row: RowBuf = { cells: [], nextCol: Math.max(0, Math.min(gridBefore, MAX_COLSPAN)), deleted: false };
    t.rows.push(row);
    t.row = row;
  }

  /** Marks the open row as deleted by a tracked change: it and its cells disappear. */
  deleteRow(): void {
    const t = this.top();
    if (t?.row) t.row.deleted = true;
  }

  /** Sets Word's gridBefore on the open row when it arrives after startRow (trPr). */
  setGridBefore(n: number): void {
    const row = this.top()?.row;
    if (row && row.cells.length === 0) row.nextCol = Math.max(0, Math.min(n, MAX_COLSPAN));
  }

  /** Opens a cell (its spec is read, not kept: callers may reuse it). A cell outside any row opens a row first. */
  startCell(spec: CellSpec): void {
    const t = this.top();
    if (!t || this.ignored > 0) return this.breakParagraph();
    this.endCell();
    if (!t.row) this.startRow();
    const row = t.row as RowBuf;
    const rowIndex = t.rows.length - 1;
    const colSpan = clamp(spec.colSpan, MAX_COLSPAN);
    if (row.deleted) {
      t.cell = this.dummy;
      return;
    }
    if (spec.rowSpan !== undefined) {
      // HTML: skip columns still covered by a rowspan from an earlier row.
      let col = row.nextCol;
      while ((t.busyUntil[col] ?? 0) > rowIndex) col++;
      const rowSpan = clamp(spec.rowSpan, MAX_ROWSPAN);
      for (let c = col; c < col + colSpan; c++) t.busyUntil[c] = rowIndex + rowSpan;
      row.nextCol = col + colSpan;
      t.cell = { items: [], col, colSpan, rowSpan, row: rowIndex };
      row.cells.push(t.cell);
      return;
    }
    const col = row.nextCol;
    row.nextCol = col + colSpan;
    if (spec.hMerge === 'continue' && row.cells.length > 0) {
      (row.cells[row.cells.length - 1] as CellBuf).colSpan += colSpan;
      t.cell = this.dummy;
      return;
    }
    if (spec.vMerge === 'continue') {
      const origin = t.lastInCol[col];
      if (origin && origin.row + origin.rowSpan === rowIndex && origin.colSpan === colSpan) {
        origin.rowSpan++;
        t.cell = this.dummy;
        return;
      }
    }
    t.cell = { items: [], col, colSpan, rowSpan: 1, row: rowIndex };
    t.lastInCol[col] = t.cell;
    row.cells.push(t.cell);
  }

  /** Closes the open cell. */
  endCell(): void {
    const t = this.top();
    if (this.ignored > 0) return this.breakParagraph();
    if (!t || !t.cell) return;
    this.breakParagraph();
    if (t.cell === this.dummy) this.dummy.items.length = 0;
    t.cell = null;
  }

  /** Closes the open row. */
  endRow(): void {
    const t = this.top();
    if (this.ignored > 0) return this.breakParagraph();
    if (!t || !t.row) return;
    this.endCell();
    if (t.row.deleted) t.rows.pop();
    t.row = null;
  }

  /** Closes the innermost table; a top-level table is emitted at once. */
  endTable(): void {
    if (this.ignored > 0) {
      this.ignored--;
      return this.breakParagraph();
    }
    const t = this.top();
    if (!t) return;
    this.endRow();
    this.breakParagraph();
    this.tables.pop();
    const parent = this.top();
    if (!parent) this.emitTable(t);
    else if (parent.cell) parent.cell.items.push(t);
    else parent.loose.push(t);
  }

  /**
   * Inserts lines read from an embedded document (Word's altChunk) at this point, their tables
   * renumbered after ours. Inside a table cell their text joins the cell instead.
   */
  insertLines(lines: SourceLine[]): void {
    this.breakParagraph();
    if (this.tables.length > 0) {
      for (const l of lines) {
        this.text(l.cells.map((c) => c.text).join(' '));
        this.breakParagraph();
      }
      return;
    }
    const ids = new Map<number, number>();
    for (const l of lines) {
      if (!l.table) {
        this.out.push(l);
        continue;
      }
      let id = ids.get(l.table.id);
      if (id === undefined) ids.set(l.table.id, (id = this.tableCount++));
      this.out.push({ ...l, table: { id, row: l.table.row } });
    }
  }

  /** Closes everything still open and returns the lines. */
  finish(): SourceLine[] {
    this.breakParagraph();
    this.ignored = 0;
    while (this.tables.length > 0) this.endTable();
    return this.out;
  }

  private top(): TableBuf | undefined {
    // Never read past the end (an engine's slow path).
    const n = this.tables.length;
    return n > 0 ? this.tables[n - 1] : undefined;
  }

  private emitParagraph(text: string): void {
    if (!this.opts.splitTabs || !text.includes('\t')) {
      this.out.push({ cells: [{ text }] });
      return;
    }
    const parts = text.split('\t').map((p) => p.trim());
    while (parts.length > 1 && parts[0] === '') parts.shift();
    while (parts.length > 1 && parts[parts.length - 1] === '') parts.pop();
    this.out.push({ cells: parts.map((p) => ({ text: p })) });
  }

  private emitItems(items: Item[]): void {
    for (const item of items) {
      if (typeof item === 'string') this.emitParagraph(item);
      else this.emitTable(item);
    }
  }

  private emitTable(t: TableBuf): void {
    this.emitItems(t.loose);
    if (isLayout(t)) {
      // A layout frame around real content: read its cells as flowing text, nested tables as tables.
      for (const row of t.rows) for (const cell of row.cells) this.emitItems(cell.items);
      return;
    }
    const id = this.tableCount++;
    const rowCount = t.rows.length;
    t.rows.forEach((row, r) => {
      if (row.cells.length === 0) return;
      const cells: SourceCell[] = row.cells.map((c) => {
        const items = c.items as string[];
        const cell: SourceCell = { text: items.length === 1 ? (items[0] as string) : items.join('\n'), col: c.col };
        if (c.colSpan !== 1) cell.colSpan = c.colSpan;
        // A rowspan reaching past the table's end covers only the rows that exist (as browsers do).
        const rowSpan = Math.min(c.rowSpan, rowCount - r);
        if (rowSpan !== 1) cell.rowSpan = rowSpan;
        return cell;
      });
      this.out.push({ cells, table: { id, row: r } });
    });
  }
}

/** Longest cell text (or paragraph count) a data table cell is expected to hold. */
const MAX_DATA_CELL_CHARS = 300;
const MAX_DATA_CELL_PARAGRAPHS = 8;

/**
 * A table used for page layout rather than data: it holds other tables, or it has one column only, or a
 * cell holds a whole article. Its content is read as ordinary paragraphs.
 */
function isLayout(t: TableBuf): boolean {
  if (t.hasNested) return true;
  if (t.rows.every((r) => r.cells.length <= 1)) return true;
  return t.rows.some((r) =>
    r.cells.some((c) => c.items.length > MAX_DATA_CELL_PARAGRAPHS || c.items.some((i) => typeof i === 'string' && i.length > MAX_DATA_CELL_CHARS)),
  );
}

function clamp(n: number, max: number): number {
  return Number.isFinite(n) && n >= 1 ? Math.min(Math.floor(n), max) : 1;
}
