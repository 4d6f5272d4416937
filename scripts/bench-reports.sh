#!/usr/bin/env bash
# Reports at scale (docs/performance.md, "Reports"): for SQLite and a scratch PostgreSQL server,
# seeds BENCH_REPORTS_HOUSEHOLDS households (200,000 ≈ a million people) and about
# BENCH_REPORTS_RECORDS service records (written straight into the database with multi-row
# INSERTs), then times the dashboard and the 4W export computed by the reports domain functions
# in-process beside hand-written SQL giving the same figures on the same database, each cold and
# warm, and fails if the two answers differ by a single figure. Writes
# BUILD/bench-reports-results.md. Needs a build in BUILD (default build/, made Release here).
#   BENCH_REPORTS_HOUSEHOLDS=200000   BENCH_REPORTS_RECORDS=5000000
#   BENCH_REPORTS_RUNS=4              runs of each path: the first cold, the median of the rest warm
#   BENCH_REPORTS_PG=1                also PostgreSQL (0: SQLite only)
#   BENCH_REPORTS_COLD=auto           how a first run is made cold: drop (the whole OS page
#                                     cache, as root), evict (only the database's files, via
#                                     fadvise DONTNEED), none (a fresh process only); auto = drop
#                                     when permitted, else evict. PostgreSQL is restarted too.
#   BENCH_REPORTS_BUILD=1             0: use BUILD's sanad_bench as it is (no cmake)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
households=${BENCH_REPORTS_HOUSEHOLDS:-200000}
records=${BENCH_REPORTS_RECORDS:-5000000}
runs=${BENCH_REPORTS_RUNS:-4}
with_pg=${BENCH_REPORTS_PG:-1}
cold=${BENCH_REPORTS_COLD:-auto}
org="Bench Reports"
work=$(realpath -m "$build/bench-reports-work")
tsv=$work/results.tsv
results=$build/bench-reports-results.md

name="bench-reports"
# shellcheck source=scripts/bench-common.sh
source scripts/bench-common.sh
if [[ ${BENCH_REPORTS_BUILD:-1} == 1 ]]; then
  build_bench "$build" sanad_bench
fi
bench=$build/sanad_bench
[[ -x $bench ]] || die "no $bench: build it first"

pg_started=
cleanup() {
  [[ -z $pg_started ]] || scripts/pg-test-server.sh stop "$work/pg" >/dev/null 2>&1 || true
}
trap cleanup EXIT

rm -rf "$work"
mkdir -p "$work"
started=$(date -u '+%Y-%m-%d %H:%M UTC')
load_before=$(cut -d' ' -f1-3 /proc/loadavg)

drop_caches() { sync && echo 3 >/proc/sys/vm/drop_caches; }
if [[ $cold == auto ]]; then
  if [[ $(id -u) -eq 0 ]] && drop_caches 2>/dev/null; then cold=drop; else cold=evict; fi
fi
case $cold in
  drop) cold_note="OS page cache dropped (echo 3 > /proc/sys/vm/drop_caches), a fresh process" ;;
  evict) cold_note="the database's files evicted from the OS page cache (dd iflag=nocache), a fresh process" ;;
  none) cold_note="a fresh process only (the OS page cache was left warm)" ;;
  *) die "BENCH_REPORTS_COLD is auto, drop, evict or none" ;;
esac

# evict FILE|DIR...: drops the clean pages of these files from the page cache and says how many
# stayed resident (fincore).
evict() {
  sync
  find "$@" -type f -exec dd if={} iflag=nocache count=0 status=none \; 2>/dev/null || true
  if command -v fincore >/dev/null; then
    local resident
    resident=$(find "$@" -type f -exec fincore -bn -o RES {} + 2>/dev/null |
      awk '{ s += $1 } END { printf "%.1f", s / 1048576 }')
    log "evicted; still resident: $resident MB"
  fi
}

# make_cold LABEL: what the next run finds is not in any cache: PostgreSQL stopped (a fast,
# checkpointing shutdown), its files or the SQLite file dropped from the OS cache, restarted.
make_cold() {
  local label=$1
  [[ $label != postgres ]] || scripts/pg-test-server.sh halt "$work/pg"
  case $cold in
    drop) drop_caches ;;
    evict) if [[ $label == postgres ]]; then evict "$work/pg/data"; else evict "$work"/reports.db*; fi ;;
  esac
  if [[ $label == postgres ]]; then scripts/pg-test-server.sh start "$work/pg" >/dev/null; fi
}

