// Page-wide accessibility helpers, set up once by main.js after the frame is
// built: a skip link to the content, the navigation's current link kept in
// view, and tables that scroll sideways made reachable by keyboard.
import { h } from './dom.js';
import { a11yStrings } from './a11y_strings.js';

/** "Skip to the content": the first thing Tab reaches; moves focus into <main>. */
export function addSkipLink(main, t = a11yStrings()) {
  if (!main.id) main.id = 'content';
  main.tabIndex = -1;  // focusable from the link, not from Tab
  const link = h('a', { class: 'skip-link', href: `#${main.id}`, text: t.skipToContent });
  // Focus, not a new URL hash: the address keeps the lab's state.
  link.addEventListener('click', (event) => {
    event.preventDefault();
    main.focus();
  });
  document.body.prepend(link);
  return link;
}

/**
 * On a narrow screen the navigation scrolls sideways: keep the link of the
 * section in view (aria-current, set by main.js) visible in it.
 */
export function followCurrentLink(nav) {
  const reveal = (link) => {
    const box = nav.getBoundingClientRect();
    const r = link.getBoundingClientRect();
    if (r.left < box.left) nav.scrollLeft -= box.left - r.left + 16;
    else if (r.right > box.right) nav.scrollLeft += r.right - box.right + 16;
  };
  new MutationObserver((records) => {
    for (const record of records) {
      if (record.target.hasAttribute('aria-current')) reveal(record.target);
    }
  }).observe(nav, { subtree: true, attributes: true, attributeFilter: ['aria-current'] });
}

/**
 * A box that scrolls sideways (.table-wrap and similar) must be reachable by
 * keyboard to be scrolled: while its content overflows it is a focusable,
 * named region (tabindex 0); otherwise it is left alone. Watches `root` for
 * new boxes and every box for size changes (a ResizeObserver: it reads sizes
 * after layout, so it never forces an extra one while the trainer draws).
 */
export function focusableScrollers(root, selector = '.table-wrap, .weights-wrap, pre', t = a11yStrings()) {
  const added = new WeakMap();  // box -> the attributes set here (removed again when it stops overflowing)
  const update = (box) => {
    if (box.classList.contains('chart-table')) return;  // always focusable (chart_tools.js)
    const overflows = box.scrollWidth > box.clientWidth + 1 || box.scrollHeight > box.clientHeight + 1;
    if (overflows && !box.hasAttribute('tabindex')) {
      const attributes = { tabindex: '0', role: 'region', 'aria-label': t.scrollRegion(regionName(box, t)) };
      const mine = Object.keys(attributes).filter((name) => !box.hasAttribute(name));
      mine.forEach((name) => box.setAttribute(name, attributes[name]));
      added.set(box, mine);
    } else if (!overflows && added.has(box)) {
      added.get(box).forEach((name) => box.removeAttribute(name));
      added.delete(box);
    }
  };
  const sizes = new ResizeObserver((entries) => entries.forEach((e) => update(e.target)));
  const watch = (node) => {
    if (!(node instanceof Element)) return;
    if (node.matches(selector)) sizes.observe(node);
    node.querySelectorAll(selector).forEach((box) => sizes.observe(box));
  };
  watch(root);
  new MutationObserver((records) => records.forEach((r) => r.addedNodes.forEach(watch))).observe(root, { childList: true, subtree: true });
}

// A name for a scrolling box: its table's caption, else its card's heading.
function regionName(box, t) {
  const caption = box.querySelector('caption')?.textContent;
  const heading = box.closest('.card, section')?.querySelector('h3, h2')?.textContent;
  return (caption || heading || t.table).trim();
}
