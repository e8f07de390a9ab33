#!/usr/bin/env bash
# Installs Debian's chromium for the browser tests when missing and possible; never fails:
# without it those tests are skipped with a reason.
if command -v chromium >/dev/null 2>&1; then exit 0; fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian's chromium for the browser tests..."
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium) >/dev/null 2>&1 \
    || echo "chromium could not be installed: browser tests will be skipped"
else
  echo "chromium not found (and not root): browser tests will be skipped"
fi
exit 0
