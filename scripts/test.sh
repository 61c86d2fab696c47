#!/usr/bin/env bash
# Every test: Catch2 through ctest, node tests of the wasm module, browser
# tests in headless Chromium. Exits non-zero when any part fails.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/build.sh native
echo "test: native (ctest)"
ctest --preset native -j "$(nproc)"

# The same suite under AddressSanitizer + UBSan (-O1 -g, Eigen's assertions
# on; the test preset sets ASAN_OPTIONS=detect_leaks=1 and
# UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1). About 6 minutes to build
# and 30 s to run on 2 cores.
echo "test: native under AddressSanitizer + UBSan (ctest)"
cmake --preset native-asan >/dev/null
cmake --build --preset native-asan
ctest --preset native-asan -j "$(nproc)"

bash scripts/build.sh wasm web
echo "test: wasm module (node)"
node --test tests/node/
echo "test: browser (headless Chromium)"
node --test --test-concurrency=1 tests/browser/
