/**
 * Per-stage timing for `npm run bench`: read, parse and checks in µs per report, and each check family
 * of the registry on its own, so a slowdown can be pinned on the stage (and check) that causes it.
 */
import type { ParsedReport } from '../../src/model.ts';
import { readDocument } from '../../src/read/index.ts';
import { parseReport } from '../../src/parse/index.ts';
import { CHECKS } from '../../src/checks/index.ts';

/** A file to time: its name (the extension picks the reader) and bytes. */
export interface Input {
  name: string;
  bytes: Uint8Array;
}

/** µs per report of each stage, and of each check (by registry index): medians over timed rounds. */
export interface StageTimes {
  read: number;
  parse: number;
  checks: number;
  perCheck: number[];
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/**
 * Times each stage over `rounds` rounds of `repeat` passes over the inputs (after a warm-up pass) and
 * keeps each stage's median round, which a stray GC pause or a busy neighbour moves far less than a mean.
 * Every check pass gets a freshly parsed report, because the checks share per-report caches
 * (text-cache.ts) that a reused report would already have filled.
 */
export async function stageTimes(inputs: Input[], repeat: number, rounds: number): Promise<StageTimes> {
  const per: Record<'read' | 'parse' | 'checks', number[]> = { read: [], parse: [], checks: [] };
  const perCheck: number[][] = CHECKS.map(() => []);
  for (let r = -1; r < rounds; r++) {
    let read = 0;
    let parse = 0;
    let checks = 0;
    const byCheck = CHECKS.map(() => 0);
    let n = 0;
    for (let k = 0; k < repeat; k++) {
      for (const i of inputs) {
        const t0 = performance.now();
        const doc = await readDocument(i.name, i.bytes);
        const t1 = performance.now();
        if ('unreadable' in doc) throw new Error(`${i.name}: ${doc.reason}`);
        const parsed = parseReport(doc);
        const t2 = performance.now();
        if ('notAReport' in parsed) throw new Error(`${i.name}: ${parsed.reason}`);
        for (const check of CHECKS) check(parsed);
        const t3 = performance.now();
        read += t1 - t0;
        parse += t2 - t1;
        checks += t3 - t2;
        n++;
        // Each check on a fresh parse of its own, in registry order (later checks may reuse caches
        // filled by earlier ones, exactly as in runChecks).
        const fresh = parseReport(doc) as ParsedReport;
        for (let c = 0; c < CHECKS.length; c++) {
          const s = performance.now();
          CHECKS[c](fresh);
          byCheck[c] += performance.now() - s;
        }
      }
    }
    if (r < 0) continue; // warm-up round
    const us = (ms: number) => (ms * 1000) / n;
    per.read.push(us(read));
    per.parse.push(us(parse));
    per.checks.push(us(checks));
    byCheck.forEach((ms, c) => perCheck[c].push(us(ms)));
  }
  return { read: median(per.read), parse: median(per.parse), checks: median(per.checks), perCheck: perCheck.map(median) };
}
