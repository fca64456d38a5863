#!/usr/bin/env bash
# Stops the Azurite instance started by start.sh for the same AZURITE_BLOB_PORT / AZURITE_STATE_DIR (SIGTERM, so it
# saves its metadata; SIGKILL after 10 s). Keeps the data unless AZURITE_DELETE_STATE=1.
set -euo pipefail

port=${AZURITE_BLOB_PORT:-10000}
dir=${AZURITE_STATE_DIR:-${TMPDIR:-/tmp}/matgen-azurite-$port}

if [ -f "$dir/azurite.pid" ]; then
  pid=$(cat "$dir/azurite.pid")
  if kill -0 "$pid" 2>/dev/null; then
    kill -- -"$pid" 2>/dev/null || kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    kill -9 -- -"$pid" 2>/dev/null || true
    echo "azurite: stopped (pid $pid)"
  fi
  rm -f "$dir/azurite.pid"
fi

if [ "${AZURITE_DELETE_STATE:-0}" = "1" ]; then
  rm -rf "$dir"
fi
