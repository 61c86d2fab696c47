// A/B of the trainer's two builds in headless Chromium: the page's own
// worker from dist/ (served cross-origin isolated, so threaded) and the same
// worker with `?threads=1` (the single-threaded build), alternating, one
// configuration, seconds of each epoch and the final loss (the same bits
// both ways). Prints one JSON object.
//
//   node bench/lab/threads_ab.mjs [N2|N3|N6] [pairs]      (default N3 3)
//
// Needs dist/ with its data (`bash scripts/build.sh wasm web`).
import { readdirSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { openLab, DIST } from '../../tests/browser/browser.mjs';
import { trainInWorker } from '../../tests/browser/train_in_worker.mjs';

const CONFIGS = {
  N2: { hidden: [128], batchnorm: false, batch_size: 32 },
  N3: { hidden: [256], batchnorm: false, batch_size: 512 },
  N6: { hidden: [128], batchnorm: true, batch_size: 2048 },
};
const [id = 'N3', pairsArg = '3'] = process.argv.slice(2);
if (!CONFIGS[id]) throw new Error(`unknown configuration '${id}' (N2, N3 or N6)`);
const pairs = Number(pairsArg);
const config = { ...CONFIGS[id], dropout: 0, epochs: 2, validation_split: 0, optimizer: 'adam' };

// dist/ served cross-origin isolated, the page open in headless Chromium.
const lab = await openLab();
const worker = readdirSync(`${DIST}assets`).find((f) => /^worker-.*\.js$/.test(f));

// One run in a fresh worker: {threads, seconds: [per epoch], loss}.
const train = async (query) => {
  const { ready, history } = await trainInWorker(lab.page, `${lab.url}assets/${worker}${query}`, config);
  return { threads: ready.threads, seconds: history.map((h) => h.seconds), loss: history.at(-1).loss };
};

const runs = [];
const load0 = loadavg()[0];
for (let i = 0; i < pairs; ++i) runs.push({ threaded: await train(''), single: await train('?threads=1') });
await lab.close();

const second = (r) => r.seconds.at(-1);
console.log(JSON.stringify({
  config: id, cores: cpus().length, load_average: [load0, loadavg()[0]],
  threads: runs[0].threaded.threads,
  threaded_s: runs.map((r) => second(r.threaded)),
  single_s: runs.map((r) => second(r.single)),
  speedup: runs.map((r) => Number((second(r.single) / second(r.threaded)).toFixed(2))),
  same_loss: runs.every((r) => r.threaded.loss === r.single.loss),
}, null, 2));
