/**
 * `npm run bench`: throughput of the pure pipeline on the real fixtures, one core (this process).
 * Reports medians of several timed rounds after a warm-up, as reports per second, per file type, with
 * the time per report of each stage (read / parse / checks). For PDFs, our read + checks time as a ratio
 * to raw pdf.js text extraction of the same files. `npm run bench -- --checks` adds each check's time,
 * `-- --text` runs the text rows only.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import '../../src/polyfills.ts';
import { analyzeDocument } from '../../src/pipeline/analyze.ts';
import { CHECKS } from '../../src/checks/index.ts';
import { stageTimes, type Input } from './stages.ts';
import { installNodeDecoders } from '../../src/cli/node-decoders.ts';

// Measured as the command-line checker runs: with Node's native decoders.
installNodeDecoders();

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');
const ROUNDS = 7;
/** Minimum warm-up time per row. */
const WARM_UP_MS = 1500;
/** Warm-up on all text files before the first row. */
const FIRST_WARM_UP_MS = 4000;
const SHOW_CHECKS = process.argv.includes('--checks');
/** `--text`: the text rows only (skips .docx and the slow PDF row). */
const TEXT_ONLY = process.argv.includes('--text');

/** The fixtures of `dir` matching `pattern`; the corpus's INDEX.md describes the corpus, it is no report. */
function load(dir: string, pattern: RegExp): Input[] {
  return readdirSync(join(FIXTURES, dir))
    .filter((f) => pattern.test(f) && f !== 'INDEX.md')
    .sort()
    .map((f) => ({ name: f, bytes: new Uint8Array(readFileSync(join(FIXTURES, dir, f))) }));
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** Seconds per pass: wall-clock, and the process's CPU time (what one core spent, whatever else runs). */
interface PassTime {
  wall: number;
  cpu: number;
}

/**
 * Median seconds of one pass over `inputs` with `fn`, after one warm-up pass: wall-clock, and CPU time
 * (user + system of this process, which also counts V8's helper threads). On a machine shared with other
 * jobs the wall-clock figure moves with the load; the CPU figure far less.
 */
async function timePass(inputs: Input[], repeat: number, fn: (i: Input) => Promise<unknown>): Promise<PassTime> {
  // Warm-up long enough for the optimising compiler to finish (it competes for the one core when the
  // process is pinned to one), at least one pass.
  const warm = performance.now();
  do for (const i of inputs) await fn(i);
  while (performance.now() - warm < WARM_UP_MS);
  const walls: number[] = [];
  const cpus: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    for (let k = 0; k < repeat; k++) for (const i of inputs) await fn(i);
    walls.push((performance.now() - t0) / 1000 / repeat);
    const c = process.cpuUsage(c0);
    cpus.push((c.user + c.system) / 1e6 / repeat);
  }
  return { wall: median(walls), cpu: median(cpus) };
}

/** "N reports/s (CPU time: M/s)" for `count` reports per pass. */
function rate(count: number, t: PassTime, digits = 0): string {
  return `${(count / t.wall).toFixed(digits)} reports/s (by CPU time ${(count / t.cpu).toFixed(digits)}/s)`;
}

async function checkedOk(i: Input): Promise<void> {
  const a = await analyzeDocument(i.name, i.bytes);
  if (a.result.status !== 'ok') throw new Error(`${i.name}: ${a.result.status} ${a.result.error ?? ''}`);
}

/** One row: reports/s of the whole pipeline, then µs per report of each stage. */
async function textRow(label: string, inputs: Input[]): Promise<void> {
  if (inputs.length === 0) return;
  const t = await timePass(inputs, 20, checkedOk);
  const st = await stageTimes(inputs, Math.max(2, Math.ceil(20 / inputs.length)), ROUNDS);
  const f = (x: number) => x.toFixed(0).padStart(5);
  console.log(
    `${label.padEnd(34)} ${rate(inputs.length, t).padStart(40)}   ` +
      `µs/report (median round): read ${f(st.read)}  parse ${f(st.parse)}  checks ${f(st.checks)}`,
  );
  if (SHOW_CHECKS) {
    const names = CHECKS.map((c, k) => c.name || `#${k}`);
    st.perCheck.forEach((us, k) => console.log(`    ${names[k].padEnd(30)} ${us.toFixed(1).padStart(7)} µs`));
  }
}

async function main(): Promise<void> {
  console.log(`机器 / machine: ${cpus()[0]?.model ?? 'unknown'}, ${cpus().length} cores, Node ${process.version}; one core used.`);
  const seeds = load('seeds', /\.txt$/);
  const corpusText = load('corpus', /\.(txt|md)$/);
  const corpusHtml = load('corpus', /\.html$/);
  const text = [...seeds, ...corpusText, ...corpusHtml];
  // The optimising compiler needs a few seconds of the whole mix (on one core it competes with the work):
  // without this the first row came out 30 % slower than the same row measured again at the end.
  const warm = performance.now();
  while (performance.now() - warm < FIRST_WARM_UP_MS) for (const i of text) await checkedOk(i);
  const textTime = await timePass(text, 20, checkedOk);
  console.log(`text (.txt .md .html), ${text.length} files: ${rate(text.length, textTime)} (median of ${ROUNDS})`);
  await textRow(`  seeds .txt, ${seeds.length} files`, seeds);
  await textRow(`  corpus .txt .md, ${corpusText.length} files`, corpusText);
  await textRow(`  corpus .html, ${corpusHtml.length} files`, corpusHtml);

  if (TEXT_ONLY) return;
  const docx = load('corpus', /\.docx$/);
  if (docx.length > 0) {
    const docxTime = await timePass(docx, 20, checkedOk);
    console.log(`.docx, ${docx.length} files: ${rate(docx.length, docxTime)} (median of ${ROUNDS})`);
  }

  const pdf = load('corpus', /\.pdf$/);
  if (pdf.length > 0) {
    const { extractRawText } = await import('../../src/read/pdf.ts');
    const rawSec = (await timePass(pdf, 1, (i) => extractRawText(i.bytes.slice()))).wall;
    const oursSec = (await timePass(pdf, 1, (i) => checkedOk({ name: i.name, bytes: i.bytes.slice() }))).wall;
    console.log(
      `.pdf, ${pdf.length} files: raw pdf.js text ${(pdf.length / rawSec).toFixed(1)} reports/s, ` +
        `read + checks ${(pdf.length / oursSec).toFixed(1)} reports/s, ratio ${(oursSec / rawSec).toFixed(2)}× (median of ${ROUNDS})`,
    );
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
