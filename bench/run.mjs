// End-to-end training benchmark (`npm run bench`): builds what it needs, then
// in one run on one machine measures, per configuration (N2, N3, N6):
//   * lab-chromium: the lab's trainer worker (dist/, the page's real worker
//     path: load by URL, configure, start; epoch seconds as the worker times them)
//     in headless Chromium;
//   * lab-node: the same core as wasm (build/wasm) in node;
//   * native: the same core built with -O3 -march=native (build/bench-native,
//     `reglab train --json-lines`);
//   * tfjs: TensorFlow.js, wasm backend (SIMD, one thread) in the same
//     headless Chromium, model.fit on random data of the same shape;
// plus the GEMM micro-benchmark (native and wasm), the size of dist's wasm,
// the peak wasm heap and the time from page open to the first chart.
// Writes bench/results/latest.json and prints a table.
//
//   node bench/run.mjs [--no-build] [--quick]
// Env: CHROMIUM (default /usr/bin/chromium), EPOCHS (lab/native, default 2),
// REGLAB_BENCH_NATIVE_DIR (default build/bench-native),
// TFJS_SAMPLES (override TF.js's sample budgets).
import { chromium } from 'playwright-core';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { startStaticServer } from '../scripts/static-server.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
process.chdir(ROOT);
const argv = process.argv.slice(2);
const BUILD = !argv.includes('--no-build');
const QUICK = argv.includes('--quick');
const EPOCHS = Number(process.env.EPOCHS ?? (QUICK ? 1 : 2));
const DATA_DIR = 'dist/data';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run'];
const EPOCH_SAMPLES = 60000;

// The three configurations; TF.js gets a smaller sample budget where it is slow.
const CONFIGS = [
  { id: 'N2', model: '784-128-10', hidden: 128, batchnorm: false, batch: 32, tfjsSamples: 8000 },
  { id: 'N3', model: '784-256-10', hidden: 256, batchnorm: false, batch: 512, tfjsSamples: 20480 },
  { id: 'N6', model: '784-128-10 + batch norm', hidden: 128, batchnorm: true, batch: 2048, tfjsSamples: 20480 },
];
const TARGETS = {
  N2: { seconds_per_epoch: 1.5, vs_tfjs: 8 },
  N3: { seconds_per_epoch: 1.5 },
  N6: { seconds_per_epoch: 1.0, vs_tfjs: 4 },
  gemm_wasm_gflops: 20,
  lab_vs_native: 0.35,
  wasm_gzip_kb: 300,
  first_chart_ms: 1000,
};

const log = (...a) => console.error('[bench]', ...a);
const load = () => loadavg().map((x) => Number(x.toFixed(2)));
const round = (x, d = 2) => (x === null || x === undefined || !Number.isFinite(x) ? null : Number(x.toFixed(d)));
const median = (v) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];
const t0 = Date.now();

