// A trained model as a file, both ways between the page and the CLI: the
// bytes the worker exports (NnLab.saveModel, what the page downloads) load
// in `reglab evaluate --model` with the same test numbers, and a model the
// CLI saved (`reglab train --save`) loads in the page's NnLab.loadModel.
// Wrong version, damaged, truncated, empty files and other architectures
// are refused with the core's message, and the current run stays.
//
// Tolerance page vs CLI: the wasm build's SIMD GEMM sums in another order
// than the native build, so float32 results may differ in the last bits
// (see trainer_engine.test.mjs): 1e-4 relative on the loss, 0.2 percentage
// points on the accuracy. The page against itself (save, load) is exact.
import test from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadModule, assertClose } from './load.mjs';
import { NnLab } from '../../wasm/reglab_nn.js';
import { maybeGunzip } from '../../web/src/trainer/data.js';

const FASHION = '/usr/share/datasets/fashion-mnist';
const CLI = process.env.REGLAB_CLI ?? fileURLToPath(new URL('../../build/native/reglab', import.meta.url));
const haveData = existsSync(`${FASHION}/t10k-images-idx3-ubyte.gz`);
const haveCli = existsSync(CLI);
const LOSS_REL = 1e-4;
const ACC_ABS = 0.002;
const SMALL = { hidden: [32], epochs: 1, batch_size: 64, train_limit: 2000, validation_split: 0, dropout: 0.2, seed: 3 };

const gunzip = (name) => maybeGunzip(new Uint8Array(readFileSync(`${FASHION}/${name}`)), name);

let shared = null;
async function setup() {
  if (shared) return shared;
  const reglab = await loadModule();
  const lab = new NnLab(reglab.module);
  lab.loadData({
    train: { images: await gunzip('train-images-idx3-ubyte.gz'), labels: await gunzip('train-labels-idx1-ubyte.gz') },
    test: { images: await gunzip('t10k-images-idx3-ubyte.gz'), labels: await gunzip('t10k-labels-idx1-ubyte.gz') },
  });
  lab.configure(SMALL);
  while (!lab.run(1000).done);
  shared = { lab, trained: lab.evaluateTest(), bytes: lab.saveModel(), dir: mkdtempSync(join(tmpdir(), 'reglab-model-')) };
  return shared;
}
test.after(() => shared && rmSync(shared.dir, { recursive: true, force: true }));

const cliEvaluate = (file) => JSON.parse(execFileSync(CLI, ['evaluate', '--model', file, '--data-dir', FASHION, '--json'], { encoding: 'utf8', timeout: 60000 }));

