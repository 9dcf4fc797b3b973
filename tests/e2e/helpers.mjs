// Page helpers for the e2e tests: simulated drops, waiting for the list, fixture files.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './harness.mjs';

/** The five seed reports, as { name, bytes }. */
export function seedFiles() {
  const dir = join(ROOT, 'tests/fixtures/seeds');
  return readdirSync(dir)
    .filter((n) => n.endsWith('.txt'))
    .sort()
    .map((name) => ({ name, bytes: readFileSync(join(dir, name)) }));
}

/** The corpus reports (every readable type), as { name, bytes }. */
export function corpusFiles() {
  const dir = join(ROOT, 'tests/fixtures/corpus');
  return readdirSync(dir)
    .filter((n) => /\.(txt|md|html|docx|pdf)$/.test(n) && n !== 'INDEX.md')
    .sort()
    .map((name) => ({ name, bytes: readFileSync(join(dir, name)) }));
}

/** Drops files on the page the way a user's drag and drop does (a DataTransfer on a `drop` event). */
export async function dropFiles(page, files) {
  const payload = files.map((f) => ({ name: f.name, b64: Buffer.from(f.bytes).toString('base64') }));
  await page.evaluate((items) => {
    const dt = new DataTransfer();
    for (const f of items) {
      const bin = atob(f.b64);
      const bytes = new Uint8Array(bin.length);
      for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
      dt.items.add(new File([bytes], f.name));
    }
    const target = document.querySelector('[data-testid="page"]');
    target.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
    target.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, payload);
}

/** Number of finished batches: each ends with one 「…完成：」 notice. */
export async function batchesDone(page) {
  return page.$$eval('[data-testid="notices"] .notice', (els) => els.filter((e) => e.textContent?.includes('完成：')).length);
}

/** Runs `start` (a drop or a pick) and waits until the batch it starts has finished. */
export async function importAndWait(page, start, timeout = 60_000) {
  const before = await batchesDone(page);
  await start();
  await page.waitForFunction(
    (n) => [...document.querySelectorAll('[data-testid="notices"] .notice')].filter((e) => e.textContent?.includes('完成：')).length > n,
    before,
    { timeout, polling: 50 },
  );
}

/** Waits until no batch is running (the progress bar is gone). */
export async function waitIdle(page, timeout = 60_000) {
  await page.waitForFunction(() => !document.querySelector('[data-testid="progress"]'), null, { timeout, polling: 100 });
}

/** Waits until the list says it holds `n` reports; returns the rows' count text. */
export async function waitForCount(page, n, timeout = 60_000) {
  await page.waitForFunction(
    (want) => document.querySelector('[data-testid="list-count"]')?.textContent?.startsWith(`共 ${want} 份`),
    n,
    { timeout, polling: 50 },
  );
  return page.textContent('[data-testid="list-count"]');
}

/** Number of reports the list says it holds (0 when the empty state shows), or null while loading. */
export async function listCount(page) {
  return page.evaluate(() => {
    if (document.querySelector('[data-testid="empty"]')) return 0;
    const m = /^共 (\d+) 份/.exec(document.querySelector('[data-testid="list-count"]')?.textContent ?? '');
    return m ? Number(m[1]) : null;
  });
}

/** Texts of all notices shown. */
export async function noticeTexts(page) {
  return page.$$eval('[data-testid="notices"] .notice', (els) => els.map((e) => e.textContent ?? ''));
}
