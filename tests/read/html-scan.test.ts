/**
 * Differential test of the HTML tokenizer against htmlparser2 12.0.0, which the reader used before and which
 * stays installed for this test. Two levels: the SourceDoc of readHtmlText (what counts) on every
 * HTML fixture and thousands of seeded mutations of them, and the event stream itself (adjacent text events
 * joined; all attributes, and the reader's few) on the same inputs and on random tag soup built to reach the
 * tokenizer's corners.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Parser } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import type { SourceDoc } from '../../src/model.ts';
import { prng } from '../fuzz/mutations.ts';
import { type HtmlHandler, scanHtml } from '../../src/read/html-scan.ts';
import { decodeHtml, READ_OPTIONS, readHtmlEvents, readHtmlText } from '../../src/read/html.ts';
import { extractMhtmlHtml } from '../../src/read/mhtml.ts';

const TESTS = join(import.meta.dirname, '..');

/** Every .html/.htm/.mht fixture, decoded as the reader decodes it (an .mht also as raw MIME text). */
function fixtures(): { name: string; html: string }[] {
  const out: { name: string; html: string }[] = [];
  const walk = (dir: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(dir, e.name);
      if (e.isDirectory()) walk(path);
      else if (/\.(html?|mht)$/i.test(e.name)) {
        const bytes = new Uint8Array(readFileSync(path));
        const name = path.slice(TESTS.length + 1);
        out.push({ name, html: decodeHtml(bytes).text });
        const part = e.name.endsWith('.mht') ? extractMhtmlHtml(bytes) : null;
        if (part) out.push({ name: `${name} (html part)`, html: decodeHtml(part.bytes, part.charset).text });
      }
    }
  };
  walk(join(TESTS, 'fixtures'));
  walk(join(TESTS, 'read', 'fixtures'));
  return out;
}

/** The reader driven by htmlparser2, as it was before the switch. */
function readWithHtmlparser2(html: string): SourceDoc {
  return readHtmlEvents((handler) => {
    const parser = new Parser(handler, { decodeEntities: true });
    parser.write(html);
    parser.end();
  });
}

/** The attributes the reader asks for, and the patterns some of their values must hold. */
const READ = READ_OPTIONS.attributes as ReadonlySet<string>;
const READ_FILTERS = READ_OPTIONS.filters as ReadonlyMap<string, RegExp>;

/** Events recorded from a tokenizer; adjacent text events joined, since the reader only concatenates them. */
type Event = [kind: 'open', name: string, attribs: Readonly<Record<string, string>>] | [kind: 'close' | 'text' | 'comment', data: string];

function record(tokenize: (h: HtmlHandler) => void): Event[] {
  const out: Event[] = [];
  let text = '';
  const flush = (): void => {
    if (text !== '') out.push(['text', text]);
    text = '';
  };
  tokenize({
    onopentag(name, attribs) {
      flush();
      out.push(['open', name, attribs]);
    },
    onclosetag(name) {
      flush();
      out.push(['close', name]);
    },
    ontext(data) {
      text += data;
    },
    oncomment(data) {
      flush();
      out.push(['comment', data]);
    },
  });
  flush();
  return out;
}

/** One line per event, attributes in order; only those in `only` whose value passes its filter when given. */
function show(events: Event[], only?: ReadonlySet<string>, filters?: ReadonlyMap<string, RegExp>): string[] {
  const keep = ([k, v]: [string, string]): boolean =>
    (only === undefined || only.has(k)) && (filters?.get(k)?.test(v) ?? true);
  return events.map((e) =>
    e[0] === 'open' ? `open ${e[1]} ${JSON.stringify(Object.entries(e[2]).filter(keep))}` : `${e[0]} ${JSON.stringify(e[1])}`,
  );
}

function referenceEvents(html: string): Event[] {
  return record((h) => {
    const parser = new Parser(h, { decodeEntities: true });
    parser.write(html);
    parser.end();
  });
}

/** Both tokenizers give the same events, with all attributes and with the reader's options (htmlparser2's filtered). */
function expectSameEvents(html: string, label: string): void {
  const reference = referenceEvents(html);
  expect(show(record((h) => scanHtml(html, h))), label).toEqual(show(reference));
  expect(show(record((h) => scanHtml(html, h, READ_OPTIONS))), `${label} (reader's options)`).toEqual(show(reference, READ, READ_FILTERS));
}

type Rand = () => number;
const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;

