#!/usr/bin/env bash
# Peak resident memory (RSS) and wall time of locctl commands on one big generated series (issue 16).
# Usage: scripts/bench-rss.sh [CUES] [LOCCTL]   (default 1000000 cues, .build/release/locctl or .build/debug/locctl)
# BENCH_CONVERT_ONLY=1 runs only the conversions SRT→VTT/SRT and TTML→SRT/VTT, streamed and whole-file
# (LOCCTL_STREAMING=0), and checks that both give the same bytes (the TTML is the generator's big.zh.ttml).
# BENCH_CORPUS=DIR reuses a corpus made earlier by gen_corpus.py --big-cues CUES (generating 10^6 cues takes minutes).
# Build the release binary first for figures worth quoting: swift build -c release --product locctl
# Needs python3 and GNU time (/usr/bin/time). Numbers are printed, never asserted: timing does not belong in tests.
set -euo pipefail
cues=${1:-1000000}
root=$(cd "$(dirname "$0")/.." && pwd)
bin=${2:-}
if [[ -z $bin ]]; then
  bin=$root/.build/release/locctl
  [[ -x $bin ]] || bin=$root/.build/debug/locctl
fi
work=$(mktemp -d "${TMPDIR:-/tmp}/locctl-rss.XXXXXX")
trap 'rm -rf "$work"' EXIT
corpus=${BENCH_CORPUS:-$work/corpus}
[[ -n ${BENCH_CORPUS:-} ]] || python3 /work/shared/bench/gen_corpus.py --out "$corpus" --big-cues "$cues" >/dev/null 2>&1
big=$corpus/big.en.srt
[[ -n $big ]] || { echo "no big SRT generated" >&2; exit 1; }
echo "input: $big ($(du -h "$big" | cut -f1), $(grep -c -- '-->' "$big") cues), binary: $bin"
export LOCCTL_MAX_INPUT_MB=${LOCCTL_MAX_INPUT_MB:-4096}
measure() {
  local name=$1; shift
  local status=0
  /usr/bin/time -f '%M %e' -o "$work/time" "$@" >/dev/null 2>"$work/stderr" || status=$?
  read -r kb seconds < <(tail -1 "$work/time")
  printf '%-22s peak RSS %6d MiB  %7.1f s  exit %d\n' "$name" $((kb / 1024)) "$seconds" "$status"
}
measure "convert srt→vtt" "$bin" convert "$big" -o "$work/out.vtt" --force
measure "convert srt→srt" "$bin" convert "$big" -o "$work/out.srt" --force
measure "  whole-file srt→vtt" env LOCCTL_STREAMING=0 "$bin" convert "$big" -o "$work/whole.vtt" --force
measure "  whole-file srt→srt" env LOCCTL_STREAMING=0 "$bin" convert "$big" -o "$work/whole.srt" --force
cmp -s "$work/out.vtt" "$work/whole.vtt" && echo "  srt→vtt: streamed = whole-file bytes" || echo "  srt→vtt: OUTPUTS DIFFER"
cmp -s "$work/out.srt" "$work/whole.srt" && echo "  srt→srt: streamed = whole-file bytes" || echo "  srt→srt: OUTPUTS DIFFER"
ttml=$corpus/big.zh.ttml
echo "input: $ttml ($(du -h "$ttml" | cut -f1), $(grep -c '<p ' "$ttml") paragraphs)"
measure "convert ttml→srt" "$bin" convert "$ttml" -o "$work/t.srt" --force
measure "convert ttml→vtt" "$bin" convert "$ttml" -o "$work/t.vtt" --force
measure "  whole-file ttml→srt" env LOCCTL_STREAMING=0 "$bin" convert "$ttml" -o "$work/tw.srt" --force
measure "  whole-file ttml→vtt" env LOCCTL_STREAMING=0 "$bin" convert "$ttml" -o "$work/tw.vtt" --force
cmp -s "$work/t.srt" "$work/tw.srt" && echo "  ttml→srt: streamed = whole-file bytes" || echo "  ttml→srt: OUTPUTS DIFFER"
cmp -s "$work/t.vtt" "$work/tw.vtt" && echo "  ttml→vtt: streamed = whole-file bytes" || echo "  ttml→vtt: OUTPUTS DIFFER"
[[ ${BENCH_CONVERT_ONLY:-0} == 1 ]] && exit 0
measure "convert srt→ttml" "$bin" convert "$big" -o "$work/out.ttml" --force
measure "convert ttml→srt" "$bin" convert "$work/out.ttml" -o "$work/back.srt" --force
measure "localize en-US" "$bin" localize "$big" --region en-US -o "$work/loc.srt" --report-file "$work/changes.txt"
measure "audit en-US (json)" "$bin" audit "$big" --region en-US --format json -o "$work/audit.json" --fail-on never
echo "  json report: $(du -h "$work/audit.json" | cut -f1)"
rm -f "$work/audit.json"
measure "audit en-US (sarif)" "$bin" audit "$big" --region en-US --format sarif -o "$work/audit.sarif" --fail-on never
rm -f "$work/audit.sarif"
measure "audit en-US (text)" "$bin" audit "$big" --region en-US -o "$work/audit.txt" --fail-on never
rm -f "$work/audit.txt"
measure "audit en+zh (json)" "$bin" audit "$big" --source "$corpus/big.zh.srt" --region en-US --format json -o "$work/audit.json" --fail-on never
rm -f "$work/audit.json"
measure "annotate en-US (json)" "$bin" annotate "$big" --region en-US --out-dir "$work/notes" --format json
