#!/usr/bin/env bash
# Real-browser test of the notes player plug-in (player/locctl-notes.js) and of `locctl preview` pages built from
# it: headless Chromium driven by chromedriver through Selenium (scripts/player_test.py), on a 9:16 WebM clip
# with a burnt-in timecode made by ffmpeg, with the example episode's subtitles and notes. Every wait is on a
# browser event; there are no retries. RUNS=10 repeats the whole test in fresh browsers (all must pass).
# Needs chromium, chromium-driver, ffmpeg, fonts-noto-core, fonts-noto-cjk and selenium (scripts/setup.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=${OUT:-out/player-test}
RUNS=${RUNS:-1}
for tool in chromium chromedriver ffmpeg; do
  command -v "$tool" >/dev/null 2>&1 || { echo "browser test: $tool is missing; run scripts/setup.sh" >&2; exit 2; }
done
python3 -c "import selenium" 2>/dev/null || { echo "browser test: selenium is missing; run scripts/setup.sh" >&2; exit 2; }

swift build --product locctl >/dev/null
LOCCTL="$(swift build --show-bin-path)/locctl"
python3 scripts/player_test.py --locctl "$LOCCTL" --out "$OUT" --runs "$RUNS"
