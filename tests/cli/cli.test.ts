/** The command-line checker's contract (output.md): JSON Lines, one object per report, exit codes. */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { ReportResult } from '../../src/model.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const SEEDS = join(ROOT, 'tests', 'fixtures', 'seeds');

function run(...args: string[]): { code: number | null; lines: ReportResult[]; stdout: string; stderr: string } {
  const p = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(ROOT, 'src', 'cli', 'main.ts'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 60_000,
  });
  const lines = args.includes('--json') ? p.stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l) as ReportResult) : [];
  return { code: p.status, lines, stdout: p.stdout, stderr: p.stderr };
}

describe('nianbao CLI', () => {
  it('reads a folder recursively: one JSON line per report, exit 0 when all were read', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-cli-'));
    mkdirSync(join(dir, 'nested'));
    copyFileSync(join(SEEDS, '000_6e673f84b28b10ac.txt'), join(dir, 'a.txt'));
    copyFileSync(join(SEEDS, '004_fd38466faf71b272.txt'), join(dir, 'nested', 'b.txt'));
    writeFileSync(join(dir, 'notes.json'), '{}');
    const { code, lines } = run('--json', dir);
    expect(code).toBe(0);
    expect(lines.map((l) => l.file.replace(/^.*nianbao-cli-[^/]+\//, ''))).toEqual(['a.txt', 'nested/b.txt']);
    for (const l of lines) {
      expect(['ok', 'not-a-report']).toContain(l.status);
      expect(typeof l.cells).toBe('object');
      expect(Array.isArray(l.findings)).toBe(true);
    }
  });

  it('a zip yields one line per inner report, named by its inner path', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-cli-'));
    const zip = zipSync({
      '报告/001.txt': new Uint8Array(readFileSync(join(SEEDS, '001_1289612543b54ddb.txt'))),
      '报告/003.txt': new Uint8Array(readFileSync(join(SEEDS, '003_8ed56d603b52b932.txt'))),
    });
    writeFileSync(join(dir, 'batch.zip'), zip);
    const { code, lines } = run('--json', join(dir, 'batch.zip'));
    expect(code).toBe(0);
    expect(lines.map((l) => l.file.replace(/^.*batch\.zip\//, ''))).toEqual(['报告/001.txt', '报告/003.txt']);
  });

  it('an unreadable input gives status "unreadable" with a Chinese reason, the others go on, exit 1', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-cli-'));
    writeFileSync(join(dir, 'broken.docx'), 'this is not a zip');
    copyFileSync(join(SEEDS, '003_8ed56d603b52b932.txt'), join(dir, 'good.txt'));
    const { code, lines } = run('--json', join(dir, 'broken.docx'), join(dir, 'missing.pdf'), join(dir, 'good.txt'));
    expect(code).toBe(1);
    expect(lines).toHaveLength(3);
    expect(lines[0].status).toBe('unreadable');
    expect(lines[0].error).toMatch(/[\u4e00-\u9fff]/);
    expect(lines[0].cells).toEqual({});
    expect(lines[1].status).toBe('unreadable');
    expect(lines[1].error).toContain('missing.pdf');
    expect(lines[2].status).not.toBe('unreadable');
  });

  it('usage errors exit 2', () => {
    expect(run().code).toBe(2);
    expect(run('--bogus', 'x.txt').code).toBe(2);
  });

  it('without --json prints a Chinese summary per report', () => {
    const { code, stdout } = run(join(SEEDS, '002_310a36c5978b6ada.txt'));
    expect(code).toBe(0);
    expect(stdout).toContain('002_310a36c5978b6ada.txt');
    expect(stdout).toMatch(/错误 \d+，警告 \d+|不是年度报告/);
  });
});
