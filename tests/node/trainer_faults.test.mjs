// Faults in the trainer worker's engine (web/src/trainer/engine.js) with the
// real wasm module: a run that diverges stops at that batch and keeps its
// epochs; a learning rate of 1e3 is refused by the core; out of memory (the
// core's own limits allow 3 x 4096 hidden units; with a batch of 60,000 that
// needs more than the 2 GB wasm heap) and a wasm trap are fatal (the page
// makes a new worker); a bad IDX file is an error and the data stay; a model
// file loads through the protocol.
import test from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { loadModule } from './load.mjs';
import { NnLab } from '../../wasm/reglab_nn.js';
import { isFatal } from '../../web/src/trainer/engine.js';
import { engineHarness } from './engine_harness.mjs';

const FASHION = '/usr/share/datasets/fashion-mnist';
const haveData = existsSync(`${FASHION}/train-images-idx3-ubyte.gz`);
const read = (name) => new Uint8Array(readFileSync(`${FASHION}/${name}`));
// Diverges in epoch 2: SGD at the largest learning rate the core allows with
// an L2 factor whose decay step overshoots (|1 - 2 lr l2| = 2 > 1), so the
// weights double each batch until the loss overflows.
export const DIVERGING = { hidden: [32], optimizer: 'sgd', learning_rate: 10, momentum: 0, l2: 0.15, dropout: 0, epochs: 4, batch_size: 50, train_limit: 1000, validation_split: 0.2 };

let shared = null;
async function setup() {
  if (shared) return shared;
  const reglab = await loadModule();
  const lab = new NnLab(reglab.module);
  const h = engineHarness(lab);
  await h.engine.handle({
    type: 'load', id: 1, source: 'bytes',
    train: { images: read('train-images-idx3-ubyte.gz'), labels: read('train-labels-idx1-ubyte.gz') },
    test: { images: read('t10k-images-idx3-ubyte.gz'), labels: read('t10k-labels-idx1-ubyte.gz') },
  });
  assert.equal((await h.next('loaded')).type, 'loaded');
  shared = { reglab, lab, h };
  return shared;
}

test('a diverging run stops at that batch, says where, and keeps the epochs before it', { skip: !haveData && 'no Fashion-MNIST files' }, async () => {
  const { h } = await setup();
  await h.engine.handle({ type: 'configure', id: 2, config: DIVERGING });
  assert.equal((await h.next('configured')).type, 'configured');
  h.clear();
  await h.engine.handle({ type: 'start', id: 3 });
  const finished = await h.next('finished');
  assert.equal(finished.reason, 'diverged');
  assert.equal(finished.diverged_at.epoch, 2);
  assert.ok(finished.diverged_at.batch >= 1 && finished.diverged_at.batch <= 16, `batch ${finished.diverged_at.batch} of 16`);
  assert.ok(!Number.isFinite(finished.diverged_at.loss));
  assert.equal(finished.history.length, 1, 'epoch 1 is kept');
  assert.ok(Number.isFinite(finished.history[0].loss));
  assert.equal(h.replies.filter((r) => r.type === 'epoch').length, 1);
  const last = h.replies.filter((r) => r.type === 'progress').at(-1);  // the page shows where it stopped
  assert.deepEqual([last.epoch, last.batch], [2, finished.diverged_at.batch]);
  assert.equal(h.engine.state, 'finished');
});

test('learning rate 1e3 is refused by the core, and the worker carries on', { skip: !haveData && 'no Fashion-MNIST files' }, async () => {
  const { h } = await setup();
  await h.engine.handle({ type: 'configure', id: 4, config: { ...DIVERGING, learning_rate: 1e3 } });
  const error = await h.next('configured');
  assert.equal(error.type, 'error');
  assert.equal(error.id, 4);
  assert.equal(error.fatal, false);
  assert.equal(error.message, 'optimizer: learning rate must be in (0, 10], got 1000');
});

