import { defineConfig, type Plugin } from 'vite';
import preact from '@preact/preset-vite';

/**
 * The CSP in index.html forbids inline <style>, which the dev server uses for hot CSS and its
 * websocket; relax it in dev only. The production build keeps the strict policy.
 */
function relaxCspInDev(): Plugin {
  return {
    name: 'nianbao-relax-csp-in-dev',
    apply: 'serve',
    transformIndexHtml(html) {
      return html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, '');
    },
  };
}

export default defineConfig({
  plugins: [preact(), relaxCspInDev()],
  // pdf.js needs its GB CMaps as files the worker can load (stack.md, "PDF").
  assetsInclude: ['**/*.bcmap'],
  worker: {
    // Module workers: the pipeline is ESM (pdf.js legacy build included).
    format: 'es',
  },
  build: {
    target: 'es2022',
    // pdf.js is one large chunk by nature; the warning is noise.
    chunkSizeWarningLimit: 3000,
    // Nothing fetched from anywhere but our own origin: keep all assets as files (no data: inlining surprises).
    assetsInlineLimit: 0,
  },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
});
