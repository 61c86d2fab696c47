// 3. One feature: OLS, Lasso and Ridge lines over the virginica scatter.
import { h, replaceChildren } from '../ui/dom.js';
import { alphaControl, pythonBlock } from '../ui/controls.js';
import { sectionShell, card, chartBox } from '../ui/section.js';
import { frameScheduler } from '../ui/frame.js';
import * as fmt from '../ui/format.js';
import { xyChart, points, line, redraw } from '../charts/xy.js';
import * as palette from '../charts/palette.js';
import { oneFeaturePython } from '../python/one_feature.js';
import { numberBox } from '../state/controls.js';

export const id = 'one-feature';
export const navTitle = (strings) => strings.oneFeature.nav;

const REQUEST = {
  dataset: 'iris',
  where: 'species=virginica',
  target: 'sepal length (cm)',
  features: ['petal length (cm)'],
  with_data: true,
};

// The fitted line through the data's x range: the core's predictions at the
// rows, in x order.
function fittedLine(fit) {
  const xs = fit.train_indices.map((row) => fit.data.X[row][0]);
  return xs.map((x, k) => ({ x, y: fit.predictions.train[k] })).sort((a, b) => a.x - b.x);
}

export function mount(root, { reglab, strings, urlState }) {
  const s = strings.oneFeature;
  const c = strings.common;
  const shell = sectionShell(root, strings, { title: s.title, lead: s.lead });
  const lasso = alphaControl({ label: s.lassoAlpha, lo: -3, hi: 1, value: 1, onInput: () => schedule() });
  const ridge = alphaControl({ label: s.ridgeAlpha, lo: -2, hi: 3, value: 1, onInput: () => schedule() });
  const readout = h('tbody');
  const python = pythonBlock(strings);
  const box = chartBox('tall', `${s.xLabel} / ${s.yLabel}`);
  shell.body.append(
    h('div', { class: 'grid grid-2-1' },
      card(null, box.element),
      card(null,
        lasso.element,
        ridge.element,
        h('div', { class: 'table-wrap' }, h('table', { class: 'numbers readout stack' },
          h('thead', {}, h('tr', {}, s.readoutHead.map((text) => h('th', { scope: 'col', text })))),
          readout)))),
    python.element,
  );
  const chart = xyChart(box.canvas, { x: { title: s.xLabel }, y: { title: s.yLabel } });

  function alphaOf(control) {
    const value = Number(control.value);
    if (control.value === '' || !Number.isFinite(value)) throw new Error(c.notANumber(control.value));
    return value;
  }

  function update() {
    try {
      const alphas = { ols: 0, lasso: alphaOf(lasso), ridge: alphaOf(ridge) };
      const fits = Object.fromEntries(Object.entries(alphas).map(([model, alpha]) =>
        [model, reglab.regress({ ...REQUEST, model, alpha })]));
      const data = fits.ols.data.X.map((row, i) => ({ x: row[0], y: fits.ols.data.y[i] }));
      redraw(chart, [
        points(s.data, data, palette.dataFill),
        ...Object.keys(fits).map((model) => line(c.modelNames[model], fittedLine(fits[model]), palette.model[model])),
      ]);
      replaceChildren(readout, Object.entries(fits).map(([model, fit]) => {
        const slope = fit.coef[0];
        return h('tr', {},
          h('th', { scope: 'row' }, h('span', { class: `swatch swatch-${model}` }), c.modelNames[model]),
          h('td', { 'data-label': s.readoutHead[1], text: model === 'ols' ? '–' : fmt.alpha(alphas[model]) }),
          h('td', { 'data-label': s.readoutHead[2], title: fmt.full(slope) }, fmt.fixed(slope), slope === 0 ? h('span', { class: 'zero-tag', text: s.exactZero }) : null),
          h('td', { 'data-label': s.readoutHead[3], title: fmt.full(fit.intercept), text: fmt.fixed(fit.intercept) }),
          h('td', { 'data-label': s.readoutHead[4], class: 'muted', text: s.postValues[model] }));
      }));
      python.set(oneFeaturePython({ lassoAlpha: alphas.lasso, ridgeAlpha: alphas.ridge }));
      shell.message.clear();
      return true;
    } catch (error) {
      shell.message.show(error.message);
      return false;
    }
  }
  urlState?.bind(id, { lasso: numberBox(lasso), ridge: numberBox(ridge) });
  const schedule = frameScheduler(update, root);
  schedule();
}
