/** SourceDoc → ParsedReport: sections, the three standard tables read into field keys, metadata. */
import type { CellValue, FieldKey, HeadingHit, ParsedReport, Section, SourceDoc, TableRead } from '../model.ts';
import { CellSink } from './cells.ts';
import { groupValues } from './groups.ts';
import { findSignature, findTitle, findYear, fullAgency, titleAgency } from './meta.ts';
import { readSec2 } from './sec2.ts';
import { readSec3 } from './sec3.ts';
import { readSec4 } from './sec4.ts';
import { findSubReuse, mayStartNumeralCode, scanSections, type SectionScan } from './sections.ts';
import { tokenizeRange } from './tokens.ts';

/** A readable document that is not an annual report, with the reason in Chinese. */
export interface NotAReport {
  notAReport: true;
  reason: string;
}

/** Words that mark the start of each table when its section heading is missing. */
const ANCHORS: Record<'sec2' | 'sec3' | 'sec4', string[]> = {
  sec2: ['第二十条第'],
  sec3: ['本列数据的勾稽关系', '本年新收政府信息公开申请数量'],
  sec4: ['未经复议直接起诉', '复议后起诉'],
};
const SECTION_OF = { sec2: 2, sec3: 3, sec4: 4 } as const;
/** Words of table headers: a line containing one belongs to the table. */
const TABLE_WORDS = ['第二十条', '信息内容', '申请人情况', '本列数据', '行政复议', '行政诉讼', '结果维持', '自然人', '表二', '表三', '表四'];

/** Understands one document. Never throws. */
export function parseReport(doc: SourceDoc): ParsedReport | NotAReport {
  try {
    return parse(doc);
  } catch (e) {
    return { notAReport: true, reason: `解析时出错，无法理解该文件的内容（${e instanceof Error ? e.message : String(e)}）。` };
  }
}

