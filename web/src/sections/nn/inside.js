// Inside a trained model: test accuracy overall and per class, the confusion
// matrix, a gallery of test images with predicted probabilities, and the
// first layer's weights as 28 x 28 pictures; the model as a download.
import { h } from '../../ui/dom.js';
import { select } from '../../ui/controls.js';
import { sectionShell, card } from '../../ui/section.js';
import { whenVisible } from '../../trainer/views/frame.js';
import { drawWeights } from '../../trainer/views/images.js';
import { argmaxRows, imageTile } from './gallery.js';
import { downloadBlob } from '../../ui/download.js';
import { fileName } from '../../trainer/run_file.js';
import { selectBox } from '../../state/controls.js';

export const id = 'inside';
export const navTitle = (strings) => strings.trainer.inside.nav;

const PAGE = 24;

function perClassTable(test, names, t) {
  return h('table', { class: 'numbers per-class' },
    h('thead', {}, h('tr', {}, t.perClassHead.map((text) => h('th', { scope: 'col', text })))),
    h('tbody', {}, Array.from(test.per_class, (acc, c) => h('tr', {},
      h('th', { scope: 'row', text: names(c) }),
      h('td', { class: 'bar-cell' }, h('span', { class: 'acc-bar', style: `width:${(6 * acc).toFixed(2)}rem` }), h('span', { text: `${(100 * acc).toFixed(1)}%` })),
      h('td', { text: String(test.class_count[c]) })))));
}

function confusionTable(test, names, t) {
  const k = test.classes;
  const cell = (i, j) => {
    const n = test.confusion[i * k + j];
    const share = test.class_count[i] ? n / test.class_count[i] : 0;
    const color = i === j ? `rgba(47, 158, 68, ${(0.1 + 0.8 * share).toFixed(3)})` : `rgba(201, 42, 42, ${Math.min(0.65, 3 * share).toFixed(3)})`;
    return h('td', { text: String(n), style: n ? `background:${color}` : null, title: t.cellTitle(names(i), names(j), n) });
  };
  return h('table', { class: 'confusion' },
    h('caption', { text: t.confusionCaption }),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col', text: t.trueVsPredicted }), Array.from({ length: k }, (_, j) => h('th', { scope: 'col', title: names(j), text: String(j) })))),
    h('tbody', {}, Array.from({ length: k }, (_, i) => h('tr', {},
      h('th', { scope: 'row', text: `${i} ${names(i)}` }),
      Array.from({ length: k }, (_, j) => cell(i, j))))));
}

