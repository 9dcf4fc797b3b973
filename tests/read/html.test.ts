import { describe, expect, it } from 'vitest';
import type { SourceDoc } from '../../src/model.ts';
import { collapseHtmlSpace, decodeHtml, declaredCharset, readHtml, readHtmlText } from '../../src/read/html.ts';
import { sec3Keys, sec3Rows, sec4Keys } from '../../src/spec/templates.ts';
import { fixture, readFixture, tableRows, tableWith } from './helpers.ts';

interface Truth {
  meta: { template: '2019' | '2021' };
  cells: Record<string, number | null>;
}

function truth(name: string): Truth {
  return JSON.parse(new TextDecoder().decode(fixture(`corpus/truth/${name}.json`))) as Truth;
}

/** Cell text as a truth value: '' is a blank (null), anything else a number. */
function valueOf(text: string): number | null {
  return text === '' ? null : Number(text);
}

/**
 * Table 三's data rows hold their 7 values in the last 7 cells, at grid columns 3…9 (after the label
 * columns). Returns field key → value as read, for every data row in printed order.
 */
function readSec3(doc: SourceDoc, template: '2019' | '2021'): Record<string, number | null> {
  const rows = tableRows(doc, tableWith(doc, '本年新收')).filter((l) => l.cells.length >= 8 && (l.cells.at(-7)?.col ?? 0) === 3);
  const keys = sec3Keys(sec3Rows(template));
  const values = rows.flatMap((l) => l.cells.slice(-7).map((c) => valueOf(c.text)));
  return Object.fromEntries(keys.map((k, i) => [k, values[i] as number | null]));
}

/** Table 四's one data row: 15 cells at columns 0…14. */
function readSec4(doc: SourceDoc): Record<string, number | null> {
  const rows = tableRows(doc, tableWith(doc, '行政复议'));
  const data = rows.at(-1)?.cells ?? [];
  return Object.fromEntries(sec4Keys().map((k, i) => [k, valueOf(data[i]?.text ?? 'missing')]));
}

function pick(cells: Record<string, number | null>, prefix: string): Record<string, number | null> {
  return Object.fromEntries(Object.entries(cells).filter(([k]) => k.startsWith(prefix)));
}

