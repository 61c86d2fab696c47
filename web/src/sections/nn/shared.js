// Controls and blocks the trainer's sections share.
import { h, uid } from '../../ui/dom.js';
import { pythonBlock } from '../../ui/controls.js';
import { kerasPython } from '../../python/keras.js';
import { FAST_LIMITS } from '../../trainer/lab.js';
import { count } from '../../ui/format.js';

// Live charts redraw at most this often while training (an epoch of a fast
// run can take less than 100 ms; a redraw of three charts costs ~10-30 ms).
export const REDRAW_MS = 400;

/** Fast mode (train on the first N images), bound to the lab's setting. */
export function fastModeControl(lab, t) {
  const box = h('input', { type: 'checkbox', id: uid('fast'), class: 'fast-mode' });
  const limit = h('select', { 'aria-label': t.fastLimitLabel, class: 'fast-limit' },
    FAST_LIMITS.map((n) => h('option', { value: String(n), text: t.fastImages(count(n)) })));
  const sync = () => {
    box.checked = lab.state.fast.on;
    limit.value = String(lab.state.fast.limit);
    limit.disabled = !lab.state.fast.on;
  };
  box.addEventListener('change', () => lab.setFast({ on: box.checked }));
  limit.addEventListener('change', () => lab.setFast({ limit: Number(limit.value) }));
  lab.subscribe((state, kind) => { if (kind === 'settings') sync(); });
  sync();
  return h('div', { class: 'fast-field' },
    box, h('label', { for: box.id, text: t.fastMode }), limit,
    h('span', { class: 'note', text: t.fastNote }));
}

/** "Show as Keras": a details block with the code for a config. */
export function kerasBlock(strings) {
  const block = pythonBlock({ ...strings, common: { ...strings.common, showPython: strings.trainer.showKeras } });
  block.element.classList.add('keras');
  return {
    element: block.element,
    show(config) {
      block.set(kerasPython(config));
    },
  };
}

/** A short description of a config: "784-128-10, dropout 0.5, adam 0.001, batch 32". */
export function describeConfig(c, t) {
  const parts = [`784-${c.hidden.join('-')}-10`];
  if (c.batchnorm) parts.push(t.describe.batchnorm);
  if (c.dropout > 0) parts.push(t.describe.dropout(c.dropout));
  if (c.l1 > 0) parts.push(`L1 ${c.l1}`);
  if (c.l2 > 0) parts.push(`L2 ${c.l2}`);
  parts.push(`${c.optimizer} ${c.learning_rate}`);
  parts.push(t.describe.batch(c.batch_size));
  if (c.input_divisor !== 255) parts.push(c.input_divisor === 65025 ? t.describe.twice : t.describe.divisor(c.input_divisor));
  if (c.train_limit > 0) parts.push(t.describe.limit(count(c.train_limit)));
  if (c.validation_split > 0) parts.push(t.describe.split(c.validation_split));
  if (c.early_stopping_patience > 0) parts.push(t.describe.early(c.early_stopping_patience));
  if (c.seed !== 1) parts.push(t.describe.seed(c.seed));
  return parts.join(', ');
}

// Four decimals; a diverged loss (1e37) in short exponent form instead of 38 digits.
export const fmt4 = (x) => (x === null || x === undefined ? '–' : Math.abs(x) >= 1e6 ? x.toExponential(2) : x.toFixed(4));
export const pct = (x) => (x === null || x === undefined ? '–' : `${(100 * x).toFixed(1)}%`);
