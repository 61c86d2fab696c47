// The URL state codec (web/src/state): every section's defaults and random
// valid settings survive encode -> decode exactly; each kind of bad value
// falls back to its default, keeps the good ones, and gets a notice line.
// Pure JS: no DOM, no wasm. The seed of the random states is printed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SCHEMAS, VERSION, defaults } from '../../web/src/state/schemas.js';
import { encodeState, decodeQuery, IGNORED } from '../../web/src/state/codec.js';
import { isValid } from '../../web/src/state/fields.js';
import { noticeText, issueText } from '../../web/src/state/notice.js';
import en from '../../web/src/strings/state_en.js';
import ko from '../../web/src/strings/state_ko.js';

// mulberry32: a small seeded generator, so a failure can be replayed.
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6D2B79F5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CHARS = 'abc 0123456789,;:.-+&=%#?/\\"\'\n\té한국어∞';

function randomValue(f, r) {
  const pick = (xs) => xs[Math.floor(r() * xs.length)];
  switch (f.kind) {
    case 'number': {
      const span = f.max - f.min;
      // Wide ranges (alphas up to 1e9) are drawn on a log scale half the time.
      let x = span > 1e3 && r() < 0.5 ? Math.min(f.max, Math.max(f.min, 10 ** (-6 + r() * 15))) : f.min + r() * span;
      if (f.integer) x = Math.min(f.max, Math.max(f.min, Math.round(x)));
      if ((f.openMin && x <= f.min) || (f.openMax && x >= f.max)) x = f.min + span / 2;
      return x;
    }
    case 'choice': return pick(f.values);
    case 'flag': return r() < 0.5;
    case 'text': return Array.from({ length: Math.floor(r() * 30) }, () => pick([...CHARS])).join('');
    case 'pnorm': return r() < 0.2 ? Infinity : 1 + r() * 50;
    case 'integers': return Array.from({ length: 1 + Math.floor(r() * f.maxItems) }, () => f.min + Math.floor(r() * (f.max - f.min + 1)));
    default: throw new Error(f.kind);
  }
}

function randomState(r) {
  const state = defaults();
  for (const [section, fields] of Object.entries(SCHEMAS)) {
    for (const [key, f] of Object.entries(fields)) {
      if (r() < 0.5) state[section][key] = randomValue(f, r);
    }
  }
  state.wine.data = 'builtin';  // 'csv' is never restored (the file is not in the link)
  return state;
}

test('the defaults encode to an empty query, and an empty query decodes to the defaults', () => {
  assert.equal(encodeState(defaults()), '');
  for (const search of ['', '?', '?v=1']) {
    const { state, issues } = decodeQuery(search);
    assert.deepEqual(state, defaults());
    assert.deepEqual(issues, []);
  }
  // Every default is a value its own field accepts.
  for (const [section, fields] of Object.entries(SCHEMAS)) {
    for (const [key, f] of Object.entries(fields)) assert.ok(isValid(f, f.default), `${section}.${key}`);
  }
});

test('each section alone round-trips: one changed setting gives one key', () => {
  const r = rng(7);
  for (const [section, fields] of Object.entries(SCHEMAS)) {
    for (const [key, f] of Object.entries(fields)) {
      if (section === 'wine' && key === 'data') continue;
      const state = defaults();
      let value;
      do value = randomValue(f, r); while (JSON.stringify(value) === JSON.stringify(f.default) && value !== Infinity);
      state[section][key] = value;
      const query = encodeState(state);
      assert.match(query, new RegExp(`^v=${VERSION}&${section.replace('.', '\\.')}\\.${key}=[^&]*$`), query);
      const back = decodeQuery(`?${query}`);
      assert.deepEqual(back.issues, [], query);
      assert.deepEqual(back.state, state, query);
    }
  }
});

test('random valid states round-trip exactly (1000 states)', () => {
  const seed = Number(process.env.URL_STATE_SEED ?? Date.now() % 1e9);
  console.log(`# url_state random seed ${seed} (replay: URL_STATE_SEED=${seed})`);
  const r = rng(seed);
  for (let i = 0; i < 1000; i += 1) {
    const state = randomState(r);
    const query = encodeState(state);
    const back = decodeQuery(`?${query}`);
    assert.deepEqual(back.issues, [], query);
    assert.deepEqual(back.state, state, query);
    // What URLSearchParams makes of it agrees (no '&' or '=' escaped into a key).
    const keys = [...new URLSearchParams(query).keys()];
    assert.equal(new Set(keys).size, keys.length);
  }
});

