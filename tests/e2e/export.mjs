// The Excel export in the browser: load the samples, click 「导出 Excel」, catch the download and read
// the .xlsx back (fflate): the rows, a known number of seed 004, the CPY-01 finding of seed 002.
import { readFileSync } from 'node:fs';
import { assert, newContext } from './harness.mjs';
import { importAndWait, noticeTexts, waitForCount } from './helpers.mjs';
import { readXlsx } from './xlsx-read.mjs';

/** Reports in the large export. */
const BIG = 2000;

/** A context with the harness's guards that accepts downloads (the harness's default contexts refuse them). */
async function downloadContext(browser, base, log) {
  const context = await newContext(browser, base, log, { acceptDownloads: true });
  return { context, page: await context.newPage() };
}

/** Runs `fn` on a page of a fresh download context with the five samples loaded; closes the context after. */
async function withSamples(shared, base, log, fn) {
  const { context, page } = await downloadContext(shared.context().browser(), base, log);
  try {
    await page.goto(base);
    await page.waitForSelector('[data-testid="load-samples"]');
    await importAndWait(page, () => page.click('[data-testid="load-samples"]'));
    await waitForCount(page, 5);
    await fn(page);
  } finally {
    await context.close();
  }
}

/** Clicks 「导出 Excel」 and returns the downloaded file's name, its sheets and whether 「正在导出…」 showed. */
async function exportOnce(page, timeout = 60_000) {
  // Record the busy label as it appears: a 5-report export may finish before a poll would see it.
  await page.evaluate(() => {
    window.__sawExporting = false;
    const button = document.querySelector('[data-testid="export-xlsx"]');
    new MutationObserver(() => {
      if (button.textContent.includes('正在导出…')) window.__sawExporting = true;
    }).observe(button, { childList: true, characterData: true, subtree: true });
  });
  const [download] = await Promise.all([page.waitForEvent('download', { timeout }), page.click('[data-testid="export-xlsx"]')]);
  const failure = await download.failure();
  assert(failure === null, `download failed: ${failure}`);
  const { sheets } = readXlsx(new Uint8Array(readFileSync(await download.path())));
  await page.waitForFunction(() => document.querySelector('[data-testid="export-xlsx"]')?.textContent === '导出 Excel');
  return { name: download.suggestedFilename(), sheets, sawExporting: await page.evaluate(() => window.__sawExporting) };
}

/** The column of a field key in the 「报告」 sheet (second header row). */
function keyColumn(rows, key) {
  const i = rows[1].indexOf(key);
  assert(i >= 0, `no column for ${key}`);
  return i;
}

/** Fills the history to `want` reports by cloning the stored ones under new hashes (test set-up, raw IndexedDB). */
async function cloneHistory(page, want) {
  await page.evaluate(async (total) => {
    const db = await new Promise((ok, fail) => {
      const r = indexedDB.open('nianbao');
      r.onsuccess = () => ok(r.result);
      r.onerror = () => fail(r.error);
    });
    const all = (store) =>
      new Promise((ok) => {
        const r = db.transaction(store).objectStore(store).getAll();
        r.onsuccess = () => ok(r.result);
      });
    const [sums, reports] = [await all('summaries'), await all('reports')];
    const byHash = new Map(reports.map((r) => [r.hash, r]));
    for (let i = sums.length; i < total; i += 100) {
      await new Promise((ok, fail) => {
        const tx = db.transaction(['summaries', 'reports', 'files'], 'readwrite');
        for (let j = i; j < Math.min(total, i + 100); j++) {
          const base = sums[j % sums.length];
          const hash = 'c' + j.toString(16).padStart(63, '0'); // hex like a SHA-256, distinct for every j
          tx.objectStore('summaries').put({ ...base, hash, name: `副本-${j}-${base.name}`, importedAt: base.importedAt - j });
          tx.objectStore('reports').put({ ...byHash.get(base.hash), hash });
          tx.objectStore('files').put({ hash, name: base.name, bytes: new ArrayBuffer(8) });
        }
        tx.oncomplete = ok;
        tx.onerror = () => fail(tx.error);
      });
    }
    db.close();
  }, want);
}

