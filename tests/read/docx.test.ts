import { describe, expect, it } from 'vitest';
import { readDocx, readDocumentXml } from '../../src/read/docx.ts';
import { formatNumber } from '../../src/read/docx-numbering.ts';
import { readHtml } from '../../src/read/html.ts';
import { readText } from '../../src/read/text.ts';
import { fixture, makeZip, ok, readFixture, tableCount, tableSignature } from './helpers.ts';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const doc = (body: string): string => `<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${body}</w:body></w:document>`;
const p = (text: string): string => `<w:p><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
const tc = (inner: string, pr = ''): string => `<w:tc><w:tcPr>${pr}</w:tcPr>${inner}</w:tc>`;
const cellsOf = (xml: string): [string, number | undefined, number, number][][] =>
  readDocumentXml(xml).lines.map((l) => l.cells.map((c) => [c.text, c.col, c.colSpan ?? 1, c.rowSpan ?? 1]));

describe('readDocx on real converted reports', () => {
  for (const name of ['01-shanghai-govoffice-2019', '07-shuyang-drc-2023']) {
    it(`${name}: every table cell of the .docx equals the HTML's (text, column, spans)`, () => {
      const html = readHtml(fixture(`corpus/${name}.html`));
      const docx = ok(readDocx(`${name}.from-html.docx`, fixture(`corpus/${name}.from-html.docx`)));
      expect(tableCount(docx)).toBe(name.startsWith('01') ? 3 : 4);
      expect(tableSignature(docx)).toEqual(tableSignature(html));
      // Blank cells stay blank ('' cells, not dropped).
      expect(docx.lines.filter((l) => l.table).flatMap((l) => l.cells).filter((c) => c.text === '').length).toBeGreaterThan(50);
    });
  }

  it('07: the paragraphs outside tables match the HTML too, in order', () => {
    const text = (lines: { cells: { text: string }[]; table?: unknown }[]): string[] => lines.filter((l) => !l.table).map((l) => l.cells.map((c) => c.text).join('\t'));
    const html = readHtml(fixture('corpus/07-shuyang-drc-2023.html'));
    const docx = ok(readDocx('07.docx', fixture('corpus/07-shuyang-drc-2023.from-html.docx')));
    expect(text(docx.lines)).toEqual(text(html.lines));
  });

  it('07 edited by hand (tracked change, content controls, placeholder, deleted paragraph, text box): accepted text', () => {
    const original = ok(readDocx('07.docx', fixture('corpus/07-shuyang-drc-2023.from-html.docx')));
    const edited = ok(readDocx('07.edited.docx', readFixture('07-shuyang-drc-2023.edited.docx')));
    // w:del 25 / w:ins 26, the sdt-wrapped value and the placeholder cell read exactly as the original.
    expect(tableSignature(edited)).toEqual(tableSignature(original));
    const texts = edited.lines.map((l) => l.cells.map((c) => c.text).join('\t'));
    expect(texts.join('\n')).not.toContain('25\t');
    expect(texts.join('\n')).not.toContain('单击或点击此处输入文字');
    expect(texts.join('\n')).not.toContain('已删除段落');
    expect(texts).toContain('一、总体情况');
    // The text box is read once (its VML fallback copy is skipped), just before its anchor paragraph.
    expect(texts.filter((t) => t === '（测试用文本框）')).toHaveLength(1);
    expect(texts.indexOf('（测试用锚点）')).toBe(texts.indexOf('（测试用文本框）') + 1);
    expect(texts.indexOf('六、其他需要报告的事项')).toBe(texts.indexOf('（测试用锚点）') + 1);
  });

  it('seed 004 converted from .txt by LibreOffice: tab-separated paragraphs read like the text reader', () => {
    const docx = ok(readDocx('004.docx', readFixture('004_fd38466faf71b272.from-txt.docx')));
    const txt = readText(new TextDecoder().decode(fixture('seeds/004_fd38466faf71b272.txt')), 'txt');
    const norm = (lines: { cells: { text: string }[] }[]): string[] =>
      lines.map((l) => l.cells.map((c) => c.text.replace(/[ \u00a0]+/g, ' ')).join('\t').trim()).filter((s) => s !== '');
    expect(norm(docx.lines)).toEqual(norm(txt.lines));
    expect(docx.lines.some((l) => l.cells.length >= 8)).toBe(true);
  });
});

