#!/usr/bin/env bash
# Makes sure LibreOffice (`soffice`) exists for the test that opens the CLI's workbook in a second
# spreadsheet program (e2e/libreoffice.test.ts). Looks at $SOFFICE_PATH, then `soffice` on the PATH.
# When none is there and we are root on Debian/Ubuntu, installs Debian's `libreoffice-calc-nogui`;
# otherwise says how and fails.
set -euo pipefail

find_soffice() {
  for candidate in "${SOFFICE_PATH:-}" "$(command -v soffice 2>/dev/null || true)" /usr/bin/soffice /usr/lib/libreoffice/program/soffice; do
    if [ -n "$candidate" ] && [ -x "$candidate" ]; then
      echo "$candidate"
      return 0
    fi
  done
  return 1
}

if path="$(find_soffice)"; then
  echo "libreoffice: $path"
  exit 0
fi

if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "libreoffice: not found, installing Debian's libreoffice-calc-nogui package…"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update
  apt-get install -y --no-install-recommends libreoffice-calc-nogui
  if path="$(find_soffice)"; then
    echo "libreoffice: $path"
    exit 0
  fi
  echo "libreoffice: apt-get finished but no soffice binary was found" >&2
  exit 1
fi

cat >&2 <<'MSG'
libreoffice: not found. The workbook test opens the CLI's .xlsx in LibreOffice (headless, to PDF):
  Debian/Ubuntu:  sudo apt-get install -y --no-install-recommends libreoffice-calc-nogui
  elsewhere:      install LibreOffice and set SOFFICE_PATH=/path/to/soffice
MSG
exit 1
