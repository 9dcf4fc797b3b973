/**
 * The one storage module: the report history in IndexedDB through idb, one typed schema with
 * cumulative upgrades. Nothing else in the app opens IndexedDB.
 *
 * Three stores share one key, the SHA-256 of the original bytes, so a file dropped twice is stored once:
 * `summaries` (list rows only), `reports` (the full analysis, so views need no re-parse) and `files`
 * (the original bytes, for re-parsing when the parser improves). Each report is written in its own
 * transaction across the three, so an interrupted batch keeps every finished report whole and no half one.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { Analysis } from '../model.ts';
import { summarize, type ReportSummary } from './summary.ts';

export type { ReportSummary } from './summary.ts';

/** Name of the database. */
export const DB_NAME = 'nianbao';
/** Current schema version; bump it and add an `if (oldVersion < N)` step for every change. */
export const DB_VERSION = 1;

/** A stored analysis. */
export interface StoredReport {
  /** SHA-256 of the original bytes (hex). */
  hash: string;
  /** Everything the views show: result, findings, parsed tables and the source document. */
  analysis: Analysis;
  /** Parser version that produced `analysis`. */
  parserVersion: number;
  /** Import time, ms since epoch. */
  importedAt: number;
}

/** The original bytes of a stored report. */
export interface StoredFile {
  /** SHA-256 of `bytes` (hex). */
  hash: string;
  /** File name as imported. */
  name: string;
  /** The file exactly as dropped. */
  bytes: ArrayBuffer;
}

/** The whole database, typed. */
export interface HistorySchema extends DBSchema {
  summaries: { key: string; value: ReportSummary };
  reports: { key: string; value: StoredReport };
  files: { key: string; value: StoredFile };
}

/** One report ready to be stored. */
export interface NewReport {
  hash: string;
  name: string;
  bytes: ArrayBuffer;
  analysis: Analysis;
  parserVersion: number;
}

/** What `save` did. */
export type SaveOutcome = 'saved' | 'duplicate';

/** Callbacks for events another tab causes. */
export interface HistoryEvents {
  /** Our upgrade waits for another tab that holds an older version open. */
  onBlocked?: (message: string) => void;
  /** Another tab wants to upgrade: we closed our connection. */
  onBlocking?: (message: string) => void;
  /** The browser closed the connection abnormally. */
  onTerminated?: (message: string) => void;
}

/** Message shown while an upgrade is blocked by another tab. */
export const BLOCKED_MESSAGE =
  '数据库需要升级，但另一个打开了本工具的标签页正在使用旧版本。请关闭其他标签页，本页会自动继续；已保存的报告不会丢失。';
/** Message shown when another tab upgraded the database under us. */
export const BLOCKING_MESSAGE = '另一个标签页打开了新版本的本工具。请刷新本页后继续；已保存的报告不会丢失。';

/** Handle on the open history database. */
export interface History {
  /** Stores one report in its own transaction; a report whose hash is stored already is left as it is. */
  save(report: NewReport): Promise<SaveOutcome>;
  /** Replaces the analysis of a stored report (re-parse), keeping its bytes and import time. */
  replaceAnalysis(hash: string, analysis: Analysis, parserVersion: number): Promise<void>;
  /** All list rows (no bytes, no analyses). */
  listSummaries(): Promise<ReportSummary[]>;
  /** The list row of one report. */
  getSummary(hash: string): Promise<ReportSummary | undefined>;
  /** The full stored analysis of one report. */
  getReport(hash: string): Promise<StoredReport | undefined>;
  /** The original bytes of one report. */
  getFile(hash: string): Promise<StoredFile | undefined>;
  /** Deletes one report from every store. */
  remove(hash: string): Promise<void>;
  /** Deletes every report. */
  clear(): Promise<void>;
  /** Closes the connection. */
  close(): void;
}

/** Opens (creating or upgrading) the history database. */
export async function openHistory(events: HistoryEvents = {}, name = DB_NAME): Promise<History> {
  const db = await openDB<HistorySchema>(name, DB_VERSION, {
    upgrade(database, oldVersion) {
      if (oldVersion < 1) {
        database.createObjectStore('summaries', { keyPath: 'hash' });
        database.createObjectStore('reports', { keyPath: 'hash' });
        database.createObjectStore('files', { keyPath: 'hash' });
      }
    },
    blocked() {
      events.onBlocked?.(BLOCKED_MESSAGE);
    },
    blocking() {
      // Let the other tab's upgrade proceed instead of leaving it stuck behind us.
      db.close();
      events.onBlocking?.(BLOCKING_MESSAGE);
    },
    terminated() {
      events.onTerminated?.('浏览器意外关闭了数据库连接。请刷新页面；已保存的报告不会丢失。');
    },
  });
  return wrap(db);
}

