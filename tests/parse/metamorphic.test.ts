/**
 * Metamorphic tests: the same report printed in another layout must give the same cells. Each real text
 * report (seeds, corpus 05/06/08) is re-laid out (markdown pipes, real table rows, one cell per line, page
 * footers inside tables, full-width digits, stray spaces in labels) and read again.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { SourceDoc, SourceLine } from '../../src/model.ts';
import { parseReport } from '../../src/parse/index.ts';
import { readHtmlText } from '../../src/read/html.ts';
import { readText } from '../../src/read/text.ts';

const FILES = [
  'seeds/000_6e673f84b28b10ac.txt',
  'seeds/001_1289612543b54ddb.txt',
  'seeds/002_310a36c5978b6ada.txt',
  'seeds/003_8ed56d603b52b932.txt',
  'seeds/004_fd38466faf71b272.txt',
  'corpus/05-shanghai-govoffice-2025.md',
  'corpus/06-shanghai-stcsm-2024.md',
  'corpus/08-shuyang-county-2025.txt',
];

function cellsOf(doc: SourceDoc): Record<string, number | null> {
  const p = parseReport(doc);
  if ('notAReport' in p) throw new Error(p.reason);
  return Object.fromEntries(Object.entries(p.cells).map(([k, c]) => [k, c.value]));
}

const filled = (l: SourceLine) => l.cells.filter((c) => c.text.trim() !== '');
const isNumber = (t: string) => /^\s*-?\d[\d,.]*\s*$/.test(t);

/** Rows of two or more cells as markdown pipe rows (one table per run of rows). */
function toMarkdown(doc: SourceDoc): SourceDoc {
  const text = doc.lines.map((l) => (filled(l).length >= 2 ? `| ${filled(l).map((c) => c.text.trim()).join(' | ')} |` : l.cells.map((c) => c.text).join('\t'))).join('\n');
  return readText(text, 'md');
}

/** Rows of two or more cells as rows of a real (HTML/Word) table, empty layout cells dropped. */
function toRealTable(doc: SourceDoc): SourceDoc {
  let id = 0;
  let row = 0;
  let inTable = false;
  const lines = doc.lines.map((l): SourceLine => {
    const cells = filled(l);
    if (cells.length < 2) {
      if (cells.length > 0) inTable = false;
      return { cells: cells.map((c) => ({ text: c.text })) };
    }
    if (!inTable) {
      id++;
      row = 0;
      inTable = true;
    }
    return { cells: cells.map((c, col) => ({ text: c.text, col })), table: { id, row: row++ } };
  });
  return { fileType: 'html', lines };
}

/** Every cell on a line of its own (seed 001's layout). */
function onePerLine(doc: SourceDoc): SourceDoc {
  return { fileType: 'txt', lines: doc.lines.flatMap((l): SourceLine[] => (filled(l).length >= 2 ? filled(l).map((c) => ({ cells: [{ text: '' }, { text: c.text }] })) : [l])) };
}

/** A page footer line every seven lines. */
function withFooters(doc: SourceDoc): SourceDoc {
  return { fileType: 'txt', lines: doc.lines.flatMap((l, i): SourceLine[] => (i % 7 === 6 ? [l, { cells: [{ text: `— ${i} —` }] }] : [l])) };
}

/** Full-width digits in every number cell, and a stray space inside every label cell of a row. */
function fullWidthAndSpaces(doc: SourceDoc): SourceDoc {
  const wide = (t: string) => t.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
  return {
    fileType: 'txt',
    lines: doc.lines.map((l) => ({
      cells: l.cells.map((c) => {
        if (filled(l).length < 2) return c;
        if (isNumber(c.text)) return { text: wide(c.text) };
        return c.text.length > 4 ? { text: `${c.text.slice(0, 3)} ${c.text.slice(3)}` } : c;
      }),
    })),
  };
}

const esc = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The report written as an HTML page (rows of two or more cells as <table> rows) and read by the HTML reader. */
function throughHtml(doc: SourceDoc): SourceDoc {
  let html = '<html><body>';
  let open = false;
  for (const l of doc.lines) {
    const cells = filled(l);
    if (cells.length >= 2) {
      if (!open) html += '<table>';
      open = true;
      html += `<tr>${cells.map((c) => `<td>${esc(c.text)}</td>`).join('')}</tr>`;
      continue;
    }
    if (open && cells.length > 0) {
      html += '</table>';
      open = false;
    }
    if (cells.length > 0) html += `<p>${esc(cells[0].text)}</p>`;
  }
  return readHtmlText(`${html}${open ? '</table>' : ''}</body></html>`);
}

