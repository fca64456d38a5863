#!/usr/bin/env bash
# Stops the RabbitMQ node started by start.sh for the same RABBITMQ_PORT / RABBITMQ_STATE_DIR, and epmd if
# start.sh started it and no other node still uses it. Keeps the state directory unless RABBITMQ_DELETE_STATE=1.
set -euo pipefail

port=${RABBITMQ_PORT:-5672}
dir=${RABBITMQ_STATE_DIR:-${TMPDIR:-/tmp}/matgen-rabbitmq-$port}
node="matgen-$port@localhost"
export ERL_EPMD_ADDRESS=127.0.0.1

if [ -f "$dir/server.pid" ]; then
  pid=$(cat "$dir/server.pid")
  if kill -0 "$pid" 2>/dev/null; then
    /usr/lib/rabbitmq/bin/rabbitmqctl -n "$node" shutdown --timeout 20 >/dev/null 2>&1 || kill -- -"$pid" 2>/dev/null || true
    for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -9 -- -"$pid" 2>/dev/null || true
    echo "rabbitmq: stopped node $node (pid $pid)"
  fi
  rm -f "$dir/server.pid"
fi

if [ -f "$dir/epmd-started-by-us" ]; then
  if ! epmd -names 2>/dev/null | grep -q '^name '; then
    epmd -kill >/dev/null 2>&1 || true
  fi
  rm -f "$dir/epmd-started-by-us"
fi

if [ "${RABBITMQ_DELETE_STATE:-0}" = "1" ]; then
  rm -rf "$dir"
fi
