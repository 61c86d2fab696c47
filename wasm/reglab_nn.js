// The friendly face of the Fashion-MNIST lab's bindings (wasm/nn_lab.hpp).
//
//   import { loadReglab } from './reglab.js';
//   import { NnLab, nnPresets } from './reglab_nn.js';
//   const reglab = await loadReglab(options);
//   const lab = new NnLab(reglab.module);             // owns a C++ object: lab.delete()
//   lab.loadData({ train: { images, labels } });      // gunzipped IDX files (Uint8Array)
//   lab.configure(nnPresets(reglab.module)[1].config);
//   lab.run(100);                                     // up to 100 batches
//
// Like reglab.js, every method throws a JS Error carrying the core's message
// on bad input (the bindings return it; see wasm/bindings.cpp), and results
// are plain objects and fresh typed arrays, never views of the wasm heap.

// The bindings return an Error instead of throwing it.
function check(value) {
  if (value instanceof Error) throw value;
  return value;
}

const toInt32 = (rows) => (rows instanceof Int32Array ? rows : Int32Array.from(rows, Number));

/** The post's six runs: [{id, experiment, description, config}]. */
export function nnPresets(module) {
  return check(module.nnPresets());
}

/** The trainer's default settings (TrainConfig{}), as a config object. */
export function nnDefaultConfig(module) {
  return check(module.nnDefaultConfig());
}

/**
 * Lets the products use `threads` threads (the caller's included) and returns
 * how many they will use: always 1 in the single-threaded build (reglab.mjs);
 * in reglab_mt.mjs at most 1 + the worker pool it was made with.
 */
export function setThreads(module, threads) {
  return module.setThreads(threads);
}

export class NnLab {
  #lab;

  constructor(module) {
    this.#lab = new module.NnLab();
  }

  /** Frees the C++ object (data, model). The wrapper is unusable afterwards. */
  delete() {
    this.#lab?.delete();
    this.#lab = null;
  }

  // Copies bytes into a staging buffer on the wasm heap. The view is written
  // at once: nothing may allocate (and so move the heap) in between.
  #stage(bytes, what) {
    if (!(bytes instanceof Uint8Array)) throw new Error(`${what} must be a Uint8Array`);
    check(this.#lab.stage(bytes.length)).set(bytes);
  }

  #parseSplit(split, imageBytes, labelBytes, classes) {
    this.#stage(imageBytes, `${split} images`);
    check(this.#lab.loadImages(String(split)));
    this.#stage(labelBytes, `${split} labels`);
    check(this.#lab.loadLabels(String(split), classes));
  }

  /**
   * New data, all or nothing, from gunzipped IDX files (Uint8Array):
   * {train: {images, labels}, test?: {images, labels}}. Replaces both splits
   * (no test: none) and drops the model. A bad file throws an Error saying
   * what is wrong, and the data and model loaded before stay as they were.
   * -> {train: info, test: info | null}, info {count, features, rows, cols, classes}
   */
  loadData({ train, test = null }, { classes = 10 } = {}) {
    try {
      if (!train) throw new Error('the training images and labels are needed');
      this.#parseSplit('train', train.images, train.labels, classes);
      if (test) this.#parseSplit('test', test.images, test.labels, classes);
      return check(this.#lab.commitData(true));
    } catch (error) {
      this.#lab.discardPending();
      throw error;
    }
  }

  /**
   * One split from its two gunzipped IDX files: split 'train' | 'test'; the
   * other split stays. -> {split, count, features, rows, cols, classes}
   */
  loadSplit(split, imageBytes, labelBytes, { classes = 10 } = {}) {
    try {
      this.#parseSplit(split, imageBytes, labelBytes, classes);
      return { ...check(this.#lab.commitData(false))[split], split };
    } catch (error) {
      this.#lab.discardPending();
      throw error;
    }
  }

  /** {train, test}: each {count, features, rows, cols, classes} or null. */
  dataInfo() {
    return this.#lab.dataInfo();
  }

  /** A new model and trainer. -> {config, batches_per_epoch, train_count, validation_count, parameters} */
  configure(config) {
    return check(this.#lab.configure(config));
  }

  /**
   * Up to maxBatches training steps (stops early at an epoch's end).
   * -> {epoch, batch_in_epoch, batches_per_epoch, loss, accuracy,
   *     epoch_finished, done, diverged, stopped_early, metrics?}
   */
  run(maxBatches) {
    if (!Number.isInteger(maxBatches)) throw new Error('maxBatches must be a whole number');
    return check(this.#lab.run(maxBatches));
  }

  progress() {
    return this.#lab.progress();
  }

  /** [{epoch, loss, accuracy, val_loss, val_accuracy}] */
  history() {
    return this.#lab.history();
  }

  /** Early stopping: the epoch whose weights were kept (0 when it did not stop early). */
  bestEpoch() {
    return this.#lab.bestEpoch();
  }

  /** {count, classes, loss, accuracy, per_class, class_count, confusion} on the test split. */
  evaluateTest() {
    return check(this.#lab.evaluateTest());
  }

  /** Softmax probabilities of test rows: Float32Array (rows.length * classes). */
  predictTest(rows) {
    return check(this.#lab.predictTest(toInt32(rows)));
  }

  /** Pixels of rows of a split: Uint8Array (rows.length * features). */
  pixels(split, rows) {
    return check(this.#lab.pixels(String(split), toInt32(rows)));
  }

  /** Labels of rows of a split: Uint8Array (rows.length). */
  labels(split, rows) {
    return check(this.#lab.labels(String(split), toInt32(rows)));
  }

  /** {units, inputs, rows, cols, values: Float32Array (units * inputs)} */
  firstLayerImages() {
    return check(this.#lab.firstLayerImages());
  }

  /** The trained model as bytes (core/nn/serialize.hpp; `reglab evaluate --model`). */
  saveModel() {
    return check(this.#lab.saveModel());
  }

  /**
   * A model file's bytes (as saveModel or `reglab train --save` writes them),
   * checked by the core and evaluated on the loaded test split; the current
   * run is left alone. A wrong version, damaged file or other architecture
   * throws an Error saying which.
   * -> {model: {inputs, hidden, classes, dropout, batchnorm, l1, l2},
   *     input_divisor, parameters, test: evaluateTest()'s shape | null}
   */
  loadModel(bytes) {
    if (bytes instanceof Uint8Array && bytes.length === 0) throw new Error('model file: the file is empty');
    this.#stage(bytes, 'a model file');
    return check(this.#lab.loadModel());
  }

  /** All trainable values, one Float32Array in the registry's order. */
  weights() {
    return check(this.#lab.weights());
  }

  /** Size of the wasm memory in bytes (it never shrinks: a high-water mark). */
  heapBytes() {
    return this.#lab.heapBytes();
  }
}
