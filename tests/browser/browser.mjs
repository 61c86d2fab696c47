// Shared setup for the browser tests: serve dist/ like a static host and open
// it in headless Chromium (Debian's), collecting console errors and page errors.
import { chromium } from 'playwright-core';
import { cpSync, existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { startStaticServer } from '../../scripts/static-server.mjs';

// REGLAB_DIST tests another build of the page (it must end with '/').
export const DIST = process.env.REGLAB_DIST ?? new URL('../../dist/', import.meta.url).pathname;
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

// A copy of dist/ without its data (30 MB), in a fresh temporary folder, for
// a test to alter without touching the build. The caller removes it.
export function copyDist(name) {
  const root = mkdtempSync(`${tmpdir()}/reglab-${name}-`);
  cpSync(DIST, root, { recursive: true, filter: (path) => !path.startsWith(`${DIST}data`) });
  return root;
}

// root: the folder served (default dist/); path: where the page is under it;
// locale: the browser's language; init: a function run in the page before its
// scripts; csp: false serves without the CSP header (the <meta> alone);
// isolate: false without COOP/COEP (no threads for the trainer).
export async function openLab({ width = 1280, height = 900, root = DIST, path = '', locale = 'en-US', init, csp = true, isolate = true } = {}) {
  if (!existsSync(`${DIST}index.html`)) throw new Error('dist/ is missing: run `bash scripts/build.sh wasm web` first');
  const { server, url } = await startStaticServer({ root, port: 0, csp, isolate });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const page = await browser.newPage({ viewport: { width, height }, locale });
  if (init) await page.addInitScript(init);
  const problems = [];
  const requests = [];
  page.on('console', (msg) => { if (msg.type() === 'error' || msg.type() === 'warning') problems.push(`console.${msg.type()}: ${msg.text()}`); });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('request', (request) => requests.push(request.url()));
  await page.goto(url + path);
  await page.waitForSelector('html[data-ready="true"]', { timeout: 30000 });
  return {
    page,
    url,
    server,
    problems,
    requests,
    async close() {
      await browser.close();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
