#!/usr/bin/env bash
# The main job: a quick active-learning discovery campaign for photovoltaic absorbers (band gap 1.5–2.0 eV)
# on the bundled data, in one process with the embedded grain runtime and a file-system store (no servers).
# Usage: bash scripts/run-main.sh [extra `matgen campaign start` options]
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/bootstrap.sh
dotnet build src/MatGenDiscovery.Cli -c Release --nologo -v quiet -clp:ErrorsOnly
dotnet run --project src/MatGenDiscovery.Cli -c Release --no-build -- \
  campaign start --config experiments/campaign-bandgap-quick.json --store runs/store "$@"
