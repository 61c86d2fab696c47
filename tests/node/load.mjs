// Loads the wasm package that CMake builds (build/wasm/: reglab.js,
// reglab.mjs, reglab.wasm) the way node must: with the .wasm bytes handed
// over, since Emscripten's loader would fetch() a file path.
// REGLAB_WASM_DIR points the tests at another build.
import { readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import assert from 'node:assert/strict';

export const WASM_DIR = process.env.REGLAB_WASM_DIR ?? fileURLToPath(new URL('../../build/wasm/', import.meta.url));

export async function loadModule() {
  const { loadReglab } = await import(pathToFileURL(`${WASM_DIR}/reglab.js`).href);
  return loadReglab({ wasmBinary: readFileSync(`${WASM_DIR}/reglab.wasm`) });
}

/** |actual - expected| <= rel * |expected| (or <= abs near 0). */
export function assertClose(actual, expected, { rel = 1e-9, abs = 0, what = '' } = {}) {
  const tolerance = Math.max(rel * Math.abs(expected), abs);
  assert.ok(Number.isFinite(actual) && Math.abs(actual - expected) <= tolerance,
    `${what}: got ${actual}, expected ${expected} (tolerance ${tolerance})`);
}

export function assertAllClose(actual, expected, options = {}) {
  assert.equal(actual.length, expected.length, `${options.what}: lengths differ`);
  actual.forEach((x, i) => assertClose(x, expected[i], { ...options, what: `${options.what}[${i}]` }));
}
