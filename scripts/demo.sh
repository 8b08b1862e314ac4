#!/usr/bin/env bash
# locctl's main job on the bundled example episode: set up a fresh machine, build, then find the cultural
# symbols, localize the English track for en-US, write pop-up note sidecars for every shipped region, an
# HTML preview, and a region audit. Everything lands in out/.
set -euo pipefail
cd "$(dirname "$0")/.."
LOCCTL_NO_BROWSER=1 scripts/setup.sh
swift build -c release --product locctl
locctl="$(swift build -c release --show-bin-path)/locctl"
ep=examples/son-in-law
mkdir -p out

echo "== 1. cultural symbols in the Chinese source (first 12)"
"$locctl" symbols match --file "$ep/ep01.zh.srt" | head -n 12

echo "== 2. localize the English track for en-US (glossary renderings, 9:16 line limits, timing)"
"$locctl" localize "$ep/ep01.en.srt" --source "$ep/ep01.zh.srt" --region en-US -o out/ep01.en-US.srt || true

echo "== 3. pop-up cultural notes for every shipped region"
"$locctl" annotate "$ep/ep01.en.srt" --source "$ep/ep01.zh.srt" --regions all --out-dir out/notes

echo "== 4. preview page (open it in a browser)"
"$locctl" preview "$ep/ep01.en.srt" --source "$ep/ep01.zh.srt" --region en-US -o out/preview.html

echo "== 5. audit for en-US"
"$locctl" audit "$ep/ep01.en.srt" --source "$ep/ep01.zh.srt" --region en-US --fail-on never -o out/audit.en-US.html --format html
"$locctl" audit "$ep/ep01.en.srt" --source "$ep/ep01.zh.srt" --region en-US --fail-on never | tail -n 25
echo "== done: see out/ (notes/, ep01.en-US.srt, preview.html, audit.en-US.html)"