describe('altChunk (a document embedded in the .docx, as web systems export)', () => {
  it('reads an embedded HTML report (01) in place, its tables numbered after the Word tables', () => {
    const enc = new TextEncoder();
    const rels =
      '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="htmlChunk1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/aFChunk" Target="afchunk.htm"/></Relationships>';
    const body = `<w:tbl><w:tr>${tc(p('封面'))}${tc(p('表'))}</w:tr></w:tbl>${p('前言')}<w:altChunk r:id="htmlChunk1"/>${p('附记')}`;
    const xmlDoc = doc(body).replace('<w:document ', '<w:document xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" ');
    const html = fixture('corpus/01-shanghai-govoffice-2019.html');
    const zip = makeZip([
      { name: '[Content_Types].xml', data: enc.encode('<Types/>') },
      { name: 'word/document.xml', data: enc.encode(xmlDoc) },
      { name: 'word/_rels/document.xml.rels', data: enc.encode(rels) },
      { name: 'word/afchunk.htm', data: html },
    ]);
    const d = ok(readDocx('chunk.docx', zip));
    const embedded = readHtml(html).lines.map((l) => (l.table ? { ...l, table: { id: l.table.id + 1, row: l.table.row } } : l));
    expect(d.lines).toEqual([{ cells: [{ text: '封面', col: 0 }, { text: '表', col: 1 }], table: { id: 0, row: 0 } }, { cells: [{ text: '前言' }] }, ...embedded, { cells: [{ text: '附记' }] }]);
  });
});

describe("Word's automatic numbering", () => {
  it('puts the labels from numbering.xml in front of the text (LibreOffice file, first list switched to 一、)', () => {
    const d = ok(readDocx('numbered.docx', readFixture('numbered-lists.edited.docx')));
    expect(d.lines.map((l) => l.cells.map((c) => c.text).join('|'))).toEqual([
      '沭阳县发展和改革局2023年政府信息公开年度报告',
      '一、总体情况',
      '二、主动公开政府信息情况',
      '（三）不予公开|1.属于国家秘密\n2.其他法律行政法规禁止公开|0',
      'a.甲项',
      'b.乙项',
    ]);
  });

  it('numbers through styles (basedOn), restarts lower levels, honours numId 0 and start overrides', () => {
    const enc = new TextEncoder();
    const numbering =
      `<w:numbering ${W}><w:abstractNum w:abstractNumId="7"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>` +
      '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl></w:abstractNum>' +
      '<w:num w:numId="3"><w:abstractNumId w:val="7"/></w:num>' +
      '<w:num w:numId="4"><w:abstractNumId w:val="7"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride></w:num></w:numbering>';
    const styles =
      `<w:styles ${W}><w:style w:styleId="H1"><w:pPr><w:numPr><w:numId w:val="3"/></w:numPr></w:pPr></w:style>` +
      '<w:style w:styleId="H1b"><w:basedOn w:val="H1"/></w:style>' +
      '<w:style w:styleId="H2"><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="3"/></w:numPr></w:pPr></w:style></w:styles>';
    const para = (style: string, text: string, numPr = ''): string =>
      `<w:p><w:pPr><w:pStyle w:val="${style}"/>${numPr}</w:pPr><w:r><w:t>${text}</w:t></w:r></w:p>`;
    const body =
      para('H1', '总体情况') + para('H2', '主动公开') + para('H2', '依申请公开') + para('H1b', '主动公开政府信息情况') + para('H2', '规章') +
      para('H1', '不编号', '<w:numPr><w:numId w:val="0"/></w:numPr>') + para('X', '其他', '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="4"/></w:numPr>');
    const zip = makeZip([
      { name: '[Content_Types].xml', data: enc.encode('<Types/>') },
      { name: 'word/document.xml', data: enc.encode(doc(body)) },
      { name: 'word/numbering.xml', data: enc.encode(numbering) },
      { name: 'word/styles.xml', data: enc.encode(styles) },
    ]);
    expect(ok(readDocx('n.docx', zip)).lines.map((l) => l.cells[0]?.text)).toEqual([
      '一、总体情况',
      '（一）主动公开',
      '（二）依申请公开',
      '二、主动公开政府信息情况',
      '（一）规章',
      '不编号',
      // numId 4 restarts abstract 7 at its start override, counting on its own.
      '五、其他',
    ]);
  });

  it('formats Chinese, circled, full-width, letter and roman numbers', () => {
    expect([1, 10, 11, 20, 21, 101, 110].map((v) => formatNumber(v, 'chineseCounting'))).toEqual(['一', '十', '十一', '二十', '二十一', '一百零一', '一百一十']);
    expect(formatNumber(3, 'ideographTraditional')).toBe('丙');
    expect(formatNumber(2, 'decimalEnclosedCircle')).toBe('②');
    expect(formatNumber(12, 'decimalFullWidth')).toBe('１２');
    expect(formatNumber(28, 'upperLetter')).toBe('BB');
    expect(formatNumber(14, 'lowerRoman')).toBe('xiv');
    expect(formatNumber(4, 'bullet')).toBe('');
  });
});

