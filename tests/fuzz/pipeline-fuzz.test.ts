/**
 * Property test: thousands of mutations of the real seeds and text corpus (truncated, shuffled, lines
 * dropped, tabs removed, random bytes, numbers replaced by text, huge lines) each finish in under a
 * second with status ok, not-a-report or unreadable, and never with an internal error.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeDocument } from '../../src/pipeline/analyze.ts';
import { MUTATION_NAMES, mutate } from './mutations.ts';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');
const inputs = [
  ...readdirSync(join(FIXTURES, 'seeds')).map((f) => join('seeds', f)),
  ...readdirSync(join(FIXTURES, 'corpus'))
    .filter((f) => /\.(txt|md|html)$/.test(f) && f !== 'INDEX.md')
    .map((f) => join('corpus', f)),
].map((path) => ({ path, bytes: new Uint8Array(readFileSync(join(FIXTURES, path))) }));

const PER_INPUT = 250;

describe('pipeline under mutated input', () => {
  it.each(inputs.map((i) => [i.path, i] as const))('%s: every mutation ends cleanly in < 1 s', async (_path, input) => {
    const slow: string[] = [];
    const kinds = new Set<string>();
    for (let n = 0; n < PER_INPUT; n++) {
      const seed = n * 7919 + input.bytes.length;
      const { kind, bytes } = mutate(input.bytes, n, seed);
      kinds.add(kind);
      const name = input.path.replace(/^.*\//, '');
      const t0 = performance.now();
      const { result } = await analyzeDocument(name, bytes);
      const ms = performance.now() - t0;
      if (ms > 1000) slow.push(`${kind} seed ${seed}: ${ms.toFixed(0)} ms`);
      expect(['ok', 'not-a-report', 'unreadable'], `${kind} seed ${seed}`).toContain(result.status);
      expect(result.error ?? '', `${kind} seed ${seed}`).not.toContain('内部错误');
      if (result.status === 'ok') expect(Array.isArray(result.findings)).toBe(true);
    }
    expect(slow).toEqual([]);
    expect(kinds.size).toBe(MUTATION_NAMES.length);
  });
});
