// The friendly face of the wasm module: plain JS values in and out.
//
//   import { loadReglab } from './reglab.js';
//   const reglab = await loadReglab();                        // page or worker
//   const reglab = await loadReglab({ wasmBinary: bytes });   // node
//   reglab.regress({ dataset: 'wine', target: 'target', model: 'lasso', alpha: 0.05,
//                    test_size: 0.3, seed: 101 }).test.mae    // 0.24233731936122138
//
// Every method throws a JS Error carrying the core's message on bad input; the
// module stays usable afterwards. Results are plain objects and arrays (JSON
// like the CLI's), copied out of the wasm heap; points are [{x, y}] as
// Chart.js takes them. No embind class objects are handed out, so nothing
// needs .delete().
import createReglabModule from './reglab.mjs';

/**
 * Loads the module once. `options` go to Emscripten's factory:
 * `wasmBinary` (bytes of reglab.wasm; node has no fetch for file paths) or
 * `locateFile(name)` (the URL of reglab.wasm when a bundler moved it).
 */
export async function loadReglab(options = {}) {
  return new Reglab(await createReglabModule(options));
}

// The bindings return an Error instead of throwing it (see wasm/bindings.cpp).
function check(value) {
  if (value instanceof Error) throw value;
  return value;
}

const toArray = (typed) => Array.from(typed);
const toPoints = ({ x, y }) => Array.from(x, (xi, i) => ({ x: xi, y: y[i] }));
const toRows = (rows) => rows.map(toArray);
const toFloat64 = (values, what) => {
  if (values instanceof Float64Array) return values;
  if (!Array.isArray(values) && !ArrayBuffer.isView(values)) {
    throw new Error(`${what} must be an array of numbers`);
  }
  return Float64Array.from(values, Number);
};

function plainMetrics(metrics) {
  return metrics && { n: metrics.n, mae: metrics.mae, mse: metrics.mse, rmse: metrics.rmse, r2: metrics.r2 };
}

// `request` (optional) is echoed first, as the CLI's JSON does.
function plainFit(fit, request) {
  const out = {
    ...(request && {
      model: request.model ?? 'ols',
      alpha: request.alpha ?? 1,
      l1_ratio: request.l1_ratio ?? 0.5,
      target: request.target,
    }),
    features: fit.features,
    coef: toArray(fit.coef),
    intercept: fit.intercept,
    n_iter: fit.n_iter,
    converged: fit.converged,
    dual_gap: fit.dual_gap,
    n_rows: fit.n_rows,
    train: plainMetrics(fit.train),
    test: plainMetrics(fit.test),
    train_indices: toArray(fit.train_indices),
    test_indices: toArray(fit.test_indices),
    predictions: { train: toArray(fit.predictions.train), test: toArray(fit.predictions.test) },
  };
  if (fit.data) out.data = { X: toRows(fit.data.X), y: toArray(fit.data.y) };
  return out;
}

export class Reglab {
  #module;
  #builtin = new Map();  // name -> CSV text

  constructor(module) {
    this.#module = module;
  }

  /** The raw embind module, for tests and benchmarks. */
  get module() {
    return this.#module;
  }

  /** CSV text of a data set compiled into the core: 'iris' or 'wine'. */
  builtinCsv(name) {
    if (!this.#builtin.has(name)) this.#builtin.set(name, check(this.#module.builtinCsv(String(name))));
    return this.#builtin.get(name);
  }

  #csvOf(request) {
    if (typeof request?.csv === 'string') return request.csv;
    if (typeof request?.dataset === 'string') return this.builtinCsv(request.dataset);
    throw new Error('give the data as csv (text) or dataset ("iris" or "wine")');
  }

  #request(request) {
    const { dataset, ...rest } = request ?? {};
    return { ...rest, csv: this.#csvOf(request) };
  }

