#!/usr/bin/env python3
"""Convert every corpus subtitle file to SRT, WebVTT and TTML with locctl and read each output back with
other tools (ttconv, and ffmpeg where installed), comparing cue counts.

    interop_formats.py --locctl .build/debug/locctl [--corpora DIR] [--out DIR] [--formats srt,vtt,ttml]

For each input locctl can read (`locctl convert IN -o OUT` succeeds), locctl's own count is the "N cues" it
reports. ttconv (`ttconv.srt/vtt/imsc.reader.to_model`) must see as many `<p>` as locctl wrote cues (for SRT
and WebVTT: cues with text, which is all ttconv reads there), and
ffmpeg (`ffmpeg -i OUT -f srt -`) as many cues as it keeps by design (it drops cues without text, a cue
repeating the times and text of the one before, and WebVTT cues whose id starts with NOTE;
WebVTT outputs with STYLE/REGION blocks, which Debian's ffmpeg 5.1 cannot read, are counted apart). Inputs
locctl refuses are counted, not compared. Prints one `[interop]` line per mismatch and a summary per reader and
format; exits 1 when any count differs.

Install: pip install ttconv; ffmpeg from the distribution (optional).
"""
import argparse
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as et

import ttconv.imsc.reader as imsc_reader
import ttconv.model as model
import ttconv.srt.reader as srt_reader
import ttconv.vtt.reader as vtt_reader

READABLE = {".srt", ".vtt", ".webvtt", ".ttml", ".dfxp", ".imsc", ".xml", ".ass", ".ssa"}
EXT = {"srt": ".srt", "vtt": ".vtt", "ttml": ".ttml"}


def ttconv_count(path: str) -> int:
    """Number of <p> in ttconv's model of the file."""
    if path.endswith(".ttml"):
        doc = imsc_reader.to_model(et.parse(path))
    else:
        with open(path, encoding="utf-8") as f:
            doc = (srt_reader if path.endswith(".srt") else vtt_reader).to_model(f)
    if doc is None or doc.get_body() is None:
        return 0

    def walk(element) -> int:
        if isinstance(element, model.P):
            return 1
        return sum(walk(c) for c in element if isinstance(c, model.ContentElement) and not isinstance(c, model.Text))

    return walk(doc.get_body())


def ffmpeg_count(path: str) -> int | None:
    proc = subprocess.run(["ffmpeg", "-nostdin", "-v", "error", "-i", path, "-f", "srt", "-"], capture_output=True, text=True)
    if proc.returncode != 0:
        return None
    return sum(1 for line in proc.stdout.split("\n") if " --> " in line)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--locctl", required=True)
    ap.add_argument("--corpora", default=os.environ.get("LOCCTL_CORPORA", os.path.join(os.path.dirname(__file__), "../../shared/corpora")))
    ap.add_argument("--out", default="interop-formats-out")
    ap.add_argument("--formats", default="srt,vtt,ttml")
    args = ap.parse_args()
    formats = args.formats.split(",")
    have_ffmpeg = shutil.which("ffmpeg") is not None
    os.makedirs(args.out, exist_ok=True)
    inputs = sorted(os.path.join(d, f) for d, _, fs in os.walk(args.corpora) for f in fs if os.path.splitext(f)[1].lower() in READABLE)
    refused = 0
    ffmpeg_blocks = 0
    stats = {}  # (reader, format) -> [same, total]
    failures = 0
    for i, src in enumerate(inputs):
        stem = f"{i}-{os.path.splitext(os.path.basename(src))[0]}"
        for fmt in formats:
            out = os.path.join(args.out, stem + EXT[fmt])
            proc = subprocess.run([args.locctl, "convert", src, "-o", out, "--force"], capture_output=True, text=True)
            if proc.returncode != 0:
                refused += 1
                break
            m = re.search(r"\((\w+), [^,]+, (\d+) cues\)", proc.stdout)
            written = int(m.group(2)) if m else None
            if fmt == "ttml":
                # ttconv leaves out paragraphs that start and end at the same time.
                with open(out, encoding="utf-8") as f:
                    times = re.findall(r'<p [^>]*?begin="([^"]*)"(?: [^>]*?end="([^"]*)")?', f.read())
                checks = [("ttconv", ttconv_count, sum(1 for b, e in times if b != e))]
            else:
                # ttconv's SRT and WebVTT readers skip cues without text.
                with open(out, encoding="utf-8") as f:
                    blocks = re.split(r"\n\n+", f.read().replace("\r\n", "\n"))
                if fmt == "vtt":
                    blocks = blocks[1:]  # the header block, never a cue
                with_text = 0
                for block in blocks:
                    lines = [l for l in block.split("\n") if l.strip()]
                    timing = next((k for k, l in enumerate(lines) if " --> " in l), None)
                    if timing is not None and timing + 1 < len(lines):
                        with_text += 1
                checks = [("ttconv", ttconv_count, with_text)]
            # ffmpeg skips cues without text and exact repeats (same times and text); Debian's ffmpeg 5.1
            # stops at a WebVTT STYLE or REGION block, so such outputs are counted apart.
            if have_ffmpeg and fmt != "ttml":
                with open(out, encoding="utf-8") as f:
                    content = f.read().replace("\r\n", "\n")
                if fmt == "vtt" and ("\n\nSTYLE\n" in content or "\n\nREGION\n" in content):
                    ffmpeg_blocks += 1
                else:
                    kept, previous = 0, None
                    for block in re.split(r"\n\n+", content)[1 if fmt == "vtt" else 0:]:
                        lines = [l for l in block.split("\n") if l.strip()]
                        timing = next((k for k, l in enumerate(lines) if " --> " in l), None)
                        if timing is None or timing + 1 >= len(lines):
                            continue  # no cue, or a cue without text
                        if fmt == "vtt" and timing == 1 and lines[0].startswith("NOTE"):
                            continue  # ffmpeg takes a cue whose id starts with NOTE for a comment
                        key = (re.sub(r"\s+\S+:\S+", "", lines[timing]).replace(",", "."), "\n".join(lines[timing + 1:]))
                        if key != previous:  # ffmpeg drops a cue repeating the one before it
                            kept += 1
                        previous = key
                    checks.append(("ffmpeg", ffmpeg_count, kept))
            for reader, count, expected in checks:
                try:
                    got = count(out)
                except Exception as e:  # a crash in the reader is a failed file, not a failed run
                    got = f"{type(e).__name__}: {e}"
                key = (reader, fmt)
                stats.setdefault(key, [0, 0])
                stats[key][1] += 1
                if got == expected or (got is None and expected == 0):  # ffmpeg refuses an empty file
                    stats[key][0] += 1
                else:
                    failures += 1
                    print(f"[interop] {reader} {fmt}: {src}: read {got}, locctl wrote {expected}")
    print(f"[interop] {len(inputs)} corpus files, {refused} refused by locctl")
    for (reader, fmt), (same, total) in sorted(stats.items()):
        print(f"[interop] {reader} reads {fmt}: same cue count {same}/{total}")
    if ffmpeg_blocks:
        print(f"[interop] ffmpeg: {ffmpeg_blocks} WebVTT outputs keep STYLE/REGION blocks from their WebVTT input (ffmpeg 5.1 reads none of them)")
    if not have_ffmpeg:
        print("[interop] ffmpeg not installed: its checks were skipped")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