/** Long row labels wrapped: the first five characters stay on the row, the rest goes to the next line. */
function wrapLabels(doc: SourceDoc): SourceDoc {
  return {
    fileType: 'txt',
    lines: doc.lines.flatMap((l): SourceLine[] => {
      const cells = filled(l);
      const last = cells.findLastIndex((c) => !isNumber(c.text));
      if (cells.length < 3 || last < 0 || cells[last].text.length <= 8 || !isNumber(cells[last + 1]?.text ?? '')) return [l];
      const head = cells.map((c, i) => (i === last ? { text: c.text.slice(0, 5) } : { text: c.text }));
      return [{ cells: head }, { cells: [{ text: '' }, { text: cells[last].text.slice(5) }] }];
    }),
  };
}

/** Every third row of seven or more numbers loses its label to the line above (PDF-to-text, corpus 05/06). */
function detachLabels(doc: SourceDoc): SourceDoc {
  let n = 0;
  return {
    fileType: 'txt',
    lines: doc.lines.flatMap((l): SourceLine[] => {
      const cells = filled(l);
      const values = cells.filter((c) => isNumber(c.text));
      if (values.length < 7 || values.length === cells.length || n++ % 3 !== 1) return [l];
      const labels = cells.filter((c) => !isNumber(c.text));
      return [{ cells: [{ text: labels.map((c) => c.text).join('') }] }, { cells: values.map((c) => ({ text: c.text })) }];
    }),
  };
}

/** Pairs of rows print both labels first, then both rows of numbers (labels printed apart from values). */
function labelsAbovePairs(doc: SourceDoc): SourceDoc {
  const out: SourceLine[] = [];
  let held: { label: SourceLine; values: SourceLine } | null = null;
  let n = 0;
  for (const l of doc.lines) {
    const cells = filled(l);
    const values = cells.filter((c) => isNumber(c.text));
    const labels = cells.filter((c) => !isNumber(c.text));
    if (values.length < 7 || labels.length === 0 || n++ % 5 > 1) {
      if (held) out.push(held.label, held.values);
      held = null;
      out.push(l);
      continue;
    }
    const split = { label: { cells: [{ text: labels.map((c) => c.text).join('') }] }, values: { cells: values.map((c) => ({ text: c.text })) } };
    if (held) {
      out.push(held.label, split.label, held.values, split.values);
      held = null;
    } else held = split;
  }
  if (held) out.push(held.label, held.values);
  return { fileType: 'txt', lines: out };
}

const TRANSFORMS: Record<string, { f: (d: SourceDoc) => SourceDoc; seedsOnly?: boolean }> = {
  'markdown pipes': { f: toMarkdown },
  'real table rows': { f: toRealTable },
  'an HTML page through the HTML reader': { f: throughHtml },
  'one cell per line': { f: onePerLine, seedsOnly: true },
  'page footers inside tables': { f: withFooters },
  'row labels wrapped onto the next line': { f: wrapLabels },
  'labels detached from their numbers': { f: detachLabels },
  'two labels printed above both rows of numbers': { f: labelsAbovePairs },
  'full-width digits and stray spaces': { f: fullWidthAndSpaces },
};

describe.each(FILES)('%s read in other layouts', (file) => {
  const original = readText(readFileSync(`tests/fixtures/${file}`, 'utf8'), file.endsWith('.md') ? 'md' : 'txt');
  const expected = cellsOf(original);
  for (const [name, t] of Object.entries(TRANSFORMS)) {
    const changed = t.f(original);
    // A layout the file already has (seed 001 is one cell per line already) would test nothing.
    const same = JSON.stringify(changed.lines) === JSON.stringify(original.lines);
    it.skipIf(same || (t.seedsOnly && !file.startsWith('seeds/')))(name, () => {
      const got = cellsOf(changed);
      const diff = Object.keys({ ...expected, ...got }).filter((k) => got[k] !== expected[k]);
      expect(diff.map((k) => `${k}: ${expected[k]} → ${got[k]}`)).toEqual([]);
    });
  }
});
