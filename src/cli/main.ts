/**
 * The command-line checker (output.md): `npm run --silent nianbao -- [--json] PATH...`.
 * Node only: reads files and folders, runs the pure pipeline, prints JSON Lines or a Chinese summary.
 */
import { readFile, readdir, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import '../polyfills.ts';
import type { ReportResult } from '../model.ts';
import { analyzeFile } from '../pipeline/analyze.ts';
import { summarize } from './summary.ts';
import { installNodeDecoders } from './node-decoders.ts';

const USAGE = '用法：npm run --silent nianbao -- [--json] 文件或文件夹...';

/** In a folder, files of these types are taken (old Word files too, so the user is told to convert them). */
const FOLDER_TYPES = /\.(txt|md|markdown|html?|shtml|mht|mhtml|docx?|docm|wps|pdf|zip)$/i;

/** Lists the files under a path (folders recursively, sorted, report types only), or the path itself. */
async function listFiles(path: string, named = true): Promise<string[]> {
  const info = await stat(path);
  if (!info.isDirectory()) return named || FOLDER_TYPES.test(path) ? [path] : [];
  const entries = await readdir(path, { withFileTypes: true });
  const nested = await Promise.all(
    entries
      .filter((e) => !e.name.startsWith('.'))
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((e) => listFiles(join(path, e.name), false)),
  );
  return nested.flat();
}

/** Runs the checker on every input and yields one result per report. */
async function* checkPaths(paths: string[]): AsyncGenerator<ReportResult> {
  for (const path of paths) {
    let files: string[];
    try {
      files = await listFiles(path);
    } catch {
      yield { file: path, status: 'unreadable', error: `找不到文件或文件夹「${path}」。`, cells: {}, findings: [] };
      continue;
    }
    for (const file of files) {
      const name = relative(process.cwd(), file) || file;
      let bytes: Uint8Array;
      try {
        bytes = new Uint8Array(await readFile(file));
      } catch (e) {
        yield { file: name, status: 'unreadable', error: `无法打开文件「${name}」：${(e as Error).message}`, cells: {}, findings: [] };
        continue;
      }
      for (const report of await analyzeFile(name, bytes)) yield report.analysis.result;
    }
  }
}

async function main(argv: string[]): Promise<number> {
  installNodeDecoders();
  const json = argv.includes('--json');
  const unknown = argv.filter((a) => a.startsWith('-') && a !== '--json');
  const paths = argv.filter((a) => !a.startsWith('-'));
  if (unknown.length > 0 || paths.length === 0 || argv.includes('--help')) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  let anyUnreadable = false;
  for await (const result of checkPaths(paths)) {
    if (result.status === 'unreadable') anyUnreadable = true;
    process.stdout.write(json ? `${JSON.stringify(result)}\n` : `${summarize(result)}\n`);
  }
  return anyUnreadable ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`内部错误：${(e as Error).stack ?? String(e)}\n`);
    process.exitCode = 1;
  },
);