// ---- build -------------------------------------------------------------------
function sh(cmd, args, opts = {}) {
  log('$', cmd, args.join(' '));
  const r = spawnSync(cmd, args, { stdio: ['ignore', 'inherit', 'inherit'], ...opts });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status})`);
}
if (BUILD) {
  sh('bash', ['scripts/build.sh', 'native', 'wasm', 'web']);
  sh('bash', ['-c', 'source scripts/env.sh && cmake -S . -B build/bench-native -DCMAKE_BUILD_TYPE=Release '
    + '-DREGLAB_NATIVE_ARCH=ON >/dev/null && cmake --build build/bench-native --target reglab gemm_bench -j "$(nproc)"']);
}
const buildSeconds = (Date.now() - t0) / 1000;
const findFile = (dir, re) => readdirSync(dir).find((f) => re.test(f));
const NATIVE_DIR = process.env.REGLAB_BENCH_NATIVE_DIR ?? 'build/bench-native';
const NATIVE_CLI = [`${NATIVE_DIR}/reglab`, `${NATIVE_DIR}/cli/reglab`].find((p) => existsSync(p));
const NATIVE_GEMM = `${NATIVE_DIR}/bench/gemm_bench`;
const WASM_GEMM = 'build/wasm/bench/wasm/gemm_bench.cjs';
const workerAsset = findFile('dist/assets', /^worker-.*\.js$/);
const wasmAsset = findFile('dist/assets', /^reglab-.*\.wasm$/);
if (!NATIVE_CLI || !workerAsset || !wasmAsset) throw new Error('build outputs missing: run without --no-build');

// ---- machine -----------------------------------------------------------------
const machine = {
  cpu: cpus()[0]?.model,
  cores: cpus().length,
  memory_gib: round(totalmem() / 2 ** 30, 1),
  node: process.version,
  load_average_start: load(),
};
try { machine.kernel = execFileSync('uname', ['-r']).toString().trim(); } catch { /* ignore */ }
try { machine.emscripten = execFileSync('bash', ['-c', 'source scripts/env.sh >/dev/null 2>&1; emcc --version 2>/dev/null | sed -n 1p']).toString().trim(); } catch { /* ignore */ }
try { machine.gxx = execFileSync('g++', ['--version']).toString().split('\n')[0]; } catch { /* ignore */ }
try { machine.commit = execFileSync('git', ['rev-parse', '--short', 'HEAD']).toString().trim(); } catch { /* ignore */ }

// ---- servers and browser -------------------------------------------------------
const dist = await startStaticServer({ root: 'dist', port: 0 });
// bench/tfjs + node_modules/@tensorflow; no CSP header: it is the lab's policy (TF.js needs eval), not TF.js's
const repo = await startStaticServer({ root: '.', port: 0, csp: false });
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ARGS });
machine.chromium = browser.version();
const problems = [];

// CPU seconds of a page's renderer process (its workers included), from the
// DevTools protocol: on a loaded machine a steadier speed figure than wall time.
async function cpuClock(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  return async () => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'ProcessTime')?.value ?? null;
}

async function newPage(url) {
  const page = await browser.newPage();
  page.on('pageerror', (e) => problems.push(`${url}: ${e.message}`));
  await page.goto(url);
  return page;
}

// The lab's worker in Chromium: the page's own worker script from dist/, the
// protocol of web/src/trainer/protocol.js. Two of them: as the page runs it
// (dist/ is served cross-origin isolated, so with a thread per core, at most
// 4) and with `?threads=1`, the single-threaded build a plain static host gets.
const labPage = await newPage(dist.url);
const labThreads = {};
for (const [key, query] of [['threaded', ''], ['single', '?threads=1']]) labThreads[key] = await labPage.evaluate(async ({ key, workerUrl, dataUrl }) => {
  const worker = new Worker(workerUrl, { type: 'module' });
  const listeners = new Set();
  worker.onmessage = (e) => { for (const fn of [...listeners]) fn(e.data); };
  const until = (pred) => new Promise((resolve, reject) => {
    const fn = (m) => {
      if (m.type === 'error') { listeners.delete(fn); reject(new Error(m.message)); }
      else if (pred(m)) { listeners.delete(fn); resolve(m); }
    };
    listeners.add(fn);
  });
  const ready = await until((m) => m.type === 'ready');
  const urls = Object.fromEntries(['train_images', 'train_labels', 'test_images', 'test_labels'].map((k) => {
    const [split, kind] = k.split('_');
    return [k, `${dataUrl}${split === 'train' ? 'train' : 't10k'}-${kind}-idx${kind === 'images' ? 3 : 1}-ubyte.gz`];
  }));
  worker.postMessage({ type: 'load', id: 1, source: 'url', urls, cache: false });
  await until((m) => m.type === 'loaded');
  let id = 2;
  window.labTrain ??= {};
  window.labTrain[key] = async (config) => {
    worker.postMessage({ type: 'configure', id: id++, config });
    const configured = await until((m) => m.type === 'configured');
    let heap = 0;
    const watch = (m) => { if (m.heap_bytes) heap = Math.max(heap, m.heap_bytes); };
    listeners.add(watch);
    const t = performance.now();
    worker.postMessage({ type: 'start', id: id++ });
    const finished = await until((m) => m.type === 'finished');
    listeners.delete(watch);
    return { train_count: configured.train_count, epoch_seconds: finished.history.map((h) => h.seconds),
      total_seconds: (performance.now() - t) / 1000, heap_bytes: Math.max(heap, finished.heap_bytes),
      final_loss: finished.history.at(-1)?.loss };
  };
  return ready.threads;
}, { key, workerUrl: `${dist.url}assets/${workerAsset}${query}`, dataUrl: `${dist.url}data/` });
machine.lab_threads = labThreads.threaded;
log('lab threads', JSON.stringify(labThreads));

const labCpu = await cpuClock(labPage);
const tfjsPage = await newPage(`${repo.url}bench/tfjs/index.html`);
const tfjsCpu = await cpuClock(tfjsPage);
const tfjsInfo = await tfjsPage.evaluate(() => window.tfjsSetup());
log('tfjs', JSON.stringify(tfjsInfo));

// ---- training, configuration by configuration, side by side --------------------
const training = [];
for (const c of CONFIGS) {
  const config = { hidden: [c.hidden], batchnorm: c.batchnorm, dropout: 0, batch_size: c.batch,
    epochs: EPOCHS, validation_split: 0, optimizer: 'adam' };
  const row = { id: c.id, model: c.model, batch_size: c.batch, load_average: load() };

  for (const [key, name] of [['threaded', 'lab_chromium'], ['single', 'lab_chromium_1t']]) {
    log(c.id, `lab in Chromium (${labThreads[key]} thread(s))`);
    const lcCpu0 = await labCpu();
    const lc = await labPage.evaluate(([k, cfg]) => window.labTrain[k](cfg), [key, config]);
    const lcCpu = ((await labCpu()) - lcCpu0) / EPOCHS;
    const lcS = median(lc.epoch_seconds.slice(-1));
    row[name] = { ...lc, threads: labThreads[key], seconds_per_epoch: round(lcS, 3), samples_per_s: Math.round(lc.train_count / lcS),
      cpu_seconds_per_epoch: round(lcCpu, 3) };
  }
  row.threads_speedup = round(row.lab_chromium_1t.seconds_per_epoch / row.lab_chromium.seconds_per_epoch, 2);

  log(c.id, 'lab wasm in node');
  const ln = JSON.parse(execFileSync('node', ['bench/lab/node_train.mjs', JSON.stringify(config), DATA_DIR]).toString());
  const lnS = ln.epoch_seconds.at(-1);
  row.lab_node = { ...ln, seconds_per_epoch: round(lnS, 3), samples_per_s: Math.round(ln.train_count / lnS),
    cpu_seconds_per_epoch: round(ln.epoch_cpu_seconds.at(-1), 3) };

  log(c.id, 'native');
  // bash's `time` gives the process's CPU seconds (data load and test evaluation included: an upper bound).
  const nativeArgs = ['train', '--data-dir', DATA_DIR, '--hidden', String(c.hidden),
    c.batchnorm ? '--batchnorm' : '--no-batchnorm', '--dropout', '0', '--batch-size', String(c.batch),
    '--epochs', String(EPOCHS), '--validation-split', '0', '--json-lines'];
  for (const [name, threads] of [['native', 1], ['native_mt', labThreads.threaded]]) {
    const nr = spawnSync('bash', ['-c', 'TIMEFORMAT="CPU %U %S"; time "$@"', 'bash', NATIVE_CLI, ...nativeArgs, '--threads', String(threads)]);
    if (nr.status !== 0) throw new Error(`native train failed: ${nr.stderr}`);
    const [, user, sys] = /CPU ([\d.]+) ([\d.]+)/.exec(nr.stderr.toString()) ?? [];
    const epochs = nr.stdout.toString().trim().split('\n').map((l) => JSON.parse(l)).filter((j) => 'epoch' in j && 'seconds' in j);
    const nS = epochs.at(-1).seconds;
    row[name] = { threads, epoch_seconds: epochs.map((e) => e.seconds), seconds_per_epoch: round(nS, 3),
      samples_per_s: Math.round(EPOCH_SAMPLES / nS), final_loss: epochs.at(-1).loss,
      process_cpu_seconds: round(Number(user) + Number(sys), 3),
      cpu_seconds_per_epoch_upper_bound: round((Number(user) + Number(sys)) / EPOCHS, 3) };
  }

  log(c.id, 'TF.js wasm in Chromium');
  const samples = Number(process.env.TFJS_SAMPLES ?? (QUICK ? Math.min(c.tfjsSamples, 4096) : c.tfjsSamples));
  await tfjsPage.evaluate((a) => window.tfjsPrepare(a),
    { hidden: c.hidden, batchnorm: c.batchnorm, batchSize: c.batch, samples });
  const tfCpu0 = await tfjsCpu();
  const tf = await tfjsPage.evaluate(() => window.tfjsFit());
  const tfCpu = (await tfjsCpu()) - tfCpu0;
  row.tfjs = { ...tf, seconds_per_epoch: round(EPOCH_SAMPLES / tf.samples_per_s, 3), samples_per_s: Math.round(tf.samples_per_s),
    cpu_seconds_per_epoch: round(tfCpu * EPOCH_SAMPLES / samples, 3) };

  row.lab_vs_tfjs = round(row.lab_chromium.samples_per_s / row.tfjs.samples_per_s, 2);
  // lab / native at the same number of threads: the page's own (threaded) and one each
  row.lab_vs_native = round(row.lab_chromium.samples_per_s / row.native_mt.samples_per_s, 2);
  row.lab_vs_native_1t = round(row.lab_chromium_1t.samples_per_s / row.native.samples_per_s, 2);
  row.lab_node_vs_native = round(row.lab_node.samples_per_s / row.native.samples_per_s, 2);
  // The same ratios from CPU seconds (renderer process, node process, native process).
  // CPU seconds measure work, so they compare one thread with one thread
  // (the threaded run's CPU includes its workers' waiting).
  row.cpu = {
    lab_chromium_threaded_s_per_epoch: row.lab_chromium.cpu_seconds_per_epoch,
    lab_chromium_s_per_epoch: row.lab_chromium_1t.cpu_seconds_per_epoch,
    lab_node_s_per_epoch: row.lab_node.cpu_seconds_per_epoch,
    native_s_per_epoch_upper_bound: row.native.cpu_seconds_per_epoch_upper_bound,
    tfjs_s_per_epoch: row.tfjs.cpu_seconds_per_epoch,
    lab_vs_tfjs: round(row.tfjs.cpu_seconds_per_epoch / row.lab_chromium_1t.cpu_seconds_per_epoch, 2),
    lab_vs_native_at_least: round(row.native.cpu_seconds_per_epoch_upper_bound / row.lab_chromium_1t.cpu_seconds_per_epoch, 2),
  };
  training.push(row);
  log(c.id, JSON.stringify({ lab: row.lab_chromium.seconds_per_epoch, lab_1t: row.lab_chromium_1t.seconds_per_epoch,
    node: row.lab_node.seconds_per_epoch, native: row.native.seconds_per_epoch, native_mt: row.native_mt.seconds_per_epoch,
    tfjs: row.tfjs.seconds_per_epoch }));
}
await labPage.close();
await tfjsPage.close();

// ---- first chart (the figures script's method: open #dropout, click N2) ---------
const phases = [];
// One browser context for both visits: the second finds the data in the
// Cache API (browser.newPage() would open a fresh context, cold again).
const chartContext = await browser.newContext();
async function firstChart() {
  const page = await chartContext.newPage();
  try {
    await page.goto(`${dist.url}#dropout`);
    await page.waitForSelector('html[data-ready="true"]', { timeout: 30000 });
    await page.click('[data-pair="N1-N2"] button[data-preset="N2"]', { timeout: 10000 });
    const at = await page.waitForFunction(() => {
      const drawn = document.querySelector('[data-pair="N1-N2"] .curves-view')?.dataset.drawn ?? '';
      return /this lab's N2: train[^;]*=[1-9]/.test(drawn) ? performance.now() : null;
    }, null, { timeout: 60000, polling: 'raf' });
    const ms = await at.jsonValue();
    // Where the time went (ms from navigation start; bench/boot/profile.mjs has the full timeline).
    phases.push(await page.evaluate(() => {
      const marks = window.reglabTrainer?.state.marks ?? {};
      const wasm = performance.getEntriesByType('resource').find((r) => r.name.endsWith('.wasm'));
      return { page_wasm_fetched: wasm?.responseEnd, data_loaded: marks.dataLoaded,
        data_seconds: window.reglabTrainer?.state.data.seconds, first_epoch: marks.firstEpoch };
    }).then((p) => Object.fromEntries(Object.entries(p).map(([k, v]) => [k, round(v, k === 'data_seconds' ? 3 : 0)]))));
    await page.evaluate(() => window.reglabTrainer?.stop?.()).catch(() => {});
    return Math.round(ms);
  } catch (e) {
    problems.push(`first chart: ${e.message.split('\n')[0]}`);
    return null;
  } finally {
    await page.close();
  }
}
log('first chart');
const firstChartCold = await firstChart();
const firstChartWarm = await firstChart();

