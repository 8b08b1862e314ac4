#!/usr/bin/env bash
# Real-browser test of `locctl preview`: Chromium (headless) loads the generated page with ?test=1; the page
# steps through every planned note, and writes what the browser itself parsed and showed (TextTrack cue
# counts, active cues, the shown note, cuechange events) into <pre id="observations">, ending with
# "RESULT: PASS" or "RESULT: FAIL". A screenshot of a shown note goes to out/preview.png.
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=${OUT:-out}
REGION=${REGION:-en-US}
mkdir -p "$OUT"

if ! command -v chromium >/dev/null 2>&1; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
fi

swift build --product locctl >/dev/null
LOCCTL="$(swift build --show-bin-path)/locctl"

PAGE="$OUT/preview.html"
"$LOCCTL" preview examples/son-in-law/ep01.en.srt --source examples/son-in-law/ep01.zh.srt --region "$REGION" -o "$PAGE"
"$LOCCTL" annotate examples/son-in-law/ep01.en.srt --source examples/son-in-law/ep01.zh.srt --region "$REGION" \
  --format json --out-dir "$OUT" --quiet
PLANNED=$(python3 -c "import json,sys; print(len(json.load(open(sys.argv[1]))['notes']))" "$OUT/ep01.$REGION.notes.json")

URL="file://$PWD/$PAGE?test=1"
FLAGS=(--headless=new --no-sandbox --disable-gpu --autoplay-policy=no-user-gesture-required
       --allow-file-access-from-files --no-first-run --disable-dev-shm-usage --hide-scrollbars)
CHROMIUM_USER_DIR=$(mktemp -d)
trap 'rm -rf "$CHROMIUM_USER_DIR"' EXIT

# Headless Chromium advances virtual time while the media pipeline seeks in real time; on a loaded machine
# a seek can miss its window. The page reports exactly what the browser showed; a failed run is retried
# (at most 3 attempts, each printed) so that load noise is told apart from a real failure, which fails
# every attempt.
check() {
  python3 - "$OUT/preview.dom.html" "$PLANNED" <<'PY'
import html, re, sys
dom = open(sys.argv[1], encoding="utf-8").read()
planned = int(sys.argv[2])
m = re.search(r'<pre id="observations">(.*?)</pre>', dom, re.S)
if not m:
    sys.exit("browser test: no observations in the page (did the script run?)")
obs = html.unescape(m.group(1))
print(obs)
def need(cond, what):
    if not cond:
        sys.exit("browser test FAILED: " + what)
need("tracks loaded: subtitles=true metadata=true" in obs, "tracks did not load")
need(f"metadata cues: {planned}" in obs, f"metadata cue count is not the planned {planned}")
need(len(re.findall(r"^ok   note ", obs, re.M)) == planned, "not every note was active and shown at its start")
need("RESULT: PASS" in obs, "the page reported a failure")
print(f"browser test: PASS ({planned} notes)")
PY
}
passed=0
for attempt in 1 2 3; do
  echo "-- attempt $attempt"
  timeout 120 chromium "${FLAGS[@]}" --user-data-dir="$CHROMIUM_USER_DIR" --virtual-time-budget=300000 \
    --dump-dom "$URL" > "$OUT/preview.dom.html" 2> "$OUT/chromium.log" || true
  if check; then passed=1; break; fi
done
[ "$passed" = 1 ] || { echo "browser test FAILED on every attempt"; exit 1; }

# Screenshot: hold on the first note.
timeout 120 chromium "${FLAGS[@]}" --user-data-dir="$CHROMIUM_USER_DIR" --virtual-time-budget=300000 \
  --window-size=420,900 --screenshot="$PWD/$OUT/preview.png" "file://$PWD/$PAGE?test=1&hold=0" >> "$OUT/chromium.log" 2>&1 || true
test -s "$OUT/preview.png" && echo "screenshot: $OUT/preview.png"
