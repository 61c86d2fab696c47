// npm start / npm run preview: serves dist/ on localhost as a static host
// would (scripts/static-server.mjs: files or 404, correct MIME types, the
// CSP header). Options: --port N (or PORT; default 8080), --base /path/ to
// serve it under a sub-path like a project page (default /).
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { startStaticServer } from './static-server.mjs';

let options;
try {
  ({ values: options } = parseArgs({ options: { port: { type: 'string' }, base: { type: 'string', default: '/' } } }));
} catch (error) {
  console.error(`serve: ${error.message}\nusage: node scripts/serve.mjs [--port N] [--base /sub/path/]`);
  process.exit(2);
}
const port = Number(options.port ?? process.env.PORT ?? 8080);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`serve: the port must be a whole number from 0 to 65535, not "${options.port ?? process.env.PORT}"`);
  process.exit(2);
}
const prefix = `/${options.base}/`.replace(/\/+/g, '/');
const root = new URL('../dist', import.meta.url).pathname;
if (!existsSync(`${root}/index.html`)) {
  console.error('serve: dist/index.html is missing: build the page first (npm run build)');
  process.exit(1);
}
const { url } = await startStaticServer({ root, port, prefix })
  .catch((err) => { console.error(`serve: cannot listen on port ${port}: ${err.message}`); process.exit(1); });
console.log(`Regularization Lab is running at ${url.replace('127.0.0.1', 'localhost')}  (Ctrl+C to stop)`);
