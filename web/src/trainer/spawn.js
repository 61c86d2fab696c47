// The trainer's module worker. Vite sees this exact pattern and bundles
// worker.js (and the wasm loader it imports) as a worker chunk.
const newWorker = () => new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });

// A worker made ahead of need (prewarmWorker): it fetches and compiles its
// wasm core while the page boots, so the first run does not wait for that.
let spare = null;

// What the spare worker says before anyone listens (its 'ready', or a load
// failure) is kept and replayed, in order, to the first onmessage / onerror set.
function keepEarlyEvents(worker) {
  for (const [type, prop] of [['message', 'onmessage'], ['error', 'onerror']]) {
    const early = [];
    const keep = (event) => {
      if (type === 'error') event.preventDefault();  // handled once a listener is set
      early.push(event);
    };
    worker.addEventListener(type, keep);
    let handler = null;
    let live = false;
    Object.defineProperty(worker, prop, {
      configurable: true,
      get: () => handler,
      set(fn) {
        handler = fn;
        if (live) return;
        live = true;
        worker.removeEventListener(type, keep);
        // Until the kept events are delivered, newer ones queue behind them.
        worker.addEventListener(type, (event) => (early.length ? early.push(event) : handler?.(event)));
        if (early.length) {
          queueMicrotask(() => {
            while (early.length) {
              try {
                handler?.(early[0]);  // still queued while it runs: newer events line up behind it
              } finally {
                early.shift();
              }
            }
          });
        }
      },
    });
  }
  return worker;
}

/**
 * Starts the worker the first createWorker() will return (idempotent; no-op
 * without Worker). Never throws: if the worker cannot be made now (a policy,
 * a quota), the first run makes it and reports the failure as before.
 */
export function prewarmWorker() {
  if (spare || typeof Worker !== 'function') return;
  try {
    spare = keepEarlyEvents(newWorker());
  } catch {
    spare = null;
  }
}

/** A module Worker speaking protocol.js: the prewarmed one if there is one, else a new one. */
export function createWorker() {
  const worker = spare ?? newWorker();
  spare = null;
  return worker;
}

// The four Fashion-MNIST files the build copies into dist/data/.
export const FASHION_FILES = {
  train_images: 'train-images-idx3-ubyte.gz',
  train_labels: 'train-labels-idx1-ubyte.gz',
  test_images: 't10k-images-idx3-ubyte.gz',
  test_labels: 't10k-labels-idx1-ubyte.gz',
};

/** Absolute URLs of the data files, relative to the page (base './'). */
export function fashionUrls(base = document.baseURI) {
  return Object.fromEntries(Object.entries(FASHION_FILES).map(([key, name]) => [key, new URL(`./data/${name}`, base).href]));
}
