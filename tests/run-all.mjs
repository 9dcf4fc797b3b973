#!/usr/bin/env node
// `npm test`: typecheck (whole project, then the pure core without DOM types), unit tests, then the
// browser end-to-end tests; prints one closing line `N passed, N failed` for all of them.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const run = (cmd, args) => spawnSync(cmd, args, { cwd: root, stdio: 'inherit' }).status ?? 1;
let passed = 0;
let failed = 0;

for (const project of ['tsconfig.json', 'tsconfig.core.json']) {
  const ok = run(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '--noEmit', '-p', project]) === 0;
  console.log(`typecheck ${project}: ${ok ? 'ok' : 'FAILED'}`);
  ok ? passed++ : failed++;
}

const report = join(mkdtempSync(join(tmpdir(), 'nianbao-vitest-')), 'report.json');
const unitCode = run(process.execPath, [join(root, 'node_modules/vitest/vitest.mjs'), 'run', '--reporter=default', '--reporter=json', `--outputFile=${report}`]);
try {
  const r = JSON.parse(readFileSync(report, 'utf8'));
  passed += r.numPassedTests;
  failed += r.numFailedTests + (unitCode !== 0 && r.numFailedTests === 0 ? 1 : 0);
  console.log(`unit: ${r.numPassedTests} passed, ${r.numFailedTests} failed`);
} catch {
  failed++;
  console.log('unit: the test runner did not finish');
}

if (!process.argv.includes('--no-e2e')) {
  const e2e = spawnSync('npm', ['run', '--silent', 'test:e2e'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  process.stdout.write(e2e.stdout ?? '');
  const m = /(\d+) passed, (\d+) failed/.exec(e2e.stdout ?? '');
  if (m) {
    passed += Number(m[1]);
    failed += Number(m[2]);
  }
  if (e2e.status !== 0 && (!m || Number(m[2]) === 0)) failed++;
  console.log(`e2e: ${m ? `${m[1]} passed, ${m[2]} failed` : 'did not finish'}`);
}

console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
