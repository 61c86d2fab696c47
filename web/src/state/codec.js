// The whole lab's settings <-> a URL query. Only settings that differ from
// their defaults are written (?v=1&wine.seed=7&norms.p=inf); reading starts
// from the defaults and keeps every setting it can read, and lists what it
// could not (unknown keys, wrong types, values out of range, a malformed
// percent-encoding, another version, a link to an uploaded file) as issues
// for the notice. No DOM: node tests import this file as it is.
import { SCHEMAS, VERSION, defaults } from './schemas.js';
import { readField, writeField, limitsOf, same } from './fields.js';

// The playground's older format, ?playground=hidden:256,128;dropout:0.5, is still read.
const LEGACY_PLAYGROUND = 'playground';
const RAW_SHOWN = 40;  // longer values are cut in notices

const shorten = (raw) => (raw.length > RAW_SHOWN ? `${raw.slice(0, RAW_SHOWN - 1)}…` : raw);

// encodeURIComponent, but commas and colons stay readable.
const escape = (s) => encodeURIComponent(s).replace(/%2C/gi, ',').replace(/%3A/gi, ':');

/** state { section: { key: value } } -> "v=1&section.key=value..." ('' when all are defaults). */
export function encodeState(state, schemas = SCHEMAS) {
  const parts = [];
  for (const [section, fields] of Object.entries(schemas)) {
    for (const [key, f] of Object.entries(fields)) {
      const value = state[section]?.[key];
      if (value === undefined || same(value, f.default)) continue;
      parts.push(`${section}.${key}=${escape(writeField(f, value))}`);
    }
  }
  return parts.length ? [`v=${VERSION}`, ...parts].join('&') : '';
}

function decodePart(text) {
  try {
    return { text: decodeURIComponent(text.replace(/\+/g, ' ')) };
  } catch {
    return { bad: true };
  }
}

/** "a=1&b=%zz" -> [{ key, value } | { key?, raw, bad: true }] */
function splitQuery(search) {
  return String(search ?? '').replace(/^\?/, '').split('&').filter(Boolean).map((piece) => {
    const i = piece.indexOf('=');
    const rawKey = i < 0 ? piece : piece.slice(0, i);
    const rawValue = i < 0 ? '' : piece.slice(i + 1);
    const key = decodePart(rawKey);
    const value = decodePart(rawValue);
    if (key.bad) return { raw: shorten(rawKey), bad: true };
    if (value.bad) return { key: key.text, raw: shorten(rawValue), bad: true };
    return { key: key.text, value: value.text };
  });
}

// Reads one setting into `state`, or adds the reason it could not to `issues`.
function readSetting(state, issues, section, key, raw, schemas) {
  const name = `${section}.${key}`;
  const f = schemas[section]?.[key];
  if (!f) {
    issues.push({ kind: 'unknown', key: shorten(name) });
    return;
  }
  const read = readField(f, raw);
  if (read.problem) {
    issues.push({ kind: read.problem, key: name, raw: shorten(raw), expected: read.expected, limits: limitsOf(f) });
  } else if (section === 'wine' && key === 'data' && read.value === 'csv') {
    issues.push({ kind: 'upload', key: name });
  } else {
    state[section][key] = read.value;
  }
}

function readLegacyPlayground(state, issues, text, schemas) {
  issues.push({ kind: 'legacy', key: LEGACY_PLAYGROUND });
  for (const item of text.split(';').filter(Boolean)) {
    const i = item.indexOf(':');
    const key = i < 0 ? item : item.slice(0, i);
    const raw = decodePart(i < 0 ? '' : item.slice(i + 1));
    if (raw.bad) issues.push({ kind: 'encoding', key: `playground.${key}`, raw: shorten(item) });
    else readSetting(state, issues, 'playground', key, raw.text, schemas);
  }
}

/**
 * A URL query -> { state: every section's settings (defaults where the URL
 * says nothing or something unusable),
 * issues: [{ kind, key?, raw?, expected?, limits? }] }.
 */
export function decodeQuery(search, schemas = SCHEMAS) {
  const state = defaults(schemas);
  const issues = [];
  for (const part of splitQuery(search)) {
    if (part.bad) {
      issues.push({ kind: 'encoding', key: part.key ?? null, raw: part.raw });
    } else if (part.key === 'v') {
      if (part.value !== String(VERSION)) issues.push({ kind: 'version', raw: shorten(part.value), expected: String(VERSION) });
    } else if (part.key === LEGACY_PLAYGROUND) {
      readLegacyPlayground(state, issues, part.value, schemas);
    } else {
      const dot = part.key.indexOf('.');
      if (dot < 0) issues.push({ kind: 'unknown', key: shorten(part.key) });
      else readSetting(state, issues, part.key.slice(0, dot), part.key.slice(dot + 1), part.value, schemas);
    }
  }
  return { state, issues };
}

/** Kinds of issue that set something back to its default (the others only inform). */
export const IGNORED = new Set(['unknown', 'type', 'range', 'choice', 'length', 'list', 'encoding']);
