#!/usr/bin/env bash
# Starts Azurite's blob service on 127.0.0.1 and waits until it answers. Idempotent: does nothing if the instance
# of this state directory is already running. Installs Azurite into infra/node_modules (npm ci) on first use.
#
# Environment (all optional):
#   AZURITE_BLOB_PORT      blob port (default 10000)
#   AZURITE_STATE_DIR      data, log and pid file (default ${TMPDIR:-/tmp}/matgen-azurite-PORT)
#   AZURITE_START_TIMEOUT  seconds to wait for readiness (default 30)
# Connection string (Azurite's well-known development account, not a secret):
#   DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:PORT/devstoreaccount1;
set -euo pipefail
infra="$(cd "$(dirname "$0")/.." && pwd)"

port=${AZURITE_BLOB_PORT:-10000}
dir=${AZURITE_STATE_DIR:-${TMPDIR:-/tmp}/matgen-azurite-$port}
timeout=${AZURITE_START_TIMEOUT:-30}
bin="$infra/node_modules/.bin/azurite-blob"

if [ ! -x "$bin" ]; then
  if ! command -v npm >/dev/null 2>&1; then
    echo "azurite: npm is not on PATH; install Node.js 20+ and npm" >&2
    exit 1
  fi
  echo "azurite: installing into $infra/node_modules (npm ci)..." >&2
  (cd "$infra" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
fi

ready() { curl -s -o /dev/null --max-time 2 "http://127.0.0.1:$port/devstoreaccount1?comp=list" 2>/dev/null; }

mkdir -p "$dir/data"
if [ -f "$dir/azurite.pid" ] && kill -0 "$(cat "$dir/azurite.pid")" 2>/dev/null; then
  echo "azurite: already running (pid $(cat "$dir/azurite.pid")) on http://127.0.0.1:$port/devstoreaccount1"
  exit 0
fi

setsid "$bin" --blobHost 127.0.0.1 --blobPort "$port" --location "$dir/data" --skipApiVersionCheck --silent \
  >"$dir/azurite.log" 2>&1 < /dev/null &
echo $! > "$dir/azurite.pid"

deadline=$((SECONDS + timeout))
until ready; do
  if ! kill -0 "$(cat "$dir/azurite.pid")" 2>/dev/null; then
    echo "azurite: exited during startup; see $dir/azurite.log:" >&2
    tail -n 20 "$dir/azurite.log" >&2
    rm -f "$dir/azurite.pid"
    exit 1
  fi
  if [ "$SECONDS" -ge "$deadline" ]; then
    echo "azurite: not ready after ${timeout} s; see $dir/azurite.log" >&2
    exit 1
  fi
  sleep 0.2
done
echo "azurite: listening on http://127.0.0.1:$port/devstoreaccount1 (pid $(cat "$dir/azurite.pid"), state $dir)"
