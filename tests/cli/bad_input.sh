#!/usr/bin/env bash
# Bad input through the CLI, end to end (docs/robustness.md): each case must
# exit 2 with a message that says what is wrong (or 0 where the input is
# fine), never crash, never "internal error" (exit 1). Large CSVs are checked
# for time and memory. Run by ctest with REGLAB set to the binary; exits
# non-zero when any check fails. REGLAB_SANITIZED=1 (the native-asan test
# preset) skips the 50 MB CSV and the largest model, which are slow there.
set -uo pipefail
source "$(dirname "$0")/harness.sh"

# expect EXIT_CODE 'TEXT IN STDERR' ARGS...: runs reglab in $tmp.
expect() {
  local want=$1 text=$2
  shift 2
  (cd "$tmp" && "$REGLAB" "$@" >"$tmp/out" 2>"$tmp/err")
  local got=$?
  if [[ $got -ne $want ]]; then
    fail "reglab $* exited $got, expected $want; stderr: $(head -c 300 "$tmp/err")"
  elif [[ -n $text ]] && ! grep -qF -- "$text" "$tmp/err"; then
    fail "reglab $*: stderr lacks '$text': $(head -c 300 "$tmp/err")"
  elif [[ $want -eq 2 ]] && grep -q "internal error" "$tmp/err"; then
    fail "reglab $*: bad input reported as an internal error: $(head -c 300 "$tmp/err")"
  else
    pass
  fi
}

# json 'PYTHON EXPRESSION over j': checks the last command's stdout.
json() {
  if "$PYTHON" -c "import json,math,sys; j=json.load(open(sys.argv[1])); sys.exit(0 if ($1) else 1)" "$tmp/out" 2>/dev/null; then
    pass
  else
    fail "JSON check '$1' on: $(head -c 300 "$tmp/out")"
  fi
}

# within SECONDS MEGABYTES ARGS...: reglab exits 0 within the time, its peak
# resident memory under the limit.
within() {
  local seconds=$1 megabytes=$2
  shift 2
  if "$PYTHON" - "$seconds" "$megabytes" "$REGLAB" "$@" <<'EOF'; then pass; else fail "reglab ${*}: too slow or too big"; fi
import resource, subprocess, sys, time
seconds, megabytes, cmd = float(sys.argv[1]), float(sys.argv[2]), sys.argv[3:]
start = time.monotonic()
rc = subprocess.run(cmd, stdout=subprocess.DEVNULL).returncode
took = time.monotonic() - start
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
print(f"bad_input: {' '.join(cmd[1:4])} ...: {took:.1f} s, peak {peak:.0f} MB", file=sys.stderr)
sys.exit(0 if rc == 0 and took < seconds and peak < megabytes else 1)
EOF
}

W=(--target y --model ols)

