import { readFileSync } from 'node:fs';
import './src/polyfills.ts';
import { readDocx } from './src/read/docx.ts';
import { readHtml } from './src/read/html.ts';
import { analyzeDocument } from './src/pipeline/analyze.ts';
const time = async (label: string, fn: () => unknown, n = 500) => { for (let i=0;i<50;i++) await fn(); const t = performance.now(); for (let i = 0; i < n; i++) await fn(); const ms = (performance.now() - t) / n; console.log(label, ms.toFixed(3), 'ms', Math.round(1000/ms), '/s'); };
for (const f of ['01-shanghai-govoffice-2019.from-html.docx', '07-shuyang-drc-2023.from-html.docx']) {
  const b = new Uint8Array(readFileSync('tests/fixtures/corpus/' + f));
  await time(f + ' readDocx', () => readDocx('x', b));
  await time(f + ' read+parse+checks', () => analyzeDocument(f, b), 300);
}
