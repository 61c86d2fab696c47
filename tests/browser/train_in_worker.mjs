// Drives one trainer worker (the page's own script from dist/) through the
// protocol of web/src/trainer/protocol.js, in the page: load the four
// Fashion-MNIST files from the page's data/, configure, train to the end.
// -> {ready: its 'ready' message, history: the finished run's epochs}.
// Used by tests/browser/trainer_threads.test.mjs and bench/lab/threads_ab.mjs.
export function trainInWorker(page, workerUrl, config) {
  return page.evaluate(async ({ workerUrl, config }) => {
    const worker = new Worker(workerUrl, { type: 'module' });
    const listeners = new Set();
    worker.onmessage = (e) => { for (const fn of [...listeners]) fn(e.data); };
    const until = (type) => new Promise((resolve, reject) => {
      const fn = (m) => {
        if (m.type === 'error') { listeners.delete(fn); reject(new Error(m.message)); } else if (m.type === type) { listeners.delete(fn); resolve(m); }
      };
      listeners.add(fn);
    });
    try {
      const ready = await until('ready');
      const file = (split, kind) => new URL(`data/${split}-${kind}-idx${kind === 'images' ? 3 : 1}-ubyte.gz`, location.href).href;
      const urls = { train_images: file('train', 'images'), train_labels: file('train', 'labels'), test_images: file('t10k', 'images'), test_labels: file('t10k', 'labels') };
      worker.postMessage({ type: 'load', id: 1, source: 'url', urls, cache: false });
      await until('loaded');
      worker.postMessage({ type: 'configure', id: 2, config });
      await until('configured');
      worker.postMessage({ type: 'start', id: 3 });
      const finished = await until('finished');
      return { ready, history: finished.history };
    } finally {
      worker.terminate();
    }
  }, { workerUrl, config });
}