/** The e2e tests of the export. */
export const exportTests = [
  {
    name: 'Excel export: the five samples become one .xlsx with 「报告」 and 「问题」; filters narrow it',
    run: async ({ page: shared, base, log }) => {
      await withSamples(shared, base, log, async (page) => {

        const all = await exportOnce(page);
        assert(/^年报核查-导出-\d{8}\.xlsx$/.test(all.name), `file name ${all.name}`);
        assert(all.sawExporting, 'the button never showed 正在导出…');
        assert([...all.sheets.keys()].join() === '报告,问题', `sheets: ${[...all.sheets.keys()]}`);
        const reports = all.sheets.get('报告');
        assert(reports.length === 2 + 5, `「报告」 has ${reports.length - 2} data rows, expected 5`);
        const total = keyColumn(reports, 'sec3.newReceived.total');
        assert(reports[0][total] === '表三·一、本年新收政府信息公开申请数量·总计', `header of sec3.newReceived.total: ${reports[0][total]}`);
        const r004 = reports.find((r) => r[1] === '开封市龙亭区人民政府办公室');
        assert(r004 && String(r004[0]).startsWith('004_'), 'no row for seed 004 with its agency');
        assert(r004[total] === 20, `seed 004 sec3.newReceived.total = ${r004[total]} (${typeof r004[total]}), expected the number 20`);
        const cpy = all.sheets.get('问题').find((r) => String(r[0]).startsWith('002_') && r[3] === 'CPY-01');
        assert(cpy, 'no CPY-01 finding of seed 002 in 「问题」');
        assert(cpy[4] === '错误' && String(cpy[5]).includes('珠街街道'), `CPY-01 row: ${cpy.join(' | ')}`);
        const notes = (await noticeTexts(page)).join('\n');
        assert(/已导出 5 份报告/.test(notes), `no export notice in: ${notes}`);

        // The list's search decides what is exported, not what happens to be on screen.
        await page.locator('[data-testid="search"]').fill('开封市龙亭区');
        await page.waitForFunction(() => document.querySelectorAll('[data-testid="report-row"]').length === 1);
        const one = await exportOnce(page);
        const rows = one.sheets.get('报告');
        assert(rows.length === 3 && rows[2][1] === '开封市龙亭区人民政府办公室', `filtered export has ${rows.length - 2} rows`);
        assert(
          one.sheets.get('问题').slice(1).every((r) => String(r[0]).startsWith('004_')),
          'the filtered export lists findings of other reports',
        );
      });
    },
  },
  {
    name: 'Excel export of 2,000 reports: every row exported, no main-thread task over 100 ms',
    timeout: 180_000,
    run: async ({ page: shared, base, log }) => {
      await withSamples(shared, base, log, async (page) => {
        await cloneHistory(page, BIG);
        await page.reload();
        await waitForCount(page, BIG, 20_000);
        const t0 = await page.evaluate(() => performance.now());
        const wall = Date.now();
        const out = await exportOnce(page, 150_000);
        const ms = Date.now() - wall;
        const tasks = await page.evaluate((start) => window.__longTasks.filter((t) => t.start >= start), t0);
        const max = Math.max(0, ...tasks.map((t) => t.duration));
        const findings = out.sheets.get('问题').length - 1;
        console.log(
          `     export: ${BIG} reports, ${findings} findings in ${(ms / 1000).toFixed(1)} s; main-thread long tasks: ${tasks.length}, ` +
            `longest ${max.toFixed(0)} ms`,
        );
        assert(out.sheets.get('报告').length === 2 + BIG, `「报告」 has ${out.sheets.get('报告').length - 2} data rows`);
        assert(out.sawExporting, 'the button never showed 正在导出…');
        assert(max <= 100, `a main-thread task took ${max.toFixed(0)} ms during the export`);
      });
    },
  },
];
