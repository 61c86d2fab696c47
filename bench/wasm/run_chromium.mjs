// Runs the wasm GEMM benchmark (gemm_bench.cjs, built by bench/wasm) in a Web
// Worker of headless Chromium, where the lab's trainer runs, and prints its
// JSON with the browser's version added.
//
//   node bench/wasm/run_chromium.mjs [build/wasm] [-- gemm_bench args]
//
// CHROMIUM overrides the browser (default Debian's /usr/bin/chromium).
import { chromium } from 'playwright-core';
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';

const argv = process.argv.slice(2);
const dash = argv.indexOf('--');
const benchArgs = dash >= 0 ? argv.slice(dash + 1) : [];
const buildDir = (dash >= 0 ? argv.slice(0, dash) : argv)[0] ?? 'build/wasm';
const benchJs = path.resolve(buildDir, 'bench/wasm/gemm_bench.cjs');
if (!existsSync(benchJs)) {
  console.error(`${benchJs} is missing: build the wasm preset first`);
  process.exit(2);
}

const source = readFileSync(benchJs, 'utf8');
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'],
});
try {
  const page = await browser.newPage();
  const { lines, code } = await page.evaluate(
    ({ source, args }) =>
      new Promise((resolve, reject) => {
        // The Emscripten program runs as is; Module routes its stdout here.
        const prelude = `var Module = { arguments: ${JSON.stringify(args)},
          print: (t) => postMessage({ line: t }), printErr: (t) => postMessage({ line: t }),
          onExit: (code) => postMessage({ exit: code }) };\n`;
        const url = URL.createObjectURL(new Blob([prelude, source], { type: 'text/javascript' }));
        const worker = new Worker(url);
        const lines = [];
        worker.onmessage = (e) => {
          if ('line' in e.data) lines.push(e.data.line);
          if ('exit' in e.data) resolve({ lines, code: e.data.exit });
        };
        worker.onerror = (e) => {
          // EXIT_RUNTIME throws ExitStatus after onExit: only a real error lands here first.
          if (!/ExitStatus|exit\(/.test(String(e.message))) reject(new Error(e.message));
          e.preventDefault();
        };
      }),
    { source, args: benchArgs },
  );
  if (code !== 0) throw new Error(`gemm_bench exited with ${code}:\n${lines.join('\n')}`);
  const result = JSON.parse(lines.join('\n'));
  result.platform = 'wasm (Chromium worker)';
  result.browser = `Chromium ${browser.version()}`;
  console.log(JSON.stringify(result, null, 2));
} finally {
  await browser.close();
}
