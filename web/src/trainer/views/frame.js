// Redraw scheduling for the trainer's views. All of them share one frame
// budget (createFrames): every animation frame runs queued redraw jobs until
// about `budgetMs` is used and leaves the rest to the next frame, so that
// however many views change at once no frame's task grows long (over 50 ms
// the page stops answering input smoothly). A job queued again before it ran
// is replaced: it draws the newest state once.

/** The page's frame budget: {enqueue(key, job)}. */
export function createFrames({ budgetMs = 4 } = {}) {
  const jobs = new Map();
  let scheduled = false;
  function run() {
    scheduled = false;
    const start = performance.now();
    // At least one job per frame; a job may queue others (they may run now).
    for (let first = true; jobs.size && (first || performance.now() - start < budgetMs); first = false) {
      const [key, job] = jobs.entries().next().value;
      jobs.delete(key);
      job();
    }
    if (jobs.size) schedule();
  }
  function schedule() {
    if (!scheduled) {
      scheduled = true;
      requestAnimationFrame(run);
    }
  }
  return {
    enqueue(key, job) {
      jobs.set(key, job);
      schedule();
    },
  };
}

let nextKey = 0;
const uniqueKey = (name) => `${name}-${++nextKey}`;

/** schedule() queues draw() once on `frames`. */
export function perFrame(frames, draw, name = 'view') {
  const key = uniqueKey(name);
  return () => frames.enqueue(key, draw);
}

/** As perFrame, but at most one draw every `minInterval` ms (the last state wins). */
export function throttled(frames, draw, { minInterval = 0, name = 'view' } = {}) {
  return whenVisible(frames, null, draw, { minInterval, name });
}

/**
 * As perFrame, but while `element` is off screen the redraw waits until it
 * shows, and it runs at most every `minInterval` ms. eager: the first
 * redraw happens at once, on screen or not (while the page loads, so that
 * the first redraw during a run is not the costliest). element null: always
 * on screen.
 */
export function whenVisible(frames, element, draw, { minInterval = 0, name = 'view', eager = false } = {}) {
  const key = uniqueKey(name);
  let visible = element === null;
  let dirty = true;
  let last = -Infinity;
  let waiting = false;
  let first = eager;
  const job = () => {
    if (!visible && !first) return;
    first = false;
    dirty = false;
    last = performance.now();
    draw();
  };
  const request = () => {
    const wait = last + minInterval - performance.now();
    if (wait <= 0) {
      frames.enqueue(key, job);
    } else if (!waiting) {
      waiting = true;
      setTimeout(() => {
        waiting = false;
        if (dirty && visible) frames.enqueue(key, job);
      }, wait);
    }
  };
  if (element) {
    new IntersectionObserver((entries) => {
      visible = entries.some((e) => e.isIntersecting);
      if (visible && dirty) request();
    }, { rootMargin: '200px 0px' }).observe(element);
  }
  return function schedule() {
    dirty = true;
    if (visible || first) request();
  };
}