describe('readHtml on the corpus', () => {
  for (const name of ['01-shanghai-govoffice-2019', '07-shuyang-drc-2023']) {
    it(`${name}: table 三 and 四 cells equal the truth, blanks as ''`, () => {
      const t = truth(name);
      const doc = readHtml(fixture(`corpus/${name}.html`));
      const sec3 = readSec3(doc, t.meta.template);
      expect(Object.keys(sec3)).toHaveLength(t.meta.template === '2019' ? 23 * 7 : 25 * 7);
      expect(sec3).toEqual(pick(t.cells, 'sec3.'));
      expect(readSec4(doc)).toEqual(pick(t.cells, 'sec4.'));
    });
  }

  it('01: the 予以公开 row has its label cells, then exactly 7 value cells', () => {
    const doc = readHtml(fixture('corpus/01-shanghai-govoffice-2019.html'));
    const row = doc.lines.find((l) => l.table && l.cells.some((c) => c.text === '（一）予以公开'));
    expect(row?.cells.map((c) => c.text)).toEqual(['三、本年度办理结果', '（一）予以公开', '258', '12', '', '', '1', '1', '']);
    expect(row?.cells.map((c) => c.col)).toEqual([0, 1, 3, 4, 5, 6, 7, 8, 9]);
    expect(row?.cells[0]).toMatchObject({ rowSpan: 20 });
    expect(row?.cells[1]).toMatchObject({ colSpan: 2 });
    // The next row's first physical cell sits under the rowspan, at column 1, and is not duplicated.
    const next = doc.lines[doc.lines.indexOf(row as (typeof doc.lines)[number]) + 1];
    expect(next?.cells[0]).toMatchObject({ text: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', col: 1 });
    expect(next?.cells).toHaveLength(9 - 1);
  });

  it('01: table 二 keeps the printed colspans (values under other spans than the header)', () => {
    const doc = readHtml(fixture('corpus/01-shanghai-govoffice-2019.html'));
    const license = doc.lines.find((l) => l.table && l.cells[0]?.text === '行政许可');
    expect(license?.cells.map((c) => [c.text, c.col, c.colSpan ?? 1])).toEqual([
      ['行政许可', 0, 1],
      ['0', 1, 2],
      ['0', 3, 1],
      ['0', 4, 1],
    ]);
    const procurement = doc.lines.find((l) => l.table && l.cells[0]?.text === '政府集中采购');
    expect(procurement?.cells.map((c) => c.text)).toEqual(['政府集中采购', '6', '251000元']);
  });

  it('07: Word-exported spans join without spaces; the page keeps its reading order', () => {
    const doc = readHtml(fixture('corpus/07-shuyang-drc-2023.html'));
    const texts = doc.lines.map((l) => l.cells.map((c) => c.text).join('\t'));
    const at = (s: string): number => texts.findIndex((t) => t === s);
    // `三`+`、本`+`年`+`度`… and `一`+`、本年新收…` are separate spans in the source.
    expect(texts).toContain('三、收到和处理政府信息公开申请情况');
    expect(texts.some((t) => t.startsWith('一、本年新收政府信息公开申请数量\t26'))).toBe(true);
    // The saver's header, then the site's metadata table, then the report, in order.
    expect(at('标题：沭阳县发展和改革局2023年政府信息公开年度报告-沭阳县发改局')).toBe(0);
    const meta = texts.findIndex((t) => t.startsWith('索引号\t'));
    expect(meta).toBeGreaterThan(0);
    expect(at('一、总体情况')).toBeGreaterThan(meta);
    expect(at('二、主动公开政府信息情况')).toBeGreaterThan(at('一、总体情况'));
    expect(at('六、其他需要报告的事项')).toBeGreaterThan(at('五、存在的主要问题及整改措施'));
    // Nothing of the <head>, scripts or styles leaks in.
    expect(texts.some((t) => t.includes('websiteId') || t.includes('font-family') || t.includes('border-collapse'))).toBe(false);
    // A cell of two <p>s keeps them apart with a newline; <o:p> </o:p> cells are blank.
    expect(texts.some((t) => t.includes('商业\n企业'))).toBe(true);
    expect(doc.lines.filter((l) => l.table).length).toBeGreaterThan(40);
  });
});

describe('HTML encodings', () => {
  it('reads a GBK page without a declaration (01 re-encoded with iconv) like the UTF-8 original', () => {
    const gbk = readFixture('01-shanghai-govoffice-2019.gbk.html');
    expect(decodeHtml(gbk).encoding).toBe('gb18030');
    expect(readHtml(gbk).lines).toEqual(readHtml(fixture('corpus/01-shanghai-govoffice-2019.html')).lines);
  });

  it('reads a GBK page declared by <meta http-equiv> (07 re-encoded) like the UTF-8 original', () => {
    const gbk = readFixture('07-shuyang-drc-2023.gbk.html');
    expect(declaredCharset(gbk)).toBe('gbk');
    const doc = readHtml(gbk);
    expect(doc.notes).toBeUndefined();
    expect(doc.lines).toEqual(readHtml(fixture('corpus/07-shuyang-drc-2023.html')).lines);
  });

  it('falls back to GB18030 with a note when a page declares UTF-8 but is GBK', () => {
    const html = '<meta charset="utf-8"><p>二、主动公开政府信息情况</p>';
    const bytes = new Uint8Array([...new TextEncoder().encode('<meta charset="utf-8"><p>'), ...gbkOf('二、主动公开'), ...new TextEncoder().encode('</p>')]);
    const doc = readHtml(bytes);
    expect(doc.lines[0]?.cells[0]?.text).toBe('二、主动公开');
    expect(doc.notes?.[0]).toContain('utf-8');
    expect(readHtml(new TextEncoder().encode(html)).notes).toBeUndefined();
  });

  it('honours a UTF-8 BOM and reads valid UTF-8 despite a stale GBK declaration', () => {
    const body = '<meta charset="gb2312"><p>总体情况</p>';
    expect(readHtml(new TextEncoder().encode(body)).lines[0]?.cells[0]?.text).toBe('总体情况');
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('<p>总体</p>')]);
    expect(readHtml(bom).lines[0]?.cells[0]?.text).toBe('总体');
  });
});

