/**
 * The one place the page starts workers (style.md): each worker entry in workers/, wrapped with Comlink,
 * with a promise that rejects when the worker fails to start or dies — otherwise a Comlink call would
 * wait forever.
 */
import { wrap, type Remote } from 'comlink';
import type { AnalyzeApi } from '../../workers/analyze.worker.ts';
import type { ExportApi } from '../../workers/export.worker.ts';

/** A started worker, its typed API and its death. */
export interface WorkerHandle<T> {
  worker: Worker;
  api: Remote<T>;
  /** Rejects with a Chinese message when the worker errors; observed per call, never unhandled. */
  dead: Promise<never>;
}

function handle<T>(worker: Worker, what: string): WorkerHandle<T> {
  const dead = new Promise<never>((_, reject) => {
    worker.addEventListener('error', (e) => reject(new Error(`${what}出错：${e.message || '无法启动'}`)));
  });
  dead.catch(() => undefined);
  return { worker, api: wrap<T>(worker), dead };
}

/** Starts one analyze worker (the pure pipeline). */
export function startAnalyzeWorker(): WorkerHandle<AnalyzeApi> {
  return handle(new Worker(new URL('../../workers/analyze.worker.ts', import.meta.url), { type: 'module' }), '分析进程');
}

/** Starts one export worker (builds the .xlsx). */
export function startExportWorker(): WorkerHandle<ExportApi> {
  return handle(new Worker(new URL('../../workers/export.worker.ts', import.meta.url), { type: 'module' }), '导出进程');
}
