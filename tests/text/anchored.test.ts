/**
 * anchoredMatches must return exactly the matches of a global exec loop. The patterns are the ones the
 * checks scan with it; the texts are generated from the characters those patterns care about, so matches,
 * near misses and overlapping candidates are all frequent.
 */
import { describe, expect, test } from 'vitest';
import { anchoredMatches, startedMatches, type Anchoring, type NotedChars } from '../../src/text/anchored.ts';
import { isMarkedChar } from '../../src/text/prose.ts';
import { LEAD_YEAR, LEAD_YEAR_ANCHORS } from '../../src/checks/copy.ts';
import { PRAISE, PRAISE_ANCHORS } from '../../src/checks/content.ts';
import {
  ALL_MAINTAINED, ALL_MAINTAINED_ANCHORS, NONE_CORRECTED, NONE_CORRECTED_ANCHORS,
  NO_REVIEWS, NO_REVIEWS_ANCHORS, NO_APPLICATIONS, NO_APPLICATIONS_STARTS,
} from '../../src/checks/narrative-scan.ts';

/** Deterministic pseudo-random text over an alphabet of characters and words (a fixed LCG). */
function randomText(seed: number, alphabet: string[], length: number): string {
  let s = seed;
  const next = () => (s = (Math.imul(s, 1103515245) + 12345) & 0x7fffffff) / 0x7fffffff;
  let text = '';
  const n = Math.floor(next() * length);
  for (let j = 0; j < n; j++) text += alphabet[Math.floor(next() * alphabet.length)];
  return text;
}

function globalMatches(text: string, sticky: RegExp, from: number): Array<[number, string[]]> {
  const re = new RegExp(sticky.source, 'g');
  re.lastIndex = from;
  const out: Array<[number, string[]]> = [];
  for (let m = re.exec(text); m; m = re.exec(text)) out.push([m.index, [...m]]);
  return out;
}

/** The offsets of the characters buildProse notes, as it would note them in a prose. */
function notedOf(text: string): NotedChars {
  const at: number[] = [];
  for (let i = 0; i < text.length; i++) if (isMarkedChar(text.charCodeAt(i))) at.push(i);
  return { at, has: isMarkedChar };
}

function agree(sticky: RegExp, how: Anchoring, alphabet: string[], length: number): void {
  for (let seed = 1; seed <= 1500; seed++) {
    const text = randomText(seed, alphabet, length);
    const from = seed % 7 === 0 ? seed % 5 : 0;
    const want = globalMatches(text, sticky, from);
    const got = anchoredMatches(text, sticky, how, from).map((m): [number, string[]] => [m.index, [...m]]);
    expect(got, JSON.stringify(text)).toEqual(want);
    // The anchors found among noted characters (as buildProse notes them) instead of by substring search.
    const noted = anchoredMatches(text, sticky, how, from, notedOf(text)).map((m): [number, string[]] => [m.index, [...m]]);
    expect(noted, JSON.stringify(text)).toEqual(want);
  }
}

describe('anchoredMatches', () => {
  test('finds the lead years of a global scan', () => {
    agree(LEAD_YEAR, LEAD_YEAR_ANCHORS, [...'\n。；（一)、.，1', '（一二三）', '(12)', '123.', '2023年', '2024年', '2023', '年', '度', '以来', '全年', '我', '共'], 30);
  });
  test('finds the self-praise of a global scan', () => {
    agree(PRAISE, PRAISE_ANCHORS, ['自评', '满分', '排名', '位居', '名列', '居', '全省', '市级', '同级', '系统内', '第一', '第', '一', '前茅', '。', '，', '的', '在'], 30);
  });
  test('finds the statements of no reviews of a global scan', () => {
    agree(NO_REVIEWS, NO_REVIEWS_ANCHORS, ['没有', '未发生', '未有', '无', '因', '行政', '复议', '诉讼', '。', '，', '\n', '的', '案件', '纠错'], 40);
  });
  test('finds the statements of all upheld of a global scan', () => {
    agree(ALL_MAINTAINED, ALL_MAINTAINED_ANCHORS, ['均', '全部', '全', '获', '被', '予以', '维持', '维', '持', '。'], 30);
  });
  test('finds the statements of none corrected of a global scan', () => {
    agree(NONE_CORRECTED, NONE_CORRECTED_ANCHORS, ['未', '发生', '出现', '有', '被', '复议', '纠错', '败诉', '。', '，', '\n', '的'], 40);
  });
  test('finds matches whose anchor sits at the farthest allowed distance', () => {
    const cases: Array<[RegExp, Anchoring, string[]]> = [
      [NONE_CORRECTED, NONE_CORRECTED_ANCHORS, ['未发生', '的', '纠错']],
      [NO_REVIEWS, NO_REVIEWS_ANCHORS, ['未发生因', '的', '复议']],
      [PRAISE, PRAISE_ANCHORS, ['位居系统内', '的', '第一']],
      [PRAISE, PRAISE_ANCHORS, ['自评', '的', '满分']],
      [ALL_MAINTAINED, ALL_MAINTAINED_ANCHORS, ['均予以', '', '维持']],
      [LEAD_YEAR, LEAD_YEAR_ANCHORS, ['。（一二三）', '', '2023年，']],
    ];
    for (const [re, how, [prefix, filler, anchor]] of cases) {
      for (let k = 0; k <= 30; k++) {
        const text = `甲${prefix}${filler!.repeat(k)}${anchor}乙`;
        const got = anchoredMatches(text, re, how).map((m): [number, string[]] => [m.index, [...m]]);
        expect(got, text).toEqual(globalMatches(text, re, 0));
        const noted = anchoredMatches(text, re, how, 0, notedOf(text)).map((m): [number, string[]] => [m.index, [...m]]);
        expect(noted, text).toEqual(globalMatches(text, re, 0));
      }
    }
  });
});

describe('startedMatches', () => {
  test('finds the statements of no applications of a global scan, from noted offsets or from every offset', () => {
    const alphabet = ['没有', '没', '未', '无', '收到', '受理', '任何', '公民', '申请', '申', '请', '的', '。', '，', '\n', '政府信息公开'];
    const none: NotedChars = { at: [], has: () => false }; // nothing noted: every offset is tried
    for (let seed = 1; seed <= 1500; seed++) {
      const text = randomText(seed, alphabet, 60);
      const from = seed % 7 === 0 ? seed % 5 : 0;
      const want = globalMatches(text, NO_APPLICATIONS, from);
      for (const noted of [notedOf(text), none]) {
        const got = startedMatches(text, NO_APPLICATIONS, NO_APPLICATIONS_STARTS, noted, from).map((m): [number, string[]] => [m.index, [...m]]);
        expect(got, JSON.stringify(text)).toEqual(want);
      }
    }
  });
});
