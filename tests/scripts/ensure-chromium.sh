#!/usr/bin/env bash
# Browser tests drive Debian's chromium through playwright-core (Playwright's own browser
# download cannot work on machines without general internet access).
# Noto fonts: without them Malayalam, Telugu, Arabic... render as boxes in screenshots.
set -euo pipefail
PACKAGES="chromium fonts-noto-core fonts-noto-color-emoji"
if command -v chromium >/dev/null 2>&1 && fc-list 2>/dev/null | grep -qi "NotoSansMalayalam"; then exit 0; fi
if [ "$(id -u)" != "0" ]; then
  echo "chromium or fonts are missing: run 'sudo apt-get install -y $PACKAGES' and try again." >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq $PACKAGES >/dev/null
chromium --version
