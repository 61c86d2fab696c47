// The page's Content-Security-Policy, in one place: the build puts it in a
// <meta http-equiv> of dist/index.html (static hosts serve that as is) and
// scripts/static-server.mjs sends it as a header. Why each directive is what
// it is: docs/security.md.
const DIRECTIVES = {
  'default-src': ["'self'"],
  // Every script is a same-origin file (no inline script, no eval; embind is
  // built with -sDYNAMIC_EXECUTION=0). Compiling the wasm core needs
  // 'wasm-unsafe-eval', which allows WebAssembly and nothing else.
  'script-src': ["'self'", "'wasm-unsafe-eval'"],
  'worker-src': ["'self'"],         // the trainer's module worker and the service worker
  'connect-src': ["'self'"],        // fetches of the wasm file and the Fashion-MNIST data
  'img-src': ["'self'", 'data:', 'blob:'],  // pictures the page draws for itself
  'style-src': ["'self'"],          // the stylesheet; inline styles only through the CSSOM
  'font-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'none'"],
  'manifest-src': ["'self'"],
};

const join = (directives) => Object.entries(directives).map(([name, values]) => `${name} ${values.join(' ')}`).join('; ');

/** The policy as a <meta http-equiv> may carry it. */
export const CSP_META = join(DIRECTIVES);

/** The policy as a header: frame-ancestors is only honoured there. */
export const CSP_HEADER = join({ ...DIRECTIVES, 'frame-ancestors': ["'self'"] });
