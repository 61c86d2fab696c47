#!/usr/bin/env bash
# Builds the libFuzzer targets (tests/fuzz) with clang in build/fuzz and runs
# each in turn for SECONDS (default 60), one at a time, from its seed corpus
# (tests/fuzz/corpus/TARGET, left untouched; new inputs go to
# build/fuzz/work/TARGET). Prints a table of executions and findings per
# target and writes the same as JSON to build/fuzz/fuzz-results.json.
# A finding (crash, leak, timeout, OOM, failed check) stops that target; its
# input is saved in build/fuzz/findings/TARGET/ (reproduce with
# `build/fuzz/tests/fuzz/fuzz_TARGET FILE`). Exits 1 when anything was found.
#
# Usage: scripts/fuzz.sh [SECONDS] [TARGET...]   (targets: csv idx model cli)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
shift || true
targets=("$@")
((${#targets[@]})) || targets=(csv idx model cli)
root=$PWD
build=$root/build/fuzz

CC=clang CXX=clang++ cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Debug -DREGLAB_FUZZ=ON >/dev/null
cmake --build "$build" -j 2 --target "${targets[@]/#/fuzz_}"

json="["
printf '\n%-8s %10s %8s %9s %9s  %s\n' target seconds execs exec/s corpus findings
for t in "${targets[@]}"; do
  work=$build/work/$t findings=$build/findings/$t log=$build/work/$t.log
  mkdir -p "$work" "$findings"
  extra=()
  [[ -f tests/fuzz/$t.dict ]] && extra+=("-dict=$root/tests/fuzz/$t.dict")
  touch "$work.start"
  set +e
  "$build/tests/fuzz/fuzz_$t" "$work" "$root/tests/fuzz/corpus/$t" "${extra[@]}" \
    -max_total_time="$seconds" -timeout=30 -rss_limit_mb=2048 -print_final_stats=1 \
    -artifact_prefix="$findings/" >"$log" 2>&1
  rc=$?
  set -e
  execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1)
  [[ -n $execs ]] || execs=$(grep -o '^#[0-9]*' "$log" | tr -d '#' | tail -1)
  execs=${execs:-0}
  took=$(grep -o 'Done [0-9]* runs in [0-9]* second' "$log" | grep -o '[0-9]* second' | grep -o '[0-9]*' || true)
  took=${took:-$seconds}
  corpus=$(find "$work" -type f | wc -l)
  mapfile -t found < <(find "$findings" -type f -newer "$work.start")
  kind=$(grep -o -m1 -E 'ERROR: (AddressSanitizer|LeakSanitizer|UndefinedBehaviorSanitizer|libFuzzer)[^(]*|runtime error:.*|FUZZ_CHECK failed.*|uncaught exception.*' "$log" | head -1 || true)
  [[ $rc -ne 0 && -z $kind ]] && kind="exit status $rc (see $log)"
  n_found=0
  [[ $rc -ne 0 ]] && n_found=1
  printf '%-8s %10s %8s %9s %9s  %s\n' "$t" "$took" "$execs" "$((execs / (took > 0 ? took : 1)))" "$corpus" \
    "$( ((n_found)) && echo "$kind -> ${found[*]#$root/}" || echo none)"
  json+="$( [[ $json == "[" ]] || echo ,){\"target\":\"$t\",\"seconds\":$took,\"executions\":$execs,\"corpus\":$corpus,\"findings\":$n_found,\"finding\":$(python3 -c 'import json,sys; print(json.dumps(sys.argv[1]))' "$kind"),\"log\":\"${log#$root/}\"}"
done
json+="]"
echo "$json" >"$build/fuzz-results.json"
echo "results: build/fuzz/fuzz-results.json"
! grep -q '"findings":1' "$build/fuzz-results.json"
