// The lab's settings in its address, in headless Chromium: a page opened
// without a query keeps a clean address; settings changed in several
// sections (the seed included) appear in the URL, and the URL opened in a
// new page gives the same controls and the same computed numbers; a bad or
// outdated URL shows the notice, keeps what is good, and the page works
// with a clean console. Screenshot: build/screenshots/url-notice.png.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { openLab } from './browser.mjs';

const SCREENSHOTS = new URL('../../build/screenshots/', import.meta.url).pathname;
const WRITE_WAIT = 1000;  // the URL is written at most every 250 ms after an input

// The controls this test sets, and numbers the page computes from them.
async function snapshot(page) {
  return page.evaluate(() => {
    const q = (s) => document.querySelector(s);
    return {
      controls: {
        oneFeatureLasso: q('#one-feature .alpha-field input[type=text]').value,
        wineSeed: [...document.querySelectorAll('#wine input[type=text]')].find((i) => i.closest('.field')?.textContent.includes('seed')).value,
        wineLasso: q('#wine .alpha-field input[type=text]').value,
        wineScaling: [...document.querySelectorAll('#wine select')].find((s) => [...s.options].some((o) => o.value === 'zscore')).value,
        normsP: q('#norms .row .field:nth-child(2) input').value,
        penaltyBudget: q('#penalty input[type=range]').value,
        hidden: [...document.querySelectorAll('#playground input[type=text]')][0].value,
        optimizer: [...document.querySelectorAll('#playground select')].find((s) => [...s.options].some((o) => o.value === 'sgd')).value,
        fast: q('#dropout .fast-mode').checked,
      },
      numbers: {
        oneFeatureLassoSlope: q('#one-feature table.readout tbody tr:nth-child(2) td:nth-child(3)').title,
        wineLassoMae: q('#wine table.results tr[data-model="lasso"] td.mae').title,
        wineLassoZeros: q('#wine .zero-note').textContent,
        vectorNorm: q('#norms output.vector-norm').textContent,
        keras: q('#playground details.keras code').textContent,
      },
    };
  });
}

const settled = (page, id) => page.waitForFunction((sel) => document.querySelector(sel)?.hidden !== false, `#${id} .message`);

test('a page opened without a query keeps a clean address', async () => {
  const lab = await openLab();
  try {
    await lab.page.click('#wine h2');  // a click schedules a write: the defaults must write nothing
    await lab.page.waitForTimeout(WRITE_WAIT);
    assert.equal(await lab.page.evaluate(() => location.search), '');
    assert.equal(await lab.page.locator('.url-notice').count(), 0);
    assert.deepEqual(lab.problems, []);
  } finally {
    await lab.close();
  }
});

test('settings of several sections go into the URL, and the URL restores them and their results', async () => {
  const first = await openLab();
  let search;
  let before;
  try {
    const { page } = first;
    await page.fill('#one-feature .alpha-field input[type=text]', '0.02');
    const wineSeed = page.locator('#wine .field', { hasText: 'seed' }).locator('input');
    await wineSeed.fill('7');
    await page.locator('#wine .alpha-field input[type=text]').first().fill('0.01');
    await page.locator('#wine select').filter({ has: page.locator('option[value=zscore]') }).selectOption('zscore');
    await page.fill('#norms .row .field:nth-child(2) input', 'inf');
    await page.focus('#penalty input[type=range]');
    for (let i = 0; i < 5; i += 1) await page.keyboard.press('ArrowRight');
    await page.locator('#playground input[type=text]').first().fill('256, 64');
    await page.locator('#playground select').filter({ has: page.locator('option[value=sgd]') }).selectOption('sgd');
    await page.locator('#dropout .fast-mode').uncheck();
    await page.waitForFunction(() => location.search.includes('trainer.fast=0'), null, { timeout: 5000 });
    await page.waitForTimeout(WRITE_WAIT);
    search = await page.evaluate(() => location.search);
    for (const part of ['v=1', 'one-feature.lasso=0.02', 'wine.seed=7', 'wine.scaling=zscore', 'wine.lasso=0.01', 'norms.p=inf',
      'penalty.budget=1.05', 'playground.hidden=256,64', 'playground.optimizer=sgd', 'trainer.fast=0']) {
      assert.ok(search.split(/[?&]/).includes(part), `${part} missing from ${search}`);
    }
    for (const id of ['one-feature', 'wine', 'norms']) await settled(page, id);
    before = await snapshot(page);
    assert.deepEqual(first.problems, []);
  } finally {
    await first.close();
  }
  // The seed and alpha changed the wine numbers: the restored page must agree on those, not the defaults.
  assert.notEqual(before.numbers.wineLassoMae, '0.24233731936122144');
  assert.equal(before.controls.wineSeed, '7');

  const second = await openLab({ path: search });
  try {
    for (const id of ['one-feature', 'wine', 'norms']) await settled(second.page, id);
    const after = await snapshot(second.page);
    assert.deepEqual(after.controls, before.controls);
    assert.deepEqual(after.numbers, before.numbers);
    assert.equal(await second.page.locator('.url-notice').count(), 0);
    assert.equal(await second.page.evaluate(() => location.search), search);
    assert.deepEqual(second.problems, []);
  } finally {
    await second.close();
  }
});

