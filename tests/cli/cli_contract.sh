#!/usr/bin/env bash
# The CLI contract: exit codes and JSON keys. Run by ctest with REGLAB set to
# the binary; exits non-zero when any check fails.
set -uo pipefail
source "$(dirname "$0")/harness.sh"

# expect EXIT_CODE ARGS...: runs reglab; stdout in $tmp/out, stderr in $tmp/err.
# A bad-input exit (2) must come with a message and never be a crash.
expect() {
  local want=$1; shift
  "$REGLAB" "$@" >"$tmp/out" 2>"$tmp/err"
  local got=$?
  if [[ $got -ne $want ]]; then
    fail "reglab $* exited $got, expected $want; stderr: $(head -c 300 "$tmp/err")"
  elif [[ $want -eq 2 && ! -s $tmp/err ]]; then
    fail "reglab $* exited 2 without a message"
  else
    pass
  fi
}

# json 'PYTHON EXPRESSION over j': checks the last command's stdout.
json() {
  if "$PYTHON" -c "import json,math,sys; j=json.load(open(sys.argv[1])); sys.exit(0 if ($1) else 1)" "$tmp/out" 2>"$tmp/pyerr"; then
    pass
  else
    fail "JSON check '$1' on: $(head -c 300 "$tmp/out") $(cat "$tmp/pyerr")"
  fi
}

# stderr_has TEXT: the last command's stderr mentions TEXT.
stderr_has() {
  if grep -qF -- "$1" "$tmp/err"; then pass; else fail "stderr lacks '$1': $(head -c 300 "$tmp/err")"; fi
}

expect 0 --help

# ---- tabular: regress, path, norm ------------------------------------------
VIRGINICA=(--data iris --where species=virginica --target "sepal length (cm)" --features "petal length (cm)")
WINE=(--data wine --target target --test-size 0.3 --seed 101)

# T2-T4 of EXPERIMENTS.md: the 50 virginica rows, no split.
expect 0 regress "${VIRGINICA[@]}" --model ols --json
json 'abs(j["coef"][0] - 0.99573864) < 5e-9 and abs(j["intercept"] - 1.05965909) < 5e-9'
json 'j["features"] == ["petal length (cm)"] and j["n_iter"] is None and j["converged"] is True'
json 'j["test"] is None and j["test_indices"] == [] and j["train"]["n"] == 50'
json 'all(k in j["train"] for k in ("n", "mae", "mse", "rmse", "r2"))'
expect 0 regress "${VIRGINICA[@]}" --model lasso --json
json 'j["coef"] == [0.0] and abs(j["intercept"] - 6.588) < 1e-12 and j["n_iter"] == 1'
expect 0 regress "${VIRGINICA[@]}" --model ridge --json
json 'abs(j["coef"][0] - 0.93321109) < 5e-9 and abs(j["intercept"] - 1.40681202) < 5e-9'

# T5-T6: raw wine features, test_size 0.3, random_state 101.
expect 0 regress "${WINE[@]}" --model ols --json
json 'len(j["coef"]) == 13 and j["test"]["n"] == 54 and j["train"]["n"] == 124'
json 'abs(j["test"]["mae"] - 0.25128973939722626) < 1e-12 and abs(j["test"]["mse"] - 0.1062458740952556) < 1e-12'
json 'abs(j["test"]["rmse"] - 0.32595379134971814) < 1e-12'
json 'j["test_indices"][:10] == [37, 32, 148, 42, 153, 77, 168, 12, 109, 98] and len(j["test_indices"]) == 54'
expect 0 regress "${WINE[@]}" --model lasso --alpha 0.05 --json
json 'abs(j["test"]["mae"] - 0.24233731936122138) < 1e-12 and abs(j["test"]["rmse"] - 0.3091855259513597) < 1e-12'
json 'j["n_iter"] == 21 and j["converged"] is True and sum(c == 0 for c in j["coef"]) == 6'
expect 0 regress "${WINE[@]}" --model elasticnet --alpha 0.05 --l1-ratio 0.5 --scale zscore --json
json 'j["converged"] is True and isinstance(j["n_iter"], int) and j["l1_ratio"] == 0.5'
expect 0 regress "${WINE[@]}" --model ridge --scale minmax
[[ -s $tmp/out ]] && pass || fail "regress without --json printed nothing"

# Non-convergence is a warning, not an error.
expect 0 regress --data wine --target target --model lasso --alpha 1e-4 --max-iter 3 --json
json 'j["converged"] is False and j["n_iter"] == 3'
stderr_has "did not converge"

# A CSV file with a BOM, CRLF and quoted names.
printf '\xef\xbb\xbf"x, cm",y,kind\r\n1,3,a\r\n2,5,a\r\n3,7,b\r\n4,9.5,a\r\n' >"$tmp/data.csv"
expect 0 regress --data "$tmp/data.csv" --target y --where kind=a --model ols --json
json 'j["features"] == ["x, cm"] and j["train"]["n"] == 3'
printf 'x,y\n1,2\n2,oops\n3,4\n' >"$tmp/bad.csv"
expect 2 regress --data "$tmp/bad.csv" --target y --model ols
stderr_has "line 3"
printf 'x,y\n1,2\n2\n' >"$tmp/ragged.csv"
expect 2 regress --data "$tmp/ragged.csv" --target y --model ols
stderr_has "line 3"

