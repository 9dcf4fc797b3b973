/**
 * Caches of what is derived from one report (its prose, its cell scan, its sections' fingerprints), kept
 * only while that report is being checked.
 *
 * Not WeakMaps: V8's young-generation collector treats the keys of a WeakMap that has reached the old
 * generation as strong, so a per-report WeakMap cache kept every report's derived data alive through
 * every scavenge — copied, then promoted, then swept by a full collection — which was most of the
 * pipeline's garbage-collection time. Reports go through the checks one at a time: runChecks calls
 * `forgetReportCaches` when a report is done; asking about another report meanwhile just computes again.
 */

/** Every cache made by this module, emptied together by forgetReportCaches. */
const ALL: Array<{ clear(): void }> = [];

/** Empties every report cache: the report just checked is garbage by the next collection. */
export function forgetReportCaches(): void {
  for (const c of ALL) c.clear();
}

/** One value for the latest key (a report, or something that is one per report). */
export class Latest<K extends object, V> {
  private key: K | undefined;
  private value: V | undefined;

  constructor() {
    ALL.push(this);
  }

  /** The value kept for `key`, or undefined when the cache holds another key's (or nothing). */
  get(key: K): V | undefined {
    return key === this.key ? this.value : undefined;
  }

  /** Keeps `value` for `key`, dropping what was kept before. */
  set(key: K, value: V): void {
    this.key = key;
    this.value = value;
  }

  /** Drops what is kept. */
  clear(): void {
    this.key = undefined;
    this.value = undefined;
  }
}

/**
 * Values by object key, for keys that come several to a report (its sections). Also emptied when it
 * reaches `limit` entries, so it never grows with a batch whatever the caller.
 */
export class Recent<K extends object, V> {
  private readonly map = new Map<K, V>();

  constructor(private readonly limit = 64) {
    ALL.push(this);
  }

  /** The value kept for `key`, if still kept. */
  get(key: K): V | undefined {
    return this.map.get(key);
  }

  /** Keeps `value` for `key`. */
  set(key: K, value: V): void {
    if (this.map.size >= this.limit) this.map.clear();
    this.map.set(key, value);
  }

  /** Drops everything kept (an empty map is left alone: V8 allocates a new table on every clear). */
  clear(): void {
    if (this.map.size > 0) this.map.clear();
  }
}
