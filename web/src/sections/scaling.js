// 2. Scaling: one species' petal length vs sepal length, raw, min-max and z-score.
import { h } from '../ui/dom.js';
import { select, pythonBlock } from '../ui/controls.js';
import { sectionShell, card, chartBox } from '../ui/section.js';
import { frameScheduler } from '../ui/frame.js';
import { xyChart, points, redraw } from '../charts/xy.js';
import * as palette from '../charts/palette.js';
import { scalingPython } from '../python/scaling.js';
import { selectBox } from '../state/controls.js';

export const id = 'scaling';
export const navTitle = (strings) => strings.scaling.nav;

const X = 'petal length (cm)';
const Y = 'sepal length (cm)';
const SPECIES = ['setosa', 'versicolor', 'virginica'];

export function mount(root, { reglab, strings, urlState }) {
  const s = strings.scaling;
  const shell = sectionShell(root, strings, { title: s.title, lead: s.lead });
  const species = select({
    label: s.species,
    options: SPECIES.map((name) => ({ value: name, label: name })),
    value: 'virginica',
    onInput: () => schedule(),
  });
  const count = h('p', { class: 'note' });
  const python = pythonBlock(strings);
  const views = [
    { kind: 'none', title: s.raw },
    { kind: 'minmax', title: s.minmax },
    { kind: 'zscore', title: s.zscore },
  ].map((view) => {
    const box = chartBox('small', `${s.xLabel} / ${s.yLabel}: ${view.title}`);
    return { ...view, box, element: card(view.title, box.element) };
  });
  shell.body.append(
    h('div', { class: 'controls' }, species.element, count),
    h('div', { class: 'grid grid-3' }, views.map((v) => v.element)),
    python.element,
  );
  for (const view of views) {
    view.chart = xyChart(view.box.canvas, { x: { title: s.xLabel }, y: { title: s.yLabel }, legend: false });
  }

  function update() {
    try {
      const raw = reglab.csvColumns({ dataset: 'iris', where: `species=${species.value}`, names: [X, Y] });
      const scaled = views.map((view) => (view.kind === 'none' ? raw : reglab.scaleColumns(raw, view.kind)));
      views.forEach((view, i) => {
        const [xs, ys] = scaled[i];
        redraw(view.chart, [points(view.title, xs.map((x, k) => ({ x, y: ys[k] })), palette.dataFill)]);
      });
      count.textContent = s.rows(raw[0].length);
      python.set(scalingPython({ species: species.value }));
      shell.message.clear();
      return true;
    } catch (error) {
      shell.message.show(error.message);
      return false;
    }
  }
  urlState?.bind(id, { species: selectBox(species) });
  const schedule = frameScheduler(update, root);
  schedule();
}