# Bad arguments: a message and exit 2.
expect 2 regress --data iris --target "sepal length (cm)" --model svm
stderr_has "unknown model"
expect 2 regress "${WINE[@]}" --model lasso --alpha -1
stderr_has "alpha"
expect 2 regress "${WINE[@]}" --model elasticnet --l1-ratio 2
stderr_has "l1_ratio"
expect 2 regress --data wine --target nope --model ols
stderr_has "unknown column 'nope'"
expect 2 regress --data wine --target target --features alcohol,nope --model ols
stderr_has "unknown column 'nope'"
expect 2 regress --data "$tmp/missing.csv" --target y --model ols
stderr_has "cannot open"
expect 2 regress --data "$tmp" --target y --model ols
stderr_has "folder"
expect 2 regress --data iris --target "sepal length (cm)" --where species --model ols
stderr_has "COLUMN=VALUE"
expect 2 regress --data iris --target "sepal length (cm)" --where species=rose --model ols
stderr_has "no rows"
expect 2 regress --data iris --target species --model ols
stderr_has "not a number"
expect 2 regress "${WINE[@]}" --model lasso --max-iter 0
expect 2 regress "${WINE[@]}" --model lasso --tol -1
expect 2 regress --data wine --target target --model ols --test-size 1
expect 2 regress --data wine --target target --model ols --seed -5
expect 2 regress --data wine --target target --model ols --scale unit
expect 2 regress --data wine --target target --model ols --alpha abc
expect 2 regress --data wine --model ols

# path: log grid (default 1e-3:10:30) or a list, with k-fold CV.
expect 0 path --data wine --target target --model lasso --scale zscore --json
json 'len(j["alphas"]) == 30 and j["alphas"][0] == 10 and j["alphas"][-1] == 0.001'
json 'len(j["coefs"]) == 30 and all(len(c) == 13 for c in j["coefs"]) and len(j["intercepts"]) == 30'
json 'len(j["n_iter"]) == 30 and "mean_mse" not in j'
json 'sum(c != 0 for c in j["coefs"][0]) <= sum(c != 0 for c in j["coefs"][-1])'
expect 0 path --data wine --target target --model ridge --alphas 10,0.1,1 --cv 5 --json
json 'j["alphas"] == [10, 1, 0.1] and j["n_iter"] == [None, None, None]'
json 'abs(j["mean_mse"][0] - 0.08781880154681974) < 1e-10 and len(j["std_mse"]) == 3 and j["best_alpha"] == 10'
expect 0 path --data wine --target target --model elasticnet --l1-ratio 0.3 --alphas 1e-2:1:4 --json
json 'len(j["alphas"]) == 4 and j["l1_ratio"] == 0.3'
expect 0 path --data wine --target target --model lasso --alphas 0.1,0.01
expect 2 path --data wine --target target --model ols
expect 2 path --data wine --target target --model lasso --alphas 1:2
expect 2 path --data wine --target target --model lasso --alphas 0.1,-1
expect 2 path --data wine --target target --model lasso --alphas 1e-3:10:1e9
expect 2 path --data wine --target target --model lasso --alphas 1e-3:10:2.5
expect 2 path --data wine --target target --model lasso --cv 1
expect 2 path --data wine --target nope --model lasso

# norm: T7 and T8.
expect 0 norm --vector 1,10,1,1,1 --p 5 --json
json 'abs(j["norm"] - 10.000079998720032) < 1e-12 and j["p"] == 5'
expect 0 norm --vector 1,10,1,1,1 --p inf --json
json 'j["norm"] == 10 and j["p"] == "inf"'
expect 0 norm --vector 1,10,1,1,1 --p 5
[[ $(cat "$tmp/out") == 10.000079998720032 ]] && pass || fail "norm text output: $(cat "$tmp/out")"
expect 0 norm --matrix "1,2,3;1,2,3;4,6,8" --ord inf --json
json 'j["norm"] == 18 and j["ord"] == "inf"'
expect 0 norm --matrix "1,2,3;1,2,3;4,6,8" --json
json 'j["norms"]["1"] == 14 and j["norms"]["inf"] == 18 and abs(j["norms"]["2"] - 11.98607) < 1e-5 and abs(j["norms"]["fro"] - 12) < 1e-12 and "nuc" in j["norms"]'
expect 0 norm --matrix "1,2,3;1,2,3;4,6,8"
expect 2 norm --vector 1,2 --p 0.5
expect 2 norm --vector 1,x
expect 2 norm --matrix "1,2;3"
expect 2 norm --matrix "1,2;3,4" --ord 3
expect 2 norm --vector 1,2 --matrix "1,2"
expect 2 norm

finish cli_contract
