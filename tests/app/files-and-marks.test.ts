import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { sortPicked, walkEntry, type EntryLike } from '../../src/app/collect-files.ts';
import { locateQuote, marksForFinding, splitQuote } from '../../src/app/source-marks.ts';
import { ingest } from '../../workers/ingest.ts';
import type { SourceDoc } from '../../src/model.ts';

const file = (name: string) => ({ name, file: new File(['x'], name.split('/').pop()!) });

describe('sortPicked', () => {
  it('keeps report types, drops hidden files silently, explains the rest', () => {
    const r = sortPicked(['a/报告.PDF', 'a/.DS_Store', 'b.docx', 'c.doc', 'd.xlsx', 'e.zip', 'f.htm'].map(file));
    // .doc goes to the reader: many are really HTML or .docx, and for binary Word it says what to do.
    expect(r.accepted.map((f) => f.name)).toEqual(['a/报告.PDF', 'b.docx', 'c.doc', 'e.zip', 'f.htm']);
    expect(r.skipped).toHaveLength(1);
    expect(r.skipped[0]).toContain('d.xlsx');
    expect(r.skipped[0]).toContain('.docx');
  });
});

describe('walkEntry', () => {
  const leaf = (path: string): EntryLike => ({
    isFile: true, isDirectory: false, name: path.split('/').pop()!, fullPath: path,
    file: (ok) => ok(new File(['x'], path.split('/').pop()!)),
  });
  it('walks nested folders and reads entries until the reader is empty (Chromium gives 100 at a time)', async () => {
    const many = Array.from({ length: 150 }, (_, i) => leaf(`/年报/sub/${i}.txt`));
    const dir = (path: string, children: EntryLike[], batch: number): EntryLike => ({
      isFile: false, isDirectory: true, name: path, fullPath: path,
      createReader: () => {
        let at = 0;
        return { readEntries: (ok) => { ok(children.slice(at, at + batch)); at += batch; } };
      },
    });
    const root = dir('/年报', [leaf('/年报/a.pdf'), dir('/年报/sub', many, 100)], 100);
    const files = await walkEntry(root);
    expect(files).toHaveLength(151);
    expect(files[0].name).toBe('年报/a.pdf');
    expect(files[150].name).toBe('年报/sub/149.txt');
  });
});

describe('source marks', () => {
  const doc: SourceDoc = {
    fileType: 'txt',
    lines: [{ cells: [{ text: '一、总体情况' }] }, { cells: [{ text: '在区政府网主动公开了珠街街道办事处信息公开指南' }] }],
  };
  it('finds a quote by its text, whitespace ignored, and splits it out', () => {
    expect(locateQuote(doc, '珠街 街道')).toBe(1);
    expect(locateQuote(doc, '不存在')).toBeNull();
    expect(splitQuote('在区政府网主动公开了珠街街道办事处', '珠街街道办事处')).toEqual(['在区政府网主动公开了', '珠街街道办事处', '']);
  });
  it('marks the lines of a finding, or the line its quote is on', () => {
    const m = marksForFinding({ id: 'CPY-01', severity: 'error', cells: [], message: '', quote: '珠街街道办事处' }, undefined, doc);
    expect([...m.lines]).toEqual([1]);
    expect(m.focus).toBe(1);
    expect(m.quote).toBe('珠街街道办事处');
  });
});

describe('ingest (the worker job)', () => {
  const seed = readFileSync('tests/fixtures/seeds/004_fd38466faf71b272.txt');
  const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
  it('hashes the file with SHA-256 and analyses it', async () => {
    const buf = seed.buffer.slice(seed.byteOffset, seed.byteOffset + seed.byteLength) as ArrayBuffer;
    const [item, ...rest] = await ingest('004.txt', buf);
    expect(rest).toHaveLength(0);
    expect(item.hash).toBe(sha(seed));
    expect(item.bytes.byteLength).toBe(seed.byteLength);
    expect(item.analysis.result.file).toBe('004.txt');
  });
  it('yields one report per zip entry, each with its own bytes and hash', async () => {
    const other = readFileSync('tests/fixtures/seeds/000_6e673f84b28b10ac.txt');
    const zip = zipSync({ 'a/004.txt': new Uint8Array(seed), 'b/000.txt': new Uint8Array(other) });
    const items = await ingest('合集.zip', zip.buffer as ArrayBuffer);
    expect(items.map((i) => i.name).sort()).toEqual(['合集.zip/a/004.txt', '合集.zip/b/000.txt']);
    const byName = new Map(items.map((i) => [i.name, i]));
    expect(byName.get('合集.zip/a/004.txt')!.hash).toBe(sha(seed));
    expect(byName.get('合集.zip/b/000.txt')!.bytes.byteLength).toBe(other.byteLength);
  });
  it('turns a corrupt zip into one unreadable item naming it', async () => {
    const items = await ingest('坏.zip', new TextEncoder().encode('PK\u0003\u0004 nonsense').buffer as ArrayBuffer);
    expect(items).toHaveLength(1);
    expect(items[0].analysis.result.status).toBe('unreadable');
    expect(items[0].analysis.result.error).toContain('坏.zip');
  });
});
