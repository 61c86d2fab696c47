#!/usr/bin/env bash
# Installs what the lab needs on a fresh Debian 12 machine; does nothing when
# everything is there. Called by `npm start` and `npm test`.
set -euo pipefail
cd "$(dirname "$0")/.."

debian_packages=(
  cmake g++ make zlib1g-dev      # native build
  libeigen3-dev catch2 libcli11-dev nlohmann-json3-dev
  emscripten                     # the wasm build
  chromium                       # browser tests
  fonts-nanum                    # Korean text in the screenshots of the browser tests
  dataset-fashion-mnist          # the real Fashion-MNIST files
)

missing=()
for pkg in "${debian_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done

if ((${#missing[@]})); then
  echo "setup: installing Debian packages: ${missing[*]}"
  if [[ $(id -u) -ne 0 ]]; then
    echo "setup: these packages are missing and installing them needs root. Run:" >&2
    echo "  sudo apt-get update && sudo apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
fi

# npm: install from the lock file when node_modules is missing or older than it.
if [[ ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ]]; then
  echo "setup: npm ci"
  npm ci --no-audit --no-fund
fi
