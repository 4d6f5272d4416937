#!/usr/bin/env bash
# `make bench`: measures on this machine, in one run, on SQLite and on a scratch PostgreSQL
# server: registrations per second through the API (1 client and BENCH_CLIENTS clients) beside
# the raw insert rate of the same rows straight into the store, then list and search latency
# over BENCH_HOUSEHOLDS seeded households. Prints the tables and writes BUILD/bench-results.md
# (copied into docs/performance.md by hand). Needs the Release build in BUILD (default build/).
#   BENCH_SECONDS=5      length of each timed insert run
#   BENCH_ROUNDS=3       interleaved rounds of the insert runs (the report takes the median)
#   BENCH_CLIENTS=8      concurrent API clients (and raw insert threads)
#   BENCH_HOUSEHOLDS=100000  households seeded for the list latencies
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
seconds=${BENCH_SECONDS:-5}
rounds=${BENCH_ROUNDS:-3}
clients=${BENCH_CLIENTS:-8}
households=${BENCH_HOUSEHOLDS:-100000}
org="Bench Relief"
user=bench
work=$(realpath -m "$build/bench-work")
tsv=$work/results.tsv
results=$build/bench-results.md

name=bench
# shellcheck source=scripts/bench-common.sh
source scripts/bench-common.sh
build_bench "$build" sanad sanad_bench
# The micro-benchmarks exist only where Google Benchmark was found.
micro=
if cmake --build "$build" -j "$(nproc)" --target sanad_microbench >/dev/null 2>&1; then
  micro=$build/sanad_microbench
fi
grep -q 'CMAKE_BUILD_TYPE:STRING=Release' "$build/CMakeCache.txt" ||
  echo "bench: warning: $build is not a Release build; figures will be low" >&2
sanad=$build/sanad
bench=$build/sanad_bench

server_pid=
pg_started=
cleanup() {
  if [[ -n $server_pid ]]; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  [[ -z $pg_started ]] || scripts/pg-test-server.sh stop "$work/pg" >/dev/null 2>&1 || true
}
trap cleanup EXIT

rm -rf "$work"
mkdir -p "$work/no-ui"
password="bench-$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')"

# start_server DB NAME: starts `sanad serve` on a free port; sets server_pid and server_url.
start_server() {
  local out=$work/server-$2.log
  "$sanad" serve --db "$1" --listen 127.0.0.1:0 --ui-dir "$work/no-ui" >"$out" 2>&1 &
  server_pid=$!
  local i
  for ((i = 0; i < 200; i++)); do
    if server_url=$(grep -o 'http://127\.0\.0\.1:[0-9]*' "$out"); then return 0; fi
    kill -0 "$server_pid" 2>/dev/null || { cat "$out" >&2; die "the server did not start"; }
    sleep 0.05
  done
  die "the server did not print its address; see $out"
}

stop_server() {
  kill "$server_pid"
  wait "$server_pid" || true
  server_pid=
}

add_user() {
  printf '%s\n' "$password" |
    "$sanad" user add --db "$1" --username "$user" --role registration --org "$org" \
      --password-stdin >/dev/null
}

# insert_rates LABEL DB: rounds of (API runs against a server, then the raw runs on the same
# database), interleaved so that a disturbance of the shared machine hits both sides alike.
insert_rates() {
  local label=$1 db=$2 round n
  add_user "$db"
  for ((round = 1; round <= rounds; round++)); do
    log "$label: round $round/$rounds: through the API, then raw ($seconds s each)"
    start_server "$db" "$label-insert"
    for n in 1 "$clients"; do
      "$bench" api --server "$server_url" --db "$db" --org "$org" --user "$user" \
        --password "$password" --backend "$label" --server-pid "$server_pid" --clients "$n" \
        --seconds "$seconds" --out "$tsv"
    done
    stop_server
    for n in 1 "$clients"; do
      "$bench" raw --db "$db" --org "$org" --backend "$label" --mode store-tx --threads "$n" \
        --seconds "$seconds" --out "$tsv"
    done
    "$bench" raw --db "$db" --org "$org" --backend "$label" --mode service --threads 1 \
      --seconds "$seconds" --out "$tsv"
  done
  log "$label: raw best case, one transaction ($seconds s)"
  "$bench" raw --db "$db" --org "$org" --backend "$label" --mode store-batch \
    --seconds "$seconds" --out "$tsv"
}

list_latency() {
  local label=$1 db=$2
  log "$label: list and search latency"
  start_server "$db" "$label-list"
  "$bench" list --server "$server_url" --user "$user" --password "$password" --backend "$label" \
    --out "$tsv"
  stop_server
}

log "PostgreSQL: scratch server in $work/pg"
pg_started=1
admin_url=$(scripts/pg-test-server.sh start "$work/pg")
for name in bench_insert bench_list; do
  psql "$admin_url" -qX -v ON_ERROR_STOP=1 -c "CREATE DATABASE $name" >/dev/null
done
pg_insert=${admin_url/@\/postgres\?/@\/bench_insert?}
pg_list=${admin_url/@\/postgres\?/@\/bench_list?}
sqlite_insert=$work/insert.db
sqlite_list=$work/list.db

started=$(date -u '+%Y-%m-%d %H:%M UTC')
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
insert_rates sqlite "$sqlite_insert"
insert_rates postgres "$pg_insert"

log "seeding $households households into both list databases (store, 5000 per transaction)"
add_user "$sqlite_list"
add_user "$pg_list"
"$bench" seed --db "$sqlite_list" --backend sqlite --db "$pg_list" --backend postgres \
  --org "$org" --households "$households" --out "$tsv"
psql "${pg_list}" -qX -c "VACUUM ANALYZE" >/dev/null
list_latency sqlite "$sqlite_list"
list_latency postgres "$pg_list"
micro_out=
if [[ -n $micro ]]; then
  log "CPU of one registration, step by step (sanad_microbench)"
  micro_out=$("$micro" --benchmark_min_time=0.2 2>&1 | grep -E '^(Benchmark|-+$|BM_)')
  echo "$micro_out"
fi

cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')
pg_version=$(psql "$admin_url" -qXAt -c "SHOW server_version")
{
  echo "## Results of \`make bench\` — $started"
  echo
  echo "- command: \`scripts/bench.sh $build\` (what \`make bench\` runs on build/), BENCH_SECONDS=$seconds," \
    "BENCH_ROUNDS=$rounds, BENCH_CLIENTS=$clients, BENCH_HOUSEHOLDS=$households"
  echo "- machine: $(nproc) CPUs ($cpu), $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo) RAM," \
    "$(uname -sr); load average before the run: $load_before"
  echo "- SQLite $(sqlite3 --version | cut -d' ' -f1) (WAL, synchronous=FULL), PostgreSQL" \
    "$pg_version (scratch cluster, fsync=on, synchronous_commit=on, unix socket), both on" \
    "$(df -h --output=source "$work" | tail -1)"
  echo "- server: \`sanad serve\` with its defaults (8 threads, pool of 16 connections)"
  echo
  "$bench" report --in "$tsv"
  if [[ -n $micro_out ]]; then
    echo
    echo "### CPU of one registration besides the database (\`sanad_microbench\`)"
    echo
    echo '```'
    echo "$micro_out"
    echo '```'
  fi
} >"$results"
echo
cat "$results"
echo
log "written to $results"
