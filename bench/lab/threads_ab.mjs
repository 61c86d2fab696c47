// A/B of the trainer's two builds in headless Chromium: the page's own
// worker from dist/ (served cross-origin isolated, so threaded) and the same
// worker with `?threads=1` (the single-threaded build), alternating, one
// configuration, seconds of each epoch and the final loss (the same bits
// both ways). Prints one JSON object.
//
//   node bench/lab/threads_ab.mjs [N2|N3|N6] [pairs]      (default N3 3)
//
// Needs dist/ with its data (`bash scripts/build.sh wasm web`).
import { chromium } from 'playwright-core';
import { readdirSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { startStaticServer } from '../../scripts/static-server.mjs';

const CONFIGS = {
  N2: { hidden: [128], batchnorm: false, batch_size: 32 },
  N3: { hidden: [256], batchnorm: false, batch_size: 512 },
  N6: { hidden: [128], batchnorm: true, batch_size: 2048 },
};
const [id = 'N3', pairsArg = '3'] = process.argv.slice(2);
if (!CONFIGS[id]) throw new Error(`unknown configuration '${id}' (N2, N3 or N6)`);
const pairs = Number(pairsArg);
const config = { ...CONFIGS[id], dropout: 0, epochs: 2, validation_split: 0, optimizer: 'adam' };

const dist = fileURLToPath(new URL('../../dist/', import.meta.url));
const worker = readdirSync(`${dist}assets`).find((f) => /^worker-.*\.js$/.test(f));
const server = await startStaticServer({ root: dist, port: 0 });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const page = await browser.newPage();
await page.goto(server.url);

// One run in a fresh worker: {threads, seconds: [per epoch], loss}.
const train = (query) => page.evaluate(async ({ url, config }) => {
  const w = new Worker(url, { type: 'module' });
  const listeners = new Set();
  w.onmessage = (e) => { for (const fn of [...listeners]) fn(e.data); };
  const until = (type) => new Promise((resolve, reject) => {
    const fn = (m) => {
      if (m.type === 'error') { listeners.delete(fn); reject(new Error(m.message)); } else if (m.type === type) { listeners.delete(fn); resolve(m); }
    };
    listeners.add(fn);
  });
  try {
    const ready = await until('ready');
    const file = (split, kind) => new URL(`data/${split}-${kind}-idx${kind === 'images' ? 3 : 1}-ubyte.gz`, location.href).href;
    w.postMessage({ type: 'load', id: 1, source: 'url', cache: false,
      urls: { train_images: file('train', 'images'), train_labels: file('train', 'labels'), test_images: file('t10k', 'images'), test_labels: file('t10k', 'labels') } });
    await until('loaded');
    w.postMessage({ type: 'configure', id: 2, config });
    await until('configured');
    w.postMessage({ type: 'start', id: 3 });
    const finished = await until('finished');
    return { threads: ready.threads, seconds: finished.history.map((h) => h.seconds), loss: finished.history.at(-1).loss };
  } finally {
    w.terminate();
  }
}, { url: `${server.url}assets/${worker}${query}`, config });

const runs = [];
const load0 = loadavg()[0];
for (let i = 0; i < pairs; ++i) runs.push({ threaded: await train(''), single: await train('?threads=1') });
await browser.close();
server.server.close();

const second = (r) => r.seconds.at(-1);
console.log(JSON.stringify({
  config: id, cores: cpus().length, load_average: [load0, loadavg()[0]],
  threads: runs[0].threaded.threads,
  threaded_s: runs.map((r) => second(r.threaded)),
  single_s: runs.map((r) => second(r.single)),
  speedup: runs.map((r) => Number((second(r.single) / second(r.threaded)).toFixed(2))),
  same_loss: runs.every((r) => r.threaded.loss === r.single.loss),
}, null, 2));
