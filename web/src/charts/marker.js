// A dashed vertical line at x = value ("current alpha"), drawn by a plugin so
// that moving it needs only a redraw, not a Chart.js update of every dataset.
export const verticalMarker = {
  id: 'reglabMarker',
  afterDatasetsDraw(chart, _args, options) {
    const { value, color = '#212529', label } = options;
    if (!Number.isFinite(value)) return;
    const { x: scale } = chart.scales;
    const px = scale.getPixelForValue(value);
    const { top, bottom, left, right } = chart.chartArea;
    if (px < left || px > right) return;
    const ctx = chart.ctx;
    ctx.save();
    ctx.strokeStyle = color;
    ctx.lineWidth = 1;
    ctx.setLineDash([4, 4]);
    ctx.beginPath();
    ctx.moveTo(px, top);
    ctx.lineTo(px, bottom);
    ctx.stroke();
    if (label) {
      ctx.setLineDash([]);
      ctx.fillStyle = color;
      ctx.font = '11px system-ui, sans-serif';
      ctx.textAlign = px > (left + right) / 2 ? 'right' : 'left';
      ctx.fillText(label, px + (ctx.textAlign === 'left' ? 4 : -4), top + 12);
    }
    ctx.restore();
  },
};

/** Moves the marker of `chart` to `value` and redraws without an update. */
export function moveMarker(chart, value, label) {
  Object.assign(chart.options.plugins.reglabMarker, { value, label });
  chart.draw();
}
