// Test images with what runs predicted for them.
import { h } from '../../ui/dom.js';
import { grayCanvas } from '../../trainer/views/images.js';

/** The predicted class of each row of a (rows x classes) probability array. */
export function argmaxRows(probabilities, classes) {
  const n = probabilities.length / classes;
  const out = new Uint8Array(n);
  for (let i = 0; i < n; ++i) {
    let best = 0;
    for (let c = 1; c < classes; ++c) if (probabilities[i * classes + c] > probabilities[i * classes + best]) best = c;
    out[i] = best;
  }
  return out;
}

/** The `k` most probable classes of one row: [{c, p}]. */
export function topClasses(probabilities, row, classes, k = 3) {
  const out = [];
  for (let c = 0; c < classes; ++c) out.push({ c, p: probabilities[row * classes + c] });
  return out.sort((a, b) => b.p - a.p).slice(0, k);
}

/**
 * One test image and, per run in `predictions` [{name, probs, color}], its
 * top classes with probability bars (the first of each marked right or wrong).
 */
export function imageTile(image, row, predictions, { classes, names, label, t, top = 1, rows = 28, cols = 28 }) {
  const name = (c) => names?.[c] ?? String(c);
  const blocks = predictions.map((run) => {
    const best = topClasses(run.probs, row, classes, top);
    return h('div', { class: 'prediction' },
      predictions.length > 1 ? h('span', { class: 'run-name', style: `color:${run.color}`, text: run.name }) : null,
      best.map(({ c, p }, i) => h('div', { class: `prob ${i === 0 ? (c === label ? 'right' : 'wrong') : ''}` },
        h('span', { class: 'prob-label', text: `${name(c)} ${(100 * p).toFixed(0)}%` }),
        h('span', { class: 'prob-bar', style: `width:${(100 * p).toFixed(1)}%` }))));
  });
  return h('figure', { class: 'tile', dataset: { row: String(row) } },
    grayCanvas(image.pixels, rows, cols, { scale: 2, label: t.imageLabel(row, name(label)) }),
    h('figcaption', {}, h('span', { class: 'truth', text: t.truth(name(label)) }), blocks));
}