# ---- CSV ---------------------------------------------------------------------
printf 'x,y\n1,2\n2\n3,4\n' >"$tmp/ragged.csv"
expect 2 "line 3: 1 fields, but the header has 2" regress --data ragged.csv "${W[@]}"
printf 'x,y\n1,2\n"2,3\n4,5\n' >"$tmp/unclosed.csv"
expect 2 "line 3, column 1: quoted field is never closed" regress --data unclosed.csv "${W[@]}"
printf 'x,y\n"1"a,2\n' >"$tmp/after_quote.csv"
expect 2 "line 2, column 1: unexpected 'a' after a closing quote" regress --data after_quote.csv "${W[@]}"
printf '\xef\xbb\xbf"x, cm",y\r\n1,3\r\n2,5\r\n3,7.1\r\n' >"$tmp/bom_crlf.csv"
expect 0 "" regress --data bom_crlf.csv "${W[@]}" --json
json 'j["features"] == ["x, cm"] and j["n_rows"] == 3'
: >"$tmp/empty.csv"
expect 2 "CSV input is empty" regress --data empty.csv "${W[@]}"
printf 'x,y\n' >"$tmp/header_only.csv"
expect 2 "CSV has a header row but no data rows" regress --data header_only.csv "${W[@]}"
printf 'x,y\n1,2\n2,oops\n3,4\n' >"$tmp/non_numeric.csv"
expect 2 "line 3, column 2 ('y'): 'oops' is not a number" regress --data non_numeric.csv "${W[@]}"
printf 'x,y\n1,2\n2,\n3,4\n' >"$tmp/missing.csv"
expect 2 "line 3, column 2 ('y'): empty cell is not a number" regress --data missing.csv "${W[@]}"
printf 'x,z,y\n1,1,2\nNA,2,3\n3,5,4\n' >"$tmp/missing_feature.csv"
expect 2 "line 3, column 1 ('x'): 'NA' is not a number" regress --data missing_feature.csv "${W[@]}" --features x,z
expect 0 "" regress --data missing_feature.csv "${W[@]}" --json  # x is not numeric: not chosen
json 'j["features"] == ["z"]'
printf 'x,c,y\n1,5,2\n2,5,4\n3,5,6.5\n4,5,8\n' >"$tmp/constant.csv"
expect 0 "" regress --data constant.csv --target y --model lasso --alpha 0.01 --scale zscore --json
json 'j["features"] == ["x", "c"] and j["coef"][1] == 0'
printf 'x,y\n1,2\n' >"$tmp/single_row.csv"
expect 2 "need at least 2 rows to fit (got 1)" regress --data single_row.csv "${W[@]}"
head -c 4096 /dev/urandom >"$tmp/garbage.csv"
printf '\0' >>"$tmp/garbage.csv"
expect 2 "this is a binary or UTF-16 file, not UTF-8 CSV text" regress --data garbage.csv "${W[@]}"
expect 2 "is a folder, not a CSV file" regress --data . "${W[@]}"
expect 2 "cannot open file 'nope.csv'" regress --data nope.csv "${W[@]}"

# Large files: time and memory (peak RSS) sanity, not a benchmark.
"$PYTHON" - "$tmp" <<'EOF'
import random, sys
random.seed(1)
def write(path, rows):
    with open(path, "w") as f:
        f.write("a,b,c,d,y\n")
        for _ in range(rows):
            a, b, c, d = (random.random() for _ in range(4))
            f.write(f"{a:.6f},{b:.6f},{c:.6f},{d:.6f},{2*a - b + 0.5*c:.6f}\n")
write(sys.argv[1] + "/rows_1e5.csv", rows=100000)
EOF
if [[ ${REGLAB_SANITIZED:-0} == 1 ]]; then
  within 120 4000 regress --data "$tmp/rows_1e5.csv" --target y --model lasso --alpha 1e-3 --test-size 0.2
else
  within 20 500 regress --data "$tmp/rows_1e5.csv" --target y --model lasso --alpha 1e-3 --test-size 0.2
  # 50 MB, 1.16 million rows: ~7 s and ~650 MB natively (the table keeps every cell as text).
  "$PYTHON" -c "
import sys
src = open(sys.argv[1]).read().split('\n', 1)[1]
with open(sys.argv[2], 'w') as f:
    f.write('a,b,c,d,y\n')
    while f.tell() < 50 * 1024 * 1024: f.write(src)
" "$tmp/rows_1e5.csv" "$tmp/50mb.csv"
  within 90 1500 regress --data "$tmp/50mb.csv" --target y --model ols
  rm -f "$tmp/50mb.csv"
fi

