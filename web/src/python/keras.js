// "Show as Keras": the TensorFlow / Keras code that trains the model of a
// trainer configuration (wasm/nn_convert.hpp's keys), written the way the
// post writes its runs.
import { float, lines } from './common.js';

const num = (x) => (Number.isInteger(x) ? String(x) : float(x));

function regularizer({ l1, l2 }) {
  if (l1 > 0 && l2 > 0) return `keras.regularizers.L1L2(l1=${float(l1)}, l2=${float(l2)})`;
  if (l1 > 0) return `keras.regularizers.L1(${float(l1)})`;
  if (l2 > 0) return `keras.regularizers.L2(${float(l2)})`;
  return null;
}

function dense(units, activation, reg) {
  return `    keras.layers.Dense(${units}, activation='${activation}'${reg ? `, kernel_regularizer=${reg}` : ''}),`;
}

function optimizer(c) {
  if (c.optimizer === 'sgd') {
    return `keras.optimizers.SGD(learning_rate=${float(c.learning_rate)}${c.momentum ? `, momentum=${float(c.momentum)}` : ''})`;
  }
  const defaults = c.learning_rate === 0.001 && (c.beta1 ?? 0.9) === 0.9 && (c.beta2 ?? 0.999) === 0.999 && (c.epsilon ?? 1e-7) === 1e-7;
  if (defaults) return "'adam'";
  return `keras.optimizers.Adam(learning_rate=${float(c.learning_rate)}, beta_1=${float(c.beta1)}, beta_2=${float(c.beta2)}, epsilon=${float(c.epsilon)})`;
}

// How the pixels are scaled. The post divides by 255 when it loads the
// images; in N3/N4 it divides the split arrays by 255 a second time.
function scaling(divisor) {
  if (divisor === 255) return { load: '/ 255.0', after: null };
  if (divisor === 65025) return { load: '/ 255.0', after: '/ 255.0' };
  if (divisor === 1) return { load: null, after: null };
  return { load: `/ ${float(divisor)}`, after: null };
}

/** config -> Python source; classes: the class names (for the comment). */
export function kerasPython(config, { classes = 10 } = {}) {
  const c = config;
  const s = scaling(c.input_divisor);
  const reg = regularizer(c);
  const split = c.validation_split > 0;
  const limit = c.train_limit > 0;
  const hidden = c.hidden.flatMap((units) => [
    dense(units, 'relu', reg),
    c.batchnorm ? '    keras.layers.BatchNormalization(),' : null,
    c.dropout > 0 ? `    keras.layers.Dropout(${float(c.dropout)}),` : null,
  ]);
  const callbacks = c.early_stopping_patience > 0
    ? `, callbacks=[keras.callbacks.EarlyStopping(monitor='val_loss', patience=${c.early_stopping_patience}, restore_best_weights=True)]`
    : '';
  const x = split ? 'X_train' : 'train_images';
  const y = split ? 'y_train' : 'train_labels';
  return lines(
    '# Trains the same model with TensorFlow / Keras. The lab draws its own',
    '# random numbers (seed below), so Keras\' numbers will differ a little.',
    'import tensorflow as tf',
    'from tensorflow import keras',
    split ? 'from sklearn.model_selection import train_test_split' : null,
    '',
    `tf.keras.utils.set_random_seed(${c.seed})`,
    '(train_images, train_labels), (test_images, test_labels) = keras.datasets.fashion_mnist.load_data()',
    limit ? `train_images, train_labels = train_images[:${c.train_limit}], train_labels[:${c.train_limit}]  # fast mode: the first ${c.train_limit} images` : null,
    s.load ? `train_images = train_images ${s.load}` : '# no scaling: the pixels stay in 0-255',
    s.load ? `test_images = test_images ${s.load}` : null,
    '',
    split ? `X_train, X_valid, y_train, y_valid = train_test_split(train_images, train_labels, test_size=${float(c.validation_split)}, random_state=${c.split_seed})` : null,
    split && s.after ? `X_train = X_train ${s.after}  # the post divides by 255 a second time: inputs in [0, 1/255]` : null,
    split && s.after ? `X_valid = X_valid ${s.after}` : null,
    !split && s.after ? `train_images = train_images ${s.after}  # divided by 255 a second time` : null,
    split ? '' : null,
    'model = keras.Sequential([',
    '    keras.layers.Flatten(input_shape=(28, 28)),',
    ...hidden,
    `    keras.layers.Dense(${classes}, activation='softmax'${reg ? `, kernel_regularizer=${reg}` : ''})`,
    '])',
    '',
    `model.compile(optimizer=${optimizer(c)}, loss='sparse_categorical_crossentropy',`,
    "              metrics=['accuracy'])",
    '',
    `history = model.fit(${x}, ${y}, epochs=${num(c.epochs)}, batch_size=${num(c.batch_size)}${split ? ', validation_data=(X_valid, y_valid)' : ''}${callbacks})`,
    `model.evaluate(test_images${s.after ? ` ${s.after}` : ''}, test_labels)`,
  );
}
