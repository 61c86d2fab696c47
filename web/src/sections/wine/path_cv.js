// The regularization path (coefficients vs alpha) and the cross-validation
// curve (mean +- std validation MSE vs alpha). The current alpha is a marker
// that moves without rebuilding the curves.
import { xyChart, line, points, redraw } from '../../charts/xy.js';
import { verticalMarker, moveMarker } from '../../charts/marker.js';
import * as palette from '../../charts/palette.js';
import * as fmt from '../../ui/format.js';

const range = (values) => {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
  const pad = (hi - lo) * 0.05 || 1e-3;
  return { min: lo - pad, max: hi + pad };
};

function markerChart(canvas, options) {
  const chart = xyChart(canvas, { ...options, plugins: [verticalMarker] });
  chart.options.plugins.reglabMarker = { value: NaN };
  return chart;
}

// Draws `curves` only when they are new; the marker moves either way.
function markedChart(chart, strings) {
  let drawnCurves = null;
  return (curves, alpha, build) => {
    const label = `${strings.wine.currentAlpha} ${fmt.alpha(alpha)}`;
    if (curves !== drawnCurves) {
      Object.assign(chart.options.plugins.reglabMarker, { value: alpha, label });
      build();
      drawnCurves = curves;
    } else {
      moveMarker(chart, alpha, label);
    }
  };
}

export function pathChart(canvas, strings) {
  const s = strings.wine;
  const chart = markerChart(canvas, { x: { title: s.logAlpha, type: 'logarithmic' }, y: { title: s.coefAxis } });
  chart.options.plugins.legend.labels.font = { size: 11 };
  const draw = markedChart(chart, strings);
  return {
    chart,
    update(features, path, alpha) {
      draw(path, alpha, () => redraw(chart,
        features.map((name, j) => line(name, path.alphas.map((a, i) => ({ x: a, y: path.coefs[i][j] })), palette.categorical(j), { borderWidth: 1.5 })),
        { y: range(path.coefs.flat()) }));
    },
  };
}

export function cvChart(canvas, strings) {
  const s = strings.wine;
  const chart = markerChart(canvas, { x: { title: s.logAlpha, type: 'logarithmic' }, y: { title: s.mseAxis } });
  chart.options.plugins.legend.labels.filter = (item) => item.datasetIndex !== 0;  // one entry for the band
  const draw = markedChart(chart, strings);
  return {
    chart,
    update(cv, alpha, model) {
      draw(cv, alpha, () => {
        const color = palette.model[model];
        const upper = cv.alphas.map((a, i) => ({ x: a, y: cv.mean_mse[i] + cv.std_mse[i] }));
        const lower = cv.alphas.map((a, i) => ({ x: a, y: cv.mean_mse[i] - cv.std_mse[i] }));
        redraw(chart, [
          line(s.cvBand, upper, palette.alpha(color, 0.25), { borderWidth: 0, fill: false }),
          line(s.cvBand, lower, palette.alpha(color, 0.25), { borderWidth: 0, fill: '-1', backgroundColor: palette.alpha(color, 0.18) }),
          line(s.cvMean, cv.alphas.map((a, i) => ({ x: a, y: cv.mean_mse[i] })), color),
          points(s.cvBestShort, [{ x: cv.best_alpha, y: cv.mean_mse[cv.best_index] }], color, { pointRadius: 6, pointStyle: 'star', borderWidth: 2 }),
        ], { y: range([...upper.map((p) => p.y), ...lower.map((p) => p.y)]) });
      });
    },
  };
}
