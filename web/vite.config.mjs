// Vite builds the page from web/ into dist/. base './' keeps every URL
// relative, so dist/ works from any static host and any sub-path.
import { defineConfig } from 'vite';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { fashionMnistData } from './src/trainer/vite_data_plugin.mjs';
import { CSP_META } from './src/offline/csp.mjs';
import { serviceWorker } from './src/offline/vite_sw_plugin.mjs';

const here = (path) => fileURLToPath(new URL(path, import.meta.url));

// The Content-Security-Policy as the first thing in dist/index.html's head.
// Build only: the dev server injects inline styles and a websocket client.
const cspMeta = () => ({
  name: 'reglab-csp-meta',
  apply: 'build',
  transformIndexHtml: (html) => html.replace('<meta charset="utf-8">',
    (charset) => `${charset}\n    <meta http-equiv="Content-Security-Policy" content="${CSP_META}">`),
});

// Cross-origin isolated, as `npm start` serves dist/: the trainer gets threads.
const ISOLATED = { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' };

// The dev server would rewrite the threaded core's loader and its pool
// Worker's classic script like any module (and break the latter); served
// as they are, the dev page gets threads as dist/ does.
const rawThreadedCore = () => ({
  name: 'reglab-raw-threaded-core',
  apply: 'serve',
  configureServer(server) {
    server.middlewares.use((req, res, next) => {
      // Only the files themselves: `?url` and other queries are Vite's.
      const file = /^\/@fs(\/[^?]*\/reglab_mt\.(mjs|worker\.js))$/.exec(decodeURIComponent(req.url))?.[1];
      if (!file) return next();
      res.writeHead(200, { 'Content-Type': 'text/javascript; charset=utf-8', ...ISOLATED });
      res.end(readFileSync(file));
    });
  },
});

export default defineConfig({
  root: here('.'),
  base: './',
  publicDir: false,
  plugins: [
    fashionMnistData(),  // dist/data/: the four Fashion-MNIST files and their licence
    rawThreadedCore(),
    cspMeta(),
    serviceWorker(),     // dist/sw.js: this build's files, for offline use
  ],
  worker: { format: 'es' },       // the trainer's module worker imports the wasm loader
  resolve: {
    // The wasm package CMake builds: reglab.js, reglab.mjs, reglab.wasm
    // (REGLAB_WASM_DIR points elsewhere, e.g. at a debug build).
    alias: { '@reglab': process.env.REGLAB_WASM_DIR ?? here('../build/wasm') },
  },
  build: {
    outDir: process.env.REGLAB_DIST ?? here('../dist'), // REGLAB_DIST: a helper's own output folder
    emptyOutDir: true,
    target: 'es2022',
    assetsInlineLimit: 0,             // the .wasm stays a file
    modulePreload: { polyfill: false }, // no inline script
    chunkSizeWarningLimit: 600,
  },
  server: {
    fs: { allow: [here('..')] },
    headers: ISOLATED,
  },
});
