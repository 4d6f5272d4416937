#!/usr/bin/env bash
# People search through the API at registry scale: seeds BENCH_PEOPLE_HOUSEHOLDS demo households
# (about 5 people each) into a fresh SQLite database, starts `sanad serve`, waits until its
# people index has loaded, then times `GET /api/v1/people?q=` and `POST /api/v1/people/matches`
# with one keep-alive client (`sanad_bench people`). Writes BUILD/bench-people-results.md
# (copied into docs/performance.md by hand). Needs the Release build in BUILD (default build/).
#   BENCH_PEOPLE_HOUSEHOLDS=200000   households seeded (200,000 ≈ one million people)
#   BENCH_PEOPLE_SEARCHES=1000       search queries timed
#   BENCH_PEOPLE_MATCHES=300         "already registered?" checks timed
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
households=${BENCH_PEOPLE_HOUSEHOLDS:-200000}
searches=${BENCH_PEOPLE_SEARCHES:-1000}
matches=${BENCH_PEOPLE_MATCHES:-300}
org="Bench Relief"
user=bench
work=$(realpath -m "$build/bench-people-work")
tsv=$work/results.tsv
results=$build/bench-people-results.md

name=bench-people
# shellcheck source=scripts/bench-common.sh
source scripts/bench-common.sh
build_bench "$build" sanad sanad_bench
sanad=$build/sanad
bench=$build/sanad_bench

server_pid=
cleanup() {
  if [[ -n $server_pid ]]; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
}
trap cleanup EXIT

rm -rf "$work"
mkdir -p "$work/no-ui"
db=$work/people.db
password="bench-$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')"
printf '%s\n' "$password" |
  "$sanad" user add --db "$db" --username "$user" --role registration --org "$org" \
    --password-stdin >/dev/null

log "seeding $households households"
"$bench" seed --db "$db" --backend sqlite --org "$org" --households "$households" --out "$tsv"
people=$(sqlite3 "$db" "SELECT count(*) FROM people")

log "starting the server and waiting for its people index"
out=$work/server.log
started=$(date +%s.%N)
"$sanad" serve --db "$db" --listen 127.0.0.1:0 --ui-dir "$work/no-ui" >"$out" 2>&1 &
server_pid=$!
url=
for ((i = 0; i < 12000; i++)); do
  url=$(grep -o 'http://127\.0\.0\.1:[0-9]*' "$out" || true)
  if [[ -n $url ]] && grep -q 'people search: indexed' "$out"; then break; fi
  kill -0 "$server_pid" 2>/dev/null || {
    cat "$out" >&2
    die "the server stopped"
  }
  sleep 0.05
done
grep -q 'people search: indexed' "$out" || die "the people index did not load; see $out"
ready=$(echo "$(date +%s.%N) - $started" | bc -l)
index_line=$(grep -m1 'people search: indexed' "$out" | sed 's/.*people search: //')
rss_mb=$(awk '/VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$server_pid/status")

log "timing $searches searches and $matches matches"
"$bench" people --server "$url" --user "$user" --password "$password" --backend sqlite \
  --searches "$searches" --matches "$matches" --out "$tsv"

{
  echo "Measured $(date -u '+%Y-%m-%d %H:%M UTC') on $(nproc) cores" \
    "($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), load average before" \
    "the queries: $(cut -d' ' -f1-3 /proc/loadavg)."
  echo "\`scripts/bench-people.sh $build\`, BENCH_PEOPLE_HOUSEHOLDS=$households: $people people" \
    "in SQLite; \`sanad serve\` with its defaults, one keep-alive client."
  echo
  echo "| what | figure |"
  echo "|---|---|"
  printf '| server start until the people index is loaded | %.1f s (%s) |\n' "$ready" "$index_line"
  echo "| server memory after loading | $rss_mb MB RSS |"
  awk -F'\t' '$2 ~ /^people\// {
    printf "| `%s` — %d queries | p50 %.2f ms, p95 %.2f ms, %s |\n", $2, $6, $7, $8, $11 }' "$tsv"
} >"$results"
cat "$results"
log "wrote $results"
