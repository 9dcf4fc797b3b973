/**
 * Hand-off types between the pipeline stages:
 * bytes → read (SourceDoc) → parse (ParsedReport) → checks (Finding[]) → ReportResult.
 * Pure data: no DOM, worker or storage types here.
 */

/** File types the readers know. */
export type FileType = 'txt' | 'md' | 'html' | 'docx' | 'pdf';

/** Report formats fixed by the State Council General Office (formats.md). */
export type TemplateId = '2019' | '2021';

export type Severity = 'error' | 'warning' | 'info';

/** PDF geometry of a text run, in PDF user units, y measured from the top of the page. */
export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/**
 * One cell of a source line. For text files, a tab-separated (or markdown pipe-separated) field;
 * for HTML and Word tables, one physical table cell (never duplicated by span expansion);
 * for PDF, one run of text items separated from its neighbours by a visible gap.
 */
export interface SourceCell {
  /** Text as printed, whitespace inside kept, entities decoded. */
  text: string;
  /** Grid column where the cell starts (HTML/DOCX tables after rowspan/colspan expansion). */
  col?: number;
  /** Columns the cell spans (default 1). */
  colSpan?: number;
  /** Rows the cell spans (default 1). */
  rowSpan?: number;
  /** PDF only: where the run sits on its page. */
  box?: Box;
}

/**
 * One line of the document in reading order. A paragraph of HTML/DOCX is one line with one cell;
 * a table row is one line whose cells are the row's physical cells.
 */
export interface SourceLine {
  cells: SourceCell[];
  /** Set when the line is a row of a real table (HTML, DOCX): the table's ordinal and the row's index. */
  table?: { id: number; row: number };
  /** PDF: 1-based page number. */
  page?: number;
}

/** A document as read from bytes, before any understanding of its content. */
export interface SourceDoc {
  fileType: FileType;
  lines: SourceLine[];
  /** PDF: number of pages. */
  pageCount?: number;
  /** Notes from the reader the user should know (e.g. encoding fallback); Chinese. */
  notes?: string[];
}

/** Where a value or label came from: a line index into SourceDoc.lines and a cell index in it. */
export interface CellRef {
  line: number;
  cell: number;
}

/** A field key from formats.md, e.g. `sec3.newReceived.naturalPerson`. */
export type FieldKey = string;

/** One read table cell. */
export interface CellValue {
  /** Number as read, or null for blank / placeholder / unreadable. */
  value: number | null;
  /** Raw text as printed ('' for a blank cell, '—' for a placeholder...). */
  raw: string;
  /** Where it came from, when known. */
  ref?: CellRef;
}

/** Report metadata (formats.md, "Metadata"). */
export interface ReportMeta {
  /** Full body name, region prefix added from the body text when the title lacks it. */
  agency: string | null;
  /** Report year. */
  year: number | null;
  /** Format of table 二 (falls back to table 三's layout when 二 is missing). */
  template: TemplateId | null;
  /** Title as printed. */
  title: string | null;
}

/** A top-level section 一…六 found by its heading text. */
export interface Section {
  /** 1…6 */
  no: number;
  /** Heading line as printed (null when the section's heading is missing and the range was inferred). */
  heading: string | null;
  /** Index of the heading line in SourceDoc.lines (or of the first line of the inferred range). */
  startLine: number;
  /** Index one past the last line of the section. */
  endLine: number;
  /** Narrative text of the section, table lines excluded, one paragraph per line. */
  text: string;
}

/** A heading-like line the section finder saw, with what it made of it (feeds STR-01…04). */
export interface HeadingHit {
  line: number;
  text: string;
  /** Numeral as printed: '一', '3', '（2）'… */
  numeral: string;
  /** Section it names by its text (1…6), or null for a sub-heading. */
  section: number | null;
  /** 'top' = accepted as a section start; 'duplicate' = same heading again right after; 'wrong-numeral';
   *  'sub-reuse' = a sub-heading inside a section that reuses a top-level numeral 一、二、… */
  kind: 'top' | 'duplicate' | 'wrong-numeral' | 'sub-reuse';
}

/** How one expected or printed table row was read (feeds STR-06, STR-07, LBL-01/02). */
export interface RowRead {
  /** Row key from formats.md ('newReceived', 'denied.thirdParty', 'regulation', 'review'…), or null for an unknown row. */
  key: string | null;
  /** Label as printed, parts joined with a space. */
  label: string;
  /** Where the label starts. */
  ref?: CellRef;
  /** Numbers expected in this row. */
  expected: number;
  /** Value cells found (before trimming to `expected`). */
  found: number;
  /** When found > expected: which of the found values were used, e.g. 'first 7'. */
  used?: string;
}

/** A wording deviation in a label (LBL-01 keeps the meaning, LBL-02 changes it). */
export interface LabelIssue {
  id: 'LBL-01' | 'LBL-02';
  /** Canonical wording. */
  expected: string;
  /** Wording as printed. */
  printed: string;
  ref?: CellRef;
  /** Keys of the cells under this label. */
  cells: FieldKey[];
}

/** One of the three standard tables as read. */
export interface TableRead {
  table: 'sec2' | 'sec3' | 'sec4';
  /** Layout detected for this table (null when it cannot be told). */
  template: TemplateId | null;
  /** Line range of the table in SourceDoc.lines. */
  startLine: number;
  endLine: number;
  rows: RowRead[];
  /** Expected row keys that were not found (STR-07). */
  missingRows: string[];
  labelIssues: LabelIssue[];
}

/** Everything the parser understood of one report. */
export interface ParsedReport {
  meta: ReportMeta;
  sections: Section[];
  headings: HeadingHit[];
  /** The tables that were found; a missing table is absent (STR-05). */
  tables: Partial<Record<'sec2' | 'sec3' | 'sec4', TableRead>>;
  /** Every cell of every table found, keyed by field key. */
  cells: Record<FieldKey, CellValue>;
  /** The document's text, one entry per SourceLine (cells joined by a tab), for text checks and display. */
  lines: string[];
  /** Indexes of lines that belong to a table (narrative checks skip them). */
  tableLines: number[];
}

/** A check id from checks.md. */
export type CheckId = string;

/** One finding of one check (checks.md, output.md). */
export interface Finding {
  id: CheckId;
  severity: Severity;
  /** Field keys involved (may be empty for text checks). */
  cells: FieldKey[];
  /** One plain Chinese sentence with the numbers on both sides. */
  message: string;
  /** The offending text, for text checks. */
  quote?: string;
  /** Lines (indexes into SourceDoc.lines) the finding points at, for highlighting. */
  lines?: number[];
}

/** Status of one input (output.md). */
export type ReportStatus = 'ok' | 'unreadable' | 'not-a-report';

/** The checker's result for one report: exactly the JSON Lines contract of output.md (plus added fields). */
export interface ReportResult {
  file: string;
  status: ReportStatus;
  /** Chinese reason for 'unreadable' and 'not-a-report'. */
  error?: string;
  meta?: ReportMeta;
  /** Every cell of every table found: a number, or null for blank / placeholder. */
  cells: Record<FieldKey, number | null>;
  findings: Finding[];
  /** Added field: file type as read. */
  fileType?: FileType;
}

/** The full analysis of one report: the JSON result plus what the UI needs to show it. */
export interface Analysis {
  result: ReportResult;
  /** Present when the file could be read. */
  doc?: SourceDoc;
  /** Present when status is 'ok'. */
  parsed?: ParsedReport;
}
