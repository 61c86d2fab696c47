// Bad input throws a JS Error carrying the core's message; it never aborts
// the module, which keeps answering correctly afterwards.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { loadModule, assertClose } from './load.mjs';

let reglab;
before(async () => { reglab = await loadModule(); });

const WINE = { dataset: 'wine', target: 'target', test_size: 0.3, seed: 101 };
const good = () => reglab.regress({ ...WINE, model: 'lasso', alpha: 0.05 }).test.mae;
const GOOD_MAE = 0.24233731936122138;

const BAD = [
  ['an unknown target', () => reglab.regress({ ...WINE, target: 'nope' }), /unknown column 'nope'/],
  ['a negative alpha', () => reglab.regress({ ...WINE, model: 'lasso', alpha: -1 }), /alpha/],
  ['an unknown model', () => reglab.regress({ ...WINE, model: 'svm' }), /svm/],
  ['a test size of 1.5', () => reglab.regress({ ...WINE, test_size: 1.5 }), /test_size|test size/],
  ['an alpha that is text', () => reglab.regress({ ...WINE, model: 'ridge', alpha: 'big' }), /alpha must be a number/],
  ['a ragged CSV', () => reglab.regress({ csv: 'a,b\n1,2\n3\n', target: 'b' }), /line 3|row/],
  ['a non-numeric cell', () => reglab.regress({ csv: 'a,b\n1,2\nx,4\n', target: 'b', features: ['a'] }), /'x'|not a number/],
  ['an empty CSV', () => reglab.csvInfo(''), /empty/],
  ['a ragged matrix', () => reglab.matrixNorms('1,2;3'), /row 2/],
  ['an unparseable vector', () => reglab.vectorNorm('1, two, 3', 2), /two/],
  ['p below 1', () => reglab.vectorNorm([1, 2], 0.5), /p/],
  ['an unknown data set', () => reglab.builtinCsv('mnist'), /mnist/],
  ['one fold', () => reglab.crossValidate({ ...WINE, model: 'lasso' }, [0.1, 0.01], 1), /k|fold/],
  ['an empty alpha grid', () => reglab.regularizationPath({ ...WINE, model: 'lasso' }, []), /alpha/],
  ['a path for OLS', () => reglab.regularizationPath({ ...WINE, model: 'ols' }, [0.1]), /ols|model/i],
  ['a bad scaling name', () => reglab.scaleColumns([[1, 2, 3]], 'log'), /log/],
  ['a non-square H', () => reglab.penaltyGeometry({ center: [1, 1], H: [[1, 0, 0], [0, 1, 0]], budget: 1 }), /2 x 2/],
];

for (const [what, call, message] of BAD) {
  test(`${what} throws an Error with the core's message, and the module still works`, () => {
    assert.throws(call, (error) => {
      assert.ok(error instanceof Error, `not an Error: ${error}`);
      assert.match(error.message, message);
      assert.doesNotMatch(error.message, /Aborted|RuntimeError|unreachable/);
      return true;
    });
    assertClose(good(), GOOD_MAE, { what: 'MAE after the error' });
  });
}

test('the raw binding returns the Error instead of throwing it across wasm frames', () => {
  const result = reglab.module.regress({ csv: 'a,b\n1,2\n', target: 'nope' });
  assert.ok(result instanceof Error);
  assert.match(result.message, /nope/);
});

test('ten thousand errors in a row leak neither stack nor heap', () => {
  const heapBefore = reglab.module.HEAP8.length;
  for (let i = 0; i < 10000; i += 1) {
    assert.throws(() => reglab.regress({ ...WINE, model: 'lasso', alpha: -i - 1 }), /alpha/);
  }
  // 48 bytes of C stack lost per throw would overflow the 64 KiB stack here.
  assertClose(good(), GOOD_MAE, { what: 'MAE after 10000 errors' });
  assert.equal(reglab.module.HEAP8.length, heapBefore, 'the heap did not grow');
});

test('an internal-looking failure from the JS side is an Error too (wrong argument types)', () => {
  assert.throws(() => reglab.regress(null), Error);
  assert.throws(() => reglab.regress({ dataset: 'wine' }), /target/);
  assert.throws(() => reglab.vectorNorm({}, 2), /array/);
  assertClose(good(), GOOD_MAE, { what: 'MAE afterwards' });
});
