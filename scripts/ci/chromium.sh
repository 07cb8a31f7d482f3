#!/usr/bin/env bash
# Installs Debian's Chromium for the browser tests (tests/StrategicCities.Browser.Tests) when it is missing.
# Non-interactive; the tests drive /usr/bin/chromium through Playwright and never download a browser.
set -euo pipefail
if [[ -x /usr/bin/chromium ]]; then
  echo "chromium: $(/usr/bin/chromium --version 2>/dev/null | tail -n 1)"
  exit 0
fi
sudo=""
if [[ $(id -u) -ne 0 ]]; then sudo="sudo -n"; fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -q
$sudo apt-get install -y -q --no-install-recommends chromium fonts-dejavu-core
echo "chromium: $(/usr/bin/chromium --version 2>/dev/null | tail -n 1)"