function parse(doc: SourceDoc): ParsedReport | NotAReport {
  const n = doc.lines.length;
  const lines: string[] = new Array(n);
  const cellCounts: number[] = new Array(n);
  // Lines that may be a sub-heading reusing a top-level numeral (see findSubReuse), told on the way.
  const numbered: number[] = [];
  for (let i = 0; i < n; i++) {
    const l = doc.lines[i];
    const cells = l.cells;
    let filled = l.table ? 1 : 0; // a real table row is never a heading
    let lead: number; // the line's first character code (NaN when empty)
    if (cells.length === 1) {
      const t = cells[0].text;
      lead = t.charCodeAt(0);
      if (t.length > 0 && (!isTrimmable(lead) || t.trim() !== '')) filled++;
      lines[i] = t;
    } else {
      for (let c = 0; c < cells.length; c++) {
        const t = cells[c].text;
        if (t.length > 0 && (!isTrimmable(t.charCodeAt(0)) || t.trim() !== '')) filled++;
      }
      // Joined by tabs: an empty first cell leaves the tab first.
      lead = cells.length === 0 ? NaN : cells[0].text.length > 0 ? cells[0].text.charCodeAt(0) : 0x09;
      lines[i] = joinCells(cells);
    }
    cellCounts[i] = filled;
    if (filled <= 1 && mayStartNumeralCode(lead)) numbered.push(i);
  }
  const scan = scanSections(lines, cellCounts);
  const tables: ParsedReport['tables'] = {};
  const cells: Record<FieldKey, CellValue> = {};
  // Table lines as flags per line: cheaper to fill and test than a Set, and read out already sorted.
  const isTableLine = tableFlags(n);

  const sec2Region = regionOf('sec2', scan, lines);
  const sec3Region = regionOf('sec3', scan, lines);
  const sec4Region = regionOf('sec4', scan, lines);
  if (sec2Region && sec3Region && sec3Region.start > sec2Region.start && sec3Region.start < sec2Region.end) sec2Region.end = sec3Region.start;
  if (sec3Region && sec4Region && sec4Region.start > sec3Region.start && sec4Region.start < sec3Region.end) sec3Region.end = sec4Region.start;

  // Each table is read in its section; when nothing is found there (the tables printed elsewhere, e.g. as
  // appendices), it is looked for from its anchor words instead.
  for (const find of [() => sec2Region, () => anchorRegion('sec2', scan, lines)]) {
    const region = tables.sec2 ? null : find();
    if (!region) continue;
    const tl = tokenizeRange(doc.lines, region.start, region.end);
    const sink = new CellSink(cells);
    addTable(readSec2(groupValues(tl), tl, region, sink), sink);
  }
  for (const find of [() => sec3Region, () => anchorRegion('sec3', scan, lines)]) {
    const region = tables.sec3 ? null : find();
    if (!region) continue;
    const tl = tokenizeRange(doc.lines, region.start, region.end);
    const sink = new CellSink(cells);
    addTable(readSec3(groupValues(tl), tl, region, tables.sec2?.template ?? null, sink), sink);
  }
  for (const find of [() => sec4Region, () => anchorRegion('sec4', scan, lines)]) {
    const region = tables.sec4 ? null : find();
    if (!region) continue;
    const tl = tokenizeRange(doc.lines, region.start, region.end);
    const sink = new CellSink(cells);
    addTable(readSec4(tl, region, sink), sink);
  }

  const { title, line: titleLine } = findTitle(lines, scan.starts.length > 0 ? scan.starts[0].line : -1);
  // The body text is only needed when the title's body name lacks its region (see fullAgency).
  // Joined with nothing between the lines: fullAgency drops every white space character anyway.
  const body = () => {
    const kept: string[] = [];
    // Blank lines (no non-blank cell) hold only white space: left out.
    for (let i = 0; i < n; i++) if (cellCounts[i] !== 0 && isTableLine[i] !== 1 && i !== titleLine) kept.push(lines[i]);
    return kept.join('');
  };
  const year = findYear(title, lines);
  const hasTables = Object.keys(tables).length > 0;
  // A stray 「一、总体情况」 in some other document is not enough: a report has its tables, most of its
  // sections, or at least the title of an annual report.
  if (!hasTables && scan.starts.length < 3 && title === null) {
    return { notAReport: true, reason: '未找到年度报告的章节标题（如「一、总体情况」）和统计表，不像政府信息公开工作年度报告。' };
  }
  if (year !== null && year <= 2018 && !tables.sec3) {
    return {
      notAReport: true,
      reason: `这是${year}年度的报告，使用2019年条例修订前的自由格式，没有统一的统计表，不在本工具的核查范围内（不作猜测）。`,
    };
  }

  const headings: HeadingHit[] = [...scan.headings, ...findSubReuse(lines, numbered, scan, (i) => isTableLine[i] === 1)];
  headings.sort((a, b) => a.line - b.line);
  const sections = buildSections(scan, lines, cellCounts, isTableLine);
  const report: ParsedReport = {
    meta: {
      agency: fullAgency(title, body, title && titleAgency(title) ? null : findSignature(lines)),
      year,
      template: tables.sec2?.template ?? tables.sec3?.template ?? null,
      title,
    },
    sections,
    headings,
    tables,
    cells,
    lines,
    tableLines: flaggedLines(isTableLine, n),
  };
  return report;

  function addTable(table: TableRead | null, sink: CellSink): void {
    if (!table) return;
    tables[table.table] = table;
    const span = tableSpan(table, sink, doc, lines, cellCounts);
    table.startLine = span.first;
    table.endLine = span.last + 1;
    isTableLine.fill(1, span.first, span.last + 1);
  }
}

/** Line range where a table is looked for: after its section heading (or anchor) up to the next section. */
function regionOf(table: 'sec2' | 'sec3' | 'sec4', scan: SectionScan, lines: string[]): { start: number; end: number } | null {
  const s = scan.starts.find((x) => x.no === SECTION_OF[table]);
  return s ? untilNextSection(s.line + 1, scan, lines) : anchorRegion(table, scan, lines);
}