test('the query stays readable: commas, colons and dots are not escaped', () => {
  const state = defaults();
  state.playground.hidden = [256, 128];
  state.norms.p = Infinity;
  state.wine.seed = 7;
  state.norms.vector = '1, 2';
  assert.equal(encodeState(state), 'v=1&wine.seed=7&norms.vector=1,%202&norms.p=inf&playground.hidden=256,128');
});

// [query, the setting that must fall back, its issue kind, a pattern of the English notice line]
const BAD = [
  ['wine.nope=1', null, 'unknown', /^"wine\.nope" is not a setting of this lab/],
  ['utm_source=mail', null, 'unknown', /^"utm_source" is not a setting/],
  ['scaling.species=rose', ['scaling', 'species'], 'choice', /^scaling\.species: "rose" is not one of setosa, versicolor, virginica\.$/],
  ['wine.seed=abc', ['wine', 'seed'], 'type', /^wine\.seed: "abc" is not a whole number\.$/],
  ['wine.seed=1.5', ['wine', 'seed'], 'type', /whole number/],
  ['wine.seed=-5', ['wine', 'seed'], 'range', /^wine\.seed: -5 is outside \[0, 4294967295\]\.$/],
  ['wine.test_size=1', ['wine', 'test_size'], 'range', /^wine\.test_size: 1 is outside \[0, 1\)\.$/],
  ['one-feature.lasso=-1', ['one-feature', 'lasso'], 'range', /outside \[0, 1000000000\]/],
  ['one-feature.lasso=NaN', ['one-feature', 'lasso'], 'type', /"NaN" is not a number/],
  ['one-feature.ridge=1e400', ['one-feature', 'ridge'], 'range', /1e400 is outside/],
  ['one-feature.ridge=0x10', ['one-feature', 'ridge'], 'type', /is not a number/],
  ['one-feature.ridge=', ['one-feature', 'ridge'], 'type', /"" is not a number/],
  ['penalty.rho=0.95', ['penalty', 'rho'], 'range', /\[-0\.9, 0\.9\]/],
  ['norms.p=0.5', ['norms', 'p'], 'range', /norms\.p: 0\.5 is outside \[1, inf\]/],
  ['norms.p=big', ['norms', 'p'], 'type', /a number >= 1 or inf/],
  [`norms.matrix=${'1,'.repeat(2001)}1`, ['norms', 'matrix'], 'length', /longer than 4000 characters/],
  ['playground.batchnorm=yes', ['playground', 'batchnorm'], 'type', /"yes" is not 0 or 1/],
  ['playground.hidden=128,abc', ['playground', 'hidden'], 'type', /a list of whole numbers/],
  ['playground.hidden=64,64,64,64', ['playground', 'hidden'], 'list', /^playground\.hidden: "64,64,64,64" is not 1 to 3 whole numbers in \[1, 4096\]\.$/],
  ['playground.hidden=0', ['playground', 'hidden'], 'list', /is not 1 to 3 whole numbers/],
  ['playground.dropout=1', ['playground', 'dropout'], 'range', /\[0, 0\.95\]/],
  ['playground.input_divisor=7', ['playground', 'input_divisor'], 'choice', /255, 65025, 1/],
  ['trainer.fast_limit=999', ['trainer', 'fast_limit'], 'choice', /3000, 6000, 12000/],
  // Issue 6's parameters, as a link may carry them:
  ['wine.lasso=-1', ['wine', 'lasso'], 'range', /^wine\.lasso: -1 is outside \[0, 1000000000\]\.$/],
  ['wine.enet=nan', ['wine', 'enet'], 'type', /"nan" is not a number/],
  ['wine.l1_ratio=1.5', ['wine', 'l1_ratio'], 'range', /^wine\.l1_ratio: 1\.5 is outside \[0, 1\]\.$/],
  ['playground.dropout=1', ['playground', 'dropout'], 'range', /^playground\.dropout: 1 is outside \[0, 0\.95\]\.$/],
  ['playground.batch_size=0', ['playground', 'batch_size'], 'range', /\[1, 65536\]/],
  ['playground.epochs=0', ['playground', 'epochs'], 'range', /\[1, 100000\]/],
  ['playground.hidden=100000', ['playground', 'hidden'], 'list', /1 to 3 whole numbers in \[1, 4096\]/],
  ['playground.learning_rate=1e3', ['playground', 'learning_rate'], 'range', /^playground\.learning_rate: 1e3 is outside \(0, 10\]\.$/],
  ['wine.seed=%E0%A4%A', ['wine', 'seed'], 'encoding', /^wine\.seed: "%E0%A4%A" is not valid percent-encoding\.$/],
  ['wine.seed=%zz', ['wine', 'seed'], 'encoding', /percent-encoding/],
  ['wine.s%ZZeed=1', null, 'encoding', /^"wine\.s%ZZeed": not valid percent-encoding/],
];

