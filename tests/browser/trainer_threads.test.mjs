// The trainer's two builds of the core (web/src/trainer/core_loader.js):
// cross-origin isolated (COOP + COEP, as `npm start` serves the page) its
// worker runs reglab_mt.wasm on a thread per core (at most 4), and a run
// gives the same numbers, to the last bit, as the single-threaded build
// (`worker.js?threads=1`); served like most static hosts, without those
// headers, it runs the single-threaded build, trains, and says why it uses
// one thread; and when a thread of the pool cannot start, the trainer falls
// back to one thread at once instead of dying.
import test from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { copyDist, openLab, DIST } from './browser.mjs';
import { trainInWorker } from './train_in_worker.mjs';

const haveData = existsSync(`${DIST}data/train-images-idx3-ubyte.gz`);
const POOL = /reglab_mt\.worker-[^/]*\.js/;

test('isolated: a thread per core (at most 4), and the same numbers as one thread', { skip: !haveData && 'no Fashion-MNIST in dist/data' }, async () => {
  const lab = await openLab();
  try {
    const { page } = lab;
    assert.equal(await page.evaluate(() => self.crossOriginIsolated), true);
    const script = `${lab.url}assets/${readdirSync(`${DIST}assets`).find((f) => /^worker-.*\.js$/.test(f))}`;
    // 784-128-10 with batch norm and dropout, batch 512, 10 % held out: every kind of product, split.
    const config = { hidden: [128], batchnorm: true, dropout: 0.2, batch_size: 512, epochs: 1, validation_split: 0.1, optimizer: 'adam', seed: 3 };
    // The numbers of each epoch; its seconds differ, of course.
    const numbers = ({ ready, history }) => ({ ready, history: history.map(({ seconds, ...rest }) => rest) });
    const threaded = numbers(await trainInWorker(page, script, config));
    const single = numbers(await trainInWorker(page, `${script}?threads=1`, config));
    const expected = Math.min(4, cpus().length);
    assert.equal(threaded.ready.threads, expected, `threads on ${cpus().length} cores`);
    assert.equal(threaded.ready.threads_allowed, true);
    assert.equal(threaded.ready.threads_note, null);
    assert.equal(single.ready.threads, 1);
    if (expected > 1) assert.ok(page.workers().some((w) => POOL.test(w.url())) || lab.requests.some((u) => POOL.test(u)), 'the pool\'s workers were made');
    assert.ok(Number.isFinite(threaded.history[0].loss) && threaded.history[0].val_accuracy > 0.6, JSON.stringify(threaded.history));
    assert.deepEqual(threaded.history, single.history, 'the same numbers, bit for bit');
    assert.deepEqual(lab.problems, []);
  } finally {
    await lab.close();
  }
});

test('not isolated (a plain static host): one thread, the page says why, and it trains', { skip: !haveData && 'no Fashion-MNIST in dist/data' }, async () => {
  const lab = await openLab({ isolate: false, path: '#fashion-mnist' });
  try {
    const { page } = lab;
    assert.equal(await page.evaluate(() => self.crossOriginIsolated), false);
    await page.click('#fashion-mnist button.load-data');
    await page.waitForFunction(() => window.reglabTrainer.state.data.status === 'loaded', null, { timeout: 60000 });
    const status = await page.$eval('#fashion-mnist .data-status', (el) => el.textContent);
    assert.match(status, /Training runs on one thread: this host does not let the page use more/);
    assert.deepEqual(await page.evaluate(() => ({ threads: window.reglabTrainer.state.threads, allowed: window.reglabTrainer.state.threadsAllowed })), { threads: 1, allowed: false });
    assert.equal(page.workers().filter((w) => POOL.test(w.url())).length, 0, 'no thread pool');
    await page.click('[data-pair="N1-N2"] button[data-preset="N2"]');
    await page.waitForFunction(() => window.reglabTrainer.state.current?.history.length >= 1, null, { timeout: 120000 });
    await page.evaluate(() => window.reglabTrainer.stop());
    assert.deepEqual(lab.problems, []);
  } finally {
    await lab.close();
  }
});

test('a pool thread that cannot start: the trainer falls back to one thread at once and says why', async () => {
  // dist/ without its data, with the pool's worker script broken (as a
  // browser that refuses nested workers, or a damaged upload, would leave it).
  const root = copyDist('pool');
  const pool = readdirSync(`${root}/assets`).find((f) => POOL.test(f));
  writeFileSync(`${root}/assets/${pool}`, 'this is not JavaScript (');
  const lab = await openLab({ root });
  try {
    const { page } = lab;
    const script = `${lab.url}assets/${readdirSync(`${root}/assets`).find((f) => /^worker-.*\.js$/.test(f))}`;
    const started = Date.now();
    const ready = await page.evaluate((url) => new Promise((resolve, reject) => {
      const worker = new Worker(url, { type: 'module' });
      worker.onmessage = (e) => { if (e.data.type === 'ready') { resolve(e.data); worker.terminate(); } };
      worker.onerror = (e) => reject(new Error(`the trainer worker died: ${e.message}`));
    }), script);
    if (cpus().length > 1) {
      assert.equal(ready.threads, 1);
      assert.match(ready.threads_note, /a thread of the pool failed to start/);
      assert.ok(Date.now() - started < 15000, `fell back in ${Date.now() - started} ms, not after the 20 s timeout`);
    }
  } finally {
    await lab.close();
    rmSync(root, { recursive: true, force: true });
  }
});
