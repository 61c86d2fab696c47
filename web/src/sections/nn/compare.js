// Compare runs: every run (of this visit, kept from earlier ones, imported)
// in one table with its files (JSON, CSV, the model), any of them overlaid
// in one chart, the test images on which two runs disagree, run files to
// import and a model file to load and measure.
import { h } from '../../ui/dom.js';
import { select } from '../../ui/controls.js';
import { sectionShell, card, chartBox } from '../../ui/section.js';
import { xyChart, line } from '../../charts/xy.js';
import { whenVisible } from '../../trainer/views/frame.js';
import { describeConfig, fmt4, pct } from './shared.js';
import { argmaxRows, imageTile } from './gallery.js';
import { runToJsonText, runToCsv, fileName } from '../../trainer/run_file.js';
import { downloadBlob } from '../../ui/download.js';

/** Offers bytes or text as a download named `name`. */
const download = (name, data, type) => downloadBlob(new Blob([data], { type }), name);

const arch = (m, r) => `${m.inputs}-${m.hidden.join('-')}-${m.classes}${m.batchnorm ? ` ${r.batchnorm}` : ''}`;

export const id = 'compare';
export const navTitle = (strings) => strings.trainer.compare.nav;

const METRICS = ['val_loss', 'val_accuracy', 'loss', 'accuracy', 'gap'];
const value = (m, metric) => (metric === 'gap' ? (m.val_loss === null ? null : m.val_loss - m.loss) : m[metric]);
const DIFF_SHOWN = 24;

