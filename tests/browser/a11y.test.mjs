// Accessibility of the lab. In node: the colour-blind-safe palette (each
// colour vision deficiency simulated), text contrast of the page's colours,
// dash patterns, the chart -> table/CSV model. In headless Chromium (dist/):
// axe-core on the whole page once every section is mounted (every data table
// and "show as Python" open) and again with the trainer's views filled by a
// short run, failing on serious or critical violations; keyboard operation
// (skip link, focus ring, a slider moves a chart); each chart's data table
// matches the chart and follows it; the PNG and CSV downloads; reduced motion.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { inflateSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { openLab, DIST } from './browser.mjs';
import * as palette from '../../web/src/charts/palette.js';
import { assignDashes } from '../../web/src/charts/dashes.js';
import { chartTable, tableCsv } from '../../web/src/charts/chart_data.js';
import en from '../../web/src/strings/a11y_en.js';
import ko from '../../web/src/strings/a11y_ko.js';

const AXE = readFileSync(fileURLToPath(new URL('../../node_modules/axe-core/axe.min.js', import.meta.url)), 'utf8');
const CSS = readFileSync(fileURLToPath(new URL('../../web/src/styles/main.css', import.meta.url)), 'utf8');
const haveData = existsSync(`${DIST}data/train-images-idx3-ubyte.gz`);

// ---- colour science (WCAG 2 contrast; Machado et al. 2009 CVD simulation) ----

