// The models' test errors, and the comparison with the numbers the post printed.
import { h, replaceChildren } from '../../ui/dom.js';
import * as fmt from '../../ui/format.js';

export const MODELS = ['ols', 'lasso', 'ridge', 'elasticnet'];

// What the post printed (scikit-learn, test_size 0.3, random_state 101, no scaling).
export const POST = {
  settings: { test_size: 0.3, seed: 101, scaling: 'none', lassoAlpha: 0.05 },
  ols: { mae: 0.25128973939722626, mse: 0.1062458740952556, rmse: 0.32595379134971814 },
  lasso: { mae: 0.24233731936122138, mse: 0.0955956894578189, rmse: 0.3091855259513597 },
};

const six = (x) => fmt.fixed(x, 6);

export function resultsTable(strings) {
  const s = strings.wine;
  const body = h('tbody');
  const label = (i) => s.tableHead[i];  // shown beside each value on narrow screens
  const element = h('div', { class: 'table-wrap' }, h('table', { class: 'numbers results stack' },
    h('thead', {}, h('tr', {}, s.tableHead.map((text) => h('th', { scope: 'col', text })))),
    body));
  return {
    element,
    /** fits: { model: regress() result }, alphas: { model: number } */
    update(fits, alphas) {
      replaceChildren(body, MODELS.map((model) => {
        const fit = fits[model];
        const t = fit.test ?? fit.train;
        const nonZero = fit.coef.filter((c) => c !== 0).length;
        return h('tr', { dataset: { model } },
          h('th', { scope: 'row' }, h('span', { class: `swatch swatch-${model}` }), strings.common.modelNames[model]),
          h('td', { 'data-label': label(1), text: model === 'ols' ? '–' : fmt.alpha(alphas[model]) }),
          h('td', { 'data-label': label(2), class: 'mae', title: fmt.full(t.mae), text: six(t.mae) }),
          h('td', { 'data-label': label(3), title: fmt.full(t.mse), text: six(t.mse) }),
          h('td', { 'data-label': label(4), title: fmt.full(t.rmse), text: six(t.rmse) }),
          h('td', { 'data-label': label(5), text: fmt.fixed(t.r2, 4) }),
          h('td', { 'data-label': label(6), text: `${nonZero} / ${fit.coef.length}` }),
          h('td', { 'data-label': label(7), class: fit.converged ? null : 'warn', title: fit.converged ? null : s.notConverged,
            text: fit.n_iter === null ? s.closedForm : String(fit.n_iter) }));
      }));
    },
  };
}

/** The post's printed MAEs next to this lab's, at the post's settings (computed once). */
export function postComparison(strings, reglab) {
  const s = strings.wine;
  const request = { dataset: 'wine', target: 'target', test_size: 0.3, seed: 101 };
  const ours = {
    ols: reglab.regress({ ...request, model: 'ols' }).test,
    lasso: reglab.regress({ ...request, model: 'lasso', alpha: 0.05 }).test,
  };
  const row = (label, model) => {
    const mine = ours[model].mae;
    const post = POST[model].mae;
    return h('tr', { dataset: { model } },
      h('th', { scope: 'row', text: label }),
      h('td', { 'data-label': s.postHead[1], class: 'ours', text: fmt.full(mine) }),
      h('td', { 'data-label': s.postHead[2], class: 'post', text: fmt.full(post) }),
      h('td', { 'data-label': s.postHead[3], text: (mine - post).toExponential(1) }));
  };
  return h('div', { class: 'post-compare' },
    h('h4', { text: s.postTitle }),
    h('div', { class: 'table-wrap' }, h('table', { class: 'numbers stack' },
      h('thead', {}, h('tr', {}, s.postHead.map((text) => h('th', { scope: 'col', text })))),
      h('tbody', {}, row(s.postOls, 'ols'), row(s.postLasso, 'lasso')))));
}