# ---- IDX (Fashion-MNIST files in --data-dir) ---------------------------------
"$PYTHON" - "$tmp" <<'EOF'
import os, struct, sys
root = sys.argv[1]
def images(n, r, c, magic=0x803): return struct.pack(">IIII", magic, n, r, c) + bytes((i * 29) % 256 for i in range(n * r * c))
def labels(values, magic=0x801): return struct.pack(">II", magic, len(values)) + bytes(values)
ok = list(range(8))
cases = {  # 8 images of 28 x 28, as Fashion-MNIST's but fewer
    "ok": (images(8, 28, 28), labels(ok)),
    "wrong_magic": (labels(ok), labels(ok)),
    "wrong_dims": (struct.pack(">III", 0x802, 8, 784) + bytes(8 * 784), labels(ok)),
    "truncated": (images(8, 28, 28)[:-10], labels(ok)),
    "trailing": (images(8, 28, 28) + b"\0\0", labels(ok)),
    "label_range": (images(8, 28, 28), labels([0, 1, 2, 3, 4, 5, 6, 12])),
    "count_mismatch": (images(8, 28, 28), labels(ok[:7])),
    "size_2gb": (struct.pack(">IIII", 0x803, 0x7fffffff, 28, 28), labels(ok)),
    "not_gzip": (b"\x1f\x8b\x08\x00damaged", labels(ok)),
    "pixels_16": (images(8, 4, 4), labels(ok)),
}
for name, (im, lb) in cases.items():
    os.makedirs(f"{root}/idx_{name}")
    for split in ("train", "t10k"):
        open(f"{root}/idx_{name}/{split}-images-idx3-ubyte", "wb").write(im)
        open(f"{root}/idx_{name}/{split}-labels-idx1-ubyte", "wb").write(lb)
EOF
T=(train --data-dir idx_ok --train-limit 8 --validation-split 0)
expect 0 "" "${T[@]}" --epochs 1 --hidden 4 --save m.bin
expect 2 "wrong magic number 0x00000801, expected 0x00000803" train --data-dir idx_wrong_magic
expect 2 "wrong magic number 0x00000802, expected 0x00000803" evaluate --model m.bin --data-dir idx_wrong_dims
expect 2 "truncated: the header promises 6272 bytes of data but only 6262 follow" evaluate --model m.bin --data-dir idx_truncated
expect 2 "2 unexpected bytes after the data" evaluate --model m.bin --data-dir idx_trailing
expect 2 "label 12 at index 7 is outside 0..9" evaluate --model m.bin --data-dir idx_label_range
expect 2 "8 images but 7 labels" evaluate --model m.bin --data-dir idx_count_mismatch
expect 2 "header claims 2147483647 x 28 x 28 bytes, more than 2 GiB" evaluate --model m.bin --data-dir idx_size_2gb
expect 2 "is not a valid gzip file (truncated or damaged)" evaluate --model m.bin --data-dir idx_not_gzip
# A "gzip bomb": 1 MB that unpacks to 1 GiB + 1 MiB of zeros, over the 1 GiB cap.
mkdir -p "$tmp/idx_bomb" && cp "$tmp"/idx_ok/t10k-labels-idx1-ubyte "$tmp/idx_bomb/"
"$PYTHON" -c "
import sys, zlib
z = zlib.compressobj(9, zlib.DEFLATED, 31)
with open(sys.argv[1], 'wb') as f:
    block = bytes(1 << 20)
    for _ in range(1025): f.write(z.compress(block))
    f.write(z.flush())
" "$tmp/idx_bomb/t10k-images-idx3-ubyte.gz"
expect 2 "unpacks to more than 1024 MiB; refusing it" evaluate --model m.bin --data-dir idx_bomb
expect 2 "images have 16 pixels but the model takes 784 inputs" evaluate --model m.bin --data-dir idx_pixels_16
expect 2 "not found in 'nowhere'" evaluate --model m.bin --data-dir nowhere

