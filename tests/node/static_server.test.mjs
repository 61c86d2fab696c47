// scripts/static-server.mjs (npm run preview, the browser tests) serves a
// folder as a static host would: the right MIME types (application/wasm for
// the core), 404 for a missing file (no fallback to index.html), a folder
// without its slash redirected to it, nothing outside the folder, HEAD, the
// CSP header, and a sub-path prefix like a project page's.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { startStaticServer } from '../../scripts/static-server.mjs';
import { CSP_HEADER } from '../../web/src/offline/csp.mjs';

let root;
let servers = [];
before(() => {
  root = mkdtempSync(`${tmpdir()}/reglab-serve-`);
  mkdirSync(`${root}/assets`);
  mkdirSync(`${root}/data`);
  writeFileSync(`${root}/index.html`, '<!doctype html><title>lab</title>');
  writeFileSync(`${root}/sw.js`, '// sw');
  writeFileSync(`${root}/assets/core.wasm`, Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]));
  writeFileSync(`${root}/assets/app.js`, 'export {};');
  writeFileSync(`${root}/assets/app.css`, 'body{}');
  writeFileSync(`${root}/assets/icon.svg`, '<svg xmlns="http://www.w3.org/2000/svg"/>');
  writeFileSync(`${root}/data/train.gz`, Buffer.from([0x1f, 0x8b]));
  writeFileSync(`${root}/../reglab-serve-secret.txt`, 'outside');
});
after(async () => {
  for (const server of servers) await new Promise((resolve) => server.close(resolve));
  rmSync(root, { recursive: true, force: true });
  rmSync(`${root}/../reglab-serve-secret.txt`, { force: true });
});
async function serve(options = {}) {
  const { server, url } = await startStaticServer({ root, port: 0, ...options });
  servers.push(server);
  return url;
}
const get = (url, init) => fetch(url, { redirect: 'manual', ...init });

test('files with the types a static host gives them, and the CSP header', async () => {
  const url = await serve();
  const expected = {
    '': 'text/html; charset=utf-8',
    'index.html': 'text/html; charset=utf-8',
    'sw.js': 'text/javascript; charset=utf-8',
    'assets/core.wasm': 'application/wasm',
    'assets/app.js': 'text/javascript; charset=utf-8',
    'assets/app.css': 'text/css; charset=utf-8',
    'assets/icon.svg': 'image/svg+xml',
    'data/train.gz': 'application/gzip',
  };
  for (const [path, type] of Object.entries(expected)) {
    const response = await get(url + path);
    assert.equal(response.status, 200, path);
    assert.equal(response.headers.get('content-type'), type, path);
    assert.equal(response.headers.get('content-security-policy'), CSP_HEADER, path);
    assert.equal(response.headers.get('x-content-type-options'), 'nosniff', path);
  }
  const wasm = new Uint8Array(await (await get(`${url}assets/core.wasm`)).arrayBuffer());
  assert.deepEqual([...wasm.slice(0, 4)], [0, 0x61, 0x73, 0x6d]);
  assert.ok(WebAssembly.validate(wasm));
});

test('a missing file is 404, not the page (no SPA fallback); folders need their slash', async () => {
  const url = await serve();
  for (const path of ['nope.html', 'assets/nope.js', 'some/route', 'data/']) {
    const response = await get(url + path);
    assert.equal(response.status, 404, path);
    assert.doesNotMatch(await response.text(), /<title>lab/, path);
  }
  const folder = await get(`${url}assets`);
  assert.equal(folder.status, 301);
  assert.equal(folder.headers.get('location'), '/assets/');
});

test('nothing outside the folder; HEAD and bad requests', async () => {
  const url = await serve();
  for (const path of ['../reglab-serve-secret.txt', '%2e%2e/reglab-serve-secret.txt', 'assets/%2e%2e/%2e%2e/reglab-serve-secret.txt']) {
    const response = await get(url + path);
    assert.ok([403, 404].includes(response.status), `${path}: ${response.status}`);
    assert.doesNotMatch(await response.text(), /outside/);
  }
  assert.equal((await get(`${url}%E0%A4%A`)).status, 400);
  const head = await get(`${url}assets/core.wasm`, { method: 'HEAD' });
  assert.equal(head.status, 200);
  assert.equal(head.headers.get('content-length'), '8');
  assert.equal((await get(url, { method: 'POST', body: 'x' })).status, 405);
});

test('under a sub-path prefix, like a project page', async () => {
  const url = await serve({ prefix: '/lab/sub/' });
  assert.match(url, /\/lab\/sub\/$/);
  assert.equal((await get(url)).status, 200);
  assert.equal((await get(`${url}assets/core.wasm`)).headers.get('content-type'), 'application/wasm');
  const bare = await get(url.slice(0, -1));
  assert.equal(bare.status, 301);
  assert.equal(bare.headers.get('location'), '/lab/sub/');
  assert.equal((await get(new URL('/index.html', url))).status, 404, 'the root is not the lab');
  assert.throws(() => startStaticServer({ root, prefix: 'lab' }), /prefix must start and end with/);
});

test('the CSP header can be left out (the <meta> alone)', async () => {
  const url = await serve({ csp: false });
  assert.equal((await get(url)).headers.get('content-security-policy'), null);
});
