// The playground: every setting of the trainer in one form, a run with live
// curves, and the Keras code for the form as it stands.
import { h, uid } from '../../ui/dom.js';
import { select, slider, textField } from '../../ui/controls.js';
import { sectionShell, card } from '../../ui/section.js';
import { curvesView } from '../../trainer/views/curves.js';
import { whenVisible } from '../../trainer/views/frame.js';
import { runSources } from './experiment.js';
import { kerasBlock, describeConfig, REDRAW_MS } from './shared.js';
import { numberBox, selectBox, sliderBox, checkBox } from '../../state/controls.js';

// The form's settings live in the URL (playground.* keys of web/src/state/schemas.js, whose
// defaults are START), so a setting can be shared as a link; older ?playground=... links still open.

export const id = 'playground';
export const navTitle = (strings) => strings.trainer.playground.nav;

// Where the form starts: quick to train, with a validation split to watch.
const START = {
  hidden: [128], dropout: 0.2, batchnorm: false, l1: 0, l2: 0, optimizer: 'adam', learning_rate: 0.001,
  momentum: 0, epochs: 10, batch_size: 128, validation_split: 0.2, split_seed: 101, input_divisor: 255,
  train_limit: 6000, seed: 1, early_stopping_patience: 0,
};

const SCALINGS = [255, 65025, 1];

function checkbox(label, onInput) {
  const input = h('input', { type: 'checkbox', id: uid('check') });
  input.addEventListener('change', onInput);
  return { element: h('div', { class: 'field check-field' }, input, h('label', { for: input.id, text: label })), input };
}

// A number as typed; NaN (shown by the core as "must be a number") when it is not one.
const number = (text) => (text.trim() === '' ? NaN : Number(text));

