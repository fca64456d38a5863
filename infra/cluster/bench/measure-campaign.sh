#!/usr/bin/env bash
# One process vs campaign host + 2 `matgen silo` workers (RabbitMQ + Azurite on loopback), same config and seed.
# Prints wall time and result digest per mode; every digest must be the same.
# Usage: bash infra/cluster/bench/measure-campaign.sh [OUT_DIR]   (build first: dotnet build src/MatGenDiscovery.Cli -c Release)
set -euo pipefail
repo=$(cd "$(dirname "$0")/../../.." && pwd)
here=$repo/infra/cluster/bench
out=${1:-$repo/runs/dist-bench}
mkdir -p "$out"
matgen="dotnet $repo/src/MatGenDiscovery.Cli/bin/Release/net10.0/matgen.dll"
config=$here/campaign-dist-bench.json
export MATGEN_DATA=$repo/data
rport=${RPORT:-25672}; aport=${APORT:-20100}
export RABBITMQ_PORT=$rport RABBITMQ_STATE_DIR=$out/rabbit MATGEN_RABBITMQ_USER=bench MATGEN_RABBITMQ_PASSWORD=bench-$RANDOM$RANDOM MATGEN_RABBITMQ_VHOST=bench
export AZURITE_BLOB_PORT=$aport AZURITE_STATE_DIR=$out/azurite
bash "$repo/infra/rabbitmq/start.sh" >/dev/null
bash "$repo/infra/azurite/start.sh" >/dev/null
broker="amqp://bench:$MATGEN_RABBITMQ_PASSWORD@127.0.0.1:$rport/bench"
# Azurite's published development account key (not a secret).
export MATGEN_BLOB_CONNECTION_STRING="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:$aport/devstoreaccount1;"
cleanup() {
  for p in $(jobs -p); do kill -TERM "$p" 2>/dev/null || true; done
  sleep 3
  RABBITMQ_DELETE_STATE=1 bash "$repo/infra/rabbitmq/stop.sh" >/dev/null || true
  AZURITE_DELETE_STATE=1 bash "$repo/infra/azurite/stop.sh" >/dev/null || true
}
trap cleanup EXIT

timed() { # label log command...
  local label=$1 log=$2; shift 2
  local s e; s=$(date +%s.%N); "$@" > "$log" 2>&1; e=$(date +%s.%N)
  printf '%-32s %6.1f s  %s\n' "$label" "$(echo "$e - $s" | bc)" "$(grep '^digest' "$log" || echo 'no digest')"
}

workers() { # store tag
  MATGEN_BROKER=$broker $matgen silo --store "$1" > "$out/w1-$2.log" 2>&1 &
  MATGEN_BROKER=$broker $matgen silo --store "$1" > "$out/w2-$2.log" 2>&1 &
  local waited=0
  until grep -q "silo: ready" "$out/w1-$2.log" && grep -q "silo: ready" "$out/w2-$2.log"; do
    sleep 0.5; waited=$((waited + 1))
    if [ $waited -gt 240 ]; then echo "workers not ready after 120 s; see $out/w*-$2.log" >&2; exit 1; fi
  done
}

stop_workers() { for p in $(jobs -p); do kill -TERM "$p" 2>/dev/null || true; done; wait || true; }

rm -rf "$out"/store-*
timed "one process, folder store" "$out/one-fs.log" $matgen campaign start --config "$config" --store "fs:$out/store-one" --id bench
workers "fs:$out/store-dist" fs
timed "host + 2 workers, folder store" "$out/dist-fs.log" $matgen campaign start --config "$config" --store "fs:$out/store-dist" --id bench --broker "$broker"
echo "  batches: worker 1 $(grep -c 'silo: batch' "$out/w1-fs.log"), worker 2 $(grep -c 'silo: batch' "$out/w2-fs.log")"
stop_workers
export MATGEN_BLOB_CONTAINER=one
timed "one process, Azurite" "$out/one-az.log" $matgen campaign start --config "$config" --store azure: --id bench
export MATGEN_BLOB_CONTAINER=dist
workers azure: az
timed "host + 2 workers, Azurite" "$out/dist-az.log" $matgen campaign start --config "$config" --store azure: --id bench --broker "$broker"
echo "  batches: worker 1 $(grep -c 'silo: batch' "$out/w1-az.log"), worker 2 $(grep -c 'silo: batch' "$out/w2-az.log")"
stop_workers
