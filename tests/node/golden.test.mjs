// The wasm module reproduces the study post's printed numbers (T2-T8 of
// ../shared/seed/EXPERIMENTS.md). Where the post printed every digit the
// tolerance is 1e-9 relative; where it printed 8 or 9 significant digits the
// tolerance is half a unit of the last printed digit.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { loadModule, assertClose, assertAllClose } from './load.mjs';

let reglab;
before(async () => { reglab = await loadModule(); });

const VIRGINICA = { dataset: 'iris', where: 'species=virginica', target: 'sepal length (cm)', features: ['petal length (cm)'] };
const WINE_SPLIT = { dataset: 'wine', target: 'target', test_size: 0.3, seed: 101 };

test('T2-T4: one feature, OLS / Lasso() / Ridge() on the 50 virginica rows', () => {
  // Printed: LinearRegression slope 0.99573864, intercept 1.05965909;
  // Lasso() slope 0, intercept 6.588 (the mean of y); Ridge() 0.93321109, 1.40681202.
  const ols = reglab.regress({ ...VIRGINICA, model: 'ols' });
  assert.equal(ols.n_rows, 50);
  assertClose(ols.coef[0], 0.99573864, { abs: 5e-9, what: 'OLS slope' });
  assertClose(ols.intercept, 1.05965909, { abs: 5e-9, what: 'OLS intercept' });
  assert.equal(ols.n_iter, null, 'OLS is closed form');

  const lasso = reglab.regress({ ...VIRGINICA, model: 'lasso', alpha: 1 });
  assert.equal(lasso.coef[0], 0, 'Lasso(alpha=1) sets the slope exactly to 0');
  assertClose(lasso.intercept, 6.588, { rel: 1e-12, what: 'Lasso intercept' });

  const ridge = reglab.regress({ ...VIRGINICA, model: 'ridge', alpha: 1 });
  assertClose(ridge.coef[0], 0.93321109, { abs: 5e-9, what: 'Ridge slope' });
  assertClose(ridge.intercept, 1.40681202, { abs: 5e-9, what: 'Ridge intercept' });
});

test('T5: the split is train_test_split(test_size=0.3, random_state=101)', () => {
  const fit = reglab.regress({ ...WINE_SPLIT, model: 'ols' });
  assert.equal(fit.train_indices.length, 124);
  assert.equal(fit.test_indices.length, 54);
  assert.deepEqual(fit.test_indices.slice(0, 10), [37, 32, 148, 42, 153, 77, 168, 12, 109, 98]);
});

test('T5: OLS on wine, test metrics and coefficients', () => {
  const fit = reglab.regress({ ...WINE_SPLIT, model: 'ols' });
  assert.equal(fit.test.n, 54);
  assertClose(fit.test.mae, 0.25128973939722626, { what: 'MAE' });
  assertClose(fit.test.mse, 0.1062458740952556, { what: 'MSE' });
  assertClose(fit.test.rmse, 0.32595379134971814, { what: 'RMSE' });
  // Printed with 9 significant digits (numpy's %.8e).
  const printed = [-8.09017190e-02, 4.34817880e-02, -1.18857931e-01, 3.65705449e-02, -4.68014203e-04,
    1.41423581e-01, -4.54107854e-01, -5.13172664e-01, 9.69318443e-02, 5.34311136e-02,
    -1.27626604e-01, -2.91381844e-01, -5.72238959e-04];
  fit.coef.forEach((c, i) => assertClose(c, printed[i], { rel: 5e-9, abs: 5e-12, what: `coef[${i}]` }));
});

test('T6: Lasso(alpha=0.05) on wine: metrics, 21 passes, the same exact zeros', () => {
  const fit = reglab.regress({ ...WINE_SPLIT, model: 'lasso', alpha: 0.05 });
  assertClose(fit.test.mae, 0.24233731936122138, { what: 'MAE' });
  assertClose(fit.test.mse, 0.0955956894578189, { what: 'MSE' });
  assertClose(fit.test.rmse, 0.3091855259513597, { what: 'RMSE' });
  assert.equal(fit.n_iter, 21);
  assert.equal(fit.converged, true);
  // Printed: [-0. 0.01373795 -0. 0.03065716 0.00154719 -0. -0.34143614 -0. 0.
  //           0.06755943 -0. -0.14558153 -0.00089635]: 6 exact zeros, 7 kept.
  const printed = [0, 0.01373795, 0, 0.03065716, 0.00154719, 0, -0.34143614, 0, 0, 0.06755943, 0, -0.14558153, -0.00089635];
  fit.coef.forEach((c, i) => {
    if (printed[i] === 0) assert.ok(c === 0, `coef[${i}] = ${c} is not exactly 0`);  // 0 or -0
    else assertClose(c, printed[i], { abs: 5e-9, what: `coef[${i}]` });
  });
});

