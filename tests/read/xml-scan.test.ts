import { describe, expect, it } from 'vitest';
import { attrValue, decodeUtf8, decodeXmlEntities, scanXml } from '../../src/read/xml-scan.ts';

describe('xml-scan', () => {
  it('decodeUtf8 agrees with TextDecoder on Chinese, ASCII, 4-byte and malformed input', () => {
    const samples = ['一、总体情况', 'abc 123', '（七）总计', '𠀀𝌆 emoji 😀', 'é ß ñ', '', '\u0800\uffff', '2019年上海市人民政府办公厅'.repeat(20)];
    const bytes = samples.map((s) => new TextEncoder().encode(s));
    bytes.push(new Uint8Array([0xe4, 0xb8]), new Uint8Array([0xc0, 0x80, 0x41]), new Uint8Array([0xed, 0xa0, 0x80]), new Uint8Array([0xff, 0x41]));
    const reference = new TextDecoder('utf-8');
    for (const b of bytes) expect(decodeUtf8(b, 0, b.length)).toBe(reference.decode(b));
  });

  it('reports tags, text and CDATA in order; skips comments and processing instructions; never hangs on broken input', () => {
    const xml = new TextEncoder().encode('<?xml version="1.0"?><a x="1>2"><!-- c --><b/>t&amp;<![CDATA[<raw>]]></a><c');
    const events: string[] = [];
    scanXml(xml, {
      open: (name, s, e) => void events.push(`<${name}${new TextDecoder().decode(xml.subarray(s, e))}>`),
      close: () => void events.push('</>'),
      text: (s, e, cdata) => void events.push(`${cdata ? 'cdata' : 'text'}:${new TextDecoder().decode(xml.subarray(s, e))}`),
    });
    expect(events).toEqual(['<a x="1>2">', '<b>', '</>', 'text:t&amp;', 'cdata:<raw>', '</>']);
  });

  it('reads attributes and entities', () => {
    expect(attrValue(' w:val="restart" w:other="x"', 'w:val')).toBe('restart');
    expect(attrValue(' xw:val="no" w:val = \'yes\'', 'w:val')).toBe('yes');
    expect(attrValue(' w:x="1"', 'w:val')).toBeUndefined();
    expect(decodeXmlEntities('&lt;&#20108;&#x3001;&amp;amp;&bogus;')).toBe('<二、&amp;&bogus;');
  });
});
