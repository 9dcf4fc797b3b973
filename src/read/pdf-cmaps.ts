/**
 * Where pdf.js gets its packed CMaps (.bcmap) from, without any network access.
 * PDFs with non-embedded Chinese fonts (STSong + UniGB-UCS2-H) give no text at all without them.
 * Node (tests, CLI) reads them from node_modules by default; a browser bundle must call `setCMapLoader`
 * with a loader over its bundled assets, once, in the worker before the first PDF (checked with a Vite build:
 * the glob finds the 33 GB CMaps):
 *
 *   const urls = import.meta.glob('/node_modules/pdfjs-dist/cmaps/{UniGB,GB,Adobe-GB1}*.bcmap',
 *     { query: '?url', import: 'default', eager: true }) as Record<string, string>;
 *   setCMapLoader(cMapLoaderFromUrls(urls));
 */

/** Loads one packed CMap by name (e.g. 'UniGB-UCS2-H'), resolving to its .bcmap bytes. */
export type CMapLoader = (name: string) => Promise<Uint8Array>;

/** Only names like 'UniGB-UCS2-H' or 'Adobe-GB1-5': never a path. */
const SAFE_NAME = /^[A-Za-z0-9-]{1,64}$/;

let current: CMapLoader | null = null;

/** Replaces the CMap loader (null restores the Node default). Call once before reading PDFs in a browser. */
export function setCMapLoader(loader: CMapLoader | null): void {
  current = loader;
}

/** The loader pdf.js will use: the one set with `setCMapLoader`, else the Node default. */
export function getCMapLoader(): CMapLoader {
  return current ?? nodeCMapLoader;
}

/**
 * Builds a loader from bundled asset URLs keyed by path (the shape `import.meta.glob(..., { query: '?url',
 * import: 'default', eager: true })` returns); the key's file name without `.bcmap` is the CMap name.
 * Asset and data: URLs are fetched locally, never from the network.
 */
export function cMapLoaderFromUrls(urls: Record<string, string>): CMapLoader {
  const byName = new Map<string, string>();
  for (const [path, url] of Object.entries(urls)) {
    const file = path.split('/').pop() ?? '';
    if (file.endsWith('.bcmap')) byName.set(file.slice(0, -'.bcmap'.length), url);
  }
  const fetchFn = (globalThis as unknown as { fetch?: (u: string) => Promise<{ ok: boolean; arrayBuffer(): Promise<ArrayBuffer> }> }).fetch;
  return async (name) => {
    const url = byName.get(name);
    if (!url || !fetchFn) throw new Error(`CMap ${name} is not bundled`);
    const res = await fetchFn(url);
    if (!res.ok) throw new Error(`CMap ${name} could not be loaded`);
    return new Uint8Array(await res.arrayBuffer());
  };
}

interface NodeFs {
  readFile(path: string): Promise<Uint8Array>;
}
interface NodeModule {
  createRequire(from: string): { resolve(id: string): string };
}

let cmapDir: string | null = null;

/** Reads `node_modules/pdfjs-dist/cmaps/<name>.bcmap` through Node's built-ins (no static node: import, so bundles stay clean). */
async function nodeCMapLoader(name: string): Promise<Uint8Array> {
  if (!SAFE_NAME.test(name)) throw new Error(`bad CMap name ${name}`);
  const proc = (globalThis as unknown as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  const fs = proc?.getBuiltinModule?.('fs/promises') as NodeFs | undefined;
  const mod = proc?.getBuiltinModule?.('module') as NodeModule | undefined;
  if (!fs || !mod) throw new Error('no CMap loader: call setCMapLoader() outside Node');
  if (!cmapDir) {
    const pkg = mod.createRequire((import.meta as unknown as { url: string }).url).resolve('pdfjs-dist/package.json');
    cmapDir = pkg.slice(0, pkg.length - 'package.json'.length) + 'cmaps/';
  }
  return new Uint8Array(await fs.readFile(`${cmapDir}${name}.bcmap`));
}