test('T7: the p = 5 norm of [1, 10, 1, 1, 1]', () => {
  // numpy.linalg.norm(x, ord=5) = (10^5 + 4)^(1/5) = 10.000079998720032
  assertClose(reglab.vectorNorm([1, 10, 1, 1, 1], 5), 10.000079998720032, { what: '||x||_5' });
  assertClose(reglab.vectorNorm('1, 10, 1, 1, 1', 5), 10.000079998720032, { what: '||x||_5 from text' });
  assert.equal(reglab.vectorNorm([1, 10, 1, 1, 1], Infinity), 10);
});

test('T8: matrix norms of [[1,2,3],[1,2,3],[4,6,8]]', () => {
  const norms = reglab.matrixNorms('1,2,3; 1,2,3; 4,6,8');
  assert.equal(norms.inf, 18);  // the post: 18.0 (largest row sum)
  assert.equal(norms.one, 14);  // the post: 14.0 (largest column sum)
  assertClose(norms.fro, 12, { rel: 1e-12, what: 'Frobenius' });  // sqrt(144)
  assertClose(norms.spectral, 11.98607, { abs: 5e-6, what: '2-norm' });  // numpy, 5 decimals
  assert.deepEqual(reglab.matrixNorms([[1, 2, 3], [1, 2, 3], [4, 6, 8]]), norms);
});

test('T9: [1,1,1,1,1] and [5,0,0,0,0] share the L1 norm 5; L2 norms sqrt(5) and 5', () => {
  assert.equal(reglab.vectorNorm([1, 1, 1, 1, 1], 1), 5);
  assert.equal(reglab.vectorNorm([5, 0, 0, 0, 0], 1), 5);
  assertClose(reglab.vectorNorm([1, 1, 1, 1, 1], 2), Math.sqrt(5), { rel: 1e-15, what: 'L2' });
  assert.equal(reglab.vectorNorm([5, 0, 0, 0, 0], 2), 5);
});

test('T9: the L1 optimum of the page\'s default picture has an exact zero, the L2 one does not', () => {
  const picture = reglab.penaltyGeometry({ center: [2, 1], H: [[1, 0.5], [0.5, 1]], budget: 1, levels: [1] });
  assert.deepEqual(picture.l1.w, [1, 0]);
  assert.ok(picture.l2.w.every((w) => w > 0), `L2 optimum ${picture.l2.w}`);
  assertClose(Math.hypot(...picture.l2.w), 1, { rel: 1e-9, what: '||w_L2||' });
  assert.equal(picture.diamond.length, 257);
  assert.ok(picture.diamond.some((p) => p.x === 1 && p.y === 0), 'the diamond passes through its corner (1, 0)');
});

test('T1: min-max and z-score scaling of the virginica columns', () => {
  const [x, y] = reglab.csvColumns({ dataset: 'iris', where: 'species=virginica', names: ['petal length (cm)', 'sepal length (cm)'] });
  assert.equal(x.length, 50);
  const [xs, ys] = reglab.scaleColumns([x, y], 'minmax');
  assert.equal(Math.min(...xs), 0);
  assert.equal(Math.max(...xs), 1);
  assert.equal(Math.min(...ys), 0);
  assert.equal(Math.max(...ys), 1);
  // minmax_scale(4.5..6.9): (x - 4.5) / 2.4
  assertAllClose(xs, x.map((v) => (v - 4.5) / 2.4), { rel: 1e-12, abs: 1e-15, what: 'minmax x' });
  const [zx] = reglab.scaleColumns([x], 'zscore');
  const mean = zx.reduce((a, b) => a + b, 0) / zx.length;
  const variance = zx.reduce((a, b) => a + (b - mean) ** 2, 0) / zx.length;
  assertClose(mean, 0, { abs: 1e-12, what: 'z-score mean' });
  assertClose(variance, 1, { rel: 1e-12, what: 'z-score variance (ddof 0)' });
});
