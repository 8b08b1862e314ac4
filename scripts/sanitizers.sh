#!/usr/bin/env bash
# Runs the whole test suite under AddressSanitizer, then ThreadSanitizer, each in its own scratch path.
#
#   scripts/sanitizers.sh            both
#   scripts/sanitizers.sh address    one of them (address | thread)
#
# Heavy hostile-input tests (50 MB line, 10^6 cues, the 40-file interruption batch) are slow under the
# sanitizers; LOCCTL_HEAVY_TESTS=0 skips them and LOCCTL_TIME_FACTOR scales the time limits of the rest.
# SANITIZER_FILTER=REGEX runs only the tests whose Module.Suite/test name matches (swift test --filter).
set -euo pipefail
cd "$(dirname "$0")/.."
kinds=("$@")
[ $# -eq 0 ] && kinds=(address thread)
jobs="${SANITIZER_BUILD_JOBS:-2}"
for kind in "${kinds[@]}"; do
  case "$kind" in
    address) scratch=.build-asan; export ASAN_OPTIONS="detect_leaks=0:abort_on_error=1:${ASAN_OPTIONS:-}" ;;
    thread) scratch=.build-tsan; export TSAN_OPTIONS="halt_on_error=1:second_deadlock_stack=1:${TSAN_OPTIONS:-}" ;;
    *) echo "unknown sanitizer '$kind' (address | thread)" >&2; exit 64 ;;
  esac
  echo "== $kind sanitizer ($scratch)"
  start=$(date +%s)
  swift build --build-tests -j "$jobs" --sanitize="$kind" --scratch-path "$scratch"
  built=$(date +%s)
  filter=()
  [ -n "${SANITIZER_FILTER:-}" ] && filter=(--filter "$SANITIZER_FILTER")
  LOCCTL_HEAVY_TESTS="${LOCCTL_HEAVY_TESTS:-0}" LOCCTL_TIME_FACTOR="${LOCCTL_TIME_FACTOR:-10}" \
    swift test --skip-build --sanitize="$kind" --scratch-path "$scratch" "${filter[@]}"
  end=$(date +%s)
  echo "== $kind: build $((built - start)) s, tests $((end - built)) s"
done
