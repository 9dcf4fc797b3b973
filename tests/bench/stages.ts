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

/** Mean µs per report of each stage, and of each check family (by registry index). */
export interface StageTimes {
  read: number;
  parse: number;
  checks: number;
  perCheck: number[];
}

/**
 * Times each stage `repeat` times per input. Every check pass gets a freshly parsed report, because the
 * checks share per-report caches (text-cache.ts) that a reused report would already have filled.
 */
export async function stageTimes(inputs: Input[], repeat: number): Promise<StageTimes> {
  const perCheck = CHECKS.map(() => 0);
  let read = 0;
  let parse = 0;
  let checks = 0;
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
      // Per family: each on a fresh parse of its own, in registry order (later families may reuse caches
      // filled by earlier ones, exactly as in runChecks).
      const fresh = parseReport(doc) as ParsedReport;
      CHECKS.forEach((check, c) => {
        const s = performance.now();
        check(fresh);
        perCheck[c] += performance.now() - s;
      });
    }
  }
  const us = (ms: number) => (ms * 1000) / n;
  return { read: us(read), parse: us(parse), checks: us(checks), perCheck: perCheck.map(us) };
}