function wrap(db: IDBPDatabase<HistorySchema>): History {
  return {
    async save(report) {
      const tx = db.transaction(['summaries', 'reports', 'files'], 'readwrite');
      try {
        // Existence check and writes in the same transaction: two tabs importing the same file
        // cannot both write it.
        if ((await tx.objectStore('summaries').getKey(report.hash)) !== undefined) {
          await tx.done;
          return 'duplicate';
        }
        const importedAt = Date.now();
        const summary = summarize(report.hash, report.analysis, importedAt, report.parserVersion, report.bytes.byteLength);
        // Each request is observed as soon as it exists: if a later put throws, the earlier ones reject
        // with AbortError and must not surface as unhandled.
        await Promise.all([
          observed(tx.objectStore('files').put({ hash: report.hash, name: report.name, bytes: report.bytes })),
          observed(
            tx.objectStore('reports').put({
              hash: report.hash,
              analysis: report.analysis,
              parserVersion: report.parserVersion,
              importedAt,
            }),
          ),
          observed(tx.objectStore('summaries').put(summary)),
          tx.done,
        ]);
        return 'saved';
      } catch (e) {
        abortQuietly(tx); // A put that throws (e.g. an uncloneable value) must not leave the others to commit.
        throw new Error(describeStorageError(e, report.name));
      }
    },
    async replaceAnalysis(hash, analysis, parserVersion) {
      const tx = db.transaction(['summaries', 'reports', 'files'], 'readwrite');
      try {
        const old = await tx.objectStore('summaries').get(hash);
        if (!old) {
          await tx.done;
          return;
        }
        await Promise.all([
          observed(tx.objectStore('reports').put({ hash, analysis, parserVersion, importedAt: old.importedAt })),
          observed(tx.objectStore('summaries').put(summarize(hash, analysis, old.importedAt, parserVersion, old.size))),
          tx.done,
        ]);
      } catch (e) {
        abortQuietly(tx);
        throw new Error(describeStorageError(e, analysis.result.file));
      }
    },
    listSummaries: () => db.getAll('summaries'),
    getSummary: (hash) => db.get('summaries', hash),
    getReport: (hash) => db.get('reports', hash),
    getFile: (hash) => db.get('files', hash),
    async remove(hash) {
      const tx = db.transaction(['summaries', 'reports', 'files'], 'readwrite');
      await Promise.all([
        tx.objectStore('summaries').delete(hash),
        tx.objectStore('reports').delete(hash),
        tx.objectStore('files').delete(hash),
        tx.done,
      ]);
    },
    async clear() {
      const tx = db.transaction(['summaries', 'reports', 'files'], 'readwrite');
      await Promise.all([
        tx.objectStore('summaries').clear(),
        tx.objectStore('reports').clear(),
        tx.objectStore('files').clear(),
        tx.done,
      ]);
    },
    close: () => db.close(),
  };
}

/** Marks a request's rejection as handled (the caller still awaits it through Promise.all). */
function observed<T>(p: Promise<T>): Promise<T> {
  p.catch(() => undefined);
  return p;
}

/** Aborts a transaction that may already be finished or aborted. */
function abortQuietly(tx: { abort(): void; done: Promise<void> }): void {
  tx.done.catch(() => undefined);
  try {
    tx.abort();
  } catch {
    // Already committed or aborted: nothing to undo.
  }
}

/** Turns a storage failure into one Chinese sentence naming the file. */
export function describeStorageError(e: unknown, fileName: string): string {
  const name = e && typeof e === 'object' && 'name' in e ? String((e as { name: unknown }).name) : '';
  if (name === 'QuotaExceededError') {
    return `存储空间已满，报告「${fileName}」未能保存。已保存的报告不受影响；请删除一些旧报告或释放磁盘空间后再导入。`;
  }
  if (name === 'InvalidStateError' || name === 'TransactionInactiveError') {
    return `数据库连接已关闭（可能是另一个标签页升级了本工具），报告「${fileName}」未能保存。请刷新页面后重试；已保存的报告不受影响。`;
  }
  const detail = e instanceof Error ? e.message : String(e);
  return `报告「${fileName}」保存失败：${detail}。已保存的报告不受影响。`;
}

/** Space used and available, and whether the browser promised to keep our data. */
export interface StorageInfo {
  /** Bytes used by this origin, when the browser says. */
  usage: number | null;
  /** Bytes available to this origin, when the browser says. */
  quota: number | null;
  /** True when storage is persistent (not evicted under pressure). */
  persisted: boolean;
}

/** Asks for persistent storage (once) and reads the usage estimate. Never throws. */
export async function requestPersistence(ask: boolean): Promise<StorageInfo> {
  const storage = typeof navigator !== 'undefined' ? navigator.storage : undefined;
  if (!storage) return { usage: null, quota: null, persisted: false };
  let persisted = false;
  try {
    persisted = (await storage.persisted?.()) ?? false;
    if (!persisted && ask) persisted = (await storage.persist?.()) ?? false;
  } catch {
    persisted = false;
  }
  try {
    const { usage, quota } = await storage.estimate();
    return { usage: usage ?? null, quota: quota ?? null, persisted };
  } catch {
    return { usage: null, quota: null, persisted };
  }
}
