// Batch normalization: the post's N5 vs N6 (batch 2048, 20 epochs).
import { h } from '../../ui/dom.js';
import { sectionShell } from '../../ui/section.js';
import { experimentCard } from './experiment.js';
import { fastModeControl } from './shared.js';

export const id = 'batchnorm';
export const navTitle = (strings) => strings.trainer.batchnorm.nav;

export function mount(root, { strings, trainer }) {
  const t = strings.trainer.batchnorm;
  const shell = sectionShell(root, strings, { title: t.title, lead: t.lead });
  shell.body.append(
    h('div', { class: 'prose' }, t.paragraphs.map((text) => h('p', { text }))),
    h('div', { class: 'controls' }, fastModeControl(trainer.lab, strings.trainer)),
    experimentCard(trainer, strings, { pair: ['N5', 'N6'], title: t.n56Title, paragraphs: t.n56, origin: id }).element,
  );
}
