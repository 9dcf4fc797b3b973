/** Actions that drive the workers and the history; components call these and read the store. */
import { openHistory, requestPersistence, type History, type ReportSummary } from '../storage/history.ts';
import { sortPicked, type PickedFile } from './collect-files.ts';
import { getState, notify, setState } from './store.ts';
import { runBatch, workerParserVersion, type PoolJob } from './worker-pool.ts';

let history: History | null = null;
let running: AbortController | null = null;

/** Opens the history, asks for persistent storage and learns the parser version. */
export async function init(): Promise<void> {
  window.addEventListener('hashchange', syncRoute);
  syncRoute();
  try {
    history = await openHistory({
      onBlocked: (m) => setState({ dbMessage: m }),
      onBlocking: (m) => setState({ dbMessage: m }),
      onTerminated: (m) => setState({ dbMessage: m }),
    });
    setState({ dbMessage: null, summaries: await history.listSummaries() });
  } catch (e) {
    setState({ dbMessage: `无法打开本地数据库：${e instanceof Error ? e.message : String(e)}。报告仍可检查，但不会被保存。` });
    setState({ summaries: [] });
  }
  void refreshStorage(true);
  workerParserVersion().then(
    (v) => setState({ parserVersion: v }),
    (e) => notify('error', `分析进程无法启动：${e instanceof Error ? e.message : String(e)}`),
  );
}

function syncRoute(): void {
  const m = /^#\/r\/([0-9a-f]{64})$/.exec(location.hash);
  setState({ openHash: m ? m[1] : null });
}

/** Shows one report (pushes a history entry, so Back returns to the list). */
export function openReport(hash: string): void {
  location.hash = `#/r/${hash}`;
}

/** Back to the list. */
export function closeReport(): void {
  if (location.hash) location.hash = '';
}

/** Reads the space used (and asks for persistence the first time). */
export async function refreshStorage(ask = false): Promise<void> {
  setState({ storage: await requestPersistence(ask) });
}

/** The database handle, for views that read one report. */
export function getHistory(): History | null {
  return history;
}

/** Imports picked or dropped files: analyses each in the pool and stores each report in its own transaction. */
export async function importFiles(picked: PickedFile[]): Promise<void> {
  const { accepted, skipped } = sortPicked(picked);
  if (skipped.length) notify('warning', `已跳过 ${skipped.length} 个文件。`, skipped);
  if (accepted.length === 0) return;
  if (running) {
    notify('warning', '上一批文件仍在处理中，请等待完成或取消后再导入。');
    return;
  }
  const jobs: Job[] = accepted.map((p) => ({ name: p.name, read: () => p.file.arrayBuffer() }));
  await runJobs('导入', jobs);
}

/** Tally of one batch. */
interface Tally {
  saved: number;
  duplicate: number;
  failed: string[];
  unreadable: string[];
  storageError: string | null;
}

/** A job of a batch; `replaces` is set when re-parsing a stored report. */
interface Job extends PoolJob {
  replaces?: string;
}

async function runJobs(label: string, jobs: Job[]): Promise<void> {
  const controller = new AbortController();
  running = controller;
  const tally: Tally = { saved: 0, duplicate: 0, failed: [], unreadable: [], storageError: null };
  setState({ progress: { label, done: 0, total: jobs.length, current: [], startedAt: Date.now() } });
  try {
    const parserVersion = getState().parserVersion ?? (await workerParserVersion());
    await runBatch(
      jobs,
      {
        onStart: (job) => updateProgress((p) => ({ current: [...p.current, job.name] })),
        onDone: async (job, outcome) => {
          if ('error' in outcome) tally.failed.push(outcome.error);
          else {
            const touched: string[] = [];
            for (const item of outcome.items) {
              if (item.analysis.result.status === 'unreadable') tally.unreadable.push(item.analysis.result.error ?? item.name);
              if (tally.storageError || !history) break;
              try {
                if (job.replaces) {
                  await history.replaceAnalysis(job.replaces, item.analysis, parserVersion);
                  touched.push(job.replaces);
                  tally.saved++;
                  break; // A stored report is one file: its first item is it.
                }
                if ((await history.save({ ...item, parserVersion })) === 'saved') tally.saved++;
                else tally.duplicate++;
                touched.push(item.hash);
              } catch (e) {
                tally.storageError = e instanceof Error ? e.message : String(e);
                controller.abort(); // Quota or a closed database: stop, keep what is stored.
              }
            }
            await mergeSummaries(touched);
          }
          updateProgress((p) => ({ done: p.done + 1, current: removeOnce(p.current, job.name) }));
        },
      },
      controller.signal,
    );
  } catch (e) {
    notify('error', `处理中断：${e instanceof Error ? e.message : String(e)}`);
  } finally {
    running = null;
    const cancelled = controller.signal.aborted && !tally.storageError;
    setState({ progress: null });
    report(label, tally, cancelled);
    void refreshStorage();
  }
}

