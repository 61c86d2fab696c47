// The built page (dist/) in headless Chromium: the post's numbers are on it,
// sliders recompute the charts in the wasm core without a noticeable lag, bad
// input shows the core's message inline, nothing logs an error, and nothing
// is fetched from another origin. Saves build/screenshots/tabular.png.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { openLab, DIST } from './browser.mjs';

const SCREENSHOTS = fileURLToPath(new URL('../../build/screenshots/', import.meta.url));

let lab;
let page;
before(async () => {
  lab = await openLab({ width: 1280, height: 900 });
  page = lab.page;
});
after(async () => { await lab?.close(); });

const text = (selector) => page.locator(selector).first().textContent();
const chartData = (canvasSelector, dataset) =>
  page.$eval(canvasSelector, (canvas, i) => canvas.chart.data.datasets[i].data.map((p) => (typeof p === 'number' ? p : p.y)), dataset);

// Presses a key on a focused control and waits for the section's redraw;
// returns its timing {work, latency} in ms, measured in the page from the
// input event to the end of chart.update().
async function moveAndWait(sectionId, controlSelector, key) {
  const updated = page.evaluate(({ id, what }) => new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no redraw of #${id} after ${what}`)), 5000);
    document.getElementById(id).addEventListener('reglab:updated', (e) => { clearTimeout(timer); resolve(e.detail); }, { once: true });
  }), { id: sectionId, what: `${key} on ${controlSelector}` });
  await page.focus(`#${sectionId} ${controlSelector}`);
  await page.keyboard.press(key);
  return updated;
}

test('the post\'s wine MAEs are on the page, next to this lab\'s', async () => {
  assert.equal(await text('#wine table.results tr[data-model="ols"] td.mae'), '0.251290');
  assert.equal(await text('#wine table.results tr[data-model="lasso"] td.mae'), '0.242337');
  assert.equal(await text('#wine .post-compare tr[data-model="ols"] td.post'), '0.25128973939722626');
  assert.equal(await text('#wine .post-compare tr[data-model="lasso"] td.post'), '0.24233731936122138');
  assert.match(await text('#wine .post-compare tr[data-model="ols"] td.ours'), /^0\.2512897393972\d+$/);
  assert.match(await text('#wine .post-compare tr[data-model="lasso"] td.ours'), /^0\.2423373193612\d+$/);
  assert.match(await text('#wine .zero-note'), /6 of 13 coefficients are exactly 0/);
});

test('one feature: the post\'s slopes and intercepts at the default alphas', async () => {
  const rows = await page.$$eval('#one-feature table.readout tbody tr', (trs) => trs.map((tr) => [...tr.cells].slice(2, 4).map((td) => td.textContent)));
  assert.deepEqual(rows.map(([slope, intercept]) => [slope.slice(0, 4), intercept]), [['1.00', '1.06'], ['0.00', '6.59'], ['0.93', '1.41']]);
});

test('norms: the post\'s examples', async () => {
  assert.equal(await text('#norms output.vector-norm'), '10.000079998720032');
  const norms = await page.$$eval('#norms table.matrix-norms tbody tr', (trs) => Object.fromEntries(trs.map((tr) => [tr.dataset.norm, tr.cells[2].firstChild.textContent])));
  assert.equal(norms.one, '14');
  assert.equal(norms.inf, '18');
  assert.equal(norms.fro, '12');
  assert.match(norms.spectral, /^11\.98607/);
});

