// npm start's server: dist/ on localhost, port from PORT (default 8080).
import { startStaticServer } from './static-server.mjs';

const port = Number(process.env.PORT ?? 8080);
const { url } = await startStaticServer({ root: new URL('../dist', import.meta.url).pathname, port })
  .catch((err) => { console.error(`serve: cannot listen on port ${port}: ${err.message}`); process.exit(1); });
console.log(`Regularization Lab is running at ${url.replace('127.0.0.1', 'localhost')}  (Ctrl+C to stop)`);
