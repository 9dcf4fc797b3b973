/**
 * buildProse normalises lines by code units (prose-units.ts) instead of normalizeLine's regex passes: the
 * two must agree exactly. The oracle below is the regex-based construction buildProse used before (lines
 * joined by U+0001, normalised in one normalizeLine call, split again), run on generated lines rich in the
 * characters the rules touch.
 */
import { describe, expect, test } from 'vitest';
import { buildProse, MARKED_CHARS, normalizeLine, proseSentences, sentenceMarks, splitSentences, wordSentenceMarks, type LineSet, type Prose } from '../../src/text/prose.ts';
import { mapUnit } from '../../src/text/prose-units.ts';

const NUMBERED_START = /^(?:[一二三四五六七八九十]+[、是]|[（(][一二三四五六七八九十\d]+[)）]|\d+[、.．]|#)/;
const PAGE_FOOTER = /^[\s\-—–_·\d第页共/]*$/;

/** The former buildProse, built on normalizeLine (the text and its line map). */
function oracle(lines: string[], skip: LineSet): Pick<Prose, 'text' | 'starts' | 'lineIdx'> {
  const kept: string[] = [];
  const keptIdx: number[] = [];
  lines.forEach((raw, i) => {
    if (skip.has(i) || (raw.length < 16 && PAGE_FOOTER.test(raw))) return;
    kept.push(raw.replaceAll('\u0001', ''));
    keptIdx.push(i);
  });
  const normalized = normalizeLine(kept.join('\u0001')).split('\u0001');
  let text = '';
  const starts: number[] = [];
  const lineIdx: number[] = [];
  let prev = '';
  normalized.forEach((norm, k) => {
    if (norm === '') return;
    if (text.length > 0) {
      const last = prev[prev.length - 1]!;
      const hardBreak = '。！？；：!?;:'.includes(last) || NUMBERED_START.test(norm) || (prev.length <= 24 && last !== '，' && last !== '、' && NUMBERED_START.test(prev));
      if (hardBreak) text += '\n';
    }
    starts.push(text.length);
    lineIdx.push(keptIdx[k]!);
    text += norm;
    prev = norm;
  });
  return { text, starts, lineIdx };
}

/** The text and line map of a prose (what the oracle builds). */
const lineMap = ({ text, starts, lineIdx }: Prose) => ({ text, starts, lineIdx });
/** Sentences as plain data. */
const sentencesOf = (list: Array<{ text: string; start: number; end: number }>) => list.map(({ text, start, end }) => ({ text, start, end }));

/** Every character buildProse notes. */
const MARKED = new RegExp(`[${MARKED_CHARS}]`, 'g');

const ALPHABET = [...'一二三是、（）()0123456789,,,.．。；;:：!?！？ \t\u3000\u00a0*#|`\u0001件起宗年申请ａ１Ｚ，-—第页共/\ufeff', '\ud800'];

/** Deterministic pseudo-random lines (a fixed LCG: the test reads the same lines on every run). */
function randomLines(seed: number): string[] {
  let s = seed;
  const next = () => (s = (Math.imul(s, 1103515245) + 12345) & 0x7fffffff) / 0x7fffffff;
  return Array.from({ length: Math.floor(next() * 12) }, () => {
    let line = '';
    const len = Math.floor(next() * (next() < 0.3 ? 40 : 12));
    for (let j = 0; j < len; j++) line += ALPHABET[Math.floor(next() * ALPHABET.length)];
    return line;
  });
}

describe('buildProse by code units', () => {
  test('maps every BMP code unit as normalizeLine does (commas aside: they depend on their neighbours)', () => {
    const wrong: number[] = [];
    for (let c = 0; c < 0x10000; c++) {
      if (c === 0x2c) continue;
      const m = mapUnit(c);
      if (normalizeLine(String.fromCharCode(c)) !== (m < 0 ? '' : String.fromCharCode(m))) wrong.push(c);
    }
    expect(wrong).toEqual([]);
  });

  test('gives the former regex-based prose for generated lines', () => {
    for (let seed = 1; seed <= 3000; seed++) {
      const lines = randomLines(seed);
      const skip = new Set(lines.map((_, i) => i).filter((i) => (i * 7 + seed) % 5 === 0));
      const prose = buildProse(lines, skip);
      expect(lineMap(prose), JSON.stringify(lines)).toEqual(oracle(lines, skip));
      expect(sentencesOf(proseSentences(prose)), JSON.stringify(lines)).toEqual(sentencesOf(splitSentences(prose.text)));
      expect([...prose.marks], JSON.stringify(lines)).toEqual([...prose.text.matchAll(MARKED)].map((m) => m.index));
    }
  });

  test('marks the sentences holding a word as sentenceMarks does, from the marks or by search', () => {
    let holding = 0;
    for (let seed = 1; seed <= 3000; seed++) {
      const lines = randomLines(seed);
      const prose = buildProse(lines, new Set());
      const sentences = proseSentences(prose);
      for (const word of ['申请', '一是', '件起']) {
        const want = sentenceMarks(prose.text, sentences, new RegExp(word, 'g'));
        expect(wordSentenceMarks(prose, sentences, word), `${word} ${JSON.stringify(lines)}`).toEqual(want);
        holding += want.filter((m) => m === 1).length;
      }
    }
    expect(holding).toBeGreaterThan(100);
  });

  test('keeps thousands separators and converts other commas', () => {
    expect(buildProse(['共1,295件,其中1,2345件', '1,234'], new Set()).text).toBe('共1,295件，其中1，2345件1,234');
  });

  test('handles prose longer than its first buffer', () => {
    const lines = Array.from({ length: 3000 }, (_, i) => `（${i % 10}）第${i}条，1,234件; 测试 ${'x'.repeat(i % 50)}`);
    const prose = buildProse(lines, new Set());
    expect(lineMap(prose)).toEqual(oracle(lines, new Set()));
    expect(sentencesOf(proseSentences(prose))).toEqual(sentencesOf(splitSentences(prose.text)));
  });
});

describe('page footers', () => {
  test('a line is dropped as a footer whatever its first code unit', () => {
    // Footer-shaped lines starting with every BMP code unit: buildProse agrees with the footer regex.
    const PAGE_FOOTER_RE = /^[\s\-—–_·\d第页共/]*$/;
    const wrong: number[] = [];
    for (let c = 0; c < 0x10000; c++) {
      const line = `${String.fromCharCode(c)}3页`;
      const kept = buildProse(['正文。', line], new Set()).lineIdx.includes(1);
      if (kept === PAGE_FOOTER_RE.test(line) && normalizeLine(line) !== '') wrong.push(c);
    }
    expect(wrong).toEqual([]);
  });
});
