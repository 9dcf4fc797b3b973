// The e2e harness: builds the app, serves dist/ on 127.0.0.1 with src/cli/serve.mjs, launches Debian's
// Chromium through playwright-core, and runs named tests with a per-test timeout.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

/** Repository root. */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** Runs the production build (the e2e suite always tests what users get). */
export function build() {
  const r = spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  if (r.status !== 0) throw new Error('vite build failed');
}

/** Starts src/cli/serve.mjs on a free port; resolves with its URL and a stop function (kills that PID only). */
export function serve() {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['src/cli/serve.mjs'], { cwd: ROOT, env: { ...process.env, PORT: '0' } });
    let out = '';
    const timer = setTimeout(() => reject(new Error('server did not start: ' + out)), 10_000);
    child.stdout.on('data', (d) => {
      out += d;
      const m = /http:\/\/127\.0\.0\.1:\d+\//.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ url: m[0], stop: () => child.kill('SIGTERM') });
      }
    });
    child.on('exit', (code) => reject(new Error(`server exited (${code}): ${out}`)));
  });
}

/** Launches Chromium. */
export async function launch() {
  const executablePath = process.env.CHROMIUM ?? '/usr/bin/chromium';
  if (!existsSync(executablePath)) throw new Error(`no Chromium at ${executablePath} (apt-get install -y chromium)`);
  return chromium.launch({ executablePath, args: CHROMIUM_FLAGS, headless: true });
}

/**
 * A fresh browser context (its own IndexedDB) that records every request that leaves the app's origin,
 * every CSP violation and every long task. Downloads are refused unless `acceptDownloads` is set.
 */
export async function newContext(browser, base, log, { acceptDownloads = false } = {}) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'zh-CN', acceptDownloads });
  const origin = new URL(base).origin;
  context.on('request', (r) => {
    const u = r.url();
    if (!(u.startsWith(origin + '/') || u.startsWith('blob:') || u.startsWith('data:'))) log.offsite.push(u);
  });
  // Belt and braces: nothing off-site is even attempted on the wire.
  await context.route('**', (route) => {
    const u = route.request().url();
    if (u.startsWith(origin + '/') || u.startsWith('blob:') || u.startsWith('data:')) return route.continue();
    return route.abort();
  });
  await context.addInitScript(() => {
    window.__longTasks = [];
    window.__cspViolations = [];
    try {
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration });
      }).observe({ type: 'longtask', buffered: true });
    } catch {}
    document.addEventListener('securitypolicyviolation', (e) => window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  context.on('page', (page) => watchPage(page, log));
  return context;
}

function watchPage(page, log) {
  page.on('pageerror', (e) => log.pageErrors.push(String(e)));
  page.on('dialog', (d) => {
    log.dialogs.push(d.message());
    void d.dismiss();
  });
  page.on('console', (m) => {
    if (m.type() === 'error') log.consoleErrors.push(m.text());
  });
}

/** Runs tests in order, each with a timeout; prints one line per test and the closing tally. */
export async function runTests(tests, makeEnv) {
  let passed = 0;
  let failed = 0;
  for (const t of tests) {
    const started = Date.now();
    let env;
    try {
      env = await makeEnv(t);
      await withTimeout(t.run(env), t.timeout ?? 90_000, t.name);
      passed++;
      console.log(`ok   ${t.name} (${Date.now() - started} ms)`);
    } catch (e) {
      failed++;
      console.log(`FAIL ${t.name} (${Date.now() - started} ms)\n     ${String(e?.stack ?? e).split('\n').slice(0, 6).join('\n     ')}`);
    } finally {
      await env?.close?.().catch(() => {});
    }
  }
  return { passed, failed };
}

function withTimeout(promise, ms, name) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms: ${name}`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

/** Throws with `message` unless `cond`. */
export function assert(cond, message) {
  if (!cond) throw new Error(message);
}
