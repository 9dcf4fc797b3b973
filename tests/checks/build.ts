/**
 * Test helper: builds a ParsedReport without the parser, from a cells map and prose lines, or from a real
 * seed text (sections found by heading text, sections 二–四 treated as table lines).
 */
import { readFileSync } from 'node:fs';
import type { CellValue, ParsedReport, Section, TemplateId } from '../../src/model.ts';
import { SEC3_2019, SEC3_2021, sec2Keys, sec3Keys, sec4Keys } from '../../src/spec/templates.ts';

/** Options of the builder. */
export interface BuildOptions {
  template?: TemplateId;
  /** Table-三 layout when it differs from the template (a mixed 2021 report with the 2019 （六） row). */
  sec3Layout?: TemplateId;
  year?: number | null;
  title?: string | null;
  agency?: string | null;
  /** Value of every cell not in `cells` (default 0). */
  fill?: number | null;
  /** Overrides; a key mapped to undefined is removed. */
  cells?: Record<string, number | null | undefined>;
  /** Raw text overrides for cells. */
  raw?: Record<string, string>;
  /** Tables to leave out entirely. */
  omit?: Array<'sec2' | 'sec3' | 'sec4'>;
  lines?: string[];
  tableLines?: number[];
  sections?: Section[];
}

/** Builds a report: all keys of the format filled with `fill`, then the overrides applied. */
export function buildReport(o: BuildOptions = {}): ParsedReport {
  const template = o.template ?? '2021';
  const layout = o.sec3Layout ?? template;
  const fill = o.fill === undefined ? 0 : o.fill;
  const keysByTable = {
    sec2: sec2Keys(template),
    sec3: sec3Keys(layout === '2019' ? SEC3_2019 : SEC3_2021),
    sec4: sec4Keys(),
  };
  const cells: Record<string, CellValue> = {};
  const tables: ParsedReport['tables'] = {};
  for (const t of ['sec2', 'sec3', 'sec4'] as const) {
    if (o.omit?.includes(t)) continue;
    tables[t] = { table: t, template: t === 'sec3' ? layout : template, startLine: 0, endLine: 0, rows: [], missingRows: [], labelIssues: [] };
    for (const k of keysByTable[t]) cells[k] = { value: fill, raw: fill === null ? '' : String(fill) };
  }
  for (const [k, v] of Object.entries(o.cells ?? {})) {
    if (v === undefined) delete cells[k];
    else cells[k] = { value: v, raw: o.raw?.[k] ?? (v === null ? '' : String(v)) };
  }
  for (const [k, r] of Object.entries(o.raw ?? {})) if (cells[k]) cells[k]!.raw = r;
  const lines = o.lines ?? [];
  return {
    meta: { agency: o.agency ?? null, year: o.year === undefined ? 2021 : o.year, template, title: o.title ?? null },
    sections: o.sections ?? [],
    headings: [],
    tables,
    cells,
    lines,
    tableLines: o.tableLines ?? [],
  };
}

const HEADING_TEXT = ['总体情况', '主动公开政府信息情况', '收到和处理政府信息公开申请情况', '行政复议、行政诉讼', '存在的主要问题', '其他需要报告的事项'];
const NUMERAL = /^[\s#*]*(?:[一二三四五六七八九十]+|\d+)\s*[、.．]\s*/;

/** Reads a seed file of the repo fixtures. */
export function readSeed(name: string): string {
  return readFileSync(new URL(`../fixtures/seeds/${name}`, import.meta.url), 'utf8');
}

/**
 * Builds a report from a real seed text: sections by heading text (first match of each, in order),
 * every line of sections 二–四 counted as a table line; cells from `o` as in buildReport.
 */
export function fromSeedText(text: string, o: BuildOptions = {}): ParsedReport {
  const lines = text.split(/\r?\n/);
  const starts: number[] = [];
  let next = 0;
  for (let i = 0; i < lines.length && next < 6; i++) {
    const t = lines[i]!;
    if (!NUMERAL.test(t)) continue;
    const body = t.replace(NUMERAL, '');
    if (body.length < 40 && body.includes(HEADING_TEXT[next]!)) {
      starts.push(i);
      next++;
    }
  }
  const tableLines: number[] = [];
  const sections: Section[] = starts.map((s, idx) => {
    const end = starts[idx + 1] ?? lines.length;
    if (idx >= 1 && idx <= 3) for (let i = s + 1; i < end; i++) tableLines.push(i);
    const textLines = idx >= 1 && idx <= 3 ? [] : lines.slice(s + 1, end).filter((l) => l.trim() !== '');
    return { no: idx + 1, heading: lines[s]!, startLine: s, endLine: end, text: textLines.join('\n') };
  });
  const title = o.title !== undefined ? o.title : (lines.find((l) => l.trim() !== '')?.trim() ?? null);
  return buildReport({ ...o, title, lines, tableLines, sections });
}
