// The trainer's state on the page and what changes it: the data, the run in
// progress, the finished runs (kept when a worker fails and is replaced) and
// the shared settings. No DOM: views subscribe and redraw (coalesced to one
// update per animation frame on their side).
//
// A run: {id, name, preset, origin, color, config, info (configured reply),
// status: 'configured' | 'running' | 'paused' | 'finished' | 'failed',
// reason, progress (last progress reply), history [epoch metrics], best_epoch,
// elapsed_s, results: null | {test, probabilities, first_layer, model}}.
import { TrainerClient } from './client.js';

// Runs of the playground (the presets' colours are taken).
const RUN_COLORS = ['#7048e8', '#c2255c', '#0c8599', '#5c940d', '#f08c00', '#495057', '#9c36b5', '#a61e4d'];
// The post's pairs: the baseline blue, the regularized run orange or green.
export const PRESET_COLORS = { N1: '#e8590c', N2: '#1c7ed6', N3: '#1c7ed6', N4: '#e8590c', N5: '#1c7ed6', N6: '#2f9e44' };

export const FAST_LIMITS = [3000, 6000, 12000];

/**
 * createWorker(): a module Worker (worker.js). dataUrls: {train_images,
 * train_labels, test_images, test_labels} (absolute). presets: nnPresets().
 */
export function createTrainerLab({ createWorker, dataUrls, presets }) {
  const client = new TrainerClient(createWorker);
  const listeners = new Set();
  let nextRunId = 1;
  let dataPromise = null;
  let analysis = Promise.resolve();  // the last run's evaluation: the next run waits for it
  const pixelCache = new Map();  // test row -> {pixels: Uint8Array (784), label}

  const state = {
    worker: 'idle',  // 'idle' | 'ready' | 'broken'
    data: { status: 'none', loaded: 0, total: 0, phase: null, info: null, seconds: null, fromCache: false, source: null, name: null, message: null },
    fast: { on: true, limit: 6000 },
    doubleDivision: true,
    current: null,
    runs: [],
    heapBytes: 0,
    heapPeak: 0,
    error: null,      // {message, fatal}
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
    Object.assign(run, { status: 'finished', reason: m.reason, history: m.history, best_epoch: m.best_epoch, elapsed_s: m.elapsed_s });
    heap(m.heap_bytes);
    emit('run');
    analysis = analyze(run);
  });
  client.on('error', (m) => {
    if (!m.fatal) return;  // answers a request: the caller shows it
    state.worker = 'broken';
    state.error = { message: m.message, fatal: true };
    const run = state.current;
    if (run && run.status !== 'finished') {
      run.status = 'failed';
      run.reason = m.message;
    }
    state.data = { ...state.data, status: 'none', info: null };
    dataPromise = null;
    pixelCache.clear();
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
    if (!state.data.info?.test || run.history.length === 0) return;
    try {
      const { test } = await client.request({ type: 'evaluate' });
      const prediction = await client.request({ type: 'predict' });
      const exported = await client.request({ type: 'export' });
      run.results = { test, probabilities: prediction.probabilities, classes: prediction.classes, first_layer: exported.first_layer, model: exported.model };
      emit('results');
    } catch (error) {
      if (!error.fatal) reportError(error);
    }
  }

  async function load(message, transfer, source, name) {
    state.error = null;
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
      state.data = { ...state.data, status: 'failed', message: error.message, phase: null };
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
      if (state.worker === 'broken') lab.restartWorker();
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
        if (state.worker === 'broken') lab.restartWorker();
        await lab.ensureData();
        const info = await client.request({ type: 'configure', config });
        const id = nextRunId++;
        const run = {
          id,
          data: dataKey(),
          name: `#${id} ${name}`,
          preset,
          origin,
          color: (preset && PRESET_COLORS[preset]) || RUN_COLORS[state.runs.filter((r) => !r.preset).length % RUN_COLORS.length],
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

    /** After a fatal error: a new worker; finished runs stay. */
    restartWorker() {
      client.restart();
      state.worker = 'idle';
      state.error = null;
      state.data = { ...state.data, status: 'none', info: null };
      dataPromise = null;
      emit('worker');
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
  return lab;
}
