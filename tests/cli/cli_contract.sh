#!/usr/bin/env bash
# The CLI contract: exit codes and JSON keys.
set -euo pipefail
"$REGLAB" --help >/dev/null
