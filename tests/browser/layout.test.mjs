// Layout from a phone (360 px) to a wide screen (1920 px), in headless
// Chromium: the page never scrolls sideways (wide tables and the navigation
// scroll inside their own boxes, and those boxes take keyboard focus), the
// charts fit their cards and follow the window's size. Saves
// build/screenshots/phone.png, phone-wine.png and wide.png.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { openLab } from './browser.mjs';

const SCREENSHOTS = fileURLToPath(new URL('../../build/screenshots/', import.meta.url));

const overflow = (page) => page.evaluate(() => ({ scrollWidth: document.scrollingElement.scrollWidth, innerWidth }));

// Charts whose canvas pokes out of its card, or out of the window.
const chartsOutside = (page) => page.$$eval('canvas[role=img]', (canvases) => canvases.filter((c) => c.offsetParent).flatMap((c) => {
  const box = c.getBoundingClientRect();
  const card = (c.closest('.card') ?? c.closest('section')).getBoundingClientRect();
  return box.right > card.right + 1 || box.left < card.left - 1 || box.right > innerWidth ? [`${c.getAttribute('aria-label')}: ${box.left}-${box.right} in ${card.left}-${card.right}`] : [];
}));

async function openEverything(page) {
  await page.evaluate(() => {
    document.querySelectorAll('.table-toggle[aria-expanded="false"]').forEach((b) => b.click());
    document.querySelectorAll('details').forEach((d) => { d.open = true; });
  });
  await page.waitForTimeout(200);
}

test('phone (360 px): no sideways page scroll, tables and navigation scroll inside their boxes', async () => {
  const lab = await openLab({ width: 360, height: 740 });
  const { page } = lab;
  try {
    let o = await overflow(page);
    assert.ok(o.scrollWidth <= o.innerWidth, `page ${o.scrollWidth} px wide in a ${o.innerWidth} px window`);
    const nav = await page.$eval('.site-nav', (n) => ({ scroll: n.scrollWidth, client: n.clientWidth, overflowX: getComputedStyle(n).overflowX }));
    assert.ok(nav.scroll > nav.client && nav.overflowX === 'auto', `the navigation scrolls sideways inside itself: ${JSON.stringify(nav)}`);
    assert.deepEqual(await chartsOutside(page), []);
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: `${SCREENSHOTS}phone.png` });

    // With every data table and code block open: still no sideways page scroll
    await openEverything(page);
    o = await overflow(page);
    assert.ok(o.scrollWidth <= o.innerWidth, `with the tables open: page ${o.scrollWidth} px wide`);
    // A table wider than the screen scrolls in its box, which a keyboard can reach (tabindex 0) and names.
    const wide = await page.$$eval('.table-wrap', (wraps) => wraps.filter((w) => w.offsetParent && w.scrollWidth > w.clientWidth + 1)
      .map((w) => ({ tabindex: w.getAttribute('tabindex'), role: w.getAttribute('role'), name: w.getAttribute('aria-label'), right: w.getBoundingClientRect().right })));
    assert.ok(wide.length >= 3, `${wide.length} tables scroll sideways at 360 px`);
    for (const w of wide) {
      assert.equal(w.tabindex, '0');
      assert.equal(w.role, 'region');
      assert.ok(w.name && w.name.length > 3, JSON.stringify(w));
      assert.ok(w.right <= 360, JSON.stringify(w));
    }
    // the focused table can be scrolled with the arrow keys
    await page.$$eval('.chart-table:not([hidden])', (tables) => { tables.find((t) => t.scrollWidth > t.clientWidth + 1).dataset.probe = 'wide'; });
    const first = page.locator('.chart-table[data-probe="wide"]');
    await first.scrollIntoViewIfNeeded();
    await first.focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    assert.ok(await first.evaluate((el) => el.scrollLeft) > 0, 'ArrowRight scrolls the focused table');

    await page.evaluate(() => {
      document.querySelectorAll('.table-toggle[aria-expanded="true"]').forEach((b) => b.click());
      document.querySelectorAll('details').forEach((d) => { d.open = false; });
    });
    await page.locator('#wine').scrollIntoViewIfNeeded();
    await page.evaluate(() => document.getElementById('wine').scrollIntoView());
    await page.waitForTimeout(200);
    // the navigation marks the section in view and scrolls its link into sight
    await page.waitForFunction(() => document.querySelector('.site-nav a[href="#wine"]').hasAttribute('aria-current'));
    const link = await page.$eval('.site-nav a[href="#wine"]', (a) => {
      const r = a.getBoundingClientRect();
      const n = a.closest('.site-nav').getBoundingClientRect();
      return { left: r.left, right: r.right, navLeft: n.left, navRight: n.right, current: document.querySelectorAll('.site-nav [aria-current]').length };
    });
    assert.ok(link.left >= link.navLeft - 1 && link.right <= link.navRight + 1, `the current link is in view in the nav: ${JSON.stringify(link)}`);
    assert.equal(link.current, 1, 'one current link');
    await page.screenshot({ path: `${SCREENSHOTS}phone-wine.png` });
    assert.deepEqual(lab.problems, []);
  } finally {
    await lab.close();
  }
});

test('tablet (768 px) and wide screen (1920 px): no sideways scroll; charts use the room', async () => {
  const widths = {};
  for (const [width, height] of [[768, 1024], [1920, 1080]]) {
    const lab = await openLab({ width, height });
    const { page } = lab;
    try {
      const o = await overflow(page);
      assert.ok(o.scrollWidth <= o.innerWidth, `${width}: page ${o.scrollWidth} px wide`);
      assert.deepEqual(await chartsOutside(page), []);
      widths[width] = await page.$eval('#one-feature canvas', (c) => c.getBoundingClientRect().width);
      const main = await page.$eval('main', (m) => m.getBoundingClientRect().width);
      assert.ok(main <= 1440 + 1, `${width}: the text column stays readable (${main} px)`);
      if (width === 1920) {
        await page.evaluate(() => document.getElementById('wine').scrollIntoView());
        await page.waitForTimeout(200);
        await page.screenshot({ path: `${SCREENSHOTS}wide.png` });
      }
      assert.deepEqual(lab.problems, []);
    } finally {
      await lab.close();
    }
  }
  assert.ok(widths[1920] > widths[768] + 100, `the chart grows with the window: ${JSON.stringify(widths)}`);
});

test('resizing the window: charts shrink with it, the page never scrolls sideways', async () => {
  const lab = await openLab({ width: 1280, height: 900 });
  const { page } = lab;
  try {
    const size = () => page.$eval('#wine canvas', (c) => c.getBoundingClientRect().width);
    const wide = await size();
    await page.setViewportSize({ width: 360, height: 740 });
    await page.waitForFunction((w) => document.querySelector('#wine canvas').getBoundingClientRect().width < w - 300, wide);
    const narrow = await size();
    assert.ok(narrow <= 360 - 20, `${wide} -> ${narrow} px`);
    const o = await overflow(page);
    assert.ok(o.scrollWidth <= o.innerWidth, `page ${o.scrollWidth} px wide after the resize`);
    assert.deepEqual(await chartsOutside(page), []);
    assert.deepEqual(lab.problems, []);
  } finally {
    await lab.close();
  }
});
