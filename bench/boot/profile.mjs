// Where the time to the first chart goes: opens dist/ at #dropout in headless
// Chromium, clicks N2 as soon as the page says it is ready, and prints the
// timeline (ms since navigation start) of the page's and the worker's
// resources, the boot marks and the trainer's marks. JSON on stdout.
//   node bench/boot/profile.mjs [--runs 3] [--trace file.json]
import { chromium } from 'playwright-core';
import { writeFileSync } from 'node:fs';
import { startStaticServer } from '../../scripts/static-server.mjs';

const argv = process.argv.slice(2);
const arg = (name, def) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : def);
const RUNS = Number(arg('--runs', 3));
const TRACE = arg('--trace', null);
const DIST = process.env.REGLAB_DIST ?? new URL('../../dist/', import.meta.url).pathname;
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run'];

const { server, url } = await startStaticServer({ root: DIST, port: 0 });
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ARGS });
const page = await browser.newPage();
const problems = [];
page.on('pageerror', (e) => problems.push(e.message));
page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
const round = (x) => (x == null ? null : Math.round(x));

async function once(i) {
  await page.goto('about:blank');
  if (TRACE && i === RUNS - 1) await browser.startTracing(page, { path: TRACE, screenshots: false });
  await page.goto(`${url}#dropout`);
  await page.waitForSelector('html[data-ready="true"]', { timeout: 60000 });
  const readyAt = await page.evaluate(() => performance.now());
  await page.click('[data-pair="N1-N2"] button[data-preset="N2"]');
  const clickAt = await page.evaluate(() => performance.now());
  const at = await page.waitForFunction(() => {
    const drawn = document.querySelector('[data-pair="N1-N2"] .curves-view')?.dataset.drawn ?? '';
    return /this lab's N2: train[^;]*=[1-9]/.test(drawn) ? performance.now() : null;
  }, null, { timeout: 60000, polling: 'raf' });
  const firstChart = await at.jsonValue();
  if (TRACE && i === RUNS - 1) await browser.stopTracing();
  const page_ = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0];
    const res = performance.getEntriesByType('resource').map((r) => ({ name: r.name.split('/').pop(), start: r.startTime, end: r.responseEnd }));
    const marks = [...performance.getEntriesByType('mark'), ...performance.getEntriesByType('measure').map((m) => ({ name: m.name + ' dur ' + Math.round(m.duration), at: m.startTime }))].map((m) => ({ name: m.name, at: m.startTime }));
    const paints = performance.getEntriesByType('paint').map((p) => ({ name: p.name, at: p.startTime }));
    return { domContentLoaded: nav.domContentLoadedEventEnd, load: nav.loadEventEnd, res, marks, paints, trainerMarks: window.reglabTrainer?.state.marks, data: window.reglabTrainer?.state.data };
  });
  let worker = null;
  for (const w of page.workers()) {
    worker = await w.evaluate(() => ({
      origin: performance.timeOrigin,
      res: performance.getEntriesByType('resource').map((r) => ({ name: r.name.split('/').pop(), start: r.startTime, end: r.responseEnd })),
    })).catch(() => null);
  }
  const pageOrigin = await page.evaluate(() => performance.timeOrigin);
  await page.evaluate(() => window.reglabTrainer?.stop?.()).catch(() => {});
  const shift = worker ? worker.origin - pageOrigin : 0;
  return {
    run: i,
    dom_content_loaded: round(page_.domContentLoaded),
    ready: round(readyAt),
    click: round(clickAt),
    first_chart: round(firstChart),
    paints: page_.paints.map((p) => `${p.name} ${round(p.at)}`),
    marks: page_.marks.map((m) => `${m.name} ${round(m.at)}`),
    trainer_marks: Object.fromEntries(Object.entries(page_.trainerMarks ?? {}).map(([k, v]) => [k, round(v)])),
    data: { seconds: page_.data?.seconds, fromCache: page_.data?.fromCache },
    page_resources: page_.res.map((r) => `${r.name} ${round(r.start)}-${round(r.end)}`),
    worker_start: worker ? round(shift) : null,
    worker_resources: worker ? worker.res.map((r) => `${r.name} ${round(r.start + shift)}-${round(r.end + shift)}`) : null,
  };
}

const runs = [];
for (let i = 0; i < RUNS; i++) runs.push(await once(i));
console.log(JSON.stringify({ chromium: browser.version(), runs, problems }, null, 1));
await browser.close();
server.close();