// ---- first chart on opening the page (the top of the page, no click) ----------
// What a learner sees first: the page's first chart with data (the scaling
// section's), timed from navigation start. Fresh context each time: a first visit.
async function firstChartOnOpen() {
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    await page.addInitScript(() => {
      const poll = () => {
        const canvas = [...document.querySelectorAll('canvas')].find((c) => c.chart?.data.datasets.some((d) => d.data.length));
        if (canvas) window.reglabFirstChart = { ms: performance.now(), section: canvas.closest('section')?.id };
        else requestAnimationFrame(poll);
      };
      requestAnimationFrame(poll);
    });
    await page.goto(dist.url);
    const first = await page.waitForFunction(() => window.reglabFirstChart, null, { timeout: 30000 });
    const { ms, section } = await first.jsonValue();
    return { ms: Math.round(ms), section };
  } catch (e) {
    problems.push(`first chart on open: ${e.message.split('\n')[0]}`);
    return { ms: null, section: null };
  } finally {
    await context.close();
  }
}
const onOpen = [];
for (let i = 0; i < 3; i++) onOpen.push(await firstChartOnOpen());
const firstChartOnOpenMs = median(onOpen.map((r) => r.ms ?? Infinity));

// ---- GEMM ----------------------------------------------------------------------
function gemmRows(json, key) {
  return json.results.map((r) => ({ name: r.name, op: r.op, shape: `${r.m}x${r.n}x${r.k}`, gflops: r[key] }));
}
log('GEMM native');
const gemmNative = JSON.parse(execFileSync(NATIVE_GEMM, ['--rounds', '3', '--ms', '10']).toString());
log('GEMM wasm (node)');
const gemmWasmNode = JSON.parse(execFileSync('node', [WASM_GEMM, '--rounds', '3', '--ms', '10']).toString());
log('GEMM wasm (Chromium)');
let gemmWasmChromium = null;
try {
  gemmWasmChromium = JSON.parse(execFileSync('node', ['bench/wasm/run_chromium.mjs', 'build/wasm', '--', '--rounds', '3', '--ms', '10']).toString());
} catch (e) { problems.push(`gemm chromium: ${e.message.split('\n')[0]}`); }
await browser.close();
dist.server.close();
repo.server.close();

