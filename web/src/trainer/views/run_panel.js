// The run in progress: a progress bar (data loading, then training), epoch,
// batch, samples/s and time left, the pause / resume / step / stop buttons,
// a Keras-like log, and the worker's errors with a way to carry on. One
// panel for the page: it moves into the section whose button started the run.
import { h } from '../../ui/dom.js';
import { throttled } from './frame.js';
import { count } from '../../ui/format.js';

const MB = 2 ** 20;
const f4 = (x) => (Number.isFinite(x) ? x.toFixed(4) : String(x));

export function kerasLogLine(m, epochs) {
  const parts = [`Epoch ${m.epoch}/${epochs}`, `${m.seconds.toFixed(1)}s`, `loss: ${f4(m.loss)}`, `accuracy: ${f4(m.accuracy)}`];
  if (m.val_loss !== null) parts.push(`val_loss: ${f4(m.val_loss)}`, `val_accuracy: ${f4(m.val_accuracy)}`);
  return parts.join(' - ');
}

function duration(seconds, t) {
  if (!Number.isFinite(seconds)) return '';
  if (seconds < 60) return t.seconds(Math.max(1, Math.round(seconds)));
  const m = Math.floor(seconds / 60);
  return t.minutes(m, Math.round(seconds - 60 * m));
}

// What went wrong with the run, in words: a worker that failed (and was
// replaced), an error, or a run that diverged. '' when nothing did.
export function problemText(state, run, strings) {
  const t = strings.trainer.panel;
  const r = strings.runs;
  if (state.error?.fatal) {
    const oom = /out of memory|memory/i.test(state.error.message);
    return r.workerReplaced(state.error.message) + (oom ? ` ${r.outOfMemory}` : '');
  }
  if (state.error) return t.errorPrefix + state.error.message;
  if (run?.status === 'finished' && run.reason === 'diverged') {
    const at = run.diverged_at ?? { epoch: run.history.length + 1, batch: 0 };
    const lr = run.config.learning_rate;
    return r.diverged({ epoch: at.epoch, batch: at.batch, lr, lower: Number((lr / 10).toPrecision(2)) });
  }
  return '';
}

export function runPanel(lab, strings, frames) {
  const t = strings.trainer.panel;
  const title = h('h3', { class: 'run-title' });
  const badge = h('span', { class: 'badge' });
  const bar = h('div', { class: 'progress-bar' });
  const track = h('div', { class: 'progress-track', role: 'progressbar', 'aria-valuemin': '0', 'aria-valuemax': '100', 'aria-label': t.progressLabel }, bar);
  const stats = h('p', { class: 'run-stats', 'aria-live': 'off' });
  const button = (text, onClick, cls) => h('button', { type: 'button', class: cls ?? 'btn', text, on: { click: onClick } });
  const buttons = {
    pause: button(t.pause, () => lab.pause()),
    resume: button(t.resume, () => lab.resume()),
    stepBatch: button(t.stepBatch, () => lab.step('batch')),
    stepEpoch: button(t.stepEpoch, () => lab.step('epoch')),
    stop: button(t.stop, () => lab.stop(), 'btn btn-danger'),
  };
  const message = h('p', { class: 'message', role: 'alert', hidden: true });
  const log = h('pre', { class: 'keras-log', 'aria-label': t.logLabel });
  const element = h('div', { class: 'run-panel card', hidden: true },
    h('div', { class: 'run-head' }, title, badge),
    track,
    stats,
    h('div', { class: 'run-buttons' }, Object.values(buttons)),
    message,
    log);

  function draw() {
    const { state } = lab;
    const run = state.current;
    const d = state.data;
    const problem = problemText(state, run, strings);
    if (message.textContent !== problem) message.textContent = problem;
    message.hidden = problem === '';
    message.dataset.kind = state.error?.fatal ? 'worker' : state.error ? 'error' : problem ? 'diverged' : '';

    let fraction = 0;
    let text = '';
    if (d.status === 'loading') {
      fraction = d.total ? d.loaded / d.total : 0;
      text = d.phase === 'parse' ? t.parsing : t.loading(d.loaded / MB, d.total / MB, d.phase === 'cache');
      title.textContent = t.loadingTitle;
      badge.textContent = t.status.loading;
      badge.dataset.status = 'loading';
    } else if (run) {
      const p = run.progress;
      const epochs = run.config.epochs;
      if (p) {
        const batches = p.batches_per_epoch * epochs;
        fraction = run.status === 'finished' && run.reason === 'done' ? 1 : ((p.epoch - 1) * p.batches_per_epoch + p.batch) / batches;
        text = t.stats({
          epoch: p.epoch, epochs, batch: p.batch, batches: p.batches_per_epoch,
          rate: count(Math.round(p.samples_per_s)),
          left: run.status === 'running' ? duration(p.seconds_left, t) : '',
          heap: (p.heap_bytes / MB).toFixed(0),
        });
      } else {
        text = t.starting;
      }
      title.textContent = run.name;
      badge.textContent = run.status === 'finished' ? t.reasons[run.reason] ?? run.reason : t.status[run.status];
      badge.dataset.status = run.status;
      const lines = run.history.map((m) => kerasLogLine(m, epochs));
      const logText = lines.join('\n');
      if (log.textContent !== logText) {
        log.textContent = logText;
        log.scrollTop = log.scrollHeight;  // the newest epoch in view, as a terminal
      }
      log.hidden = lines.length === 0;
    }
    fraction = Math.max(0, Math.min(1, fraction || 0));
    bar.style.transform = `scaleX(${fraction.toFixed(4)})`;
    track.setAttribute('aria-valuenow', (100 * fraction).toFixed(0));
    stats.textContent = text;

    const status = run?.status;
    const loading = d.status === 'loading';
    const stepping = status === 'paused' || status === 'configured';
    const can = {
      pause: status === 'running',
      resume: status === 'paused',
      stepBatch: stepping,
      stepEpoch: stepping,
      stop: status === 'running' || stepping,
    };
    for (const [key, b] of Object.entries(buttons)) b.disabled = loading || !can[key];
    buttons.pause.hidden = status === 'paused';
    buttons.resume.hidden = status !== 'paused';
    element.hidden = !run && !loading && !state.error;
  }

  // Progress arrives up to 10 times a second: 4 redraws a second are plenty.
  // (Not gated on visibility: the panel shows and hides itself.)
  const schedule = throttled(frames, draw, { minInterval: 250, name: 'run-panel' });
  lab.subscribe(schedule);
  return {
    element,
    /** Moves the panel into `slot` (the section that started a run) and brings it into view. */
    mountIn(slot) {
      if (element.parentElement !== slot) slot.append(element);
      element.hidden = false;
      requestAnimationFrame(() => element.scrollIntoView({ block: 'nearest' }));
      schedule();
    },
  };
}
