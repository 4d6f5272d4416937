#!/usr/bin/env bash
# `make run`: creates the data key and the demo database on first run, then serves it.
set -euo pipefail
bin=$1 db=$2 listen=$3
dir=$(dirname "$db")
key=$dir/sanad.key
mkdir -p "$dir"
if [[ ! -f $key ]]; then
  echo "run: creating the data key of sealed case fields in $key (first run only)…"
  "$bin" key init --key-file "$key" >/dev/null
  if [[ -f $db ]]; then
    echo "run: $db is older than this key: cases sealed with a lost key will not open (delete $db to start again)"
  fi
fi
if [[ ! -f $db ]]; then
  echo "run: creating demo data in $db (first run only)…"
  "$bin" demo --db "$db.tmp" --key-file "$key"
  mv "$db.tmp" "$db"
  rm -f "$db.tmp-wal" "$db.tmp-shm"
fi
cat <<MSG

  sanad is starting on http://$listen
  Log in as  admin / sanad-demo   (administrator, Demo Relief)
        or   clerk / sanad-demo   (registration clerk), supervisor / sanad-demo, viewer / sanad-demo
        or   partner / sanad-demo (another organisation: sees none of Demo Relief's households)
  Protection cases: gbv, child, legal / sanad-demo (caseworkers), supervisor (all modules),
                    partner-gbv, partner-lead / sanad-demo (Partner Aid: the referrals inbox)
  Stock and distributions: logistics / sanad-demo
  Projects, indicators, dashboards and the 4W export: meal / sanad-demo (M&E officer)
  The public page (no login): http://$listen/public
  Stop with Ctrl-C. Delete $db to start again from fresh demo data.

MSG
exec "$bin" serve --db "$db" --listen "$listen" --key-file "$key"
