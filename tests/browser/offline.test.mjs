// Offline: after the first visit the service worker (dist/sw.js) has the
// page, its scripts, the wasm core and the trainer's worker; the Fashion-MNIST
// files are cached when first loaded. Then, with the network off and the
// server gone, a reload boots the lab, a chart recomputes in the wasm core and
// the trainer loads its data. A new build (a new sw.js) replaces the old
// build's cache and the page offers a reload. Under a sub-path the worker's
// scope is that sub-path.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { copyDist, openLab, DIST } from './browser.mjs';
import { serviceWorkerSource } from '../../web/src/offline/vite_sw_plugin.mjs';

const haveData = existsSync(`${DIST}data/train-images-idx3-ubyte.gz`);
const VERSION = /const VERSION = "([0-9a-f]+)";/;

const controlled = (page) => page.waitForFunction(() => navigator.serviceWorker.controller?.state === 'activated', null, { timeout: 30000 });
const ready = (page) => page.waitForSelector('html[data-ready="true"]', { timeout: 30000 });
const cacheKeys = (page) => page.evaluate(() => caches.keys());
const shellEntries = (page) => page.evaluate(async () => {
  const name = (await caches.keys()).find((key) => key.startsWith('reglab-shell-'));
  return (await (await caches.open(name)).keys()).map((r) => new URL(r.url).pathname).sort();
});

// Waits for one redraw of a section after a key press on one of its controls.
async function moveAndWait(page, sectionId, controlSelector, key) {
  const updated = page.evaluate((id) => new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no redraw of #${id}`)), 5000);
    document.getElementById(id).addEventListener('reglab:updated', () => { clearTimeout(timer); resolve(true); }, { once: true });
  }), sectionId);
  await page.focus(`#${sectionId} ${controlSelector}`);
  await page.keyboard.press(key);
  return updated;
}

test('dist/sw.js lists every file of the build but the data, relative to itself', () => {
  const source = readFileSync(`${DIST}sw.js`, 'utf8');
  const assets = readdirSync(`${DIST}assets`).map((name) => `./assets/${name}`);
  const precache = JSON.parse(source.match(/const PRECACHE = (\[[^\]]*\]);/)[1]);
  assert.deepEqual(precache, ['./', ...assets.sort(), './index.html']);
  assert.ok(precache.some((p) => p.endsWith('.wasm')) && precache.some((p) => /worker-.*\.js$/.test(p)));
  assert.ok(!precache.some((p) => p.includes('data/')), 'the 30 MB of data are cached when first loaded, not ahead');
  assert.match(source, VERSION);
  assert.doesNotMatch(source, /__REGLAB_/);
  // the version follows the content: another index.html, another version
  const names = ['index.html', ...readdirSync(`${DIST}assets`).map((name) => `assets/${name}`)];
  const a = serviceWorkerSource(names, { html: '<p>one</p>' });
  const b = serviceWorkerSource(names, { html: '<p>two</p>' });
  assert.notEqual(a.version, b.version);
  assert.equal(serviceWorkerSource(names, { html: '<p>one</p>' }).version, a.version, 'the same build, the same version');
});

