#!/usr/bin/env bash
# The full test suite: unit and conformance tests, then the interop and end-to-end scripts.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
swift build
swift test
# Real-browser test of the annotation preview page (installs Debian's chromium when missing).
scripts/browser_test.sh
