// One of the post's comparisons (N1 vs N2, N3 vs N4, N5 vs N6) as a card:
// what it shows, one-click presets with the post's exact settings, the
// post's last printed epoch next to ours, and the learning curves of both
// runs over the post's own Keras curves.
import { h } from '../../ui/dom.js';
import { card } from '../../ui/section.js';
import { curvesView } from '../../trainer/views/curves.js';
import { whenVisible } from '../../trainer/views/frame.js';
import { KERAS_CURVES } from '../../trainer/keras_curves.js';
import { PRESET_COLORS } from '../../trainer/lab.js';
import { kerasBlock, describeConfig, fmt4, pct, REDRAW_MS } from './shared.js';

/** The latest run of each preset in `pair`, as curve sources (plus the live tail). */
export function runSources(lab, runs, label) {
  return runs.map((run) => {
    const p = run.progress;
    const live = run === lab.state.current && (run.status === 'running' || run.status === 'paused') && p && p.batch < p.batches_per_epoch;
    return {
      kind: 'ours',
      label: label(run),
      color: run.color,
      history: run.history,
      tail: live ? { x: p.epoch - 1 + p.batch / p.batches_per_epoch, loss: p.loss, accuracy: p.accuracy } : null,
      best_epoch: run.best_epoch,
      expectValidation: run.config.validation_split > 0,
    };
  });
}

export function experimentCard({ lab, panel, frames }, strings, { pair, title, paragraphs, extra = null, origin }) {
  const t = strings.trainer;
  const presets = pair.map((experiment) => lab.presets.find((p) => p.experiment === experiment));
  const keras = kerasBlock(strings);
  const slot = h('div', { class: 'run-slot' });
  const curves = curvesView(t.curves, frames);
  const tbody = h('tbody');
  const runButtons = presets.map((preset) => h('button', {
    type: 'button',
    class: 'btn btn-primary',
    dataset: { preset: preset.experiment },
    text: t.runPreset(preset.experiment, t.presetNames[preset.experiment]),
    on: { click: () => start(preset) },
  }));
  const setting = h('p', { class: 'note preset-setting' });
  const element = card(title,
    ...paragraphs.map((text) => h('p', { text })),
    extra,
    h('div', { class: 'run-buttons preset-buttons' }, runButtons),
    setting,
    h('div', { class: 'table-wrap' }, h('table', { class: 'numbers post-vs-ours' },
      h('thead', {}, h('tr', {}, t.tableHead.map((text) => h('th', { scope: 'col', text })))),
      tbody)),
    keras.element,
    slot,
    curves.element);
  element.classList.add('experiment');
  element.dataset.pair = pair.join('-');
  let shown = presets[0];

  function start(preset) {
    shown = preset;
    panel.mountIn(slot);
    const config = lab.presetConfig(preset.experiment);
    lab.startRun({ config, name: `${preset.experiment} ${t.presetNames[preset.experiment]}`, preset: preset.experiment, origin });
    schedule();
  }

  const latest = (experiment) => lab.state.runs.filter((r) => r.preset === experiment).at(-1) ?? null;

  function row(label, color, m, test, post) {
    return h('tr', { class: post ? 'post-row' : 'ours-row' },
      h('th', { scope: 'row' }, h('span', { class: 'swatch', style: `background:${color}` }), label),
      [m?.loss, m?.accuracy, m?.val_loss, m?.val_accuracy].map((x, i) => h('td', { text: i % 2 ? pct(x) : fmt4(x) })),
      h('td', { text: pct(test) }));
  }

  // Between epochs only the live tail moves: the charts, not the table.
  let full = true;
  function draw() {
    const tailOnly = !full;
    full = false;
    const runs = pair.map(latest).filter(Boolean);
    const sources = [
      ...runSources(lab, runs, (run) => t.ours(run.preset)),
      ...presets.map((preset) => ({ kind: 'post', label: t.post(preset.experiment), color: PRESET_COLORS[preset.experiment], history: KERAS_CURVES.get(preset.id) ?? [] })),
    ];
    curves.update(sources, { xMax: Math.max(...presets.map((p) => p.config.epochs)), tailOnly });
    if (tailOnly) return;
    tbody.replaceChildren(...presets.flatMap((preset) => {
      const post = KERAS_CURVES.get(preset.id)?.at(-1);
      const run = latest(preset.experiment);
      const m = run?.history.at(-1);
      const label = run && m ? t.oursAt(preset.experiment, m.epoch, run.config.epochs) : t.ours(preset.experiment);
      return [
        row(t.post(preset.experiment), PRESET_COLORS[preset.experiment], post, undefined, true),
        row(label, PRESET_COLORS[preset.experiment], m, run?.results?.test.accuracy ?? null, false),
      ];
    }));
    const config = lab.presetConfig(shown.experiment);
    keras.show(config);
    setting.textContent = t.presetSetting(shown.experiment, describeConfig(config, t));
  }

  // The run buttons follow the data at once, on screen or not (the charts
  // wait until the card is in view): a button left disabled off-screen is
  // skipped by the keyboard and cannot be clicked.
  function enableButtons() {
    const busy = lab.state.data.status === 'loading';
    runButtons.forEach((b) => { b.disabled = busy; });
  }

  // Training messages redraw only the card whose run is training.
  const schedule = whenVisible(frames, element, draw, { minInterval: REDRAW_MS, name: 'experiment', eager: true });
  lab.subscribe((state, kind) => {
    enableButtons();
    if ((kind === 'progress' || kind === 'epoch') && !pair.includes(state.current?.preset)) return;
    if (kind !== 'progress') full = true;
    schedule();
  });
  enableButtons();
  schedule();
  return { element, slot };
}
