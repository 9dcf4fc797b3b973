import { readFileSync } from 'node:fs';
import { listZip, extractRecord } from './src/read/zip-format.ts';
import { readDocumentXml } from './src/read/docx.ts';
import { scanXml } from './src/read/xml-scan.ts';
const b = new Uint8Array(readFileSync('tests/fixtures/corpus/07-shuyang-drc-2023.from-html.docx'));
const time = (label: string, fn: () => unknown, n = 1000) => { for (let i=0;i<100;i++) fn(); const t = performance.now(); for (let i = 0; i < n; i++) fn(); console.log(label, ((performance.now() - t) / n).toFixed(3), 'ms'); };
const recs = listZip(b) as any[];
const rec = recs.find(r => r.name === 'word/document.xml');
const xml = extractRecord(b, rec, 1e8) as Uint8Array;
const s = new TextDecoder().decode(xml);
for (let k = 0; k < 3; k++) {
time('extract', () => extractRecord(b, rec, 1e8));
time('decode', () => new TextDecoder().decode(xml));
time('scan only', () => scanXml(s, { open() {}, close() {}, text() {} }));
time('walk', () => readDocumentXml(s));
}
