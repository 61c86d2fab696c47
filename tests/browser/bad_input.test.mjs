// Bad CSV files fed to the section that takes the user's own CSV (4. wine,
// its file field), in headless Chromium. A file the core refuses shows the
// core's message (with the line, and the column where there is one) and
// changes nothing: the previous file's results stay. Good but awkward files
// (BOM + CRLF, a missing value, a constant column, 10^5 rows) work, and the
// user picks the target and the features. The console stays clean.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openLab } from './browser.mjs';

let lab;
let page;
before(async () => {
  lab = await openLab();
  page = lab.page;
});
after(async () => { await lab?.close(); });

// y = 2 x1 - x2 + a little pattern, so the fits have distinctive errors.
function goodCsv(n, { bom = false, crlf = false, columns = ['x1', 'x2', 'y'] } = {}) {
  const rows = [columns.join(',')];
  for (let i = 0; i < n; i += 1) {
    const x2 = (i * 7) % 11;
    rows.push(`${i},${x2},${2 * i - x2 + ((i * 13) % 5) / 10}`);
  }
  const eol = crlf ? '\r\n' : '\n';
  return (bom ? '\uFEFF' : '') + rows.join(eol) + eol;
}

const view = () => page.evaluate(() => {
  const wine = document.getElementById('wine');
  const message = wine.querySelector('.message');
  const selects = [...wine.querySelectorAll('select')];
  return {
    message: message.hidden ? '' : message.textContent,
    source: selects[0].value,
    sources: [...selects[0].options].map((o) => o.textContent),
    targets: [...selects[1].options].map((o) => o.value),
    target: selects[1].value,
    features: [...wine.querySelectorAll('.feature-picker input')].map((i) => `${i.value}${i.checked ? '' : '(off)'}`),
    skipped: wine.querySelector('.skipped-columns').hidden ? '' : wine.querySelector('.skipped-columns').textContent,
    mae: [...wine.querySelectorAll('table.results tbody tr')].map((tr) => tr.querySelector('td.mae').title),
    coefs: (() => {
      const chart = wine.querySelector('.chart-coef canvas').chart;
      return { labels: chart.data.labels, ols: chart.data.datasets[0].data, other: chart.data.datasets[1].data };
    })(),
  };
});

// Feeds a file and waits until the page took it (its name in the note) or refused it (a message naming it).
async function feed(name, content) {
  const buffer = Buffer.isBuffer(content) ? content : Buffer.from(content);
  await page.setInputFiles('#wine input[type=file]', { name, mimeType: 'text/csv', buffer });
  await page.waitForFunction((file) => {
    const wine = document.getElementById('wine');
    const message = wine.querySelector('.message');
    return (!message.hidden && message.textContent.includes(file)) || wine.querySelector('.own-csv .note').textContent.startsWith(`${file}:`);
  }, name, { timeout: 60000 });
  // Let a scheduled recomputation finish.
  await page.waitForTimeout(150);
  return view();
}

let kept;  // the page after the last good file

test('a BOM + CRLF file works: its columns without the BOM, the table computed', async () => {
  const v = await feed('bom_crlf.csv', goodCsv(40, { bom: true, crlf: true }));
  assert.equal(v.message, '');
  assert.equal(v.source, 'csv');
  assert.deepEqual(v.targets, ['x1', 'x2', 'y']);
  assert.equal(v.target, 'y');
  assert.deepEqual(v.features, ['x1', 'x2']);
  // OLS recovers y = 2 x1 - x2 up to the small pattern: coefficients within 0.05.
  assert.ok(Math.abs(v.coefs.ols[0] - 2) < 0.05 && Math.abs(v.coefs.ols[1] + 1) < 0.05, JSON.stringify(v.coefs.ols));
  kept = v;
});

test('quoted fields work: a comma and a doubled quote inside quotes', async () => {
  const v = await feed('quoted.csv', '"x, first","x ""second""",y\n1,"2",3\n"2",5,"7"\n3,1,4\n4,4,8\n"5",2,"7"\n6,6,12\n7,3,"10"\n8,8,16\n9,0,9\n10,5,15\n11,7,18\n12,2,14\n');
  assert.equal(v.message, '');
  assert.deepEqual(v.targets, ['x, first', 'x "second"', 'y']);
  assert.deepEqual(v.features, ['x, first', 'x "second"']);
  // y = x1 + x2 exactly: OLS finds it.
  assert.ok(Math.abs(v.coefs.ols[0] - 1) < 1e-9 && Math.abs(v.coefs.ols[1] - 1) < 1e-9, JSON.stringify(v.coefs.ols));
  // Back to the BOM file, whose results the bad files below must not change.
  assert.deepEqual((await feed('bom_crlf_again.csv', goodCsv(40, { bom: true, crlf: true }))).mae, kept.mae);
  kept = await view();
});

