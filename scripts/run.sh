#!/usr/bin/env bash
# `make run`: creates the demo database on first run, then serves it.
set -euo pipefail
bin=$1 db=$2 listen=$3
mkdir -p "$(dirname "$db")"
if [[ ! -f $db ]]; then
  echo "run: creating demo data in $db (first run only)…"
  "$bin" demo --db "$db.tmp"
  mv "$db.tmp" "$db"
  rm -f "$db.tmp-wal" "$db.tmp-shm"
fi
cat <<MSG

  sanad is starting on http://$listen
  Log in as  admin / sanad-demo   (administrator, Demo Relief)
        or   clerk / sanad-demo   (registration clerk), supervisor / sanad-demo, viewer / sanad-demo
        or   partner / sanad-demo (another organisation: sees none of Demo Relief's households)
  Stop with Ctrl-C. Delete $db to start again from fresh demo data.

MSG
exec "$bin" serve --db "$db" --listen "$listen"
