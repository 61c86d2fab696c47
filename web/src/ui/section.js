// The frame every section shares: a heading, a lead paragraph, a body, an
// inline message box and a status line that reports how long the last update
// took (from the 'reglab:updated' events of ui/frame.js).
import { h } from './dom.js';
import { messageBox } from './controls.js';
import { chartTools } from './chart_tools.js';
import * as fmt from './format.js';

export function sectionShell(root, strings, { title, lead }) {
  const message = messageBox(strings);
  const status = h('p', { class: 'status', 'aria-hidden': 'true' });
  const body = h('div', { class: 'section-body' });
  root.append(
    h('h2', { text: title }),
    lead ? h('p', { class: 'lead', text: lead }) : null,
    message.element,
    body,
    status,
  );
  root.addEventListener('reglab:updated', (event) => {
    status.textContent = strings.computedIn(fmt.ms(event.detail.work), fmt.ms(event.detail.latency));
  });
  return { body, message, status };
}

/** A card: a titled box in a section's grid. */
export function card(title, ...children) {
  return h('div', { class: 'card' }, title ? h('h3', { text: title }) : null, ...children);
}

/**
 * A chart container with a fixed height class, and under it the chart's
 * tools (PNG, CSV, data table: ui/chart_tools.js); returns { element, canvas }.
 */
export function chartBox(kind = 'wide', label = '') {
  const canvas = h('canvas', { role: 'img', 'aria-label': label });
  return {
    element: h('div', { class: 'chart-box' }, h('div', { class: `chart chart-${kind}` }, canvas), chartTools(canvas, label).element),
    canvas,
  };
}