const nativeKey = Object.keys(gemmNative.results[0]).find((k) => k.endsWith('_gflops'));
const gemm = gemmRows(gemmNative, nativeKey).map((r, i) => ({
  ...r,
  native_gflops: r.gflops,
  wasm_simd128_node_gflops: gemmWasmNode.results[i]?.simd128_gflops ?? null,
  wasm_simd128_chromium_gflops: gemmWasmChromium?.results[i]?.simd128_gflops ?? null,
})).map(({ gflops, ...r }) => r);
const gemmBestWasm = Math.max(...gemm.map((r) => r.wasm_simd128_chromium_gflops ?? r.wasm_simd128_node_gflops ?? 0));

// ---- sizes ---------------------------------------------------------------------
const wasmBytes = readFileSync(`dist/assets/${wasmAsset}`);
const size = { file: `dist/assets/${wasmAsset}`, raw_bytes: wasmBytes.length, gzip_bytes: gzipSync(wasmBytes, { level: 9 }).length };
const heapPeak = Math.max(...training.flatMap((r) => [r.lab_chromium.heap_bytes, r.lab_chromium_1t.heap_bytes]));
// The threaded build the trainer loads when the page is cross-origin isolated.
const mtAsset = findFile('dist/assets', /^reglab_mt-.*\.wasm$/);
const mtBytes = mtAsset ? readFileSync(`dist/assets/${mtAsset}`) : null;
size.threaded = mtBytes && { file: `dist/assets/${mtAsset}`, raw_bytes: mtBytes.length, gzip_bytes: gzipSync(mtBytes, { level: 9 }).length };