export function mount(root, { strings, trainer }) {
  const t = strings.trainer.compare;
  const r = strings.runs;
  const { lab, frames } = trainer;
  const shell = sectionShell(root, strings, { title: t.title, lead: t.lead });
  const chosen = new Map();  // run id -> shown in the chart
  // A diverged run's last losses (1e37 and up) would flatten every other curve: it starts unticked.
  const shown = (run) => chosen.get(run.id) ?? run.reason !== 'diverged';
  const metric = select({ label: t.metric, options: METRICS.map((m) => ({ value: m, label: t.metrics[m] })), value: 'val_loss', onInput: () => schedule() });
  const box = chartBox('tall', t.chartLabel);
  const tbody = h('tbody');
  const empty = h('p', { class: 'note', text: t.empty });
  const runA = select({ label: t.runA, options: [], onInput: () => diffSchedule() });
  const runB = select({ label: t.runB, options: [], onInput: () => diffSchedule() });
  const diffSummary = h('p', { class: 'note diff-summary' });
  const diffGrid = h('div', { class: 'gallery diff-gallery' });
  const diffCard = card(t.diffTitle, h('p', { class: 'note', text: t.diffLead }), h('div', { class: 'controls' }, runA.element, runB.element), diffSummary, diffGrid);

  // ---- files: import a run, load a model ------------------------------------------
  const storageNote = h('p', { class: 'note storage-note', role: 'status' });
  const importInput = h('input', { type: 'file', accept: '.json,application/json', class: 'import-run', 'aria-label': r.importLabel });
  const importMessage = h('p', { class: 'import-message', role: 'alert' });
  importInput.addEventListener('change', async () => {
    const file = importInput.files?.[0];
    if (!file) return;
    try {
      const run = await lab.importRunFile(file);
      importMessage.textContent = r.imported(run.name);
      importMessage.classList.remove('message');
    } catch (error) {
      importMessage.textContent = r.refused(error.message);
      importMessage.classList.add('message');
    }
    importInput.value = '';
  });
  const modelInput = h('input', { type: 'file', accept: '.bin,.reglabnn,application/octet-stream', class: 'load-model', 'aria-label': r.modelInput });
  const modelMessage = h('p', { class: 'model-message', role: 'status' });
  modelInput.addEventListener('change', async () => {
    const file = modelInput.files?.[0];
    if (!file) return;
    modelMessage.textContent = r.modelLoading;
    modelMessage.dataset.state = 'loading';
    await lab.loadModelFile(file);
    modelInput.value = '';
  });
  function drawModel() {
    const m = lab.state.model;
    if (!m) return;
    modelMessage.classList.toggle('message', Boolean(m.message));
    modelMessage.dataset.state = m.message ? 'refused' : 'loaded';
    if (m.message) modelMessage.textContent = r.modelRefused(m.name, m.message);
    else if (!m.test) modelMessage.textContent = r.modelNoTest(m.name, arch(m.model, r));
    else modelMessage.textContent = r.modelLoaded({ name: m.name, arch: arch(m.model, r), divisor: m.input_divisor, parameters: m.parameters, accuracy: m.test.accuracy, loss: m.test.loss, count: m.test.count });
  }
  function drawStorage() {
    const st = lab.state.storage;
    storageNote.textContent = st.status === 'ok' ? r.storage.ok(st.restored, st.skipped) + (st.full ? ` ${r.storage.full}` : '')
      : st.status === 'failed' ? r.storage.failed(st.message) : r.storage[st.status] ?? '';
    storageNote.classList.toggle('message', st.status === 'failed');
  }

  shell.body.append(
    h('p', { text: t.sameSeed }),
    card(t.tableTitle, empty, h('div', { class: 'table-wrap' }, h('table', { class: 'numbers runs-table' },
      h('thead', {}, h('tr', {}, [...t.tableHead, r.filesHead].map((text) => h('th', { scope: 'col', text })))), tbody))),
    card(t.chartTitle, h('div', { class: 'controls' }, metric.element), box.element),
    diffCard,
    h('div', { class: 'grid grid-2' },
      card(r.filesTitle, h('p', { class: 'note', text: r.filesLead }), storageNote,
        h('label', { class: 'file-field' }, h('span', { text: r.importLabel }), importInput), importMessage),
      card(r.modelTitle, h('p', { class: 'note', text: r.modelHelp }),
        h('label', { class: 'file-field' }, h('span', { text: r.modelInput }), modelInput), modelMessage)),
  );
  const chart = xyChart(box.canvas, { x: { title: strings.trainer.curves.epoch, min: 0 }, y: { title: t.metrics.val_loss } });

  function fileButtons(run) {
    if (run.status !== 'finished' || run.history.length === 0) return h('td', { class: 'files' });
    const button = (text, label, onClick, extra = {}) => h('button', { type: 'button', class: 'btn btn-small', text, 'aria-label': label, title: label, on: { click: onClick }, ...extra });
    const bytes = lab.modelBytes(run);
    return h('td', { class: 'files' },
      button(r.json, r.jsonLabel(run.name), () => download(fileName(run, 'run', 'json'), runToJsonText(run), 'application/json'), { dataset: { file: 'json' } }),
      button(r.csv, r.csvLabel(run.name), () => download(fileName(run, 'run', 'csv'), runToCsv(run), 'text/csv'), { dataset: { file: 'csv' } }),
      button(r.model, bytes ? r.modelLabel(run.name) : r.noModel(run.name), () => {
        const b = lab.modelBytes(run);
        if (b) download(fileName(run, 'model', 'bin'), b, 'application/octet-stream');
      }, { disabled: !bytes, dataset: { file: 'model' } }),
      button(r.forget, r.forgetLabel(run.name), () => lab.forgetRun(run), { dataset: { file: 'forget' } }));
  }

  function row(run) {
    const last = run.history.at(-1);
    const timed = run.history.filter((m) => Number.isFinite(m.seconds));
    const seconds = timed.length ? timed.reduce((sum, m) => sum + m.seconds, 0) / timed.length : null;
    const check = h('input', { type: 'checkbox', 'aria-label': t.show(run.name) });
    check.checked = shown(run);
    check.addEventListener('change', () => { chosen.set(run.id, check.checked); schedule(); });
    return h('tr', { dataset: { run: String(run.id) } },
      h('td', {}, check),
      h('th', { scope: 'row' }, h('span', { class: 'swatch', style: `background:${run.color}` }), run.name,
        run.source === 'saved' || run.source === 'imported' ? h('span', { class: 'note run-source', text: ` (${r.source[run.source]})` }) : null),
      h('td', { class: 'settings', text: describeConfig(run.config, strings.trainer) }),
      h('td', { text: `${run.history.length}/${run.config.epochs}` }),
      h('td', { text: fmt4(last?.loss) }),
      h('td', { text: pct(last?.accuracy) }),
      h('td', { text: fmt4(last?.val_loss) }),
      h('td', { text: pct(last?.val_accuracy) }),
      h('td', { text: run.best_epoch ?? '–' }),
      h('td', { text: pct(lab.testResult(run)?.accuracy) }),
      h('td', { text: seconds === null ? '–' : seconds.toFixed(2) }),
      h('td', { class: 'status-cell', text: run.status === 'finished' ? strings.trainer.panel.reasons[run.reason] : strings.trainer.panel.status[run.status] }),
      fileButtons(run));
  }

  function draw() {
    const runs = lab.state.runs.filter((r) => r.history.length > 0 || r === lab.state.current);
    empty.hidden = runs.length > 0;
    tbody.replaceChildren(...runs.map(row));
    const m = metric.value;
    chart.options.scales.y.title.text = t.metrics[m];
    chart.options.scales.x.max = Math.max(1, ...runs.filter(shown).map((r) => r.history.length));
    chart.data.datasets = runs.filter(shown).map((r) => line(r.name,
      r.history.map((e) => ({ x: e.epoch, y: value(e, m) })).filter((p) => p.y !== null), r.color,
      { pointRadius: r.history.length <= 30 ? 2 : 0 }));
    chart.update('none');
    syncDiffChoices();
  }

  // ---- where two runs disagree ----------------------------------------------------
  let choices = '';
  function syncDiffChoices() {
    const done = lab.state.runs.filter((r) => r.results);
    const key = done.map((r) => r.id).join(',');
    if (key === choices) return;
    choices = key;
    const options = done.map((r) => ({ value: String(r.id), label: r.name }));
    const keepA = runA.value;
    const keepB = runB.value;
    runA.setOptions(options, done.some((r) => String(r.id) === keepA) ? keepA : options.at(-2)?.value ?? options[0]?.value);
    runB.setOptions(options, done.some((r) => String(r.id) === keepB) ? keepB : options.at(-1)?.value);
    diffSchedule();
  }

  let diffToken = 0;
  async function drawDiff() {
    const token = ++diffToken;
    const a = lab.state.runs.find((r) => String(r.id) === runA.value)?.results;
    const b = lab.state.runs.find((r) => String(r.id) === runB.value)?.results;
    if (!a || !b || runA.value === runB.value || a.probabilities.length !== b.probabilities.length) {
      diffSummary.textContent = lab.state.runs.some((r) => r.results) ? t.diffPick : t.diffNone;
      diffGrid.replaceChildren();
      return;
    }
    const runs = [runA, runB].map((sel) => lab.state.runs.find((r) => String(r.id) === sel.value));
    if (!runs.every((r) => lab.imagesAvailable(r)) || runs[0].data !== runs[1].data) {
      diffSummary.textContent = runs[0].data !== runs[1].data ? t.diffPick : t.otherData;
      diffGrid.replaceChildren();
      return;
    }
    const classes = a.classes;
    const predA = argmaxRows(a.probabilities, classes);
    const predB = argmaxRows(b.probabilities, classes);
    const rows = [];
    for (let i = 0; i < predA.length; ++i) if (predA[i] !== predB[i]) rows.push(i);
    const nameA = runA.input.selectedOptions[0]?.textContent;
    const nameB = runB.input.selectedOptions[0]?.textContent;
    try {
      const images = await lab.testImages(rows.slice(0, DIFF_SHOWN));
      if (token !== diffToken) return;
      let rightA = 0;
      let rightB = 0;
      const labels = images.map((im) => im.label);
      // Right counts over all disagreements need every label: fetch them in one go.
      const all = rows.length > DIFF_SHOWN ? await lab.testImages(rows) : images;
      if (token !== diffToken) return;
      all.forEach((im, k) => { rightA += predA[rows[k]] === im.label; rightB += predB[rows[k]] === im.label; });
      diffSummary.textContent = t.diffCount(rows.length, predA.length, nameA, rightA, nameB, rightB);
      const names = lab.state.data.source === 'fashion' ? strings.trainer.classes : null;
      diffGrid.replaceChildren(...images.map((im, k) => imageTile(im, rows[k], [
        { name: nameA, probs: a.probabilities, color: lab.state.runs.find((r) => String(r.id) === runA.value).color },
        { name: nameB, probs: b.probabilities, color: lab.state.runs.find((r) => String(r.id) === runB.value).color },
      ], { classes, names, label: labels[k], t: strings.trainer.gallery })));
    } catch (error) {
      diffSummary.textContent = error.message;
    }
  }

  const schedule = whenVisible(frames, root, draw, { name: 'compare' });
  const diffSchedule = whenVisible(frames, diffCard, drawDiff, { name: 'compare-diff' });
  lab.subscribe((state, kind) => {
    if (kind === 'progress') return;  // the table and chart change per epoch
    if (kind === 'model') drawModel();
    if (kind === 'storage' || kind === 'run') drawStorage();
    schedule();
  });
  drawStorage();
  schedule();
}
