// A Vite plugin that writes dist/sw.js: offline/sw.js with this build's list
// of files to precache (every file of the bundle: index.html, scripts,
// styles, the wasm core, the worker) and a version hashed from that list,
// index.html's text (its name has no hash) and the worker's own source. The
// data files (dist/data/, written by the Fashion-MNIST plugin) are not in the
// list: they are cached when first loaded.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

const TEMPLATE = new URL('./sw.js', import.meta.url);

/** {version, precache, source} of sw.js for a bundle's file names (pure). */
export function serviceWorkerSource(fileNames, { html = '', template = readFileSync(TEMPLATE, 'utf8') } = {}) {
  const files = [...fileNames].filter((name) => !name.endsWith('.map') && name !== 'sw.js').sort();
  const precache = ['./', ...files.map((name) => `./${name}`)];
  const version = createHash('sha256').update(template).update(JSON.stringify(files)).update(html)
    .digest('hex').slice(0, 16);
  const source = template
    .replace("'__REGLAB_VERSION__'", JSON.stringify(version))
    .replace('__REGLAB_PRECACHE__', JSON.stringify(precache, null, 2));
  return { version, precache, source };
}

export function serviceWorker() {
  return {
    name: 'reglab-service-worker',
    apply: 'build',
    enforce: 'post',  // after Vite has put index.html into the bundle
    generateBundle(_options, bundle) {
      const html = bundle['index.html']?.source;
      if (typeof html !== 'string') this.error('index.html is not in the bundle: the service worker would not cache the page');
      const { source } = serviceWorkerSource(Object.keys(bundle), { html });
      this.emitFile({ type: 'asset', fileName: 'sw.js', source });
    },
  };
}
