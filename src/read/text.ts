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
  // Splitting on the one character is much cheaper than the regex, and equal when there is no \r.
  const raw = text.includes('\r') ? text.split(LINE_BREAK) : text.split('\n');
  const lines: SourceLine[] = new Array(raw.length);
  for (let i = 0; i < raw.length; i++) lines[i] = { cells: splitLine(raw[i]!) };
  return { fileType, lines };
}
