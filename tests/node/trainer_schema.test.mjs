// Pure JS pieces of the trainer page: the "Show as Keras" code (web/src/python/keras.js)
// and the post's curves (web/src/trainer/keras_curves.js, parser only).
import test from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { kerasPython } from '../../web/src/python/keras.js';
import { argmaxRows, topClasses } from '../../web/src/sections/nn/gallery.js';

const DEFAULTS = {
  hidden: [128], dropout: 0.2, batchnorm: false, l1: 0, l2: 0, optimizer: 'adam', learning_rate: 0.001,
  momentum: 0, epochs: 10, batch_size: 128, validation_split: 0.2, split_seed: 101, input_divisor: 255,
  train_limit: 6000, seed: 1, early_stopping_patience: 0,
};

// The post's N3 (EXPERIMENTS.md, Part 2), as nnPresets() gives it.
const N3 = {
  hidden: [256], dropout: 0, batchnorm: false, l1: 0, l2: 0, optimizer: 'adam', learning_rate: 0.001,
  beta1: 0.9, beta2: 0.999, epsilon: 1e-7, epochs: 200, batch_size: 512, validation_split: 0.01,
  split_seed: 101, input_divisor: 65025, train_limit: 0, seed: 1, early_stopping_patience: 0,
};

test('Show as Keras: the post\'s N3, double division included', () => {
  const code = kerasPython(N3);
  for (const line of [
    'train_images = train_images / 255.0',
    'X_train, X_valid, y_train, y_valid = train_test_split(train_images, train_labels, test_size=0.01, random_state=101)',
    'X_train = X_train / 255.0  # the post divides by 255 a second time: inputs in [0, 1/255]',
    'X_valid = X_valid / 255.0',
    "    keras.layers.Dense(256, activation='relu'),",
    "    keras.layers.Dense(10, activation='softmax')",
    "model.compile(optimizer='adam', loss='sparse_categorical_crossentropy',",
    'history = model.fit(X_train, y_train, epochs=200, batch_size=512, validation_data=(X_valid, y_valid))',
  ]) assert.ok(code.split('\n').includes(line), `missing: ${line}\n---\n${code}`);
  assert.ok(!code.includes('Dropout') && !code.includes('BatchNormalization') && !code.includes('regularizer'));
});

test('Show as Keras: every setting of the playground', () => {
  const code = kerasPython({
    ...DEFAULTS, hidden: [256, 64], batchnorm: true, dropout: 0.5, l1: 1e-5, l2: 0.001, optimizer: 'sgd',
    learning_rate: 0.05, momentum: 0.9, validation_split: 0, input_divisor: 1, early_stopping_patience: 0, train_limit: 0,
  });
  assert.match(code, /keras\.layers\.Dense\(256, activation='relu', kernel_regularizer=keras\.regularizers\.L1L2\(l1=0\.00001, l2=0\.001\)\),\n {4}keras\.layers\.BatchNormalization\(\),\n {4}keras\.layers\.Dropout\(0\.5\),\n {4}keras\.layers\.Dense\(64,/);
  assert.match(code, /optimizer=keras\.optimizers\.SGD\(learning_rate=0\.05, momentum=0\.9\)/);
  assert.match(code, /# no scaling: the pixels stay in 0-255/);
  assert.ok(!code.includes('/ 1.0'));
  assert.match(code, /history = model\.fit\(train_images, train_labels, epochs=10, batch_size=128\)/);
  assert.ok(!code.includes('train_test_split'));
  const early = kerasPython({ ...DEFAULTS, early_stopping_patience: 3 });
  assert.match(early, /callbacks=\[keras\.callbacks\.EarlyStopping\(monitor='val_loss', patience=3, restore_best_weights=True\)\]/);
  assert.match(early, /train_images\[:6000\]/);
});

test('gallery helpers: argmax and top classes', () => {
  const p = Float32Array.from([0.1, 0.7, 0.2, 0.5, 0.2, 0.3]);
  assert.deepEqual([...argmaxRows(p, 3)], [1, 0]);
  assert.deepEqual(topClasses(p, 1, 3, 2).map((x) => x.c), [0, 2]);
});

test('the post\'s curves parse: six runs, their last epochs as EXPERIMENTS.md prints them', async () => {
  // keras_curves.js imports the CSV with Vite's ?raw; node reads the file and uses the parser alone.
  const source = readFileSync(new URL('../../web/src/trainer/keras_curves.js', import.meta.url), 'utf8');
  const parser = source.slice(source.indexOf('export function parseKerasCurves'), source.indexOf('export const KERAS_CURVES'));
  const { parseKerasCurves } = await import(`data:text/javascript,${encodeURIComponent(parser)}`);
  const curves = parseKerasCurves(readFileSync(new URL('../../data/keras_curves.csv', import.meta.url), 'utf8'));
  assert.deepEqual([...curves.keys()].sort(), ['batchnorm-20ep', 'dropout-0.9-5ep', 'no-batchnorm-20ep', 'no-dropout-5ep', 'overfit-dropout-0.5-200ep', 'overfit-no-dropout-200ep']);
  assert.deepEqual(curves.get('dropout-0.9-5ep').at(-1), { epoch: 5, loss: 1.0902, accuracy: 0.5628, val_loss: null, val_accuracy: null });
  assert.deepEqual(curves.get('batchnorm-20ep').at(-1), { epoch: 20, loss: 0.2213, accuracy: 0.9223, val_loss: 0.3413, val_accuracy: 0.8785 });
  assert.equal(curves.get('overfit-no-dropout-200ep').length, 200);
  assert.equal(curves.get('no-batchnorm-20ep')[0].val_loss, 0.7485);
});
