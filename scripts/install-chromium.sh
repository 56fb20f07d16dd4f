#!/usr/bin/env bash
# Makes sure a Chromium for the end-to-end tests exists (playwright-core drives it; it downloads nothing).
# Looks at $CHROME_PATH, then Debian's /usr/bin/chromium and /usr/bin/chromium-browser. When none is
# there and we are root on Debian/Ubuntu, installs Debian's `chromium` package; otherwise says how and fails.
set -euo pipefail

find_chromium() {
  for candidate in "${CHROME_PATH:-}" /usr/bin/chromium /usr/bin/chromium-browser; do
    if [ -n "$candidate" ] && [ -x "$candidate" ]; then
      echo "$candidate"
      return 0
    fi
  done
  return 1
}

if path="$(find_chromium)"; then
  echo "chromium: $path ($("$path" --version 2>/dev/null || echo 'version unknown'))"
  exit 0
fi

if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "chromium: not found, installing Debian's chromium package…"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update
  apt-get install -y --no-install-recommends chromium
  if path="$(find_chromium)"; then
    echo "chromium: $path ($("$path" --version 2>/dev/null || echo 'version unknown'))"
    exit 0
  fi
  echo "chromium: apt-get finished but no chromium binary was found" >&2
  exit 1
fi

cat >&2 <<'MSG'
chromium: not found. The end-to-end tests need a Chromium binary:
  Debian/Ubuntu:  sudo apt-get install -y chromium      (or chromium-browser)
  elsewhere:      install Chromium or Chrome and set CHROME_PATH=/path/to/chrome
MSG
exit 1
