# Sourced by the build scripts. Debian's Emscripten 3.1.6 runs its JS
# optimizer with the machine's node, which needs Debian's node modules.
export NODE_PATH="/usr/share/nodejs${NODE_PATH:+:$NODE_PATH}"
# Emscripten's system-library cache: Debian's is writable only by root.
if [[ ! -w /usr/share/emscripten/cache ]]; then
  export EM_CACHE="${EM_CACHE:-$HOME/.cache/reglab-emscripten}"
fi