// [file name, content, pattern of the message]
const REFUSED = [
  ['ragged.csv', 'x1,x2,y\n1,2,3\n4,5\n6,7,8\n', /ragged\.csv: line 3: 2 fields, but the header has 3/],
  ['header_only.csv', 'x1,x2,y\n', /header_only\.csv: CSV has a header row but no data rows/],
  ['empty.csv', '', /empty\.csv: CSV input is empty/],
  ['non_numeric.csv', 'x,y\n1,2\n3,oops\n4,5\n', /non_numeric\.csv: .*only 'x' is numeric: line 3, column 2 \('y'\): 'oops' is not a number/],
  ['binary.csv', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0xff, 0xfe, 0x01]), /binary\.csv: line 3: a NUL byte: this is a binary or UTF-16 file, not UTF-8 CSV text/],
  ['utf16_no_bom.csv', Buffer.from('x,y\r\n1,2\r\n3,4\r\n', 'utf16le'), /utf16_no_bom\.csv: line 1: a NUL byte/],
  ['unclosed_quote.csv', 'x,y\n1,2\n"3,4\n', /unclosed_quote\.csv: line 3, column 1: quoted field is never closed/],
  ['single_row.csv', 'x1,x2,y\n1,2,3\n', /single_row\.csv: need at least 2 rows to fit \(got 1\)/],
];

for (const [name, content, pattern] of REFUSED) {
  test(`refused with line and column, previous results kept: ${name}`, async () => {
    const v = await feed(name, content);
    assert.match(v.message, pattern);
    assert.match(v.message, /the charts still show the last valid result/);
    for (const key of ['source', 'sources', 'targets', 'target', 'features', 'mae', 'coefs']) assert.deepEqual(v[key], kept[key], key);
  });
}

test('a file over 10 MB is refused before it is read, pointing to the CLI', async () => {
  const v = await feed('huge.csv', Buffer.alloc(11 * 2 ** 20, '1,2\n'));
  assert.match(v.message, /huge\.csv: the file is 11\.0 MB; the page reads CSV files up to 10\.0 MB .*reglab regress --data FILE/);
  assert.deepEqual(v.mae, kept.mae);
});

test('a missing value: the column is left out, with its line and column said; the rest fits', async () => {
  const csv = goodCsv(40).replace('\n5,2,', '\n5,,');
  assert.notEqual(csv, goodCsv(40));
  const v = await feed('missing.csv', csv);
  assert.equal(v.message, '');
  assert.match(v.skipped, /line 7, column 2 \('x2'\): empty cell is not a number/);
  assert.deepEqual(v.targets, ['x1', 'y']);
  assert.deepEqual(v.features, ['x1']);
  assert.equal(v.coefs.labels.length, 1);
});

test('a constant column: accepted, its coefficient exactly 0 under OLS and Lasso', async () => {
  const csv = goodCsv(40).split('\n').map((line, i) => (line ? `${line},${i === 0 ? 'c' : '7'}` : line)).join('\n')
    .replace('x1,x2,y,c', 'x1,x2,c,y').replace(/^(\d+),(\d+),([\d.-]+),7$/gm, '$1,$2,7,$3');
  const v = await feed('constant.csv', csv);
  assert.equal(v.message, '');
  assert.deepEqual(v.features, ['x1', 'x2', 'c']);
  assert.equal(v.coefs.ols[2], 0);
  assert.equal(v.coefs.other[2], 0);
  assert.match(v.coefs.labels[2], /^c {2}= 0$/);
});

