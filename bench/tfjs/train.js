// In the bench page (bench/tfjs/index.html): window.tfjsSetup() picks the wasm
// backend (files served locally), tfjsPrepare + tfjsFit train
// Dense(hidden, relu) [-> BatchNormalization] -> Dense(10, softmax) with Adam
// and sparse categorical cross-entropy, Keras-style model.fit, on random data
// of Fashion-MNIST's shape (784 inputs in [0, 1), labels 0..9).
/* global tf */
window.tfjsSetup = async function tfjsSetup({ threads = false } = {}) {
  // One thread like the lab's worker; the page is cross-origin isolated, so
  // without this TF.js would pick its threaded build.
  tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', threads);
  tf.wasm.setWasmPaths(new URL('../../node_modules/@tensorflow/tfjs-backend-wasm/dist/', location.href).href);
  await tf.setBackend('wasm');
  await tf.ready();
  return {
    backend: tf.getBackend(),
    version: tf.version.tfjs,
    simd: await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT'),
    threads: await tf.env().getAsync('WASM_HAS_MULTITHREAD_SUPPORT'),
  };
};

// tfjsPrepare(config) builds the model and the data and runs the warm-up;
// tfjsFit() then times one model.fit over `samples` (so the caller can read
// the renderer's CPU time around the timed part alone).
let prepared = null;
window.tfjsPrepare = async function tfjsPrepare({ hidden, batchnorm = false, batchSize, samples, warmupBatches = 3 }) {
  const model = tf.sequential();
  model.add(tf.layers.dense({ units: hidden, activation: 'relu', inputShape: [784] }));
  if (batchnorm) model.add(tf.layers.batchNormalization());
  model.add(tf.layers.dense({ units: 10, activation: 'softmax' }));
  model.compile({ optimizer: tf.train.adam(0.001), loss: 'sparseCategoricalCrossentropy', metrics: ['accuracy'] });

  const rows = Math.max(samples, warmupBatches * batchSize);
  const x = tf.randomUniform([rows, 784], 0, 1, 'float32');
  const y = tf.tensor1d(Array.from({ length: rows }, (_, i) => (i * 7919) % 10), 'float32');
  // Warm-up (kernels compiled and tiered up, buffers allocated), not timed.
  const wx = x.slice([0, 0], [warmupBatches * batchSize, 784]);
  const wy = y.slice([0], [warmupBatches * batchSize]);
  await model.fit(wx, wy, { batchSize, epochs: 1, shuffle: true, verbose: 0 });
  const tx = x.slice([0, 0], [samples, 784]);
  const ty = y.slice([0], [samples]);
  tf.dispose([x, y, wx, wy]);
  prepared = { model, tx, ty, batchSize, samples };
};

window.tfjsFit = async function tfjsFit() {
  const { model, tx, ty, batchSize, samples } = prepared;
  const start = performance.now();
  const history = await model.fit(tx, ty, { batchSize, epochs: 1, shuffle: true, verbose: 0 });
  const seconds = (performance.now() - start) / 1000;
  const loss = history.history.loss[0];
  tf.dispose([tx, ty]);
  prepared = null;
  model.dispose();
  return { samples, seconds, samples_per_s: samples / seconds, loss, memory_bytes: tf.memory().numBytes };
};
