// The trainer's module worker: loads its own copy of the wasm core (with
// threads where the page is cross-origin isolated: core_loader.js), makes
// one NnLab (data + model) and hands every message to the engine
// (engine.js; the protocol is in protocol.js). Messages that arrive while the
// module loads wait in a queue.
import { loadTrainerCore } from './core_loader.js';
import { NnLab } from '../../../wasm/reglab_nn.js';
import { createEngine } from './engine.js';

const post = (message, transfer = []) => self.postMessage(message, transfer);
const waiting = [];
let engine = null;

self.onmessage = (event) => {
  if (engine) engine.handle(event.data);
  else waiting.push(event.data);
};

// Anything that escapes the engine is fatal: the page makes a new worker.
self.addEventListener('unhandledrejection', (event) => {
  post({ type: 'error', message: String(event.reason?.message ?? event.reason), fatal: true });
});

loadTrainerCore().then(({ reglab, threads, allowed, note }) => {
  const lab = new NnLab(reglab.module);
  engine = createEngine({ lab, post });
  post({ type: 'ready', heap_bytes: lab.heapBytes(), threads, threads_allowed: allowed, threads_note: note });
  for (const message of waiting.splice(0)) engine.handle(message);
}, (error) => {
  post({ type: 'error', message: `the WebAssembly core could not be loaded in the worker: ${error.message}`, fatal: true });
});
