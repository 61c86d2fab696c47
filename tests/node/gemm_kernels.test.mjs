// The wasm SIMD128 GEMM kernels against the double-precision reference: runs
// bench/wasm/gemm_check.cpp (built by `bash scripts/build.sh wasm` into
// build/wasm/bench/wasm/gemm_check.cjs) and requires exit status 0. The check
// is a plain program with the .wasm embedded, so no fetch() is involved.
// REGLAB_WASM_BUILD_DIR points at another wasm build directory.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BUILD = path.resolve(ROOT, process.env.REGLAB_WASM_BUILD_DIR ?? 'build/wasm');
const CHECK = path.join(BUILD, 'bench/wasm/gemm_check.cjs');

function runCheck(args = []) {
  assert.ok(existsSync(CHECK), `${CHECK} is missing: run \`bash scripts/build.sh wasm\` first`);
  const run = spawnSync(process.execPath, [CHECK, ...args], { encoding: 'utf8', timeout: 120000 });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

// The runner owns the seed and prints it: REGLAB_SEED=N reproduces a run.
const SEED = process.env.REGLAB_SEED ?? String(Math.floor(Math.random() * 2 ** 31));

test(`wasm GEMM kernels match the double reference on random, edge and MLP shapes (seed ${SEED})`, () => {
  const { status, output } = runCheck([SEED]);
  assert.match(output, /gemm_check: backend simd128/, 'the wasm build must dispatch to the SIMD128 kernels');
  assert.match(output, new RegExp(`seed ${SEED}\\b`));
  assert.equal(status, 0, output);
  assert.match(output, /gemm_check: all passed/);
  assert.doesNotMatch(output, /FAIL/);
});
