/** The app's state in one small observable store; components read it with `useAppState`. */
import { useEffect, useState } from 'preact/hooks';
import type { ReportSummary, StorageInfo } from '../storage/history.ts';

/** Progress of the running import or re-parse. */
export interface Progress {
  /** What is running: 导入 or 重新解析. */
  label: string;
  done: number;
  total: number;
  /** Files being analysed right now. */
  current: string[];
  /** ms since epoch. */
  startedAt: number;
}

/** A message to the user. */
export interface Notice {
  id: number;
  kind: 'error' | 'warning' | 'success';
  text: string;
  /** One line per file concerned. */
  details?: string[];
}

/** Everything the UI shows that is not local to one component. */
export interface AppState {
  /** List rows; null while the history loads. */
  summaries: ReportSummary[] | null;
  progress: Progress | null;
  notices: Notice[];
  storage: StorageInfo | null;
  /** A database problem that blocks work (upgrade blocked by another tab…). */
  dbMessage: string | null;
  /** Version of the parser the workers run (null until known). */
  parserVersion: number | null;
  /** Hash of the report shown, or null for the list. */
  openHash: string | null;
}

let state: AppState = {
  summaries: null,
  progress: null,
  notices: [],
  storage: null,
  dbMessage: null,
  parserVersion: null,
  openHash: null,
};
const listeners = new Set<() => void>();

/** Current state. */
export function getState(): AppState {
  return state;
}

/** Subscribers are told at most this often: a 200-file batch changes the state several times per file. */
const NOTIFY_INTERVAL_MS = 60;
let notifyTimer: ReturnType<typeof setTimeout> | null = null;
let lastNotify = 0;

/** Merges a change into the state and tells the subscribers (coalesced, at most every 60 ms). */
export function setState(change: Partial<AppState> | ((s: AppState) => Partial<AppState>)): void {
  state = { ...state, ...(typeof change === 'function' ? change(state) : change) };
  if (notifyTimer !== null) return;
  const wait = Math.max(0, lastNotify + NOTIFY_INTERVAL_MS - Date.now());
  notifyTimer = setTimeout(() => {
    notifyTimer = null;
    lastNotify = Date.now();
    for (const l of listeners) l();
  }, wait);
}

/** Subscribes to state changes; returns the unsubscribe function. */
export function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Hook: re-renders the component on every state change. */
export function useAppState(): AppState {
  const [, force] = useState(0);
  useEffect(() => subscribe(() => force((n) => n + 1)), []);
  return state;
}

let nextNoticeId = 1;

/** Shows a message. */
export function notify(kind: Notice['kind'], text: string, details?: string[]): void {
  const notice: Notice = { id: nextNoticeId++, kind, text, ...(details && details.length ? { details } : {}) };
  setState((s) => ({ notices: [...s.notices, notice] }));
}

/** Hides a message. */
export function dismiss(id: number): void {
  setState((s) => ({ notices: s.notices.filter((n) => n.id !== id) }));
}
