#!/usr/bin/env bash
# Protection cases at caseload scale, in-process (`sanad_bench cases`): seeds one organisation
# with caseworkers and supervisors, registry households, BENCH_CASES cases with sealed content
# and BENCH_CASES_AUDIT audit rows into a fresh SQLite database (and a scratch PostgreSQL
# database), then times case lists, searches and dashboards through cases::CaseService, and one
# case's read with and without its decryption and audit entry in the same run. Writes
# BUILD/bench-cases-results.md (copied into docs/performance.md by hand). Needs the Release
# build in BUILD (default build/).
#   BENCH_CASES=200000              cases seeded
#   BENCH_CASES_AUDIT=1000000       audit rows seeded (mostly reads of cases)
#   BENCH_CASES_HOUSEHOLDS=40000    registry households the cases are about (~5 people each)
#   BENCH_CASES_CASEWORKERS=100     caseworkers (~2,000 cases each at the defaults)
#   BENCH_CASES_RUNS=300            timed runs per operation (fewer when it takes too long)
#   BENCH_CASES_MAX_SECONDS=40      time limit per operation (at least 30 runs)
#   BENCH_CASES_PG=1                also PostgreSQL (0: SQLite only)
#   BENCH_CASES_SQL=                SQL run on each database after seeding, before timing: to
#                                   try an index before writing its migration
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
cases=${BENCH_CASES:-200000}
audit=${BENCH_CASES_AUDIT:-1000000}
households=${BENCH_CASES_HOUSEHOLDS:-40000}
caseworkers=${BENCH_CASES_CASEWORKERS:-100}
runs=${BENCH_CASES_RUNS:-300}
max_seconds=${BENCH_CASES_MAX_SECONDS:-40}
with_pg=${BENCH_CASES_PG:-1}
extra_sql=${BENCH_CASES_SQL:-}
org="Bench Protection"
work=$(realpath -m "$build/bench-cases-work")
tsv=$work/results.tsv
results=$build/bench-cases-results.md

name="bench-cases"
# shellcheck source=scripts/bench-common.sh
source scripts/bench-common.sh
build_bench "$build" sanad_bench
bench=$build/sanad_bench

pg_started=
cleanup() {
  [[ -z $pg_started ]] || scripts/pg-test-server.sh stop "$work/pg" >/dev/null 2>&1 || true
}
trap cleanup EXIT

rm -rf "$work"
mkdir -p "$work"
started=$(date -u '+%Y-%m-%d %H:%M UTC')
load_before=$(cut -d' ' -f1-3 /proc/loadavg)

# run_backend LABEL DB: seeds DB, then times; PostgreSQL gets VACUUM ANALYZE in between (as
# autovacuum would after a bulk load; SQLite is left as sanad leaves it, without ANALYZE).
run_backend() {
  local label=$1 db=$2
  local args=(--db "$db" --backend "$label" --org "$org" --key-file "$work/$label.key"
    --out "$tsv")
  log "$label: seeding $households households, $cases cases, $audit audit rows"
  "$bench" cases "${args[@]}" --phase seed --households "$households" --cases "$cases" \
    --audit-rows "$audit" --caseworkers "$caseworkers"
  if [[ -n $extra_sql ]]; then
    log "$label: $extra_sql"
    if [[ $label == postgres ]]; then
      psql "$db" -qX -v ON_ERROR_STOP=1 -c "$extra_sql" >/dev/null
    else
      sqlite3 "$db" "$extra_sql"
    fi
  fi
  [[ $label != postgres ]] || psql "$db" -qX -c "VACUUM ANALYZE" >/dev/null
  log "$label: timing (load average $(cut -d' ' -f1-3 /proc/loadavg))"
  "$bench" cases "${args[@]}" --phase time --runs "$runs" --max-seconds "$max_seconds"
}

run_backend sqlite "$work/cases.db"
sqlite_mb=$(du -m "$work/cases.db" | cut -f1)
pg_version=
if [[ $with_pg == 1 ]]; then
  log "PostgreSQL: scratch server in $work/pg"
  pg_started=1
  admin_url=$(scripts/pg-test-server.sh start "$work/pg")
  psql "$admin_url" -qX -v ON_ERROR_STOP=1 -c "CREATE DATABASE bench_cases" >/dev/null
  pg_url=${admin_url/@\/postgres\?/@\/bench_cases?}
  pg_version=$(psql "$admin_url" -qXAt -c "SHOW server_version")
  run_backend postgres "$pg_url"
fi
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

