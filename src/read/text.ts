/** Plain text and markdown → SourceDoc: one SourceLine per text line, cells split on tabs or markdown pipes. */
import type { SourceCell, SourceDoc, SourceLine } from '../model.ts';

const PIPE_SEPARATOR = /^\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$/;

/** Splits one text line into cells. A markdown pipe row gives its cells; a separator row gives none. */
export function splitLine(line: string): SourceCell[] {
  const trimmed = line.trim();
  if (trimmed.startsWith('|') && trimmed.length > 1) {
    if (PIPE_SEPARATOR.test(trimmed)) return [];
    let inner = trimmed.slice(1);
    if (inner.endsWith('|')) inner = inner.slice(0, -1);
    return inner.split('|').map((t) => ({ text: t.trim() }));
  }
  if (line.trim() === '') return [];
  return line.split('\t').map((t) => ({ text: t.trim() }));
}

/** Reads decoded text into a SourceDoc. Line i of the file is SourceDoc.lines[i]. */
export function readText(text: string, fileType: 'txt' | 'md'): SourceDoc {
  const lines: SourceLine[] = text.split(/\r\n|\r|\n/).map((l) => ({ cells: splitLine(l) }));
  return { fileType, lines };
}
