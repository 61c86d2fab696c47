// Figures of the Fashion-MNIST trainer in headless Chromium, printed as JSON
// (not a test: `node tests/browser/trainer_figures.mjs`, after
// `bash scripts/build.sh wasm web`; REGLAB_DIST=dir measures another build):
//   * data load time: first visit (network, then kept in the Cache API) and
//     second visit (from the cache);
//   * time from opening the page to the first chart (clicking N2 at once: the
//     data load is included), cold and with the data cached;
//   * seconds per epoch of N2 (784-128-10, batch 32, all 60,000 images) and
//     N6 (batch norm, batch 2048, 42,000 + 18,000 validation), as the worker
//     times them (validation included), over EPOCHS epochs each;
//   * the wasm heap's peak (the worker's memory; it never shrinks).
import { chromium } from 'playwright-core';
import { startStaticServer } from '../../scripts/static-server.mjs';

const DIST = process.env.REGLAB_DIST ?? new URL('../../dist/', import.meta.url).pathname;
const EPOCHS = Number(process.env.EPOCHS ?? 2);
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run'];

const { server, url } = await startStaticServer({ root: DIST, port: 0 });
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ARGS });
const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
const page = await context.newPage();
const problems = [];
page.on('pageerror', (e) => problems.push(e.message));
page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });

const lab = (fn, arg) => page.evaluate(fn, arg);
const until = (fn, arg, timeout = 600000) => page.waitForFunction(fn, arg, { timeout, polling: 'raf' });

// Opens the page at #dropout and clicks N2 at once; ms from navigation start to the first live point drawn.
async function firstChart() {
  await page.goto('about:blank');  // a new page load (a hash change alone would not reload)
  await page.goto(`${url}#dropout`);
  await page.waitForSelector('html[data-ready="true"]');
  await page.click('[data-pair="N1-N2"] button[data-preset="N2"]');
  const at = await until(() => {
    const drawn = document.querySelector('[data-pair="N1-N2"] .curves-view')?.dataset.drawn ?? '';
    return /this lab's N2: train[^;]*=[1-9]/.test(drawn) ? performance.now() : null;
  });
  const ms = await at.jsonValue();
  const data = await lab(() => ({ seconds: window.reglabTrainer.state.data.seconds, fromCache: window.reglabTrainer.state.data.fromCache }));
  await lab(() => window.reglabTrainer.stop());
  return { ms_to_first_chart: Math.round(ms), data_load_s: data.seconds, data_from_cache: data.fromCache };
}

// A preset on all the data for EPOCHS epochs: seconds per epoch as the worker measured them.
async function secondsPerEpoch(experiment, section) {
  await page.goto('about:blank');
  await page.goto(`${url}#${section}`);
  await page.waitForSelector('html[data-ready="true"]');
  await page.uncheck(`#${section} .fast-mode`);
  await page.click(`button[data-preset="${experiment}"]`);
  await until((n) => window.reglabTrainer.state.current?.history.length >= n, EPOCHS);
  const run = await lab(() => {
    const { current, heapPeak } = window.reglabTrainer.state;
    return { history: current.history, config: current.config, info: current.info, heapPeak, rate: current.progress?.samples_per_s };
  });
  await lab(() => window.reglabTrainer.stop());
  const seconds = run.history.map((m) => m.seconds);
  return {
    experiment,
    train_images: run.info.train_count,
    validation_images: run.info.validation_count,
    batch_size: run.config.batch_size,
    seconds_per_epoch: seconds.map((s) => Number(s.toFixed(2))),
    samples_per_s: Math.round(run.rate),
    heap_peak_mb: Number((run.heapPeak / 2 ** 20).toFixed(1)),
  };
}

const cold = await firstChart();   // first visit: the data come over the network
const warm = await firstChart();   // second visit: from the Cache API
const n2 = await secondsPerEpoch('N2', 'dropout');
const n6 = await secondsPerEpoch('N6', 'batchnorm');
const heap = Math.max(n2.heap_peak_mb, n6.heap_peak_mb);
console.log(JSON.stringify({
  chromium: browser.version(),
  first_visit: cold,
  second_visit: warm,
  n2,
  n6,
  wasm_heap_peak_mb: heap,
  problems,
}, null, 2));
await browser.close();
server.close();
