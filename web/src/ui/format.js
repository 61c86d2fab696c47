// Number formatting for readouts, in the page's language. The math happens in
// the core; these only print. useLocale() is called once at boot, before any
// section mounts; English and Korean print digits the same way ('0.251290'),
// they differ in grouping and words around the numbers, which the strings own.

let locale = 'en-US';
const formats = new Map();  // per locale: Intl.NumberFormat per options, and the separators (building them is slow)

/** The locale every formatter below uses ('en-US', 'ko-KR'). */
export function useLocale(next) {
  locale = next;
  formats.clear();
}
export const currentLocale = () => locale;

function format(x, options) {
  const key = JSON.stringify(options);
  let f = formats.get(key);
  if (!f) formats.set(key, (f = new Intl.NumberFormat(locale, options)));
  return f.format(x);
}

// Fixed decimals, no grouping (table columns): 0.251290. The digits are
// toFixed's, which rounds the double's exact value as Python's format does
// (2.675 -> 2.67; Intl would round its shortest text, 2.68); the locale
// gives the decimal separator and minus sign.
export function fixed(x, digits = 2) {
  if (!Number.isFinite(x)) return String(x);
  const { decimal, minus } = separators();
  return x.toFixed(digits).replace('.', decimal).replace('-', minus);
}

function separators() {
  let s = formats.get('separators');
  if (!s) {
    const parts = new Intl.NumberFormat(locale).formatToParts(-1.5);
    s = { decimal: parts.find((p) => p.type === 'decimal')?.value ?? '.', minus: parts.find((p) => p.type === 'minusSign')?.value ?? '-' };
    formats.set('separators', s);
  }
  return s;
}

// A count with the language's grouping: 60,000.
export const count = (x) => (Number.isFinite(x) ? format(x, { maximumFractionDigits: 0 }) : String(x));

// Shortest text that reads back to the same double (what Python's repr prints):
// the post's printed digits, so the same in every language.
export const full = (x) => (Object.is(x, -0) ? '-0' : String(x));

// "0.05", "1e-4", "1000": alphas on a log slider (Python's notation in every language).
export function alpha(x) {
  if (x === 0) return '0';
  if (x >= 1e-3 && x < 1e4) return String(Number(x.toPrecision(3)));
  return x.toExponential(2).replace(/\.?0+e/, 'e').replace('e+', 'e');
}

export const pValue = (p) => (p === Infinity ? '∞' : String(Number(p.toPrecision(3))));

export const ms = (x) => fixed(x, x < 10 ? 2 : 0);
