// Draws line charts to PNG files with the project's own Chart.js in headless
// Chromium (playwright-core + Debian's /usr/bin/chromium), offline.
//
//   import { withChartRenderer } from './reproduce-plot.mjs';
//   await withChartRenderer(async (render) => {
//     await render('out.png', [chartConfigA, chartConfigB], { width: 1200, height: 420 });
//   });
//
// Each chart config is a plain Chart.js config; the charts are laid out side by
// side on one white canvas and screenshotted.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);
// chart.js exports no subpaths: find its dist/ folder through the main entry
const CHART_JS = join(dirname(require.resolve('chart.js')), 'chart.umd.js');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run',
];

export async function withChartRenderer(body) {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ deviceScaleFactor: 1 });
    let loaded = false;
    const render = async (file, configs, { width = 1200, height = 420 } = {}) => {
      await page.setViewportSize({ width, height });
      if (!loaded) {
        await page.setContent('<!doctype html><body style="margin:0;background:#fff"><div id="row" style="display:flex"></div></body>');
        await page.addScriptTag({ path: CHART_JS });
        loaded = true;
      }
      await page.evaluate(({ configs, width, height }) => {
        const row = document.getElementById('row');
        for (const c of window.__charts || []) c.destroy();
        row.innerHTML = '';
        window.__charts = configs.map((config) => {
          const box = document.createElement('div');
          box.style.width = `${width / configs.length}px`;
          box.style.height = `${height}px`;
          const canvas = document.createElement('canvas');
          box.appendChild(canvas);
          row.appendChild(box);
          config.options = { ...config.options, animation: false, responsive: true, maintainAspectRatio: false };
          // functions cannot cross from node: label log axes at 1-2-5 steps here
          for (const axis of Object.values(config.options.scales || {})) {
            if (axis.type === 'logarithmic') {
              const nice = new Set([1, 2, 5, 10, 20, 50, 100, 200, 500, 1000]);
              axis.ticks = { maxRotation: 0, autoSkip: false, callback: (v) => (nice.has(v) ? String(v) : '') };
            }
          }
          return new window.Chart(canvas, config);
        });
      }, { configs, width, height });
      await page.locator('#row').screenshot({ path: file });
    };
    return await body(render);
  } finally {
    await browser.close();
  }
}
