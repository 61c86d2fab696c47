// Redraw scheduling for the trainer's views: at most one redraw per
// animation frame however many messages arrive in between, and none while
// the view is off screen (it redraws when it scrolls into view).

/** One draw() per animation frame. */
export function perFrame(draw) {
  let pending = false;
  return function schedule() {
    if (pending) return;
    pending = true;
    requestAnimationFrame(() => {
      pending = false;
      draw();
    });
  };
}

/** As perFrame, but while `element` is off screen the redraw waits until it shows. */
export function whenVisible(element, draw) {
  let visible = false;
  let dirty = true;
  const frame = perFrame(() => {
    if (!visible) return;
    dirty = false;
    draw();
  });
  new IntersectionObserver((entries) => {
    visible = entries.some((e) => e.isIntersecting);
    if (visible && dirty) frame();
  }, { rootMargin: '200px 0px' }).observe(element);
  return function schedule() {
    dirty = true;
    if (visible) frame();
  };
}