/** Line range from the first line carrying the table's anchor words up to the next section. */
function anchorRegion(table: 'sec2' | 'sec3' | 'sec4', scan: SectionScan, lines: string[]): { start: number; end: number } | null {
  const start = lines.findIndex((t) => ANCHORS[table].some((a) => t.includes(a)));
  return start < 0 ? null : untilNextSection(start, scan, lines);
}

function untilNextSection(start: number, scan: SectionScan, lines: string[]): { start: number; end: number } {
  let end = lines.length;
  for (const x of scan.starts) if (x.line >= start && x.line < end) end = x.line;
  return { start, end };
}

/** First and last line of a table: from its first tabular line to the last cell or label read. */
function tableSpan(table: TableRead, sink: CellSink, doc: SourceDoc, lines: string[], cellCounts: number[]): { first: number; last: number } {
  let last = Math.max(table.startLine, sink.last);
  let firstRef = sink.first;
  for (const r of table.rows) {
    if (!r.ref) continue;
    last = Math.max(last, r.ref.line);
    firstRef = Math.min(firstRef, r.ref.line);
  }
  let first = Math.min(firstRef, last);
  // cellCounts holds a line's non-blank cells (plus one for a real table row, which `table` decides first).
  const tabular = (i: number) => doc.lines[i].table !== undefined || cellCounts[i] >= 2 || TABLE_WORDS.some((w) => lines[i].includes(w));
  for (let i = table.startLine; i < first; i++) {
    if (tabular(i)) {
      first = i;
      break;
    }
  }
  // Header rows just above where the table was looked for (an anchor on the second header row): rows of
  // several cells only, so neither a heading nor a sentence of the narrative above is taken in.
  const row = (i: number) => doc.lines[i].table !== undefined || cellCounts[i] >= 2;
  for (let k = 0; k < 4 && first - 1 >= 0 && row(first - 1); k++) first--;
  return { first, last };
}

/** Sections with their ranges and narrative text (table lines and the heading excluded). */
function buildSections(scan: SectionScan, lines: string[], cellCounts: number[], isTableLine: Uint8Array): Section[] {
  const starts = [...scan.starts].sort((a, b) => a.line - b.line);
  return starts.map((s, k) => {
    const endLine = k + 1 < starts.length ? starts[k + 1].line : lines.length;
    const text: string[] = [];
    for (let i = s.line + 1; i < endLine; i++) {
      // A blank line (no non-blank cell) would trim to nothing: not read at all.
      if (cellCounts[i] === 0 || isTableLine[i] === 1) continue;
      const line = lines[i];
      const t = (line.includes('\t') ? line.replace(/\t+/g, ' ') : line).trim();
      if (t !== '') text.push(t);
    }
    return { no: s.no, heading: s.heading, startLine: s.line, endLine, text: text.join('\n') };
  });
}

/** The cells' texts joined by tabs (a loop: no array of texts per line). */
function joinCells(cells: SourceDoc['lines'][number]['cells']): string {
  if (cells.length === 0) return '';
  let s = cells[0].text;
  for (let c = 1; c < cells.length; c++) s += '\t' + cells[c].text;
  return s;
}

/** The table-line flags, kept between reports: parse is synchronous and nothing keeps them past it. */
let FLAGS = new Uint8Array(1024);

/**
 * The kept buffer with its first `n` flags cleared (grown when a document is longer): a fresh typed array per
 * report is an off-heap allocation the collector must track. Only the first `n` flags mean anything.
 */
function tableFlags(n: number): Uint8Array {
  if (n > FLAGS.length) FLAGS = new Uint8Array(Math.max(n, FLAGS.length * 2));
  FLAGS.fill(0, 0, n);
  return FLAGS;
}

/** Indexes of the flagged lines among the first `n`, ascending. */
function flaggedLines(flags: Uint8Array, n: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < n; i++) if (flags[i] === 1) out.push(i);
  return out;
}

/** True for a character `trim` may remove (a text starting with anything else is not blank). */
function isTrimmable(c: number): boolean {
  if (c > 0x3000) return c === 0xfeff; // ideographs: one comparison
  return c <= 0x20 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}
