// The lab's core as wasm in node (build/wasm, loaded from bytes like
// tests/node/load.mjs), training one configuration on the real Fashion-MNIST
// images with NnLab.run(batches_per_epoch) per epoch. Prints one JSON line.
//
//   node bench/lab/node_train.mjs '{"hidden":[128],"batch_size":32,"epochs":2}' [dataDir]
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { loadModule } from '../../tests/node/load.mjs';
import { NnLab } from '../../wasm/reglab_nn.js';

const config = { validation_split: 0, dropout: 0, batchnorm: false, ...JSON.parse(process.argv[2]) };
const dir = process.argv[3] ?? 'dist/data';
const read = (name) => new Uint8Array(gunzipSync(readFileSync(`${dir}/${name}`)));

const reglab = await loadModule();
const lab = new NnLab(reglab.module);
lab.loadSplit('train', read('train-images-idx3-ubyte.gz'), read('train-labels-idx1-ubyte.gz'));
const info = lab.configure(config);
const epochs = [];
let cpuSeconds = [];
for (let e = 0; e < config.epochs; e += 1) {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const p = lab.run(info.batches_per_epoch);
  epochs.push((performance.now() - t0) / 1000);
  const cpu = process.cpuUsage(cpu0);
  cpuSeconds.push((cpu.user + cpu.system) / 1e6);
  if (p.diverged) throw new Error('diverged');
}
console.log(JSON.stringify({
  train_count: info.train_count,
  epoch_seconds: epochs,
  epoch_cpu_seconds: cpuSeconds,
  heap_bytes: lab.heapBytes(),
  final_loss: lab.history().at(-1)?.loss ?? null,
}));
lab.delete();
