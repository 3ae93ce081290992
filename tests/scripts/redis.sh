#!/usr/bin/env bash
# Start (or stop) a throwaway Redis on loopback for the scale-out tests (BullMQ).
#   tests/scripts/redis.sh start   -> prints REDIS_URL=redis://...
#   tests/scripts/redis.sh stop
# Installs Debian's redis-server when it is missing. Data lives in tmp/redis (git-ignored).
# BullMQ needs `maxmemory-policy noeviction`: an evicted job key is a lost job.
set -euo pipefail
cd "$(dirname "$0")/../.."
PORT=${HERALD_REDIS_PORT:-56379}
DIR=$(pwd)/tmp/redis
SERVER=${REDIS_SERVER:-$(command -v redis-server || echo /usr/bin/redis-server)}
CLI=$(command -v redis-cli || echo /usr/bin/redis-cli)

case "${1:-start}" in
  start)
    if [ ! -x "$SERVER" ]; then
      echo "Installing Debian's redis-server..." >&2
      SUDO=()
      [ "$(id -u)" = "0" ] || SUDO=(sudo)
      "${SUDO[@]}" apt-get update -qq >&2
      DEBIAN_FRONTEND=noninteractive "${SUDO[@]}" apt-get install -y -qq --no-install-recommends redis-server >&2
      # Debian's package starts a system-wide server on 6379 where an init system runs; ours is separate.
      SERVER=/usr/bin/redis-server
      CLI=/usr/bin/redis-cli
    fi
    mkdir -p "$DIR"
    if ! "$CLI" -h 127.0.0.1 -p "$PORT" ping >/dev/null 2>&1; then
      "$SERVER" --bind 127.0.0.1 --port "$PORT" --dir "$DIR" --daemonize yes \
        --pidfile "$DIR/redis.pid" --logfile "$DIR/server.log" \
        --save "" --appendonly no --maxmemory-policy noeviction >/dev/null
      for _ in $(seq 1 50); do
        "$CLI" -h 127.0.0.1 -p "$PORT" ping >/dev/null 2>&1 && break
        sleep 0.1
      done
      "$CLI" -h 127.0.0.1 -p "$PORT" ping >/dev/null || { echo "redis-server did not start; see $DIR/server.log" >&2; exit 1; }
    fi
    echo "REDIS_URL=redis://127.0.0.1:$PORT"
    ;;
  stop)
    "$CLI" -h 127.0.0.1 -p "$PORT" shutdown nosave >/dev/null 2>&1 || true
    ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