test('a bad URL: a notice says what was ignored, the good settings are kept, the page works', async () => {
  const bad = '?v=1&wine.seed=abc&nope=1&norms.p=%E0%A4%A&one-feature.lasso=0.02&wine.data=csv&penalty.rho=5';
  const lab = await openLab({ path: `${bad}#wine` });
  try {
    const { page } = lab;
    const notice = page.locator('.url-notice');
    await notice.waitFor();
    const text = await notice.textContent();
    assert.match(text, /4 settings the lab cannot use/);
    assert.match(text, /wine\.seed: "abc" is not a whole number/);
    assert.match(text, /"nope" is not a setting of this lab/);
    assert.match(text, /norms\.p: "%E0%A4%A" is not valid percent-encoding/);
    assert.match(text, /penalty\.rho: 5 is outside \[-0\.9, 0\.9\]/);
    assert.match(text, /uploaded CSV file/);
    // The good setting is restored, the bad ones are at their defaults, and the numbers follow.
    assert.equal(await page.inputValue('#one-feature .alpha-field input[type=text]'), '0.02');
    await page.waitForFunction(() => document.querySelector('#wine table.results tr[data-model="lasso"] td.mae')?.textContent === '0.242337');
    assert.equal(await page.locator('#norms output.vector-norm').textContent(), '10.000079998720032');
    // The address is rewritten without what was ignored.
    await page.waitForFunction(() => location.search === '?v=1&one-feature.lasso=0.02', null, { timeout: 5000 });
    assert.equal(await page.evaluate(() => location.hash), '#wine');  // the section link survives the rewrite
    // The page still reacts, and the notice can be dismissed.
    await page.locator('#wine .alpha-field input[type=text]').first().fill('0.1');
    await page.waitForFunction(() => location.search.includes('wine.lasso=0.1'), null, { timeout: 5000 });
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.locator('header.hero').screenshot({ path: `${SCREENSHOTS}url-notice.png` });
    await notice.locator('button').click();
    assert.equal(await page.locator('.url-notice').count(), 0);
    assert.deepEqual(lab.problems, []);
  } finally {
    await lab.close();
  }
});

test('an old ?playground=... link still opens, and is rewritten in the current format', async () => {
  const lab = await openLab({ path: '?playground=hidden:256,128;dropout:0.5;batchnorm:1' });
  try {
    const { page } = lab;
    await page.locator('.url-notice').waitFor();
    assert.match(await page.locator('.url-notice').textContent(), /older format/);
    assert.equal(await page.locator('#playground input[type=text]').first().inputValue(), '256, 128');
    assert.match(await page.locator('#playground details.keras code').textContent(), /Dense\(256[\s\S]*Dense\(128[\s\S]*BatchNormalization[\s\S]*Dropout\(0\.5\)/);
    await page.waitForFunction(() => location.search === '?v=1&playground.hidden=256,128&playground.dropout=0.5&playground.batchnorm=1', null, { timeout: 5000 });
    assert.deepEqual(lab.problems, []);
  } finally {
    await lab.close();
  }
});

test('on a phone, a notice with long values wraps instead of widening the page', async () => {
  const lab = await openLab({ width: 390, height: 844, path: `?v=1&wine.scaling=${'x'.repeat(80)}&${'y'.repeat(60)}=1` });
  try {
    await lab.page.locator('.url-notice').waitFor();
    const overflow = await lab.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `the page is ${overflow} px wider than the screen`);
    assert.deepEqual(lab.problems, []);
  } finally {
    await lab.close();
  }
});