export function mount(root, { strings, trainer, urlState }) {
  const t = strings.trainer.inside;
  const { lab, frames } = trainer;
  const shell = sectionShell(root, strings, { title: t.title, lead: t.lead });
  const runSelect = select({ label: t.run, options: [], onInput: () => { page = 0; schedule(); } });
  const filter = select({ label: t.filter, options: Object.entries(t.filters).map(([value, label]) => ({ value, label })), value: 'all', onInput: () => { page = 0; gallerySchedule(); } });
  const prev = h('button', { type: 'button', class: 'btn', text: t.prev, on: { click: () => { page = Math.max(0, page - 1); gallerySchedule(); } } });
  const next = h('button', { type: 'button', class: 'btn', text: t.next, on: { click: () => { page += 1; gallerySchedule(); } } });
  const empty = h('p', { class: 'note', text: t.empty });
  const headline = h('p', { class: 'big-number' });
  const tables = h('div', { class: 'grid inside-tables' });
  const galleryNote = h('p', { class: 'note' });
  const gallery = h('div', { class: 'gallery' });
  const weights = h('canvas', { class: 'weights', role: 'img', 'aria-label': t.weightsLabel });
  const download = h('button', { type: 'button', class: 'btn', text: t.download, on: { click: () => save() } });
  const galleryCard = card(t.galleryTitle, h('div', { class: 'controls' }, filter.element, prev, next), galleryNote, gallery);
  const content = h('div', { class: 'section-body', hidden: true },
    h('div', { class: 'controls' }, runSelect.element, download),
    headline,
    tables,
    galleryCard,
    card(t.weightsTitle, h('p', { class: 'note', text: t.weightsNote }), h('div', { class: 'weights-wrap' }, weights)));
  shell.body.append(empty, content);
  urlState?.bind(id, { filter: selectBox(filter) });
  let page = 0;

  const current = () => lab.state.runs.find((r) => String(r.id) === runSelect.value && r.results) ?? null;
  const namesOf = () => (lab.state.data.source === 'fashion' || !lab.state.data.source ? (c) => strings.trainer.classes[c] ?? String(c) : (c) => String(c));

  function save() {
    const run = current();
    if (!run) return;
    // The same file, and name, as the comparison's model button.
    downloadBlob(new Blob([run.results.model], { type: 'application/octet-stream' }), fileName(run, 'model', 'bin'));
  }

  let choices = '';
  function draw() {
    const done = lab.state.runs.filter((r) => r.results);
    empty.hidden = done.length > 0;
    content.hidden = done.length === 0;
    const key = done.map((r) => r.id).join(',');
    if (key !== choices) {
      choices = key;
      runSelect.setOptions(done.map((r) => ({ value: String(r.id), label: r.name })), done.length ? String(done.at(-1).id) : undefined);
      page = 0;
    }
    const run = current();
    if (!run) return;
    const { test, first_layer: w } = run.results;
    const names = namesOf();
    headline.replaceChildren(t.testAccuracy, ' ', h('output', { text: `${(100 * test.accuracy).toFixed(2)}%` }), ' ', t.testLoss(test.loss.toFixed(4), test.count));
    tables.replaceChildren(card(t.perClassTitle, perClassTable(test, names, t)), card(t.confusionTitle, h('div', { class: 'table-wrap' }, confusionTable(test, names, t))));
    drawWeights(weights, w, { perRow: w.units > 128 ? 32 : 16 });
    weights.style.width = `${weights.width * (w.units > 128 ? 2 : 3)}px`;
    gallerySchedule();
  }

  let galleryToken = 0;
  async function drawGallery() {
    const token = ++galleryToken;
    const run = current();
    if (!run) return;
    if (!lab.imagesAvailable(run)) {
      galleryNote.textContent = t.otherData;
      gallery.replaceChildren();
      return;
    }
    const { probabilities, classes, test } = run.results;
    const predicted = argmaxRows(probabilities, classes);
    let rows = Array.from(predicted, (_, i) => i);
    try {
      if (filter.value !== 'all') {
        // Mistakes need every label: they come with the images, fetched once and cached.
        const all = await lab.testImages(rows);
        if (token !== galleryToken) return;
        rows = rows.filter((r) => predicted[r] !== all[r].label);
        if (filter.value === 'confident') rows.sort((a, b) => probabilities[b * classes + predicted[b]] - probabilities[a * classes + predicted[a]]);
      }
      const pages = Math.max(1, Math.ceil(rows.length / PAGE));
      page = Math.min(page, pages - 1);
      const shown = rows.slice(page * PAGE, (page + 1) * PAGE);
      const images = await lab.testImages(shown);
      if (token !== galleryToken) return;
      prev.disabled = page === 0;
      next.disabled = page >= pages - 1;
      galleryNote.textContent = t.galleryCount(rows.length, test.count, page + 1, pages);
      const names = lab.state.data.source === 'files' ? null : strings.trainer.classes;
      gallery.replaceChildren(...images.map((im, k) => imageTile(im, shown[k], [{ name: run.name, probs: probabilities, color: run.color }],
        { classes, names, label: im.label, t: strings.trainer.gallery, top: 3 })));
    } catch (error) {
      galleryNote.textContent = error.message;
    }
  }

  const schedule = whenVisible(frames, root, draw, { name: 'inside' });
  const gallerySchedule = whenVisible(frames, galleryCard, drawGallery, { name: 'inside-gallery' });
  lab.subscribe((state, kind) => { if (kind === 'results' || kind === 'data' || kind === 'error') schedule(); });
  schedule();
}
