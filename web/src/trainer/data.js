// Getting IDX files to the core, in the worker: fetch with progress, the
// Cache API (a second visit reads the files from the browser's cache, no
// network round trip), gunzip with DecompressionStream. No DOM, no wasm:
// node tests use the same functions.

const GZIP_MAGIC = [0x1f, 0x8b];
const IMAGES_MAGIC = 0x00000803;
const LABELS_MAGIC = 0x00000801;

export const isGzip = (bytes) => bytes.length >= 2 && bytes[0] === GZIP_MAGIC[0] && bytes[1] === GZIP_MAGIC[1];

/** Gunzips `bytes` when they are gzip, else returns them as they are. */
export async function maybeGunzip(bytes, name = 'file') {
  if (!isGzip(bytes)) return bytes;
  if (typeof DecompressionStream !== 'function') {
    throw new Error(`${name}: this browser cannot decompress gzip (no DecompressionStream); give the raw IDX file`);
  }
  try {
    const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
    return new Uint8Array(await new Response(stream).arrayBuffer());
  } catch (error) {
    throw new Error(`${name}: not a valid gzip file (${error.message})`);
  }
}

/** 'images', 'labels' or null, from an IDX file's magic number. */
export function idxKind(bytes) {
  if (bytes.length < 4) return null;
  const magic = ((bytes[0] << 24) | (bytes[1] << 16) | (bytes[2] << 8) | bytes[3]) >>> 0;
  if (magic === IMAGES_MAGIC) return 'images';
  if (magic === LABELS_MAGIC) return 'labels';
  return null;
}

/** 'test' when the name says so (t10k-..., ...test...), else 'train'. */
export const splitOfName = (name) => (/t10k|test/i.test(name) ? 'test' : 'train');

/**
 * The user's files [{name, bytes}] -> {train: {images, labels}, test?: {...}}
 * of gunzipped bytes. Throws with what is missing or unrecognized.
 */
export async function classifyFiles(files) {
  const out = {};
  for (const { name, bytes } of files) {
    const raw = await maybeGunzip(new Uint8Array(bytes), name);
    const kind = idxKind(raw);
    if (!kind) throw new Error(`${name}: not an IDX image or label file (magic 0x00000803 or 0x00000801)`);
    const split = splitOfName(name);
    out[split] ??= {};
    if (out[split][kind]) throw new Error(`${name}: two ${split} ${kind} files; give one of each`);
    out[split][kind] = raw;
  }
  if (!out.train?.images || !out.train?.labels) {
    throw new Error('give at least the training images and labels (names without "t10k" or "test")');
  }
  if (out.test && (!out.test.images || !out.test.labels)) {
    throw new Error('the test set needs both its images and its labels');
  }
  return out;
}

async function openCache(name) {
  try {
    return typeof caches === 'object' && caches ? await caches.open(name) : null;
  } catch {
    return null;  // e.g. an insecure context or a private window: no cache, still works
  }
}

// The body of a response, reporting bytes as they arrive.
async function readBody(response, onBytes) {
  if (!response.body) {
    const bytes = new Uint8Array(await response.arrayBuffer());
    onBytes(bytes.length);
    return bytes;
  }
  const reader = response.body.getReader();
  const chunks = [];
  let length = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    length += value.length;
    onBytes(value.length);
  }
  const bytes = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return bytes;
}

/**
 * Fetches `urls` ({key: url}) in parallel, from the cache when it has them.
 * onProgress({loaded, total, phase}) follows all files together. Returns
 * {files: {key: Uint8Array (as stored: still gzip)}, fromCache}.
 */
export async function fetchAll(urls, { cacheName, useCache = true, onProgress = () => {}, fetchImpl = fetch } = {}) {
  const cache = useCache && cacheName ? await openCache(cacheName) : null;
  const entries = Object.entries(urls).filter(([, url]) => url);
  const totals = new Map();
  const loaded = new Map();
  let fromCache = true;
  const report = (phase) => {
    let sum = 0;
    let total = 0;
    for (const [key] of entries) {
      sum += loaded.get(key) ?? 0;
      total += totals.get(key) ?? 0;
    }
    onProgress({ loaded: sum, total: totals.size === entries.length ? total : 0, phase });
  };
  const one = async ([key, url]) => {
    let response = cache ? await cache.match(url) : undefined;
    const cached = Boolean(response);
    if (!cached) {
      fromCache = false;
      response = await fetchImpl(url);
      if (!response.ok) throw new Error(`${url}: ${response.status} ${response.statusText || 'not found'}`);
    }
    totals.set(key, Number(response.headers.get('content-length')) || 0);
    const bytes = await readBody(response, (n) => {
      loaded.set(key, (loaded.get(key) ?? 0) + n);
      report(cached ? 'cache' : 'fetch');
    });
    if (!totals.get(key)) totals.set(key, bytes.length);
    if (cache && !cached) {
      await cache.put(url, new Response(bytes, {
        headers: { 'content-type': 'application/octet-stream', 'content-length': String(bytes.length) },
      })).catch(() => {});  // a full quota only costs the next visit a download
    }
    return [key, bytes];
  };
  const files = Object.fromEntries(await Promise.all(entries.map(one)));
  return { files, fromCache };
}