# run_backend LABEL DB: seeds DB, then times each report by each path, cold then warm, and
# compares the product's figures with the hand-written SQL's.
run_backend() {
  local label=$1 db=$2
  log "$label: seeding $households households"
  "$bench" seed --db "$db" --backend "$label" --org "$org" --households "$households" \
    --out "$tsv"
  log "$label: writing about $records service records"
  "$bench" reports --phase seed --db "$db" --backend "$label" --org "$org" \
    --records "$records" --out "$tsv"
  # As autovacuum would after a bulk load; SQLite is left as sanad leaves it, without ANALYZE.
  [[ $label != postgres ]] || psql "$db" -qX -c "VACUUM ANALYZE" >/dev/null
  local report path
  for report in dashboard 4w; do
    for path in product sql; do
      make_cold "$label"
      log "$label: $report by $path, $runs runs (load average $(cut -d' ' -f1-3 /proc/loadavg))"
      "$bench" reports --phase time --db "$db" --backend "$label" --org "$org" \
        --report "$report" --path "$path" --runs "$runs" --cold "$cold_note" \
        --dump "$work/$label-$report-$path.txt" --out "$tsv"
    done
    "$bench" reports --phase compare --dump "$work/$label-$report-product.txt" \
      --against "$work/$label-$report-sql.txt" ||
      die "$label: the $report of the product and of the hand-written SQL differ (above)"
    log "$label: $report: the product's $(wc -l <"$work/$label-$report-product.txt") lines of" \
      "figures equal the hand-written SQL's"
  done
}

run_backend sqlite "$work/reports.db"
sqlite_size="SQLite file $(du -m "$work/reports.db" | cut -f1) MB"
pg_version=
pg_size=
if [[ $with_pg == 1 ]]; then
  log "PostgreSQL: scratch server in $work/pg"
  pg_started=1
  admin_url=$(scripts/pg-test-server.sh start "$work/pg")
  psql "$admin_url" -qX -v ON_ERROR_STOP=1 -c "CREATE DATABASE bench_reports" >/dev/null
  pg_url=${admin_url/@\/postgres\?/@\/bench_reports?}
  pg_version=$(psql "$admin_url" -qXAt -c "SHOW server_version")
  run_backend postgres "$pg_url"
  pg_size="PostgreSQL database $(psql "$pg_url" -qXAt -c \
    "SELECT pg_database_size(current_database()) / 1048576") MB"
fi
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

{
  pg_text=${pg_version:+; PostgreSQL $pg_version (scratch server, restarted before each cold run)}
  echo "Reports benchmark, $started, $(nproc) cores, load average $load_before before and" \
    "$load_after after; $households households seeded, about $records service records;" \
    "$runs runs of each path (the first cold: $cold_note; warm = the median of the" \
    "others)$pg_text; $sqlite_size${pg_size:+, $pg_size}."
  echo
  awk -F'\t' -v pg="$with_pg" '
    function fmt(x) { x = x + 0; return x >= 100 ? sprintf("%.0f", x) : x >= 10 ? sprintf("%.1f", x) : sprintf("%.2f", x) }
    function cell(b, s) { return (b, s) in sec ? fmt(sec[b, s]) : "–" }
    function ratio(b, r, t) {
      if (!((b, "reports/" r "-product-" t) in sec) || !((b, "reports/" r "-sql-" t) in sec)) return "–"
      if (sec[b, "reports/" r "-sql-" t] == 0) return "–"
      return sprintf("**%.2f**", sec[b, "reports/" r "-product-" t] / sec[b, "reports/" r "-sql-" t])
    }
    $2 ~ /^reports\/(dashboard|4w)-/ { sec[$1, $2] = $5; lines[$1, $2] = $4; people[$1, $2] = $3 }
    $2 == "reports/seed-records" { seed[$1] = sprintf("%d records in %.1f s (%.0f/s); %s", $4, $5, $5 > 0 ? $4 / $5 : 0, $11); persons[$1] = $3 }
    $2 == "seed/1" { hh[$1] = sprintf("%d households (%d rows) in %.1f s", $3, $4, $5) }
    END {
      head = "| report | SQLite: product, s | SQLite: hand-written SQL, s | SQLite: product ÷ SQL |"
      rule = "|---|---:|---:|---:|"
      if (pg == 1) {
        head = head " PostgreSQL: product, s | PostgreSQL: hand-written SQL, s | PostgreSQL: product ÷ SQL |"
        rule = rule "---:|---:|---:|"
      }
      print head; print rule
      split("dashboard 4w", reports, " "); split("cold warm", temps, " ")
      for (i = 1; i <= 2; i++) for (j = 1; j <= 2; j++) {
        r = reports[i]; t = temps[j]
        line = sprintf("| %s, %s | %s | %s | %s |", r == "4w" ? "4W export" : "dashboard", t,
          cell("sqlite", "reports/" r "-product-" t), cell("sqlite", "reports/" r "-sql-" t), ratio("sqlite", r, t))
        if (pg == 1) line = line sprintf(" %s | %s | %s |", cell("postgres", "reports/" r "-product-" t),
          cell("postgres", "reports/" r "-sql-" t), ratio("postgres", r, t))
        print line
      }
      print ""
      for (b in seed) {
        print "- " b ": " hh[b] " (" persons[b] " people); " seed[b]
        print "- " b ": the figures of the product and of the hand-written SQL are equal: dashboard " \
          lines[b, "reports/dashboard-product-cold"] " lines (" people[b, "reports/dashboard-product-cold"] \
          " people reached), 4W " lines[b, "reports/4w-product-cold"] " rows"
      }
    }' "$tsv"
} >"$results"
cat "$results"