const linear = (c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
const rgb = (hex) => {
  const n = parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255].map((v) => linear(v / 255));
};
const luminance = (hex) => { const [r, g, b] = rgb(hex); return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
const contrast = (a, b) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (hi + 0.05) / (lo + 0.05);
};
// Machado, Oliveira & Fernandes (2009), severity 1.0, on linear RGB.
const VISION = {
  normal: [[1, 0, 0], [0, 1, 0], [0, 0, 1]],
  protanopia: [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]],
  deuteranopia: [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.011820, 0.042940, 0.968881]],
  tritanopia: [[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602], [0.004733, 0.691367, 0.303900]],
};
function toLab([r, g, b]) {  // linear sRGB -> CIELAB (D65)
  const f = (t) => (t > 216 / 24389 ? Math.cbrt(t) : (24389 / 27 * t + 16) / 116);
  const x = f((0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047);
  const y = f(0.2126 * r + 0.7152 * g + 0.0722 * b);
  const z = f((0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883);
  return [116 * y - 16, 500 * (x - y), 200 * (y - z)];
}
const seen = (hex, vision) => {
  const c = rgb(hex);
  return toLab(VISION[vision].map((row) => Math.min(1, Math.max(0, row[0] * c[0] + row[1] * c[1] + row[2] * c[2]))));
};
// The smallest CIE76 colour difference between any two of `colours` as seen with `vision`.
function closest(colours, vision) {
  let best = { d: Infinity };
  for (let i = 0; i < colours.length; i += 1) {
    for (let j = i + 1; j < colours.length; j += 1) {
      const [p, q] = [seen(colours[i], vision), seen(colours[j], vision)];
      const d = Math.hypot(p[0] - q[0], p[1] - q[1], p[2] - q[2]);
      if (d < best.d) best = { d, pair: [colours[i], colours[j]] };
    }
  }
  return best;
}
// ΔE 15 is far beyond "just noticeable" (about 2.3) and tells lines apart at a glance.
const MIN_DELTA_E = 15;

test('palette: every colour pair stays apart for protan, deutan and tritan readers', () => {
  const sets = {
    models: [...Object.values(palette.model), palette.data],
    categorical: palette.categoricalColours(),
    runs: palette.runColors,
    pairs: [['N1', 'N2'], ['N3', 'N4'], ['N5', 'N6']].map((p) => p.map((id) => palette.presetColors[id])),
  };
  const report = [];
  for (const vision of Object.keys(VISION)) {
    for (const [name, colours] of Object.entries(sets)) {
      const groups = name === 'pairs' ? colours : [colours];
      for (const group of groups) {
        const { d, pair } = closest(group, vision);
        report.push(`${vision} ${name}: ΔE ${d.toFixed(1)} (${pair})`);
        assert.ok(d >= MIN_DELTA_E, `${vision}, ${name}: ${pair} only ΔE ${d.toFixed(1)} apart`);
      }
    }
  }
  // The test tells palettes apart: the Tableau colours the charts had before
  // put red and green 0.9 apart for a deuteranope.
  const tableau = ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948', '#b07aa1'];
  assert.ok(closest(tableau, 'deuteranopia').d < 2, 'the simulation sees the red-green confusion');
  console.log(`# palette: ${report.filter((l) => !l.startsWith('normal')).map((l) => l.replace(/ \(.*/, '')).join('; ')}`);
});

test('palette: 21 features on one chart get 21 different (colour, dash) lines', () => {
  const datasets = Array.from({ length: 21 }, (_, i) => ({ type: 'line', label: `f${i}`, borderColor: palette.categorical(i), data: [] }));
  assignDashes(datasets);
  const looks = new Set(datasets.map((ds) => `${ds.borderColor}|${ds.borderDash.join(',')}`));
  assert.equal(looks.size, 21);
});

test('dashes: model lines get their model\'s pattern; set, filled and single lines are left alone', () => {
  const models = ['ols', 'lasso', 'ridge'].map((m) => ({ type: 'line', label: m, borderColor: palette.model[m], data: [] }));
  const scatter = { type: 'scatter', label: 'data', borderColor: palette.data, data: [] };
  assignDashes([scatter, ...models]);
  assert.deepEqual(models.map((ds) => ds.borderDash), [palette.modelDash.ols, palette.modelDash.lasso, palette.modelDash.ridge]);
  assert.equal(scatter.borderDash, undefined);
  assert.notDeepEqual(palette.modelDash.lasso, palette.modelDash.ridge);

  const own = { type: 'line', label: 'validation', borderColor: '#000000', borderDash: [6, 4], data: [] };
  const region = { type: 'line', label: 'L1', borderColor: palette.model.lasso, fill: 'shape', data: [] };
  const other = { type: 'line', label: 'train', borderColor: '#000000', data: [] };
  assignDashes([own, region, other]);
  assert.deepEqual(own.borderDash, [6, 4]);
  assert.equal(region.borderDash, undefined);
  assert.equal(other.borderDash, undefined, 'one free line needs no dash');
  // A pattern chosen here is chosen again on the next update, not mistaken for the section's own.
  const runs = [palette.runColors[0], palette.runColors[1]].map((c, i) => ({ type: 'line', label: `run ${i}`, borderColor: c, data: [] }));
  assignDashes(runs);
  assignDashes(runs.slice(1));
  assert.equal(runs[1].borderDash, undefined, 'alone again: solid');
});

test('text colours of the page have at least 4.5:1 contrast on every background they sit on', () => {
  const v = Object.fromEntries([...CSS.matchAll(/--([\w-]+):\s*(#[0-9a-fA-F]{6})/g)].map((m) => [m[1], m[2]]));
  const pairs = [
    ['text', 'surface'], ['text', 'bg'], ['muted', 'surface'], ['muted', 'bg'], ['muted', 'accent-soft'],
    ['accent', 'surface'], ['accent', 'bg'], ['accent', 'accent-soft'], ['danger', 'danger-soft'], ['danger', 'surface'],
  ];
  for (const [fg, bg] of pairs) {
    const ratio = contrast(v[fg], v[bg]);
    assert.ok(ratio >= 4.5, `--${fg} on --${bg}: ${ratio.toFixed(2)}:1`);
  }
  assert.ok(contrast('#ffffff', v.accent) >= 4.5, 'white on the accent (pressed toggles, primary buttons)');
  assert.ok(contrast(v.focus, v.surface) >= 3, 'the focus ring stands out (3:1 for non-text)');
  assert.ok(contrast(palette.zero, '#ffffff') >= 4.5, 'text drawn on the charts (coefficients at 0)');
});

test('chart data model: bars by category, shared x as columns, points as rows; CSV quoted and formula-safe', () => {
  const bars = { data: { labels: ['alcohol', '=cmd()'], datasets: [{ label: 'OLS', data: [0.5, -1] }, { label: 'Lasso', data: [0, -0.25] }] }, options: { indexAxis: 'y', scales: { y: {} } } };
  assert.deepEqual(chartTable(bars, en), { columns: ['Category', 'OLS', 'Lasso'], rows: [['alcohol', 0.5, 0], ['=cmd()', -1, -0.25]] });
  const csv = tableCsv(chartTable(bars, en));
  assert.equal(csv, 'Category,OLS,Lasso\r\nalcohol,0.5,0\r\n\'=cmd(),-1,-0.25\r\n');

  const path = { data: { datasets: [{ label: 'a', data: [{ x: 1, y: 2 }, { x: 10, y: 3 }] }, { label: 'a', data: [{ x: 1, y: 4 }, { x: 10, y: 5 }] }, { label: '', data: [{ x: 0, y: 0 }] }] }, options: { scales: { x: { title: { display: true, text: 'alpha' } } } } };
  assert.deepEqual(chartTable(path, en), { columns: ['alpha', 'a', 'a (2)'], rows: [[1, 2, 4], [10, 3, 5]] });

  const mixed = { data: { datasets: [{ label: 'data, "raw"', data: [{ x: 1, y: 2 }] }, { label: 'fit', data: [{ x: 0, y: 1 }, { x: 2, y: 3 }] }] }, options: {} };
  const table = chartTable(mixed, en);
  assert.deepEqual(table.columns, ['Series', 'x', 'y']);
  assert.deepEqual(table.rows, [['data, "raw"', 1, 2], ['fit', 0, 1], ['fit', 2, 3]]);
  assert.match(tableCsv(table), /^Series,x,y\r\n"data, ""raw""",1,2\r\n/);
  assert.deepEqual(chartTable({ data: { datasets: [] }, options: {} }, en).rows, []);
});

// ---- in the browser ------------------------------------------------------------

let lab;
let page;
before(async () => {
  lab = await openLab({ width: 1280, height: 900 });
  page = lab.page;
});
after(async () => { await lab?.close(); });

// Runs axe-core on the page; returns the serious and critical violations, printed one per node.
async function axeViolations(context = 'document') {
  // The page's CSP (script-src 'self') refuses an inline <script> (page.addScriptTag):
  // the script is evaluated through the DevTools protocol instead, which CSP does not govern.
  if (!(await page.evaluate(() => Boolean(window.axe)))) await page.evaluate(AXE);
  const violations = await page.evaluate(async (ctx) => {
    const result = await window.axe.run(ctx === 'document' ? document : ctx, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({
        target: n.target.join(' '),
        section: document.querySelector(n.target.join(' '))?.closest('section')?.id ?? '(page)',
        summary: n.failureSummary.split('\n').slice(0, 2).join(' '),
      })),
    }));
  }, context);
  const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  for (const v of violations) {
    for (const n of v.nodes) console.log(`# axe ${v.impact} ${v.id} in #${n.section}: ${n.target} (${n.summary})`);
  }
  return bad.flatMap((v) => v.nodes.map((n) => `${v.impact} ${v.id} in #${n.section}: ${n.target}: ${v.help}`));
}

// Every chart's data table and every "show as Python" block open, so axe checks them too.
async function openEverything() {
  await page.evaluate(() => {
    document.querySelectorAll('.table-toggle[aria-expanded="false"]').forEach((b) => b.click());
    document.querySelectorAll('details').forEach((d) => { d.open = true; });
  });
  await page.waitForTimeout(100);
}

async function closeEverything() {
  await page.evaluate(() => {
    document.querySelectorAll('.table-toggle[aria-expanded="true"]').forEach((b) => b.click());
    document.querySelectorAll('details').forEach((d) => { d.open = false; });
  });
}

test('axe: no serious or critical violation with every section mounted (tables and code open)', async () => {
  const sections = await page.$$eval('main section.lab-section', (all) => all.map((s) => ({ id: s.id, mounted: s.childElementCount > 0 })));
  const navLinks = await page.$$eval('.site-nav .nav-group a', (links) => links.map((a) => a.hash.slice(1)));
  assert.deepEqual(sections.map((s) => s.id), navLinks, 'every section of the navigation is on the page');
  assert.ok(sections.every((s) => s.mounted), JSON.stringify(sections));
  await openEverything();
  try {
    // (a chart drawn only when it first comes into view fills its table then)
    const count = () => page.evaluate(() => [document.querySelectorAll('.chart-table:not([hidden]) table').length, [...document.querySelectorAll('canvas[role=img]')].filter((c) => c.chart).length]);
    await page.waitForFunction(() => document.querySelectorAll('.chart-table:not([hidden]) table').length === [...document.querySelectorAll('canvas[role=img]')].filter((c) => c.chart).length, null, { timeout: 5000 })
      .catch(async () => assert.fail(`open tables / charts: ${await count()}`));
    assert.deepEqual(await axeViolations(), []);
  } finally {
    await closeEverything();
  }
});

test('keyboard: the skip link comes first and moves focus to the content', async () => {
  await page.evaluate(() => { document.activeElement?.blur(); window.scrollTo(0, 0); });
  await page.keyboard.press('Tab');
  const first = await page.evaluate(() => ({ cls: document.activeElement.className, text: document.activeElement.textContent, top: document.activeElement.getBoundingClientRect().top }));
  assert.equal(first.cls, 'skip-link');
  assert.equal(first.text, en.skipToContent);
  assert.ok(first.top >= 0, 'visible while focused');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement.tagName), 'MAIN');
  await page.keyboard.press('Tab');
  assert.ok(await page.evaluate(() => document.querySelector('main').contains(document.activeElement) && document.activeElement !== document.querySelector('main')),
    'the next Tab lands inside the content');
});

test('keyboard: every control has a visible focus ring when reached by keyboard', async () => {
  const controls = 'main button:not([disabled]), main input, main select, main textarea, main summary, main a[href], main [tabindex="0"], .site-nav a';
  const ids = await page.$$eval(controls, (els) => els.filter((el) => el.checkVisibility({ visibilityProperty: true, contentVisibilityAuto: true }) && !el.closest('details:not([open]) > :not(summary)')).map((el, i) => { el.dataset.focusProbe = String(i); return String(i); }));
  assert.ok(ids.length > 40, `${ids.length} controls`);
  const missing = [];
  await page.keyboard.press('Shift');  // keyboard modality: focus() then shows :focus-visible
  for (const id of ids) {
    const ring = await page.$eval(`[data-focus-probe="${id}"]`, (el) => {
      if (!el.checkVisibility({ visibilityProperty: true })) return { skipped: true };  // hidden since (a view redrew)
      el.focus();
      const s = getComputedStyle(el);
      return { focused: document.activeElement === el, visible: el.matches(':focus-visible'), style: s.outlineStyle, width: parseFloat(s.outlineWidth), what: `${el.tagName.toLowerCase()}.${el.className} in #${el.closest('section')?.id} ${el.closest('[inert], [hidden], [aria-hidden]')?.outerHTML.slice(0, 80)}` };
    });
    if (ring.skipped) continue;
    if (!ring.focused || !ring.visible || ring.style === 'none' || ring.width < 2) missing.push(`${ring.what}: ${JSON.stringify(ring)}`);
  }
  assert.deepEqual(missing, []);
});

// Waits for the next redraw of a section: the listener is in place (awaited)
// before the key is pressed, so that a fast redraw cannot slip past it.
async function nextRedraw(id) {
  const key = await page.evaluate((sectionId) => {
    const name = `redraw${Math.random().toString(36).slice(2)}`;
    window[name] = new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no redraw of #${sectionId} in 5 s`)), 5000);
      document.getElementById(sectionId).addEventListener('reglab:updated', () => { clearTimeout(timer); resolve(); }, { once: true });
    });
    return name;
  }, id);
  return () => page.evaluate((name) => window[name], key);
}

