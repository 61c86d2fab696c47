// Which build of the wasm core the trainer's worker runs, and how many
// threads its matrix products use.
//
// reglab_mt.mjs (threads) needs SharedArrayBuffer, which a browser only gives
// a cross-origin isolated page: served with COOP: same-origin and COEP:
// require-corp, as `npm start`, `npm run preview` and the dev server do. A
// static host without those headers gets the single-threaded build, which
// is the same code and gives the same numbers, on one core.
import { loadReglab, Reglab } from '@reglab/reglab.js';
import wasmUrl from '@reglab/reglab.wasm?url';
import mtJsUrl from '@reglab/reglab_mt.mjs?url';
import mtWasmUrl from '@reglab/reglab_mt.wasm?url';
import mtWorkerUrl from '@reglab/reglab_mt.worker.js?url';
import { setThreads } from '../../../wasm/reglab_nn.js';

// More threads than this stop paying for the MLP's products (a 32-row batch
// split 8 ways leaves each thread too little), and the page should leave
// the learner's machine some room.
const MAX_THREADS = 4;
// The pool's Workers load with the module; a browser that never starts them
// (nested workers blocked) must not leave the trainer waiting.
const POOL_TIMEOUT_MS = 20000;

/** The browser gives this worker SharedArrayBuffer (COOP + COEP). */
export const isolated = (scope = self) => scope.crossOriginIsolated === true && typeof SharedArrayBuffer === 'function';

/**
 * How many threads this browser lets the trainer use (1: no threads). The
 * worker's URL may ask for fewer (`worker.js?threads=1`: benchmarks compare
 * the two builds that way).
 */
export function threadsAvailable(scope = self) {
  const cores = Number(scope.navigator?.hardwareConcurrency) || 1;
  const asked = Number(new URLSearchParams(scope.location?.search ?? '').get('threads')) || MAX_THREADS;
  return isolated(scope) ? Math.max(1, Math.min(MAX_THREADS, cores, asked)) : 1;
}

/**
 * -> {reglab, threads, allowed, note}: the loaded core, the threads its
 * products use, whether the page could have threads at all. If the threaded
 * build cannot start (a Worker refused, a browser without nested workers, a
 * pool that does not come up in time), the single-threaded one is loaded
 * instead and `note` says why.
 */
export async function loadTrainerCore(wanted = threadsAvailable()) {
  if (wanted <= 1) return { reglab: await loadSingle(), threads: 1, allowed: isolated(), note: null };
  try {
    const module = await loadThreaded(wanted);
    return { reglab: new Reglab(module), threads: setThreads(module, wanted), allowed: true, note: null };
  } catch (error) {
    return { reglab: await loadSingle(), threads: 1, allowed: true, note: String(error?.message ?? error) };
  }
}

const absolute = (url) => new URL(url, self.location.href).href;
const loadSingle = () => loadReglab({ locateFile: () => wasmUrl });

// reglab_mt.mjs with a pool of `wanted - 1` Workers; rejects if it or the
// pool cannot start.
async function loadThreaded(wanted) {
  const { default: createModule } = await import(/* @vite-ignore */ absolute(mtJsUrl));
  const urls = { 'reglab_mt.wasm': mtWasmUrl, 'reglab_mt.worker.js': mtWorkerUrl };
  // A pool Worker that fails (its script refused or broken) would pass its
  // error up to the page as this worker's own, and Emscripten rethrows it
  // here too; the page would then replace the trainer, whose replacement
  // fails alike. Caught while the pool starts, it means "use one thread".
  let poolFailed;
  const onPoolError = (event) => {
    // A pool Worker's own error, or Emscripten's rethrow of it (an
    // ErrorEvent thrown as an exception); anything else is the trainer's.
    const fromPool = event.target !== self || event.error instanceof ErrorEvent;
    if (!fromPool) return;
    event.preventDefault();
    poolFailed?.(new Error(`a thread of the pool failed to start: ${event.message || 'its script did not load'}`));
  };
  const NativeWorker = self.Worker;
  self.Worker = class PoolWorker extends NativeWorker {
    constructor(...args) {
      super(...args);
      this.addEventListener('error', onPoolError);
    }
  };
  self.addEventListener('error', onPoolError);
  try {
    const module = await Promise.race([
      createModule({
        reglabWorkers: wanted - 1,
        mainScriptUrlOrBlob: absolute(mtJsUrl),
        locateFile: (name) => absolute(urls[name] ?? name),
      }),
      new Promise((_, reject) => {
        poolFailed = reject;
        setTimeout(() => reject(new Error('the worker pool did not start within 20 s')), POOL_TIMEOUT_MS);
      }),
    ]);
    // Only once the pool is up: after a failure the abandoned module's
    // handlers may still rethrow (Emscripten's onerror runs after ours).
    self.removeEventListener('error', onPoolError);
    return module;
  } finally {
    self.Worker = NativeWorker;
  }
}
