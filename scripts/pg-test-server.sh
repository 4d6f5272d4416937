#!/usr/bin/env bash
# A scratch PostgreSQL cluster for tests, living entirely in DIR (data, log, unix socket).
#   scripts/pg-test-server.sh start DIR   initialise if needed, start, print the admin URL
#   scripts/pg-test-server.sh url DIR     print the admin URL
#   scripts/pg-test-server.sh stop DIR    stop the server and remove DIR
#   scripts/pg-test-server.sh halt DIR    stop the server cleanly (a checkpoint), keep DIR: the
#                                         next start finds the data, with empty shared buffers
# It listens only on a unix socket in DIR, so clusters in different DIRs never collide.
# Run as root, the server runs as the `postgres` user (PostgreSQL refuses to run as root).
# Set SANAD_PG_PORT to change the port number in the socket name (default 54321).
set -euo pipefail

usage() {
  echo "usage: $0 start|stop|halt|url DIR" >&2
  exit 2
}

[[ $# -eq 2 ]] || usage
cmd=$1
dir=$(realpath -m -- "$2")
data=$dir/data
port_file=$dir/port
port=${SANAD_PG_PORT:-54321}

find_bindir() {
  local d
  for d in /usr/lib/postgresql/15/bin /usr/lib/postgresql/*/bin; do
    if [[ -x $d/initdb && -x $d/pg_ctl ]]; then
      echo "$d"
      return 0
    fi
  done
  echo "pg-test-server: PostgreSQL server binaries not found under /usr/lib/postgresql/*/bin;" \
    "install them with scripts/install-deps.sh (Debian package 'postgresql')" >&2
  exit 3
}

# Runs a server binary as the cluster's owner.
as_owner() {
  if [[ $(id -u) -eq 0 ]]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

print_url() {
  echo "postgresql://postgres@/postgres?host=$dir&port=$(cat "$port_file")"
}

running() {
  [[ -f $data/PG_VERSION ]] && as_owner "$bindir/pg_ctl" status -D "$data" >/dev/null 2>&1
}

init_cluster() {
  mkdir -p "$dir"
  if [[ $(id -u) -eq 0 ]]; then
    if ! id postgres >/dev/null 2>&1; then
      echo "pg-test-server: running as root needs the 'postgres' user (Debian's postgresql package)" >&2
      exit 3
    fi
    chown postgres: "$dir"
  fi
  local socket="$dir/.s.PGSQL.$port"
  if ((${#socket} > 107)); then
    echo "pg-test-server: socket path $socket is too long; use a shorter DIR" >&2
    exit 2
  fi
  as_owner "$bindir/initdb" -D "$data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 \
    --no-instructions >"$dir/initdb.log" 2>&1 || {
    cat "$dir/initdb.log" >&2
    echo "pg-test-server: initdb failed" >&2
    exit 1
  }
  cat >>"$data/postgresql.conf" <<EOF

# pg-test-server.sh
listen_addresses = ''
unix_socket_directories = '$dir'
port = $port
fsync = on
synchronous_commit = on
max_connections = 200
shared_buffers = 128MB
EOF
  echo "$port" >"$port_file"
}

start() {
  bindir=$(find_bindir)
  mkdir -p "$dir"
  # Serialises concurrent starts of the same DIR.
  exec 9>"$dir/.lock"
  flock 9
  [[ -f $data/PG_VERSION ]] || init_cluster
  if ! running; then
    if ! as_owner "$bindir/pg_ctl" start -D "$data" -l "$dir/server.log" -w -t 60 >&2; then
      tail -n 20 "$dir/server.log" >&2 || true
      echo "pg-test-server: the server did not start; see $dir/server.log" >&2
      exit 1
    fi
  fi
  local i
  for ((i = 0; i < 120; i++)); do
    if "$bindir/pg_isready" -q -h "$dir" -p "$(cat "$port_file")" -U postgres; then
      print_url
      return 0
    fi
    sleep 0.25
  done
  echo "pg-test-server: the server is not accepting connections; see $dir/server.log" >&2
  exit 1
}

stop() {
  if [[ -f $data/PG_VERSION ]] && bindir=$(find_bindir) && running; then
    as_owner "$bindir/pg_ctl" stop -D "$data" -m immediate -w >&2
  fi
  rm -rf -- "$dir"
}

halt() {
  if [[ -f $data/PG_VERSION ]] && bindir=$(find_bindir) && running; then
    as_owner "$bindir/pg_ctl" stop -D "$data" -m fast -w >/dev/null
  fi
}

bindir=
case $cmd in
  start) start ;;
  stop) stop ;;
  halt) halt ;;
  url)
    if [[ ! -f $port_file ]]; then
      echo "pg-test-server: no cluster in $dir; run '$0 start $dir' first" >&2
      exit 1
    fi
    print_url
    ;;
  *) usage ;;
esac
