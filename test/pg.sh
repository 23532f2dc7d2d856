#!/usr/bin/env bash
# Runs a command against a throwaway PostgreSQL 15 server on loopback:
#   test/pg.sh npx vitest run test/unit/hub
# Starts the server in a temp dir, exports TARIFFCHECK_PG_URL, runs "$@", stops the server and
# removes the dir on any exit (the trap), and exits with the command's status.
set -euo pipefail

PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
PG_PORT=${PG_PORT:-54332}
PG_DB=tariffcheck

if [ "$#" -eq 0 ]; then
  echo "usage: test/pg.sh COMMAND [ARG…]" >&2
  exit 2
fi
for tool in initdb pg_ctl createdb; do
  if [ ! -x "$PG_BIN/$tool" ]; then
    echo "test/pg.sh: PostgreSQL not found ($PG_BIN/$tool is missing); apt-get install -y postgresql-15 or set PG_BIN" >&2
    exit 3
  fi
done

# initdb refuses to run as root: as root, run the server as the postgres user.
if [ "$(id -u)" -eq 0 ]; then
  if ! id postgres >/dev/null 2>&1; then
    echo "test/pg.sh: running as root but there is no 'postgres' user to run the server as" >&2
    exit 3
  fi
  as_pg() { runuser -u postgres -- "$@"; }
  DIR=$(mktemp -d /tmp/tariffcheck-pg.XXXXXX)
  chown postgres:postgres "$DIR"
else
  as_pg() { "$@"; }
  DIR=$(mktemp -d /tmp/tariffcheck-pg.XXXXXX)
fi
chmod 700 "$DIR"

stop() {
  local status=$?
  if [ -f "$DIR/data/postmaster.pid" ]; then
    as_pg "$PG_BIN/pg_ctl" -D "$DIR/data" -m fast -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$DIR"
  exit "$status"
}
trap stop EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
child=

if ! as_pg "$PG_BIN/initdb" -D "$DIR/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$DIR/initdb.log" 2>&1; then
  echo "test/pg.sh: initdb failed:" >&2
  cat "$DIR/initdb.log" >&2
  exit 3
fi
if ! as_pg "$PG_BIN/pg_ctl" -D "$DIR/data" -l "$DIR/log" -w \
  -o "-p $PG_PORT -k $DIR -c listen_addresses=127.0.0.1" start >/dev/null; then
  echo "test/pg.sh: PostgreSQL did not start (port $PG_PORT busy?):" >&2
  cat "$DIR/log" >&2 || true
  exit 3
fi
as_pg "$PG_BIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U postgres "$PG_DB"

export TARIFFCHECK_PG_URL="postgres://postgres@127.0.0.1:$PG_PORT/$PG_DB"
echo "test/pg.sh: PostgreSQL at $TARIFFCHECK_PG_URL" >&2
# In the background with `wait`, so a signal to this script runs the traps at once (bash defers them
# while a foreground command runs); the signal is passed on and the server still stopped.
forward() {
  [ -n "$child" ] && kill -"$1" "$child" 2>/dev/null
  wait "$child" 2>/dev/null
  exit "$2"
}
trap 'forward INT 130' INT
trap 'forward TERM 143' TERM
set +e
"$@" <&0 &
child=$!
wait "$child"
status=$?
exit "$status"
