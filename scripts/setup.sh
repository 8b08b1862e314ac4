#!/usr/bin/env bash
# Installs what locctl and its test suite need on a fresh Debian/Ubuntu machine, skipping what is there:
# system libraries (ICU, libxml2, OpenCC, SQLite), the OpenCC command-line tool and iconv used by tests,
# Chromium, chromedriver, ffmpeg and the Noto fonts (Latin, Arabic, Thai, CJK) for the real-browser player
# test and the WebVTT interop checks, xmllint (libxml2-utils) for the TTML2 schema test, and the Python peers
# used for interop checks and Selenium.
set -euo pipefail
need=()
for pkg in libicu-dev libxml2-dev libopencc-dev libsqlite3-dev pkg-config opencc libc-bin libxml2-utils python3 python3-pip ${LOCCTL_EXTRA_APT:-}; do
  dpkg -s "$pkg" >/dev/null 2>&1 || need+=("$pkg")
done
if [ "${LOCCTL_NO_BROWSER:-0}" != 1 ]; then
  for pkg in chromium chromium-driver ffmpeg fonts-noto-core fonts-noto-cjk; do
    dpkg -s "$pkg" >/dev/null 2>&1 || need+=("$pkg")
  done
fi
if [ ${#need[@]} -gt 0 ]; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
# Python packages for the interop and schema checks (ttconv reads our TTML/SRT; imschrm checks our TTML against the
# IMSC hypothetical render model; jsonschema validates JSON/SARIF)
# and for the glossary's word-frequency lint (wordfreq; its data is CC BY-SA, so lists are generated, never committed).
python3 - <<'PY' 2>/dev/null || python3 -m pip install -q --disable-pip-version-check ttconv imschrm jsonschema wordfreq 2>/dev/null || python3 -m pip install -q --break-system-packages ttconv imschrm jsonschema wordfreq
import ttconv, imschrm, jsonschema, wordfreq
PY
# Selenium drives Chromium for scripts/player_test.py (through Debian's chromedriver).
if [ "${LOCCTL_NO_BROWSER:-0}" != 1 ]; then
  python3 -c "import selenium" 2>/dev/null || python3 -m pip install -q --disable-pip-version-check selenium 2>/dev/null \
    || python3 -m pip install -q --break-system-packages selenium
fi