// CRC-32 (IEEE), as core/nn/serialize.cpp: to make files whose checksum is right but whose content is not.
function crc32(bytes) {
  let crc = 0xffffffff;
  for (const b of bytes) {
    crc ^= b;
    for (let k = 0; k < 8; ++k) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return (crc ^ 0xffffffff) >>> 0;
}
function withChecksum(payload) {
  const out = new Uint8Array(payload.length + 4);
  out.set(payload);
  new DataView(out.buffer).setUint32(payload.length, crc32(payload), true);
  return out;
}

test('the page\'s model bytes load in `reglab evaluate --model` with the page\'s test numbers', { skip: (!haveData && 'no Fashion-MNIST files') || (!haveCli && `${CLI} is not built`) }, async () => {
  const { trained, bytes, dir } = await setup();
  assert.equal(new TextDecoder().decode(bytes.subarray(0, 8)), 'REGLABNN');
  const file = join(dir, 'reglab-model-1-playground.bin');
  writeFileSync(file, bytes);
  const cli = cliEvaluate(file);
  assert.deepEqual(cli.model.hidden, [32]);
  assert.equal(cli.test_count, 10000);
  assert.equal(trained.count, 10000);
  assertClose(cli.test_loss, trained.loss, { rel: LOSS_REL, what: 'test loss, CLI vs page' });
  assertClose(cli.test_accuracy, trained.accuracy, { abs: ACC_ABS, rel: 0, what: 'test accuracy, CLI vs page' });
  assert.ok(trained.accuracy > 0.6, `a trained model: test accuracy ${trained.accuracy}`);
});

test('the page loads its own model file back: the same test numbers, exactly', { skip: !haveData && 'no Fashion-MNIST files' }, async () => {
  const { lab, trained, bytes } = await setup();
  const loaded = lab.loadModel(bytes);
  assert.deepEqual(loaded.model, { inputs: 784, hidden: [32], classes: 10, dropout: 0.2, batchnorm: false, l1: 0, l2: 0 });
  assert.equal(loaded.input_divisor, 255);
  assert.equal(loaded.parameters, 784 * 32 + 32 + 32 * 10 + 10);
  assert.equal(loaded.test.accuracy, trained.accuracy);
  assert.equal(loaded.test.loss, trained.loss);
  assert.deepEqual(loaded.test.confusion, trained.confusion);
});

test('a model the CLI saved loads in the page with the CLI\'s test numbers', { skip: (!haveData && 'no Fashion-MNIST files') || (!haveCli && `${CLI} is not built`) }, async () => {
  const { lab, dir } = await setup();
  const file = join(dir, 'cli.bin');
  execFileSync(CLI, ['train', '--data-dir', FASHION, '--hidden', '16', '--batchnorm', '--epochs', '1', '--train-limit', '1000', '--batch-size', '50', '--validation-split', '0', '--save', file], { encoding: 'utf8', timeout: 60000 });
  const cli = cliEvaluate(file);
  const page = lab.loadModel(new Uint8Array(readFileSync(file)));
  assert.equal(page.model.batchnorm, true);
  assert.deepEqual(page.model.hidden, [16]);
  assertClose(page.test.loss, cli.test_loss, { rel: LOSS_REL, what: 'test loss, page vs CLI' });
  assertClose(page.test.accuracy, cli.test_accuracy, { abs: ACC_ABS, rel: 0, what: 'test accuracy, page vs CLI' });
});

test('bad model files are refused with what is wrong; the run and the data stay', { skip: !haveData && 'no Fashion-MNIST files' }, async () => {
  const { lab, trained, bytes } = await setup();
  const refused = (b, pattern) => assert.throws(() => lab.loadModel(b), pattern);
  refused(new Uint8Array(0), /^Error: model file: the file is empty$/);
  refused(new TextEncoder().encode('epoch,loss\n1,0.5\n'), /model file: not a reglab model \(wrong magic\)/);
  const version = bytes.slice();
  version[8] = 2;  // u32 version, little-endian
  refused(version, /model file: format version 2 is not supported \(this build reads version 1\)/);
  const damaged = bytes.slice();
  damaged[200] ^= 0x40;  // a bit of a weight
  refused(damaged, /model file: damaged or truncated \(checksum mismatch\)/);
  refused(bytes.slice(0, bytes.length - 1000), /model file: damaged or truncated \(checksum mismatch\)/);
  refused(bytes.slice(0, 14), /model file: truncated \(14 bytes\)/);

  // Another architecture with a right checksum: the parameter count of a 784-32-10 file, read as 784-33-10.
  const payload = bytes.slice(0, bytes.length - 4);
  const view = new DataView(payload.buffer);
  view.setUint32(24, 33, true);  // magic 8, version 4, inputs 4, classes 4, hidden count 4: the first size
  refused(withChecksum(payload), /model file: architecture mismatch: 25450 parameters stored, but a 784-33-10 model has 26245/);
  // A model for other images (100 inputs) than the loaded 28 x 28 ones.
  const w = [];
  const u32 = (v) => { const b = new Uint8Array(4); new DataView(b.buffer).setUint32(0, v, true); w.push(...b); };
  const u64 = (v) => { u32(v); u32(0); };
  const f64 = (v) => { const b = new Uint8Array(8); new DataView(b.buffer).setFloat64(0, v, true); w.push(...b); };
  w.push(...new TextEncoder().encode('REGLABNN'));
  u32(1); u32(100); u32(10); u32(1); u32(4);
  f64(0); f64(0); f64(0); w.push(0); f64(255);
  const n = 100 * 4 + 4 + 4 * 10 + 10;
  u64(n);
  for (let i = 0; i < n; ++i) u32(0);
  u64(0);
  refused(withChecksum(Uint8Array.from(w)), /images have 784 .*100/);

  // nothing changed: the trained run's model and the data
  assert.deepEqual(lab.evaluateTest(), trained);
  assert.equal(lab.dataInfo().test.count, 10000);
});

test('a bad IDX file leaves the data and the model loaded before', { skip: !haveData && 'no Fashion-MNIST files' }, async () => {
  const { lab, trained } = await setup();
  const labels = await gunzip('t10k-labels-idx1-ubyte.gz');
  const images = await gunzip('t10k-images-idx3-ubyte.gz');
  const truncated = images.slice(0, 5000);
  assert.throws(() => lab.loadData({ train: { images: truncated, labels } }), /truncated|bytes/);
  assert.throws(() => lab.loadData({ train: { images, labels }, test: { images, labels: labels.slice(0, 100) } }), /label|count|match/i);
  assert.deepEqual(lab.dataInfo().train.count, 60000);
  assert.deepEqual(lab.evaluateTest(), trained);
});
