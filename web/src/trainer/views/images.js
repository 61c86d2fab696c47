// Pictures on canvases: grayscale images (uint8 pixels) and first-layer
// weights (a diverging colour map, one tile per hidden unit).
import { h } from '../../ui/dom.js';

/** One grayscale image, `scale` screen pixels per image pixel (ink dark on white, as the post plots). */
export function grayCanvas(pixels, rows, cols, { scale = 2, label = '' } = {}) {
  const canvas = h('canvas', { width: cols, height: rows, class: 'px-image', role: 'img', 'aria-label': label });
  canvas.style.width = `${cols * scale}px`;
  canvas.style.height = `${rows * scale}px`;
  const ctx = canvas.getContext('2d');
  const image = ctx.createImageData(cols, rows);
  for (let i = 0; i < rows * cols; ++i) {
    const v = 255 - pixels[i];
    image.data[4 * i] = v;
    image.data[4 * i + 1] = v;
    image.data[4 * i + 2] = v;
    image.data[4 * i + 3] = 255;
  }
  ctx.putImageData(image, 0, 0);
  return canvas;
}

// Blue (negative) - white (0) - red (positive), t in [-1, 1].
function diverging(t) {
  const a = Math.min(1, Math.abs(t));
  return t < 0
    ? [Math.round(255 - a * (255 - 33)), Math.round(255 - a * (255 - 102)), Math.round(255 - a * (255 - 172))]
    : [Math.round(255 - a * (255 - 178)), Math.round(255 - a * (255 - 24)), Math.round(255 - a * (255 - 43))];
}

/**
 * The first layer's weights: `units` tiles of rows x cols, `perRow` tiles a
 * row, 1 px between tiles. Each tile is scaled by its own largest |w|.
 * values: Float32Array (units, rows * cols).
 */
export function drawWeights(canvas, { values, units, rows, cols }, { perRow = 16, gap = 1 } = {}) {
  const size = rows * cols;
  const gridRows = Math.ceil(units / perRow);
  canvas.width = perRow * (cols + gap) - gap;
  canvas.height = gridRows * (rows + gap) - gap;
  const ctx = canvas.getContext('2d');
  const image = ctx.createImageData(canvas.width, canvas.height);
  image.data.fill(255);
  for (let u = 0; u < units; ++u) {
    let max = 1e-12;
    for (let i = 0; i < size; ++i) max = Math.max(max, Math.abs(values[u * size + i]));
    const x0 = (u % perRow) * (cols + gap);
    const y0 = Math.floor(u / perRow) * (rows + gap);
    for (let r = 0; r < rows; ++r) {
      for (let c = 0; c < cols; ++c) {
        const [R, G, B] = diverging(values[u * size + r * cols + c] / max);
        const p = 4 * ((y0 + r) * canvas.width + x0 + c);
        image.data[p] = R;
        image.data[p + 1] = G;
        image.data[p + 2] = B;
      }
    }
  }
  ctx.putImageData(image, 0, 0);
}
