#!/usr/bin/env bash
# Start (or stop) a throwaway PostgreSQL 15 on loopback for tests and benchmarks (installs Debian's
# postgresql-15 when it is missing).
#   tests/scripts/postgres.sh start   -> prints DATABASE_URL=postgresql://...
#   tests/scripts/postgres.sh stop
# Data lives in tmp/postgres (git-ignored). PostgreSQL refuses to run as root, so the server
# runs as the `postgres` system user (created if missing).
set -euo pipefail
cd "$(dirname "$0")/../.."
PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
PORT=${HERALD_PG_PORT:-55432}
DIR=$(pwd)/tmp/postgres
RUNAS=()
if [ "$(id -u)" = "0" ]; then
  id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
  RUNAS=(runuser -u postgres --)
fi

case "${1:-start}" in
  start)
    if [ ! -x "$PGBIN/initdb" ]; then
      echo "Installing Debian's postgresql-15..." >&2
      SUDO=()
      [ "$(id -u)" = "0" ] || SUDO=(sudo)
      "${SUDO[@]}" apt-get update -qq >&2
      DEBIAN_FRONTEND=noninteractive "${SUDO[@]}" apt-get install -y -qq --no-install-recommends postgresql-15 >&2
      [ -x "$PGBIN/initdb" ] || { echo "PostgreSQL binaries not found in $PGBIN after installing postgresql-15" >&2; exit 1; }
    fi
    mkdir -p "$DIR"
    [ "$(id -u)" = "0" ] && chown -R postgres "$DIR"
    if [ ! -f "$DIR/data/PG_VERSION" ]; then
      "${RUNAS[@]}" "$PGBIN/initdb" -D "$DIR/data" -U herald --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
    fi
    # A server already answering on the port (another checkout's, a developer's) is used as it is.
    if ! "$PGBIN/pg_isready" -q -h 127.0.0.1 -p "$PORT" && ! "${RUNAS[@]}" "$PGBIN/pg_ctl" -D "$DIR/data" status >/dev/null 2>&1; then
      # The port can be briefly taken (an outgoing connection's ephemeral port): try again, then say why.
      for attempt in 1 2 3; do
        "${RUNAS[@]}" "$PGBIN/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w \
          -o "-c listen_addresses=127.0.0.1 -p $PORT -k $DIR -c fsync=off -c synchronous_commit=off -c max_connections=200" start >/dev/null && break
        [ "$attempt" = 3 ] && { tail -5 "$DIR/server.log" >&2; exit 1; }
        sleep 3
      done
    fi
    "$PGBIN/psql" -h 127.0.0.1 -p "$PORT" -U herald -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname='herald'" | grep -q 1 \
      || "$PGBIN/createdb" -h 127.0.0.1 -p "$PORT" -U herald herald
    echo "DATABASE_URL=postgresql://herald@127.0.0.1:$PORT/herald"
    ;;
  stop)
    [ -f "$DIR/data/PG_VERSION" ] && "${RUNAS[@]}" "$PGBIN/pg_ctl" -D "$DIR/data" -m fast stop >/dev/null || true
    ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
