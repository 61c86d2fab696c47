// Loads the WebAssembly core once. Vite copies reglab.wasm into the build
// (with a content hash in its name) and gives us its URL; Emscripten's loader
// fetches it through locateFile.
import { loadReglab } from '@reglab/reglab.js';
import wasmUrl from '@reglab/reglab.wasm?url';

export function loadCore() {
  return loadReglab({ locateFile: () => wasmUrl });
}