/** GBK bytes of a few known characters (from the GBK code table), to avoid an encoder dependency. */
function gbkOf(s: string): number[] {
  const table: Record<string, number[]> = {
    二: [0xb6, 0xfe],
    '、': [0xa1, 0xa2],
    主: [0xd6, 0xf7],
    动: [0xb6, 0xaf],
    公: [0xb9, 0xab],
    开: [0xbf, 0xaa],
  };
  return [...s].flatMap((c) => table[c] ?? []);
}

describe('HTML structure', () => {
  const cellsOf = (html: string): string[][] => readHtmlText(html).lines.map((l) => l.cells.map((c) => c.text));

  it('decodes entities, drops script/style/comments/title/hidden text', () => {
    const doc = cellsOf(
      '<html><head><title>T</title><style>p{}</style><script>var a="<p>x</p>";</script></head><body>' +
        '<!-- comment --><p>A&nbsp;&amp;&nbsp;B</p><p style="display:none">hidden</p><span style="mso-hide:all">h2</span>' +
        '<noscript>请启用</noscript><p>&#20108;&#x3001;</p></body></html>',
    );
    expect(doc).toEqual([['A & B'], ['二、']]);
  });

  it('hidden void elements do not swallow the rest of the page', () => {
    expect(cellsOf('<p>前<img hidden src=x><br style="display:none"><input type=hidden>后</p><p>下一段</p>')).toEqual([['前后'], ['下一段']]);
  });

  it('ends lines at blocks and <br>, joins inline runs without spaces', () => {
    expect(cellsOf('<div>一<span>、</span><font>总</font><o:p></o:p>体情况<br>第二行<p>段落</p>尾</div>')).toEqual([
      ['一、总体情况'],
      ['第二行'],
      ['段落'],
      ['尾'],
    ]);
  });

  it('drops a source line break between CJK characters but keeps spaces between words and nbsp', () => {
    expect(collapseHtmlSpace('本年\n  新收')).toBe('本年新收');
    expect(collapseHtmlSpace('2023 年')).toBe('2023 年');
    expect(collapseHtmlSpace('年报\n  \u00a0\u00a0其他')).toBe('年报 其他');
    expect(collapseHtmlSpace('a\nb')).toBe('a b');
    expect(collapseHtmlSpace('2\u200b6&\u00ad')).toBe('26&');
  });

  it('collapses whitespace as its plain definition says, on 50,000 random strings of spaces, CJK and invisibles', () => {
    const isCjkCode = (c: number): boolean => (c >= 0x2e80 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xff00 && c <= 0xffef);
    // Invisible characters out; each whitespace run one space, or nothing for a typed line break (no nbsp)
    // between two CJK characters; then trimmed.
    const definition = (raw: string): string => {
      const s = raw.replace(/[\u00ad\u200b-\u200d\u2060\ufeff]/g, '');
      return s
        .replace(/[ \t\n\r\f\u00a0]+/g, (run: string, at: number) => {
          const end = at + run.length;
          const cjkBreak = /[\n\r]/.test(run) && !run.includes('\u00a0') && at > 0 && end < s.length;
          return cjkBreak && isCjkCode(s.charCodeAt(at - 1)) && isCjkCode(s.charCodeAt(end)) ? '' : ' ';
        })
        .trim();
    };
    const alphabet = ['a', '1', '中', '。', '（', ' ', '\t', '\n', '\r', '\f', '\u00a0', '\u200b', '\ufeff', '\u00ad', '\u2060', '\u3000', '\u2003'];
    let seed = 1;
    const next = (): number => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
    for (let n = 0; n < 50_000; n++) {
      let s = '';
      for (let k = Math.floor(next() * 14); k > 0; k--) s += alphabet[Math.floor(next() * alphabet.length)];
      expect(collapseHtmlSpace(s), JSON.stringify(s)).toBe(definition(s));
    }
  });

  it('places cells on the grid after rowspans and colspans, without duplicating spanned text', () => {
    const doc = readHtmlText(
      '<table><tr><td rowspan="2">A</td><td colspan="2">B</td></tr><tr><td>C</td><td>&nbsp;</td></tr>' +
        '<tr><td>D</td><td>E</td><td>F</td></tr></table>',
    );
    expect(doc.lines.map((l) => l.cells.map((c) => [c.text, c.col, c.colSpan ?? 1, c.rowSpan ?? 1]))).toEqual([
      [
        ['A', 0, 1, 2],
        ['B', 1, 2, 1],
      ],
      [
        ['C', 1, 1, 1],
        ['', 2, 1, 1],
      ],
      [
        ['D', 0, 1, 1],
        ['E', 1, 1, 1],
        ['F', 2, 1, 1],
      ],
    ]);
    expect(doc.lines.map((l) => l.table)).toEqual([
      { id: 0, row: 0 },
      { id: 0, row: 1 },
      { id: 0, row: 2 },
    ]);
  });

  it('clamps a rowspan that reaches past the end of the table', () => {
    const doc = readHtmlText('<table><tr><td rowspan="9">A</td><td>1</td></tr><tr><td>2</td></tr></table>');
    expect(doc.lines[0]?.cells[0]?.rowSpan).toBe(2);
  });

  it('reads layout tables (holding tables, or one column) as text, and the nested tables as tables', () => {
    const doc = readHtmlText(
      '<table><tr><td>导航</td><td><p>二、主动公开</p><table><tr><td>规章</td><td>1</td></tr></table><p>三、收到</p></td></tr></table>' +
        '<table><tr><td>x</td><td>2</td></tr></table><table><tr><td><p>一、总体情况</p><p>正文</p></td></tr></table>',
    );
    expect(doc.lines.map((l) => [l.cells.map((c) => c.text).join('|'), l.table?.id ?? null])).toEqual([
      ['导航', null],
      ['二、主动公开', null],
      ['规章|1', 0],
      ['三、收到', null],
      ['x|2', 1],
      ['一、总体情况', null],
      ['正文', null],
    ]);
  });

  it("drops Word's hidden column-width row but keeps list numbers shown in <![if !supportLists]>", () => {
    const doc = readHtmlText(
      '<table><tr><td>规章</td><td>0</td></tr><![if !supportMisalignedColumns]><tr height=0><td width=10></td><td width=20></td></tr><![endif]></table>' +
        '<p><![if !supportLists]><span>1.</span><![endif]>属于国家秘密</p>',
    );
    expect(doc.lines.map((l) => l.cells.map((c) => c.text))).toEqual([['规章', '0'], ['1.属于国家秘密']]);
  });

  it('survives tables nested thousands deep (deeper ones read as paragraphs), fast', () => {
    const started = Date.now();
    const html = '<table><tr><td>'.repeat(5000) + '深处' + '</td></tr></table>'.repeat(5000);
    const doc = readHtmlText(html);
    expect(doc.lines.map((l) => l.cells.map((c) => c.text).join('|'))).toEqual(['深处']);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('handles th cells, captions, unclosed cells and rows, and <pre>', () => {
    const doc = readHtmlText('<table><caption>表一</caption><tr><th>项目<td>数量<tr><td>规章<td>3</table><pre>a\n  b</pre>');
    expect(doc.lines.map((l) => l.cells.map((c) => c.text))).toEqual([['表一'], ['项目', '数量'], ['规章', '3'], ['a'], ['b']]);
  });
});
