// Coalesces bursts of input events into one recomputation per animation
// frame, and times it: `latency` runs from the first input of the burst to
// the end of the redraw, `work` is the recomputation and redraw alone.
// Each run dispatches 'reglab:updated' on `target` with {work, latency}.

export function frameScheduler(run, target) {
  let pending = false;
  let firstInput = 0;
  return function schedule() {
    if (pending) return;
    pending = true;
    firstInput = performance.now();
    requestAnimationFrame(() => {
      pending = false;
      const start = performance.now();
      const ok = run();
      const end = performance.now();
      if (ok !== false) {
        target.dispatchEvent(new CustomEvent('reglab:updated', {
          bubbles: true,
          detail: { work: end - start, latency: end - firstInput },
        }));
      }
    });
  };
}
