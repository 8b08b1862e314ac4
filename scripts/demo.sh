#!/usr/bin/env bash
# locctl's main job on the bundled example episode: set up, build, then localize, annotate and audit
# the English track of examples/son-in-law against its Chinese source for every shipped region.
# Outputs go to out/ (sidecar notes, localized tracks, audit reports, an HTML preview).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
swift build -c release --product locctl
locctl="$(swift build -c release --show-bin-path)/locctl"
ep=examples/son-in-law
mkdir -p out
has() { "$locctl" help "$1" >/dev/null 2>&1; }
echo "== symbols found in the Chinese source"
"$locctl" symbols match --file "$ep/ep01.zh.srt" | head -n 20
if has localize; then
  echo "== localize for en-US (glossary, wrap, timing)"
  "$locctl" localize "$ep/ep01.en.srt" --source "$ep/ep01.zh.srt" --region en-US -o out/ep01.en-US.srt || true
fi
if has annotate; then
  echo "== cultural pop-up notes for every region"
  "$locctl" annotate "$ep/ep01.en.srt" --source "$ep/ep01.zh.srt" --regions all --out-dir out/notes
fi
if has preview; then
  "$locctl" preview "$ep/ep01.en.srt" --source "$ep/ep01.zh.srt" --region en-US -o out/preview.html
  echo "preview: out/preview.html"
fi
if has audit; then
  echo "== audit for en-US"
  "$locctl" audit "$ep/ep01.en.srt" --source "$ep/ep01.zh.srt" --region en-US --fail-on never
fi
echo "== outputs in out/"
