# Shared by the CLI test scripts (sourced): the binary, a scratch folder and
# pass/fail counters; `finish NAME` prints the tally and sets the exit status.
: "${REGLAB:?set REGLAB to the reglab binary}"
PYTHON=${PYTHON:-python3}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0
failed=0
pass() { passed=$((passed + 1)); }
fail() { failed=$((failed + 1)); echo "FAIL: $*" >&2; }
finish() {
  echo "$1: $passed passed, $failed failed"
  [[ $failed -eq 0 ]]
}
