#!/usr/bin/env bash
# Starts (or reuses) a throwaway PostgreSQL 15 cluster on 127.0.0.1 for the test suite and prints its URL.
# Usage: scripts/test-postgres.sh [start|stop]. Installs Debian's postgresql when no server binaries exist.
set -euo pipefail
PORT="${TEST_PG_PORT:-55432}"
DATA="${TEST_PG_DATA:-/tmp/momentum-pg-$PORT}"
BIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
if [ -z "$BIN" ] || [ ! -x "$BIN/initdb" ]; then
  echo "installing PostgreSQL from Debian..." >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2 && apt-get install -y -qq postgresql >&2
  BIN="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
fi
as_pg() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/sh -c "$*"; else sh -c "$*"; fi; }
case "${1:-start}" in
  stop) as_pg "$BIN/pg_ctl -D $DATA -m fast stop" >&2 || true; exit 0 ;;
esac
if [ ! -f "$DATA/PG_VERSION" ]; then
  mkdir -p "$DATA"; [ "$(id -u)" = 0 ] && chown postgres "$DATA"
  as_pg "$BIN/initdb -D $DATA -U postgres --auth=trust -E UTF8 >/dev/null"
fi
if ! as_pg "$BIN/pg_ctl -D $DATA status" >/dev/null 2>&1; then
  as_pg "$BIN/pg_ctl -D $DATA -l $DATA/server.log -w -o \"-p $PORT -k /tmp -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=off\" start" >&2
fi
echo "postgres://postgres@127.0.0.1:$PORT/postgres"
