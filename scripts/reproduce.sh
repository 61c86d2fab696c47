#!/usr/bin/env bash
# Regenerates the reproduction record of the post's six Keras runs:
#   docs/reproduction/<preset>.jsonl         `reglab train --preset <preset> --json-lines` (seed 1)
#   docs/reproduction/spread/<preset>-seed<S>.jsonl   extra seeds of the short runs
#   docs/reproduction/meta.json              machine, compiler, commit
#   docs/reproduction/<preset>.png           our curves next to the post's
#   docs/reproduction.md                     the table and the discussion
# The runs use a native build with -march=native (REGLAB_NATIVE_ARCH=ON) in
# build/reproduce. The two 200-epoch runs take several minutes each.
#
# usage: scripts/reproduce.sh [--reuse] [--runs-only] [--report-only] [PRESET...]
#   --reuse        keep .jsonl files that already exist (rerun only what is missing)
#   --runs-only    train, do not draw
#   --report-only  only draw the plots and write docs/reproduction.md
#   PRESET...      train only these presets (default: all six)
# env: REPRO_SEED (1), REPRO_SPREAD_SEEDS ("2 3 4 5"; "" to skip), DATA_DIR
set -euo pipefail
cd "$(dirname "$0")/.."

ALL=(dropout-0.9-5ep no-dropout-5ep overfit-no-dropout-200ep overfit-dropout-0.5-200ep
     no-batchnorm-20ep batchnorm-20ep)
SHORT=(dropout-0.9-5ep no-dropout-5ep no-batchnorm-20ep batchnorm-20ep)
seed=${REPRO_SEED:-1}
spread_seeds=${REPRO_SPREAD_SEEDS-2 3 4 5}
data_dir=${DATA_DIR:-/usr/share/datasets/fashion-mnist}
out=docs/reproduction
build=build/reproduce

reuse=0 runs=1 report=1 presets=()
for arg in "$@"; do
  case $arg in
    --reuse) reuse=1 ;;
    --runs-only) report=0 ;;
    --report-only) runs=0 ;;
    -*) echo "unknown option $arg" >&2; exit 2 ;;
    *) presets+=("$arg") ;;
  esac
done
((${#presets[@]})) || presets=("${ALL[@]}")

# run PRESET SEED FILE: one training run as JSON lines, written atomically.
run() {
  local preset=$1 s=$2 file=$3
  if ((reuse)) && [[ -s $file ]]; then echo "reproduce: keeping $file"; return; fi
  echo "reproduce: $preset seed $s -> $file"
  "$build/reglab" train --preset "$preset" --seed "$s" --data-dir "$data_dir" --json-lines >"$file.tmp"
  mv "$file.tmp" "$file"
}

if ((runs)); then
  source scripts/env.sh
  mkdir -p "$build"
  { cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Release -DREGLAB_NATIVE_ARCH=ON &&
    cmake --build "$build" -j "$(nproc)" --target reglab; } >"$build/reproduce-build.log" 2>&1 ||
    { tail -40 "$build/reproduce-build.log"; exit 1; }
  mkdir -p "$out/spread"
  {
    commit=$(git rev-parse --short HEAD)
    git diff --quiet HEAD -- core cli CMakeLists.txt || commit="$commit + uncommitted changes"
    printf '{"date": "%s", "commit": "%s", ' "$(date -u +%Y-%m-%dT%H:%MZ)" "$commit"
    printf '"cpu": "%s", ' "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')"
    printf '"compiler": "%s", "flags": "-O3 -march=native (Release, REGLAB_NATIVE_ARCH=ON)", ' \
      "$(c++ --version | head -1)"
    printf '"seed": %s, "spread_seeds": [%s]}\n' "$seed" "$(echo $spread_seeds | sed 's/ /, /g')"
  } >"$out/meta.json"
  for preset in "${presets[@]}"; do
    run "$preset" "$seed" "$out/$preset.jsonl"
    if [[ " ${SHORT[*]} " == *" $preset "* ]]; then
      for s in $spread_seeds; do run "$preset" "$s" "$out/spread/$preset-seed$s.jsonl"; done
    fi
  done
fi

if ((report)); then
  node scripts/reproduce-report.mjs
fi
