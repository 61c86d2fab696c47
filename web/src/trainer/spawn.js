// The trainer's module worker. Vite sees this exact pattern and bundles
// worker.js (and the wasm loader it imports) as a worker chunk.
export const createWorker = () => new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });

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
