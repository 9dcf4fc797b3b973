import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Analysis } from '../../src/model.ts';
import { analyzeDocument } from '../../src/pipeline/analyze.ts';
import { SEC3_2019, SEC3_2021, sec2Keys, sec3Keys, sec4Keys } from '../../src/spec/templates.ts';
import { summarize, type ReportSummary } from '../../src/storage/summary.ts';
import {
  MAX_CELL_CHARS,
  REPORT_HEAD,
  exportFileName,
  fieldColumns,
  findingRows,
  fitCell,
  reportHeaderRows,
  reportRow,
} from '../../src/app/export-rows.ts';
import { buildWorkbook } from '../../src/app/export-workbook.ts';
import { readXlsx } from '../e2e/xlsx-read.mjs';

const SEEDS = join(__dirname, '../fixtures/seeds');
const seeds: Array<{ summary: ReportSummary; analysis: Analysis }> = [];
const seed = (prefix: string) => seeds.find((s) => s.summary.name.startsWith(prefix))!;
const columns = fieldColumns();

beforeAll(async () => {
  for (const name of readdirSync(SEEDS).filter((n) => n.endsWith('.txt')).sort()) {
    const bytes = new Uint8Array(readFileSync(join(SEEDS, name)));
    const analysis = await analyzeDocument(name, bytes);
    seeds.push({ summary: summarize(name, analysis, 0, 1, bytes.byteLength), analysis });
  }
});

describe('fieldColumns', () => {
  it('holds every field key of both formats exactly once, table 二 2021 keys first', () => {
    const keys = columns.map((c) => c.key);
    const all = new Set([...sec2Keys('2021'), ...sec2Keys('2019'), ...sec3Keys(SEC3_2021), ...sec3Keys(SEC3_2019), ...sec4Keys()]);
    expect(new Set(keys).size).toBe(keys.length);
    expect(new Set(keys)).toEqual(all);
    expect(keys.slice(0, sec2Keys('2021').length)).toEqual(sec2Keys('2021'));
    expect(keys.slice(-sec4Keys().length)).toEqual(sec4Keys());
  });
  it('keeps the template order of table 三, the 2019 （六） row before the 2021 sub-rows', () => {
    const sec3 = columns.map((c) => c.key).filter((k) => k.startsWith('sec3.'));
    expect(sec3.filter((k) => !k.startsWith('sec3.other.all.'))).toEqual(sec3Keys(SEC3_2021));
    expect(sec3.indexOf('sec3.other.all.naturalPerson')).toBeLessThan(sec3.indexOf('sec3.other.noCorrection.naturalPerson'));
    expect(sec3.indexOf('sec3.other.all.total')).toBeGreaterThan(sec3.indexOf('sec3.notProcessed.reconfirm.total'));
  });
  it('labels columns in Chinese from the templates', () => {
    const label = (key: string) => columns.find((c) => c.key === key)?.label;
    expect(label('sec3.newReceived.naturalPerson')).toBe('表三·一、本年新收政府信息公开申请数量·自然人');
    expect(label('sec3.denied.thirdParty.total')).toBe('表三·（三）不予公开·4.保护第三方合法权益·总计');
    expect(label('sec4.litDirect.pending')).toBe('表四·行政诉讼·未经复议直接起诉·尚未审结');
    expect(label('sec2.regulation.issued')).toBe('表二·第二十条第（一）项·规章·本年制发件数');
    expect(label('sec2.procurement.amount')).toContain('2019');
    expect(new Set(columns.map((c) => c.label)).size).toBe(columns.length);
  });
});

