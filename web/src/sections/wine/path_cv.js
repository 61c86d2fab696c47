// The regularization path (coefficients vs alpha) and the cross-validation
// curve (mean +- std validation MSE vs alpha), with the current alpha marked.
import { xyChart, line, points, redraw } from '../../charts/xy.js';
import * as palette from '../../charts/palette.js';

const range = (values) => {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
  const pad = (hi - lo) * 0.05 || 1e-3;
  return { min: lo - pad, max: hi + pad };
};

const marker = (label, alpha, { min, max }) =>
  line(label, [{ x: alpha, y: min }, { x: alpha, y: max }], '#212529', { borderDash: [4, 4], borderWidth: 1 });

export function pathChart(canvas, strings) {
  const s = strings.wine;
  const chart = xyChart(canvas, { x: { title: s.logAlpha, type: 'logarithmic' }, y: { title: s.coefAxis } });
  chart.options.plugins.legend.labels.font = { size: 11 };
  return {
    chart,
    update(features, path, alpha) {
      const y = range(path.coefs.flat());
      redraw(chart, [
        ...features.map((name, j) => line(name, path.alphas.map((a, i) => ({ x: a, y: path.coefs[i][j] })), palette.categorical(j), { borderWidth: 1.5 })),
        marker(s.currentAlpha, alpha, y),
      ], { y });
    },
  };
}

export function cvChart(canvas, strings) {
  const s = strings.wine;
  const chart = xyChart(canvas, { x: { title: s.logAlpha, type: 'logarithmic' }, y: { title: s.mseAxis } });
  chart.options.plugins.legend.labels.filter = (item) => item.datasetIndex !== 0;  // one entry for the band
  return {
    chart,
    update(cv, alpha, model) {
      const color = palette.model[model];
      const upper = cv.alphas.map((a, i) => ({ x: a, y: cv.mean_mse[i] + cv.std_mse[i] }));
      const lower = cv.alphas.map((a, i) => ({ x: a, y: cv.mean_mse[i] - cv.std_mse[i] }));
      const y = range([...upper.map((p) => p.y), ...lower.map((p) => p.y)]);
      redraw(chart, [
        line(s.cvBand, upper, palette.alpha(color, 0.25), { borderWidth: 0, fill: false }),
        line(s.cvBand, lower, palette.alpha(color, 0.25), { borderWidth: 0, fill: '-1', backgroundColor: palette.alpha(color, 0.18) }),
        line(s.cvMean, cv.alphas.map((a, i) => ({ x: a, y: cv.mean_mse[i] })), color),
        points(s.cvBestShort, [{ x: cv.best_alpha, y: cv.mean_mse[cv.best_index] }], color, { pointRadius: 6, pointStyle: 'star', borderWidth: 2 }),
        marker(s.currentAlpha, alpha, y),
      ], { y });
    },
  };
}
