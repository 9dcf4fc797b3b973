// The performance test: 200 files through the workers with no main-thread long task over 100 ms,
// then 2,000 stored reports whose list opens in under a second.
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assert } from './harness.mjs';
import { corpusFiles, importAndWait, seedFiles, waitForCount } from './helpers.mjs';

const FILES = 200;
const LIST_SIZE = 2000;

/** Copy `k` of a fixture, made byte-distinct where the format allows it, so most copies are new reports. */
function variant(file, k) {
  if (/\.(txt|md)$/.test(file.name)) return Buffer.concat([file.bytes, Buffer.from('\n'.repeat(1 + (k % 50)))]);
  if (/\.html$/.test(file.name)) return Buffer.concat([file.bytes, Buffer.from(`\n<!-- copy ${k} -->\n`)]);
  if (/\.pdf$/.test(file.name)) return Buffer.concat([file.bytes, Buffer.from(`\n%copy ${k}\n`)]);
  return file.bytes; // .docx: identical copies, stored once (they still go through the workers)
}

/** Writes the 200 files; returns their paths and how many distinct reports they hold. */
function makeBatch() {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-200-'));
  const sources = [...seedFiles(), ...corpusFiles()];
  const paths = [];
  const hashes = new Set();
  for (let i = 0; i < FILES; i++) {
    const src = sources[i % sources.length];
    const bytes = variant(src, Math.floor(i / sources.length));
    const path = join(dir, `${String(i).padStart(3, '0')}-${src.name}`);
    writeFileSync(path, bytes);
    paths.push(path);
    hashes.add(createHash('sha256').update(bytes).digest('hex'));
  }
  return { paths, distinct: hashes.size };
}

/** Fills the history to `total` reports by cloning one stored report (test set-up, raw IndexedDB). */
async function fillHistory(page, total) {
  return page.evaluate(async (want) => {
    const db = await new Promise((ok, fail) => {
      const r = indexedDB.open('nianbao');
      r.onsuccess = () => ok(r.result);
      r.onerror = () => fail(r.error);
    });
    const get = (store, key) =>
      new Promise((ok) => {
        const r = db.transaction(store).objectStore(store).get(key);
        r.onsuccess = () => ok(r.result);
      });
    const keys = await new Promise((ok) => {
      const r = db.transaction('summaries').objectStore('summaries').getAllKeys();
      r.onsuccess = () => ok(r.result);
    });
    const have = keys.length;
    // Clone a small text report: the list reads summaries only, whatever the report's size.
    const sums = await Promise.all(keys.map((k) => get('summaries', k)));
    const base = sums.filter((s) => s.fileType === 'txt').sort((a, b) => a.size - b.size)[0] ?? sums[0];
    const [report, file] = await Promise.all([get('reports', base.hash), get('files', base.hash)]);
    for (let i = have; i < want; i += 100) {
      await new Promise((ok, fail) => {
        const tx = db.transaction(['summaries', 'reports', 'files'], 'readwrite');
        for (let j = i; j < Math.min(want, i + 100); j++) {
          const hash = j.toString(16).padStart(64, 'f');
          const agency = `测试机关第${j}号`;
          tx.objectStore('summaries').put({ ...base, hash, agency, year: 2019 + (j % 6), errors: j % 4, importedAt: base.importedAt - j });
          tx.objectStore('reports').put({ ...report, hash });
          tx.objectStore('files').put({ ...file, hash });
        }
        tx.oncomplete = ok;
        tx.onerror = () => fail(tx.error);
      });
    }
    db.close();
    return have;
  }, total);
}

/** The test. */
export async function performanceTest({ page, base }) {
  const { paths, distinct } = makeBatch();
  await page.goto(base);
  await page.waitForSelector('[data-testid="empty"]');
  const cores = await page.evaluate(() => navigator.hardwareConcurrency);
  const t0 = await page.evaluate(() => performance.now());
  const wall = Date.now();
  await importAndWait(page, () => page.setInputFiles('[data-testid="file-input"]', paths), 200_000);
  const importMs = Date.now() - wall;
  await waitForCount(page, distinct);
  const tasks = await page.evaluate((start) => window.__longTasks.filter((t) => t.start >= start), t0);
  const max = Math.max(0, ...tasks.map((t) => t.duration));
  console.log(
    `     import: ${FILES} files (${distinct} distinct reports) in ${(importMs / 1000).toFixed(1)} s on ${cores} cores; ` +
      `main-thread long tasks: ${tasks.length}, longest ${max.toFixed(0)} ms, total ${tasks.reduce((s, t) => s + t.duration, 0).toFixed(0)} ms`,
  );

  if (tasks.length) console.log(`     long tasks (ms after the files were given, duration): ${tasks.map((t) => `${(t.start - t0).toFixed(0)}:${t.duration.toFixed(0)}`).join(' ')}`);
  const had = await fillHistory(page, LIST_SIZE);
  const reloadStart = Date.now();
  await page.reload();
  await waitForCount(page, LIST_SIZE, 10_000);
  const sinceNavigation = await page.evaluate(() => performance.now());
  const wallOpen = Date.now() - reloadStart;
  const rendered = await page.locator('[data-testid="report-row"]').count();
  const listTasks = await page.evaluate(() => window.__longTasks);
  const listMax = Math.max(0, ...listTasks.map((t) => t.duration));
  console.log(
    `     list: ${LIST_SIZE} reports (${had} imported + clones) shown ${sinceNavigation.toFixed(0)} ms after navigation ` +
      `(${wallOpen} ms wall), ${rendered} rows in the DOM, longest task while opening ${listMax.toFixed(0)} ms`,
  );
  // Scroll to the end: the last rows must render, and still only a window of rows exists.
  await page.locator('[data-testid="rows"]').evaluate((el) => (el.scrollTop = el.scrollHeight));
  await page.waitForFunction(() => {
    const rows = [...document.querySelectorAll('[data-testid="report-row"]')];
    return rows.length > 0 && rows.length < 80;
  });
  assert(max <= 100, `a main-thread task took ${max.toFixed(0)} ms during the import`);
  assert(sinceNavigation < 1000, `the 2,000-report list took ${sinceNavigation.toFixed(0)} ms to open`);
  assert(rendered < 80, `${rendered} rows rendered: the list is not virtualised`);
}