// ---- targets -------------------------------------------------------------------
const targets = [];
const check = (what, value, target, ok) => targets.push({ what, value, target, met: value === null ? null : ok });
for (const r of training) {
  const t = TARGETS[r.id];
  check(`${r.id} s/epoch (Chromium, ${r.lab_chromium.threads} threads)`, r.lab_chromium.seconds_per_epoch, `<= ${t.seconds_per_epoch}`, r.lab_chromium.seconds_per_epoch <= t.seconds_per_epoch);
  check(`${r.id} s/epoch (Chromium, 1 thread: a host without COOP/COEP)`, r.lab_chromium_1t.seconds_per_epoch, `<= ${t.seconds_per_epoch}`, r.lab_chromium_1t.seconds_per_epoch <= t.seconds_per_epoch);
  if (t.vs_tfjs) check(`${r.id} lab / TF.js wasm`, r.lab_vs_tfjs, `>= ${t.vs_tfjs}`, r.lab_vs_tfjs >= t.vs_tfjs);
  check(`${r.id} lab / native (${r.lab_chromium.threads} threads each)`, r.lab_vs_native, `>= ${TARGETS.lab_vs_native}`, r.lab_vs_native >= TARGETS.lab_vs_native);
  check(`${r.id} lab / native (1 thread each)`, r.lab_vs_native_1t, `>= ${TARGETS.lab_vs_native}`, r.lab_vs_native_1t >= TARGETS.lab_vs_native);
}
check('GEMM wasm SIMD128, best shape (GFLOP/s)', round(gemmBestWasm, 1), `>= ${TARGETS.gemm_wasm_gflops}`, gemmBestWasm >= TARGETS.gemm_wasm_gflops);
check('wasm gzip (KB)', round(size.gzip_bytes / 1000, 1), `<= ${TARGETS.wasm_gzip_kb}`, size.gzip_bytes / 1000 <= TARGETS.wasm_gzip_kb);
if (size.threaded) check('threaded wasm gzip (KB)', round(size.threaded.gzip_bytes / 1000, 1), `<= ${TARGETS.wasm_gzip_kb}`, size.threaded.gzip_bytes / 1000 <= TARGETS.wasm_gzip_kb);
check(`first chart on opening the page (#${onOpen[0].section}, median of 3, ms)`, Number.isFinite(firstChartOnOpenMs) ? firstChartOnOpenMs : null, `<= ${TARGETS.first_chart_ms}`, firstChartOnOpenMs <= TARGETS.first_chart_ms);
check('first training chart (open #dropout, click N2), data cached (ms)', firstChartWarm, `<= ${TARGETS.first_chart_ms}`, firstChartWarm <= TARGETS.first_chart_ms);
check('first training chart (open #dropout, click N2), first visit (ms)', firstChartCold, `<= ${TARGETS.first_chart_ms}`, firstChartCold <= TARGETS.first_chart_ms);

