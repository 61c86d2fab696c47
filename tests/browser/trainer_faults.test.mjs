// The trainer's faults and files in headless Chromium, as a user meets them:
// a bad IDX file through the file picker (a message; the page, and the data
// loaded before, keep working), a learning rate of 1e3 (refused) and a run
// that diverges (stopped at that batch, a message suggesting a lower
// learning rate, its curve kept), a worker that runs out of memory (3 x 4096
// hidden units with a batch of 60,000: the core's limits allow it, the 2 GB
// wasm heap does not; the page says so and makes a new worker, the runs
// stay), a run exported as JSON and CSV (downloads parsed back), a damaged
// import refused, a good one accepted, the model downloaded, evaluated by
// `reglab evaluate --model` and loaded back in the page, and every run still
// there after a reload (IndexedDB). Tiny runs (1,000 images) keep it short.
// Screenshot: build/screenshots/trainer_files.png.
import test from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openLab, DIST } from './browser.mjs';
import { parseRunFile } from '../../web/src/trainer/run_file.js';

const SCREENSHOTS = new URL('../../build/screenshots/', import.meta.url).pathname;
const CLI = process.env.REGLAB_CLI ?? fileURLToPath(new URL('../../build/native/reglab', import.meta.url));
const FASHION = '/usr/share/datasets/fashion-mnist';
const haveData = existsSync(`${DIST}data/train-images-idx3-ubyte.gz`);
const skip = !haveData && 'dist/data has no Fashion-MNIST files';

