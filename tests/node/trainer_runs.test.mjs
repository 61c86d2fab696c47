// Runs as files and in the browser's storage, without the wasm module:
// run_file.js (JSON and CSV out, JSON in, with the schema's checks), the
// lab's run store logic (lab.js with a store stand-in: kept, restored after a
// "reload", the quota, a store that fails), and the client's handling of a
// worker that dies ('error', 'messageerror').
import test from 'node:test';
import assert from 'node:assert/strict';
import { runToJson, runToJsonText, runToCsv, parseRunFile, fileName, CSV_COLUMNS, RUN_FORMAT_VERSION } from '../../web/src/trainer/run_file.js';
import { validate, CONFIG_SCHEMA } from '../../web/src/trainer/schema.js';
import { TrainerClient } from '../../web/src/trainer/client.js';
import { createTrainerLab } from '../../web/src/trainer/lab.js';

const CONFIG = {
  hidden: [128], dropout: 0.5, batchnorm: false, l1: 0, l2: 0.001, optimizer: 'adam', learning_rate: 0.001,
  beta1: 0.9, beta2: 0.999, epsilon: 1e-7, epochs: 3, batch_size: 32, validation_split: 0.2, split_seed: 101,
  input_divisor: 255, train_limit: 3000, seed: 7, early_stopping_patience: 0,
};
const HISTORY = [
  { epoch: 1, loss: 0.9123456789012345, accuracy: 0.675, val_loss: 0.61, val_accuracy: 0.78, seconds: 0.5 },
  { epoch: 2, loss: 0.55, accuracy: 0.8, val_loss: 0.52, val_accuracy: 0.8133333333333334, seconds: 0.25 },
];
const RUN = {
  id: 3, name: '#3 Playground run', preset: null, origin: 'playground', data: 'fashion:Fashion-MNIST', config: CONFIG,
  status: 'finished', reason: 'stopped', history: HISTORY, best_epoch: 2, elapsed_s: 0.75,
  results: { test: { accuracy: 0.8012, loss: 0.56, count: 10000 }, model: new Uint8Array([1, 2, 3]) },
};

test('a run as JSON parses back with every value (settings, seed, each epoch)', () => {
  const text = runToJsonText(RUN);
  const file = parseRunFile(text);
  assert.equal(file.format, 'reglab-run');
  assert.equal(file.version, RUN_FORMAT_VERSION);
  assert.equal(file.name, 'Playground run');  // the per-visit "#3" is not part of it
  assert.equal(file.seed, 7);
  assert.deepEqual(file.settings, CONFIG);
  assert.deepEqual(file.metrics, HISTORY);  // numbers survive exactly (JSON keeps 17 digits)
  assert.deepEqual(file.test, { accuracy: 0.8012, loss: 0.56, count: 10000 });
  assert.equal(file.reason, 'stopped');
  assert.equal(fileName(RUN, 'run', 'json'), 'reglab-run-playground-run.json');
});

test('a run as CSV: a header and one row per epoch, empty cells without validation', () => {
  const lines = runToCsv(RUN).trimEnd().split('\n');
  assert.equal(lines[0], 'epoch,loss,accuracy,val_loss,val_accuracy,seconds');
  assert.equal(lines.length, 1 + HISTORY.length);
  const rows = lines.slice(1).map((line) => line.split(','));
  rows.forEach((cells, i) => CSV_COLUMNS.forEach((c, k) => assert.equal(Number(cells[k]), HISTORY[i][c], `${c} of epoch ${i + 1}`)));
  const noVal = runToCsv({ ...RUN, history: [{ ...HISTORY[0], val_loss: null, val_accuracy: null }] }).split('\n')[1];
  assert.equal(noVal, '1,0.9123456789012345,0.675,,,0.5');
});

test('a diverged run: NaN and infinite losses are written as null and read back', () => {
  const run = { ...RUN, reason: 'diverged', diverged_at: { epoch: 2, batch: 3, loss: NaN }, history: [{ ...HISTORY[0], val_loss: Infinity }] };
  const file = parseRunFile(JSON.stringify(runToJson(run)));
  assert.equal(file.metrics[0].val_loss, null);
  assert.deepEqual(file.diverged_at, { epoch: 2, batch: 3 });
});

