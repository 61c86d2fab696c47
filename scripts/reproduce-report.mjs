// Writes docs/reproduction.md and docs/reproduction/<preset>.png from the
// runs scripts/reproduce.sh recorded (docs/reproduction/*.jsonl) and the
// post's printed curves (data/keras_curves.csv). Run by scripts/reproduce.sh.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { withChartRenderer } from './reproduce-plot.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'docs/reproduction');

// The post's six runs (../shared/seed/EXPERIMENTS.md, Part 2) and what the
// issue expects of ours: `check(ours, runs)` returns [ok, text].
const RUNS = [
  {
    id: 'dropout-0.9-5ep', n: 'N1', title: 'Dropout 0.9, 5 epochs',
    setting: 'H 128, Dropout(0.9), batch 32, 60,000 images /255, no validation',
    key: 'accuracy', expect: 'accuracy 0.56 ± 0.03',
    check: (o) => Math.abs(o.accuracy - 0.56) <= 0.03,
  },
  {
    id: 'no-dropout-5ep', n: 'N2', title: 'No dropout, 5 epochs',
    setting: 'as N1 without dropout',
    key: 'accuracy', expect: 'accuracy 0.891 ± 0.01',
    check: (o) => Math.abs(o.accuracy - 0.891) <= 0.01,
  },
  {
    id: 'overfit-no-dropout-200ep', n: 'N3', title: 'No dropout, 200 epochs, inputs /255 twice',
    setting: 'H 256, split 0.01 (59,400 / 600, seed 101), pixels / 65025, batch 512',
    key: 'val_accuracy', expect: 'val_accuracy 0.86 ± 0.015',
    check: (o) => Math.abs(o.val_accuracy - 0.86) <= 0.015,
  },
  {
    id: 'overfit-dropout-0.5-200ep', n: 'N4', title: 'Dropout 0.5, 200 epochs, inputs /255 twice',
    setting: 'as N3 with Dropout(0.5)',
    key: 'val_accuracy', expect: 'val_accuracy 0.86 ± 0.015',
    check: (o) => Math.abs(o.val_accuracy - 0.86) <= 0.015,
  },
  {
    id: 'no-batchnorm-20ep', n: 'N5', title: 'No batch normalization, 20 epochs',
    setting: 'H 128, split 0.3 (42,000 / 18,000, seed 101), pixels / 255, batch 2048',
    key: 'val_accuracy', expect: 'val_accuracy 0.867 ± 0.01',
    check: (o) => Math.abs(o.val_accuracy - 0.867) <= 0.01,
  },
  {
    id: 'batchnorm-20ep', n: 'N6', title: 'Batch normalization, 20 epochs',
    setting: 'as N5 with BatchNormalization() after the ReLU',
    key: 'val_accuracy', expect: 'val_accuracy ≥ 0.872, epoch-1 val_loss above N5\'s',
    check: (o, ours) => o.val_accuracy >= 0.872 &&
      ours['batchnorm-20ep'].epochs[0].val_loss > ours['no-batchnorm-20ep'].epochs[0].val_loss,
  },
];

// Per-run notes: what the curves show and, where ours differ, why. A note
// may cite our numbers as {{<preset>:<path>}}, e.g. {{batchnorm-20ep:epochs.0.val_loss}}
// or {{no-dropout-5ep:final.test_accuracy}} ("last" = the last epoch).
// The notes live in scripts/reproduce-notes.md, one `## <preset id>` (or
// `## general`) section each.
const NOTES = Object.fromEntries(
  readFileSync(join(root, 'scripts/reproduce-notes.md'), 'utf8')
    .split(/^## /m).slice(1)
    .map((section) => {
      const [head, ...body] = section.split('\n');
      return [head.trim(), body.join('\n').trim()];
    }),
);

function fillNote(text, ours) {
  return text.replace(/\{\{([^:}]+):([^}]+)\}\}/g, (match, id, path) => {
    const run = ours[id];
    if (!run) throw new Error(`note cites unknown run ${id}`);
    let v = { ...run, last: last(run.epochs) };
    for (const key of path.split('.')) v = v?.[key];
    if (typeof v !== 'number') throw new Error(`note cites ${match}: not a number`);
    return f4(v);
  });
}

