// Kinds of settings that live in the URL. A field is a plain description
// ({ kind, default, ...limits }); `readField` turns the text found in a URL
// into a value or says why it cannot, `writeField` turns a value into URL
// text, `isValid` checks a value a control reports. No DOM here: node tests
// import this file as it is.

export const number = (def, min, max, more = {}) => ({ kind: 'number', default: def, min, max, ...more });
export const integer = (def, min, max) => ({ kind: 'number', default: def, min, max, integer: true });
export const choice = (def, values) => ({ kind: 'choice', default: def, values });
export const flag = (def) => ({ kind: 'flag', default: def });
export const text = (def, maxLength) => ({ kind: 'text', default: def, maxLength });
/** A norm's p: a number >= 1, or Infinity (written "inf"). */
export const pNorm = (def) => ({ kind: 'pnorm', default: def });
/** Whole numbers, e.g. hidden layer sizes "256,128". */
export const integers = (def, min, max, maxItems) => ({ kind: 'integers', default: def, min, max, maxItems });

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

function inRange(f, x) {
  return (f.openMin ? x > f.min : x >= f.min) && (f.openMax ? x < f.max : x <= f.max);
}

/** "[0, 1)" style text of a number field's range, for notices. */
export function rangeText(f) {
  return `${f.openMin ? '(' : '['}${f.min}, ${f.max}${f.openMax ? ')' : ']'}`;
}

/** Whether `value` (as a control reports it) is one this field may hold. */
export function isValid(f, value) {
  switch (f.kind) {
    case 'number': return typeof value === 'number' && Number.isFinite(value) && inRange(f, value) && (!f.integer || Number.isInteger(value));
    case 'choice': return f.values.includes(value);
    case 'flag': return typeof value === 'boolean';
    case 'text': return typeof value === 'string' && value.length <= f.maxLength;
    case 'pnorm': return value === Infinity || (typeof value === 'number' && Number.isFinite(value) && value >= 1);
    case 'integers': return Array.isArray(value) && value.length >= 1 && value.length <= f.maxItems &&
      value.every((x) => Number.isInteger(x) && x >= f.min && x <= f.max);
    default: throw new Error(`unknown field kind ${f.kind}`);
  }
}

/** value -> URL text. */
export function writeField(f, value) {
  switch (f.kind) {
    case 'flag': return value ? '1' : '0';
    case 'pnorm': return value === Infinity ? 'inf' : String(value);
    case 'integers': return value.join(',');
    default: return String(value);
  }
}

/**
 * URL text -> { value } or { problem: 'type' | 'range' | 'choice' | 'length' | 'list', expected? }.
 */
export function readField(f, raw) {
  const t = raw.trim();
  switch (f.kind) {
    case 'number': {
      if (!NUMBER.test(t)) return { problem: 'type', expected: f.integer ? 'integer' : 'number' };
      const x = Number(t);
      if (f.integer && !Number.isInteger(x)) return { problem: 'type', expected: 'integer' };
      if (!Number.isFinite(x) || !inRange(f, x)) return { problem: 'range' };
      return { value: x };
    }
    case 'choice': {
      const found = f.values.find((v) => String(v) === t);
      return found === undefined ? { problem: 'choice' } : { value: found };
    }
    case 'flag':
      if (t === '1' || t === 'true') return { value: true };
      if (t === '0' || t === 'false') return { value: false };
      return { problem: 'type', expected: 'flag' };
    case 'text':
      return raw.length > f.maxLength ? { problem: 'length' } : { value: raw };
    case 'pnorm': {
      if (/^(inf|infinity|∞)$/i.test(t)) return { value: Infinity };
      if (!NUMBER.test(t)) return { problem: 'type', expected: 'pnorm' };
      const p = Number(t);
      return Number.isFinite(p) && p >= 1 ? { value: p } : { problem: 'range' };
    }
    case 'integers': {
      const items = t.split(',');
      if (!items.every((s) => /^\d+$/.test(s.trim()))) return { problem: 'type', expected: 'integers' };
      const xs = items.map(Number);
      if (xs.length > f.maxItems || !xs.every((x) => x >= f.min && x <= f.max)) return { problem: 'list' };
      return { value: xs };
    }
    default: throw new Error(`unknown field kind ${f.kind}`);
  }
}

/** A field's limits as words for a notice: the range, the choices, ... */
export function limitsOf(f) {
  switch (f.kind) {
    case 'number': return rangeText(f);
    case 'choice': return f.values.map((v) => (v === '' ? '""' : String(v))).join(', ');
    case 'text': return String(f.maxLength);
    case 'pnorm': return '[1, inf]';
    case 'integers': return { count: f.maxItems, range: `[${f.min}, ${f.max}]` };
    default: return '';
  }
}

export const same = (a, b) => (typeof a === 'number' ? a === b : JSON.stringify(a) === JSON.stringify(b));