describe('reportRow on the five seeds', () => {
  it('gives one row per report as wide as the header, with the list fields first', () => {
    const [labels, keys] = reportHeaderRows(columns);
    expect(labels.length).toBe(REPORT_HEAD.length + columns.length);
    expect(keys.slice(REPORT_HEAD.length)).toEqual(columns.map((c) => c.key));
    for (const { summary, analysis } of seeds) {
      const row = reportRow(summary, analysis.result, columns);
      expect(row.length).toBe(labels.length);
      expect(row.slice(0, 3)).toEqual([summary.name, summary.agency, summary.year]);
      expect(row.slice(6, 9)).toEqual([summary.errors, summary.warnings, summary.infos]);
    }
  });
  it('puts each read number under its key, and leaves blank and absent cells empty', () => {
    let numbers = 0;
    let absent = 0;
    for (const { summary, analysis } of seeds) {
      const row = reportRow(summary, analysis.result, columns);
      columns.forEach((c, i) => {
        const v = analysis.result.cells[c.key];
        const cell = row[REPORT_HEAD.length + i];
        if (typeof v === 'number') {
          numbers++;
          expect(cell).toBe(v);
        } else {
          if (v === undefined) absent++;
          expect(cell).toBeNull();
        }
      });
    }
    expect(numbers).toBeGreaterThan(900); // 5 reports × ~200 read cells
    expect(absent).toBeGreaterThan(0); // each format lacks the other's keys
  });
  it('seed 004: agency and a known table 三 total', () => {
    const { summary, analysis } = seed('004_');
    const row = reportRow(summary, analysis.result, columns);
    expect(row[1]).toBe('开封市龙亭区人民政府办公室');
    expect(row[REPORT_HEAD.length + columns.findIndex((c) => c.key === 'sec3.newReceived.total')]).toBe(20);
    expect(row[5]).toBe('已核查');
  });
  it('keeps the list fields of a report whose analysis could not be read', () => {
    const { summary } = seed('000_');
    const row = reportRow(summary, undefined, columns);
    expect(row[0]).toBe(summary.name);
    expect(row.slice(REPORT_HEAD.length).every((c) => c === null)).toBe(true);
    expect(findingRows(summary, undefined)).toEqual([]);
  });
});

describe('findingRows on the five seeds', () => {
  it('gives one row per finding with Chinese severity, message, keys and quote', () => {
    for (const { summary, analysis } of seeds) {
      const rows = findingRows(summary, analysis.result);
      expect(rows.length).toBe(analysis.result.findings.length);
      rows.forEach((r, i) => {
        const f = analysis.result.findings[i];
        expect(r[3]).toBe(f.id);
        expect(r[4]).toBe({ error: '错误', warning: '警告', info: '提示' }[f.severity]);
        expect(r[5]).toBe(f.message);
        expect(r[6]).toBe(f.cells.length ? f.cells.join(', ') : null);
      });
    }
  });
  it('seed 002: the CPY-01 finding names 珠街街道', () => {
    const { summary, analysis } = seed('002_');
    const cpy = findingRows(summary, analysis.result).find((r) => r[3] === 'CPY-01');
    expect(cpy?.[4]).toBe('错误');
    expect(String(cpy?.[5])).toContain('珠街街道');
    expect(cpy?.[7]).toContain('珠街街道');
  });
});

describe('small helpers', () => {
  it('names the file after the local date', () => {
    expect(exportFileName(new Date(2026, 0, 5, 23, 59))).toBe('年报核查-导出-20260105.xlsx');
  });
  it('cuts text Excel cannot hold', () => {
    expect(fitCell('短')).toBe('短');
    expect(fitCell('字'.repeat(40_000)).length).toBe(MAX_CELL_CHARS);
  });
});

describe('buildWorkbook', () => {
  it('writes both sheets: header rows plus one row per report, one row per finding', async () => {
    const reports = [...reportHeaderRows(columns), ...seeds.map((s) => reportRow(s.summary, s.analysis.result, columns))];
    const findings = seeds.flatMap((s) => findingRows(s.summary, s.analysis.result));
    const blob = await buildWorkbook({ reports, findings });
    const { sheets, xml } = readXlsx(new Uint8Array(await blob.arrayBuffer()));
    expect([...sheets.keys()]).toEqual(['报告', '问题']);
    const sheet = sheets.get('报告')!;
    expect(sheet.length).toBe(2 + seeds.length);
    expect(sheets.get('问题')!.length).toBe(1 + findings.length);
    // Every cell reads back as written: strings, numbers as numbers, empty cells empty.
    reports.forEach((row, i) => row.forEach((v, j) => expect(sheet[i][j] ?? null).toBe(v)));
    const col = REPORT_HEAD.length + columns.findIndex((c) => c.key === 'sec3.newReceived.total');
    const row004 = sheet.find((r) => String(r[0]).startsWith('004_'))!;
    expect(row004[1]).toBe('开封市龙亭区人民政府办公室');
    expect(row004[col]).toBe(20);
    expect(xml.get('报告')).toMatch(/<c r="[A-Z]+\d+"[^>]*><v>20<\/v><\/c>/); // a numeric cell, not text
    const cpy = sheets.get('问题')!.find((r) => r[3] === 'CPY-01');
    expect(cpy?.[0]).toMatch(/^002_/);
  });
});
