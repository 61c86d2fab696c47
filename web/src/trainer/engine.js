// The trainer worker's message handler (protocol.js), as a plain module: the
// worker (worker.js) feeds it its messages, and node tests drive it directly
// with the wasm module loaded from bytes.
//
//   const engine = createEngine({ lab, post });   // lab: wasm/reglab_nn.js NnLab
//   await engine.handle({ type: 'configure', id: 1, config });
//
// Training runs in chunks: lab.run(n), with n sized from the measured time
// per batch so that a chunk takes about CHUNK_TARGET_MS; between chunks the
// engine yields to the event loop (`schedule`), so pause / stop / step
// messages are answered within one chunk.
import { ANSWER, CHUNK_TARGET_MS, DATA_CACHE, PROGRESS_INTERVAL_MS, checkRequest, transferables } from './protocol.js';
import { classifyFiles, fetchAll, maybeGunzip } from './data.js';

// Yield to the event loop: a MessageChannel task (setTimeout would be clamped
// to 4 ms after a few nested calls), else setTimeout.
function defaultSchedule() {
  if (typeof MessageChannel === 'function') {
    const channel = new MessageChannel();
    let callback = null;
    channel.port1.onmessage = () => callback?.();
    return (fn) => {
      callback = fn;
      channel.port2.postMessage(null);
    };
  }
  return (fn) => setTimeout(fn, 0);
}

const clock = () => performance.now();

/** Errors the worker cannot recover from: the module trapped or aborted. */
// Out of memory counts too: the core recovers, but the wasm heap has grown to
// its limit and never shrinks, so only a new worker gives the memory back.
export function isFatal(error) {
  return (typeof WebAssembly === 'object' && error instanceof WebAssembly.RuntimeError)
    || error instanceof RangeError
    || /\babort|unreachable|memory access out of bounds|out of memory/i.test(String(error?.message ?? error));
}

/**
 * lab: an NnLab (wasm/reglab_nn.js); post(message, transfer): the reply
 * channel. Options: now() (ms), schedule(fn) (yield, then run fn),
 * fetchImpl (for load by URL), chunkTargetMs, progressIntervalMs.
 */
