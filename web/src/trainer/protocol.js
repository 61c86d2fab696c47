// The trainer worker's message protocol: the one place it is written down.
//
// One module worker (worker.js) owns the wasm module, the loaded data and the
// model of the current run; engine.js is its message handler, a plain module
// that node tests drive directly. The page talks to it through client.js.
//
// Every message is a plain object with a `type`. A request may carry an `id`
// (any number the page chooses); the reply to that request echoes it, and so
// does an `error` caused by it. Typed arrays travel as transferables.
//
// ---- page -> worker -----------------------------------------------------------
//
//   {type: 'load', id, source: 'url', urls: {train_images, train_labels,
//          test_images, test_labels}, cache?: true}
//       Fetches the four IDX files (gzip or raw) with progress, keeps them in
//       the Cache API (cache name DATA_CACHE, keyed by URL) so a second visit
//       needs no network, gunzips them (DecompressionStream) and hands the
//       bytes to the core. test_* may be omitted (no test set).
//       -> load-progress* then loaded
//       Every load is all or nothing: a bad file is an error, and the data
//       (and the run) loaded before stay as they were.
//   {type: 'load', id, source: 'files', files: [{name, bytes: ArrayBuffer}]}
//       The user's own IDX files (gz or raw), e.g. MNIST digits. Images and
//       labels are told apart by their magic number, train and test by the
//       name ('t10k' or 'test' in it: test). Train images + labels are needed.
//       -> loaded
//   {type: 'load', id, source: 'bytes', train: {images, labels}, test?: {...}}
//       The files' bytes (Uint8Array, gz or raw) as they are (node tests).
//       -> loaded
//   {type: 'configure', id, config}
//       A new model and trainer (config: wasm/nn_convert.hpp's keys). Not
//       while a run is going: stop it first.  -> configured
//   {type: 'start', id}            train the configured run to its end
//       -> started, then progress* / epoch* ... finished
//   {type: 'pause', id}            -> paused (answers within one chunk)
//   {type: 'resume', id}           -> resumed, then as start
//   {type: 'stop', id}             -> finished {reason: 'stopped'}
//   {type: 'step', id, unit: 'batch' | 'epoch'}
//       One batch, or on to the end of the current epoch, then pause.
//       -> progress (epoch) ... paused (or finished when it was the last)
//   {type: 'evaluate', id}         -> evaluation (the test set)
//   {type: 'predict', id, rows?}   -> prediction (test rows; all when omitted)
//   {type: 'images', id, split, rows}  -> images
//   {type: 'export', id}           -> exported
//   {type: 'load-model', id, bytes: Uint8Array}
//       A model file (core/nn/serialize.hpp, as 'exported' or `reglab train
//       --save` write it): the core checks it and it is evaluated on the
//       loaded test set; the current run stays as it is.  -> model-loaded
//
// ---- worker -> page -----------------------------------------------------------
//
//   {type: 'ready', heap_bytes, threads, threads_allowed, threads_note}
//                                 the wasm module is loaded (sent once, unasked);
//                                 threads: how many its products use;
//                                 threads_allowed: the page is cross-origin isolated;
//                                 threads_note: why the threaded build failed, or null
//   {type: 'load-progress', id, loaded, total, phase: 'fetch' | 'cache' | 'parse'}
//       bytes so far over all files (total 0 while unknown)
//   {type: 'loaded', id, train: info, test: info | null, seconds, from_cache,
//          heap_bytes}
//       info: {count, features, rows, cols, classes}
//   {type: 'configured', id, config, batches_per_epoch, train_count,
//          validation_count, parameters}
//   {type: 'started', id} / {type: 'resumed', id}
//   {type: 'progress', epoch, epochs, batch, batches_per_epoch, loss, accuracy,
//          samples_per_s, seconds_left, elapsed_s, heap_bytes}
//       at most every PROGRESS_INTERVAL_MS while training, and at each epoch end
//   {type: 'epoch', metrics: {epoch, loss, accuracy, val_loss, val_accuracy,
//          seconds}}
//       after each epoch (val_* null without a validation split); seconds is
//       the epoch's wall time in the worker, validation included
//   {type: 'paused', id, progress}
//   {type: 'finished', id, reason: 'done' | 'stopped' | 'diverged' |
//          'stopped-early', history, best_epoch, elapsed_s, heap_bytes,
//          diverged_at?: {epoch, batch, loss}}
//       history: every epoch's metrics (as 'epoch'); diverged_at (reason
//       'diverged' only): the batch whose loss was NaN or infinite, where
//       training stopped (history holds the epochs before it); best_epoch: the epoch
//       with the lowest val_loss (early stopping: the one whose weights were
//       kept), null without validation
//   {type: 'evaluation', id, test: {count, classes, loss, accuracy, per_class:
//          Float64Array, class_count: Int32Array, confusion: Int32Array}}
//   {type: 'prediction', id, rows: Int32Array, classes,
//          probabilities: Float32Array (rows x classes)}
//   {type: 'images', id, split, rows: Int32Array, rows_px, cols_px,
//          pixels: Uint8Array (rows x rows_px*cols_px), labels: Uint8Array (rows)}
//   {type: 'exported', id, model: Uint8Array (core/nn/serialize.hpp),
//          first_layer: {units, inputs, rows, cols, values: Float32Array}}
//   {type: 'model-loaded', id, model: {inputs, hidden, classes, dropout,
//          batchnorm, l1, l2}, input_divisor, parameters, test: evaluation's
//          test | null (no test data loaded)}
//   {type: 'error', id?, message, fatal}
//       A request failed (bad config, missing data, ...): the worker is fine
//       (fatal false). fatal true: the worker is broken (the wasm module
//       trapped, out of memory: its heap has grown to the limit and cannot
//       shrink); the page discards it and makes a new one, keeping its
//       finished runs.