# ---- parameters --------------------------------------------------------------
R=(regress --data wine --target target)
expect 2 "alpha must be a finite number >= 0 (got -1)" "${R[@]}" --model ridge --alpha -1
expect 2 "alpha must be a finite number >= 0 (got nan)" "${R[@]}" --model lasso --alpha nan
expect 2 "alpha must be a finite number >= 0 (got inf)" "${R[@]}" --model ridge --alpha 1e400
expect 2 "l1_ratio must be in [0, 1] (got 1.5)" "${R[@]}" --model elasticnet --l1-ratio 1.5
expect 2 "l1_ratio must be in [0, 1] (got -0.1)" "${R[@]}" --model elasticnet --l1-ratio -0.1
expect 2 "l1_ratio must be in [0, 1] (got nan)" "${R[@]}" --model elasticnet --l1-ratio nan
expect 2 "value 1 of 'nan,1': 'nan' is not a finite number" path --data wine --target target --model lasso --alphas nan,1
expect 2 "dropout rate must be in [0, 1), got 1" "${T[@]}" --dropout 1
expect 2 "--threads: Value 0 not in range 1 to 16" "${T[@]}" --threads 0
expect 0 "" "${T[@]}" --epochs 1 --hidden 40 --threads 3
expect 2 "dropout rate must be in [0, 1), got nan" "${T[@]}" --dropout nan
expect 2 "batch size must be in 1..65536, got 0" "${T[@]}" --batch-size 0
expect 0 "" "${T[@]}" --epochs 1 --hidden 4 --batch-size 100 --json-lines  # 8 images: one batch
tail -n 1 "$tmp/out" >"$tmp/last" && mv "$tmp/last" "$tmp/out"  # the summary line
json 'j["epochs_run"] == 1 and not j["diverged"]'
expect 2 "epochs must be in 1..100000, got 0" "${T[@]}" --epochs 0
expect 2 "hidden layer 1 must have 1..4096 units, got 100000" "${T[@]}" --hidden 100000
expect 2 "at most 3 hidden layers, got 4" "${T[@]}" --hidden 4,4,4,4
expect 2 "learning rate must be in (0, 10], got 1000" "${T[@]}" --lr 1e3
expect 2 "learning rate must be in (0, 10], got nan" "${T[@]}" --lr nan
if [[ ${REGLAB_SANITIZED:-0} != 1 ]]; then  # the largest model: 3 x 4096 units, 36.7 million weights
  (cd "$tmp" && within 120 2000 "${T[@]}" --epochs 1 --hidden 4096,4096,4096)
fi

# ---- model files ---------------------------------------------------------------
"$PYTHON" - "$tmp" <<'EOF'
import struct, sys, zlib
root = sys.argv[1]
good = open(f"{root}/m.bin", "rb").read()
def save(name, data, reseal=False):
    data = bytearray(data)
    if reseal:
        data[-4:] = struct.pack("<I", zlib.crc32(bytes(data[:-4])))
    open(f"{root}/{name}", "wb").write(data)
v = bytearray(good); v[8:12] = struct.pack("<I", 2); save("m_version.bin", v)
d = bytearray(good); d[len(d) // 2] ^= 0x10; save("m_damaged.bin", d)
save("m_truncated.bin", good[: len(good) // 2])
save("m_magic.bin", b"PK\x03\x04" + good[4:])
a = bytearray(good); a[24:28] = struct.pack("<I", 5); save("m_arch.bin", a, reseal=True)
z = bytearray(good); z[53:61] = struct.pack("<d", 0.0); save("m_divisor.bin", z, reseal=True)
EOF
expect 0 "" evaluate --model m.bin --data-dir idx_ok --json
json 'j["test_count"] == 8 and j["model"]["inputs"] == 784'
expect 2 "format version 2 is not supported (this build reads version 1)" evaluate --model m_version.bin --data-dir idx_ok
expect 2 "damaged or truncated (checksum mismatch)" evaluate --model m_damaged.bin --data-dir idx_ok
expect 2 "damaged or truncated (checksum mismatch)" evaluate --model m_truncated.bin --data-dir idx_ok
expect 2 "not a reglab model (wrong magic)" evaluate --model m_magic.bin --data-dir idx_ok
expect 2 "architecture mismatch: 3190 parameters stored, but a 784-5-10 model has 3985" evaluate --model m_arch.bin --data-dir idx_ok
expect 2 "input divisor must be a finite number > 0, got 0" evaluate --model m_divisor.bin --data-dir idx_ok
expect 2 "--model: '.' is not a file" evaluate --model . --data-dir idx_ok
expect 2 "--model: 'nope.bin' is not a file" evaluate --model nope.bin --data-dir idx_ok

finish bad_input
