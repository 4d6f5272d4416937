#!/usr/bin/env bash
# `make test`: builds sanad with AddressSanitizer and UBSan into BUILD (default build-test),
# checks formatting, runs every test through ctest (unit, store and API tests on SQLite and on
# a scratch PostgreSQL server that ctest starts itself, browser tests in Debian's Chromium),
# then runs clang-tidy over what changed since the last full `make lint` (scripts/lint.sh says
# why) and fuzzes every parser of outside input briefly with libFuzzer. Each phase prints the
# minutes spent so far: CI allows 90.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build-test}
jobs=$(nproc)
phase() { echo "== $1 (at $((SECONDS / 60)) min $((SECONDS % 60)) s)"; }

phase "format check"
if ! clang-format --dry-run -Werror $(git ls-files '*.cc' '*.h' 2>/dev/null || find src tests bench -name '*.cc' -o -name '*.h'); then
  echo "test: some files are not clang-formatted; run 'make format'" >&2
  exit 1
fi

phase "build ($build, ASan + UBSan)"
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSANAD_SANITIZE=ON \
  -DSANAD_TESTS=ON -DSANAD_BENCH=ON >/dev/null
cmake --build "$build" -j "$jobs"

phase tests
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0:strict_string_checks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
ctest --test-dir "$build" -j "$jobs" --output-on-failure --timeout 600

phase "clang-tidy (.clang-tidy, every finding an error)"
scripts/lint.sh "$build" changed

phase fuzz
scripts/fuzz.sh build-fuzz "${SANAD_FUZZ_SECONDS:-20}"
phase "all tests passed"