function readJsonLines(file) {
  const lines = readFileSync(file, 'utf8').split('\n').filter((l) => l.trim());
  const objects = lines.map((l) => JSON.parse(l));
  return { epochs: objects.filter((o) => 'epoch' in o), final: objects.find((o) => 'test_loss' in o) };
}

function readKerasCurves() {
  const [header, ...rows] = readFileSync(join(root, 'data/keras_curves.csv'), 'utf8').trim().split(/\r?\n/);
  const cols = header.split(',');
  const byRun = {};
  for (const row of rows) {
    const values = row.split(',');
    const o = Object.fromEntries(cols.map((c, i) => [c, values[i]]));
    const num = (v) => (v === '' || v === undefined ? null : Number(v));
    (byRun[o.experiment] ||= []).push({
      epoch: Number(o.epoch), loss: num(o.loss), accuracy: num(o.accuracy),
      val_loss: num(o.val_loss), val_accuracy: num(o.val_accuracy),
    });
  }
  return byRun;
}

const f4 = (v) => (v === null || v === undefined ? '–' : Number(v).toFixed(4));
const last = (a) => a[a.length - 1];

function spreadOf(id, key, seed1) {
  const meta = JSON.parse(readFileSync(join(outDir, 'meta.json'), 'utf8'));
  const values = [seed1];
  for (const s of meta.spread_seeds || []) {
    const file = join(outDir, 'spread', `${id}-seed${s}.jsonl`);
    if (existsSync(file)) values.push(last(readJsonLines(file).epochs)[key]);
  }
  if (values.length < 2) return null;
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const sd = Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / (values.length - 1));
  return { n: values.length, mean, sd, min: Math.min(...values), max: Math.max(...values) };
}

function chartConfigs(run, post, ours) {
  const line = (label, data, color, dashed) => ({
    label, data, borderColor: color, backgroundColor: color, borderWidth: 2,
    borderDash: dashed ? [6, 4] : [], pointRadius: data.length > 30 ? 0 : 2, tension: 0,
  });
  const xy = (rows, key) => rows.filter((r) => r[key] !== null && r[key] !== undefined)
    .map((r) => ({ x: r.epoch, y: r[key] }));
  const panel = (what) => {
    // ours solid and dark, the post's dashed and light: blue training, red validation
    const datasets = [
      line(`post (Keras): ${what}`, xy(post, what), '#7fb3e0', true),
      line(`ours: ${what}`, xy(ours, what), '#1f4e99', false),
    ];
    if (post.some((r) => r[`val_${what}`] !== null)) {
      datasets.push(line(`post (Keras): val_${what}`, xy(post, `val_${what}`), '#f08a8a', true));
      datasets.push(line(`ours: val_${what}`, xy(ours, `val_${what}`), '#b01818', false));
    }
    // 200 epochs: a log axis shows the first epochs' climb and the late gap alike
    const long = post.length > 30;
    return {
      type: 'line', data: { datasets },
      options: {
        parsing: false,
        plugins: {
          title: { display: true, text: `${run.n} ${run.id}: ${what}` },
          legend: { position: 'bottom', labels: { boxWidth: 28, boxHeight: 2 } },
        },
        scales: {
          x: {
            type: long ? 'logarithmic' : 'linear', min: 1, max: post.length,
            title: { display: true, text: long ? 'epoch (log scale)' : 'epoch' },
            ...(long ? {} : { ticks: { stepSize: 1 } }),
          },
          y: { title: { display: true, text: what } },
        },
      },
    };
  };
  return [panel('loss'), panel('accuracy')];
}