let lab = null;
let page = null;
let dir = null;
test.before(async () => {
  if (skip) return;
  lab = await openLab({ path: '#fashion-mnist' });
  page = lab.page;
  dir = mkdtempSync(join(tmpdir(), 'reglab-faults-'));
});
test.after(async () => {
  await lab?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const trainer = (fn, arg) => page.evaluate(fn, arg);
async function until(fn, arg, timeout = 60000) {
  try {
    return await page.waitForFunction(fn, arg, { timeout });
  } catch (error) {
    const seen = await page.evaluate(() => JSON.stringify({
      runs: window.reglabTrainer?.state.runs.map((r) => ({ id: r.id, status: r.status, reason: r.reason, epochs: r.history.length })),
      data: window.reglabTrainer?.state.data.status,
      error: window.reglabTrainer?.state.error,
      panel: document.querySelector('.run-panel .message')?.textContent,
    })).catch(() => 'the page did not answer');
    throw new Error(`${error.message}\nwaiting for: ${fn}\nthe page: ${seen}`);
  }
}
const text = (selector) => page.$eval(selector, (el) => el.textContent);
// Problems on the console, leaving out what a test provokes on purpose.
const problems = () => lab.problems.filter((p) => !/enlarge memory|out of memory|Failed to load resource/i.test(p));

// Fills the playground's form and presses Train.
async function train(settings) {
  const form = page.locator('#playground');
  await form.scrollIntoViewIfNeeded();
  for (const [label, value] of Object.entries(settings)) {
    const field = form.getByLabel(label, { exact: label !== 'Dropout rate' });
    if (label === 'Optimizer') await field.selectOption(value);
    else await field.fill(String(value));
  }
  await form.locator('button:has-text("Train")').click();
}
const SMALL = { 'Hidden units (e.g. 256, 128)': '32', 'Dropout rate': '0', 'L2 factor': '0', Optimizer: 'adam', 'Learning rate': '0.003', 'Batch size': '50', Epochs: '2', 'Validation split': '0.2', 'First N images (0 = all)': '1000' };
// Diverges in epoch 2 (tests/node/trainer_faults.test.mjs: the weights double each batch).
const DIVERGING = { ...SMALL, Optimizer: 'sgd', 'Learning rate': '10', Momentum: '0', 'L2 factor': '0.15', Epochs: '4' };

async function download(selector) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  const path = join(dir, file.suggestedFilename());
  await file.saveAs(path);
  return { name: file.suggestedFilename(), path, bytes: readFileSync(path) };
}

test('a bad IDX file through the file picker: a message, and the page keeps working', { skip, timeout: 60000 }, async () => {
  const picker = '#fashion-mnist input[type=file]';
  const zeros = Buffer.alloc(2000);
  await page.setInputFiles(picker, [{ name: 'train-images-idx3-ubyte', mimeType: 'application/octet-stream', buffer: zeros }, { name: 'train-labels-idx1-ubyte', mimeType: 'application/octet-stream', buffer: zeros }]);
  await until(() => window.reglabTrainer.state.data.status === 'failed');
  // the view redraws on its next frame (throttled), after the state changed
  await until(() => document.querySelector('#fashion-mnist .data-status').textContent.startsWith('The data could not be loaded'));
  assert.match(await text('#fashion-mnist .data-status'), /^The data could not be loaded: .*(magic|IDX)/i);

  // the page still works: the built-in data load
  await page.click('#fashion-mnist button.load-data');
  await until(() => window.reglabTrainer.state.data.status === 'loaded');
  assert.equal(await trainer(() => window.reglabTrainer.state.data.info.train.count), 60000);

  // a truncated file now: a message, and Fashion-MNIST stays loaded
  const images = readFileSync(`${DIST}data/t10k-images-idx3-ubyte.gz`);
  await page.setInputFiles(picker, [{ name: 't10k-images-idx3-ubyte.gz', mimeType: 'application/gzip', buffer: images.subarray(0, 3000) }, { name: 't10k-labels-idx1-ubyte.gz', mimeType: 'application/gzip', buffer: readFileSync(`${DIST}data/t10k-labels-idx1-ubyte.gz`) }]);
  await until(() => !document.querySelector('#fashion-mnist .data-problem').hidden);
  assert.match(await text('#fashion-mnist .data-problem'), /could not be loaded: .*The data loaded before are still in use\.$/);
  const data = await trainer(() => window.reglabTrainer.state.data);
  assert.equal(data.status, 'loaded');
  assert.equal(data.name, 'Fashion-MNIST');
  assert.equal(data.info.train.count, 60000);
});

test('learning rate 1e3 is refused; a run that diverges stops, says so and keeps its curve', { skip, timeout: 60000 }, async () => {
  await train({ ...DIVERGING, 'Learning rate': '1e3' });
  await until(() => /^Error/.test(document.querySelector('.run-panel .message')?.textContent));  // the panel redraws 4 times a second
  assert.equal(await text('.run-panel .message'), 'Error: optimizer: learning rate must be in (0, 10], got 1000');

  await train(DIVERGING);
  await until(() => window.reglabTrainer.state.current?.status === 'finished');
  const run = await trainer(() => { const r = window.reglabTrainer.state.current; return { reason: r.reason, at: r.diverged_at, epochs: r.history.length, name: r.name }; });
  assert.equal(run.reason, 'diverged');
  assert.equal(run.at.epoch, 2);
  assert.equal(run.epochs, 1);
  await until(() => /diverged/.test(document.querySelector('.run-panel .message')?.textContent ?? ''));
  assert.match(await text('.run-panel .message'), new RegExp(`^Training diverged at epoch 2, batch ${run.at.batch}: the loss became NaN or infinite, so training stopped there\\. The curves up to that point are kept\\. Try a lower learning rate \\(this run used 10; try 1\\)\\.$`));
  assert.equal(await text('.run-panel .badge'), 'diverged (loss not finite)');
  assert.match(await text('.run-panel .run-stats'), new RegExp(`^Epoch 2/4 · batch ${run.at.batch}/16 ·`));
  // the curve so far: epoch 1 is drawn
  await until((name) => new RegExp(`${name.replace(/[#]/g, '.')}: train=1`).test(document.querySelector('#playground .curves-view')?.dataset.drawn ?? ''), run.name);
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.locator('.run-panel').screenshot({ path: `${SCREENSHOTS}trainer_diverged.png` });
});

test('out of memory in the worker: the page says so, makes a new worker, keeps the runs', { skip, timeout: 90000 }, async () => {
  const before = await trainer(() => window.reglabTrainer.state.runs.length);
  await train({ ...SMALL, 'Hidden units (e.g. 256, 128)': '4096, 4096, 4096', 'Batch size': '60000', 'Validation split': '0', 'First N images (0 = all)': '0', Epochs: '1' });
  await until(() => window.reglabTrainer.state.restarts === 1, undefined, 60000);
  await until(() => /^The training worker failed/.test(document.querySelector('.run-panel .message')?.textContent));
  const message = await text('.run-panel .message');
  assert.match(message, /^The training worker failed: out of memory \(the browser refused to grow the WebAssembly heap\)\. A new worker has taken its place; your finished runs are kept/);
  assert.match(message, /try fewer or smaller hidden layers, or a smaller batch\.$/);
  await page.locator('.run-panel').screenshot({ path: `${SCREENSHOTS}trainer_worker_failed.png` });
  assert.equal(await trainer(() => window.reglabTrainer.state.runs.filter((r) => r.status === 'finished').length), before);

  // the new worker trains: the data load again (from the browser's cache)
  const runs = await trainer(() => window.reglabTrainer.state.runs.length);
  await train(SMALL);
  await until((n) => window.reglabTrainer.state.runs.length === n + 1 && window.reglabTrainer.state.runs[n].results, runs);
  assert.equal(await trainer(() => window.reglabTrainer.state.current.reason), 'done');
  assert.equal(await trainer(() => window.reglabTrainer.state.data.fromCache), true);
  assert.equal(await trainer(() => window.reglabTrainer.state.error), null);
});

test('a run downloads as JSON and CSV that parse back; a damaged import is refused, a good one accepted', { skip, timeout: 60000 }, async () => {
  await page.locator('#compare').scrollIntoViewIfNeeded();
  const run = await trainer(() => { const r = window.reglabTrainer.state.current; return { id: r.id, config: r.config, history: r.history, test: r.results.test.accuracy }; });
  const row = `#compare .runs-table tr[data-run="${run.id}"]`;
  await until((sel) => document.querySelector(sel), row);

  const json = await download(`${row} button[data-file="json"]`);
  assert.match(json.name, /^reglab-run-playground\.json$/);
  const file = parseRunFile(json.bytes.toString('utf8'));
  assert.deepEqual(file.settings, run.config);
  assert.equal(file.seed, run.config.seed);
  assert.deepEqual(file.metrics, run.history);
  assert.equal(file.test.accuracy, run.test);

  const csv = await download(`${row} button[data-file="csv"]`);
  const lines = csv.bytes.toString('utf8').trimEnd().split('\n');
  assert.equal(lines[0], 'epoch,loss,accuracy,val_loss,val_accuracy,seconds');
  assert.equal(lines.length, 1 + run.history.length);
  lines.slice(1).forEach((line, i) => {
    const [epoch, loss, accuracy, valLoss, valAccuracy] = line.split(',').map(Number);
    assert.deepEqual([epoch, loss, accuracy, valLoss, valAccuracy], ['epoch', 'loss', 'accuracy', 'val_loss', 'val_accuracy'].map((k) => run.history[i][k]));
  });

  const count = await trainer(() => window.reglabTrainer.state.runs.length);
  const importer = '#compare input.import-run';
  await page.setInputFiles(importer, { name: 'damaged.json', mimeType: 'application/json', buffer: json.bytes.subarray(0, 300) });
  await until(() => /Not imported/.test(document.querySelector('#compare .import-message').textContent));
  assert.match(await text('#compare .import-message'), /^Not imported: damaged\.json: not a JSON file \(.*\)\. Nothing else changed\.$/);
  const future = JSON.stringify({ ...JSON.parse(json.bytes), version: 2 });
  await page.setInputFiles(importer, { name: 'future.json', mimeType: 'application/json', buffer: Buffer.from(future) });
  await until(() => /version 2/.test(document.querySelector('#compare .import-message').textContent));
  assert.equal(await text('#compare .import-message'), 'Not imported: future.json: run file version 2 is not supported (this page reads version 1). Nothing else changed.');
  assert.equal(await trainer(() => window.reglabTrainer.state.runs.length), count);

  await page.setInputFiles(importer, json.path);
  await until((n) => window.reglabTrainer.state.runs.length === n + 1, count);
  const imported = await trainer(() => window.reglabTrainer.state.runs.at(-1));
  assert.equal(imported.source, 'imported');
  assert.equal(await trainer(() => window.reglabTrainer.testResult(window.reglabTrainer.state.runs.at(-1)).accuracy), run.test);
  assert.deepEqual(imported.history, run.history);
  await until((n) => document.querySelectorAll('#compare .runs-table tbody tr').length === n + 1, count);
});

test('the model file: `reglab evaluate --model` reads it, and the page loads it back', { skip, timeout: 60000 }, async () => {
  const run = await trainer(() => { const r = window.reglabTrainer.state.runs.filter((x) => x.results).at(-1); return { id: r.id, test: r.results.test }; });
  const model = await download(`#compare .runs-table tr[data-run="${run.id}"] button[data-file="model"]`);
  assert.equal(model.name, 'reglab-model-playground.bin');
  assert.equal(model.bytes.subarray(0, 8).toString('latin1'), 'REGLABNN');
  if (existsSync(CLI) && existsSync(FASHION)) {
    const cli = JSON.parse(execFileSync(CLI, ['evaluate', '--model', model.path, '--data-dir', FASHION, '--json'], { encoding: 'utf8' }));
    // SIMD (page) and scalar (CLI) sums differ in the last bits: see tests/node/model_file.test.mjs
    assert.ok(Math.abs(cli.test_accuracy - run.test.accuracy) <= 0.002, `CLI ${cli.test_accuracy}, page ${run.test.accuracy}`);
    assert.ok(Math.abs(cli.test_loss - run.test.loss) <= 1e-4 * run.test.loss, `CLI ${cli.test_loss}, page ${run.test.loss}`);
  }

  const loader = '#compare input.load-model';
  await page.setInputFiles(loader, model.path);
  await until(() => document.querySelector('#compare .model-message').dataset.state === 'loaded');
  const pct = (100 * run.test.accuracy).toFixed(2);
  assert.match(await text('#compare .model-message'), new RegExp(`^reglab-model-playground\\.bin: a 784-32-10 network \\(inputs / 255, 25,450 weights\\)\\. Test accuracy ${pct.replace('.', '\\.')}% \\(loss [\\d.]+ on 10,000 test pictures\\)\\.$`));

  const damaged = Buffer.from(model.bytes);
  damaged[300] ^= 1;
  await page.setInputFiles(loader, { name: 'damaged.bin', mimeType: 'application/octet-stream', buffer: damaged });
  await until(() => document.querySelector('#compare .model-message').dataset.state === 'refused');
  assert.equal(await text('#compare .model-message'), 'damaged.bin was not loaded: model file: damaged or truncated (checksum mismatch). Nothing else changed.');
  const other = Buffer.from(model.bytes);
  other[8] = 9;
  await page.setInputFiles(loader, { name: 'v9.bin', mimeType: 'application/octet-stream', buffer: other });
  await until(() => /v9\.bin/.test(document.querySelector('#compare .model-message').textContent));
  assert.equal(await text('#compare .model-message'), 'v9.bin was not loaded: model file: format version 9 is not supported (this build reads version 1). Nothing else changed.');
  assert.equal(await trainer(() => window.reglabTrainer.state.error), null);
});

test('finished runs survive a reload (IndexedDB), with their files', { skip, timeout: 60000 }, async () => {
  const before = await trainer(() => window.reglabTrainer.finishedRuns().map((r) => ({ reason: r.reason, history: r.history, config: r.config })));
  assert.ok(before.length >= 3, `${before.length} finished runs`);
  await page.reload();
  await page.waitForSelector('html[data-ready="true"]');
  await page.evaluate(() => window.reglabTrainer.restored);
  const after = await trainer(() => window.reglabTrainer.state.runs.map((r) => ({ source: r.source, reason: r.reason, history: r.history, config: r.config, model: Boolean(window.reglabTrainer.modelBytes(r)) })));
  assert.deepEqual(after.map(({ reason, history, config }) => ({ reason, history, config })), before);
  assert.ok(after.every((r) => r.source === 'saved'));
  // the models of the trained runs were kept; an imported run (JSON) has none
  assert.deepEqual(after.map((r) => r.model), [...after.slice(0, -1).map(() => true), false]);
  await page.locator('#compare').scrollIntoViewIfNeeded();
  await until((n) => document.querySelectorAll('#compare .runs-table tbody tr').length === n, before.length);
  assert.match(await text('#compare .storage-note'), new RegExp(`^Finished runs are kept in this browser \\(${before.length} restored from earlier visits\\)\\.$`));
  assert.equal(await page.locator('#compare .run-source').first().textContent(), ' (from an earlier visit)');
  // a restored run's model still downloads
  const id = await trainer(() => window.reglabTrainer.state.runs.find((r) => r.reason === 'done').id);
  const model = await download(`#compare .runs-table tr[data-run="${id}"] button[data-file="model"]`);
  assert.equal(model.bytes.subarray(0, 8).toString('latin1'), 'REGLABNN');
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.locator('#compare').screenshot({ path: `${SCREENSHOTS}trainer_files.png` });
  assert.deepEqual(problems(), []);
});

// A page of its own, with `script` run before the lab's code; one tiny run to its end.
async function withPatchedPage(script, check) {
  const own = await openLab({ path: '#compare', init: script });
  try {
    await own.page.evaluate(async () => {
      const l = window.reglabTrainer;
      await l.restored;
      await l.startRun({ config: { ...l.presetConfig('N2'), epochs: 1, train_limit: 500 }, name: 'tiny', origin: 'test' });
    });
    await own.page.waitForFunction(() => window.reglabTrainer.state.current?.results, null, { timeout: 60000 });
    await own.page.locator('#compare').scrollIntoViewIfNeeded();
    await check(own.page);
    assert.deepEqual(own.problems, []);
  } finally {
    await own.close();
  }
}

test('a browser without IndexedDB: a notice, and the runs work as before', { skip, timeout: 60000 }, async () => {
  await withPatchedPage(() => { delete window.indexedDB; }, async (p) => {
    await p.waitForFunction(() => /not kept after a reload/.test(document.querySelector('#compare .storage-note').textContent));
    assert.equal(await p.$eval('#compare .storage-note', (el) => el.textContent),
      'Runs are not kept after a reload: this browser has no IndexedDB. Everything else works; download a run as JSON to keep it.');
    await p.waitForFunction(() => document.querySelectorAll('#compare .runs-table tbody tr').length === 1);
    assert.equal(await p.evaluate(() => window.reglabTrainer.state.current.reason), 'done');
  });
});

// The quota, as IndexedDB reports it (a QuotaExceededError) for a record with a model.
test('a full storage quota: the run is kept without its model, and the page says so', { skip, timeout: 60000 }, async () => {
  await withPatchedPage(() => {
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (record, ...rest) {
      if (record?.model) throw new DOMException('quota reached', 'QuotaExceededError');
      return put.call(this, record, ...rest);
    };
  }, async (p) => {
    await p.waitForFunction(() => window.reglabTrainer.state.current.saved);
    assert.equal(await p.evaluate(() => window.reglabTrainer.state.current.saved.model), null);
    await p.waitForFunction(() => /without its model/.test(document.querySelector('#compare .storage-note').textContent));
    assert.equal(await p.$eval('#compare .storage-note', (el) => el.textContent),
      'Finished runs are kept in this browser. The browser\'s storage for this site is full: the latest run was kept without its model (download it to keep it).');
  });
});
