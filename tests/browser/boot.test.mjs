// The boot's trainer warm-up (web/src/boot/warm_trainer.js): opened at a
// Fashion-MNIST section the page starts the trainer's worker at once; opened
// at the top it starts none until a trainer section comes near the viewport;
// and the prewarmed worker is the one the first run uses (a run works, one
// worker in all).
import test from 'node:test';
import assert from 'node:assert/strict';
import { openLab } from './browser.mjs';

const TRAINER = /\/assets\/worker-[^/]*\.js(\?|$)/;
const workerRequests = (requests) => requests.filter((u) => TRAINER.test(u)).length;
// The trainer's worker, not the threads it starts (reglab_mt.worker-*.js).
const trainers = (page) => page.workers().filter((w) => TRAINER.test(w.url())).length;

test('opened at #dropout: the worker starts with the page and serves the first run', async () => {
  const lab = await openLab({ path: '#dropout' });
  try {
    const { page } = lab;
    if (trainers(page) === 0) await page.waitForEvent('worker', { timeout: 10000 });
    assert.equal(trainers(page), 1, 'one worker right after the boot');
    assert.equal(workerRequests(lab.requests), 1);
    // The first run uses it: the worker says ready, the data load and a fast run go through it.
    await page.click('[data-pair="N1-N2"] button[data-preset="N2"]');
    await page.waitForFunction(() => window.reglabTrainer.state.current?.history.length >= 1, null, { timeout: 120000 });
    const state = await page.evaluate(() => ({ worker: window.reglabTrainer.state.worker, data: window.reglabTrainer.state.data.status }));
    assert.deepEqual(state, { worker: 'ready', data: 'loaded' });  // 'ready' came before anyone listened: replayed
    await page.evaluate(() => window.reglabTrainer.stop());
    assert.equal(trainers(page), 1, 'no second worker was made');
    assert.deepEqual(lab.problems, []);
  } finally {
    await lab.close();
  }
});

test('opened at the top: no worker until a trainer section comes near', async () => {
  const lab = await openLab();
  try {
    const { page } = lab;
    await page.waitForTimeout(300);
    assert.equal(trainers(page), 0, 'the top of the page loads no trainer');
    const started = page.waitForEvent('worker', { timeout: 10000 });
    await page.evaluate(() => document.getElementById('fashion-mnist').scrollIntoView());
    await started;
    assert.equal(trainers(page), 1, 'scrolled to the trainer: its worker starts');
    assert.deepEqual(lab.problems, []);
  } finally {
    await lab.close();
  }
});