test('keyboard: focus on a slider, ArrowRight changes its value and the chart', async () => {
  const slider = '#one-feature .alpha-field input[type=range]';
  const data = () => page.$eval('#one-feature canvas', (c) => c.chart.data.datasets.find((ds) => ds.label === 'Lasso').data.map((p) => p.y));
  await page.focus(slider);
  let redrawn = await nextRedraw('one-feature');
  await page.keyboard.press('Home');  // alpha 1e-3: Lasso close to OLS
  await redrawn();
  const before = { value: Number(await page.inputValue(slider)), ys: await data() };
  redrawn = await nextRedraw('one-feature');
  for (let i = 0; i < 100; i += 1) await page.keyboard.press('ArrowRight');
  await redrawn();
  await page.waitForTimeout(50);  // the last presses' redraw
  const after = { value: Number(await page.inputValue(slider)), ys: await data() };
  assert.equal(after.value - before.value, 100, 'one step per key press');
  assert.ok(after.ys.at(-1) - after.ys[0] < before.ys.at(-1) - before.ys[0] - 1e-3, 'a larger alpha: the Lasso line is flatter');
  redrawn = await nextRedraw('one-feature');
  await page.keyboard.press('ArrowRight');
  await redrawn();
  assert.equal(Number(await page.inputValue(slider)), after.value + 1);
});

