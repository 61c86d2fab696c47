// Adapters from the page's form controls (web/src/ui/controls.js) to the
// { get, set } pairs the URL state binds. Boxes hold text as typed; their
// value for the URL is the number it reads as (NaN when it is not one,
// which no number field accepts, so the URL keeps the last valid value).

const numberOf = (text) => (String(text).trim() === '' ? NaN : Number(text));

// alphaControl has a value setter (it also moves its slider); textField has only its <input>.
function setText(control, text) {
  if (Object.getOwnPropertyDescriptor(control, 'value')?.set) control.value = text;
  else control.input.value = text;
}

/** A text box holding a number (alpha, seed, test size, ...). */
export const numberBox = (control) => ({ get: () => numberOf(control.value), set: (v) => setText(control, String(v)) });

/** A text box or area holding free text (a vector, a matrix). */
export const textBox = (control) => ({ get: () => control.input.value, set: (v) => { control.input.value = v; } });

/** A <select>; `asNumber` for choices that are numbers (scalings, fast-mode sizes). */
export const selectBox = (control, asNumber = false) => ({
  get: () => (asNumber ? Number(control.value) : control.value),
  set: (v) => { control.value = String(v); },
});

/** A range slider (a number). */
export const sliderBox = (control) => ({ get: () => control.value, set: (v) => { control.value = v; } });

/** A checkbox <input>. */
export const checkBox = (input) => ({ get: () => input.checked, set: (v) => { input.checked = v; } });

/** A toggle group (ui/controls.js toggleGroup): set by pressing the button. */
export const toggles = (control) => ({
  get: () => control.value,
  set: (v) => control.element.querySelector(`button[data-value="${CSS.escape(String(v))}"]`)?.click(),
});
