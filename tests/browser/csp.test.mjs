// The Content-Security-Policy (web/src/offline/csp.mjs, docs/security.md):
// the whole page, the trainer included (its worker compiles wasm and fetches
// the data), works under it with no violation, both with the header that
// scripts/static-server.mjs sends and with the <meta> of dist/index.html
// alone (what a plain static host serves); what the policy exists for is
// refused: an injected inline script, eval, an inline style attribute, a
// request to another origin.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { copyDist, openLab, DIST } from './browser.mjs';
import { CSP_META, CSP_HEADER } from '../../web/src/offline/csp.mjs';

const haveData = existsSync(`${DIST}data/train-images-idx3-ubyte.gz`);

// Runs in the page before its scripts: every violation event, with where it happened.
function recordViolations() {
  window.cspViolations = [];
  document.addEventListener('securitypolicyviolation', (e) => {
    window.cspViolations.push({ directive: e.effectiveDirective, blocked: e.blockedURI, sample: e.sample, source: e.sourceFile });
  });
}
const violations = (page) => page.evaluate(() => window.cspViolations);

test('dist/index.html carries the policy in a <meta> before any script; the header adds frame-ancestors', () => {
  const html = readFileSync(`${DIST}index.html`, 'utf8');
  const meta = html.indexOf(`<meta http-equiv="Content-Security-Policy" content="${CSP_META}">`);
  assert.ok(meta > 0, 'the CSP <meta> is missing from dist/index.html');
  assert.ok(meta < html.indexOf('<script'), 'the CSP <meta> must come before the first script');
  assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>/, 'an inline <script> in dist/index.html');
  assert.doesNotMatch(CSP_META, /'unsafe-inline'|'unsafe-eval'|frame-ancestors/);
  assert.match(CSP_META, /script-src 'self' 'wasm-unsafe-eval'/);
  assert.equal(CSP_HEADER, `${CSP_META}; frame-ancestors 'self'`);
});

test('under the header: every tabular section and the trainer work with no violation', { skip: !haveData && 'dist/data has no Fashion-MNIST files', timeout: 120000 }, async () => {
  const lab = await openLab({ init: recordViolations, path: '#fashion-mnist' });
  const { page } = lab;
  try {
    const response = await page.request.get(lab.url);
    assert.equal(response.headers()['content-security-policy'], CSP_HEADER);
    // tabular: the wasm core computed the post's numbers on the main thread
    assert.equal(await page.locator('#wine table.results tr[data-model="ols"] td.mae').textContent(), '0.251290');
    // the trainer: its worker compiles the wasm core, fetches and reads the data, trains
    await page.selectOption('#dropout .fast-limit', '3000');
    await page.click('#fashion-mnist button.load-data');
    await page.waitForFunction(() => window.reglabTrainer.state.data.status === 'loaded', null, { timeout: 60000 });
    await page.click('[data-pair="N1-N2"] button[data-preset="N2"]');
    await page.waitForFunction(() => window.reglabTrainer.state.current?.history.length >= 1, null, { timeout: 60000 });
    await page.click('.run-panel button:has-text("Stop")');
    await page.waitForFunction(() => window.reglabTrainer.state.current.results, null, { timeout: 30000 });
    const accuracy = await page.evaluate(() => window.reglabTrainer.state.current.results.test.accuracy);
    assert.ok(accuracy > 0.5 && accuracy < 1, `test accuracy after one epoch on 3,000 images: ${accuracy}`);
    // the tables, pictures and charts drawn when their section comes into view
    await page.locator('#compare').scrollIntoViewIfNeeded();
    await page.locator('#inside').scrollIntoViewIfNeeded();
    await page.waitForSelector('#inside table.confusion td[style]', { timeout: 10000 });
    assert.match(await page.$eval('#inside table.confusion td[style]', (td) => td.style.background), /rgba/);
    assert.deepEqual(await violations(page), []);
    assert.deepEqual(lab.problems, []);
  } finally {
    await lab.close();
  }
});

test('the <meta> alone: the page works, and inline script, eval, inline styles and other origins are refused', async () => {
  // dist/ and one more same-origin script (allowed) that tries eval (refused)
  const host = copyDist('csp');
  writeFileSync(`${host}/probe.js`, 'try { window.evalResult = eval("1 + 1"); } catch (error) { window.evalResult = error.name; }\n');
  const lab = await openLab({ init: recordViolations, csp: false, root: host });
  const { page } = lab;
  try {
    const response = await page.request.get(lab.url);
    assert.equal(response.headers()['content-security-policy'], undefined, 'this server sends no CSP header');
    assert.equal(await page.locator('#wine table.results tr[data-model="lasso"] td.mae').textContent(), '0.242337');
    assert.deepEqual(await violations(page), [], 'the page itself violates its policy');
    assert.deepEqual(lab.problems, []);

    const refused = await page.evaluate(async () => {
      const probe = document.createElement('script');
      probe.src = './probe.js';
      await new Promise((resolve) => { probe.onload = resolve; probe.onerror = resolve; document.head.append(probe); });
      const evalResult = window.evalResult;
      const script = document.createElement('script');
      script.textContent = 'window.inlineRan = true;';
      document.head.append(script);
      const styled = document.createElement('p');
      styled.setAttribute('style', 'color: rgb(255, 0, 0)');
      document.body.append(styled);
      const colour = getComputedStyle(styled).color;
      styled.remove();
      const img = new Image();
      const loaded = await new Promise((resolve) => {
        img.onload = () => resolve('loaded');
        img.onerror = () => resolve('refused');
        img.src = 'http://example.invalid/pixel.png';
      });
      await new Promise((resolve) => setTimeout(resolve, 100));  // violation events are queued as tasks
      return { inlineRan: window.inlineRan ?? false, evalResult, colour, loaded };
    });
    assert.deepEqual({ ...refused, colour: refused.colour === 'rgb(255, 0, 0)' ? 'red' : 'not red' },
      { inlineRan: false, evalResult: 'EvalError', colour: 'not red', loaded: 'refused' });
    const directives = (await violations(page)).map((v) => v.directive).sort();
    assert.deepEqual(directives, ['img-src', 'script-src', 'script-src-elem', 'style-src-attr']);
    lab.problems.length = 0;  // the refusals above are logged as console errors, as they should be
  } finally {
    await lab.close();
    rmSync(host, { recursive: true, force: true });
  }
});