  /** {columns, numeric_columns, n_rows} of a CSV text. */
  csvInfo(csv) {
    const info = check(this.#module.csvInfo(String(csv)));
    return { columns: info.columns, numeric_columns: info.numeric_columns, n_rows: info.n_rows };
  }

  /** {csv | dataset, where?, names} -> one array of numbers per named column. */
  csvColumns(request) {
    const names = request?.names ?? [];
    return toRows(check(this.#module.csvColumns(this.#csvOf(request), request.where ?? '', names)));
  }

  /**
   * One experiment, as `reglab regress --json`: {model, alpha, l1_ratio,
   * target, features, coef, intercept, n_iter and dual_gap (null for closed
   * form), converged, n_rows, train, test (null when test_size is 0),
   * test_indices}, plus train_indices, predictions: {train, test} (split
   * order) and, when with_data is true, data: {X, y} (filtered rows, unscaled).
   *
   * request: {csv | dataset, target, features?, where?, model?, alpha?,
   * l1_ratio?, scaling?, test_size?, seed?, max_iter?, tol?, with_data?}
   */
  regress(request) {
    return plainFit(check(this.#module.regress(this.#request(request))), request);
  }

  /** Coefficients over `alphas` (fitted in descending order) on the request's scaled training rows. */
  regularizationPath(request, alphas) {
    const path = check(this.#module.regularizationPath(this.#request(request), toFloat64(alphas, 'alphas')));
    return {
      alphas: toArray(path.alphas),
      coefs: toRows(path.coefs),
      intercepts: toArray(path.intercepts),
      n_iter: toArray(path.n_iter),
      fit: plainFit(path.fit),
    };
  }

  /** k-fold validation MSE (mean and std over folds) for each alpha, on the training rows. */
  crossValidate(request, alphas, folds = 5) {
    if (!Number.isInteger(folds)) throw new Error('folds must be a whole number');
    const cv = check(this.#module.crossValidate(this.#request(request), toFloat64(alphas, 'alphas'), folds));
    return {
      alphas: toArray(cv.alphas),
      mean_mse: toArray(cv.mean_mse),
      std_mse: toArray(cv.std_mse),
      best_index: cv.best_index,
      best_alpha: cv.best_alpha,
      fit: plainFit(cv.fit),
    };
  }

  /** n log-spaced alphas from hi down to lo (numpy.logspace order). */
  logAlphaGrid(lo, hi, n) {
    if (!Number.isInteger(n)) throw new Error('the number of alphas must be a whole number');
    return toArray(check(this.#module.logAlphaGrid(Number(lo), Number(hi), n)));
  }

  /** "1, 10, 1" -> [1, 10, 1] (the core's parser and messages). */
  parseVector(text) {
    return toArray(check(this.#module.parseVector(String(text))));
  }

  /** "1,2;3,4" -> [[1, 2], [3, 4]]. */
  parseMatrix(text) {
    return toRows(check(this.#module.parseMatrix(String(text))));
  }

  /** ||x||_p for p >= 1 or Infinity; x is an array or text such as "1, 10, 1". */
  vectorNorm(x, p) {
    const values = typeof x === 'string' ? this.parseVector(x) : x;
    return check(this.#module.vectorNorm(toFloat64(values, 'x'), Number(p)));
  }

  /** {one, inf, fro, spectral, nuclear} as numpy.linalg.norm; A is rows or text. */
  matrixNorms(A) {
    const rows = typeof A === 'string' ? this.parseMatrix(A) : A;
    if (!Array.isArray(rows)) throw new Error('A must be an array of rows');
    const norms = check(this.#module.matrixNorms(rows.map((row) => toFloat64(row, 'a row of A'))));
    return { one: norms.one, inf: norms.inf, fro: norms.fro, spectral: norms.spectral, nuclear: norms.nuclear };
  }

  /**
   * The outline {v : ||v||_p = radius} as closed [{x, y}] (first = last).
   * With points - 1 a multiple of 4, the outline passes through the corners
   * of the p = 1 diamond and the p = infinity square.
   */
  unitBall(p, { radius = 1, points = 257 } = {}) {
    if (!Number.isInteger(points)) throw new Error('points must be a whole number');
    return toPoints(check(this.#module.unitBall(Number(p), Number(radius), points)));
  }

  /** Each column scaled on its own: kind 'minmax' | 'zscore' | 'none'. */
  scaleColumns(columns, kind) {
    if (!Array.isArray(columns)) throw new Error('columns must be an array of columns');
    return toRows(check(this.#module.scaleColumns(columns.map((c) => toFloat64(c, 'a column')), String(kind))));
  }

  /**
   * L1 vs L2 for a quadratic loss bowl {center: [w1, w2], H: 2x2} and a budget:
   * {diamond, circle, l1: {w, loss, on_boundary}, l2, l1_contour, l2_contour,
   * contours} with every outline as [{x, y}].
   */
  penaltyGeometry({ center, H, budget, levels = [], points = 257 }) {
    if (!Array.isArray(H)) throw new Error('H must be a 2 x 2 array');
    const picture = check(this.#module.penaltyGeometry({
      center: toFloat64(center, 'center'),
      H: H.map((row) => toFloat64(row, 'a row of H')),
      budget: Number(budget),
      levels: toFloat64(levels, 'levels'),
      n_points: points,
    }));
    const optimum = (o) => ({ w: toArray(o.w), loss: o.loss, on_boundary: o.on_boundary });
    return {
      diamond: toPoints(picture.diamond),
      circle: toPoints(picture.circle),
      l1: optimum(picture.l1),
      l2: optimum(picture.l2),
      l1_contour: toPoints(picture.l1_contour),
      l2_contour: toPoints(picture.l2_contour),
      contours: picture.contours.map(toPoints),
    };
  }
}
