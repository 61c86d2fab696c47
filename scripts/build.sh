#!/usr/bin/env bash
# Builds everything: native (CLI, tests), wasm, and the page into dist/.
# `scripts/build.sh native|wasm|web` builds one part.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
jobs=$(nproc)

build_native() {
  cmake --preset native >/dev/null
  cmake --build --preset native -j "$jobs"
}
build_wasm() {
  cmake --preset wasm >/dev/null
  cmake --build --preset wasm -j "$jobs"
}
build_web() {
  npx vite build --config web/vite.config.mjs --logLevel warn
}

parts=("$@")
((${#parts[@]})) || parts=(native wasm web)
for part in "${parts[@]}"; do
  echo "build: $part"
  "build_$part"
done
