#!/usr/bin/env bash
# Starts (or reuses) the PostgreSQL that tests and CI use:
#   postgresql://mkutano:mkutano@127.0.0.1:5432/mkutano   (role mkutano is a superuser)
# Idempotent: safe to run again while it is running. Its own cluster lives in $MKUTANO_PG_DIR
# (default /tmp/mkutano-pg), tuned for throwaway test data (fsync off). On Debian the postgresql
# package may have created and started a `main` cluster on the same port; it is stopped, not
# dropped, so nothing of anyone's data is destroyed.
set -euo pipefail

PG_DIR="${MKUTANO_PG_DIR:-/tmp/mkutano-pg}"
PG_PORT="${MKUTANO_PG_PORT:-5432}"
PG_BIN="${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)}"
URL="postgresql://mkutano:mkutano@127.0.0.1:${PG_PORT}/mkutano"

if [[ -z "$PG_BIN" || ! -x "$PG_BIN/initdb" ]]; then
  echo "PostgreSQL server binaries not found (apt-get install postgresql, or set PG_BIN)" >&2
  exit 1
fi

# initdb and postgres refuse to run as root; use the postgres account the package creates.
as_owner() {
  if [[ "$(id -u)" == "0" ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

ready() {
  PGPASSWORD=mkutano "$PG_BIN/psql" "$URL" -Atqc "select 1" >/dev/null 2>&1
}

if ready; then
  echo "PostgreSQL already serving $URL"
  exit 0
fi

# Free the port from a Debian-managed cluster (apt's postinst may start `main` on 5432).
if command -v pg_lsclusters >/dev/null 2>&1; then
  while read -r ver name port status _; do
    if [[ "$port" == "$PG_PORT" && "$status" == online* ]]; then
      echo "Stopping Debian cluster $ver/$name on port $port"
      pg_ctlcluster "$ver" "$name" stop || true
    fi
  done < <(pg_lsclusters -h 2>/dev/null || true)
fi

if [[ ! -s "$PG_DIR/data/PG_VERSION" ]]; then
  echo "Creating cluster in $PG_DIR"
  rm -rf "$PG_DIR"
  mkdir -p "$PG_DIR/data" "$PG_DIR/socket"
  printf 'mkutano\n' >"$PG_DIR/pwfile"
  [[ "$(id -u)" == "0" ]] && chown -R postgres:postgres "$PG_DIR"
  as_owner "$PG_BIN/initdb" -D "$PG_DIR/data" -U mkutano --pwfile="$PG_DIR/pwfile" \
    --auth-local=trust --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 >"$PG_DIR/initdb.log"
  rm -f "$PG_DIR/pwfile"
fi

if ! as_owner "$PG_BIN/pg_ctl" -D "$PG_DIR/data" status >/dev/null 2>&1; then
  as_owner "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 60 start -o \
    "-c listen_addresses=127.0.0.1 -c port=$PG_PORT -c unix_socket_directories=$PG_DIR/socket \
     -c max_connections=300 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" >/dev/null
fi

if ! PGPASSWORD=mkutano "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U mkutano -d postgres -Atqc \
  "select 1 from pg_database where datname = 'mkutano'" | grep -q 1; then
  PGPASSWORD=mkutano "$PG_BIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U mkutano mkutano
fi

if ready; then
  echo "PostgreSQL serving $URL (data: $PG_DIR, log: $PG_DIR/server.log)"
else
  echo "PostgreSQL did not come up; see $PG_DIR/server.log" >&2
  exit 1
fi
