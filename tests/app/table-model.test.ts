import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeDocument } from '../../src/pipeline/analyze.ts';
import { cellView, findingsByCell, keyLabel, layoutSec3, sec3Layout } from '../../src/app/table-model.ts';
import { SEC3_2019, SEC3_2021 } from '../../src/spec/templates.ts';
import type { Finding, ParsedReport } from '../../src/model.ts';

const seed = async (name: string) =>
  analyzeDocument(name, new Uint8Array(readFileSync(`tests/fixtures/seeds/${name}`)));

describe('layoutSec3', () => {
  it('spans the result and group label columns as the official form does (2021)', () => {
    const rows = layoutSec3(SEC3_2021);
    const outer = rows.filter((r) => r.outerSpan);
    expect(outer).toHaveLength(1);
    expect(outer[0].def.key).toBe('granted');
    // granted … resultTotal: 2 + 8 + 3 + 5 + 3 + 1 rows
    expect(outer[0].outerSpan).toBe(22);
    expect(rows.filter((r) => r.groupSpan).map((r) => [r.def.group, r.groupSpan])).toEqual([
      ['（三）不予公开', 8],
      ['（四）无法提供', 3],
      ['（五）不予处理', 5],
      ['（六）其他处理', 3],
    ]);
    expect(rows.find((r) => r.def.key === 'newReceived')?.labelSpan).toBe(3);
    expect(rows.find((r) => r.def.key === 'partial')?.labelSpan).toBe(2);
    expect(rows.find((r) => r.def.key === 'denied.thirdParty')?.labelSpan).toBe(1);
  });
  it('gives the 2019 single （六） row the two label columns', () => {
    const rows = layoutSec3(SEC3_2019);
    expect(rows.find((r) => r.def.key === 'other.all')?.labelSpan).toBe(2);
    expect(rows.find((r) => r.outerSpan)?.outerSpan).toBe(20);
  });
});

describe('cells of a real seed', () => {
  it('seed 004: values as printed, findings attached to their cells', async () => {
    const a = await seed('004_fd38466faf71b272.txt');
    const parsed = a.parsed as ParsedReport;
    expect(parsed).toBeDefined();
    const byCell = findingsByCell(a.result.findings);
    const v = cellView('sec3.newReceived.naturalPerson', parsed, byCell);
    expect(v.state).toBe('value');
    expect(v.text).toBe('20');
    expect(sec3Layout(parsed)).toBe(SEC3_2021);
    for (const f of a.result.findings) for (const key of f.cells) expect(cellView(key, parsed, byCell).findings).toContain(f);
  });
  it('seed 002: the 2019 layout, and the short row has a cell without a number', async () => {
    const a = await seed('002_310a36c5978b6ada.txt');
    const parsed = a.parsed as ParsedReport;
    expect(sec3Layout(parsed)).toBe(SEC3_2019);
    const row = ['naturalPerson', 'commercial', 'research', 'publicInterest', 'legalService', 'otherOrg', 'total'].map((c) =>
      cellView(`sec3.unable.notHeld.${c}`, parsed, new Map()),
    );
    expect(row.filter((c) => c.state !== 'value').length).toBeGreaterThanOrEqual(1);
  });
});

describe('findingsByCell and keyLabel', () => {
  it('puts the most severe finding first', () => {
    const f = (id: string, severity: Finding['severity']): Finding => ({ id, severity, cells: ['sec4.review.total'], message: id });
    const map = findingsByCell([f('A', 'info'), f('B', 'error'), f('C', 'warning')]);
    expect(map.get('sec4.review.total')!.map((x) => x.id)).toEqual(['B', 'C', 'A']);
  });
  it('names keys in Chinese', () => {
    expect(keyLabel('sec3.denied.thirdParty.total', '2021')).toBe('表三 · （三）不予公开 4.保护第三方合法权益 · 总计');
    expect(keyLabel('sec4.litDirect.pending', null)).toBe('表四 · 行政诉讼·未经复议直接起诉 · 尚未审结');
    expect(keyLabel('sec2.procurement.amount', '2019')).toBe('表二 · 政府集中采购 · 采购总金额（单位：万元）');
    expect(keyLabel('sec2.fee.amount', '2021')).toBe('表二 · 行政事业性收费 · 本年收费金额（单位：万元）');
  });
});
