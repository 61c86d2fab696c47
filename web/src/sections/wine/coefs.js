// Coefficient bars: OLS next to one penalized model, exact zeros marked.
import { Chart } from '../../charts/setup.js';
import * as palette from '../../charts/palette.js';

export function coefficientChart(canvas, strings) {
  const s = strings.wine;
  let zeros = new Set();
  const chart = new Chart(canvas, {
    type: 'bar',
    data: { labels: [], datasets: [] },
    options: {
      indexAxis: 'y',
      scales: {
        x: { title: { display: true, text: s.coefAxis }, grid: { color: palette.grid } },
        y: {
          grid: { display: false },
          ticks: {
            autoSkip: false,
            color: (ctx) => (zeros.has(ctx.index) ? palette.zero : '#3d4451'),
            // Long feature names are cut on narrow screens (the tooltip has them whole).
            callback(value) {
              const label = this.getLabelForValue(value);
              const room = Math.max(10, Math.floor(this.chart.width / 28));
              return label.length > room ? `${label.slice(0, room - 1)}…` : label;
            },
            font: (ctx) => (zeros.has(ctx.index) ? { weight: 'bold' } : {}),
          },
        },
      },
      plugins: { legend: { position: 'bottom' } },
      datasets: { bar: { barPercentage: 0.9, categoryPercentage: 0.8 } },
    },
  });
  return {
    chart,
    /** features: names; ols, other: regress() results; model: name of `other` */
    update(features, ols, other, model) {
      zeros = new Set(other.coef.flatMap((c, i) => (c === 0 ? [i] : [])));
      chart.data.labels = features.map((name, i) => (zeros.has(i) ? `${name}  = 0` : name));
      chart.data.datasets = [
        { label: strings.common.modelNames.ols, data: ols.coef, backgroundColor: palette.alpha(palette.model.ols, 0.55) },
        { label: strings.common.modelNames[model], data: other.coef, backgroundColor: palette.model[model] },
      ];
      chart.update('none');
      return zeros.size;
    },
  };
}
