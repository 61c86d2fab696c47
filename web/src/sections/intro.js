// 1. Normalization vs regularization: words and a comparison table.
import { h } from '../ui/dom.js';

export const id = 'intro';
export const navTitle = (strings) => strings.intro.nav;

export function mount(root, { strings }) {
  const s = strings.intro;
  const [head, ...rows] = [s.tableHead, ...s.tableRows];
  root.append(
    h('h2', { text: s.title }),
    ...s.paragraphs.map((text, i) => h('p', { class: i === 0 ? 'lead' : null, text })),
    h('div', { class: 'table-wrap' }, h('table', { class: 'compare' },
      h('thead', {}, h('tr', {}, head.map((text) => h('th', { scope: 'col', text })))),
      h('tbody', {}, rows.map(([name, a, b]) => h('tr', {}, h('th', { scope: 'row', text: name }), h('td', { text: a }), h('td', { text: b })))))),
  );
}
