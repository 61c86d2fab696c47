// Dropout: the post's N1 vs N2 (a rate of 0.9 cripples a small network) and
// N3 vs N4 (200 epochs of overfitting, a little less with dropout), the
// latter with the post's double division by 255 as a toggle.
import { h, uid } from '../../ui/dom.js';
import { sectionShell } from '../../ui/section.js';
import { experimentCard } from './experiment.js';
import { fastModeControl } from './shared.js';

export const id = 'dropout';
export const navTitle = (strings) => strings.trainer.dropout.nav;

function doubleDivisionToggle(lab, t) {
  const box = h('input', { type: 'checkbox', id: uid('twice'), class: 'double-division' });
  box.checked = lab.state.doubleDivision;
  box.addEventListener('change', () => lab.setDoubleDivision(box.checked));
  lab.subscribe((state, kind) => { if (kind === 'settings') box.checked = state.doubleDivision; });
  return h('div', { class: 'callout' },
    h('div', { class: 'check-field' }, box, h('label', { for: box.id, text: t.doubleToggle })),
    h('p', { class: 'note', text: t.doubleNote }));
}

export function mount(root, { strings, trainer }) {
  const t = strings.trainer.dropout;
  const shell = sectionShell(root, strings, { title: t.title, lead: t.lead });
  const { lab } = trainer;
  shell.body.append(
    h('div', { class: 'prose' }, t.paragraphs.map((text) => h('p', { text }))),
    h('div', { class: 'controls' }, fastModeControl(lab, strings.trainer)),
    experimentCard(trainer, strings, { pair: ['N1', 'N2'], title: t.n12Title, paragraphs: t.n12, origin: id }).element,
    experimentCard(trainer, strings, { pair: ['N3', 'N4'], title: t.n34Title, paragraphs: t.n34, extra: doubleDivisionToggle(lab, t), origin: id }).element,
  );
}
