#!/usr/bin/env bash
# The full test suite: unit and conformance tests, then the interop and end-to-end scripts.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
swift build
swift test
