// Helpers for the "show as Python" generators: Python literals from JS values.

/** A float literal Python reads back as the same double. */
export function float(x) {
  if (x === Infinity) return 'np.inf';
  if (x === -Infinity) return '-np.inf';
  const text = String(x);
  return /[.e]/.test(text) ? text : `${text}.0`;
}

export const str = (s) => `'${String(s).replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
export const list = (values, item = float) => `[${values.map(item).join(', ')}]`;
export const strList = (values) => list(values, str);

/** Joins code lines, dropping null ones. */
export const lines = (...parts) => parts.flat().filter((line) => line !== null && line !== undefined).join('\n');