test('each kind of bad value: its default, the other settings kept, one notice line', () => {
  for (const [bad, setting, kind, pattern] of BAD) {
    const { state, issues } = decodeQuery(`?v=1&norms.vector=3,4&${bad}&wine.folds=7`);
    assert.equal(issues.length, 1, `${bad}: ${JSON.stringify(issues)}`);
    assert.equal(issues[0].kind, kind, bad);
    assert.ok(IGNORED.has(kind));
    assert.match(issueText(issues[0], en), pattern, bad);
    if (setting) assert.deepEqual(state[setting[0]][setting[1]], SCHEMAS[setting[0]][setting[1]].default, bad);
    assert.equal(state.norms.vector, '3,4', `${bad}: a good setting was lost`);
    assert.equal(state.wine.folds, 7, `${bad}: a good setting was lost`);
    const notice = noticeText(issues, en);
    assert.match(notice.title, /a setting the lab cannot use; it is back at the default/);
  }
});

test('a long or hostile value is shown cut and as text', () => {
  const { issues } = decodeQuery(`?wine.scaling=${encodeURIComponent('<img src=x onerror=alert(1)>'.repeat(5))}`);
  assert.equal(issues[0].kind, 'choice');
  assert.equal(issues[0].raw.length, 40);
  assert.ok(issues[0].raw.endsWith('…'));
});

test('another version: every setting is checked, the valid ones kept, with a note', () => {
  const { state, issues } = decodeQuery('?v=0&wine.seed=7&wine.alpha=3');
  assert.equal(state.wine.seed, 7);
  assert.deepEqual(issues.map((i) => i.kind), ['version', 'unknown']);
  assert.match(issueText(issues[0], en), /another version of the lab \(v=0; this page is v=1\)/);
  assert.match(noticeText(issues, en).title, /a setting the lab cannot use/);
  assert.match(noticeText(issues.slice(0, 1), en).title, /restored, with a note/);
});

test('a link to an uploaded CSV falls back to the built-in data, keeping its other settings', () => {
  const { state, issues } = decodeQuery('?v=1&wine.data=csv&wine.seed=3');
  assert.equal(state.wine.data, 'builtin');
  assert.equal(state.wine.seed, 3);
  assert.deepEqual(issues.map((i) => i.kind), ['upload']);
  assert.ok(!IGNORED.has('upload'));
  assert.match(issueText(issues[0], en), /uploaded CSV file.*built-in wine data is shown instead/);
});

test('the playground\'s older ?playground=key:value;... links still open', () => {
  const { state, issues } = decodeQuery('?playground=hidden:256,128;dropout:0.5;batchnorm:1;l2:0.001;optimizer:sgd;bogus:1;epochs:zero');
  assert.deepEqual(state.playground.hidden, [256, 128]);
  assert.equal(state.playground.dropout, 0.5);
  assert.equal(state.playground.batchnorm, true);
  assert.equal(state.playground.l2, 0.001);
  assert.equal(state.playground.optimizer, 'sgd');
  assert.equal(state.playground.epochs, 10);  // 'zero' is not a number: the default
  assert.deepEqual(issues.map((i) => [i.kind, i.key]), [['legacy', 'playground'], ['unknown', 'playground.bogus'], ['type', 'playground.epochs']]);
  assert.match(issueText(issues[0], en), /older format/);
  // Re-encoded in the current format.
  assert.equal(encodeState(state), 'v=1&playground.hidden=256,128&playground.dropout=0.5&playground.batchnorm=1&playground.l2=0.001&playground.optimizer=sgd');
});

test('every notice string exists in Korean too, and says something for every issue kind', () => {
  const shape = (o) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, typeof v === 'object' ? shape(v) : typeof v]));
  assert.deepEqual(shape(ko), shape(en));
  const issues = decodeQuery(`?v=2&x.y=1&wine.seed=abc&wine.seed=-1&wine.scaling=a&wine.seed=%zz&%zz=1&wine.data=csv&playground=dropout:0.5&${`norms.vector=${'x'.repeat(2001)}`}&playground.epochs=1e9&playground.hidden=9999`).issues;
  assert.deepEqual(new Set(issues.map((i) => i.kind)), new Set(['version', 'unknown', 'type', 'range', 'choice', 'encoding', 'upload', 'legacy', 'length', 'list']));
  for (const strings of [en, ko]) {
    for (const issue of issues) {
      const line = issueText(issue, strings);
      assert.equal(typeof line, 'string');
      assert.ok(line.length > 10 && !line.includes('undefined'), line);
    }
  }
  assert.match(noticeText(issues, ko).title, /설정이 9개/);
});
