#!/usr/bin/env bash
# Builds every libFuzzer target (src/**/*_fuzz.cc) with clang, ASan and UBSan into BUILD and
# runs each for SECONDS, starting from its corpus in tests/fuzz/<name>/ when there is one.
#   scripts/fuzz.sh [BUILD] [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build-fuzz}
seconds=${2:-60}
CC=clang CXX=clang++ cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DSANAD_FUZZ=ON -DSANAD_TESTS=OFF -DSANAD_BENCH=OFF >/dev/null
cmake --build "$build" -j "$(nproc)" --target fuzzers
for fuzzer in "$build"/fuzz/*_fuzz; do
  name=$(basename "$fuzzer")
  corpus=$build/corpus/$name
  mkdir -p "$corpus"
  seeds=()
  [[ -d tests/fuzz/$name ]] && seeds=("tests/fuzz/$name")
  echo "fuzz: $name for ${seconds}s"
  "$fuzzer" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
    "$corpus" "${seeds[@]}" 2>"$build/$name.log" || {
    tail -n 60 "$build/$name.log" >&2
    echo "fuzz: $name found a failure; the crashing input is in $(pwd) (crash-*)" >&2
    exit 1
  }
  grep -E '^stat::number_of_executed_units' "$build/$name.log" || true
done