# The tables: operations as rows, backends side by side; p99 and CPU are in the note
# ("p99 X ms; CPU p50 Y ms; what").
render() {
  awk -F'\t' -v pg="$with_pg" '
    function cell(b, s,   n) {
      if (!((b, s) in p50)) return "–"
      return sprintf("%s / %s / %s", fmt(p50[b, s]), fmt(p95[b, s]), fmt(p99[b, s]))
    }
    function fmt(x) { x = x + 0; return x >= 100 ? sprintf("%.0f", x) : x >= 10 ? sprintf("%.1f", x) : sprintf("%.2f", x) }
    function ratio(b, s, t) {
      if (!((b, s) in p50) || !((b, t) in p50) || p50[b, t] == 0) return "–"
      return sprintf("%.1f× / %.1f×", p50[b, s] / p50[b, t], p95[b, s] / (p95[b, t] + 0))
    }
    $2 ~ /^cases\/(list|search|dashboard|get)/ {
      split($11, parts, "; ")
      sub(/^p99 /, "", parts[1]); sub(/ ms$/, "", parts[1])
      sub(/^CPU p50 /, "", parts[2]); sub(/ ms$/, "", parts[2])
      b = $1; s = $2
      if (!(s in seen)) { seen[s] = 1; order[++n] = s; what[s] = parts[3] }
      p50[b, s] = $7; p95[b, s] = $8; p99[b, s] = parts[1]; cpu[b, s] = parts[2]
      matches[b, s] = $3; runs[b, s] = $6
    }
    $2 ~ /^cases\/seed-/ {
      seed[$1, $2] = sprintf("%d in %.1f s (%.0f/s)", $3, $5, $5 > 0 ? $3 / $5 : 0)
      if ($2 == "cases/seed-cases") content = $11
    }
    END {
      head = "| operation (`CaseService`) | what | matches | runs | SQLite p50 / p95 / p99 ms | SQLite CPU p50 ms |"
      rule = "|---|---|---:|---:|---:|---:|"
      if (pg == 1) { head = head " PostgreSQL p50 / p95 / p99 ms |"; rule = rule "---:|" }
      print head; print rule
      for (i = 1; i <= n; i++) {
        s = order[i]; if (s ~ /^cases\/get/) continue
        line = sprintf("| `%s` | %s | %s | %s | %s | %s |", substr(s, 7), what[s],
                       matches["sqlite", s], runs["sqlite", s], cell("sqlite", s), fmt(cpu["sqlite", s]))
        if (pg == 1) line = line sprintf(" %s |", cell("postgres", s))
        print line
      }
      print ""
      head = "| read of one case (same sampled cases, interleaved) | SQLite p50 / p95 / p99 ms | SQLite CPU p50 ms |"
      rule = "|---|---:|---:|"
      if (pg == 1) { head = head " PostgreSQL p50 / p95 / p99 ms |"; rule = rule "---:|" }
      print head; print rule
      for (i = 1; i <= n; i++) {
        s = order[i]; if (s !~ /^cases\/get/) continue
        line = sprintf("| `%s`: %s | %s | %s |", substr(s, 7), what[s], cell("sqlite", s), fmt(cpu["sqlite", s]))
        if (pg == 1) line = line sprintf(" %s |", cell("postgres", s))
        print line
      }
      print ""
      head = "| ratio (p50 / p95) | SQLite |"; rule = "|---|---:|"
      if (pg == 1) { head = head " PostgreSQL |"; rule = rule "---:|" }
      print head; print rule
      split("get-service get-plain all: what encryption and audit cost a read|get-open get-plain decryption (open + parse the content)|get-service get-open-write-tx the audit entry and its durable commit|get-open-write-tx get-open a write transaction without writing", rows, "|")
      for (r = 1; r <= 4; r++) {
        split(rows[r], w, " "); label = rows[r]; sub(/^[^ ]+ [^ ]+ /, "", label)
        line = sprintf("| %s: `%s` ÷ `%s` | %s |", label, w[1], w[2],
                       ratio("sqlite", "cases/" w[1], "cases/" w[2]))
        if (pg == 1) line = line sprintf(" %s |", ratio("postgres", "cases/" w[1], "cases/" w[2]))
        print line
      }
      print ""
      printf "Seeding (store functions in large transactions): SQLite households %s, cases %s, audit rows %s", seed["sqlite", "cases/seed-households"], seed["sqlite", "cases/seed-cases"], seed["sqlite", "cases/seed-audit"]
      if (pg == 1) printf "; PostgreSQL households %s, cases %s, audit rows %s", seed["postgres", "cases/seed-households"], seed["postgres", "cases/seed-cases"], seed["postgres", "cases/seed-audit"]
      print "."
      print "Cases: " content "."
    }' "$tsv"
}

{
  echo "Measured $started on $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)),"
  echo "load average before: $load_before, after: $load_after."
  echo "\`scripts/bench-cases.sh $build\`, BENCH_CASES=$cases, BENCH_CASES_AUDIT=$audit," \
    "BENCH_CASES_HOUSEHOLDS=$households, BENCH_CASES_CASEWORKERS=$caseworkers," \
    "BENCH_CASES_RUNS=$runs${extra_sql:+, BENCH_CASES_SQL=\"$extra_sql\"}: SQLite $(sqlite3 --version | cut -d' ' -f1) (WAL," \
    "synchronous=FULL; file ${sqlite_mb} MB)${pg_version:+, PostgreSQL $pg_version (scratch cluster, fsync=on, VACUUM ANALYZE after seeding)};" \
    "in-process, one thread."
  echo
  render
} >"$results"
cat "$results"
log "wrote $results"