function removeOnce(list: string[], name: string): string[] {
  const i = list.indexOf(name);
  return i < 0 ? list : [...list.slice(0, i), ...list.slice(i + 1)];
}

function updateProgress(change: (p: NonNullable<ReturnType<typeof getState>['progress']>) => object): void {
  setState((s) => (s.progress ? { progress: { ...s.progress, ...change(s.progress) } } : {}));
}

/** Reads the list rows of the given reports and merges them into the list (one key at a time: no full scan). */
async function mergeSummaries(hashes: string[]): Promise<void> {
  if (!history || hashes.length === 0) return;
  const h = history;
  const fresh = (await Promise.all(hashes.map((x) => h.getSummary(x).catch(() => undefined)))).filter(
    (s): s is ReportSummary => s !== undefined,
  );
  setState((st) => {
    const list = st.summaries ?? [];
    const byHash = new Map(fresh.map((s) => [s.hash, s]));
    const kept = list.map((s) => byHash.get(s.hash) ?? s);
    const known = new Set(list.map((s) => s.hash));
    return { summaries: [...kept, ...fresh.filter((s) => !known.has(s.hash))] };
  });
}

function report(label: string, t: Tally, cancelled: boolean): void {
  if (t.storageError) notify('error', t.storageError);
  if (t.failed.length) notify('error', `${t.failed.length} 个文件处理失败。`, t.failed);
  if (t.unreadable.length) notify('error', `${t.unreadable.length} 个文件无法读取，已记入列表。`, t.unreadable);
  const parts = [`${label}完成：新增 ${t.saved} 份`];
  if (t.duplicate) parts.push(`${t.duplicate} 份已在历史记录中（未重复保存）`);
  if (cancelled) parts.push('已取消，其余文件未处理；已保存的报告保留');
  notify(cancelled ? 'warning' : 'success', parts.join('，') + '。');
}

/** Stops the running batch: no new files are sent, busy workers are terminated. */
export function cancelImport(): void {
  running?.abort();
}

/** Sample reports bundled with the app (the five seeds), by URL. */
const SAMPLE_URLS = import.meta.glob<string>('./samples/*.txt', { query: '?url', import: 'default', eager: true });

/** Imports the five sample reports. */
export async function loadSamples(): Promise<void> {
  const picked: PickedFile[] = [];
  for (const [path, url] of Object.entries(SAMPLE_URLS).sort()) {
    const name = path.split('/').pop()!;
    const bytes = await (await fetch(url)).arrayBuffer();
    picked.push({ name, file: new File([bytes], name, { type: 'text/plain' }) });
  }
  await importFiles(picked);
}

/** Deletes one report. */
export async function deleteReport(hash: string): Promise<void> {
  if (!history) return;
  await history.remove(hash);
  setState((s) => ({ summaries: (s.summaries ?? []).filter((r) => r.hash !== hash) }));
  if (getState().openHash === hash) closeReport();
  notify('success', '已删除该报告。');
  void refreshStorage();
}

/** Deletes every report. */
export async function clearAll(): Promise<void> {
  if (!history) return;
  await history.clear();
  setState({ summaries: [] });
  closeReport();
  notify('success', '已清空全部历史记录。');
  void refreshStorage();
}

/** Re-parses stored reports made by an older parser, from their stored bytes. */
export async function reparse(hashes: string[]): Promise<void> {
  if (!history || running || hashes.length === 0) return;
  const h = history;
  const byHash = new Map((getState().summaries ?? []).map((s) => [s.hash, s]));
  const jobs: Job[] = [];
  for (const hash of hashes) {
    const summary = byHash.get(hash);
    if (!summary) continue;
    jobs.push({
      name: summary.name,
      replaces: hash,
      read: async () => {
        const file = await h.getFile(hash);
        if (!file) throw new Error('missing');
        return file.bytes;
      },
    });
  }
  await runJobs('重新解析', jobs);
}
