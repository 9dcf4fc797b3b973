/**
 * What the report view shows for each table cell: value as printed, whether it is missing, and the
 * findings that name it. Built from the parsed cells and the templates, never from the source text.
 */
import type { CellRef, FieldKey, Finding, ParsedReport, Severity, TemplateId } from '../model.ts';
import {
  SEC3_2019,
  SEC3_2021,
  SEC3_COLUMNS,
  SEC4_COLUMNS,
  SEC4_GROUPS,
  sec2Rows,
  type Sec3RowDef,
} from '../spec/templates.ts';

/** One cell as the view shows it. */
export interface CellView {
  key: FieldKey;
  /** Text shown: the value as printed, '' for blank. */
  text: string;
  /** 'value' = a number was read; 'blank' = blank or placeholder (null); 'absent' = the parser found no cell. */
  state: 'value' | 'blank' | 'absent';
  /** Findings naming this cell, most severe first. */
  findings: Finding[];
  /** Most severe finding's severity, or null. */
  severity: Severity | null;
  /** Where the cell came from in the source. */
  ref?: CellRef;
}

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Findings indexed by the cell keys they name, each list most severe first. */
export function findingsByCell(findings: Finding[]): Map<FieldKey, Finding[]> {
  const map = new Map<FieldKey, Finding[]>();
  for (const f of findings) {
    for (const key of f.cells) {
      const list = map.get(key);
      if (list) list.push(f);
      else map.set(key, [f]);
    }
  }
  for (const list of map.values()) list.sort((a, b) => RANK[a.severity] - RANK[b.severity]);
  return map;
}

/** The view of one cell. */
export function cellView(key: FieldKey, parsed: ParsedReport, byCell: Map<FieldKey, Finding[]>): CellView {
  const cell = parsed.cells[key];
  const findings = byCell.get(key) ?? [];
  const severity = findings[0]?.severity ?? null;
  if (!cell) return { key, text: '', state: 'absent', findings, severity };
  const state = cell.value === null ? 'blank' : 'value';
  const text = cell.raw.trim() !== '' ? cell.raw.trim() : cell.value === null ? '' : String(cell.value);
  return { key, text, state, findings, severity, ...(cell.ref ? { ref: cell.ref } : {}) };
}

/** Format used to lay out table 二 (falls back to the report's format, then 2021). */
export function sec2Template(parsed: ParsedReport): TemplateId {
  return parsed.tables.sec2?.template ?? parsed.meta.template ?? '2021';
}

/**
 * Rows used to lay out table 三: the 2019 set when the cells use its single （六） row (2019 reports and
 * mixed 2021 ones), else the 2021 set.
 */
export function sec3Layout(parsed: ParsedReport): Sec3RowDef[] {
  const has = (row: string) => SEC3_COLUMNS.some((c) => `sec3.${row}.${c.key}` in parsed.cells);
  if (has('other.all') && !has('other.misc')) return SEC3_2019;
  if (has('other.misc')) return SEC3_2021;
  const t = parsed.tables.sec3?.template ?? parsed.meta.template;
  return t === '2019' ? SEC3_2019 : SEC3_2021;
}

/** Human name of a field key, e.g. 「表三 · （四）无法提供 1.本机关不掌握相关政府信息 · 自然人」. */
export function keyLabel(key: FieldKey, template: TemplateId | null): string {
  const [table, ...rest] = key.split('.');
  if (table === 'sec2') {
    const [row, col] = rest;
    const def = sec2Rows(template ?? '2021').find((r) => r.key === row) ?? sec2Rows(template === '2021' ? '2019' : '2021').find((r) => r.key === row);
    const colLabel = def?.columns.find((c) => c.key === col)?.label ?? col;
    return `表二 · ${def?.label ?? row} · ${colLabel}`;
  }
  if (table === 'sec3') {
    const col = rest.pop() ?? '';
    const row = rest.join('.');
    const def = [...SEC3_2021, ...SEC3_2019].find((r) => r.key === row);
    const colLabel = SEC3_COLUMNS.find((c) => c.key === col)?.label ?? col;
    const rowLabel = def ? (def.group && def.group.startsWith('（') ? `${def.group} ${def.label}` : def.label) : row;
    return `表三 · ${rowLabel} · ${colLabel}`;
  }
  if (table === 'sec4') {
    const [group, col] = rest;
    const g = SEC4_GROUPS.find((x) => x.key === group)?.label ?? group;
    const c = SEC4_COLUMNS.find((x) => x.key === col)?.label ?? col;
    return `表四 · ${g} · ${c}`;
  }
  return key;
}

/** Table 三 rows with the spans of the official layout's label columns. */
export interface Sec3LayoutRow {
  def: Sec3RowDef;
  /** Print the outer 「三、本年度办理结果」 cell here, spanning this many rows. */
  outerSpan?: number;
  /** Print the group cell (（三）不予公开…) here, spanning this many rows. */
  groupSpan?: number;
  /** Columns the row's own label spans (1–3). */
  labelSpan: number;
}

/** Lays out table 三's three label columns as in the official form. */
export function layoutSec3(rows: Sec3RowDef[]): Sec3LayoutRow[] {
  const first = rows.findIndex((r) => r.key === 'granted');
  const last = rows.findIndex((r) => r.key === 'resultTotal');
  return rows.map((def, i) => {
    const inResults = i >= first && i <= last;
    if (!inResults) return { def, labelSpan: 3 };
    const grouped = def.group !== undefined && def.group.startsWith('（');
    const out: Sec3LayoutRow = { def, labelSpan: grouped ? 1 : 2 };
    if (i === first) out.outerSpan = last - first + 1;
    if (grouped && rows[i - 1]?.group !== def.group) {
      let n = 0;
      while (rows[i + n]?.group === def.group) n++;
      out.groupSpan = n;
    }
    return out;
  });
}
