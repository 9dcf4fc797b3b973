/**
 * .zip → the files inside it, for the pipeline to read one by one. Expands one level of nested zips,
 * skips system clutter, decodes Chinese Windows (GBK) names, and refuses zip bombs before inflating.
 */
import type { Unreadable } from './index.ts';
import { extractRecord, listZip, type ZipProblem, type ZipRecord } from './zip-format.ts';

/** One file inside a zip. */
export interface ZipEntry {
  /** Path inside the archive ('/'-separated; a nested zip's files are under `inner.zip/`). */
  path: string;
  /** The file's bytes (empty when `error` is set). */
  bytes: Uint8Array;
  /** Set when this one entry could not be extracted: the reason in Chinese, naming the entry. */
  error?: string;
}

/** Limits against zip bombs. */
export interface ZipLimits {
  /** Total uncompressed bytes of all entries, nested zips included. */
  maxTotal: number;
  /** Uncompressed bytes of one entry. */
  maxEntry: number;
  /** Entries in one archive. */
  maxEntries: number;
  /** Compression ratio refused for entries above `ratioFloor` bytes. */
  maxRatio: number;
  /** Entries smaller than this are not held to the ratio (small text compresses very well). */
  ratioFloor: number;
}

/** Default limits: generous for real report collections, far below what a bomb needs. */
export const ZIP_LIMITS: ZipLimits = {
  maxTotal: 500 * 1024 * 1024,
  maxEntry: 200 * 1024 * 1024,
  maxEntries: 10000,
  maxRatio: 100,
  ratioFloor: 1024 * 1024,
};

const MB = (n: number): string => `${Math.round(n / 1024 / 1024)} MB`;

/** Chinese wording of a low-level problem with the archive itself. */
function archiveReason(name: string, p: ZipProblem): string {
  switch (p) {
    case 'not-zip':
      return `文件「${name}」不是有效的 ZIP 压缩包。`;
    case 'truncated':
      return `压缩包「${name}」不完整（文件被截断或未下载完），无法解压。`;
    default:
      return `压缩包「${name}」已损坏，无法解压。`;
  }
}

/** Chinese wording of a problem with one entry. */
function entryReason(path: string, p: ZipProblem): string {
  switch (p) {
    case 'encrypted':
      return `压缩包中的文件「${path}」已加密（设有密码），无法解压。`;
    case 'method':
      return `压缩包中的文件「${path}」使用了不支持的压缩方式，请用常见的 ZIP（Deflate）格式重新压缩。`;
    case 'too-big':
      return `压缩包中的文件「${path}」解压后过大或与声明的大小不符，疑似压缩炸弹，已拒绝解压。`;
    case 'truncated':
      return `压缩包中的文件「${path}」不完整（压缩包被截断），无法解压。`;
    default:
      return `压缩包中的文件「${path}」已损坏（数据校验失败），无法解压。`;
  }
}

/** Cleans a stored name into a relative '/'-separated path, or null for entries to skip. */
export function entryPath(name: string): string | null {
  if (name.endsWith('/') || name.endsWith('\\')) return null;
  const parts = name.replace(/\\/g, '/').split('/').filter((s) => s !== '' && s !== '.' && s !== '..');
  if (parts.length === 0) return null;
  // macOS resource forks, hidden files and folders, Windows thumbnail caches.
  if (parts.some((s) => s === '__MACOSX' || s.startsWith('.'))) return null;
  const last = (parts[parts.length - 1] as string).toLowerCase();
  if (last === 'thumbs.db' || last === 'desktop.ini') return null;
  return parts.join('/');
}

/** Checks the declared sizes against the limits before anything is inflated. Returns a reason or null. */
function bombReason(name: string, records: ZipRecord[], limits: ZipLimits, budget: number): string | null {
  if (records.length > limits.maxEntries) return `压缩包「${name}」包含 ${records.length} 个条目，超过上限 ${limits.maxEntries} 个，已拒绝解压。`;
  let total = 0;
  for (const r of records) {
    total += r.size;
    if (r.size > limits.maxEntry) {
      return `压缩包「${name}」中的「${r.name}」解压后达 ${MB(r.size)}，超过单个文件上限 ${MB(limits.maxEntry)}，疑似压缩炸弹，已拒绝解压。`;
    }
    if (r.size > limits.ratioFloor && r.size > limits.maxRatio * Math.max(1, r.compressedSize)) {
      return `压缩包「${name}」中的「${r.name}」压缩比超过 ${limits.maxRatio}:1，疑似压缩炸弹，已拒绝解压。`;
    }
  }
  if (total > budget) return `压缩包「${name}」解压后共 ${MB(total)}，超过上限 ${MB(limits.maxTotal)}，疑似压缩炸弹，已拒绝解压。`;
  return null;
}

function isZipName(path: string): boolean {
  return path.toLowerCase().endsWith('.zip');
}

/**
 * Expands a zip into its files (nested zips one level deep, their files named `inner.zip/…`). Entries of
 * any type are returned; entries that fail on their own carry `error`. Never throws.
 */
export function expandZip(name: string, bytes: Uint8Array, limits: ZipLimits = ZIP_LIMITS): ZipEntry[] | Unreadable {
  try {
    const budget = { left: limits.maxTotal };
    return expand(name, bytes, limits, budget, 0);
  } catch (e) {
    return { unreadable: true, reason: `解压「${name}」时出错：${(e as Error).message}` };
  }
}

function expand(name: string, bytes: Uint8Array, limits: ZipLimits, budget: { left: number }, depth: number): ZipEntry[] | Unreadable {
  if (bytes.length === 0) return { unreadable: true, reason: `文件「${name}」是空文件（0 字节）。` };
  const records = listZip(bytes);
  if (typeof records === 'string') return { unreadable: true, reason: archiveReason(name, records) };
  const bomb = bombReason(name, records, limits, budget.left);
  if (bomb) return { unreadable: true, reason: bomb };
  const out: ZipEntry[] = [];
  for (const rec of records) {
    const path = entryPath(rec.name);
    if (path === null) continue;
    const full = `${name}/${path}`;
    const data = extractRecord(bytes, rec, Math.min(limits.maxEntry, budget.left));
    if (typeof data === 'string') {
      out.push({ path, bytes: new Uint8Array(0), error: entryReason(full, data) });
      continue;
    }
    budget.left -= data.length;
    if (!isZipName(path)) {
      out.push({ path, bytes: data });
      continue;
    }
    if (depth >= 1) {
      out.push({ path, bytes: new Uint8Array(0), error: `压缩包「${full}」嵌套超过两层，未解压；请先解压外层后再导入。` });
      continue;
    }
    const inner = expand(full, data, limits, budget, depth + 1);
    if ('unreadable' in inner) out.push({ path, bytes: new Uint8Array(0), error: inner.reason });
    else for (const e of inner) out.push({ ...e, path: `${path}/${e.path}` });
  }
  if (out.length === 0) return { unreadable: true, reason: `压缩包「${name}」中没有可读取的文件。` };
  return out;
}
