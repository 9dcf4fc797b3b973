import { readFileSync } from 'node:fs';
import { readText } from '../src/read/text.ts';
import { parseReport } from '../src/parse/index.ts';
const docs = ['000_6e673f84b28b10ac', '001_1289612543b54ddb', '002_310a36c5978b6ada', '003_8ed56d603b52b932', '004_fd38466faf71b272'].map(n => readText(readFileSync(`tests/fixtures/seeds/${n}.txt`, 'utf8'), 'txt'));
for (let i = 0; i < 30000; i++) parseReport(docs[i % 5]);