export function mount(root, { strings, trainer, urlState }) {
  const t = strings.trainer.playground;
  const { lab, panel, frames } = trainer;
  const shell = sectionShell(root, strings, { title: t.title, lead: t.lead });
  const onInput = () => showCode();

  const from = select({
    label: t.startFrom,
    options: [{ value: '', label: t.startDefault }, ...lab.presets.map((p) => ({ value: p.experiment, label: `${p.experiment}: ${strings.trainer.presetNames[p.experiment]}` }))],
    value: '',
    onInput: () => fill(from.value ? lab.presets.find((p) => p.experiment === from.value).config : START),
  });
  const f = {
    hidden: textField({ label: t.hidden, value: '128', onInput, inputmode: 'text', size: 10 }),
    dropout: slider({ label: t.dropout, min: 0, max: 0.95, step: 0.05, value: 0.2, format: (x) => x.toFixed(2), onInput }),
    batchnorm: checkbox(t.batchnorm, onInput),
    l1: textField({ label: t.l1, value: '0', onInput }),
    l2: textField({ label: t.l2, value: '0', onInput }),
    optimizer: select({ label: t.optimizer, options: [{ value: 'adam', label: 'Adam' }, { value: 'sgd', label: 'SGD' }], value: 'adam', onInput: () => { syncMomentum(); onInput(); } }),
    learning_rate: textField({ label: t.learningRate, value: '0.001', onInput }),
    momentum: textField({ label: t.momentum, value: '0', onInput }),
    batch_size: textField({ label: t.batchSize, value: '128', onInput, inputmode: 'numeric' }),
    epochs: textField({ label: t.epochs, value: '10', onInput, inputmode: 'numeric' }),
    validation_split: textField({ label: t.validationSplit, value: '0.2', onInput }),
    split_seed: textField({ label: t.splitSeed, value: '101', onInput, inputmode: 'numeric' }),
    seed: textField({ label: t.seed, value: '1', onInput, inputmode: 'numeric' }),
    input_divisor: select({ label: t.scaling, options: SCALINGS.map((d) => ({ value: String(d), label: t.scalings[d] })), value: '255', onInput }),
    early_stopping_patience: textField({ label: t.earlyStopping, value: '0', onInput, inputmode: 'numeric' }),
    train_limit: textField({ label: t.trainLimit, value: '6000', onInput, inputmode: 'numeric' }),
  };
  const syncMomentum = () => { f.momentum.element.hidden = f.optimizer.value !== 'sgd'; };

  function fill(c) {
    f.hidden.input.value = c.hidden.join(', ');
    f.dropout.value = c.dropout;
    f.batchnorm.input.checked = c.batchnorm;
    f.l1.input.value = String(c.l1);
    f.l2.input.value = String(c.l2);
    f.optimizer.value = c.optimizer;
    f.learning_rate.input.value = String(c.learning_rate);
    f.momentum.input.value = String(c.momentum ?? 0);
    f.batch_size.input.value = String(c.batch_size);
    f.epochs.input.value = String(c.epochs);
    f.validation_split.input.value = String(c.validation_split);
    f.split_seed.input.value = String(c.split_seed);
    f.seed.input.value = String(c.seed);
    f.input_divisor.value = String(c.input_divisor);
    f.early_stopping_patience.input.value = String(c.early_stopping_patience);
    f.train_limit.input.value = String(c.train_limit);
    syncMomentum();
    showCode();
  }

  const hiddenSizes = () => f.hidden.value.split(/[\s,;-]+/).filter(Boolean).map(Number);

  /** The form as a config (numbers as typed: the core checks the ranges). */
  function config() {
    const c = {
      hidden: hiddenSizes(),
      dropout: f.dropout.value,
      batchnorm: f.batchnorm.input.checked,
      l1: number(f.l1.value),
      l2: number(f.l2.value),
      optimizer: f.optimizer.value,
      learning_rate: number(f.learning_rate.value),
      epochs: number(f.epochs.value),
      batch_size: number(f.batch_size.value),
      validation_split: number(f.validation_split.value),
      split_seed: number(f.split_seed.value),
      seed: number(f.seed.value),
      input_divisor: Number(f.input_divisor.value),
      early_stopping_patience: number(f.early_stopping_patience.value),
      train_limit: number(f.train_limit.value),
    };
    if (c.optimizer === 'adam') Object.assign(c, { beta1: 0.9, beta2: 0.999, epsilon: 1e-7 });
    else c.momentum = number(f.momentum.value);
    return c;
  }

  const keras = kerasBlock(strings);
  const describe = h('p', { class: 'note' });
  function showCode() {
    const c = config();
    const ok = c.hidden.length > 0 && c.hidden.every(Number.isInteger) && Object.values(c).every((v) => typeof v !== 'number' || Number.isFinite(v));
    if (ok) {
      keras.show(c);
      describe.textContent = describeConfig(c, strings.trainer);
    }
  }

  const train = h('button', { type: 'button', class: 'btn btn-primary', text: t.train, on: { click: () => {
    panel.mountIn(slot);
    lab.startRun({ config: config(), name: t.runName, origin: id });
  } } });
  const slot = h('div', { class: 'run-slot' });
  const curves = curvesView(strings.trainer.curves, frames);
  const grid = (...fields) => h('div', { class: 'form-grid' }, fields.map((x) => x.element));

  shell.body.append(
    card(t.formTitle,
      h('div', { class: 'controls' }, from.element),
      h('h4', { text: t.modelHead }), grid(f.hidden, f.dropout, f.batchnorm, f.l1, f.l2),
      h('h4', { text: t.trainingHead }), grid(f.optimizer, f.learning_rate, f.momentum, f.batch_size, f.epochs, f.early_stopping_patience),
      h('h4', { text: t.dataHead }), grid(f.input_divisor, f.validation_split, f.split_seed, f.seed, f.train_limit),
      describe,
      h('div', { class: 'run-buttons' }, train),
      keras.element),
    slot,
    curves.element,
  );
  fill(START);
  urlState?.bind(id, {
    from: selectBox(from),
    hidden: { get: hiddenSizes, set: (v) => { f.hidden.input.value = v.join(', '); } },
    dropout: sliderBox(f.dropout),
    batchnorm: checkBox(f.batchnorm.input),
    l1: numberBox(f.l1),
    l2: numberBox(f.l2),
    optimizer: selectBox(f.optimizer),
    learning_rate: numberBox(f.learning_rate),
    momentum: numberBox(f.momentum),
    batch_size: numberBox(f.batch_size),
    epochs: numberBox(f.epochs),
    early_stopping_patience: numberBox(f.early_stopping_patience),
    input_divisor: selectBox(f.input_divisor, true),
    validation_split: numberBox(f.validation_split),
    split_seed: numberBox(f.split_seed),
    seed: numberBox(f.seed),
    train_limit: numberBox(f.train_limit),
  });
  syncMomentum();
  showCode();

  let full = true;
  function draw() {
    const tailOnly = !full;
    full = false;
    const run = lab.state.runs.filter((r) => r.origin === id).at(-1);
    curves.update(run ? runSources(lab, [run], (r) => r.name) : [], { xMax: run ? run.config.epochs : undefined, tailOnly });
  }
  const schedule = whenVisible(frames, curves.element, draw, { minInterval: REDRAW_MS, name: 'playground', eager: true });
  lab.subscribe((state, kind) => {
    train.disabled = state.data.status === 'loading';  // at once, on screen or not (see experiment.js)
    if ((kind === 'progress' || kind === 'epoch') && state.current?.origin !== id) return;
    if (kind !== 'progress') full = true;
    schedule();
  });
  train.disabled = lab.state.data.status === 'loading';
  schedule();
}
