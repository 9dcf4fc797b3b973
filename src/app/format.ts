/** Small Chinese formatters for the UI. */

/** 1536 → '1.5 KB'. */
export function formatBytes(n: number | null): string {
  if (n === null || !Number.isFinite(n)) return '未知';
  if (n < 1024) return `${n} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let v = n / 1024;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v < 10 ? v.toFixed(1) : Math.round(v)} ${units[i]}`;
}

/** 75_000 ms → '1分15秒'. */
export function formatElapsed(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  return s < 60 ? `${s}秒` : `${Math.floor(s / 60)}分${s % 60}秒`;
}

/** ms since epoch → '2026-11-22 08:41'. */
export function formatTime(ms: number): string {
  const d = new Date(ms);
  const p = (x: number) => String(x).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

/** Chinese names of the severities. */
export const SEVERITY_LABELS = { error: '错误', warning: '警告', info: '提示' } as const;

/** Chinese names of the formats. */
export function templateLabel(t: '2019' | '2021' | null | undefined): string {
  return t === '2019' ? '2019 试行格式' : t === '2021' ? '2021 格式' : '未识别';
}