test('scaling: each chart\'s axes cover all 50 points (raw, min-max, z-score)', async () => {
  const views = await page.$$eval('#scaling canvas', (canvases) => canvases.map((c) => {
    const { x, y } = c.chart.scales;
    const data = c.chart.data.datasets[0].data;
    return { n: data.length, x: [x.min, x.max], y: [y.min, y.max], xs: data.map((p) => p.x), ys: data.map((p) => p.y) };
  }));
  assert.equal(views.length, 3);
  for (const v of views) {
    assert.equal(v.n, 50);
    assert.ok(v.x[0] <= Math.min(...v.xs) && v.x[1] >= Math.max(...v.xs), `x axis ${v.x} misses points`);
    assert.ok(v.y[0] <= Math.min(...v.ys) && v.y[1] >= Math.max(...v.ys), `y axis ${v.y} misses points`);
  }
  assert.deepEqual([Math.min(...views[1].xs), Math.max(...views[1].xs)], [0, 1]);  // min-max
});

test('moving a slider recomputes the chart (one feature: Lasso alpha)', async () => {
  const before = await chartData('#one-feature canvas', 2);  // the Lasso line
  assert.ok(before.every((y) => Math.abs(y - 6.588) < 1e-9), 'flat Lasso line at alpha 1');
  await moveAndWait('one-feature', '.alpha-field input[type=range]', 'Home');  // alpha 1e-3
  const after = await chartData('#one-feature canvas', 2);
  assert.notDeepEqual(after, before);
  assert.ok(after.at(-1) > after[0] + 2, 'with a small alpha the Lasso line slopes upwards like OLS');
  assert.equal(await page.inputValue('#one-feature .alpha-field input[type=text]'), '0.001');
});

test('slider timing: input event -> chart updated', async () => {
  const controls = [
    ['one-feature', '.alpha-field input[type=range]', 'ArrowRight'],
    ['wine', '.alpha-field input[type=range]', 'ArrowLeft'],
    ['wine', 'input[type=range]:not([aria-label])', 'ArrowRight'],  // l1_ratio: recomputes path and CV too
    ['norms', 'input[type=range]', 'ArrowRight'],
    ['penalty', 'input[type=range]', 'ArrowRight'],
  ];
  const lines = [];
  const medians = [];
  for (const [section, selector, key] of controls) {
    const samples = [];
    for (let i = 0; i < 15; i += 1) samples.push(await moveAndWait(section, selector, key));
    const work = samples.map((s) => s.work).sort((a, b) => a - b);
    const latency = samples.map((s) => s.latency).sort((a, b) => a - b);
    const median = (xs) => xs[Math.floor(xs.length / 2)];
    lines.push(`${section} ${selector}: work median ${median(work).toFixed(2)} ms, max ${work.at(-1).toFixed(2)} ms; ` +
      `input->drawn median ${median(latency).toFixed(2)} ms, max ${latency.at(-1).toFixed(2)} ms`);
    medians.push([section, median(latency)]);
  }
  console.log(lines.map((l) => `# slider timing: ${l}`).join('\n'));
  for (const [section, ms] of medians) assert.ok(ms < 100, `${section}: median latency ${ms} ms`);
});

test('bad input shows the core\'s message inline and keeps the last result', async () => {
  const normBefore = await text('#norms output.vector-norm');
  await page.fill('#norms textarea', '1, 2; 3');
  await page.waitForSelector('#norms .message:not([hidden])');
  assert.match(await text('#norms .message'), /row 2/);
  assert.equal(await text('#norms output.vector-norm'), normBefore);
  await page.fill('#norms textarea', '1, 2, 3; 1, 2, 3; 4, 6, 8');
  await page.waitForSelector('#norms .message', { state: 'hidden' });

  const alphaBox = page.locator('#wine .alpha-field input[type=text]').first();
  await alphaBox.fill('-1');
  await page.waitForSelector('#wine .message:not([hidden])');
  assert.match(await text('#wine .message'), /alpha must be/);
  await alphaBox.fill('banana');
  await page.waitForFunction(() => /not a number/.test(document.querySelector('#wine .message').textContent));
  await alphaBox.fill('0.05');
  await page.waitForSelector('#wine .message', { state: 'hidden' });
  assert.equal(await text('#wine table.results tr[data-model="lasso"] td.mae'), '0.242337');
});

