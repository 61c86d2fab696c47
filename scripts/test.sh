#!/usr/bin/env bash
# Every test: Catch2 through ctest, node tests of the wasm module, browser
# tests in headless Chromium. Exits non-zero when any part fails.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/build.sh native
echo "test: native (ctest)"
ctest --preset native -j "$(nproc)"

bash scripts/build.sh wasm web
echo "test: wasm module (node)"
node --test tests/node/
echo "test: browser (headless Chromium)"
node --test --test-concurrency=1 tests/browser/