machine.load_average_end = load();
const result = {
  bench: 'reglab end-to-end training',
  date: new Date().toISOString(),
  command: `npm run bench${argv.length ? ` -- ${argv.join(' ')}` : ''}`,
  machine,
  method: {
    lab_and_native: `${EPOCHS} epoch(s) of all 60,000 training images each (no validation, Adam); the figure is the last epoch's wall time (the worker's own epoch timer in Chromium)`,
    threads: `lab_chromium: the page's trainer as served cross-origin isolated (${machine.lab_threads} threads: one per core, at most 4); lab_chromium_1t: the same worker with ?threads=1 (the single-threaded build, as on a host without COOP/COEP); native: 1 thread; native_mt: as many as lab_chromium; lab_node: 1 thread`,
    tfjs: `TF.js ${tfjsInfo.version} wasm backend (SIMD ${tfjsInfo.simd}, threads ${tfjsInfo.threads}), model.fit on random data of the same shape after a 3-batch warm-up; samples per configuration: ${CONFIGS.map((c) => `${c.id} ${process.env.TFJS_SAMPLES ?? c.tfjsSamples}`).join(', ')}; s/epoch scaled to 60,000`,
    order: 'per configuration: lab in Chromium (threaded, then 1 thread), lab wasm in node, native (1 thread, then threaded), TF.js in Chromium, one after the other (never concurrently)',
    clock: 'wall clock everywhere (Chromium has no CPU clock); lab_node also gives CPU seconds',
  },
  training,
  gemm: { native: { backend: gemmNative.backend, flags: '-O3 -march=native', clock: gemmNative.clock }, wasm_node_clock: gemmWasmNode.clock, rows: gemm },
  wasm_size: size,
  wasm_heap_peak_bytes: heapPeak,
  first_chart_ms: { on_open: onOpen, first_visit: firstChartCold, data_cached: firstChartWarm },
  first_chart_phases_ms: { first_visit: phases[0] ?? null, data_cached: phases[1] ?? null },
  targets,
  build_seconds: round(buildSeconds, 0),
  total_seconds: round((Date.now() - t0) / 1000, 0),
  problems,
};
mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/latest.json', `${JSON.stringify(result, null, 2)}\n`);

