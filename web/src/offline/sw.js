// The lab's service worker: after the first visit the page, its scripts,
// styles, the wasm core and the trainer's worker come from the cache, so the
// lab works with no network. The build (offline/vite_sw_plugin.mjs) copies
// this file to dist/sw.js and fills in the two placeholders: the hashed files
// of this build (relative to sw.js, so any sub-path works) and a version made
// from them. A new build has a new version: it installs, takes over, and
// deletes the old build's cache.
//
// The Fashion-MNIST files (data/*.gz, 30 MB) are not fetched ahead: the
// trainer stores them in its own cache (reglab-data-v1, trainer/data.js) the
// first time the user loads them; this worker answers from that cache too.
const VERSION = '__REGLAB_VERSION__';
const PRECACHE = __REGLAB_PRECACHE__;
const SHELL = `reglab-shell-${VERSION}`;
const SHELL_PREFIX = 'reglab-shell-';
const DATA = 'reglab-data-v1';  // trainer/protocol.js DATA_CACHE

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(SHELL);
    // cache: 'reload' skips the HTTP cache, so a stale copy cannot slip into a new version
    await cache.addAll(PRECACHE.map((path) => new Request(path, { cache: 'reload' })));
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    const names = await caches.keys();
    await Promise.all(names.filter((name) => name.startsWith(SHELL_PREFIX) && name !== SHELL).map((name) => caches.delete(name)));
    await self.clients.claim();
  })());
});

// Cached copy first; the network for anything this build did not list.
async function fromShell(request, fallbackPath) {
  const cache = await caches.open(SHELL);
  const hit = await cache.match(request, { ignoreSearch: request.mode === 'navigate' })
    ?? (fallbackPath ? await cache.match(fallbackPath) : undefined);
  return hit ?? fetch(request);
}

async function fromData(request) {
  const cache = await caches.open(DATA);
  return (await cache.match(request)) ?? fetch(request);  // the trainer stores what it fetched
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  const scope = new URL(self.registration.scope);
  if (url.origin !== scope.origin || !url.pathname.startsWith(scope.pathname)) return;
  const path = url.pathname.slice(scope.pathname.length);
  if (path.startsWith('data/')) event.respondWith(fromData(request));
  else if (request.mode === 'navigate') event.respondWith(fromShell(request, './index.html'));
  else event.respondWith(fromShell(request));
});
