// Every UI string exists in English and Korean with the same shape: en.js and
// ko.js (with trainer_*, runs_*, state_*, a11y_*, offline_* that they include)
// must have the same keys, the same type at each key, arrays of the same
// length and functions that take the same number of values. A Korean text of
// more than a few words must contain Hangul (no English left untranslated).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import en from '../../web/src/strings/en.js';
import ko from '../../web/src/strings/ko.js';
import { chooseLanguage, LANGUAGES } from '../../web/src/i18n/choose.js';

const kind = (x) => (Array.isArray(x) ? 'array' : x === null ? 'null' : typeof x);

// Differences between two string trees, as 'path: what' lines.
function compareShape(a, b, path = '') {
  const out = [];
  if (kind(a) !== kind(b)) return [`${path || '(root)'}: ${kind(a)} in en, ${kind(b)} in ko`];
  if (kind(a) === 'function' && a.length !== b.length) out.push(`${path}: takes ${a.length} values in en, ${b.length} in ko`);
  if (kind(a) === 'array') {
    if (a.length !== b.length) out.push(`${path}: ${a.length} items in en, ${b.length} in ko`);
    for (let i = 0; i < Math.min(a.length, b.length); i++) out.push(...compareShape(a[i], b[i], `${path}[${i}]`));
  }
  if (kind(a) === 'object') {
    for (const key of Object.keys(a)) {
      if (!(key in b)) out.push(`${path}.${key}: missing in ko`);
      else out.push(...compareShape(a[key], b[key], `${path}.${key}`));
    }
    for (const key of Object.keys(b)) if (!(key in a)) out.push(`${path}.${key}: in ko but not in en`);
  }
  return out;
}

function* leaves(tree, path = '') {
  if (kind(tree) === 'object' || kind(tree) === 'array') {
    for (const [key, value] of Object.entries(tree)) yield* leaves(value, `${path}.${key}`);
  } else {
    yield [path, tree];
  }
}

test('en and ko have the same keys, types, array lengths and function arities', () => {
  assert.deepEqual(compareShape(en, ko), []);
});

test('the shape check catches a missing key, an extra key, a type change and an arity change', () => {
  const problems = compareShape(
    { a: 'x', b: { c: (n) => n, d: ['1', '2'] }, e: 'y' },
    { a: () => 'x', b: { c: (n, m) => n + m, d: ['1'] }, f: 'z' },
  );
  assert.deepEqual(problems, [
    '.a: string in en, function in ko',
    '.b.c: takes 1 values in en, 2 in ko',
    '.b.d: 2 items in en, 1 in ko',
    '.e: missing in ko',
    '.f: in ko but not in en',
  ]);
});

test('the area files (trainer, runs, state, a11y, offline) are included in both languages', () => {
  for (const area of ['trainer', 'runs', 'state', 'a11y', 'offline']) {
    assert.equal(kind(en[area]), 'object', `en.${area}`);
    assert.equal(kind(ko[area]), 'object', `ko.${area}`);
  }
  assert.equal(en.lang, 'en');
  assert.equal(ko.lang, 'ko');
});

test('Korean texts are Korean: every string of more than 24 characters contains Hangul', () => {
  const hangul = /[\uAC00-\uD7A3]/;
  const english = [...leaves(ko)].filter(([, value]) => typeof value === 'string' && value.length > 24 && !hangul.test(value));
  assert.deepEqual(english, []);
  // and the texts with values in them, called with sample values
  const samples = [...leaves(ko)].filter(([, value]) => typeof value === 'function');
  let called = 0;
  for (const [path, fn] of samples) {
    let text;
    try { text = fn(...Array.from({ length: fn.length }, () => 3)); } catch { continue; }  // needs other types of values
    called += 1;
    if (typeof text === 'string' && text.length > 24) assert.match(text, hangul, `${path} -> ${text}`);
  }
  assert.ok(called > 40, `${called} of ${samples.length} Korean functions called`);
});

test('language choice: stored choice first, then the browser\'s languages, then English', () => {
  assert.deepEqual(LANGUAGES.map((l) => l.code), ['en', 'ko']);
  assert.equal(chooseLanguage({ stored: 'ko', languages: ['en-US'] }), 'ko');
  assert.equal(chooseLanguage({ stored: 'en', languages: ['ko-KR', 'ko'] }), 'en');
  assert.equal(chooseLanguage({ stored: null, languages: ['ko-KR', 'en-US'] }), 'ko');
  assert.equal(chooseLanguage({ stored: null, languages: ['fr-FR', 'ko'] }), 'ko');
  assert.equal(chooseLanguage({ stored: null, languages: ['de-DE', 'fr'] }), 'en');
  assert.equal(chooseLanguage({ stored: 'xx', languages: ['KO-kr'] }), 'ko', 'an unknown stored value is ignored; case does not matter');
  assert.equal(chooseLanguage({ stored: undefined, languages: undefined }), 'en');
  assert.equal(chooseLanguage({ stored: null, languages: ['', 'en-GB', 'ko'] }), 'en');
});
