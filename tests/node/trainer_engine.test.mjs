// The trainer worker's engine (web/src/trainer/engine.js) driven directly, as
// the worker drives it, with the wasm module loaded from bytes: the protocol
// (replies, pause / resume / stop / step, errors as messages) and the numbers
// of short runs against the native CLI (`reglab train --json-lines`).
//
// Tolerance against the CLI: the wasm build runs the GEMM kernels with SIMD
// (another summation order than the native build), so the float32 results
// need not be bit-identical. Measured on these runs: losses within 6e-6
// relative (N6, batch norm: the largest), accuracies within 1 image in
// 10,000. We allow 1e-4 relative on losses and 0.2 percentage points
// (absolute) on accuracies: an image near a decision boundary may flip.
import test from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadModule, assertClose } from './load.mjs';
import { NnLab, nnPresets } from '../../wasm/reglab_nn.js';
import { engineHarness } from './engine_harness.mjs';
import { maybeGunzip } from '../../web/src/trainer/data.js';

const FASHION = '/usr/share/datasets/fashion-mnist';
const CLI = process.env.REGLAB_CLI ?? fileURLToPath(new URL('../../build/native/reglab', import.meta.url));
const haveData = existsSync(`${FASHION}/train-images-idx3-ubyte.gz`);
const LOSS_REL = 1e-4;
const ACC_ABS = 0.002;

const read = (name) => new Uint8Array(readFileSync(`${FASHION}/${name}`));

// An engine and the replies it posted; `until(type)` resolves with the next
// reply of that type (or rejects on an error reply).
function cliRun(args) {
  const out = execFileSync(CLI, ['train', '--data-dir', FASHION, '--json-lines', ...args], { encoding: 'utf8', timeout: 120000 });
  const lines = out.trim().split('\n').map((line) => JSON.parse(line));
  return { epochs: lines.filter((l) => 'epoch' in l), test: lines.find((l) => 'test_accuracy' in l) };
}

function cliHasTrain() {
  if (!existsSync(CLI)) return false;
  try {
    return !/not built yet/.test(execFileSync(CLI, ['train', '--help'], { encoding: 'utf8' }));
  } catch {
    return false;
  }
}

let shared = null;
async function setup() {
  if (shared) return shared;
  const reglab = await loadModule();
  const lab = new NnLab(reglab.module);
  const h = engineHarness(lab);
  const loaded = await h.request({
    type: 'load',
    id: 1,
    source: 'bytes',
    train: { images: read('train-images-idx3-ubyte.gz'), labels: read('train-labels-idx1-ubyte.gz') },
    test: { images: read('t10k-images-idx3-ubyte.gz'), labels: read('t10k-labels-idx1-ubyte.gz') },
  }, 'loaded');
  shared = { reglab, lab, h, loaded, presets: nnPresets(reglab.module) };
  return shared;
}

const preset = (presets, id) => presets.find((p) => p.id === id).config;

test('load: the four gzip files reach the core', { skip: !haveData && 'no Fashion-MNIST files' }, async () => {
  const { loaded } = await setup();
  assert.deepEqual(loaded.train, { count: 60000, features: 784, rows: 28, cols: 28, classes: 10, split: 'train' });
  assert.equal(loaded.test.count, 10000);
  assert.equal(loaded.id, 1);
  // The full set fits comfortably: 47 MB of training pixels, 8 MB of test pixels.
  assert.ok(loaded.heap_bytes <= 128 * 2 ** 20, `wasm heap ${loaded.heap_bytes} bytes`);
});

