// The trainer's state on the page and what changes it: the data, the run in
// progress, the finished runs (kept when a worker fails and is replaced) and
// the shared settings. No DOM: views subscribe and redraw (coalesced to one
// update per animation frame on their side).
//
// A run: {id, name, preset, origin, color, config, info (configured reply),
// status: 'configured' | 'running' | 'paused' | 'finished' | 'failed',
// reason, diverged_at, progress (last progress reply), history [epoch metrics],
// best_epoch, elapsed_s, results: null | {test, probabilities, first_layer,
// model}, source: 'trained' | 'saved' (restored after a reload) | 'imported',
// saved: null | {key, test, model} (what the run store keeps)}.
//
// Finished runs go to the run store (run_store.js, IndexedDB) and come back
// on the next visit; they can be exported and imported as files (run_file.js).
import { TrainerClient } from './client.js';
import { openRunStore, isQuotaError, MODEL_KEEP_BYTES } from './run_store.js';
import { runToJson, checkRun, parseRunFile, MAX_RUN_FILE_BYTES } from './run_file.js';

// Run colours come from the page's colour-blind-safe palette (Okabe-Ito):
// the post's pairs in two different hues, the playground's runs in the rest.
import { presetColors as PRESET_COLORS, runColors as RUN_COLORS } from '../charts/palette.js';
export { PRESET_COLORS };

export const FAST_LIMITS = [3000, 6000, 12000];
// Model files larger than this are refused before they are read (the
// largest model the core allows, 3 x 4096 hidden units with batch norm, is ~150 MB).
export const MAX_MODEL_FILE_BYTES = 256 * 2 ** 20;

/**
 * createWorker(): a module Worker (worker.js). dataUrls: {train_images,
 * train_labels, test_images, test_labels} (absolute). presets: nnPresets().
 */