// ---- table ---------------------------------------------------------------------
const lines = [];
const T = machine.lab_threads;
lines.push(`| config | batch | lab Chromium, ${T} threads s/epoch (samples/s) | lab Chromium, 1 thread | speed-up | lab wasm node (1 thread) | native, 1 thread | native, ${T} threads | TF.js wasm s/epoch (samples/s) | lab / TF.js | lab / native (${T} threads) | lab / native (1 thread) |`);
lines.push('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const r of training) {
  lines.push(`| ${r.id} ${r.model} | ${r.batch_size} | ${r.lab_chromium.seconds_per_epoch} (${r.lab_chromium.samples_per_s}) | ${r.lab_chromium_1t.seconds_per_epoch} | ${r.threads_speedup}x | ${r.lab_node.seconds_per_epoch} | ${r.native.seconds_per_epoch} | ${r.native_mt.seconds_per_epoch} | ${r.tfjs.seconds_per_epoch} (${r.tfjs.samples_per_s}) | ${r.lab_vs_tfjs} | ${r.lab_vs_native} | ${r.lab_vs_native_1t} |`);
}
lines.push('');
lines.push('| target | value | wanted | met |');
lines.push('|---|---:|---:|---|');
for (const t of targets) lines.push(`| ${t.what} | ${t.value} | ${t.target} | ${t.met === null ? 'n/a' : t.met ? 'yes' : 'no'} |`);
lines.push('');
lines.push(`wasm ${size.raw_bytes} B raw, ${size.gzip_bytes} B gzip (threaded build ${size.threaded?.raw_bytes} B raw, ${size.threaded?.gzip_bytes} B gzip); peak wasm heap ${round(heapPeak / 2 ** 20, 1)} MiB; first chart on open ${firstChartOnOpenMs} ms; first training chart ${firstChartCold} ms (first visit), ${firstChartWarm} ms (data cached)`);
lines.push(`load average ${machine.load_average_start.join(' ')} (start) -> ${machine.load_average_end.join(' ')} (end); ${machine.cores} cores, ${machine.cpu}; Chromium ${machine.chromium}`);
lines.push('');
lines.push('CPU seconds per 60,000-image epoch (renderer / node / native process CPU time; native includes data load and test evaluation):');
lines.push('');
lines.push(`| config | lab Chromium, 1 thread | lab Chromium, ${T} threads (all threads) | lab wasm node | native, 1 thread (upper bound) | TF.js wasm | lab / TF.js (1 thread) | lab / native (1 thread, at least) |`);
lines.push('|---|---:|---:|---:|---:|---:|---:|---:|');
for (const r of training) {
  lines.push(`| ${r.id} | ${r.cpu.lab_chromium_s_per_epoch} | ${r.cpu.lab_chromium_threaded_s_per_epoch} | ${r.cpu.lab_node_s_per_epoch} | ${r.cpu.native_s_per_epoch_upper_bound} | ${r.cpu.tfjs_s_per_epoch} | ${r.cpu.lab_vs_tfjs} | ${r.cpu.lab_vs_native_at_least} |`);
}
console.log(lines.join('\n'));
