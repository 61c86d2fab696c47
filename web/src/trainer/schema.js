// A trainer configuration as a short, readable URL parameter, so that a
// playground setting can be shared as a link:
//   ?playground=hidden:256,128;dropout:0.5;batchnorm:1;l2:0.001
// Only the keys that differ from `defaults` are written; reading starts from
// `defaults`, ignores unknown keys and keeps values as typed (the core
// checks the ranges when the run is configured).

const KEYS = {
  hidden: 'list', dropout: 'number', batchnorm: 'bool', l1: 'number', l2: 'number',
  optimizer: 'text', learning_rate: 'number', momentum: 'number', epochs: 'number',
  batch_size: 'number', validation_split: 'number', split_seed: 'number', seed: 'number',
  input_divisor: 'number', early_stopping_patience: 'number', train_limit: 'number',
};

const write = {
  list: (v) => v.join(','),
  number: (v) => String(v),
  bool: (v) => (v ? '1' : '0'),
  text: (v) => String(v),
};
const read = {
  list: (s) => s.split(',').filter(Boolean).map(Number),
  number: Number,
  bool: (s) => s === '1' || s === 'true',
  text: (s) => s,
};
const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);

/** config -> "key:value;..." with the keys that differ from defaults. */
export function configToParam(config, defaults) {
  return Object.entries(KEYS)
    .filter(([key]) => config[key] !== undefined && !same(config[key], defaults[key]))
    .map(([key, kind]) => `${key}:${write[kind](config[key])}`)
    .join(';');
}

/** "key:value;..." -> a config: defaults with the given keys. */
export function paramToConfig(text, defaults) {
  const config = { ...defaults, hidden: [...defaults.hidden] };
  for (const item of String(text ?? '').split(';')) {
    const i = item.indexOf(':');
    const key = item.slice(0, i);
    if (i > 0 && KEYS[key]) config[key] = read[KEYS[key]](decodeURIComponent(item.slice(i + 1)));
  }
  return config;
}
