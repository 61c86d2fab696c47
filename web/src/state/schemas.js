// Every setting of every section that a link carries: section id -> key ->
// field (web/src/state/fields.js). The defaults are the page's own starting
// values; the limits are what the core accepts (or what a control can show),
// so a link never sets a control to something the page could not produce.
import { number, integer, choice, flag, text, pNorm, integers } from './fields.js';

/** Written as ?v=1; a link with another number is read key by key, with a notice. */
export const VERSION = 1;

const ALPHA_MAX = 1e9;
const SEED_MAX = 4294967295;  // the core's seeds are uint32

export const SCHEMAS = {
  scaling: {
    species: choice('virginica', ['setosa', 'versicolor', 'virginica']),
  },
  'one-feature': {
    lasso: number(1, 0, ALPHA_MAX),
    ridge: number(1, 0, ALPHA_MAX),
  },
  wine: {
    // 'csv': the user's own file. It never leaves the browser, so a link
    // that names it falls back to the built-in data with a notice.
    data: choice('builtin', ['builtin', 'csv']),
    test_size: number(0.3, 0, 1, { openMax: true }),
    seed: integer(101, 0, SEED_MAX),
    scaling: choice('none', ['none', 'minmax', 'zscore']),
    lasso: number(0.05, 0, ALPHA_MAX),
    ridge: number(1, 0, ALPHA_MAX),
    enet: number(0.05, 0, ALPHA_MAX),
    l1_ratio: number(0.5, 0, 1),
    coef: choice('lasso', ['lasso', 'ridge', 'elasticnet']),
    path: choice('lasso', ['lasso', 'ridge', 'elasticnet']),
    from: number(1e-4, 0, ALPHA_MAX, { openMin: true }),
    to: number(1, 0, ALPHA_MAX, { openMin: true }),
    n: integer(60, 1, 10000),
    folds: integer(5, 2, 1000),
  },
  norms: {
    vector: text('1, 10, 1, 1, 1', 2000),
    p: pNorm(5),
    matrix: text('1, 2, 3; 1, 2, 3; 4, 6, 8', 4000),
    ball: number(25, 0, 100),  // the unit-ball slider's position: p = 2^(pos / 12.5), infinity at 100
  },
  penalty: {
    budget: number(1, 0.1, 3),
    c1: number(2, -2, 3),
    c2: number(1, -2, 3),
    rho: number(0.5, -0.9, 0.9),
  },
  // The trainer's shared settings (sections 8 and 9): fast mode and the post's double division.
  trainer: {
    fast: flag(true),
    fast_limit: choice(6000, [3000, 6000, 12000]),
    twice: flag(true),
  },
  playground: {
    from: choice('', ['', 'N1', 'N2', 'N3', 'N4', 'N5', 'N6']),
    hidden: integers([128], 1, 4096, 3),
    dropout: number(0.2, 0, 0.95),
    batchnorm: flag(false),
    l1: number(0, 0, 1e3),
    l2: number(0, 0, 1e3),
    optimizer: choice('adam', ['adam', 'sgd']),
    learning_rate: number(0.001, 0, 10, { openMin: true }),
    momentum: number(0, 0, 1, { openMax: true }),
    batch_size: integer(128, 1, 65536),
    epochs: integer(10, 1, 100000),
    early_stopping_patience: integer(0, 0, 100000),
    input_divisor: choice(255, [255, 65025, 1]),
    validation_split: number(0.2, 0, 1, { openMax: true }),
    split_seed: integer(101, 0, SEED_MAX),
    seed: integer(1, 0, SEED_MAX),
    train_limit: integer(6000, 0, 10000000),
  },
  inside: {
    filter: choice('all', ['all', 'mistakes', 'confident']),
  },
};

/** Each section's defaults: { section: { key: value } }. */
export function defaults(schemas = SCHEMAS) {
  return Object.fromEntries(Object.entries(schemas).map(([section, fields]) =>
    [section, Object.fromEntries(Object.entries(fields).map(([key, f]) => [key, structuredClone(f.default)]))]));
}