for (const [name, id, args] of [
  ['N2 (no validation, batch 32)', 'no-dropout-5ep', { train_limit: 2000, epochs: 2 }],
  ['N6 (batch norm, validation split 0.3, batch 2048)', 'batchnorm-20ep', { train_limit: 6000, epochs: 3 }],
  ['N4 (dropout 0.5, inputs /255 twice)', 'overfit-dropout-0.5-200ep', { train_limit: 3000, epochs: 2 }],
]) {
  test(`a short ${name} run gives the CLI's numbers`, { skip: (!haveData && 'no Fashion-MNIST files') || (!cliHasTrain() && `${CLI} has no train command yet`) }, async () => {
    const { h, presets } = await setup();
    const config = { ...preset(presets, id), ...args };
    const configured = await h.request({ type: 'configure', id: 2, config }, 'configured');
    assert.equal(configured.config.train_limit, args.train_limit);
    h.clear();
    const finished = h.until('finished');
    await h.engine.handle({ type: 'start', id: 3 });
    const done = await finished;
    assert.equal(done.reason, 'done');
    const evaluation = await h.request({ type: 'evaluate', id: 4 }, 'evaluation');

    const cli = cliRun(['--preset', id, '--train-limit', String(args.train_limit), '--epochs', String(args.epochs), '--seed', String(config.seed)]);
    assert.equal(done.history.length, cli.epochs.length);
    done.history.forEach((ours, i) => {
      const theirs = cli.epochs[i];
      assert.equal(ours.epoch, theirs.epoch);
      assertClose(ours.loss, theirs.loss, { rel: LOSS_REL, what: `epoch ${ours.epoch} loss` });
      assertClose(ours.accuracy, theirs.accuracy, { abs: ACC_ABS, rel: 0, what: `epoch ${ours.epoch} accuracy` });
      if (theirs.val_loss === null) {
        assert.equal(ours.val_loss, null);
      } else {
        assertClose(ours.val_loss, theirs.val_loss, { rel: LOSS_REL, what: `epoch ${ours.epoch} val_loss` });
        assertClose(ours.val_accuracy, theirs.val_accuracy, { abs: ACC_ABS, rel: 0, what: `epoch ${ours.epoch} val_accuracy` });
      }
      assert.ok(ours.seconds > 0);
    });
    assertClose(evaluation.test.loss, cli.test.test_loss, { rel: LOSS_REL, what: 'test loss' });
    assertClose(evaluation.test.accuracy, cli.test.test_accuracy, { abs: ACC_ABS, rel: 0, what: 'test accuracy' });
    // Every epoch was announced once, with a progress report at its end.
    assert.equal(h.of('epoch').length, args.epochs);
    assert.ok(h.of('progress').length >= args.epochs);
  });
}

test('pause, resume, step and stop', { skip: !haveData && 'no Fashion-MNIST files' }, async () => {
  const { h, lab, presets } = await setup();
  const config = { ...preset(presets, 'no-dropout-5ep'), train_limit: 6400, epochs: 3 };  // 200 batches per epoch
  await h.request({ type: 'configure', id: 10, config }, 'configured');

  // step one batch, then to the end of the epoch
  let paused = await h.request({ type: 'step', id: 11, unit: 'batch' }, 'paused');
  assert.equal(paused.id, 11);
  assert.equal(paused.progress.epoch, 1);
  assert.equal(paused.progress.batch, 1);
  paused = await h.request({ type: 'step', id: 12, unit: 'epoch' }, 'paused');
  assert.equal(paused.progress.epoch, 1);
  assert.equal(paused.progress.batch, 200);
  assert.equal(h.of('epoch').at(-1).metrics.epoch, 1);

  // start, then pause: answered within one chunk
  h.clear();
  const started = h.until('started');
  await h.engine.handle({ type: 'start', id: 13 });
  await started;
  await new Promise((resolve) => setTimeout(resolve, 30));
  paused = await h.request({ type: 'pause', id: 14 }, 'paused');
  const at = paused.progress;
  assert.equal(h.engine.state, 'paused');
  await new Promise((resolve) => setTimeout(resolve, 50));
  assert.equal(lab.progress().batch_in_epoch, at.batch, 'no training while paused');
  assert.equal(lab.progress().epoch, at.epoch);

  // a request that does not fit the state is an error message, and the run stays paused
  const error = await h.request({ type: 'configure', id: 15, config }, 'error').catch((e) => e);
  assert.match(String(error.message ?? error), /paused/);
  assert.equal(h.engine.state, 'paused');

  await h.request({ type: 'resume', id: 16 }, 'resumed');
  const stopped = await h.request({ type: 'stop', id: 17 }, 'finished');
  assert.equal(stopped.reason, 'stopped');
  assert.ok(stopped.history.length >= 1 && stopped.history.length <= 3);

  // the stopped model still answers
  const prediction = await h.request({ type: 'predict', id: 18, rows: [0, 1, 2] }, 'prediction');
  assert.equal(prediction.probabilities.length, 30);
  for (let i = 0; i < 3; ++i) {
    const sum = prediction.probabilities.slice(i * 10, i * 10 + 10).reduce((a, b) => a + b, 0);
    assertClose(sum, 1, { rel: 1e-5, what: `row ${i} probabilities` });
  }
  const images = await h.request({ type: 'images', id: 19, split: 'test', rows: [0, 9999] }, 'images');
  assert.equal(images.pixels.length, 2 * 784);
  assert.deepEqual([...images.labels], [9, 5]);  // t10k: an ankle boot first, a sandal last
  const exported = await h.request({ type: 'export', id: 20 }, 'exported');
  assert.equal(new TextDecoder().decode(exported.model.slice(0, 8)), 'REGLABNN');
  assert.equal(exported.first_layer.units, 128);
  assert.equal(exported.first_layer.values.length, 128 * 784);
});