test('after the first visit the lab works with no network', { skip: !haveData && 'dist/data has no Fashion-MNIST files', timeout: 120000 }, async () => {
  const lab = await openLab();
  const { page } = lab;
  try {
    await controlled(page);
    const expected = JSON.parse(readFileSync(`${DIST}sw.js`, 'utf8').match(/const PRECACHE = (\[[^\]]*\]);/)[1]);
    assert.deepEqual(await shellEntries(page), expected.map((p) => new URL(p, 'http://x/').pathname).sort());
    // the data, loaded once while online, go into the trainer's cache
    await page.click('#fashion-mnist button.load-data');
    await page.waitForFunction(() => window.reglabTrainer.state.data.status === 'loaded', null, { timeout: 60000 });
    assert.ok((await cacheKeys(page)).includes('reglab-data-v1'));

    // no network, no server
    await page.context().setOffline(true);
    lab.server.closeAllConnections();
    await new Promise((resolve) => lab.server.close(resolve));
    await page.reload();
    await ready(page);
    assert.equal(await page.evaluate(() => navigator.onLine), false);
    assert.equal(await page.textContent('#wine table.results tr[data-model="ols"] td.mae'), '0.251290');
    // a chart recomputes in the wasm core
    const lasso = () => page.$eval('#one-feature canvas', (canvas) => canvas.chart.data.datasets[2].data.map((p) => p.y));
    assert.ok((await lasso()).every((y) => Math.abs(y - 6.588) < 1e-9), 'flat Lasso line at alpha 1');
    await moveAndWait(page, 'one-feature', '.alpha-field input[type=range]', 'Home');  // alpha 1e-3
    const after = await lasso();
    assert.ok(after.at(-1) > after[0] + 2, 'with a small alpha the Lasso line slopes upwards like OLS');
    // the trainer's worker starts and reads the data from the cache
    await page.click('#fashion-mnist button.load-data');
    await page.waitForFunction(() => window.reglabTrainer.state.data.status === 'loaded', null, { timeout: 60000 });
    assert.match(await page.textContent('#fashion-mnist'), /60,000 training and 10,000 test images.*from the browser's cache/s);
    assert.deepEqual(lab.problems, []);
  } finally {
    await lab.close();
  }
});

test('a new build replaces the old build\'s cache; the open page offers a reload', { timeout: 60000 }, async () => {
  const host = copyDist('sw');
  const lab = await openLab({ root: host });
  const { page } = lab;
  try {
    await controlled(page);
    const first = readFileSync(`${host}/sw.js`, 'utf8').match(VERSION)[1];
    assert.deepEqual((await cacheKeys(page)).filter((k) => k.startsWith('reglab-shell-')), [`reglab-shell-${first}`]);

    // "deploy" a new build: another index.html, and the sw.js the build would write for it
    const html = readFileSync(`${host}/index.html`, 'utf8').replace('<meta charset="utf-8">', '<meta charset="utf-8">\n    <meta name="reglab-build" content="second">');
    writeFileSync(`${host}/index.html`, html);
    const names = ['index.html', ...readdirSync(`${host}/assets`).map((name) => `assets/${name}`)];
    const second = serviceWorkerSource(names, { html });
    assert.notEqual(second.version, first);
    writeFileSync(`${host}/sw.js`, second.source);

    await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.update()));
    await page.waitForSelector('.update-notice button', { timeout: 20000 });
    await page.waitForFunction((v) => caches.keys().then((keys) => keys.filter((k) => k.startsWith('reglab-shell-')).join() === `reglab-shell-${v}`), second.version, { timeout: 10000 });
    await Promise.all([page.waitForEvent('load'), page.click('.update-notice button')]);
    await ready(page);
    assert.equal(await page.getAttribute('meta[name="reglab-build"]', 'content'), 'second', 'the reload shows the new build');
    assert.deepEqual(lab.problems, []);
  } finally {
    await lab.close();
    rmSync(host, { recursive: true, force: true });
  }
});

test('under a sub-path the service worker\'s scope is that sub-path', async () => {
  const host = mkdtempSync(`${tmpdir()}/reglab-host-`);
  mkdirSync(`${host}/some/sub`, { recursive: true });
  symlinkSync(DIST, `${host}/some/sub/lab`);
  const lab = await openLab({ root: host, path: 'some/sub/lab/' });
  try {
    await controlled(lab.page);
    const scope = await lab.page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => new URL(r.scope).pathname));
    assert.equal(scope, '/some/sub/lab/');
    assert.deepEqual(lab.problems, []);
  } finally {
    await lab.close();
    rmSync(host, { recursive: true, force: true });
  }
});