test('a small file: the table is fitted; cross-validation with more folds than rows says so until folds fit', async () => {
  const v = await feed('small.csv', goodCsv(6));
  assert.match(v.message, /cross-validation needs 2 <= folds <= rows \(got 5 folds, 4 rows\)/);
  assert.notDeepEqual(v.mae, kept.mae);  // the table shows the small file's fits
  assert.deepEqual(v.features, ['x1', 'x2']);
  await page.locator('#wine').getByLabel('Folds', { exact: true }).fill('2');
  await page.waitForSelector('#wine .message', { state: 'hidden' });
  await page.locator('#wine').getByLabel('Folds', { exact: true }).fill('5');
});

test('pick the target and the features, then fit; no feature is a message, not a fit', async () => {
  await feed('pick.csv', goodCsv(40));
  await page.locator('#wine select').nth(1).selectOption('x1');
  await page.waitForTimeout(150);
  let v = await view();
  assert.deepEqual(v.features, ['x2', 'y']);
  assert.deepEqual(v.coefs.labels.map((l) => l.replace(/ {2}= 0$/, '')), ['x2', 'y']);
  await page.locator('#wine .feature-picker input[value=x2]').uncheck();
  await page.waitForTimeout(150);
  v = await view();
  assert.deepEqual(v.features, ['x2(off)', 'y']);
  assert.deepEqual(v.coefs.labels.map((l) => l.replace(/ {2}= 0$/, '')), ['y']);
  // x1 = (y + x2 - pattern) / 2: with y alone the fit is close but not exact.
  const before = v.mae;
  await page.locator('#wine .feature-picker input[value=y]').uncheck();
  await page.waitForSelector('#wine .message:not([hidden])');
  v = await view();
  assert.match(v.message, /tick at least one feature column/);
  assert.deepEqual(v.mae, before);
  await page.locator('#wine .feature-picker input[value=x2]').check();
  await page.waitForSelector('#wine .message', { state: 'hidden' });
  v = await view();
  assert.deepEqual(v.coefs.labels.map((l) => l.replace(/ {2}= 0$/, '')), ['x2']);
});

test('a dropped file is read like a picked one', async () => {
  await page.evaluate(() => {
    const transfer = new DataTransfer();
    transfer.items.add(new File(['x,y\n1,2\n3\n'], 'dropped.csv', { type: 'text/csv' }));
    document.querySelector('#wine .own-csv').dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
  });
  await page.waitForFunction(() => document.querySelector('#wine .message').textContent.includes('dropped.csv: line 3: 1 fields'));
});

test('10^5 rows: read, checked and fitted (table, path, CV) in seconds', async () => {
  const rows = ['a,b,c,y'];
  for (let i = 0; i < 100000; i += 1) rows.push(`${i % 97},${(i * 7) % 13},${(i * 11) % 17},${(i % 97) + 2 * ((i * 7) % 13) + ((i * 13) % 5)}`);
  const started = Date.now();
  const v = await feed('rows_1e5.csv', rows.join('\n'));
  const seconds = (Date.now() - started) / 1000;
  assert.equal(v.message, '');
  assert.match(await page.locator('#wine .own-csv .note').first().textContent(), /rows_1e5\.csv: 100000 rows, 4 columns/);
  // An alpha change refits the four models (the path and CV are cached): the section reports its own time.
  const updated = page.evaluate(() => new Promise((resolve) => document.getElementById('wine').addEventListener('reglab:updated', (e) => resolve(e.detail), { once: true })));
  await page.locator('#wine .alpha-field input[type=text]').first().fill('0.2');
  const refit = await updated;
  console.log(`# 10^5 rows: file to results ${seconds.toFixed(2)} s; an alpha change: ${refit.work.toFixed(0)} ms`);
  assert.ok(seconds < 30, `${seconds} s`);
  // The coefficients are the generating ones (1, 2, 0 for a, b, c) up to the pattern's noise and the alpha.
  const w = await view();
  assert.ok(Math.abs(w.coefs.ols[0] - 1) < 0.01 && Math.abs(w.coefs.ols[1] - 2) < 0.01 && Math.abs(w.coefs.ols[2]) < 0.01, JSON.stringify(w.coefs.ols));
});

test('the built-in data is still there, and nothing logged an error', async () => {
  await page.locator('#wine select').first().selectOption('builtin');
  await page.locator('#wine .alpha-field input[type=text]').first().fill('0.05');
  await page.waitForFunction(() => document.querySelector('#wine table.results tr[data-model="lasso"] td.mae').textContent === '0.242337');
  assert.deepEqual(lab.problems, []);
});
