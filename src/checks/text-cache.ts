/**
 * Per-report caches shared by the text checks, so the narrative is normalised once and each section is
 * fingerprinted once however many checks read it.
 */
import type { ParsedReport, Section } from '../model.ts';
import { buildProse, splitSentences, type Prose, type Sentence } from '../text/prose.ts';
import { fingerprint, type Fingerprint } from '../text/similarity.ts';

const PROSE = new WeakMap<ParsedReport, Prose>();
const PRINTS = new WeakMap<Section, Fingerprint>();
const SENTENCES = new WeakMap<Prose, Sentence[]>();

/** The report's narrative (table lines excluded), built once per report. */
export function proseOf(report: ParsedReport): Prose {
  let p = PROSE.get(report);
  if (!p) {
    p = buildProse(report.lines, new Set(report.tableLines));
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
    s = splitSentences(prose.text);
    SENTENCES.set(prose, s);
  }
  return s;
}
