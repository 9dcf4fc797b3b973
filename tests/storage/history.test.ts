import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BLOCKING_MESSAGE, describeStorageError, openHistory, type NewReport } from '../../src/storage/history.ts';
import { summarize } from '../../src/storage/summary.ts';
import type { Analysis, Finding } from '../../src/model.ts';

let dbCount = 0;
const freshName = () => `nianbao-test-${++dbCount}`;

function finding(id: string, severity: Finding['severity']): Finding {
  return { id, severity, cells: [], message: `${id} 的说明` };
}

function analysis(file: string, findings: Finding[]): Analysis {
  return {
    result: {
      file,
      status: 'ok',
      meta: { agency: '开封市龙亭区人民政府办公室', year: 2021, template: '2021', title: null },
      cells: { 'sec4.review.total': 8 },
      findings,
      fileType: 'txt',
    },
  };
}

function report(hash: string, text: string, findings: Finding[] = []): NewReport {
  const bytes = new TextEncoder().encode(text).buffer as ArrayBuffer;
  return { hash: hash.padStart(64, '0'), name: `${hash}.txt`, bytes, analysis: analysis(`${hash}.txt`, findings), parserVersion: 1 };
}

describe('history store', () => {
  it('stores bytes, analysis and a summary row under the content hash', async () => {
    const h = await openHistory({}, freshName());
    const r = report('a1', '第一份报告', [finding('ARI-01', 'error'), finding('NAR-05', 'warning'), finding('CON-03', 'info'), finding('STR-06', 'error')]);
    expect(await h.save(r)).toBe('saved');
    const rows = await h.listSummaries();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ hash: r.hash, agency: '开封市龙亭区人民政府办公室', year: 2021, errors: 2, warnings: 1, infos: 1, parserVersion: 1 });
    expect(rows[0]).not.toHaveProperty('bytes');
    expect(rows[0]).not.toHaveProperty('analysis');
    const stored = await h.getReport(r.hash);
    expect(stored?.analysis.result.cells['sec4.review.total']).toBe(8);
    const file = await h.getFile(r.hash);
    expect(new TextDecoder().decode(file!.bytes)).toBe('第一份报告');
    h.close();
  });

  it('stores a file dropped twice once', async () => {
    const h = await openHistory({}, freshName());
    expect(await h.save(report('b1', 'x'))).toBe('saved');
    expect(await h.save(report('b1', 'x'))).toBe('duplicate');
    expect(await h.save(report('b2', 'y'))).toBe('saved');
    expect((await h.listSummaries()).map((s) => s.hash.slice(-2)).sort()).toEqual(['b1', 'b2']);
    h.close();
  });

  it('keeps the data across connections (a reload)', async () => {
    const name = freshName();
    const first = await openHistory({}, name);
    await first.save(report('c1', 'x'));
    first.close();
    const second = await openHistory({}, name);
    expect(await second.listSummaries()).toHaveLength(1);
    second.close();
  });

  it('leaves nothing half-written when a save fails', async () => {
    const h = await openHistory({}, freshName());
    const bad = report('d1', 'x');
    // A function cannot be stored: the put throws after the bytes were queued.
    (bad.analysis as unknown as { extra: unknown }).extra = () => 1;
    await expect(h.save(bad)).rejects.toThrow(/d1\.txt/);
    expect(await h.getFile(bad.hash)).toBeUndefined();
    expect(await h.listSummaries()).toHaveLength(0);
    expect(await h.save(report('d2', 'y'))).toBe('saved');
    h.close();
  });

  it('replaces an analysis on re-parse, keeping bytes and import time', async () => {
    const h = await openHistory({}, freshName());
    const r = report('e1', 'x');
    await h.save(r);
    const before = (await h.getSummary(r.hash))!;
    await h.replaceAnalysis(r.hash, analysis('e1.txt', [finding('ARI-01', 'error')]), 2);
    const after = (await h.getSummary(r.hash))!;
    expect(after).toMatchObject({ parserVersion: 2, errors: 1, importedAt: before.importedAt, size: before.size });
    expect((await h.getReport(r.hash))?.parserVersion).toBe(2);
    expect(await h.getFile(r.hash)).toBeDefined();
    h.close();
  });

  it('deletes one report from every store, and clears all', async () => {
    const h = await openHistory({}, freshName());
    await h.save(report('f1', 'x'));
    await h.save(report('f2', 'y'));
    await h.remove('f1'.padStart(64, '0'));
    expect(await h.getFile('f1'.padStart(64, '0'))).toBeUndefined();
    expect(await h.getReport('f1'.padStart(64, '0'))).toBeUndefined();
    expect(await h.listSummaries()).toHaveLength(1);
    await h.clear();
    expect(await h.listSummaries()).toHaveLength(0);
    expect(await h.getFile('f2'.padStart(64, '0'))).toBeUndefined();
    h.close();
  });

  it('steps aside for another tab that upgrades the database, and says so', async () => {
    const name = freshName();
    const messages: string[] = [];
    const h = await openHistory({ onBlocking: (m) => messages.push(m) }, name);
    await h.save(report('g1', 'x'));
    // Another tab opening a newer version: without our close it would wait forever.
    const other = await new Promise<IDBDatabase>((ok, fail) => {
      const req = indexedDB.open(name, 2);
      req.onsuccess = () => ok(req.result);
      req.onerror = () => fail(req.error);
    });
    expect(messages).toEqual([BLOCKING_MESSAGE]);
    expect(other.version).toBe(2);
    // Nothing stored was lost by the upgrade.
    const count = await new Promise<number>((ok) => {
      const req = other.transaction('summaries').objectStore('summaries').count();
      req.onsuccess = () => ok(req.result);
    });
    expect(count).toBe(1);
    other.close();
  });
});

describe('storage messages', () => {
  it('names the file and reassures on a full disk', () => {
    const msg = describeStorageError(new DOMException('full', 'QuotaExceededError'), '004.txt');
    expect(msg).toContain('存储空间已满');
    expect(msg).toContain('004.txt');
    expect(msg).toContain('已保存的报告不受影响');
  });
  it('explains a closed connection', () => {
    expect(describeStorageError(new DOMException('closed', 'InvalidStateError'), 'a.pdf')).toContain('刷新页面');
  });
});

describe('summarize', () => {
  it('keeps the reason of an unreadable file and counts nothing', () => {
    const a: Analysis = { result: { file: 'x.pdf', status: 'unreadable', error: '文件「x.pdf」已损坏。', cells: {}, findings: [] } };
    const s = summarize('h', a, 5, 1, 10);
    expect(s).toMatchObject({ status: 'unreadable', reason: '文件「x.pdf」已损坏。', errors: 0, fileType: null, agency: null });
  });
  it('counts the findings of a real seed analysis', async () => {
    const { analyzeDocument } = await import('../../src/pipeline/analyze.ts');
    const bytes = readFileSync('tests/fixtures/seeds/002_310a36c5978b6ada.txt');
    const a = await analyzeDocument('002.txt', new Uint8Array(bytes));
    const s = summarize('h', a, 0, 1, bytes.length);
    const errors = a.result.findings.filter((f) => f.severity === 'error').length;
    expect(s.errors).toBe(errors);
    expect(s.size).toBe(bytes.length);
  });
});