/** Fragments that reach the tokenizer's special cases: raw text, comments, CDATA, entities, odd tags. */
const NOISE = [
  '<', '&', '"', "'", '=', '/', '>', '</', '<!', '<!--', '-->', '--!>', '<!-->', '<![CDATA[', ']]>', '<?xml x?>',
  '<!doctype html>', '<![if !supportMisalignedColumns]>', '<![endif]>', '&amp;', '&amp', '&nbsp', '&nbsp;', '&not',
  '&notin;', '&noti', '&#', '&#x', '&#65;', '&#x4E2D;', '&#128;', '&#0;', '&#99999999;', '&lt', '&copy=', '&AMP;',
  '</td>', '</tr>', '</table>', '</p>', '</br>', '</form>', '<td>', '<tr>', '<table>', '<table><tr><td>', '<p>',
  '<br/>', '<form>', '<li>', '<option>', '<h1>', '<dd>', '<tbody>', '<td colspan=2 rowspan="3">', '<td colspan=x>',
  '<td rowspan=&#50;>', '<p hidden>', '<div style="display:none">', '<span style=\'mso-hide:all\'>', '<script>',
  '</script>', '<style>', '</style', '<title>', '<textarea>', '<xmp>', '<plaintext>', '<svg>', '<svg/>', '<math>',
  '<foreignObject>', '</foreignobject>', '<desc>', '<image>', '<pre>', '</pre>', '\r\n', '\n', '\u00a0', '\u200b',
  '\x1c/script>', '<a b c=d e="f" b=g>', '<A HREF=x>', '<TD>', '</TD >', '<td/>', '<br', '<td class=', '中文',
  '<p style="color:red">', '<p STYLE=\'Display: NONE\' style="display:none">', '<p style="x" style="mso-hide:all">',
  '<p style="display:&#110;one">', '<p style=mso-hide:all>', '<td style=\'nOnE\'>', '<p style', ' style="none',
  '<scripts>', '<SCRIPT >', '<Title/>', '<titles>', '<noframes>', '<noembed/>', '<iframe>', '<sty', '<p', '<span',
];

/** A seeded mutation of an HTML page, from the kinds listed in html-scan.md's guard 1. */
function mutateHtml(html: string, r: Rand): string {
  const at = (): number => Math.floor(r() * (html.length + 1));
  const kind = Math.floor(r() * 9);
  switch (kind) {
    case 0:
      return html.slice(0, at());
    case 1: {
      const a = at();
      return html.slice(0, a) + html.slice(Math.min(html.length, a + Math.floor(r() * 2000)));
    }
    case 2: {
      const a = at();
      const chunk = html.slice(a, a + Math.floor(r() * 3000));
      const b = at();
      return html.slice(0, b) + chunk + html.slice(b);
    }
    case 3: {
      // Shuffle fixed-size chunks.
      const size = 64 + Math.floor(r() * 4000);
      const chunks: string[] = [];
      for (let k = 0; k < html.length; k += size) chunks.push(html.slice(k, k + size));
      for (let k = chunks.length - 1; k > 0; k--) {
        const j = Math.floor(r() * (k + 1));
        [chunks[k], chunks[j]] = [chunks[j] as string, chunks[k] as string];
      }
      return chunks.join('');
    }
    case 4: {
      let out = html;
      for (let k = 0, n = 1 + Math.floor(r() * 30); k < n; k++) {
        const a = Math.floor(r() * (out.length + 1));
        out = out.slice(0, a) + pick(r, NOISE) + out.slice(a);
      }
      return out;
    }
    case 5:
      // Upper-case some tags.
      return html.replace(/<\/?[a-z][a-z0-9]*/g, (m) => (r() < 0.3 ? m.toUpperCase() : m));
    case 6: {
      // An unclosed comment, CDATA or raw-text element somewhere.
      const a = at();
      return html.slice(0, a) + pick(r, ['<!--', '<![CDATA[', '<script>', '<title>', '<textarea>', '<!', '<?']) + html.slice(a);
    }
    case 7: {
      // Nested tables and stray cell ends.
      let out = html;
      for (let k = 0, n = 1 + Math.floor(r() * 8); k < n; k++) {
        const a = Math.floor(r() * (out.length + 1));
        out = out.slice(0, a) + pick(r, ['<table><tr><td>', '</td>', '</tr>', '</table>', '<td>', '<tr>', '</td></td>']) + out.slice(a);
      }
      return out;
    }
    default: {
      // Flip single characters to markup characters.
      const chars = [...html];
      for (let k = 0, n = 1 + Math.floor(r() * 50); k < n && chars.length > 0; k++) {
        chars[Math.floor(r() * chars.length)] = pick(r, ['<', '>', '&', '"', "'", '/', '=', '-', '!', ' ', ';', '#']);
      }
      return chars.join('');
    }
  }
}

/** Tag soup from NOISE and short text, 1–40 pieces. */
function soup(r: Rand): string {
  let s = '';
  for (let k = 0, n = 1 + Math.floor(r() * 40); k < n; k++) s += r() < 0.7 ? pick(r, NOISE) : pick(r, ['a', 'x y', '1', ' ', '-', ';', '#', 'p', 'td']);
  return s;
}

const FIXTURES = fixtures();
const MUTATIONS_PER_FIXTURE = 250;

