// The "show as Python" generators (web/src/python/) write code that Python
// parses, with the page's current settings in it. python3 only compiles it
// (no scikit-learn needed): syntax errors and missing settings are caught.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { scalingPython } from '../../web/src/python/scaling.js';
import { oneFeaturePython } from '../../web/src/python/one_feature.js';
import { winePython, pathPython } from '../../web/src/python/wine.js';
import { normsPython, unitBallPython } from '../../web/src/python/norms.js';
import { penaltyPython } from '../../web/src/python/penalty.js';

const python = spawnSync('python3', ['--version']).status === 0;

function assertCompiles(code) {
  if (!python) return;
  const result = spawnSync('python3', ['-c', 'import sys; compile(sys.stdin.read(), "<generated>", "exec")'], { input: code, encoding: 'utf8' });
  assert.equal(result.status, 0, `${result.stderr}\n--- code ---\n${code}`);
}

const WINE = {
  source: { kind: 'builtin' }, target: 'target', testSize: 0.3, seed: 101, scaling: 'none',
  alphas: { lasso: 0.05, ridge: 1, elasticnet: 0.05 }, l1Ratio: 0.5, pathModel: 'lasso',
  grid: { lo: 1e-4, hi: 1, n: 60 }, folds: 5,
};

test('wine table: the post\'s split and models', () => {
  const code = winePython(WINE);
  assertCompiles(code);
  assert.match(code, /train_test_split\(X, y, test_size=0\.3, random_state=101\)/);
  assert.match(code, /'Lasso': Lasso\(alpha=0\.05\)/);
  assert.match(code, /'Ridge': Ridge\(alpha=1\.0\)/);
  assert.match(code, /ElasticNet\(alpha=0\.05, l1_ratio=0\.5\)/);
  assert.doesNotMatch(code, /Scaler/);
});

test('wine table with z-scores and a CSV file of one\'s own (quotes in names are escaped)', () => {
  const code = winePython({ ...WINE, scaling: 'zscore', source: { kind: 'csv', name: "it's mine.csv" }, target: "the 'y'" });
  assertCompiles(code);
  assert.match(code, /StandardScaler\(\)\.fit\(X_train\)/);
  assert.match(code, /pd\.read_csv\('it\\'s mine\.csv'\)/);
});

test('a CSV file with picked features selects exactly those columns', () => {
  const settings = { ...WINE, source: { kind: 'csv', name: 'mine.csv' }, target: 'y', data: { features: ['a', "b's"] } };
  for (const code of [winePython(settings), pathPython({ ...settings, pathModel: 'lasso' })]) {
    assertCompiles(code);
    assert.match(code, /X = df\[\['a', 'b\\'s'\]\]/);
    assert.doesNotMatch(code, /select_dtypes/);
  }
});

test('path and cross-validation for each model', () => {
  for (const pathModel of ['lasso', 'ridge', 'elasticnet']) {
    const code = pathPython({ ...WINE, pathModel, scaling: 'minmax', l1Ratio: 0.3 });
    assertCompiles(code);
    assert.match(code, /np\.logspace\(np\.log10\(0\.0001\), np\.log10\(1\.0\), 60\)\[::-1\]/);
    assert.match(code, /cv=KFold\(5\)/);
    if (pathModel === 'elasticnet') assert.match(code, /ElasticNet\(l1_ratio=0\.3\)/);
  }
});

test('scaling, one feature, norms, unit ball and penalty', () => {
  const codes = [
    scalingPython({ species: 'virginica' }),
    oneFeaturePython({ lassoAlpha: 1, ridgeAlpha: 0.01 }),
    normsPython({ vector: [1, 10, 1, 1, 1], p: 5, matrix: [[1, 2, 3], [1, 2, 3], [4, 6, 8]] }),
    normsPython({ vector: [1, 2], p: Infinity, matrix: [[1]] }),
    unitBallPython({ p: Infinity }),
    penaltyPython({ center: [2, 1], H: [[1, 0.5], [0.5, 1]], budget: 1 }),
  ];
  codes.forEach(assertCompiles);
  assert.match(codes[1], /Lasso\(alpha=1\.0\)/);
  assert.match(codes[1], /Ridge\(alpha=0\.01\)/);
  assert.match(codes[2], /p = 5\.0/);
  assert.match(codes[3], /p = np\.inf/);
});
