// An x-y chart (points and lines) whose datasets are replaced wholesale on
// each update. Data are [{x, y}] arrays (parsing: false).
import { Chart } from './setup.js';
import * as palette from './palette.js';

function axis({ title, type = 'linear', min, max, grace } = {}) {
  return {
    type,
    min,
    max,
    grace,
    title: { display: Boolean(title), text: title },
    grid: { color: palette.grid },
    ticks: type === 'logarithmic' ? { callback: logTick } : { maxTicksLimit: 7 },
  };
}

// Label only the powers of ten on a log axis.
function logTick(value) {
  const exponent = Math.log10(value);
  return Math.abs(exponent - Math.round(exponent)) < 1e-9 ? `1e${Math.round(exponent)}` : '';
}

/**
 * canvas: a <canvas>; options: { x: {title, type, min, max}, y: {...},
 * legend: bool, tooltips: bool, plugins: inline Chart.js plugins }.
 */
export function xyChart(canvas, { x, y, legend = true, tooltips = true, plugins = [] } = {}) {
  return new Chart(canvas, {
    type: 'scatter',
    plugins,
    data: { datasets: [] },
    options: {
      parsing: false,  // data are {x, y} already, sorted by x unless limits are set
      scales: { x: axis(x), y: axis(y) },
      plugins: {
        // Datasets without a label (helper lines) stay out of the legend.
        legend: { display: legend, position: 'bottom', labels: { filter: (item) => Boolean(item.text) } },
        tooltip: { enabled: tooltips },
      },
      elements: { point: { radius: 3, hoverRadius: 4 }, line: { borderWidth: 2 } },
    },
  });
}

/**
 * Points of a scatter dataset, sorted by x: with parsing off Chart.js takes
 * the data as sorted and reads the x range from the first and last points.
 */
export const points = (label, data, color, extra = {}) => ({
  type: 'scatter', label, data: [...data].sort((a, b) => a.x - b.x), backgroundColor: color, borderColor: color, pointRadius: 3, ...extra,
});

/**
 * A polyline through `data` in order. Outlines that turn back in x (balls,
 * contours) need explicit x limits on the chart (see above).
 */
export const line = (label, data, color, extra = {}) => ({
  type: 'line', label, data, borderColor: color, backgroundColor: color, pointRadius: 0,
  borderWidth: 2, showLine: true, fill: false, tension: 0, ...extra,
});

/**
 * Axis limits that give both axes the same units per pixel, covering at
 * least `view` ({x: [min, max], y: [min, max]}) around its centre, for the
 * chart's current plot area (circles then look like circles).
 */
export function equalLimits(chart, view) {
  const area = chart.chartArea;
  const width = area ? area.right - area.left : 1;
  const height = area ? area.bottom - area.top : 1;
  const [x0, x1] = view.x;
  const [y0, y1] = view.y;
  const perPixel = Math.max((x1 - x0) / width, (y1 - y0) / height);
  const cx = (x0 + x1) / 2;
  const cy = (y0 + y1) / 2;
  return {
    x: { min: cx - (perPixel * width) / 2, max: cx + (perPixel * width) / 2 },
    y: { min: cy - (perPixel * height) / 2, max: cy + (perPixel * height) / 2 },
  };
}

/**
 * An x-y chart with equal units on both axes, showing at least `view`. The
 * limits follow the plot area's shape, also when the chart is resized.
 */
export function equalAxesChart(canvas, view, options) {
  const chart = xyChart(canvas, options);
  for (const id of ['x', 'y']) chart.options.scales[id].ticks.includeBounds = false;
  const fit = () => {
    const limits = equalLimits(chart, view);
    for (const id of ['x', 'y']) Object.assign(chart.options.scales[id], limits[id]);
  };
  // Chart.js lays out the new size after onResize: refit on the next frame.
  chart.options.onResize = () => requestAnimationFrame(() => { fit(); chart.update('none'); });
  fit();
  chart.update('none');  // lays out the plot area
  fit();
  return chart;
}

/** Replaces the datasets (and optionally axis limits) and redraws once. */
export function redraw(chart, datasets, limits) {
  chart.data.datasets = datasets;
  if (limits) {
    for (const [id, { min, max }] of Object.entries(limits)) {
      chart.options.scales[id].min = min;
      chart.options.scales[id].max = max;
    }
  }
  chart.update('none');
}