test('the user\'s own files: gz or raw, told apart by magic number and name', { skip: !haveData && 'no Fashion-MNIST files' }, async () => {
  const reglab = await loadModule();
  const lab = new NnLab(reglab.module);
  const h = engineHarness(lab);
  const raw = async (name) => (await maybeGunzip(read(name))).buffer;
  const files = [
    { name: 'my-labels.idx1-ubyte.gz', bytes: read('train-labels-idx1-ubyte.gz').buffer },
    { name: 'test-images.idx3-ubyte', bytes: await raw('t10k-images-idx3-ubyte.gz') },
    { name: 'my-images.idx3-ubyte', bytes: await raw('train-images-idx3-ubyte.gz') },
    { name: 'test-labels.gz', bytes: read('t10k-labels-idx1-ubyte.gz').buffer },
  ];
  const loaded = await h.request({ type: 'load', id: 40, source: 'files', files }, 'loaded');
  assert.equal(loaded.train.count, 60000);
  assert.equal(loaded.test.count, 10000);
  const onlyTest = await h.request({ type: 'load', id: 41, source: 'files', files: files.filter((f) => f.name.startsWith('test')) }, 'error');
  assert.match(onlyTest.message, /training images and labels/);
  lab.delete();
});

test('errors are messages with the request id; the worker carries on', { skip: !haveData && 'no Fashion-MNIST files' }, async () => {
  const { h, presets } = await setup();
  const errorOf = async (message) => {
    const reply = h.until('error', { rejectOnError: false });
    await h.engine.handle(message);
    return reply;
  };
  let e = await errorOf({ type: 'configure', id: 30, config: { ...preset(presets, 'no-dropout-5ep'), dropout: 1.5 } });
  assert.equal(e.id, 30);
  assert.equal(e.fatal, false);
  assert.match(e.message, /dropout rate must be in \[0, 1\)/);
  e = await errorOf({ type: 'launch', id: 31 });
  assert.match(e.message, /unknown message type 'launch'/);
  e = await errorOf({ type: 'configure', id: 32, config: { hidden: [128], batch_size: 'many' } });
  assert.match(e.message, /batch_size must be a number/);
  e = await errorOf({ type: 'load', id: 33, source: 'files', files: [{ name: 'notes.txt', bytes: new TextEncoder().encode('hello').buffer }] });
  assert.match(e.message, /not an IDX/);
  // still works
  const configured = await h.request({ type: 'configure', id: 34, config: { ...preset(presets, 'no-dropout-5ep'), train_limit: 64, epochs: 1 } }, 'configured');
  assert.equal(configured.batches_per_epoch, 2);
});
