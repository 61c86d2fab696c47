// Legend keys that show how each dataset is drawn: a line with its dash
// pattern (so the legend, too, tells lines apart without colour), a point
// with its marker, a bar or filled shape as a box. Each key is a small canvas
// handed to Chart.js as the item's pointStyle (usePointStyle in setup.js).
import { drawPoint } from 'chart.js/helpers';

export const KEY_WIDTH = 28;
const KEY_HEIGHT = 14;
const keys = new Map();  // style -> canvas, shared by every chart of the page

function key(style, draw) {
  const id = JSON.stringify(style);
  if (!keys.has(id)) {
    // Drawn synchronously (an <img> from a data URL would be blank on the first draw).
    const canvas = document.createElement('canvas');
    canvas.width = KEY_WIDTH;
    canvas.height = KEY_HEIGHT;
    draw(canvas.getContext('2d'), style);
    keys.set(id, canvas);
  }
  return keys.get(id);
}

function drawLine(ctx, { color, width, dash }) {
  ctx.strokeStyle = color;
  ctx.lineWidth = Math.min(3, Math.max(1.5, width));
  ctx.setLineDash(dash);
  ctx.beginPath();
  ctx.moveTo(1, KEY_HEIGHT / 2);
  ctx.lineTo(KEY_WIDTH - 1, KEY_HEIGHT / 2);
  ctx.stroke();
}

function drawBox(ctx, { fill, color }) {
  ctx.fillStyle = fill;
  ctx.fillRect(KEY_WIDTH / 2 - 8, 2, 16, KEY_HEIGHT - 4);
  if (color) {
    ctx.strokeStyle = color;
    ctx.lineWidth = 1.5;
    ctx.strokeRect(KEY_WIDTH / 2 - 8, 2, 16, KEY_HEIGHT - 4);
  }
}

function drawMarker(ctx, { fill, color, pointStyle }) {
  ctx.fillStyle = fill;
  ctx.strokeStyle = color;
  drawPoint(ctx, { pointStyle, radius: pointStyle === 'star' ? 6 : 4.5, borderWidth: 1, rotation: 0 }, KEY_WIDTH / 2, KEY_HEIGHT / 2);
}

const isLine = (ds) => ds.type === 'line' || ds.showLine === true;
const isFilled = (ds) => ds.fill !== undefined && ds.fill !== false;
const plain = (value, fallback) => (typeof value === 'string' ? value : fallback);

/** The legend key of one dataset (a canvas for pointStyle), or null to keep Chart.js' own. */
export function legendKey(ds, chartType) {
  if (typeof document === 'undefined') return null;
  const color = plain(ds.borderColor, null);
  const fill = plain(ds.backgroundColor, color);
  if (!fill && !color) return null;
  if (isLine(ds) && !isFilled(ds)) return key({ kind: 'line', color, width: ds.borderWidth ?? 2, dash: ds.borderDash ?? [] }, drawLine);
  if (isLine(ds) || (ds.type ?? chartType) === 'bar') return key({ kind: 'box', fill, color: isLine(ds) ? color : null }, drawBox);
  const pointStyle = typeof ds.pointStyle === 'string' ? ds.pointStyle : 'circle';
  return key({ kind: 'marker', fill, color: color ?? fill, pointStyle }, drawMarker);
}

/** Wraps Chart.js' generateLabels: each item gets its dataset's key. */
export function withKeys(generateLabels) {
  return function generate(chart) {
    return generateLabels.call(this, chart).map((item) => {
      const ds = chart.data.datasets[item.datasetIndex];
      const image = ds && legendKey(ds, chart.config.type);
      return image ? { ...item, pointStyle: image } : item;
    });
  };
}
