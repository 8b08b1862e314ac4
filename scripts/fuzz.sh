#!/usr/bin/env bash
# Builds the libFuzzer executable (AddressSanitizer + coverage) and fuzzes each input kind.
#
#   scripts/fuzz.sh [SECONDS] [TARGET...]     default: 300 s per target, every target
#   scripts/fuzz.sh 30                        CI-sized run
#
# Targets: codec:srt codec:ttml codec:ass codec:vtt (skipped until WebVTT is registered), text-decoder,
# sniff, xml, glossary, region, matcher, tbx. A target whose codec or data is missing exits 77 and is skipped.
# Fails on any crash, hang (-timeout=5 per input) or memory blow-up (-rss_limit_mb=2048); the input is
# kept in .build-fuzz/artifacts/TARGET/ — add it under Tests/ReliabilityTests/Fixtures/fuzz-regressions/
# TARGET/ once fixed, so the ordinary test suite replays it.
set -uo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-300}"
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  targets=(codec:srt codec:vtt codec:ttml codec:ass text-decoder sniff xml glossary region matcher tbx)
fi
scratch=.build-fuzz
jobs="${FUZZ_BUILD_JOBS:-2}"

echo "== building locctl-fuzz (libFuzzer + ASan) in $scratch"
swift build -c debug -j "$jobs" --scratch-path "$scratch" --product locctl-fuzz \
  -Xswiftc -sanitize=fuzzer,address -Xswiftc -DLOCCTL_FUZZ || exit 2
bin="$scratch/debug/locctl-fuzz"

# Seed directories per target: small license-compatible copies in Fuzz/Corpus, plus the project's own files.
seeds() {
  case "$1" in
    codec:srt) echo Fuzz/Corpus/srt examples/son-in-law ;;
    codec:vtt) echo Fuzz/Corpus/vtt ;;
    codec:ttml|xml) echo Fuzz/Corpus/ttml ;;
    codec:ass) echo Fuzz/Corpus/ass ;;
    text-decoder|sniff) echo Fuzz/Corpus/srt Fuzz/Corpus/vtt Fuzz/Corpus/ttml Fuzz/Corpus/ass Fuzz/Corpus/encodings examples/son-in-law ;;
    glossary) echo Fuzz/Corpus/yaml glossaries ;;
    region) echo regions ;;
    matcher) echo Fuzz/Corpus/text examples/son-in-law ;;
    tbx) echo Tests/SymbolDBTests/Fixtures/TBX ;;
  esac
}
maxlen() {
  case "$1" in
    glossary|region) echo 16384 ;;
    matcher) echo 4096 ;;
    *) echo 8192 ;;   # the readers are linear; small inputs give far more runs per second
  esac
}

status=0
summary=()
for t in "${targets[@]}"; do
  safe="${t//:/-}"
  work="$scratch/corpus/$safe"; artifacts="$scratch/artifacts/$safe/"
  mkdir -p "$work" "$artifacts"
  dirs=()
  for d in $(seeds "$t"); do [ -d "$d" ] && dirs+=("$d"); done
  log="$scratch/logs/$safe.log"; mkdir -p "$(dirname "$log")"
  echo "== $t for ${seconds}s"
  LOCCTL_FUZZ_TARGET="$t" LOCCTL_ROOT="$PWD" ASAN_OPTIONS="detect_leaks=0:allocator_may_return_null=1" \
    "$bin" -max_total_time="$seconds" -timeout=5 -rss_limit_mb=2048 -max_len="$(maxlen "$t")" \
    -artifact_prefix="$artifacts" -print_final_stats=1 "$work" "${dirs[@]}" >"$log" 2>&1
  rc=$?
  execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1)
  if [ $rc -eq 77 ]; then
    summary+=("$t: skipped ($(grep -m1 unavailable "$log" | sed 's/.*unavailable: //'))")
  elif [ $rc -ne 0 ]; then
    status=1
    summary+=("$t: FAILED (exit $rc, ${execs:-?} runs) — see $log and $artifacts")
    grep -m3 -E 'ERROR|SUMMARY|Fatal error|timeout|out-of-memory' "$log" | sed 's/^/    /'
  else
    summary+=("$t: ok, ${execs:-?} runs in ${seconds}s, corpus $(ls "$work" | wc -l) files")
  fi
done
echo "== summary"
printf '%s\n' "${summary[@]}"
exit $status
