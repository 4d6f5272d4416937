#!/usr/bin/env bash
# Assistance at registry scale (docs/performance.md, "Assistance"): for SQLite and a scratch
# PostgreSQL server, seeds BENCH_ASSIST_HOUSEHOLDS households (200,000 ≈ one million people),
# starts `sanad serve`, then `sanad_bench assistance` previews and draws a beneficiary list over
# every household, and times collections by BENCH_ASSIST_CLIENTS concurrent clients at the
# collection endpoint beside the same rows written straight into the database by as many
# threads. Writes BUILD/bench-assistance-results.md. Needs the Release build in BUILD.
#   BENCH_ASSIST_HOUSEHOLDS=200000   BENCH_ASSIST_CLIENTS=16   BENCH_ASSIST_SECONDS=10
#   BENCH_ASSIST_PG=1 (0: SQLite only)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
households=${BENCH_ASSIST_HOUSEHOLDS:-200000}
clients=${BENCH_ASSIST_CLIENTS:-16}
seconds=${BENCH_ASSIST_SECONDS:-10}
with_pg=${BENCH_ASSIST_PG:-1}
org="Bench Assistance"
user=bench-logistics
work=$(realpath -m "$build/bench-assistance-work")
tsv=$work/results.tsv
results=$build/bench-assistance-results.md

name=bench-assistance
# shellcheck source=scripts/bench-common.sh
source scripts/bench-common.sh
build_bench "$build" sanad sanad_bench
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
started=$(date -u '+%Y-%m-%d %H:%M UTC')

run_backend() {
  local label=$1 db=$2
  printf '%s\n' "$password" |
    "$sanad" user add --db "$db" --username "$user" --role logistics --org "$org" \
      --password-stdin >/dev/null
  log "$label: seeding $households households"
  "$bench" seed --db "$db" --backend "$label" --org "$org" --households "$households" \
    --out "$tsv"
  [[ $label != postgres ]] || psql "$db" -qX -c "VACUUM ANALYZE" >/dev/null
  log "$label: starting the server"
  local out=$work/server-$label.log
  "$sanad" serve --db "$db" --listen 127.0.0.1:0 --ui-dir "$work/no-ui" >"$out" 2>&1 &
  server_pid=$!
  local url=
  for ((i = 0; i < 12000; i++)); do
    url=$(grep -o 'http://127\.0\.0\.1:[0-9]*' "$out" || true)
    if [[ -n $url ]]; then break; fi
    kill -0 "$server_pid" 2>/dev/null || {
      cat "$out" >&2
      die "the server stopped"
    }
    sleep 0.05
  done
  [[ -n $url ]] || die "the server did not start"
  log "$label: draw and collect (load average $(cut -d' ' -f1-3 /proc/loadavg))"
  "$bench" assistance --server "$url" --db "$db" --org "$org" --user "$user" \
    --password "$password" --backend "$label" --server-pid "$server_pid" --clients "$clients" \
    --seconds "$seconds" --out "$tsv"
  kill "$server_pid"
  wait "$server_pid" 2>/dev/null || true
  server_pid=
}

run_backend sqlite "$work/assistance.db"
pg_version=
if [[ $with_pg == 1 ]]; then
  log "PostgreSQL: scratch server in $work/pg"
  pg_started=1
  admin_url=$(scripts/pg-test-server.sh start "$work/pg")
  psql "$admin_url" -qX -v ON_ERROR_STOP=1 -c "CREATE DATABASE bench_assistance" >/dev/null
  pg_url=${admin_url/@\/postgres\?/@\/bench_assistance?}
  pg_version=$(psql "$admin_url" -qXAt -c "SHOW server_version")
  run_backend postgres "$pg_url"
fi

{
  echo "Assistance benchmark, $started, $(nproc) cores, $households households seeded," \
    "$clients clients, ${seconds} s per write run${pg_version:+, PostgreSQL $pg_version}."
  echo
  awk -F'\t' '
    function fmt(x) { x = x + 0; return x >= 100 ? sprintf("%.0f", x) : x >= 10 ? sprintf("%.1f", x) : sprintf("%.2f", x) }
    $2 ~ /^draw\// { draw[$1, $2] = sprintf("%s ms (%d households, %d people)", fmt($7), $3, $4); backends[$1] = 1 }
    $2 ~ /^collect/ {
      rate[$1, $2] = $5 > 0 ? $3 / $5 : 0
      lat[$1, $2] = sprintf("%s / %s", fmt($7), fmt($8))
      err[$1, $2] = $9; backends[$1] = 1; kind[$2] = 1
    }
    END {
      print "| backend | preview | draw (plan) |"; print "|---|---|---|"
      for (b in backends) print "| " b " | " draw[b, "draw/preview"] " | " draw[b, "draw/plan"] " |"
      print ""
      print "| backend | what | collections/s | p50 / p95 ms | errors |"; print "|---|---|---:|---:|---:|"
      for (b in backends) for (k in kind) print "| " b " | `" k "` | " fmt(rate[b, k]) " | " lat[b, k] " | " err[b, k] " |"
      print ""
      print "| backend | API ÷ raw database writes |"; print "|---|---:|"
      for (b in backends) for (k in kind) if (k ~ /^collect\//) {
        r = k; sub(/^collect\//, "collect-raw/", r)
        if (rate[b, r] > 0) print "| " b " | " sprintf("%.2f", rate[b, k] / rate[b, r]) " |"
      }
    }' "$tsv"
} >"$results"
cat "$results"