describe('WordprocessingML walk', () => {
  it('gridSpan, vMerge restart/continue and gridBefore place cells on the grid without duplicates', () => {
    const xml = doc(
      '<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>' +
        `<w:tr>${tc(p('A'), '<w:vMerge w:val="restart"/>')}${tc(p('B'), '<w:gridSpan w:val="2"/>')}</w:tr>` +
        `<w:tr>${tc('<w:p/>', '<w:vMerge/>')}${tc(p('C'))}${tc('<w:p/>')}</w:tr>` +
        `<w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr>${tc(p('D'))}${tc(p('E'))}</w:tr></w:tbl>`,
    );
    expect(cellsOf(xml)).toEqual([
      [
        ['A', 0, 1, 2],
        ['B', 1, 2, 1],
      ],
      [
        ['C', 1, 1, 1],
        ['', 2, 1, 1],
      ],
      [
        ['D', 1, 1, 1],
        ['E', 2, 1, 1],
      ],
    ]);
  });

  it('legacy hMerge joins cells; paragraphs and w:br inside a cell join with a newline', () => {
    const xml = doc(
      `<w:tbl><w:tr>${tc(p('合并'), '<w:hMerge w:val="restart"/>')}${tc('<w:p/>', '<w:hMerge/>')}` +
        `${tc(`${p('本年新')}<w:p><w:r><w:t>制作</w:t><w:br/><w:t>数量</w:t></w:r></w:p>`)}</w:tr></w:tbl>`,
    );
    expect(cellsOf(xml)).toEqual([
      [
        ['合并', 0, 2, 1],
        ['本年新\n制作\n数量', 2, 1, 1],
      ],
    ]);
  });

  it('keeps w:ins and w:moveTo, drops w:del, w:moveFrom, field instructions and deleted rows', () => {
    const xml = doc(
      '<w:p><w:r><w:t>收到</w:t></w:r><w:del><w:r><w:delText>25</w:delText></w:r></w:del><w:ins><w:r><w:t>26</w:t></w:r></w:ins>' +
        '<w:moveFrom><w:r><w:t>旧</w:t></w:r></w:moveFrom><w:moveTo><w:r><w:t>件</w:t></w:r></w:moveTo></w:p>' +
        '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>3</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>' +
        `<w:tbl><w:tr>${tc(p('保留'))}${tc(p('1'))}</w:tr><w:tr><w:trPr><w:del w:id="1"/></w:trPr>${tc(p('删除的行'))}${tc(p('2'))}</w:tr>` +
        `<w:tr>${tc(p('末行'))}${tc(p('3'))}</w:tr></w:tbl>`,
    );
    const lines = readDocumentXml(xml).lines;
    expect(lines.map((l) => l.cells.map((c) => c.text).join('|'))).toEqual(['收到26件', '3', '保留|1', '末行|3']);
    expect(lines.map((l) => l.table?.row ?? null)).toEqual([null, null, 0, 1]);
  });

  it('jumps over property subtrees that nest themselves (tracked formatting changes) without losing its place', () => {
    const xml = doc(
      '<w:p><w:pPr><w:pPrChange w:id="1"><w:pPr><w:numPr><w:numId w:val="9"/></w:numPr></w:pPr></w:pPrChange></w:pPr>' +
        '<w:r><w:rPr><w:b/><w:rPrChange w:id="2"><w:rPr><w:i/><w:rPr/></w:rPr></w:rPrChange></w:rPr><w:t>一、</w:t></w:r>' +
        '<w:r><w:rPr/><w:t>总体情况</w:t></w:r></w:p>' +
        `<w:tbl><w:tblPr><w:tblPrChange><w:tblPr><w:tblW w:w="0"/></w:tblPr></w:tblPrChange></w:tblPr><w:tr>${tc(p('规章'))}${tc(p('0'))}</w:tr></w:tbl>` +
        '<w:p><w:pPr><w:sectPr><w:sectPrChange><w:sectPr><w:pgSz/></w:sectPr></w:sectPrChange></w:sectPr></w:pPr><w:r><w:t>二、</w:t></w:r></w:p>' +
        p('尾'),
    );
    expect(cellsOf(xml).map((l) => l.map((c) => c[0]))).toEqual([['一、总体情况'], ['规章', '0'], ['二、'], ['尾']]);
  });

  it('a deleted paragraph mark joins the paragraph with the next', () => {
    const xml = doc('<w:p><w:pPr><w:rPr><w:del w:id="1"/></w:rPr></w:pPr><w:r><w:t>一、总体</w:t></w:r></w:p>' + p('情况'));
    expect(cellsOf(xml).map((l) => l.map((c) => c[0]))).toEqual([['一、总体情况']]);
  });

  it('reads content controls at block, row, cell and run level; a placeholder is a blank', () => {
    const xml = doc(
      `<w:sdt><w:sdtPr><w:alias w:val="x"/></w:sdtPr><w:sdtContent>${p('标题')}</w:sdtContent></w:sdt>` +
        `<w:tbl><w:sdt><w:sdtContent><w:tr><w:sdt><w:sdtPr/><w:sdtContent>${tc(p('甲'))}</w:sdtContent></w:sdt>` +
        `${tc('<w:p><w:sdt><w:sdtPr><w:showingPlcHdr/></w:sdtPr><w:sdtContent><w:r><w:t>单击此处输入文字</w:t></w:r></w:sdtContent></w:sdt></w:p>')}</w:tr></w:sdtContent></w:sdt></w:tbl>`,
    );
    expect(cellsOf(xml)).toEqual([
      [['标题', undefined, 1, 1]],
      [
        ['甲', 0, 1, 1],
        ['', 1, 1, 1],
      ],
    ]);
  });

  it('splits tab-separated paragraphs into cells outside tables; tabs in cells become spaces; nbsp collapses', () => {
    const xml = doc(
      '<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="800"/></w:tabs></w:pPr><w:r><w:tab/><w:t>规章</w:t><w:tab/><w:t>3</w:t></w:r></w:p>' +
        `<w:tbl><w:tr>${tc('<w:p><w:r><w:t>a</w:t><w:tab/><w:t>b\u00a0\u00a0c</w:t></w:r></w:p>')}</w:tr></w:tbl>`,
    );
    expect(cellsOf(xml).map((l) => l.map((c) => c[0]))).toEqual([['规章', '3'], ['a b c']]);
  });

  it('reads a nested table in a one-cell layout table as a table', () => {
    const xml = doc(`<w:tbl><w:tr>${tc(`${p('说明')}<w:tbl><w:tr>${tc(p('规章'))}${tc(p('0'))}</w:tr></w:tbl><w:p/>`)}</w:tr></w:tbl>`);
    const lines = readDocumentXml(xml).lines;
    expect(lines.map((l) => [l.cells.map((c) => c.text).join('|'), l.table?.id ?? null])).toEqual([
      ['说明', null],
      ['规章|0', 0],
    ]);
  });

  it('reads a one-column frame table, or one whose cell holds a whole article, as paragraphs', () => {
    const long = '本机关'.repeat(120);
    const xml = doc(
      `<w:tbl><w:tr>${tc(p('一、总体情况') + p('正文'))}</w:tr></w:tbl>` +
        `<w:tbl><w:tr>${tc(p('侧栏'))}${tc(p('二、主动公开') + p(long))}</w:tr></w:tbl>`,
    );
    const lines = readDocumentXml(xml).lines;
    expect(lines.map((l) => [l.cells.map((c) => c.text).join('|'), l.table ?? null])).toEqual([
      ['一、总体情况', null],
      ['正文', null],
      ['侧栏', null],
      ['二、主动公开', null],
      [long, null],
    ]);
  });

  it('works with another namespace prefix for WordprocessingML', () => {
    const xml = '<x:document xmlns:x="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><x:body><x:p><x:r><x:t>总体</x:t></x:r></x:p></x:body></x:document>';
    expect(readDocumentXml(xml).lines.map((l) => l.cells[0]?.text)).toEqual(['总体']);
  });

  it('finds the main part through _rels/.rels even when it is not word/document.xml', () => {
    const enc = new TextEncoder();
    const rels =
      '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="/word/document2.xml"/></Relationships>';
    const zip = makeZip([
      { name: '[Content_Types].xml', data: enc.encode('<Types/>') },
      { name: '_rels/.rels', data: enc.encode(rels) },
      { name: 'word/document2.xml', data: enc.encode(doc(p('正文'))) },
    ]);
    expect(ok(readDocx('x.docx', zip)).lines.map((l) => l.cells[0]?.text)).toEqual(['正文']);
  });
});

describe('reading speed', () => {
  it('reads a real .docx in a few milliseconds (guard against a slow walk; the bench measures properly)', () => {
    const bytes = fixture('corpus/07-shuyang-drc-2023.from-html.docx');
    for (let i = 0; i < 20; i++) readDocx('07.docx', bytes);
    const n = 100;
    const started = performance.now();
    for (let i = 0; i < n; i++) readDocx('07.docx', bytes);
    const perReport = (performance.now() - started) / n;
    // ~2.5 ms measured on a loaded 2-core machine; a 4× margin keeps CI quiet while catching an O(n²) slip.
    expect(perReport).toBeLessThan(10);
  });
});
