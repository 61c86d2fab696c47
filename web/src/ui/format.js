// Number formatting for readouts. The math happens in the core; these only print.

export const fixed = (x, digits = 2) => (Number.isFinite(x) ? x.toFixed(digits) : String(x));

// Shortest text that reads back to the same double (what Python's repr prints).
export const full = (x) => (Object.is(x, -0) ? '-0' : String(x));

// "0.05", "1e-4", "1000": alphas on a log slider.
export function alpha(x) {
  if (x === 0) return '0';
  if (x >= 1e-3 && x < 1e4) return String(Number(x.toPrecision(3)));
  return x.toExponential(2).replace(/\.?0+e/, 'e').replace('e+', 'e');
}

export const pValue = (p) => (p === Infinity ? '∞' : String(Number(p.toPrecision(3))));

export const ms = (x) => (x < 10 ? x.toFixed(2) : x.toFixed(0));