// The open data table of a chart, read back as numbers where the cells are numbers.
async function readTable(canvasSelector) {
  return page.$eval(canvasSelector, (canvas) => {
    const box = canvas.closest('.chart-box');
    const table = box.querySelector('.chart-table table');
    const cell = (td) => (td.textContent === '–' ? NaN : (Number.isNaN(Number(td.textContent)) ? td.textContent : Number(td.textContent)));
    return {
      caption: table.caption.textContent,
      columns: [...table.tHead.rows[0].cells].map((th) => ({ text: th.textContent, scope: th.scope })),
      rows: [...table.tBodies[0].rows].map((tr) => ({ head: tr.cells[0].tagName === 'TH' && tr.cells[0].scope === 'row', cells: [...tr.cells].map(cell) })),
    };
  });
}
const near = (a, b) => (Number.isNaN(a) && Number.isNaN(b)) || Math.abs(a - b) <= 1e-5 * Math.max(1, Math.abs(b));

test('data table: it holds what the chart draws (wide, long and bar layouts) and follows the chart', async () => {
  // Wine: the Lasso path, one row per alpha and one column per feature
  await page.click('#wine .chart-box >> nth=1 >> .table-toggle');
  const pathCanvas = '#wine .chart-box >> nth=1 >> canvas';
  const path = await readTable(pathCanvas);
  const pathData = await page.$eval(pathCanvas, (c) => c.chart.data.datasets.filter((ds) => ds.label).map((ds) => ({ label: ds.label, data: ds.data })));
  assert.equal(path.columns.length, 1 + pathData.length);
  assert.ok(path.columns.every((c) => c.scope === 'col'));
  assert.deepEqual(path.columns.slice(1).map((c) => c.text), pathData.map((d) => d.label));
  assert.equal(path.rows.length, pathData[0].data.length);
  path.rows.forEach((row, i) => {
    assert.ok(row.head, 'each row has a row header');
    assert.ok(near(row.cells[0], pathData[0].data[i].x), `alpha of row ${i}`);
    pathData.forEach((d, j) => assert.ok(near(row.cells[j + 1], d.data[i].y), `row ${i}, ${d.label}: ${row.cells[j + 1]} vs ${d.data[i].y}`));
  });
  assert.ok(await page.$eval(pathCanvas, (c) => [...c.closest('.chart-box').querySelectorAll('td')].every((td) => td.textContent !== '-0')), 'a zero from below reads 0, not -0');
  assert.equal(path.caption, en.tableCaption(await page.$eval(pathCanvas, (c) => c.getAttribute('aria-label'))));

  // Wine: the coefficient bars, one row per feature
  const coefCanvas = '#wine .chart-box >> nth=0 >> canvas';
  await page.click('#wine .chart-box >> nth=0 >> .table-toggle');
  const coefs = await readTable(coefCanvas);
  const bars = await page.$eval(coefCanvas, (c) => ({ labels: c.chart.data.labels, sets: c.chart.data.datasets.map((ds) => ({ label: ds.label, data: ds.data })) }));
  assert.deepEqual(coefs.rows.map((r) => r.cells[0]), bars.labels);
  bars.sets.forEach((set, j) => set.data.forEach((v, i) => assert.ok(near(coefs.rows[i].cells[j + 1], v), `${bars.labels[i]} ${set.label}`)));

  // One feature: points and lines with their own x: one row per point; after a slider move the open table follows
  const oneCanvas = '#one-feature canvas';
  await page.click('#one-feature .table-toggle');
  const check = async () => {
    const table = await readTable(oneCanvas);
    const sets = await page.$eval(oneCanvas, (c) => c.chart.data.datasets.filter((ds) => ds.label).map((ds) => ({ label: ds.label, data: ds.data })));
    const expected = table.columns.length === 1 + sets.length
      ? sets[0].data.map((p, i) => [p.x, ...sets.map((s) => s.data[i].y)])
      : sets.flatMap((s) => s.data.map((p) => [s.label, p.x, p.y]));
    assert.equal(table.rows.length, expected.length);
    table.rows.forEach((row, i) => row.cells.forEach((v, k) => assert.ok(typeof v === 'string' ? v === expected[i][k] : near(v, expected[i][k]), `row ${i} col ${k}: ${v} vs ${expected[i][k]}`)));
    return table;
  };
  const first = await check();
  await page.focus('#one-feature .alpha-field input[type=range]');
  await page.keyboard.press('End');  // (the slider test left it near the bottom)
  await page.waitForTimeout(100);
  const redrawn = await nextRedraw('one-feature');
  await page.keyboard.press('Home');
  await redrawn();
  await page.waitForTimeout(100);  // the table is rebuilt on the next animation frame
  const second = await check();
  assert.notDeepEqual(second.rows, first.rows, 'the open table followed the chart');
  for (const sel of ['#wine .chart-box >> nth=0 >> .table-toggle', '#wine .chart-box >> nth=1 >> .table-toggle', '#one-feature .table-toggle']) await page.click(sel);
  assert.equal(await page.$$eval('.chart-table:not([hidden])', (t) => t.length), 0, 'closed again');
});

