// The shipped .wasm files really contain SIMD code: build/wasm/reglab.wasm,
// reglab_mt.wasm (the threaded build) and the copies Vite put into dist/
// (byte-identical) are disassembled with binaryen's wasm-dis (installed with
// Emscripten) and their v128 instructions counted.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { WASM_DIR } from './load.mjs';

const DIST_ASSETS = fileURLToPath(new URL('../../dist/assets/', import.meta.url));
const WASM_DIS = ['/usr/bin/wasm-dis', '/usr/lib/emscripten/binaryen/bin/wasm-dis'].find(existsSync);

// Instructions of the 128-bit SIMD proposal: v128.* and the lane-typed ones.
const SIMD = /\((v128\.[a-z0-9_]+|[if](8x16|16x8|32x4|64x2)\.[a-z0-9_]+)/g;

// The text of a .wasm, disassembled once per file (a few hundred ms each).
const disassembled = new Map();
function disassemble(path) {
  if (!disassembled.has(path)) disassembled.set(path, execFileSync(WASM_DIS, [path], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 }));
  return disassembled.get(path);
}

function simdInstructions(path) {
  const counts = {};
  for (const [, op] of disassemble(path).matchAll(SIMD)) counts[op] = (counts[op] ?? 0) + 1;
  return counts;
}

function distWasm(build) {
  if (!existsSync(DIST_ASSETS)) return null;
  const names = readdirSync(DIST_ASSETS).filter((name) => new RegExp(`^${build}-[^.]*\\.wasm$`).test(name));
  assert.equal(names.length, 1, `one ${build}-*.wasm in dist/assets, found ${names}`);
  return DIST_ASSETS + names[0];
}

const check = (path) => {
  const counts = simdInstructions(path);
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  const arithmetic = Object.entries(counts).filter(([op]) => /^f64x2\.(mul|add|sub)$/.test(op)).reduce((a, [, n]) => a + n, 0);
  console.log(`# ${path}: ${total} SIMD instructions, ${arithmetic} f64x2 mul/add/sub`);
  assert.ok(total > 500, `only ${total} SIMD instructions`);
  assert.ok(arithmetic > 50, `only ${arithmetic} f64x2 arithmetic instructions: is Eigen vectorized?`);
};

for (const build of ['reglab', 'reglab_mt']) {
  test(`build/wasm/${build}.wasm has SIMD instructions`, { skip: !WASM_DIS && 'wasm-dis (binaryen) is not installed' }, () => {
    check(`${WASM_DIR}/${build}.wasm`);
  });

  test(`dist/ ships the same ${build}.wasm, with SIMD instructions`, { skip: !WASM_DIS && 'wasm-dis (binaryen) is not installed' }, () => {
    const shipped = distWasm(build);
    assert.ok(shipped, 'dist/assets is missing: run `bash scripts/build.sh web` first');
    assert.ok(readFileSync(shipped).equals(readFileSync(`${WASM_DIR}/${build}.wasm`)), `dist/ has a different ${build}.wasm than build/wasm/`);
    check(shipped);
  });
}

test('the threaded build shares its memory and has atomics; the other does not', { skip: !WASM_DIS && 'wasm-dis (binaryen) is not installed' }, () => {
  const mt = disassemble(`${WASM_DIR}/reglab_mt.wasm`);
  const st = disassemble(`${WASM_DIR}/reglab.wasm`);
  const SHARED = /\(memory \$\S+ \(shared \d+ \d+\)\)/;
  assert.match(mt, SHARED, 'reglab_mt.wasm imports a shared memory');
  assert.match(mt, /\(memory\.atomic\.(wait32|notify)/, 'reglab_mt.wasm waits and wakes with atomics');
  assert.doesNotMatch(st, SHARED, 'reglab.wasm has no shared memory');
  assert.doesNotMatch(st, /\(memory\.atomic\./, 'reglab.wasm has no atomics');
});

test('the engine running these tests executes wasm SIMD', () => {
  // A minimal module whose one function returns a v128.const validates here,
  // so the engine that loads reglab.wasm in the tests does run SIMD code.
  const simdModule = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3, 2, 1, 0, 10, 22, 1, 20, 0, 253, 12, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 11]);
  assert.ok(WebAssembly.validate(simdModule));
  assert.ok(WebAssembly.validate(readFileSync(`${WASM_DIR}/reglab.wasm`)));
});
