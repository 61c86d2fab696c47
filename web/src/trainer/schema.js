// The run files' checker (run_file.js). The playground's old URL format
// (?playground=key:value;...) is read by web/src/state/codec.js.

// ---- a run as a file ---------------------------------------------------------------
// A small JSON-Schema-like checker (no library: the page loads nothing else)
// for the run files the lab exports and imports (run_file.js). A schema is
// {type: 'object', properties: {...}, required: [...]} | {type: 'array',
// items, minItems, maxItems} | {type: 'number' | 'integer', minimum,
// maximum, exclusiveMinimum, exclusiveMaximum} | {type: 'string', enum,
// maxLength} | {type: 'boolean'} | {type: 'null'} | {anyOf: [...]} |
// {const}. validate() returns every problem as "path: what is wrong".

const typeOf = (v) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);

export function validate(value, schema, path = '') {
  const at = path || 'the file';
  if (schema.anyOf) {
    const results = schema.anyOf.map((s) => validate(value, s, path));
    if (results.some((r) => r.length === 0)) return [];
    return results.sort((a, b) => a.length - b.length)[0];
  }
  if ('const' in schema) return value === schema.const ? [] : [`${at}: must be ${JSON.stringify(schema.const)}, got ${JSON.stringify(value)}`];
  const type = typeOf(value);
  const wanted = schema.type;
  if (wanted === 'integer' ? !Number.isInteger(value) : wanted === 'number' ? !(type === 'number' && Number.isFinite(value)) : type !== wanted) {
    const got = type === 'number' && !Number.isFinite(value) ? String(value) : type;
    return [`${at}: must be ${wanted === 'integer' ? 'a whole number' : wanted === 'array' || wanted === 'object' ? `an ${wanted}` : `a ${wanted}`}, got ${type === 'number' && Number.isFinite(value) ? value : got}`];
  }
  const problems = [];
  if (wanted === 'number' || wanted === 'integer') {
    if (schema.minimum !== undefined && value < schema.minimum) problems.push(`${at}: must be >= ${schema.minimum}, got ${value}`);
    if (schema.maximum !== undefined && value > schema.maximum) problems.push(`${at}: must be <= ${schema.maximum}, got ${value}`);
    if (schema.exclusiveMinimum !== undefined && value <= schema.exclusiveMinimum) problems.push(`${at}: must be > ${schema.exclusiveMinimum}, got ${value}`);
    if (schema.exclusiveMaximum !== undefined && value >= schema.exclusiveMaximum) problems.push(`${at}: must be < ${schema.exclusiveMaximum}, got ${value}`);
  } else if (wanted === 'string') {
    if (schema.enum && !schema.enum.includes(value)) problems.push(`${at}: must be one of ${schema.enum.map((e) => `'${e}'`).join(', ')}, got '${String(value).slice(0, 40)}'`);
    if (schema.maxLength !== undefined && value.length > schema.maxLength) problems.push(`${at}: at most ${schema.maxLength} characters, got ${value.length}`);
  } else if (wanted === 'array') {
    if (schema.minItems !== undefined && value.length < schema.minItems) problems.push(`${at}: needs at least ${schema.minItems} items, got ${value.length}`);
    if (schema.maxItems !== undefined && value.length > schema.maxItems) problems.push(`${at}: at most ${schema.maxItems} items, got ${value.length}`);
    if (schema.items && problems.length === 0) value.forEach((item, i) => problems.push(...validate(item, schema.items, `${path}[${i}]`)));
  } else if (wanted === 'object') {
    for (const key of schema.required ?? []) if (!(key in value)) problems.push(`${path ? `${path}.` : ''}${key}: missing`);
    for (const [key, sub] of Object.entries(schema.properties ?? {})) {
      if (key in value) problems.push(...validate(value[key], sub, path ? `${path}.${key}` : key));
    }
  }
  return problems;
}

const num = (extra = {}) => ({ type: 'number', ...extra });
const int = (extra = {}) => ({ type: 'integer', ...extra });
const metric = { anyOf: [num(), { type: 'null' }] };  // a loss can be too large for JSON: null

// The trainer's settings, with the core's ranges (core/nn/spec.cpp,
// optimizer.cpp, trainer.cpp): an imported run is only shown, never trained,
// so these checks are all it gets.
export const CONFIG_SCHEMA = {
  type: 'object',
  required: ['hidden', 'dropout', 'batchnorm', 'l1', 'l2', 'optimizer', 'learning_rate', 'epochs', 'batch_size',
    'validation_split', 'split_seed', 'seed', 'input_divisor', 'train_limit', 'early_stopping_patience'],
  properties: {
    hidden: { type: 'array', minItems: 1, maxItems: 3, items: int({ minimum: 1, maximum: 4096 }) },
    dropout: num({ minimum: 0, exclusiveMaximum: 1 }),
    batchnorm: { type: 'boolean' },
    l1: num({ minimum: 0 }),
    l2: num({ minimum: 0 }),
    optimizer: { type: 'string', enum: ['adam', 'sgd'] },
    learning_rate: num({ exclusiveMinimum: 0, maximum: 10 }),
    beta1: num({ minimum: 0, exclusiveMaximum: 1 }),
    beta2: num({ minimum: 0, exclusiveMaximum: 1 }),
    epsilon: num({ exclusiveMinimum: 0 }),
    momentum: num({ minimum: 0, exclusiveMaximum: 1 }),
    epochs: int({ minimum: 1, maximum: 100000 }),
    batch_size: int({ minimum: 1, maximum: 65536 }),
    validation_split: num({ minimum: 0, exclusiveMaximum: 1 }),
    split_seed: int({ minimum: 0 }),
    seed: int({ minimum: 0 }),
    input_divisor: num({ exclusiveMinimum: 0 }),
    train_limit: int({ minimum: 0 }),
    early_stopping_patience: int({ minimum: 0 }),
  },
};

export const EPOCH_SCHEMA = {
  type: 'object',
  required: ['epoch', 'loss', 'accuracy', 'val_loss', 'val_accuracy'],
  properties: {
    epoch: int({ minimum: 1 }),
    loss: metric,
    accuracy: num({ minimum: 0, maximum: 1 }),
    val_loss: metric,
    val_accuracy: { anyOf: [num({ minimum: 0, maximum: 1 }), { type: 'null' }] },
    seconds: { anyOf: [num({ minimum: 0 }), { type: 'null' }] },
  },
};
