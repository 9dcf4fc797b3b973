import { readFileSync } from 'node:fs';
import { readText } from '../src/read/text.ts';
import { parseReport } from '../src/parse/index.ts';
import { runChecks } from '../src/checks/index.ts';
const docs = ['000_6e673f84b28b10ac', '001_1289612543b54ddb', '002_310a36c5978b6ada', '003_8ed56d603b52b932', '004_fd38466faf71b272'].map(n => readText(readFileSync(`tests/fixtures/seeds/${n}.txt`, 'utf8'), 'txt'));
for (let r = 0; r < 3; r++) {
  const N = 10000;
  let c0 = process.cpuUsage();
  for (let i = 0; i < N; i++) parseReport(docs[i % 5]);
  let c = process.cpuUsage(c0);
  console.log('parse CPU µs/doc', ((c.user + c.system) / N).toFixed(1));
  const ps = docs.map(d => parseReport(d) as any);
  c0 = process.cpuUsage();
  for (let i = 0; i < N; i++) runChecks(ps[i % 5]);
  c = process.cpuUsage(c0);
  console.log('checks CPU µs/doc', ((c.user + c.system) / N).toFixed(1));
}
