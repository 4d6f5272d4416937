# Sourced by the benchmark scripts (bench.sh, bench-dedup.sh, bench-people.sh): messages, and the
# Release build of BUILD with the benchmarks switched on. Expects `name` (for messages) set.

log() { echo "== $*" >&2; }
die() {
  echo "$name: $*" >&2
  exit 1
}

# build_bench BUILD TARGET...: configures BUILD as a Release build (unless it already is one of
# some kind) with SANAD_BENCH=ON and builds TARGETs.
build_bench() {
  local build=$1
  shift
  log "build ($build, Release)"
  if [[ ! -f $build/CMakeCache.txt ]]; then
    cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DSANAD_TESTS=OFF >/dev/null
  fi
  cmake -S . -B "$build" -DSANAD_BENCH=ON >/dev/null
  cmake --build "$build" -j "$(nproc)" --target "$@"
}