export const PROGRESS_INTERVAL_MS = 100;
// Training runs in chunks of Trainer::run(n) batches sized to about this long.
export const CHUNK_TARGET_MS = 60;
export const DATA_CACHE = 'reglab-data-v1';

export const REQUESTS = ['load', 'configure', 'start', 'pause', 'resume', 'stop', 'step',
  'evaluate', 'predict', 'images', 'export', 'load-model'];

export const REPLIES = ['ready', 'load-progress', 'loaded', 'configured', 'started', 'resumed',
  'progress', 'epoch', 'paused', 'finished', 'evaluation', 'prediction', 'images', 'exported',
  'model-loaded', 'error'];

// The reply that answers each request (besides 'error').
export const ANSWER = {
  load: 'loaded',
  configure: 'configured',
  start: 'started',
  pause: 'paused',
  resume: 'resumed',
  stop: 'finished',
  step: 'paused',
  evaluate: 'evaluation',
  predict: 'prediction',
  images: 'images',
  export: 'exported',
  'load-model': 'model-loaded',
};

/** Throws unless `message` is a request the worker understands. */
export function checkRequest(message) {
  if (message === null || typeof message !== 'object') throw new Error('a message must be an object');
  if (!REQUESTS.includes(message.type)) {
    throw new Error(`unknown message type '${message.type}' (one of: ${REQUESTS.join(', ')})`);
  }
  return message;
}

/** The typed arrays (and ArrayBuffers) in a reply, to transfer rather than copy. */
export function transferables(message) {
  const out = [];
  const visit = (value, depth) => {
    if (depth > 3 || value === null || typeof value !== 'object') return;
    if (ArrayBuffer.isView(value)) {
      if (!out.includes(value.buffer)) out.push(value.buffer);
    } else if (value instanceof ArrayBuffer) {
      if (!out.includes(value)) out.push(value);
    } else if (!Array.isArray(value)) {
      for (const item of Object.values(value)) visit(item, depth + 1);
    }
  };
  visit(message, 0);
  return out;
}
