#!/usr/bin/env bash
# The deduplication benchmark: for each size, the same seeded synthetic registrations
# (bench/dedup/README.md) through sanad's matching engine (`sanad_dedup_bench run`: wall time,
# peak memory, pair precision/recall/F1 against the truth, PersonIndex search latency) and
# through the peer an information manager would reach for — PostgreSQL with pg_trgm and
# fuzzystrmatch (bench/dedup/peer/*.sql: COPY, SQL blocking, self-join, scoring; clusters and
# F1 by `sanad_dedup_bench score-peer` at the peer's best threshold). Writes
# BUILD/bench-dedup-results.md (copied into docs/performance.md by hand).
#   BENCH_DEDUP_N=100000,1000000    sizes (registrations, duplicates included)
#   BENCH_DEDUP_SEED=1              seed of the generator
#   BENCH_DEDUP_QUERIES=2000        search queries timed per size
#   BENCH_DEDUP_PEER=1              0 runs the engine only
#   BENCH_DEDUP_PEER_TIMEOUT=5400   seconds a peer step may take before it is stopped and
#                                   reported as timed out
# Needs the Release build in BUILD (default build/) and Debian's postgresql (with contrib).
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
sizes=${BENCH_DEDUP_N:-100000,1000000}
seed=${BENCH_DEDUP_SEED:-1}
queries=${BENCH_DEDUP_QUERIES:-2000}
peer=${BENCH_DEDUP_PEER:-1}
peer_timeout=${BENCH_DEDUP_PEER_TIMEOUT:-5400}
work=$(realpath -m "$build/bench-dedup-work")
report=$build/bench-dedup-results.md
bench=$build/sanad_dedup_bench

name=bench-dedup
# shellcheck source=scripts/bench-common.sh
source scripts/bench-common.sh
build_bench "$build" sanad_dedup_bench

rm -rf "$work"
mkdir -p "$work"
chmod 755 "$work" # the PostgreSQL server runs as `postgres` and lives below it
pg_dir=$work/pg
url=
cleanup() { [[ -z $url ]] || scripts/pg-test-server.sh stop "$pg_dir" >/dev/null 2>&1 || true; }
trap cleanup EXIT
if [[ $peer == 1 ]]; then
  url=$(SANAD_PG_PORT=${SANAD_PG_PORT:-54391} scripts/pg-test-server.sh start "$pg_dir")
fi

now() { date +%s.%N; }
# Runs one peer step under the timeout; appends its seconds (or "timeout") to the results.
peer_step() {
  local name=$1 results=$2 in=$3 out=$4 file=$5 start rc=0
  start=$(now)
  timeout "$peer_timeout" psql -q -X "$url" -f "bench/dedup/peer/$file" <"$in" >"$out" || rc=$?
  if ((rc != 0)); then
    echo "bench-dedup: peer step $name failed or timed out (exit $rc)" >&2
    # The server keeps running a query whose client was stopped: end it.
    psql -qAtX "$url" -c "SELECT pg_terminate_backend(pid) FROM pg_stat_activity
      WHERE pid <> pg_backend_pid() AND datname = current_database()" >/dev/null || true
    printf 'peer_%s_s\ttimeout after %ss\n' "$name" "$peer_timeout" >>"$results"
    return 1
  fi
  printf 'peer_%s_s\t%s\n' "$name" "$(echo "$(now) - $start" | bc -l)" >>"$results"
}

IFS=, read -ra ns <<<"$sizes"
for n in "${ns[@]}"; do
  results=$work/results-$n.tsv
  : >"$results"
  log "generate $n registrations (seed $seed)"
  "$bench" generate --n "$n" --seed "$seed" --out "$work/people-$n.csv" --truth "$work/truth-$n.csv"
  log "engine on $n"
  "$bench" run --n "$n" --seed "$seed" --queries "$queries" --label "$n" --results "$results"
  if [[ $peer == 1 ]]; then
    log "peer (PostgreSQL pg_trgm + fuzzystrmatch) on $n"
    start=$(now)
    if peer_step load "$results" "$work/people-$n.csv" /dev/null 1_load.sql &&
      peer_step block "$results" /dev/null /dev/null 2_block.sql &&
      peer_step score "$results" /dev/null "$work/peer-pairs-$n.csv" 3_score.sql; then
      printf 'peer_sql_s\t%s\n' "$(echo "$(now) - $start" | bc -l)" >>"$results"
      psql -qAtX "$url" -c "SELECT 'peer_candidates', count(*) FROM candidate" -F $'\t' >>"$results"
      psql -qAtX "$url" -c "SELECT 'peer_db_mb', pg_database_size(current_database()) / 1e6" \
        -F $'\t' >>"$results"
      "$bench" score-peer --truth "$work/truth-$n.csv" --pairs "$work/peer-pairs-$n.csv" \
        --results "$results"
    fi
    psql -qX "$url" -c "DROP TABLE IF EXISTS person, person_key, block_size, candidate, scored" \
      >/dev/null 2>&1 || true
  fi
done

log "report"
{
  echo "Measured $(date -u +%Y-%m-%d) on $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo |
    cut -d: -f2 | xargs)), seed $seed; machine shared with other work."
  echo
  for n in "${ns[@]}"; do
    awk -F'\t' -v n="$n" -f bench/dedup/report.awk "$work/results-$n.tsv"
    echo
  done
} >"$report"
cat "$report"
log "wrote $report"
