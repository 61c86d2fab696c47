// A plain static file server for dist/, as any static host would serve it:
// a file or 404 (no fallback to index.html), a folder without its trailing
// slash redirected to it (so the page's relative URLs resolve), correct MIME
// types (application/wasm included), and the page's Content-Security-Policy
// as a header. It adds COOP/COEP so the page may use threads where it wants;
// the lab must also work without them.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { CSP_HEADER } from '../web/src/offline/csp.mjs';

export const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.wasm': 'application/wasm', '.json': 'application/json',
  '.png': 'image/png', '.svg': 'image/svg+xml', '.csv': 'text/csv; charset=utf-8', '.gz': 'application/gzip',
  '.webmanifest': 'application/manifest+json', '.txt': 'text/plain; charset=utf-8', '.md': 'text/markdown; charset=utf-8',
};

const COMMON = {
  'Content-Security-Policy': CSP_HEADER,
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'X-Content-Type-Options': 'nosniff',
  'Cache-Control': 'no-cache',
};

// root: the folder served; prefix: the URL path it is served under (as a
// project page is: '/lab/'), other paths are 404; csp: false leaves the
// header out (to test the <meta> alone); isolate: false leaves COOP and COEP
// out, as most static hosts do (the trainer then runs on one thread).
export function startStaticServer({ root, port = 0, host = '127.0.0.1', prefix = '/', csp = true, isolate = true }) {
  const base = resolve(root);
  if (!prefix.startsWith('/') || !prefix.endsWith('/')) throw new Error(`prefix must start and end with '/': ${prefix}`);
  const headers = (extra) => {
    const all = { ...COMMON, ...extra };
    if (!csp) delete all['Content-Security-Policy'];
    if (!isolate) {
      delete all['Cross-Origin-Opener-Policy'];
      delete all['Cross-Origin-Embedder-Policy'];
    }
    return all;
  };
  const server = createServer(async (req, res) => {
    const fail = (status, text) => res.writeHead(status, headers({ 'Content-Type': 'text/plain; charset=utf-8' })).end(text);
    if (req.method !== 'GET' && req.method !== 'HEAD') { fail(405, 'method not allowed'); return; }
    let url;
    let path;
    try {
      url = new URL(req.url, 'http://x');
      path = decodeURIComponent(url.pathname);
    } catch {
      fail(400, 'bad request');
      return;
    }
    if (`${path}/` === prefix) {  // the prefix without its slash: as a folder
      res.writeHead(301, headers({ Location: `${prefix}${url.search}` })).end();
      return;
    }
    if (!path.startsWith(prefix)) { fail(404, 'not found'); return; }
    let file = normalize(join(base, path.slice(prefix.length - 1)));
    if (file !== base && !file.startsWith(base + sep)) { fail(403, 'forbidden'); return; }
    try {
      if ((await stat(file).catch(() => null))?.isDirectory()) {
        if (!url.pathname.endsWith('/')) {
          res.writeHead(301, headers({ Location: `${url.pathname}/${url.search}` })).end();
          return;
        }
        file = join(file, 'index.html');
      }
      const body = await readFile(file);
      res.writeHead(200, headers({
        'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
        'Content-Length': String(body.length),
      }));
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch {
      fail(404, 'not found');
    }
  });
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => ok({ server, url: `http://${host}:${server.address().port}${prefix}` }));
  });
}
