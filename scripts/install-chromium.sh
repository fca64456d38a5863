#!/usr/bin/env bash
# Installs Debian's chromium for the headless report tests (tests/MatGenDiscovery.Report.Tests).
# Does nothing when /usr/bin/chromium already exists. Playwright's own browser download is never used.
set -euo pipefail

if [ -x /usr/bin/chromium ]; then
  exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "error: /usr/bin/chromium is missing and apt-get is not available to install it" >&2
  exit 1
fi

sudo_cmd=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then
    sudo_cmd="sudo -n"
  else
    echo "error: /usr/bin/chromium is missing; installing it needs root (run: apt-get install -y chromium)" >&2
    exit 1
  fi
fi

# Another process (a parallel test run) may hold the dpkg lock; wait for it rather than fail.
export DEBIAN_FRONTEND=noninteractive
$sudo_cmd apt-get -o DPkg::Lock::Timeout=300 update -qq
$sudo_cmd apt-get -o DPkg::Lock::Timeout=300 install -y -qq --no-install-recommends chromium >/dev/null

if [ ! -x /usr/bin/chromium ]; then
  echo "error: apt-get finished but /usr/bin/chromium is still missing" >&2
  exit 1
fi
echo "chromium installed: $(/usr/bin/chromium --version 2>/dev/null || echo unknown version)"
