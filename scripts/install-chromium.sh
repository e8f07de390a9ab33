#!/usr/bin/env bash
# Installs Debian's chromium for the browser tests (run by .ci/run; run it yourself, as root,
# to have those tests run locally too). Without chromium they are skipped, except in CI.
set -euo pipefail
if command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" != 0 ]; then
  echo "install-chromium: run as root (or: sudo apt-get install -y chromium)" >&2
  exit 1
fi
echo "Installing Debian's chromium for the browser tests..."
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
