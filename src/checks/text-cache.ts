/**
 * Per-report caches shared by the text checks, so the narrative is normalised once and each section is
 * fingerprinted once however many checks read it.
 */
import type { FieldKey, ParsedReport, Section } from '../model.ts';
import { buildProse, proseSentences, type LineSet, type Prose, type Sentence } from '../text/prose.ts';
import { fingerprint, probablyContains, type Fingerprint } from '../text/similarity.ts';
import { SEC3_2019, SEC3_2021, sec2Keys, sec3Keys, sec4Keys } from '../spec/templates.ts';
import { Latest, Recent } from '../util/latest.ts';

/** Every field key of both formats, in printed order (2021 and 2019 rows merged, no duplicates). */
const ALL_KEYS: readonly FieldKey[] = [
  ...new Set([...sec2Keys('2021'), ...sec2Keys('2019'), ...sec3Keys(SEC3_2021), ...sec3Keys(SEC3_2019), ...sec4Keys()]),
];

// Latest / Recent, not WeakMaps: see src/util/latest.ts.
const PROSE = new Latest<ParsedReport, Prose>();
const TABLE_LINES = new Latest<ParsedReport, LineSet>();
const SCANS = new Latest<ParsedReport, CellScan>();
const PRINTS = new Recent<Section, Fingerprint>();
const SENTENCES = new Latest<Prose, Sentence[]>();
const PROBES = new Recent<Section, Map<Section, boolean>>();

/**
 * Stamps of the table lines of the latest tableLineSet, by line index: a line is a table line when its
 * stamp is the set's own. Reused (never cleared: each set has a new stamp), since a fresh flag array per
 * report is an off-heap allocation costing more than the lookups it serves.
 */
let lineStamps = new Int32Array(1024);
let lastStamp = 0;

/** The report's table-line indexes as a set, built once (stamps per line: cheaper than a Set of numbers). */
export function tableLineSet(report: ParsedReport): LineSet {
  let s = TABLE_LINES.get(report);
  if (!s) {
    const n = report.lines.length;
    if (n > lineStamps.length || lastStamp === 0x7fffffff) {
      lineStamps = new Int32Array(Math.max(n, 1024));
      lastStamp = 0;
    }
    const stamps = lineStamps;
    const stamp = ++lastStamp;
    const extra = new Set<number>(); // indexes outside the lines, if a parser ever reports one
    for (const i of report.tableLines) {
      if (i >= 0 && i < n && Number.isInteger(i)) stamps[i] = stamp;
      else extra.add(i);
    }
    const tableLines = report.tableLines;
    s = {
      // A set kept after another report's was built (its stamps overwritten) answers from the list.
      has: (i) =>
        stamp === lastStamp && stamps === lineStamps
          ? (i >= 0 && i < n && stamps[i] === stamp) || (extra.size > 0 && extra.has(i))
          : tableLines.includes(i),
    };
    TABLE_LINES.set(report, s);
  }
  return s;
}

/** What one pass over all cells finds: keys of blank cells and keys whose value is not a plain count. */
export interface CellScan {
  /** Keys whose value is null (blank or placeholder). */
  blanks: FieldKey[];
  /** Keys whose value is negative or fractional (amounts and 本年增/减 included; the checks filter). */
  unusual: FieldKey[];
  /** By key index (`keyIndexes`): 1 where the cell was read and holds a number. */
  isNumber: ArrayLike<number>;
  /** By key index: the number, where `isNumber` is 1. */
  numbers: ArrayLike<number>;
}

/** Index of each key of ALL_KEYS. */
const KEY_INDEX = new Map<FieldKey, number>(ALL_KEYS.map((k, i) => [k, i]));
const INDEXES = new WeakMap<readonly FieldKey[], Int32Array | null>();

/**
 * The indexes into a CellScan's arrays of a fixed list of keys (null when one is not a formats.md key),
 * worked out once per list: the arithmetic checks sum the same lists for every report.
 */
export function keyIndexes(keys: readonly FieldKey[]): Int32Array | null {
  let idx = INDEXES.get(keys);
  if (idx === undefined) {
    idx = new Int32Array(keys.length);
    for (let i = 0; i < keys.length; i++) {
      const k = KEY_INDEX.get(keys[i]!);
      if (k === undefined) {
        idx = null;
        break;
      }
      idx[i] = k;
    }
    INDEXES.set(keys, idx);
  }
  return idx;
}

/** The index into a CellScan's arrays of one key, or −1. */
export function keyIndex(key: FieldKey): number {
  return KEY_INDEX.get(key) ?? -1;
}

/** One pass over the report's cells (a large string-keyed record), shared by NUM-01 and NUM-03. */
export function cellScan(report: ParsedReport): CellScan {
  let scan = SCANS.get(report);
  if (!scan) {
    // Plain arrays: typed arrays this long live off the heap, and allocating one costs several times more.
    const isNumber = new Array<number>(ALL_KEYS.length).fill(0);
    const numbers = new Array<number>(ALL_KEYS.length).fill(0);
    scan = { blanks: [], unusual: [], isNumber, numbers };
    const cells = report.cells;
    // Look up the known keys rather than enumerate the record: enumerating a fresh large record costs
    // more than the lookups (the parser keys cells only by formats.md keys). The numbers are kept by
    // index, so the sums of the arithmetic checks need no second lookup.
    for (let i = 0; i < ALL_KEYS.length; i++) {
      const key = ALL_KEYS[i]!;
      const cell = cells[key];
      if (!cell) continue;
      const v = cell.value;
      if (v === null) scan.blanks.push(key);
      else {
        isNumber[i] = 1;
        numbers[i] = v;
        if (v < 0 || !Number.isInteger(v)) scan.unusual.push(key);
      }
    }
    SCANS.set(report, scan);
  }
  return scan;
}

/** The report's narrative (table lines excluded), built once per report. */
export function proseOf(report: ParsedReport): Prose {
  let p = PROSE.get(report);
  if (!p) {
    p = buildProse(report.lines, tableLineSet(report));
    PROSE.set(report, p);
  }
  return p;
}

/** A section's fingerprint (its `length` is the comparison-key length), computed once. */
export function sectionPrint(section: Section): Fingerprint {
  let p = PRINTS.get(section);
  if (!p) {
    p = fingerprint(section.text);
    PRINTS.set(section, p);
  }
  return p;
}

/** The sentences of a prose, split once. */
export function sentencesOf(prose: Prose): Sentence[] {
  let s = SENTENCES.get(prose);
  if (!s) {
    s = proseSentences(prose);
    SENTENCES.set(prose, s);
  }
  return s;
}

/**
 * `probablyContains(part.text, whole.text)`, probed once per pair of sections: CPY-03 and CON-01 both ask
 * whether section 五 is contained in section 一.
 */
export function sectionProbablyContains(part: Section, whole: Section): boolean {
  let byWhole = PROBES.get(part);
  if (!byWhole) PROBES.set(part, (byWhole = new Map()));
  let answer = byWhole.get(whole);
  if (answer === undefined) {
    answer = probablyContains(part.text, whole.text);
    byWhole.set(whole, answer);
  }
  return answer;
}