describe('html-scan against htmlparser2', () => {
  it('finds the HTML fixtures', () => {
    expect(FIXTURES.length).toBeGreaterThanOrEqual(12);
  });

  for (const f of FIXTURES) {
    it(`${f.name}: same SourceDoc, same events`, () => {
      expect(readHtmlText(f.html)).toEqual(readWithHtmlparser2(f.html));
      expectSameEvents(f.html, f.name);
    });
  }

  it(`${MUTATIONS_PER_FIXTURE} mutations of each fixture: same SourceDoc, same events`, () => {
    let compared = 0;
    for (const [k, f] of FIXTURES.entries()) {
      const r = prng(1000 + k);
      for (let n = 0; n < MUTATIONS_PER_FIXTURE; n++) {
        const html = mutateHtml(f.html, r);
        const label = `${f.name} mutation ${n}`;
        expect(readHtmlText(html), label).toEqual(readWithHtmlparser2(html));
        expectSameEvents(html, label);
        compared++;
      }
    }
    expect(compared).toBe(FIXTURES.length * MUTATIONS_PER_FIXTURE);
  }, 120_000);

  it('20,000 pieces of random tag soup: same events, same SourceDoc', () => {
    const r = prng(7);
    for (let n = 0; n < 20_000; n++) {
      const html = soup(r);
      expectSameEvents(html, JSON.stringify(html));
      expect(readHtmlText(html), JSON.stringify(html)).toEqual(readWithHtmlparser2(html));
    }
  }, 120_000);

  it('reports only the attributes asked for, and all of them otherwise', () => {
    const seen: Record<string, string>[] = [];
    const handler: HtmlHandler = { onopentag: (_n, a) => seen.push(a), onclosetag() {}, ontext() {}, oncomment() {} };
    const html = '<td Class=a colspan="2" COLSPAN=3 title=&amp;x hidden>';
    scanHtml(html, handler, { attributes: new Set(['colspan', 'hidden']) });
    scanHtml(html, handler);
    expect(seen).toEqual([
      { colspan: '2', hidden: '' },
      { class: 'a', colspan: '2', title: '&x', hidden: '' },
    ]);
  });

  it('reports a filtered attribute only when its value holds a match, the first of duplicates deciding', () => {
    const seen: Record<string, string>[] = [];
    const handler: HtmlHandler = { onopentag: (_n, a) => seen.push(a), onclosetag() {}, ontext() {}, oncomment() {} };
    const filters = new Map([['style', /none/i]]);
    const tags = [
      '<p style="color:red" title=x>', '<p style="display:NONE">', '<p style="color:red" style="display:none">',
      '<p style=\'x:n&#111;ne\'>', '<p style=x:none>', '<p style>', '<p style="a" id=none style="none">',
    ];
    for (const tag of tags) scanHtml(tag, handler, { filters });
    expect(seen).toEqual([
      { title: 'x' },
      { style: 'display:NONE' },
      {},
      { style: 'x:none' },
      { style: 'x:none' },
      {},
      { id: 'none' },
    ]);
    // A pattern that matches nothing keeps every value, the empty one included.
    seen.length = 0;
    scanHtml('<p title="" id=a><p title="ab">', handler, { filters: new Map([['title', /x*/]]) });
    expect(seen).toEqual([{ title: '', id: 'a' }, { title: 'ab' }]);
  });
});

describe('html-scan on hostile input', () => {
  const MB5 = 5 * 1024 * 1024;
  const UNITS = [
    '<', '&', '</', '<!--', '<a ', '<a b="', '&#', '&amp', '<td>', '</td>', '<p>', '<script>', '<![CDATA[', '<!-- --!',
    '<title>&', '<div></span>', '<svg><p></math>', '<form></form><form>', '<p style="a">', '<p style="none">',
    '<p style=\'',
  ];
  for (const unit of UNITS) {
    it(`5 MB of ${JSON.stringify(unit)} is read in well under a second, without throwing`, () => {
      const html = unit.repeat(Math.ceil(MB5 / unit.length));
      const t0 = performance.now();
      const doc = readHtmlText(html);
      expect(performance.now() - t0).toBeLessThan(1000);
      expect(doc.fileType).toBe('html');
    });
  }

  it('a tag with 100,000 distinct attributes, and a 5 MB value full of "&", are tokenized in linear time', () => {
    let count = 0;
    const handler: HtmlHandler = { onopentag: (_n, a) => (count += Object.keys(a).length), onclosetag() {}, ontext() {}, oncomment() {} };
    const names = Array.from({ length: 100_000 }, (_, k) => `a${k}=1`).join(' ');
    const t0 = performance.now();
    scanHtml(`<p ${names}>`, handler);
    scanHtml(`<p title="${'&'.repeat(MB5)}">`, handler);
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(count).toBe(100_001);
  });
});
