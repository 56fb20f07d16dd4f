#!/usr/bin/env bash
# Makes sure LibreOffice (soffice) exists for the tests that open a workbook in a second spreadsheet
# program (e2e/web-page.test.ts saves a report with it). Like install-chromium.sh: uses what is there,
# installs Debian's libreoffice-calc-nogui when root on Debian/Ubuntu, otherwise says how and fails.
set -euo pipefail

if command -v soffice >/dev/null 2>&1; then
  echo "soffice: $(command -v soffice) ($(soffice --version 2>/dev/null | head -1 || echo 'version unknown'))"
  exit 0
fi

if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "soffice: not found, installing Debian's libreoffice-calc-nogui package…"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update
  apt-get install -y --no-install-recommends libreoffice-calc-nogui
  command -v soffice >/dev/null 2>&1 && exit 0
fi

echo "soffice (LibreOffice) not found: install it (Debian/Ubuntu: sudo apt-get install libreoffice-calc-nogui)" >&2
exit 1