export function createEngine({
  lab,
  post,
  now = clock,
  schedule = defaultSchedule(),
  fetchImpl = (...args) => fetch(...args),
  chunkTargetMs = CHUNK_TARGET_MS,
  progressIntervalMs = PROGRESS_INTERVAL_MS,
}) {
  // 'empty' -> 'loading' -> 'ready' -> 'configured' -> 'running' <-> 'paused' -> 'finished'
  let state = 'empty';
  let data = { train: null, test: null };
  let run = null;          // the configured run's bookkeeping
  let tickQueued = false;

  const send = (message) => post(message, transferables(message));

  function requireState(allowed, what) {
    if (!allowed.includes(state)) {
      const why = {
        empty: 'load the data first',
        loading: 'the data are still loading',
        ready: 'configure a run first',
        configured: 'start the run first',
        running: 'a run is going: pause or stop it first',
        paused: 'a run is paused: stop it first',
        finished: 'the run has finished: configure a new one',
      }[state];
      throw new Error(`cannot ${what} now: ${why}`);
    }
  }

  // ---- active time: what the run has spent running (pauses excluded) ------
  function activeMs() {
    return run.activeMs + (run.runningSince === null ? 0 : now() - run.runningSince);
  }
  function enterRunning() {
    state = 'running';
    if (run.runningSince === null) run.runningSince = now();
    queueTick();
  }
  function leaveRunning(next) {
    if (run.runningSince !== null) {
      run.activeMs += now() - run.runningSince;
      run.runningSince = null;
    }
    state = next;
  }

  function samplesDone(p) {
    if (p.epoch === 0) return 0;
    return (p.epoch - 1) * run.trainCount + Math.min(p.batch_in_epoch * run.batchSize, run.trainCount);
  }

  function progressMessage(p) {
    const done = samplesDone(p);
    const total = run.epochs * run.trainCount;
    const elapsed = activeMs();
    const overall = elapsed > 0 ? done / (elapsed / 1000) : 0;  // validation included
    return {
      type: 'progress',
      epoch: p.epoch,
      epochs: run.epochs,
      batch: p.batch_in_epoch,
      batches_per_epoch: p.batches_per_epoch,
      loss: p.loss,
      accuracy: p.accuracy,
      samples_per_s: run.samplesPerS || overall,
      seconds_left: overall > 0 ? (total - done) / overall : null,
      elapsed_s: elapsed / 1000,
      heap_bytes: lab.heapBytes(),
    };
  }

  function bestEpoch() {
    if (run.stoppedEarly) return lab.bestEpoch();
    let best = null;
    for (const m of run.history) {
      if (m.val_loss !== null && (best === null || m.val_loss < best.val_loss)) best = m;
    }
    return best ? best.epoch : null;
  }

  function finish(reason, id, extra = {}) {
    leaveRunning('finished');
    send({
      type: 'finished',
      id,
      reason,
      ...extra,
      history: run.history,
      best_epoch: bestEpoch(),
      elapsed_s: activeMs() / 1000,
      heap_bytes: lab.heapBytes(),
    });
  }

  function queueTick() {
    if (tickQueued) return;
    tickQueued = true;
    schedule(tick);
  }

  // One chunk of training, then report and yield.
  function tick() {
    tickQueued = false;
    if (state !== 'running') return;
    const unit = run.step;
    const n = unit === 'batch' ? 1 : Math.max(1, Math.min(run.batchesPerEpoch, Math.round(chunkTargetMs / run.msPerBatch) || 1));
    const before = run.batches;
    const t0 = now();
    let p;
    try {
      p = lab.run(n);
    } catch (error) {
      fail(error, run.stepId, true);
      return;
    }
    const t1 = now();
    run.batches = p.epoch === 0 ? 0 : (p.epoch - 1) * p.batches_per_epoch + p.batch_in_epoch;
    const batches = run.batches - before;
    if (!p.epoch_finished && batches > 0) {
      // Time per batch and training throughput, from chunks without a validation pass.
      const ms = (t1 - t0) / batches;
      run.msPerBatch = run.measured ? 0.7 * run.msPerBatch + 0.3 * ms : ms;
      const rate = (batches * run.batchSize) / Math.max(t1 - t0, 1e-3) * 1000;
      run.samplesPerS = run.measured ? 0.7 * run.samplesPerS + 0.3 * rate : rate;
      run.measured = true;
    }
    if (p.epoch_finished) {
      const end = activeMs();
      const metrics = { ...p.metrics, seconds: (end - run.epochStartMs) / 1000 };
      run.epochStartMs = end;
      run.history.push(metrics);
      run.stoppedEarly = p.stopped_early;
      send(progressMessage(p));
      send({ type: 'epoch', metrics });
      run.lastPost = t1;
    } else if (t1 - run.lastPost >= progressIntervalMs || unit === 'batch') {
      send(progressMessage(p));
      run.lastPost = t1;
    }
    if (p.done && p.diverged) {
      send(progressMessage(p));  // where it stopped
      finish('diverged', run.stepId, { diverged_at: { epoch: p.epoch, batch: p.batch_in_epoch, loss: p.loss } });
      return;
    }
    if (p.done) {
      finish(p.stopped_early ? 'stopped-early' : 'done', run.stepId);
      return;
    }
    if (unit === 'batch' || (unit === 'epoch' && p.epoch_finished)) {
      run.step = null;
      leaveRunning('paused');
      send({ type: 'paused', id: run.stepId, progress: progressMessage(p) });
      return;
    }
    queueTick();
  }

  // A failed request leaves the run as it was; a failed chunk pauses it.
  function fail(error, id, inLoop = false) {
    const fatal = isFatal(error);
    if (inLoop && state === 'running') leaveRunning('paused');
    if (fatal) state = 'broken';
    send({ type: 'error', id, message: String(error?.message ?? error), fatal });
  }

  // ---- requests -----------------------------------------------------------------
  async function load(message) {
    requireState(['empty', 'ready', 'configured', 'finished'], 'load data');
    const started = now();
    const before = state;
    state = 'loading';
    try {
      let files;
      let fromCache = false;
      if (message.source === 'files') {
        files = await classifyFiles(message.files ?? []);
      } else if (message.source === 'url') {
        const urls = message.urls ?? {};
        const fetched = await fetchAll(urls, {
          cacheName: DATA_CACHE,
          useCache: message.cache !== false,
          fetchImpl,
          onProgress: (p) => send({ type: 'load-progress', id: message.id, ...p }),
        });
        fromCache = fetched.fromCache;
        send({ type: 'load-progress', id: message.id, loaded: 0, total: 0, phase: 'parse' });
        const f = fetched.files;
        const gunzip = (key) => (f[key] ? maybeGunzip(f[key], urls[key]) : null);
        files = { train: { images: await gunzip('train_images'), labels: await gunzip('train_labels') } };
        if (f.test_images || f.test_labels) {
          files.test = { images: await gunzip('test_images'), labels: await gunzip('test_labels') };
        }
      } else if (message.source === 'bytes') {
        // {train: {images, labels}, test?: {...}}, each Uint8Array, gzip or raw (tests, benchmarks)
        const g = (bytes, name) => (bytes ? maybeGunzip(new Uint8Array(bytes), name) : null);
        files = { train: { images: await g(message.train?.images, 'train images'), labels: await g(message.train?.labels, 'train labels') } };
        if (message.test) files.test = { images: await g(message.test.images, 'test images'), labels: await g(message.test.labels, 'test labels') };
      } else {
        throw new Error(`load: source must be 'url', 'files' or 'bytes', got '${message.source}'`);
      }
      if (!files.train.images || !files.train.labels) throw new Error('load: the training images and labels are needed');
      const test = files.test?.images && files.test?.labels ? files.test : null;
      // All or nothing: a bad file leaves the data (and the model) loaded before.
      const info = lab.loadData({ train: files.train, test });
      files = null;
      data = { train: { ...info.train, split: 'train' }, test: info.test ? { ...info.test, split: 'test' } : null };
      run = null;
      state = 'ready';
      send({
        type: 'loaded',
        id: message.id,
        train: data.train,
        test: data.test,
        seconds: (now() - started) / 1000,
        from_cache: fromCache,
        heap_bytes: lab.heapBytes(),
      });
    } catch (error) {
      // The core kept what it had: the data, and the configured or finished run.
      state = before === 'finished' || before === 'configured' ? before : data.train ? 'ready' : 'empty';
      throw error;
    }
  }

  function configure(message) {
    requireState(['ready', 'configured', 'finished'], 'configure a run');
    const info = lab.configure(message.config ?? {});
    const c = info.config;
    run = {
      epochs: c.epochs,
      batchSize: c.batch_size,
      trainCount: info.train_count,
      batchesPerEpoch: info.batches_per_epoch,
      history: [],
      batches: 0,
      msPerBatch: 1e9,       // unknown: the first chunk is one batch
      measured: false,
      samplesPerS: 0,
      activeMs: 0,
      runningSince: null,
      epochStartMs: 0,
      lastPost: -Infinity,
      step: null,
      stepId: undefined,
      stoppedEarly: false,
    };
    state = 'configured';
    send({ type: 'configured', id: message.id, ...info });
  }

  function start(message, type) {
    requireState(type === 'resumed' ? ['paused'] : ['configured', 'paused'], type === 'resumed' ? 'resume' : 'start');
    run.step = null;
    run.stepId = message.id;
    send({ type, id: message.id });
    enterRunning();
  }

  function pause(message) {
    requireState(['running', 'paused'], 'pause');
    run.step = null;
    leaveRunning('paused');
    const p = lab.progress();
    send({ type: 'paused', id: message.id, progress: progressMessage(p) });
  }

  function stop(message) {
    requireState(['configured', 'running', 'paused'], 'stop');
    finish('stopped', message.id);
  }

  function step(message) {
    requireState(['configured', 'paused'], 'step');
    const unit = message.unit ?? 'batch';
    if (unit !== 'batch' && unit !== 'epoch') throw new Error(`step: unit must be 'batch' or 'epoch', got '${unit}'`);
    run.step = unit;
    run.stepId = message.id;
    enterRunning();
  }

  function requireModel(what) {
    requireState(['configured', 'paused', 'finished'], what);
  }

  function evaluate(message) {
    requireModel('evaluate');
    send({ type: 'evaluation', id: message.id, test: lab.evaluateTest() });
  }

  function predict(message) {
    requireModel('predict');
    if (!data.test) throw new Error('predict: no test data loaded');
    const rows = message.rows ? Int32Array.from(message.rows) : Int32Array.from({ length: data.test.count }, (_, i) => i);
    send({ type: 'prediction', id: message.id, rows, classes: data.test.classes, probabilities: lab.predictTest(rows) });
  }

  function images(message) {
    const split = message.split ?? 'test';
    const info = data[split];
    if (!info) throw new Error(`images: no ${split} data loaded`);
    const rows = Int32Array.from(message.rows ?? []);
    send({ type: 'images', id: message.id, split, rows, rows_px: info.rows, cols_px: info.cols, pixels: lab.pixels(split, rows), labels: lab.labels(split, rows) });
  }

  function exportModel(message) {
    requireModel('export');
    send({ type: 'exported', id: message.id, model: lab.saveModel(), first_layer: lab.firstLayerImages() });
  }

  // A model file: checked by the core, evaluated on the test set; the run
  // of this worker (configured, paused or finished) is left alone.
  function loadModel(message) {
    requireState(['empty', 'ready', 'configured', 'running', 'paused', 'finished'], 'load a model');
    if (!(message.bytes instanceof Uint8Array || message.bytes instanceof ArrayBuffer)) throw new Error('load-model: bytes must be a Uint8Array');
    const loaded = lab.loadModel(new Uint8Array(message.bytes));
    send({ type: 'model-loaded', id: message.id, ...loaded });
  }

  const HANDLERS = {
    load,
    configure,
    start: (m) => start(m, 'started'),
    resume: (m) => start(m, 'resumed'),
    pause,
    stop,
    step,
    evaluate,
    predict,
    images,
    export: exportModel,
    'load-model': loadModel,
  };

  return {
    /** Handles one request; failures become {type: 'error', id, message, fatal}. */
    async handle(message) {
      try {
        if (state === 'broken') throw new Error('this worker has failed: make a new one');
        checkRequest(message);
        await HANDLERS[message.type](message);
      } catch (error) {
        fail(error, message?.id);
      }
    },
    get state() {
      return state;
    },
  };
}

export { ANSWER };
