// A Vite plugin that puts the four Fashion-MNIST gzip files next to the page
// (dist/data/), with their licence; the dev server serves them from the same
// path. They come from Debian's dataset-fashion-mnist package and are never
// committed to git. REGLAB_FASHION_DIR points elsewhere.
import { copyFileSync, createReadStream, existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const FASHION_DIR = process.env.REGLAB_FASHION_DIR ?? '/usr/share/datasets/fashion-mnist';
export const FASHION_FILES = [
  'train-images-idx3-ubyte.gz',
  'train-labels-idx1-ubyte.gz',
  't10k-images-idx3-ubyte.gz',
  't10k-labels-idx1-ubyte.gz',
];

const LICENCE = `Fashion-MNIST
https://github.com/zalandoresearch/fashion-mnist

The four *.gz files in this folder are the Fashion-MNIST data set by Zalando
Research (Han Xiao, Kashif Rasul, Roland Vollgraf: "Fashion-MNIST: a Novel
Image Dataset for Benchmarking Machine Learning Algorithms", 2017), copied
unchanged from Debian's dataset-fashion-mnist package.

The MIT License (MIT)
Copyright © 2017 Zalando SE, https://tech.zalando.com

Permission is hereby granted, free of charge, to any person obtaining a copy
of this software and associated documentation files (the "Software"), to deal
in the Software without restriction, including without limitation the rights
to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
copies of the Software, and to permit persons to whom the Software is
furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in
all copies or substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE
SOFTWARE.
`;

export function fashionMnistData({ dir = FASHION_DIR } = {}) {
  let outDir = 'dist';
  return {
    name: 'reglab-fashion-mnist-data',
    configResolved(config) {
      outDir = config.build.outDir;
    },
    // After the bundle is written (emptyOutDir has run): dist/data/.
    writeBundle() {
      const target = join(outDir, 'data');
      mkdirSync(target, { recursive: true });
      const missing = FASHION_FILES.filter((name) => !existsSync(join(dir, name)));
      if (missing.length) {
        this.warn(`Fashion-MNIST: ${missing.join(', ')} not found in ${dir} (install Debian's dataset-fashion-mnist); the page will offer the user's own files only`);
      }
      for (const name of FASHION_FILES) if (!missing.includes(name)) copyFileSync(join(dir, name), join(target, name));
      writeFileSync(join(target, 'LICENSE-fashion-mnist.txt'), LICENCE);
    },
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const name = req.url?.match(/\/data\/([\w.-]+\.gz)$/)?.[1];
        if (!name || !FASHION_FILES.includes(name) || !existsSync(join(dir, name))) return next();
        res.setHeader('Content-Type', 'application/gzip');
        res.setHeader('Content-Length', String(statSync(join(dir, name)).size));
        createReadStream(join(dir, name)).pipe(res);
      });
    },
  };
}