async function main() {
  const keras = readKerasCurves();
  const meta = JSON.parse(readFileSync(join(outDir, 'meta.json'), 'utf8'));
  const ours = {};
  for (const run of RUNS) {
    const file = join(outDir, `${run.id}.jsonl`);
    if (!existsSync(file)) throw new Error(`missing ${file}: run scripts/reproduce.sh first`);
    ours[run.id] = readJsonLines(file);
  }

  await withChartRenderer(async (render) => {
    for (const run of RUNS) {
      await render(join(outDir, `${run.id}.png`), chartConfigs(run, keras[run.id], ours[run.id].epochs));
    }
  });

  const md = [];
  md.push('# Reproduction record: the post\'s six Keras runs');
  md.push('');
  md.push('Generated by `scripts/reproduce.sh` (do not edit by hand): each run is');
  md.push('`reglab train --preset <id> --seed ' + meta.seed + ' --json-lines`; the raw output is in');
  md.push('`docs/reproduction/<id>.jsonl`, extra seeds of the short runs in `docs/reproduction/spread/`.');
  md.push('The post\'s numbers are its printed Keras logs (`data/keras_curves.csv`).');
  md.push('');
  md.push(`Machine: ${meta.cpu}; ${meta.compiler}; ${meta.flags}; commit ${meta.commit}, ${meta.date}.`);
  md.push('');
  md.push('## Last epoch, ours next to the post\'s');
  md.push('');
  md.push('| run | setting | | loss | accuracy | val_loss | val_accuracy | test_accuracy |');
  md.push('|---|---|---|---|---|---|---|---|');
  for (const run of RUNS) {
    const p = last(keras[run.id]);
    const o = last(ours[run.id].epochs);
    md.push(`| ${run.n} \`${run.id}\` | ${run.setting} | post | ${f4(p.loss)} | ${f4(p.accuracy)} | ${f4(p.val_loss)} | ${f4(p.val_accuracy)} | – |`);
    md.push(`| | | ours | ${f4(o.loss)} | ${f4(o.accuracy)} | ${f4(o.val_loss)} | ${f4(o.val_accuracy)} | ${f4(ours[run.id].final.test_accuracy)} |`);
  }
  md.push('');
  md.push('## Checks');
  md.push('');
  md.push('| run | expected (last epoch) | post | ours, seed ' + meta.seed + ' | ours over seeds: mean ± sd (min – max) | within? |');
  md.push('|---|---|---|---|---|---|');
  let failures = 0;
  for (const run of RUNS) {
    const o = last(ours[run.id].epochs);
    const ok = run.check(o, ours);
    failures += ok ? 0 : 1;
    const s = spreadOf(run.id, run.key, o[run.key]);
    const spread = s ? `${f4(s.mean)} ± ${f4(s.sd)} (${f4(s.min)} – ${f4(s.max)}), ${s.n} seeds` : '–';
    const extra = run.id === 'batchnorm-20ep'
      ? `; epoch-1 val_loss ${f4(ours[run.id].epochs[0].val_loss)} vs N5's ${f4(ours['no-batchnorm-20ep'].epochs[0].val_loss)} (post: 1.0613 vs 0.7485)`
      : '';
    md.push(`| ${run.n} | ${run.expect} | ${f4(last(keras[run.id])[run.key])} | ${f4(o[run.key])}${extra} | ${spread} | ${ok ? 'yes' : '**no**'} |`);
  }
  md.push('');
  md.push(failures === 0
    ? 'Every run lands within the expected range.'
    : `${failures} run(s) outside the expected range: see the notes below.`);
  md.push('');
  md.push('## Runs');
  for (const run of RUNS) {
    const o = ours[run.id];
    const seconds = o.epochs.reduce((a, e) => a + e.seconds, 0);
    const rate = o.epochs.reduce((a, e) => a + e.samples_per_s, 0) / o.epochs.length;
    md.push('');
    md.push(`### ${run.n} \`${run.id}\`: ${run.title}`);
    md.push('');
    md.push(`![${run.id}: ours (solid) vs the post (dashed)](reproduction/${run.id}.png)`);
    md.push('');
    md.push(`${o.epochs.length} epochs in ${seconds.toFixed(0)} s (${Math.round(rate).toLocaleString('en-US')} training samples/s on average); test accuracy ${f4(o.final.test_accuracy)}, test loss ${f4(o.final.test_loss)}.`);
    if (NOTES[run.id]) {
      md.push('');
      md.push(fillNote(NOTES[run.id], ours));
    }
  }
  if (NOTES.general) {
    md.push('');
    md.push('## What differs from Keras, and why');
    md.push('');
    md.push(fillNote(NOTES.general, ours));
  }
  md.push('');
  writeFileSync(join(root, 'docs/reproduction.md'), md.join('\n'));
  console.log(`reproduce: wrote docs/reproduction.md and ${RUNS.length} plots (${failures} outside the expected range)`);
}

await main();
