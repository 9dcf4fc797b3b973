/**
 * The pool of analyze workers (started in workers.ts). A small fixed pool
 * (hardwareConcurrency − 1, at most 4) keeps a core for the page; cancel stops handing out files and
 * terminates busy workers, which are recreated on next use.
 */
import { transfer } from 'comlink';
import { startAnalyzeWorker, type WorkerHandle } from './workers.ts';
import type { AnalyzeApi } from '../../workers/analyze.worker.ts';
import type { Ingested } from '../../workers/ingest.ts';

/** A worker, its Comlink proxy and its death. */
type Slot = WorkerHandle<AnalyzeApi>;

/** A file must finish within this time or its worker is replaced (a pathological PDF must not stall the batch). */
export const FILE_TIMEOUT_MS = 120_000;

/** Pool size for this machine. */
export function defaultPoolSize(cores = typeof navigator !== 'undefined' ? navigator.hardwareConcurrency : 2): number {
  return Math.max(1, Math.min(4, (cores || 2) - 1));
}

/** Reused workers. */
const idle: Slot[] = [];

/** Borrows an idle worker or starts one. */
function take(): Slot {
  return idle.pop() ?? startAnalyzeWorker();
}

/** Version of the parsing pipeline the workers run. */
export async function workerParserVersion(): Promise<number> {
  const slot = take();
  try {
    return await Promise.race([slot.api.parserVersion(), slot.dead]);
  } finally {
    idle.push(slot);
  }
}

/** One unit of work: a name and a way to get its bytes. */
export interface PoolJob {
  name: string;
  read: () => Promise<ArrayBuffer>;
}

/** Callbacks of a batch. */
export interface BatchHandlers<J extends PoolJob> {
  /** A worker picked up a file. */
  onStart(job: J): void;
  /** A file was analysed (or failed with a Chinese reason). Awaited before the lane takes the next file. */
  onDone(job: J, outcome: { items: Ingested[] } | { error: string }): Promise<void> | void;
}

/** Runs every job through the pool, at most `size` at once, until done or `signal` aborts. */
export async function runBatch<J extends PoolJob>(
  jobs: J[],
  handlers: BatchHandlers<J>,
  signal: AbortSignal,
  size = defaultPoolSize(),
): Promise<void> {
  const queue = jobs.slice();
  const aborted = new Promise<'aborted'>((resolve) => {
    if (signal.aborted) resolve('aborted');
    signal.addEventListener('abort', () => resolve('aborted'), { once: true });
  });
  const lane = async () => {
    let slot: Slot | null = null;
    try {
      while (queue.length > 0 && !signal.aborted) {
        const job = queue.shift()!;
        slot ??= take();
        handlers.onStart(job);
        const outcome = await analyzeOne(slot, job, aborted);
        if (outcome === 'aborted' || 'timeout' in outcome) {
          // The worker may still be busy with this file: kill it, a fresh one takes its place.
          slot.worker.terminate();
          slot = null;
          if (outcome === 'aborted') return;
          await handlers.onDone(job, { error: `文件「${job.name}」处理超时（超过 ${FILE_TIMEOUT_MS / 1000} 秒），已跳过。` });
          continue;
        }
        if ('crashed' in outcome) {
          slot.worker.terminate();
          slot = null;
          await handlers.onDone(job, { error: `文件「${job.name}」处理失败：${outcome.crashed}` });
          continue;
        }
        await handlers.onDone(job, outcome);
      }
    } finally {
      if (slot) idle.push(slot);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(size, jobs.length)) }, lane));
}

type Outcome = { items: Ingested[] } | { error: string } | { timeout: true } | { crashed: string } | 'aborted';

async function analyzeOne(slot: Slot, job: PoolJob, aborted: Promise<'aborted'>): Promise<Outcome> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<{ timeout: true }>((resolve) => {
    timer = setTimeout(() => resolve({ timeout: true }), FILE_TIMEOUT_MS);
  });
  try {
    const work = (async (): Promise<Outcome> => {
      let buffer: ArrayBuffer;
      try {
        buffer = await job.read();
      } catch {
        return { error: `无法读取文件「${job.name}」（可能已被移动或删除）。` };
      }
      try {
        return { items: await Promise.race([slot.api.ingest(job.name, transfer(buffer, [buffer])), slot.dead]) };
      } catch (e) {
        return { crashed: e instanceof Error ? e.message : String(e) };
      }
    })();
    return await Promise.race([work, timeout, aborted]);
  } finally {
    clearTimeout(timer);
  }
}