test('a CSV file of one\'s own: columns listed, the table recomputed, errors inline', async () => {
  const rows = ['x1,x2,label,y'];
  for (let i = 0; i < 40; i += 1) rows.push(`${i},${(i * 7) % 11},row${i},${2 * i + 0.5 * ((i * 7) % 11) + 1}`);
  await page.setInputFiles('#wine input[type=file]', { name: 'mine.csv', mimeType: 'text/csv', buffer: Buffer.from(rows.join('\n')) });
  await page.waitForFunction(() => document.querySelector('#wine select').value === 'csv');
  const targets = await page.$$eval('#wine .field select', (selects) => selects.map((s) => [...s.options].map((o) => o.value)));
  assert.ok(targets.some((options) => options.join() === 'x1,x2,y'), `target options ${JSON.stringify(targets)}`);
  await page.waitForFunction(() => document.querySelector('#wine table.results tr[data-model="ols"] td').nextSibling.nextSibling.textContent === '0.000000');
  assert.ok(await page.locator('#wine .message').isHidden());

  await page.setInputFiles('#wine input[type=file]', { name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from('a,b\n1,2\n3\n') });
  await page.waitForSelector('#wine .message:not([hidden])');
  assert.match(await text('#wine .message'), /line 3|row/);

  await page.selectOption('#wine select >> nth=0', 'builtin');
  await page.waitForFunction(() => document.querySelector('#wine table.results tr[data-model="ols"] td.mae').textContent === '0.251290');
});

test('"show as Python" gives code with the current settings', async () => {
  const details = page.locator('#wine details.python').first();
  await details.locator('summary').click();
  const code = await details.locator('code').textContent();
  assert.match(code, /train_test_split\(X, y, test_size=0\.3, random_state=101\)/);
  assert.match(code, /Lasso\(alpha=0\.05\)/);
});

test('no console errors, no page errors, no request to another origin', async () => {
  assert.deepEqual(lab.problems, []);
  const origin = new URL(lab.url).origin;
  const foreign = lab.requests.filter((url) => !url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:'));
  assert.deepEqual(foreign, []);
});

test('screenshots: build/screenshots/tabular.png (full page) and one per section', async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.evaluate(() => {
    document.querySelectorAll('details[open]').forEach((d) => { d.open = false; });
    window.scrollTo(0, 0);
  });
  await page.screenshot({ path: `${SCREENSHOTS}tabular.png`, fullPage: true });
  for (const id of ['scaling', 'one-feature', 'wine', 'norms', 'penalty']) {
    await page.locator(`#${id}`).screenshot({ path: `${SCREENSHOTS}tabular-${id}.png` });
  }
});

test('phone-sized screen: one column, nothing wider than the screen', async () => {
  const phone = await openLab({ width: 390, height: 844 });
  try {
    const overflow = await phone.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `the page is ${overflow} px wider than the screen`);
    await phone.page.screenshot({ path: `${SCREENSHOTS}tabular-phone.png`, fullPage: true });
    assert.deepEqual(phone.problems, []);
  } finally {
    await phone.close();
  }
});

test('dist/ works from a sub-path of a static host (relative URLs only)', async () => {
  const host = mkdtempSync(`${tmpdir()}/reglab-host-`);
  mkdirSync(`${host}/some/sub`, { recursive: true });
  symlinkSync(DIST, `${host}/some/sub/lab`);
  const nested = await openLab({ width: 800, height: 600, root: host, path: 'some/sub/lab/' });
  try {
    assert.equal(await nested.page.locator('#wine table.results tr[data-model="ols"] td.mae').textContent(), '0.251290');
    assert.deepEqual(nested.problems, []);
    assert.ok(nested.requests.every((url) => url.includes('/some/sub/lab/')), nested.requests.join('\n'));
  } finally {
    await nested.close();
    rmSync(host, { recursive: true, force: true });
  }
});
