/** Plain text and markdown → SourceDoc: one SourceLine per text line, cells split on tabs or markdown pipes. */
import type { SourceCell, SourceDoc, SourceLine } from '../model.ts';

const PIPE_SEPARATOR = /^\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$/;

/** Splits one text line into cells. A markdown pipe row gives its cells; a separator row gives none. */
export function splitLine(line: string): SourceCell[] {
  const trimmed = line.trim();
  if (trimmed === '') return [];
  if (trimmed.charCodeAt(0) === 0x7c /* | */ && trimmed.length > 1) {
    if (PIPE_SEPARATOR.test(trimmed)) return [];
    let inner = trimmed.slice(1);
    if (inner.endsWith('|')) inner = inner.slice(0, -1);
    return trimCells(inner.split('|'));
  }
  // Most lines are prose without a tab: one cell, already trimmed.
  if (!line.includes('\t')) return [{ text: trimmed }];
  return trimCells(line.split('\t'));
}

/** The parts as cells, each trimmed (a plain loop: this runs on every line of every text report). */
function trimCells(parts: string[]): SourceCell[] {
  const out: SourceCell[] = new Array(parts.length);
  for (let i = 0; i < parts.length; i++) out[i] = { text: parts[i]!.trim() };
  return out;
}

const LINE_BREAK = /\r\n|\r|\n/;

/** Reads decoded text into a SourceDoc. Line i of the file is SourceDoc.lines[i]. */
export function readText(text: string, fileType: 'txt' | 'md'): SourceDoc {
  if (text.includes('\r')) {
    const raw = text.split(LINE_BREAK);
    const lines: SourceLine[] = new Array(raw.length);
    for (let i = 0; i < raw.length; i++) lines[i] = { cells: splitLine(raw[i]!) };
    return { fileType, lines };
  }
  return { fileType, lines: scanLines(text) };
}

/**
 * The lines of text without '\r', each split into cells exactly as `splitLine` would, but by positions:
 * every cell is sliced out of the text once, already trimmed, with no string per line or per untrimmed
 * field and no array per split (this runs on every line of every text report).
 */
function scanLines(text: string): SourceLine[] {
  const lines: SourceLine[] = [];
  const n = text.length;
  // Position of the next tab at or after the current line (n when none): kept across lines, so finding
  // tabs stays linear however far apart they are.
  let tab = -1;
  let ls = 0;
  for (;;) {
    let le = text.indexOf('\n', ls);
    if (le < 0) le = n;
    if (tab < ls) {
      tab = text.indexOf('\t', ls);
      if (tab < 0) tab = n;
    }
    lines.push({ cells: lineCells(text, ls, le, tab) });
    if (le === n) break;
    ls = le + 1;
  }
  return lines;
}

/** The cells of the line [ls, le) of `text`; `tab` is the first tab at or after ls (n when none). */
function lineCells(text: string, ls: number, le: number, tab: number): SourceCell[] {
  let a = ls;
  let z = le;
  while (a < z && isTrimmed(text.charCodeAt(a))) a++;
  while (z > a && isTrimmed(text.charCodeAt(z - 1))) z--;
  if (a === z) return [];
  if (text.charCodeAt(a) === 0x7c /* | */ && z - a > 1) return pipeCells(text, a, z);
  if (tab >= le) return [{ text: text.slice(a, z) }];
  // Tab-separated fields of the untrimmed line (leading tabs give empty cells), each trimmed.
  return fieldCells(text, ls, tab, le, 0x09);
}

/**
 * The fields of [from, to) separated by the character `sep`, each trimmed; `first` is where the first
 * separator is (to when none).
 */
function fieldCells(text: string, from: number, first: number, to: number, sep: number): SourceCell[] {
  const out: SourceCell[] = [];
  let ps = from;
  let pe = first;
  for (;;) {
    let pa = ps;
    let pz = pe;
    while (pa < pz && isTrimmed(text.charCodeAt(pa))) pa++;
    while (pz > pa && isTrimmed(text.charCodeAt(pz - 1))) pz--;
    out.push({ text: text.slice(pa, pz) });
    if (pe === to) break;
    ps = pe + 1;
    pe = ps;
    while (pe < to && text.charCodeAt(pe) !== sep) pe++;
  }
  return out;
}

/**
 * A markdown pipe row [a, z) (trimmed, starting with '|', at least two characters) as `splitLine` splits
 * it: a separator row gives no cells; otherwise the leading pipe and one trailing pipe go, and the rest is
 * split on pipes, each cell trimmed.
 */
function pipeCells(text: string, a: number, z: number): SourceCell[] {
  // A separator row has ':' or '-' as its first character after the pipe and spaces: only then the regex.
  let k = a + 1;
  while (k < z && isTrimmed(text.charCodeAt(k))) k++;
  const c = text.charCodeAt(k);
  if ((c === 0x2d /* - */ || c === 0x3a) /* : */ && PIPE_SEPARATOR.test(text.slice(a, z))) return [];
  const to = text.charCodeAt(z - 1) === 0x7c ? z - 1 : z;
  let first = a + 1;
  while (first < to && text.charCodeAt(first) !== 0x7c) first++;
  return fieldCells(text, a + 1, first, to, 0x7c);
}

/** Exactly the characters `String.prototype.trim` removes (white space and line terminators). */
function isTrimmed(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}
