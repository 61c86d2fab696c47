// Learning curves: loss and accuracy (train solid, validation dashed) and the
// generalization gap (validation loss - training loss) with each run's best
// epoch marked. Our runs are drawn in full colour, the post's Keras runs
// faded behind them.
//
// A source: {kind: 'ours' | 'post', label, color, history: [{epoch, loss,
// accuracy, val_loss, val_accuracy}], tail?: {x, loss, accuracy} (the epoch
// in progress, x fractional), best_epoch?}
import { h, uid } from '../../ui/dom.js';
import { card, chartBox } from '../../ui/section.js';
import { xyChart, line, points } from '../../charts/xy.js';
import * as palette from '../../charts/palette.js';

const DASH = [6, 4];
// Long curves (200 epochs) are thinned to about this many points for the
// screen: the same picture at a fraction of Chart.js' work per update.
const MAX_POINTS = 50;

function thin(data) {
  if (data.length <= MAX_POINTS) return data;
  const k = Math.ceil(data.length / MAX_POINTS);
  return data.filter((_, i) => i % k === 0 || i === data.length - 1);
}

// The post's curves never change: their points are computed once.
const postPoints = new WeakMap();  // history array -> {key: points}

function pointsOf(source, key) {
  const make = () => thin(source.history.filter((m) => m[key] !== null && m[key] !== undefined).map((m) => ({ x: m.epoch, y: m[key] })));
  if (source.kind !== 'post') return make();
  if (!postPoints.has(source.history)) postPoints.set(source.history, {});
  const cache = postPoints.get(source.history);
  return (cache[key] ??= make());
}

// A curve; for our runs also the live point of the epoch in progress (a dataset of its own).
function series(source, key, t) {
  const data = pointsOf(source, key);
  const ours = source.kind === 'ours';
  const val = key.startsWith('val_');
  const label = `${source.label}: ${val ? t.validation : t.train}`;
  const out = [line(label, data, ours ? source.color : palette.alpha(source.color, 0.4), {
    borderDash: val ? DASH : [],
    borderWidth: ours ? 2 : 1.5,
    pointRadius: ours && source.history.length <= 30 ? 2 : 0,
    order: ours ? 1 : 2,
  })];
  if (ours && source.tail && !val) {
    const tail = [data.at(-1), { x: source.tail.x, y: source.tail[key] }].filter(Boolean);
    out.push(line(`${label} (${t.soFar})`, tail, source.color, { borderDash: [2, 3], pointRadius: tail.length === 1 ? 3.5 : [0, 3.5], order: 0 }));
  }
  return out;
}

function gapSeries(source, t) {
  const all = source.history.filter((m) => m.val_loss !== null).map((m) => ({ x: m.epoch, y: m.val_loss - m.loss }));
  const data = thin(all);
  const ours = source.kind === 'ours';
  const out = [line(`${source.label}: ${t.gap}`, data, ours ? source.color : palette.alpha(source.color, 0.4), {
    borderWidth: ours ? 2 : 1.5, pointRadius: ours && source.history.length <= 30 ? 2 : 0, order: ours ? 1 : 2,
  })];
  const best = ours && source.best_epoch ? all.find((p) => p.x === source.best_epoch) : null;
  if (best) {
    out.push(points(`${source.label}: ${t.bestEpoch(best.x)}`, [best], source.color, {
      pointStyle: 'triangle', pointRadius: 8, pointHoverRadius: 9, order: 0,
    }));
  }
  return out;
}

/**
 * Three charts in a grid. Returns {element, update(sources, {xMax, tailOnly})}.
 * t: strings.trainer.curves; frames: the page's frame budget (frame.js).
 */
export function curvesView(t, frames) {
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
  const charts = {};
  const AXES = {
    loss: { title: t.loss, min: 0 },
    accuracy: { title: t.accuracy, max: 1 },
    gap: { title: t.gapAxis },
  };

  // Each chart is a job of its own on the frame budget: three Chart.js
  // updates in one task could take longer than 50 ms on a slow machine.
  const id = uid('curves');
  const enqueue = (name, job) => frames.enqueue(`${id}-${name}`, job);
  // Made while the page loads, one per job (a chart's first layout is its
  // costliest step), so that no run pays for it.
  for (const name of Object.keys(AXES)) {
    enqueue(`make-${name}`, () => {
      charts[name] = xyChart(boxes[name].canvas, { x: { title: t.epoch, min: 0 }, y: AXES[name], legend: false });
    });
  }
  function draw(name, datasets, xMax) {
    enqueue(name, () => {
      const chart = charts[name];
      // Keep each dataset object (matched by label) and give it the new data:
      // Chart.js then updates its elements instead of building new ones.
      const kept = new Map(chart.data.datasets.map((d) => [d.label, d]));
      chart.data.datasets = datasets.map((d) => (kept.has(d.label) ? Object.assign(kept.get(d.label), d) : d));
      chart.options.scales.x.max = xMax;
      chart.update('none');
      if (name === 'loss') element.dataset.drawn = datasets.map((d) => `${d.label}=${d.data.length}`).join(';');
    });
  }

  return {
    element,
    /**
     * Redraws the charts from `sources`. tailOnly: only the epoch in progress
     * moved (loss and accuracy charts; the gap changes per epoch).
     * After the loss chart draws, element.dataset.drawn lists "label=points"
     * per dataset (for tests).
     */
    update(sources, { xMax, tailOnly = false } = {}) {
      const ours = sources.filter((s) => s.kind === 'ours');
      const ordered = [...ours, ...sources.filter((s) => s.kind === 'post')];
      draw('loss', ordered.flatMap((s) => [...series(s, 'loss', t), ...series(s, 'val_loss', t)]).filter((d) => d.data.length), xMax);
      draw('accuracy', ordered.flatMap((s) => [...series(s, 'accuracy', t), ...series(s, 'val_accuracy', t)]).filter((d) => d.data.length), xMax);
      if (tailOnly) return;
      drawLegend(sources);
      // Without a validation split there is no gap: two charts and a note.
      const withVal = ordered.filter((s) => s.history.some((m) => m.val_loss !== null));
      const noGap = withVal.length === 0 && !sources.some((s) => s.expectValidation);
      gapNote.hidden = !noGap;
      gapCard.hidden = noGap;
      grid.classList.toggle('grid-3', !noGap);
      grid.classList.toggle('grid-2', noGap);
      draw('gap', withVal.flatMap((s) => gapSeries(s, t)), xMax);
    },
    /** The Chart.js instances. */
    get charts() {
      return charts;
    },
  };
}
