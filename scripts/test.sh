#!/usr/bin/env bash
# Builds the solution and runs every test project. Prints one closing line "tests: N passed, N failed".
# Usage: bash scripts/test.sh [extra dotnet test arguments]
set -uo pipefail
cd "$(dirname "$0")/.."

bash scripts/bootstrap.sh || exit 1

log=$(mktemp)
trap 'rm -f "$log"' EXIT

dotnet test MatGenDiscovery.sln -c Release --nologo "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# dotnet test prints one summary line per test assembly: "Passed!  - Failed: 0, Passed: 12, Skipped: 0, ..."
read -r passed failed skipped < <(awk '
  /(Passed|Failed)! +- Failed:/ {
    for (i = 1; i <= NF; i++) {
      if ($i == "Failed:")  { f += $(i+1) }
      if ($i == "Passed:")  { p += $(i+1) }
      if ($i == "Skipped:") { s += $(i+1) }
    }
  }
  END { printf "%d %d %d\n", p, f, s }' "$log")

if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  failed=1  # the build or a test host failed before any test could report
fi
echo "tests: ${passed} passed, ${failed} failed, ${skipped} skipped"
exit "$status"
