#!/usr/bin/env bash
# `make test`: builds sanad with AddressSanitizer and UBSan into BUILD (default build-test),
# checks formatting, runs every test through ctest (unit, store and API tests on SQLite and on
# a scratch PostgreSQL server that ctest starts itself, browser tests in Debian's Chromium),
# then runs clang-tidy and fuzzes every parser of outside input briefly with libFuzzer.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build-test}
jobs=$(nproc)

echo "== format check"
if ! clang-format --dry-run -Werror $(git ls-files '*.cc' '*.h' 2>/dev/null || find src tests bench -name '*.cc' -o -name '*.h'); then
  echo "test: some files are not clang-formatted; run 'make format'" >&2
  exit 1
fi

echo "== build ($build, ASan + UBSan)"
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSANAD_SANITIZE=ON \
  -DSANAD_TESTS=ON -DSANAD_BENCH=ON >/dev/null
cmake --build "$build" -j "$jobs"

echo "== tests"
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0:strict_string_checks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
ctest --test-dir "$build" -j "$jobs" --output-on-failure --timeout 600

echo "== clang-tidy (.clang-tidy, every finding an error)"
root=$(pwd)
if ! run-clang-tidy -p "$build" -j "$jobs" -quiet -extra-arg=-Wno-unknown-warning-option \
  "^$root/(src|tests|bench)/" >"$build/clang-tidy.log" 2>&1; then
  grep -E "(warning|error): " "$build/clang-tidy.log" | grep -v "unknown warning option" | sort -u >&2 || true
  echo "test: clang-tidy found problems (full log: $build/clang-tidy.log)" >&2
  exit 1
fi

echo "== fuzz"
scripts/fuzz.sh build-fuzz "${SANAD_FUZZ_SECONDS:-30}"
echo "== all tests passed"