export function createTrainerLab({ createWorker, dataUrls, presets, store = openRunStore() }) {
  const client = new TrainerClient(createWorker);
  const listeners = new Set();
  let nextRunId = 1;
  let dataPromise = null;
  let analysis = Promise.resolve();  // the last run's evaluation: the next run waits for it
  const pixelCache = new Map();  // test row -> {pixels: Uint8Array (784), label}

  const state = {
    worker: 'idle',  // 'idle' (starting) | 'ready'; a failed worker is replaced at once
    data: { status: 'none', loaded: 0, total: 0, phase: null, info: null, seconds: null, fromCache: false, source: null, name: null, message: null },
    fast: { on: true, limit: 6000 },
    doubleDivision: true,
    current: null,
    runs: [],
    heapBytes: 0,
    heapPeak: 0,
    threads: 0,       // threads the worker's products use (0 until it is ready)
    threadsAllowed: false,  // the page is cross-origin isolated: threads could be used
    threadsNote: null,      // why the threaded build did not load, if it did not
    error: null,      // {message, fatal}
    restarts: 0,      // workers replaced after a fatal error
    // the run store: status, a failure's message, runs restored and skipped, full: a run was kept without its model
    storage: { status: store ? 'opening' : 'off', message: null, restored: 0, skipped: 0, full: false },
    model: null,      // the model file loaded last: {name, model, input_divisor, parameters, test} | {name, message}
    marks: {},        // performance marks for the figures: dataLoaded, firstProgress, firstEpoch
  };

  const emit = (kind) => {
    for (const fn of listeners) fn(state, kind);
  };
  const heap = (bytes) => {
    if (!bytes) return;
    state.heapBytes = bytes;
    state.heapPeak = Math.max(state.heapPeak, bytes);
  };
  const mark = (name) => {
    if (state.marks[name] === undefined) {
      state.marks[name] = performance.now();
      performance.mark?.(`reglab:${name}`);
    }
  };

  // ---- replies nobody asked for: training progress, the end of a run, failures
  client.on('ready', (m) => {
    state.worker = 'ready';
    Object.assign(state, { threads: m.threads ?? 1, threadsAllowed: m.threads_allowed ?? false, threadsNote: m.threads_note ?? null });
    heap(m.heap_bytes);
    emit('worker');
  });
  client.on('load-progress', (m) => {
    Object.assign(state.data, { loaded: m.loaded, total: m.total, phase: m.phase });
    emit('data');
  });
  client.on('progress', (m) => {
    const run = state.current;
    if (!run) return;
    run.progress = m;
    heap(m.heap_bytes);
    mark('firstProgress');
    emit('progress');
  });
  client.on('epoch', (m) => {
    const run = state.current;
    if (!run) return;
    run.history.push(m.metrics);
    mark('firstEpoch');
    emit('epoch');
  });
  client.on('finished', (m) => {
    const run = state.current;
    if (!run || run.status === 'finished') return;
    Object.assign(run, { status: 'finished', reason: m.reason, history: m.history, best_epoch: m.best_epoch, elapsed_s: m.elapsed_s, diverged_at: m.diverged_at ?? null });
    heap(m.heap_bytes);
    emit('run');
    analysis = analyze(run).then(() => keep(run));
  });
  // A fatal error: the worker (its data, its model) is gone. Tell the user,
  // keep the finished runs, and make a new worker at once.
  client.on('error', (m) => {
    if (!m.fatal) return;  // answers a request: the caller shows it
    state.error = { message: m.message, fatal: true };
    const run = state.current;
    if (run && run.status !== 'finished') {
      run.status = 'failed';
      run.reason = m.message;
    }
    state.data = { ...state.data, status: 'none', info: null, message: null };
    dataPromise = null;
    pixelCache.clear();
    client.restart();
    state.worker = 'idle';
    state.restarts += 1;
    emit('error');
  });

  // Which data a run was trained on: its test images can be shown only while they are loaded.
  const dataKey = () => `${state.data.source}:${state.data.name}`;

  function reportError(error) {
    state.error = { message: error.message, fatal: Boolean(error.fatal) };
    emit('error');
  }

  // After a run: the test set, every test image's probabilities (for the
  // gallery and for comparing runs) and the weights, kept with the run.
  async function analyze(run) {
    if (run.history.length === 0) return;
    try {
      if (!state.data.info?.test) {
        const exported = await client.request({ type: 'export' });
        run.model = exported.model;  // no test set: the model only, for the download
        return;
      }
      const { test } = await client.request({ type: 'evaluate' });
      const prediction = await client.request({ type: 'predict' });
      const exported = await client.request({ type: 'export' });
      run.results = { test, probabilities: prediction.probabilities, classes: prediction.classes, first_layer: exported.first_layer, model: exported.model };
      emit('results');
    } catch (error) {
      if (!error.fatal) reportError(error);
    }
  }

  // ---- the run store: finished runs survive a reload --------------------------
  function storageProblem(error) {
    state.storage = { ...state.storage, status: 'failed', message: error.message };
    emit('storage');
  }

  // Keeps a finished run (with its model when small enough); a full quota
  // keeps it without the model, and says so.
  async function keep(run) {
    if (!store || run.history.length === 0 || run.saved) return;
    const model = run.results?.model ?? run.model ?? null;
    const record = { run: runToJson(run), model: model && model.length <= MODEL_KEEP_BYTES ? model : null };
    try {
      const key = await store.put(record);
      run.saved = { key, test: record.run.test, model: record.model };
    } catch (error) {
      if (record.model && isQuotaError(error)) {
        try {
          const key = await store.put({ ...record, model: null });
          run.saved = { key, test: record.run.test, model: null };
          state.storage = { ...state.storage, full: true };  // kept without its model
          emit('storage');
          return;
        } catch (again) {
          storageProblem(again);
          return;
        }
      }
      storageProblem(error);
    }
  }

  // A preset's own colour; other runs take the next free one in turn.
  const colorFor = (preset) => (preset && PRESET_COLORS[preset]) || RUN_COLORS[state.runs.filter((r) => !r.preset).length % RUN_COLORS.length];

  // A run from a file's object (restored or imported): shown and compared, never trained.
  function addFileRun(file, { source, key = null, model = null }) {
    const id = nextRunId++;
    const run = {
      id,
      data: file.data ?? '',
      name: `#${id} ${file.name}`,
      preset: file.preset ?? null,
      origin: file.origin || source,
      color: colorFor(file.preset),
      config: file.settings,
      info: null,
      status: 'finished',
      reason: file.reason,
      diverged_at: file.diverged_at ?? null,
      progress: null,
      history: file.metrics.map((m) => ({ ...m, seconds: m.seconds ?? null })),
      best_epoch: file.best_epoch ?? null,
      elapsed_s: file.elapsed_s ?? 0,
      results: null,
      source,
      saved: key === null ? null : { key, test: file.test ?? null, model },
      fileTest: file.test ?? null,
    };
    state.runs.push(run);
    return run;
  }

  async function restore() {
    if (!store) return;
    try {
      const records = await store.list();
      let skipped = 0;
      for (const record of records) {
        try {
          addFileRun(checkRun(record.run), { source: 'saved', key: record.key, model: record.model instanceof Uint8Array ? record.model : null });
        } catch {
          skipped += 1;  // written by another version of the page: left in the store, not shown
        }
      }
      state.storage = { ...state.storage, status: 'ok', restored: records.length - skipped, skipped };
      emit('storage');
    } catch (error) {
      storageProblem(error);
    }
  }

  async function load(message, transfer, source, name) {
    state.error = null;
    const before = state.data;
    state.data = { ...state.data, status: 'loading', loaded: 0, total: 0, phase: 'fetch', source, name, message: null };
    emit('data');
    try {
      const m = await client.request(message, transfer);
      state.data = { ...state.data, status: 'loaded', info: { train: m.train, test: m.test }, seconds: m.seconds, fromCache: m.from_cache, phase: null };
      heap(m.heap_bytes);
      pixelCache.clear();
      mark('dataLoaded');
      emit('data');
      return state.data.info;
    } catch (error) {
      // The worker kept the data it had (the core loads all or nothing), unless it failed.
      state.data = before.status === 'loaded' && !error.fatal
        ? { ...before, message: error.message, failedName: name }
        : { ...state.data, status: 'failed', info: null, message: error.message, failedName: name, phase: null };
      emit('data');
      throw error;
    }
  }

  const lab = {
    state,
    presets,

    /** fn(state, kind) after every change. Returns an unsubscribe function. */
    subscribe(fn) {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },

    /** The built-in Fashion-MNIST, once (a second call waits for the first). */
    ensureData() {
      if (state.data.status === 'loaded') return Promise.resolve(state.data.info);
      if (!dataPromise) {
        dataPromise = load({ type: 'load', source: 'url', urls: dataUrls }, [], 'fashion', 'Fashion-MNIST')
          .catch((error) => {
            dataPromise = null;
            throw error;
          });
      }
      return dataPromise;
    },

    /** The user's own IDX files (File objects), replacing the loaded data. */
    async loadFiles(files) {
      if (lab.busy) throw new Error('stop the run in progress first');
      const entries = await Promise.all([...files].map(async (file) => ({ name: file.name, bytes: await file.arrayBuffer() })));
      const names = entries.map((e) => e.name).join(', ');
      dataPromise = load({ type: 'load', source: 'files', files: entries }, entries.map((e) => e.bytes), 'files', names)
        .catch((error) => {
          dataPromise = null;
          throw error;
        });
      return dataPromise;
    },

    get busy() {
      const s = state.current?.status;
      return s === 'running' || s === 'paused' || s === 'configured';
    },

    /** Fast mode for the presets: {on, limit} (train on the first `limit` images). */
    setFast(fast) {
      state.fast = { ...state.fast, ...fast };
      emit('settings');
    },

    /** N3/N4: replay the post's double division by 255 (true) or scale once (false). */
    setDoubleDivision(on) {
      state.doubleDivision = Boolean(on);
      emit('settings');
    },

    /** The config a preset runs with under the current settings (fast mode, double division). */
    presetConfig(presetId) {
      const preset = presets.find((p) => p.experiment === presetId || p.id === presetId);
      const config = { ...preset.config, hidden: [...preset.config.hidden] };
      if (config.input_divisor === 65025 && !state.doubleDivision) config.input_divisor = 255;
      if (state.fast.on) config.train_limit = state.fast.limit;
      return config;
    },

    /**
     * Configures and starts a run: {config, name, preset?, origin}. A run in
     * progress is stopped first (and kept).
     */
    async startRun({ config, name, preset = null, origin }) {
      state.error = null;
      try {
        if (lab.busy) await lab.stop();
        await analysis;
        await lab.ensureData();
        const info = await client.request({ type: 'configure', config });
        const id = nextRunId++;
        const run = {
          id,
          data: dataKey(),
          name: `#${id} ${name}`,
          preset,
          origin,
          color: colorFor(preset),
          config: info.config,
          info,
          status: 'configured',
          reason: null,
          progress: null,
          history: [],
          best_epoch: null,
          elapsed_s: 0,
          results: null,
          startedAt: performance.now(),
        };
        state.current = run;
        state.runs.push(run);
        emit('run');
        await client.request({ type: 'start' });
        run.status = 'running';
        emit('run');
        return run;
      } catch (error) {
        reportError(error);
        return null;
      }
    },

    async pause() {
      const run = state.current;
      if (run?.status !== 'running') return;
      try {
        const m = await client.request({ type: 'pause' });
        run.status = 'paused';
        run.progress = m.progress;
        emit('run');
      } catch (error) {
        reportError(error);
      }
    },

    async resume() {
      const run = state.current;
      if (run?.status !== 'paused') return;
      try {
        await client.request({ type: 'resume' });
        run.status = 'running';
        emit('run');
      } catch (error) {
        reportError(error);
      }
    },

    async step(unit) {
      const run = state.current;
      if (run?.status !== 'paused' && run?.status !== 'configured') return;
      try {
        run.status = 'running';
        emit('run');
        const m = await client.request({ type: 'step', unit });
        if (m.type === 'paused' && run.status === 'running') {
          run.status = 'paused';
          run.progress = m.progress;
          emit('run');
        }
      } catch (error) {
        if (run.status === 'running') run.status = 'paused';
        reportError(error);
      }
    },

    async stop() {
      const run = state.current;
      if (!run || run.status === 'finished' || run.status === 'failed') return;
      try {
        await client.request({ type: 'stop' });  // the 'finished' listener updates the run
      } catch (error) {
        reportError(error);
      }
    },

    /** A new worker (the data must be loaded again); finished runs stay. */
    restartWorker() {
      client.restart();
      state.worker = 'idle';
      state.error = null;
      state.data = { ...state.data, status: 'none', info: null };
      dataPromise = null;
      emit('worker');
    },

    /** The finished runs kept from earlier visits (called once, at creation). */
    restored: null,

    /** A run file (a File or Blob of JSON) added as a finished run and kept. Throws an Error saying why a file is refused. */
    async importRunFile(file) {
      const name = file.name ?? 'the file';
      try {
        if (file.size > MAX_RUN_FILE_BYTES) throw new Error(`too large for a run file (${(file.size / 2 ** 20).toFixed(1)} MB)`);
        const parsed = parseRunFile(await file.text());
        const run = addFileRun(parsed, { source: 'imported' });
        emit('run');
        await keep(run);
        emit('storage');
        return run;
      } catch (error) {
        throw new Error(`${name}: ${error.message}`);
      }
    },

    /** Removes a finished run from the page and from the store. */
    async forgetRun(run) {
      if (run === state.current && lab.busy) return;
      state.runs = state.runs.filter((r) => r !== run);
      if (state.current === run) state.current = null;
      emit('run');
      if (run.saved && store) {
        try {
          await store.remove(run.saved.key);
        } catch (error) {
          storageProblem(error);
        }
      }
    },

    /** The trained model's bytes of a run (core/nn/serialize.hpp), or null when not kept. */
    modelBytes(run) {
      return run.results?.model ?? run.model ?? run.saved?.model ?? null;
    },

    /** A run's test-set result: {accuracy, loss, count} or null. */
    testResult(run) {
      return run.results?.test ?? run.saved?.test ?? run.fileTest ?? null;
    },

    /**
     * A model file (a File or Blob): checked by the core in the worker and
     * evaluated on the loaded test set (Fashion-MNIST is loaded first when
     * nothing is). state.model holds the result or the reason it was refused.
     */
    async loadModelFile(file) {
      const name = file.name ?? 'model';
      try {
        if (file.size === 0) throw new Error('model file: the file is empty');
        if (file.size > MAX_MODEL_FILE_BYTES) throw new Error(`model file: too large (${(file.size / 2 ** 20).toFixed(0)} MB)`);
        if (state.data.status !== 'loaded') await lab.ensureData();
        const bytes = new Uint8Array(await file.arrayBuffer());
        const m = await client.request({ type: 'load-model', bytes }, [bytes.buffer]);
        state.model = { name, model: m.model, input_divisor: m.input_divisor, parameters: m.parameters, test: m.test, data: state.data.name };
      } catch (error) {
        state.model = { name, message: error.message };
      }
      emit('model');
      return state.model;
    },

    /** Test images [{pixels: Uint8Array, label}], each fetched from the worker once. */
    async testImages(rows) {
      const missing = rows.filter((r) => !pixelCache.has(r));
      if (missing.length) {
        if (state.data.status !== 'loaded') await lab.ensureData();
        const m = await client.request({ type: 'images', split: 'test', rows: missing });
        const size = m.rows_px * m.cols_px;
        missing.forEach((r, i) => pixelCache.set(r, { pixels: m.pixels.subarray(i * size, (i + 1) * size), label: m.labels[i] }));
      }
      return rows.map((r) => pixelCache.get(r));
    },

    /**
     * Whether a run's test images can be shown: its data are loaded, or they
     * are the built-in Fashion-MNIST (loaded again on demand).
     */
    imagesAvailable(run) {
      if (state.data.status === 'loaded') return run.data === dataKey();
      return run.data.startsWith('fashion:');
    },

    /** Runs that finished with at least one epoch. */
    finishedRuns() {
      return state.runs.filter((r) => r.status === 'finished' && r.history.length > 0);
    },

    /** For tests and the figures: the worker's client. */
    client,
  };
  lab.restored = restore();
  return lab;
}
