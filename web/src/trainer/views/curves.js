// Learning curves: loss and accuracy (train solid, validation dashed) and the
// generalization gap (validation loss - training loss) with each run's best
// epoch marked. Our runs are drawn in full colour, the post's Keras runs
// faded behind them.
//
// A source: {kind: 'ours' | 'post', label, color, history: [{epoch, loss,
// accuracy, val_loss, val_accuracy}], tail?: {x, loss, accuracy} (the epoch
// in progress, x fractional), best_epoch?}
import { h } from '../../ui/dom.js';
import { card, chartBox } from '../../ui/section.js';
import { xyChart, line, points } from '../../charts/xy.js';
import * as palette from '../../charts/palette.js';

const DASH = [6, 4];

function series(source, key, t) {
  const data = source.history.filter((m) => m[key] !== null && m[key] !== undefined).map((m) => ({ x: m.epoch, y: m[key] }));
  if (source.tail && (key === 'loss' || key === 'accuracy')) data.push({ x: source.tail.x, y: source.tail[key] });
  const ours = source.kind === 'ours';
  const val = key.startsWith('val_');
  const few = source.history.length <= 30;
  const last = data.length - 1;
  return line(`${source.label}: ${val ? t.validation : t.train}`, data, ours ? source.color : palette.alpha(source.color, 0.4), {
    borderDash: val ? DASH : [],
    borderWidth: ours ? 2 : 1.5,
    pointRadius: ours ? (ctx) => (source.tail && ctx.dataIndex === last && !val ? 3.5 : few ? 2 : 0) : 0,
    order: ours ? 1 : 2,
  });
}

function gapSeries(source, t) {
  const data = source.history.filter((m) => m.val_loss !== null).map((m) => ({ x: m.epoch, y: m.val_loss - m.loss }));
  const ours = source.kind === 'ours';
  const out = [line(`${source.label}: ${t.gap}`, data, ours ? source.color : palette.alpha(source.color, 0.4), {
    borderWidth: ours ? 2 : 1.5, pointRadius: ours && source.history.length <= 30 ? 2 : 0, order: ours ? 1 : 2,
  })];
  const best = ours && source.best_epoch ? data.find((p) => p.x === source.best_epoch) : null;
  if (best) {
    out.push(points(`${source.label}: ${t.bestEpoch(best.x)}`, [best], source.color, {
      pointStyle: 'triangle', pointRadius: 8, pointHoverRadius: 9, order: 0,
    }));
  }
  return out;
}

/**
 * Three charts in a grid. Returns {element, update(sources, {xMax})}.
 * t: strings.trainer.curves.
 */
export function curvesView(t) {
  const boxes = {
    loss: chartBox('wide', t.lossTitle),
    accuracy: chartBox('wide', t.accuracyTitle),
    gap: chartBox('wide', t.gapTitle),
  };
  const gapNote = h('p', { class: 'note gap-note', text: t.noValidation, hidden: true });
  const gapCard = card(t.gapTitle, boxes.gap.element);
  const grid = h('div', { class: 'grid grid-3 curves' },
    card(t.lossTitle, boxes.loss.element),
    card(t.accuracyTitle, boxes.accuracy.element),
    gapCard);
  // One legend for the three charts: a swatch per run, then the line styles.
  const legend = h('div', { class: 'curves-legend' });
  const element = h('div', { class: 'curves-view' }, legend, grid, gapNote);
  let legendKey = '';
  function drawLegend(sources) {
    const key = sources.map((s) => `${s.kind}|${s.label}|${s.color}`).join(';');
    if (key === legendKey) return;
    legendKey = key;
    legend.replaceChildren(
      ...sources.map((s) => h('span', { class: `legend-item legend-${s.kind}` },
        h('span', { class: 'legend-line', style: `border-color:${s.kind === 'post' ? palette.alpha(s.color, 0.45) : s.color}` }), s.label)),
      sources.length ? h('span', { class: 'legend-key', text: [
        t.legendKey.train,
        t.legendKey.validation,
        sources.some((s) => s.kind === 'post') ? t.legendKey.post : null,
        sources.some((s) => s.expectValidation) ? t.legendKey.best : null,
      ].filter(Boolean).join(' · ') }) : null);
  }
  let charts = null;

  function make() {
    const legend = { legend: false, tooltips: true };
    charts = {
      loss: xyChart(boxes.loss.canvas, { x: { title: t.epoch, min: 0 }, y: { title: t.loss, min: 0 }, ...legend }),
      accuracy: xyChart(boxes.accuracy.canvas, { x: { title: t.epoch, min: 0 }, y: { title: t.accuracy, max: 1 }, ...legend }),
      gap: xyChart(boxes.gap.canvas, { x: { title: t.epoch, min: 0 }, y: { title: t.gapAxis }, ...legend }),
    };
  }

  return {
    element,
    /** Redraws all three charts from `sources` (one Chart.js update each). */
    update(sources, { xMax } = {}) {
      if (!charts) make();
      const set = (chart, datasets) => {
        chart.data.datasets = datasets;
        chart.options.scales.x.max = xMax;
        chart.update('none');
      };
      const ours = sources.filter((s) => s.kind === 'ours');
      drawLegend(sources);
      const ordered = [...ours, ...sources.filter((s) => s.kind === 'post')];
      set(charts.loss, ordered.flatMap((s) => [series(s, 'loss', t), series(s, 'val_loss', t)]).filter((d) => d.data.length));
      set(charts.accuracy, ordered.flatMap((s) => [series(s, 'accuracy', t), series(s, 'val_accuracy', t)]).filter((d) => d.data.length));
      // Without a validation split there is no gap: two charts and a note.
      const withVal = ordered.filter((s) => s.history.some((m) => m.val_loss !== null));
      const noGap = withVal.length === 0 && !sources.some((s) => s.expectValidation);
      gapNote.hidden = !noGap;
      gapCard.hidden = noGap;
      grid.classList.toggle('grid-3', !noGap);
      grid.classList.toggle('grid-2', noGap);
      set(charts.gap, withVal.flatMap((s) => gapSeries(s, t)));
    },
    /** The Chart.js instances (tests read how many points are drawn). */
    get charts() {
      return charts;
    },
  };
}
