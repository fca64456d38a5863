#!/usr/bin/env bash
# Prepares a fresh machine: checks the .NET SDK and restores packages.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v dotnet >/dev/null 2>&1; then
  echo "error: the .NET SDK is not on PATH; install .NET SDK 10.0 (global.json pins 10.0.401)" >&2
  exit 1
fi

# Packages the NuGet mirror lacks (System.IO.Hashing for Azure.Storage.Blobs) come from a local feed.
bash scripts/pack-local-packages.sh

dotnet restore MatGenDiscovery.sln --nologo -v quiet
