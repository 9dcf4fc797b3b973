#!/usr/bin/env node
// `npm run test:e2e`: builds the app, serves it on 127.0.0.1, drives Debian's Chromium through
// playwright-core, prints `N passed, N failed` and exits non-zero on any failure.
import { build, launch, newContext, runTests, serve } from './harness.mjs';
import { tests } from './specs.mjs';

const started = Date.now();
let browser;
let server;
let result = { passed: 0, failed: 1 };
const log = { offsite: [], pageErrors: [], consoleErrors: [], dialogs: [] };
try {
  build();
  server = await serve();
  browser = await launch();
  const shared = await newContext(browser, server.url, log);
  const sharedPage = await shared.newPage();
  result = await runTests(tests, async (t) => {
    if (!t.fresh) return { page: sharedPage, base: server.url, log };
    const context = await newContext(browser, server.url, log);
    return { page: await context.newPage(), base: server.url, log, close: () => context.close() };
  });
  if (log.offsite.length) {
    console.log(`FAIL off-site requests: ${log.offsite.join(', ')}`);
    result.failed++;
  }
  if (log.consoleErrors.length) console.log(`     console errors seen: ${log.consoleErrors.slice(0, 5).join(' | ')}`);
} catch (e) {
  console.log(`FAIL harness: ${e?.stack ?? e}`);
} finally {
  await browser?.close().catch(() => {});
  server?.stop();
}
console.log(`${result.passed} passed, ${result.failed} failed (${((Date.now() - started) / 1000).toFixed(0)} s)`);
process.exit(result.failed === 0 ? 0 : 1);
