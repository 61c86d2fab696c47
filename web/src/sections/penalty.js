// 6. L1 vs L2: loss contours against the diamond and the circle; where each
// constrained optimum lands, and why L1's lands on an axis.
import { h, replaceChildren } from '../ui/dom.js';
import { slider, pythonBlock } from '../ui/controls.js';
import { sectionShell, card, chartBox } from '../ui/section.js';
import { frameScheduler } from '../ui/frame.js';
import * as fmt from '../ui/format.js';
import { equalAxesChart, line, points, redraw } from '../charts/xy.js';
import * as palette from '../charts/palette.js';
import { penaltyPython } from '../python/penalty.js';
import { sliderBox } from '../state/controls.js';

export const id = 'penalty';
export const navTitle = (strings) => strings.penalty.nav;

const LEVELS = [0.25, 1, 2.25, 4, 6.25, 9];  // loss contours drawn for context
const VIEW = { x: [-2.5, 3.5], y: [-2.5, 3.5] };
const SAME_L1 = [[1, 1, 1, 1, 1], [5, 0, 0, 0, 0]];  // the post's example

export function mount(root, { reglab, strings, urlState }) {
  const s = strings.penalty;
  const shell = sectionShell(root, strings, { title: s.title, lead: s.lead });
  const schedule = frameScheduler(update, root);
  const onInput = () => schedule();
  const f2 = (x) => x.toFixed(2);

  const budget = slider({ label: s.budget, min: 0.1, max: 3, step: 0.01, value: 1, format: f2, onInput });
  const c1 = slider({ label: s.center1, min: -2, max: 3, step: 0.01, value: 2, format: f2, onInput });
  const c2 = slider({ label: s.center2, min: -2, max: 3, step: 0.01, value: 1, format: f2, onInput });
  const rho = slider({ label: s.correlation, min: -0.9, max: 0.9, step: 0.01, value: 0.5, format: f2, onInput });
  const readout = h('tbody');
  const box = chartBox('square-lg', s.title);
  const python = pythonBlock(strings);
  const sameL1 = h('tbody');

  shell.body.append(
    h('div', { class: 'grid grid-3-2' },
      card(null, box.element),
      card(null,
        budget.element, c1.element, c2.element, rho.element,
        h('div', { class: 'table-wrap' }, h('table', { class: 'numbers readout stack' },
          h('thead', {}, h('tr', {}, s.readoutHead.map((text) => h('th', { scope: 'col', text })))),
          readout)),
        h('h3', { text: s.sameL1Title }),
        h('p', { class: 'note', text: s.sameL1Lead }),
        h('div', { class: 'table-wrap' }, h('table', { class: 'numbers same-l1' },
          h('thead', {}, h('tr', {}, s.sameL1Head.map((text) => h('th', { scope: 'col', text })))),
          sameL1)))),
    python.element,
  );
  const chart = equalAxesChart(box.canvas, VIEW, { x: { title: 'w₁' }, y: { title: 'w₂' }, tooltips: false });

  // The post's two vectors never change: their norms are computed once.
  replaceChildren(sameL1, SAME_L1.map((x) => h('tr', {},
    h('th', { scope: 'row' }, h('code', { text: `[${x.join(', ')}]` })),
    h('td', { text: fmt.full(reglab.vectorNorm(x, 1)) }),
    h('td', { text: `${fmt.full(reglab.vectorNorm(x, 2))}${x[1] === 1 ? ' = √5' : ''}` }))));

  function optimumRow(label, model, optimum) {
    const cell = (w, i) => (w === 0
      ? h('td', { 'data-label': s.readoutHead[i + 1], class: 'zero', title: s.zeroNote }, h('span', { class: 'zero-tag', text: s.exactZero }))
      : h('td', { 'data-label': s.readoutHead[i + 1], text: fmt.fixed(w, 4) }));
    return h('tr', {},
      h('th', { scope: 'row' }, h('span', { class: `swatch swatch-${model}` }), label),
      cell(optimum.w[0], 0), cell(optimum.w[1], 1),
      h('td', { 'data-label': s.readoutHead[3], text: optimum.on_boundary ? fmt.fixed(optimum.loss, 4) : s.inside }));
  }

  urlState?.bind(id, { budget: sliderBox(budget), c1: sliderBox(c1), c2: sliderBox(c2), rho: sliderBox(rho) });

  function update() {
    try {
      const r = rho.value;
      const request = { center: [c1.value, c2.value], H: [[1, r], [r, 1]], budget: budget.value, levels: LEVELS, points: 257 };
      const picture = reglab.penaltyGeometry(request);
      const l1Color = palette.model.lasso;
      const l2Color = palette.model.ridge;
      redraw(chart, [
        ...picture.contours.map((contour, i) => line(i === 0 ? s.contours : '', contour, '#ced4da', { borderWidth: 1 })),
        line(s.l1Region, picture.diamond, l1Color, { borderWidth: 2, fill: 'shape', backgroundColor: palette.alpha(l1Color, 0.12) }),
        line(s.l2Region, picture.circle, l2Color, { borderWidth: 2, fill: 'shape', backgroundColor: palette.alpha(l2Color, 0.1) }),
        picture.l1.on_boundary ? line('', picture.l1_contour, l1Color, { borderWidth: 1, borderDash: [5, 4] }) : null,
        picture.l2.on_boundary ? line('', picture.l2_contour, l2Color, { borderWidth: 1, borderDash: [5, 4] }) : null,
        points(s.ols, [{ x: request.center[0], y: request.center[1] }], '#212529', { pointStyle: 'star', pointRadius: 9, borderWidth: 2 }),
        points(s.l1Opt, [{ x: picture.l1.w[0], y: picture.l1.w[1] }], l1Color, { pointRadius: 6, pointStyle: 'rectRot' }),
        points(s.l2Opt, [{ x: picture.l2.w[0], y: picture.l2.w[1] }], l2Color, { pointRadius: 6 }),
      ].filter(Boolean));
      replaceChildren(readout,
        optimumRow(s.l1Short, 'lasso', picture.l1),
        optimumRow(s.l2Short, 'ridge', picture.l2));
      python.set(penaltyPython(request));
      shell.message.clear();
      return true;
    } catch (error) {
      shell.message.show(error.message);
      return false;
    }
  }
  schedule();
}