test('damaged, foreign, other-version and out-of-range run files are refused with what is wrong', () => {
  const good = runToJson(RUN);
  const refused = (value, pattern) => assert.throws(() => parseRunFile(typeof value === 'string' ? value : JSON.stringify(value)), pattern);
  refused(runToJsonText(RUN).slice(0, 200), /not a JSON file/);
  refused('', /not a JSON file/);
  refused('[1, 2]', /the JSON is not an object/);
  refused({ ...good, format: 'keras-history' }, /not a run file of this lab \(format "keras-history"/);
  refused({ ...good, version: 2 }, /run file version 2 is not supported \(this page reads version 1\)/);
  refused({ ...good, settings: { ...CONFIG, dropout: 1 } }, /settings\.dropout: must be < 1, got 1/);
  refused({ ...good, settings: { ...CONFIG, hidden: [128, 0] } }, /settings\.hidden\[1\]: must be >= 1, got 0/);
  refused({ ...good, settings: { ...CONFIG, learning_rate: 1000 } }, /settings\.learning_rate: must be <= 10, got 1000/);
  refused({ ...good, metrics: [HISTORY[1]] }, /metrics\[0\]\.epoch: must be 1, got 2/);
  refused({ ...good, metrics: [{ ...HISTORY[0], accuracy: 'high' }] }, /metrics\[0\]\.accuracy: must be a number, got string/);
  refused({ ...good, seed: 8 }, /seed: 8 differs from settings\.seed 7/);
  const { metrics, ...noMetrics } = good;
  assert.ok(metrics);
  refused(noMetrics, /metrics: missing/);
  // many problems: the first three, and how many more
  refused({ ...good, settings: { hidden: 'x' } }, /\(and \d+ more\)/);
});

test('the schema checker: types, ranges, enums, anyOf', () => {
  assert.deepEqual(validate(CONFIG, CONFIG_SCHEMA), []);
  assert.deepEqual(validate({ ...CONFIG, optimizer: 'rmsprop' }, CONFIG_SCHEMA), ["optimizer: must be one of 'adam', 'sgd', got 'rmsprop'"]);
  assert.deepEqual(validate({ ...CONFIG, epochs: 2.5 }, CONFIG_SCHEMA), ['epochs: must be a whole number, got 2.5']);
  assert.deepEqual(validate({ ...CONFIG, batchnorm: 1 }, CONFIG_SCHEMA), ['batchnorm: must be a boolean, got 1']);
  assert.deepEqual(validate(null, CONFIG_SCHEMA), ['the file: must be an object, got null']);
});

// ---- the lab's run store logic -------------------------------------------------------

// A run store with run_store.js's interface, in memory; `fail` makes the next puts fail.
function memoryStore(records = []) {
  let next = records.length + 1;
  const store = {
    records,
    fail: null,
    async put(record) {
      const error = store.fail?.(record);
      if (error) throw error;
      const key = next++;
      records.push(structuredClone({ ...record, key }));
      return key;
    },
    async list() { return structuredClone(records); },
    async remove(key) { records.splice(records.findIndex((r) => r.key === key), 1); },
  };
  return store;
}

// A worker stand-in that answers configure/start/evaluate/predict/export like the engine.
function scriptedWorker() {
  const worker = {
    onmessage: null,
    posted: [],
    terminated: false,
    postMessage(m) {
      worker.posted.push(m);
      const reply = (r) => setImmediate(() => worker.onmessage?.({ data: { id: m.id, ...r } }));
      if (m.type === 'load') reply({ type: 'loaded', train: { count: 100 }, test: { count: 10, classes: 10 }, seconds: 0, from_cache: false });
      if (m.type === 'configure') reply({ type: 'configured', config: m.config, batches_per_epoch: 1 });
      if (m.type === 'start') {
        reply({ type: 'started' });
        setImmediate(() => worker.onmessage({ data: { type: 'finished', id: m.id, reason: 'done', history: HISTORY, best_epoch: 2, elapsed_s: 1 } }));
      }
      if (m.type === 'evaluate') reply({ type: 'evaluation', test: { accuracy: 0.75, loss: 0.7, count: 10 } });
      if (m.type === 'predict') reply({ type: 'prediction', probabilities: new Float32Array(100), classes: 10 });
      if (m.type === 'export') reply({ type: 'exported', model: new Uint8Array(64).fill(7), first_layer: {} });
    },
    terminate() { worker.terminated = true; },
  };
  return worker;
}

const waitFor = async (condition, what) => {
  const end = Date.now() + 5000;
  while (!condition()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
};

const newLab = (store, workers = []) => createTrainerLab({
  createWorker: () => { const w = scriptedWorker(); workers.push(w); return w; },
  dataUrls: {},
  presets: [],
  store,
});

test('finished runs are kept with their model and come back after a reload', async () => {
  const store = memoryStore();
  const lab = newLab(store);
  await lab.restored;
  assert.equal(lab.state.storage.status, 'ok');
  const run = await lab.startRun({ config: CONFIG, name: 'Playground run', origin: 'playground' });
  await waitFor(() => run.saved, 'the run kept');
  assert.equal(store.records.length, 1);
  assert.deepEqual(store.records[0].model, new Uint8Array(64).fill(7));
  assert.deepEqual(store.records[0].run.metrics, HISTORY);

  // "reload": a new lab on the same store
  const again = newLab(store);
  await again.restored;
  assert.equal(again.state.storage.restored, 1);
  const [restored] = again.state.runs;
  assert.equal(restored.source, 'saved');
  assert.equal(restored.status, 'finished');
  assert.equal(restored.name, '#1 Playground run');
  assert.deepEqual(restored.config, CONFIG);
  assert.deepEqual(restored.history, HISTORY);
  assert.equal(again.testResult(restored).accuracy, 0.75);
  assert.deepEqual(again.modelBytes(restored), new Uint8Array(64).fill(7));
  assert.deepEqual(again.finishedRuns(), [restored]);  // it is in the comparison
  // the next run of this visit is #2, and is kept too
  const next = await again.startRun({ config: CONFIG, name: 'second', origin: 'playground' });
  assert.equal(next.id, 2);
  await waitFor(() => next.saved, 'the second run kept');
  // removed: gone from the page and the store
  await again.forgetRun(restored);
  assert.deepEqual(again.state.runs, [next]);
  assert.equal(store.records.length, 1);
});

test('a record of another version is skipped, not shown, and counted', async () => {
  const store = memoryStore([{ key: 1, run: { ...runToJson(RUN), version: 99 } }, { key: 2, run: runToJson(RUN), model: null }]);
  const lab = newLab(store);
  await lab.restored;
  assert.equal(lab.state.runs.length, 1);
  assert.deepEqual(lab.state.storage, { status: 'ok', message: null, restored: 1, skipped: 1, full: false });
});

test('a full quota keeps the run without its model; a store that fails is a notice, the run stays', async () => {
  const store = memoryStore();
  const lab = newLab(store);
  await lab.restored;
  store.fail = (record) => (record.model ? new Error('the run was not kept: the browser\'s storage for this site is full') : null);
  const run = await lab.startRun({ config: CONFIG, name: 'big', origin: 'playground' });
  await waitFor(() => run.saved, 'the run kept');
  assert.equal(run.saved.model, null);
  assert.equal(store.records[0].model, null);
  assert.equal(lab.state.storage.full, true);
  assert.equal(lab.state.storage.status, 'ok');

  store.fail = () => new Error('the run was not kept: UnknownError');
  const other = await lab.startRun({ config: CONFIG, name: 'other', origin: 'playground' });
  await waitFor(() => lab.state.storage.status === 'failed', 'the notice');
  assert.equal(lab.state.storage.message, 'the run was not kept: UnknownError');
  assert.equal(other.status, 'finished');
  assert.equal(lab.state.runs.length, 2);
});

test('no IndexedDB: a notice, and runs work as before', async () => {
  const lab = createTrainerLab({ createWorker: scriptedWorker, dataUrls: {}, presets: [] });  // node has no indexedDB
  await lab.restored;
  assert.equal(lab.state.storage.status, 'failed');
  assert.match(lab.state.storage.message, /this browser has no IndexedDB/);
  const run = await lab.startRun({ config: CONFIG, name: 'x', origin: 'playground' });
  await waitFor(() => run.results, 'the results');
  assert.equal(run.saved, undefined);
});

test('importing: a good file becomes a run and is kept; a bad one is refused and nothing changes', async () => {
  const store = memoryStore();
  const lab = newLab(store);
  await lab.restored;
  const file = (text, name = 'run.json') => Object.assign(new Blob([text]), { name });
  const run = await lab.importRunFile(file(runToJsonText(RUN)));
  assert.equal(run.source, 'imported');
  assert.equal(run.origin, 'playground');
  assert.deepEqual(run.history, HISTORY);
  assert.equal(lab.testResult(run).accuracy, 0.8012);
  assert.equal(store.records.length, 1);
  await assert.rejects(lab.importRunFile(file('{"format": "reglab-run", "version": 7}', 'future.json')), /^Error: future\.json: run file version 7 is not supported/);
  await assert.rejects(lab.importRunFile(file('\u0000\u0001garbage', 'model.bin')), /^Error: model\.bin: not a JSON file/);
  assert.equal(lab.state.runs.length, 1);
  assert.equal(store.records.length, 1);
});

// ---- a worker that dies -----------------------------------------------------------------

test('the client: a worker error or an unreadable message rejects what is pending, as fatal', async () => {
  for (const fault of ['onerror', 'onmessageerror']) {
    const made = [];
    const client = new TrainerClient(() => { const w = { postMessage() {}, terminate() { w.terminated = true; } }; made.push(w); return w; });
    const fatal = [];
    client.on('error', (m) => fatal.push(m));
    const pending = client.request({ type: 'evaluate' });
    made[0][fault]({ message: 'Uncaught RuntimeError: unreachable', preventDefault() {} });
    await assert.rejects(pending, (error) => error.fatal === true);
    assert.equal(fatal.length, 1);
    assert.equal(fatal[0].fatal, true);
    if (fault === 'onerror') assert.equal(fatal[0].message, 'Uncaught RuntimeError: unreachable');
    else assert.match(fatal[0].message, /could not be read/);
  }
});

test('the lab: a fatal error replaces the worker at once and keeps the finished runs', async () => {
  const workers = [];
  const lab = newLab(memoryStore(), workers);
  await lab.restored;
  const run = await lab.startRun({ config: CONFIG, name: 'kept', origin: 'playground' });
  await waitFor(() => run.saved, 'the run kept');
  workers[0].onerror({ message: 'out of memory (the browser refused to grow the WebAssembly heap)', preventDefault() {} });
  assert.equal(workers.length, 2, 'a new worker');
  assert.ok(workers[0].terminated);
  assert.equal(lab.state.restarts, 1);
  assert.equal(lab.state.error.fatal, true);
  assert.equal(lab.state.data.status, 'none');
  assert.deepEqual(lab.finishedRuns(), [run]);
});
