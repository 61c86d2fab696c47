// Korean and English: the page follows the browser's language, a visible
// switch in the navigation changes it, the choice survives a reload and
// keeps the address (settings and hash), <html lang> follows, the headings
// have no English left, the post's numbers print the same digits, and the
// console stays clean. Saves build/screenshots/language-ko.png.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { openLab } from './browser.mjs';

const SCREENSHOTS = new URL('../../build/screenshots/', import.meta.url).pathname;
const HANGUL = /[\uAC00-\uD7A3]/;

const headings = (page) => page.$$eval('main h1, main h2', (els) => els.map((el) => el.textContent.trim()));
const ready = (page) => page.waitForSelector('html[data-ready="true"]', { timeout: 30000 });

test('a Korean browser gets the lab in Korean', async () => {
  const lab = await openLab({ locale: 'ko-KR' });
  const { page } = lab;
  try {
    assert.deepEqual(await page.evaluate(() => navigator.languages), ['ko-KR']);
    assert.equal(await page.getAttribute('html', 'lang'), 'ko');
    assert.equal(await page.title(), '정규화·정칙화 실험실');
    const titles = await headings(page);
    assert.ok(titles.length >= 13, `${titles.length} headings`);
    assert.deepEqual(titles.filter((t) => !HANGUL.test(t)), [], 'headings left in English');
    assert.equal(await page.textContent('#intro h2'), '1. 정규화는 정칙화가 아니다');
    assert.equal(await page.textContent('#dropout h2'), '8. 드롭아웃: 유닛을 끄고 훈련하기');
    // the navigation's switch shows Korean as the current language
    assert.equal(await page.getAttribute('.language-switch [data-language="ko"]', 'aria-pressed'), 'true');
    assert.equal(await page.getAttribute('.language-switch [data-language="en"]', 'aria-pressed'), 'false');
    // text computed with values, and the post's digits unchanged
    assert.match(await page.textContent('#wine .zero-note'), /^Lasso: 계수 13개 중 6개가 정확히 0$/);
    assert.equal(await page.textContent('#wine table.results tr[data-model="ols"] td.mae'), '0.251290');
    assert.equal(await page.textContent('#norms output.vector-norm'), '10.000079998720032');
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: `${SCREENSHOTS}language-ko.png` });
    assert.deepEqual(lab.problems, []);
  } finally {
    await lab.close();
  }
});

test('the switch changes the language, keeps the address, and the choice survives a reload', async () => {
  const lab = await openLab({ locale: 'en-US', path: '#norms' });
  const { page } = lab;
  try {
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    assert.equal(await page.textContent('#intro h2'), '1. Normalization is not regularization');
    const before = page.url();
    await Promise.all([page.waitForEvent('load'), page.click('.language-switch [data-language="ko"]')]);
    await ready(page);
    assert.equal(page.url(), before, 'the address (and its hash) is kept');
    assert.equal(await page.getAttribute('html', 'lang'), 'ko');
    assert.equal(await page.textContent('#intro h2'), '1. 정규화는 정칙화가 아니다');
    assert.equal(await page.evaluate(() => localStorage.getItem('reglab-language')), 'ko');

    await page.reload();
    await ready(page);
    assert.equal(await page.getAttribute('html', 'lang'), 'ko', 'the choice survives a reload');
    assert.deepEqual((await headings(page)).filter((t) => !HANGUL.test(t)), []);

    await Promise.all([page.waitForEvent('load'), page.click('.language-switch [data-language="en"]')]);
    await ready(page);
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    assert.equal(await page.textContent('#norms h2'), '5. Norms: how big is a vector or a matrix?');
    assert.deepEqual(lab.problems, []);
  } finally {
    await lab.close();
  }
});

test('a browser in a language the lab does not have gets English', async () => {
  const lab = await openLab({ locale: 'fr-FR' });
  try {
    assert.equal(await lab.page.getAttribute('html', 'lang'), 'en');
    assert.equal(await lab.page.title(), 'Regularization Lab');
    assert.deepEqual(lab.problems, []);
  } finally {
    await lab.close();
  }
});

test('Korean on a phone-sized screen: nothing wider than the screen, words kept whole', async () => {
  const lab = await openLab({ locale: 'ko-KR', width: 390, height: 844 });
  try {
    const overflow = await lab.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `the page is ${overflow} px wider than the screen`);
    assert.equal(await lab.page.$eval('#intro p', (p) => getComputedStyle(p).wordBreak), 'keep-all');
    await lab.page.screenshot({ path: `${SCREENSHOTS}language-ko-phone.png` });
    assert.deepEqual(lab.problems, []);
  } finally {
    await lab.close();
  }
});