test('a bad IDX file is an error; the data and the finished run stay', { skip: !haveData && 'no Fashion-MNIST files' }, async () => {
  const { h } = await setup();
  await h.engine.handle({ type: 'configure', id: 5, config: { hidden: [8], epochs: 1, train_limit: 500, validation_split: 0 } });
  await h.next('configured');
  await h.engine.handle({ type: 'start', id: 6 });
  await h.next('finished');
  await h.engine.handle({ type: 'evaluate', id: 7 });
  const before = (await h.next('evaluation')).test;
  const labels = read('train-labels-idx1-ubyte.gz');
  const wrongMagic = new Uint8Array(1000);  // zeros: no IDX magic
  await h.engine.handle({ type: 'load', id: 8, source: 'files', files: [{ name: 'train-images-idx3-ubyte', bytes: wrongMagic.buffer }, { name: 'train-labels-idx1-ubyte.gz', bytes: labels.buffer.slice(0) }] });
  const error = await h.next('loaded');
  assert.equal(error.type, 'error');
  assert.equal(error.fatal, false);
  assert.match(error.message, /magic|IDX|image/i);
  assert.equal(h.engine.state, 'finished');
  await h.engine.handle({ type: 'evaluate', id: 9 });
  assert.deepEqual((await h.next('evaluation')).test, before);
});

test('a model file through the protocol: model-loaded with its test numbers', { skip: !haveData && 'no Fashion-MNIST files' }, async () => {
  const { h, lab } = await setup();
  const bytes = lab.saveModel();
  await h.engine.handle({ type: 'load-model', id: 10, bytes });
  const loaded = await h.next('model-loaded');
  assert.equal(loaded.type, 'model-loaded', loaded.message);
  assert.deepEqual(loaded.model.hidden, [8]);
  assert.equal(loaded.test.count, 10000);
  await h.engine.handle({ type: 'load-model', id: 11, bytes: bytes.slice(0, 40) });
  const refused = await h.next('model-loaded');
  assert.equal(refused.type, 'error');
  assert.equal(refused.fatal, false);
  assert.match(refused.message, /model file: damaged or truncated/);
});

test('a wasm trap while training is fatal; the engine refuses everything after it', async () => {
  const trapping = { heapBytes: () => 0, configure: () => ({ config: { epochs: 1, batch_size: 1 }, batches_per_epoch: 1, train_count: 1 }), run() { throw new WebAssembly.RuntimeError('unreachable'); }, loadData: () => ({ train: { count: 1 }, test: null }) };
  const h = engineHarness(trapping);
  await h.engine.handle({ type: 'load', id: 1, source: 'bytes', train: { images: new Uint8Array(4), labels: new Uint8Array(4) } });
  await h.engine.handle({ type: 'configure', id: 2, config: {} });
  await h.engine.handle({ type: 'start', id: 3 });
  const error = await h.next('never');
  assert.equal(error.type, 'error');
  assert.equal(error.fatal, true);
  assert.equal(error.message, 'unreachable');
  assert.equal(h.engine.state, 'broken');
  await h.engine.handle({ type: 'evaluate', id: 4 });
  assert.match((await h.next('never')).message, /this worker has failed: make a new one/);
  assert.ok(isFatal(new RangeError('WebAssembly.Memory.grow(): Maximum memory size exceeded')));
  assert.ok(!isFatal(new Error('model: dropout rate must be in [0, 1), got 1')));
});

test('out of memory through the core\'s own limits is fatal (3 x 4096 hidden units, a batch of 60,000)', { skip: !haveData && 'no Fashion-MNIST files', timeout: 60000 }, async () => {
  const reglab = await loadModule();  // a module of its own: its heap grows to the limit
  const lab = new NnLab(reglab.module);
  const h = engineHarness(lab);
  await h.engine.handle({ type: 'load', id: 1, source: 'bytes', train: { images: read('train-images-idx3-ubyte.gz'), labels: read('train-labels-idx1-ubyte.gz') } });
  await h.next('loaded');
  await h.engine.handle({ type: 'configure', id: 2, config: { hidden: [4096, 4096, 4096], batch_size: 60000, epochs: 1, validation_split: 0 } });
  const error = await h.next('configured');
  assert.equal(error.type, 'error');
  assert.equal(error.fatal, true);
  assert.equal(error.message, 'out of memory (the browser refused to grow the WebAssembly heap)');
  assert.equal(h.engine.state, 'broken');
  lab.delete();
});
