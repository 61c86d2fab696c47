// The page's side of the trainer (web/src/trainer/lab.js and client.js)
// against the real engine and wasm module, with the worker replaced by an
// in-process stand-in: data by URL (a fetch that reads the Debian files),
// a preset run to its end with its test evaluation kept, then a fatal worker
// error: the page hears of it, keeps the finished run, makes a new worker,
// loads the data again and carries on.
import test from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { loadModule } from './load.mjs';
import { NnLab, nnPresets } from '../../wasm/reglab_nn.js';
import { createEngine } from '../../web/src/trainer/engine.js';
import { createTrainerLab } from '../../web/src/trainer/lab.js';

const FASHION = '/usr/share/datasets/fashion-mnist';
const haveData = existsSync(`${FASHION}/train-images-idx3-ubyte.gz`);
const URLS = {
  train_images: 'https://lab.test/data/train-images-idx3-ubyte.gz',
  train_labels: 'https://lab.test/data/train-labels-idx1-ubyte.gz',
  test_images: 'https://lab.test/data/t10k-images-idx3-ubyte.gz',
  test_labels: 'https://lab.test/data/t10k-labels-idx1-ubyte.gz',
};

// fetch() for the URLs above, from the files on disk.
async function fetchFromDisk(url) {
  const bytes = readFileSync(`${FASHION}/${url.split('/').pop()}`);
  return new Response(bytes, { headers: { 'content-length': String(bytes.length) } });
}

// A Worker look-alike: messages go to an engine in this process, replies
// come back through onmessage, asynchronously as from a real worker.
function inProcessWorker(module, made) {
  const worker = {
    onmessage: null,
    onerror: null,
    terminated: false,
    postMessage(message) {
      if (!worker.terminated) setImmediate(() => engine.handle(structuredClone(message)));
    },
    terminate() {
      worker.terminated = true;
      lab.delete();
    },
  };
  const lab = new NnLab(module);
  const engine = createEngine({
    lab,
    post: (message) => setImmediate(() => { if (!worker.terminated) worker.onmessage?.({ data: message }); }),
    schedule: (fn) => setImmediate(fn),
    fetchImpl: fetchFromDisk,
  });
  setImmediate(() => worker.onmessage?.({ data: { type: 'ready', heap_bytes: lab.heapBytes() } }));
  made.push(worker);
  return worker;
}

const waitFor = async (condition, what, ms = 60000) => {
  const end = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
};

test('runs are kept across a failed worker; a new worker carries on', { skip: !haveData && 'no Fashion-MNIST files' }, async () => {
  const reglab = await loadModule();
  const workers = [];
  const lab = createTrainerLab({ createWorker: () => inProcessWorker(reglab.module, workers), dataUrls: URLS, presets: nnPresets(reglab.module), store: null });
  const kinds = [];
  lab.subscribe((state, kind) => kinds.push(kind));
  lab.setFast({ on: true, limit: 3000 });

  // N2 in fast mode, to its end, then the test set
  const config = { ...lab.presetConfig('N2'), epochs: 2 };
  assert.equal(config.train_limit, 3000);
  const run = await lab.startRun({ config, name: 'N2', preset: 'N2', origin: 'test' });
  assert.ok(run, lab.state.error?.message);
  assert.equal(lab.state.data.status, 'loaded');
  assert.equal(lab.state.data.info.train.count, 60000);
  await waitFor(() => run.results, 'the run\'s test evaluation');
  assert.equal(run.status, 'finished');
  assert.equal(run.reason, 'done');
  assert.equal(run.history.length, 2);
  assert.equal(run.results.test.count, 10000);
  assert.equal(run.results.probabilities.length, 10000 * 10);
  assert.equal(run.results.first_layer.units, 128);
  assert.ok(kinds.includes('progress') && kinds.includes('epoch') && kinds.includes('results'));

  // the worker fails: the page hears it, makes a new worker at once, the finished run stays
  workers[0].onerror({ message: 'RuntimeError: unreachable', preventDefault() {} });
  assert.equal(lab.state.worker, 'idle');
  assert.equal(workers.length, 2);
  assert.equal(lab.state.restarts, 1);
  assert.deepEqual(lab.state.error, { message: 'RuntimeError: unreachable', fatal: true });
  assert.equal(lab.state.data.status, 'none');
  assert.equal(lab.state.runs.length, 1);

  // the next run loads the data again in the new worker
  const again = await lab.startRun({ config: { ...lab.presetConfig('N1'), epochs: 1 }, name: 'N1', preset: 'N1', origin: 'test' });
  assert.ok(again, lab.state.error?.message);
  assert.equal(workers.length, 2);
  assert.ok(workers[0].terminated);
  await waitFor(() => again.results, 'the second run\'s results');
  assert.equal(lab.state.runs.length, 2);
  assert.equal(lab.state.runs[0], run);
  assert.equal(lab.finishedRuns().length, 2);
  assert.equal(lab.state.error, null);

  // a bad config is an error message, not a broken worker
  const bad = await lab.startRun({ config: { ...config, batch_size: 0 }, name: 'bad', origin: 'test' });
  assert.equal(bad, null);
  assert.match(lab.state.error.message, /batch size must be in 1\.\.65536/);
  assert.equal(lab.state.error.fatal, false);
  assert.equal(lab.state.worker, 'ready');
  workers.at(-1).terminate();
});
