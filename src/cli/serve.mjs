#!/usr/bin/env node
// Serves the production build (dist/) on 127.0.0.1 only, with the MIME types module workers,
// pdf.js (.mjs, .wasm) and its CMaps (.bcmap) need. Port from PORT, else 4173 (0 = any free port).
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(new URL('../../dist/', import.meta.url)));
const port = Number(process.env.PORT ?? 4173);

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.bcmap': 'application/octet-stream',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
};

// Same policy as the meta tag in index.html; sent as a header too so it also binds the workers,
// whose policy comes from their own response.
const CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self' blob:; style-src 'self'; " +
  "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self' blob: data:; object-src 'none'; " +
  "base-uri 'none'; form-action 'none'";

/** Maps a URL path to a file inside dist/, or null when it would escape it. */
function fileFor(urlPath) {
  const clean = decodeURIComponent(urlPath.split('?')[0]);
  const full = normalize(join(root, clean));
  if (full !== root && !full.startsWith(root + sep)) return null;
  return full;
}

const server = createServer(async (req, res) => {
  try {
    let file = fileFor(req.url ?? '/');
    if (!file) {
      res.writeHead(403).end();
      return;
    }
    const info = await stat(file).catch(() => null);
    if (!info) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found');
      return;
    }
    if (info.isDirectory()) file = join(file, 'index.html');
    const body = await readFile(file);
    res.writeHead(200, {
      'content-type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
      'content-security-policy': CSP,
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-cache',
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  } catch {
    res.writeHead(500).end();
  }
});

server.listen(port, '127.0.0.1', () => {
  const address = server.address();
  console.log(`年报核查已启动：http://127.0.0.1:${address.port}/`);
});