// PNG: the signature, the IHDR size, and the first pixel (opaque white, not transparent).
function readPng(bytes) {
  assert.deepEqual([...bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'PNG signature');
  let offset = 8;
  let header;
  const idat = [];
  while (offset < bytes.length) {
    const length = bytes.readUInt32BE(offset);
    const type = bytes.toString('latin1', offset + 4, offset + 8);
    const body = bytes.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') header = { width: body.readUInt32BE(0), height: body.readUInt32BE(4), depth: body[8], colourType: body[9] };
    if (type === 'IDAT') idat.push(body);
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  // The first pixel of the first row reads the same under every PNG filter (no row above, no pixel left).
  const channels = { 2: 3, 6: 4 }[header.colourType];
  return { ...header, firstPixel: [...raw.subarray(1, 1 + channels)] };
}

test('download: each chart as a PNG (white background, the canvas size) and its data as CSV', async () => {
  const box = '#wine .chart-box >> nth=0';
  const size = await page.$eval(`${box} >> canvas`, (c) => [c.width, c.height]);
  const [png] = await Promise.all([page.waitForEvent('download'), page.click(`${box} >> .png`)]);
  assert.match(png.suggestedFilename(), /^reglab-wine-[\p{L}\p{N}-]+\.png$/u);
  const bytes = readFileSync(await png.path());
  assert.ok(bytes.length > 5000, `${bytes.length} bytes`);
  const image = readPng(bytes);
  assert.deepEqual([image.width, image.height], size);
  assert.equal(image.depth, 8);
  assert.ok(image.firstPixel.every((v) => v === 255), `first pixel ${image.firstPixel}`);

  const [csv] = await Promise.all([page.waitForEvent('download'), page.click(`${box} >> .csv`)]);
  assert.match(csv.suggestedFilename(), /^reglab-wine-.+\.csv$/);
  const text = readFileSync(await csv.path(), 'utf8').replace(/^\uFEFF/, '');
  const lines = text.trimEnd().split('\r\n').map((line) => line.split(','));
  const bars = await page.$eval(`${box} >> canvas`, (c) => ({ labels: c.chart.data.labels, sets: c.chart.data.datasets.map((ds) => ({ label: ds.label, data: ds.data })) }));
  assert.deepEqual(lines[0].slice(1), bars.sets.map((s) => s.label));
  assert.equal(lines.length, 1 + bars.labels.length);
  lines.slice(1).forEach((cells, i) => bars.sets.forEach((s, j) => assert.ok(Number(cells[j + 1]) === s.data[i], `full precision: ${cells[j + 1]} vs ${s.data[i]}`)));
});

test('reduced motion: no transition, animation or smooth scrolling; Chart.js never animates', async () => {
  const motion = () => page.evaluate(() => {
    const moving = [...document.querySelectorAll('*')].filter((el) => {
      const s = getComputedStyle(el);
      return s.transitionDuration.split(',').some((d) => parseFloat(d) > 0) || (s.animationName !== 'none' && parseFloat(s.animationDuration) > 0);
    });
    return {
      moving: moving.length,
      toggle: getComputedStyle(document.querySelector('.toggle')).transitionDuration,
      scroll: getComputedStyle(document.documentElement).scrollBehavior,
      animated: [...document.querySelectorAll('canvas')].filter((c) => c.chart && c.chart.options.animation !== false).length,
    };
  });
  await page.emulateMedia({ reducedMotion: 'no-preference' });
  const normal = await motion();
  assert.ok(normal.moving > 0 && parseFloat(normal.toggle) > 0, `without the preference buttons fade (${normal.toggle}): the check sees transitions`);
  await page.emulateMedia({ reducedMotion: 'reduce' });
  const reduced = await motion();
  assert.deepEqual(reduced, { moving: 0, toggle: '0s', scroll: 'auto', animated: 0 });
  await page.emulateMedia({ reducedMotion: null });
});

test('axe with the trainer\'s views filled by a short run (fast mode, one epoch)', { skip: !haveData && 'dist/data has no Fashion-MNIST files', timeout: 120000 }, async () => {
  await page.selectOption('#dropout .fast-limit', '3000');
  await page.click('#fashion-mnist button.load-data');
  await page.waitForFunction(() => window.reglabTrainer.state.data.status === 'loaded', null, { timeout: 60000 });
  await page.click('[data-pair="N3-N4"] button[data-preset="N4"]');
  await page.waitForFunction(() => window.reglabTrainer.state.current?.history.length >= 1, null, { timeout: 60000 });
  await page.click('.run-panel button:has-text("Stop")');
  await page.waitForFunction(() => window.reglabTrainer.state.current?.results, null, { timeout: 60000 });
  // The views draw when they come into view: scroll to each, wait for its content.
  for (const [view, content] of [['#compare .runs-table', 'tbody tr'], ['#inside table.confusion', 'tbody tr'], ['#inside .card:has(.gallery)', '.tile']]) {
    await page.locator(view.split(' ')[0]).scrollIntoViewIfNeeded();
    await page.waitForSelector(view, { state: 'visible', timeout: 30000 });
    await page.locator(view).scrollIntoViewIfNeeded();
    await page.waitForFunction((sel) => document.querySelectorAll(sel).length > 0, `${view} ${content}`, { timeout: 30000 })
      .catch((error) => { throw new Error(`${view} stays empty: ${error.message}`); });
  }
  await openEverything();
  assert.deepEqual(await axeViolations(), []);
});

test('in Korean: the skip link, chart tools and data tables speak Korean; axe finds nothing serious', async () => {
  assert.deepEqual(Object.keys(ko).sort(), Object.keys(en).sort(), 'the same strings in both languages');
  await page.evaluate(() => localStorage.setItem('reglab-language', 'ko'));
  await page.reload();
  await page.waitForSelector('html[data-ready="true"]', { timeout: 30000 });
  try {
    assert.equal(await page.getAttribute('html', 'lang'), 'ko');
    assert.equal(await page.textContent('.skip-link'), ko.skipToContent);
    assert.equal(await page.textContent('#wine .chart-box >> nth=0 >> .png'), ko.downloadPng);
    await page.click('#wine .chart-box >> nth=0 >> .table-toggle');
    assert.equal(await page.textContent('#wine .chart-box >> nth=0 >> .table-toggle'), ko.hideTable);
    const label = await page.getAttribute('#wine .chart-box >> nth=0 >> canvas', 'aria-label');
    assert.equal(await page.textContent('#wine .chart-box >> nth=0 >> caption'), ko.tableCaption(label));
    assert.match(label, /[\uAC00-\uD7A3]/, 'the chart\'s own name is Korean too');
    assert.deepEqual(await axeViolations(), []);
  } finally {
    await page.evaluate(() => localStorage.removeItem('reglab-language'));
  }
});

test('no console errors or page errors', () => {
  assert.deepEqual(lab.problems, []);
});
