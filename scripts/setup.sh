#!/usr/bin/env bash
# Installs the system packages locctl needs (Debian/Ubuntu) when they are missing.
set -euo pipefail
need=()
for pkg in libicu-dev libxml2-dev libopencc-dev libsqlite3-dev pkg-config; do
  dpkg -s "$pkg" >/dev/null 2>&1 || need+=("$pkg")
done
if [ ${#need[@]} -gt 0 ]; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}"
fi
