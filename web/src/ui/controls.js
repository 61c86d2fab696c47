// Form controls used by the sections. Each returns { element, ... } and calls
// onInput on every 'input' event; the sections read raw values and let the
// core validate them (its messages are shown as they are).
import { h, uid } from './dom.js';
import * as fmt from './format.js';

function field(label, control, extra) {
  return h('div', { class: 'field' }, h('label', { for: control.id, text: label }), control, extra);
}

/** A linear range slider with its value printed beside the label. */
export function slider({ label, min, max, step, value, format = String, onInput }) {
  const input = h('input', { type: 'range', id: uid('range'), min, max, step, value });
  const out = h('output', { for: input.id, text: format(Number(value)) });
  input.addEventListener('input', () => {
    out.textContent = format(Number(input.value));
    onInput();
  });
  const element = h('div', { class: 'field' },
    h('label', { for: input.id }, label, ' ', out), input);
  return {
    element,
    input,
    get value() { return Number(input.value); },
    set value(v) { input.value = v; out.textContent = format(Number(input.value)); },
  };
}

/**
 * alpha on a log scale: a range slider over 10^lo .. 10^hi and a text box for
 * an exact value (which may lie outside the slider's range). `value` is the
 * text as typed; the section turns it into a number.
 */
export function alphaControl({ label, lo, hi, value, onInput }) {
  const steps = 1000;
  const toPos = (a) => Math.round(((Math.log10(a) - lo) / (hi - lo)) * steps);
  const fromPos = (pos) => 10 ** (lo + (pos / steps) * (hi - lo));
  const range = h('input', { type: 'range', id: uid('alpha'), min: 0, max: steps, step: 1, value: toPos(value), 'aria-label': label });
  const text = h('input', { type: 'text', id: uid('alpha-text'), inputmode: 'decimal', value: String(value), class: 'alpha-text', spellcheck: 'false' });
  range.addEventListener('input', () => {
    text.value = fmt.alpha(fromPos(Number(range.value)));
    onInput();
  });
  text.addEventListener('input', () => {
    const a = Number(text.value);
    if (Number.isFinite(a) && a > 0) range.value = toPos(a);
    onInput();
  });
  const element = h('div', { class: 'field alpha-field' },
    h('label', { for: text.id, text: label }),
    h('div', { class: 'alpha-row' }, range, text));
  return {
    element,
    range,
    text,
    get value() { return text.value.trim(); },
    set value(v) { text.value = String(v); range.value = toPos(Number(v)); },
  };
}

/** A short text box for a number (test size, seed, ...), as typed. */
export function textField({ label, value, onInput, inputmode = 'decimal', size = 6, wide = false }) {
  const input = h('input', { type: 'text', id: uid('text'), value: String(value), inputmode, size, spellcheck: 'false', class: wide ? 'wide' : null });
  input.addEventListener('input', onInput);
  return { element: field(label, input), input, get value() { return input.value.trim(); } };
}

export function textArea({ label, value, rows = 3, onInput }) {
  const input = h('textarea', { id: uid('area'), rows, spellcheck: 'false' });
  input.value = value;
  input.addEventListener('input', onInput);
  return { element: field(label, input), input, get value() { return input.value; } };
}

/** options: [{ value, label }] */
export function select({ label, options, value, onInput }) {
  const input = h('select', { id: uid('select') });
  const setOptions = (opts, selected) => {
    input.replaceChildren(...opts.map((o) => h('option', { value: o.value, text: o.label })));
    if (selected !== undefined) input.value = selected;
  };
  setOptions(options, value);
  input.addEventListener('input', onInput);
  return { element: field(label, input), input, setOptions, get value() { return input.value; }, set value(v) { input.value = v; } };
}

/** A row of toggle buttons; exactly one is pressed. options: [{ value, label }] */
export function toggleGroup({ label, options, value, onInput }) {
  let current = value;
  const buttons = options.map((o) => h('button', {
    type: 'button', class: 'toggle', 'aria-pressed': String(o.value === value), dataset: { value: o.value }, text: o.label,
    on: { click: () => { current = o.value; sync(); onInput(); } },
  }));
  const sync = () => buttons.forEach((b) => b.setAttribute('aria-pressed', String(b.dataset.value === current)));
  const element = h('div', { class: 'field' }, h('span', { class: 'label', text: label }),
    h('div', { class: 'toggles', role: 'group', 'aria-label': label }, buttons));
  return { element, get value() { return current; } };
}

/** An inline message box for bad input; hidden while there is nothing to say. */
export function messageBox(strings) {
  const element = h('p', { class: 'message', role: 'status', 'aria-live': 'polite', hidden: true });
  return {
    element,
    show(message) {
      element.textContent = strings.common.errorPrefix + message + strings.common.keptLast;
      element.hidden = false;
    },
    clear() {
      element.hidden = true;
      element.textContent = '';
    },
  };
}

/** "Show as Python": a <details> with the generated code and a copy button. */
export function pythonBlock(strings) {
  const code = h('code', { class: 'language-python' });
  const copy = h('button', { type: 'button', class: 'copy', text: strings.common.copy });
  copy.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(code.textContent);
      copy.textContent = strings.common.copied;
      setTimeout(() => { copy.textContent = strings.common.copy; }, 1200);
    } catch {
      // No clipboard (insecure context): the code can still be selected by hand.
    }
  });
  const element = h('details', { class: 'python' },
    h('summary', { text: strings.common.showPython }),
    h('div', { class: 'code-wrap' }, copy, h('pre', {}, code)));
  return {
    element,
    set(text) { if (code.textContent !== text) code.textContent = text; },
    get text() { return code.textContent; },
  };
}
