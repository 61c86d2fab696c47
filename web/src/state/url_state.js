// The page's settings in its address. Created once at boot: it reads the
// URL, and each section binds its controls to its schema's keys (bind sets
// the controls the URL named, before the section's first computation). The
// controls stay the only source of the settings: after any input, change or
// click on the page, at most every WRITE_MS, it reads every bound control and
// replaces the URL (history.replaceState: no new history entry). A value a
// control holds that its field does not allow ("banana" in a number box)
// is not written; the URL keeps the last valid one, as the charts do.
import { h } from '../ui/dom.js';
import { SCHEMAS } from './schemas.js';
import { decodeQuery, encodeState } from './codec.js';
import { isValid, same } from './fields.js';
import { noticeText } from './notice.js';

export const WRITE_MS = 250;

function noticeElement(issues, strings) {
  const text = noticeText(issues, strings.state);
  if (!text) return null;
  // Values from a link can be long unbroken words: they wrap anywhere rather than widen a phone's page.
  const element = h('div', { class: 'message url-notice', role: 'status', 'aria-label': strings.state.notice.label, style: 'overflow-wrap: anywhere' },
    h('p', { text: text.title }),
    h('ul', {}, text.lines.map((line) => h('li', { text: line }))));
  element.append(h('button', { type: 'button', class: 'btn', text: strings.state.notice.dismiss, on: { click: () => element.remove() } }));
  return element;
}

/**
 * { bind(section, { key: { get, set } }), notice: an element or null, issues }.
 * `win` is the window whose location and history it uses.
 */
export function createUrlState({ strings, win = window }) {
  const { state: fromUrl, issues } = decodeQuery(win.location.search);
  const written = structuredClone(fromUrl);  // the last valid value of every setting
  const bound = new Map();
  let timer = null;

  function write() {
    timer = null;
    for (const [section, controls] of bound) {
      for (const [key, control] of Object.entries(controls)) {
        const value = control.get();
        if (isValid(SCHEMAS[section][key], value)) written[section][key] = value;
      }
    }
    const url = new URL(win.location.href);
    url.search = encodeState(written);
    if (url.href !== win.location.href) win.history.replaceState(win.history.state, '', url);
  }

  function schedule() {
    if (timer === null) timer = setTimeout(write, WRITE_MS);
  }

  /** Binds a section's controls to its keys; sets those the URL gave. Returns the section's settings as read. */
  function bind(section, controls) {
    const fields = SCHEMAS[section];
    if (!fields) throw new Error(`URL state: no schema for section '${section}'`);
    for (const [key, control] of Object.entries(controls)) {
      if (!fields[key]) throw new Error(`URL state: no field '${section}.${key}'`);
      if (!same(fromUrl[section][key], fields[key].default)) control.set(fromUrl[section][key]);
    }
    bound.set(section, controls);
    schedule();  // a link with issues is rewritten clean; an old format in the current one
    return fromUrl[section];
  }

  for (const type of ['input', 'change', 'click']) win.document.addEventListener(type, schedule, true);
  return { bind, notice: noticeElement(issues, strings), issues };
}
