#!/usr/bin/env python3
"""Convert every corpus subtitle file to SRT, WebVTT and TTML with locctl and read each output back with
other tools (ttconv, and ffmpeg where installed), comparing cue counts.

    interop_formats.py --locctl .build/debug/locctl [--corpora DIR] [--out DIR] [--formats srt,vtt,ttml]
                       [--sample N [--whole DIR,...]] [--imschrm] [EXTRA_FILE ...]

Without --sample every corpus file is checked (5-8 minutes on a 2-core machine). With --sample N (what
scripts/test.sh runs) every file of the --whole folders (default: the real-world and small peer folders
cdown-srt, pysubs2, real-zh, ttconv/srt, ttconv/ttml) is checked, plus N files of the rest, evenly spaced in
the sorted list (deterministic, so every folder is visited). EXTRA_FILE arguments are always checked.
With --imschrm, the TTML written for the real-world files (real-zh/) and the extra files is also checked by
imschrm (the IMSC hypothetical render model, PyPI `imschrm`, about 3 s a file). Its verdicts are reported, not
failed on: the real fansub files have cues 10-50 ms apart, less time than the HRM allows for drawing the next
subtitle, which is the source's timing, not the writer's. A crash of imschrm on an output fails.

For each input locctl can read (`locctl convert IN -o OUT` succeeds), locctl's own count is the "N cues" it
reports. ttconv (`ttconv.srt/vtt/imsc.reader.to_model`) must see as many `<p>` as locctl wrote cues (for SRT
and WebVTT: cues with text, which is all ttconv reads there), and
ffmpeg (`ffmpeg -i OUT -f srt -`) as many cues as it keeps by design (it drops cues without text, a cue
repeating the times and text of the one before, and WebVTT cues whose id starts with NOTE;
WebVTT outputs with STYLE/REGION blocks, which Debian's ffmpeg 5.1 cannot read, are counted apart and written
again with `convert --vtt-compat`, which ffmpeg must read in full: "ffmpeg reads vtt --vtt-compat"). Inputs
locctl refuses are counted, not compared. Prints one `[interop]` line per mismatch and a summary per reader and
format; exits 1 when any count differs, except the KNOWN_EXCEPTIONS below (reported, not counted as failures).

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
WHOLE = "cdown-srt,pysubs2,real-zh,ttconv/srt,ttconv/ttml"
HRM_FOLDER = "real-zh"

# (reader, format, corpus path) -> why that reader's count legitimately differs from what locctl wrote.
KNOWN_EXCEPTIONS = {
    ("ttconv", "vtt", "ttconv/vtt/wpt-tests/rendering/embedded_style_invalid_format.vtt"):
        "the WPT's deliberately broken STYLE blocks are written back as parsed; ttconv then reads 1 of 2 cues",
    ("ttconv", "vtt", "ttconv/vtt/wpt-tests/rendering/snap-to-line.vtt"):
        "the cue id starts with NOTE; ttconv takes the cue for a comment, the WebVTT spec does not",
    ("ttconv", "vtt", "w3c-imsc-tests/imsc1_1/ttml/ruby/ruby006.ttml"):
        "ttconv's WebVTT reader refuses <u><ruby>..</ruby></u> (\"Children of span must be span or br\")",
}


def select_inputs(corpora: str, sample: int | None, whole: list[str]) -> tuple[list[str], set[str]]:
    """The corpus files to check and the subset of them in the --whole folders."""
    inputs = sorted(os.path.join(d, f) for d, _, fs in os.walk(corpora) for f in fs if os.path.splitext(f)[1].lower() in READABLE)
    in_whole = {p for p in inputs if any(os.path.relpath(p, corpora).startswith(w.rstrip("/") + "/") for w in whole)}
    if sample is None:
        return inputs, in_whole
    rest = [p for p in inputs if p not in in_whole]
    step = len(rest) / sample if sample and len(rest) > sample else 1
    picked = [rest[int(k * step)] for k in range(min(sample, len(rest)))]
    return sorted(in_whole) + picked, in_whole


def imschrm_verdict(path: str) -> tuple[str, str]:
    """Runs imschrm on a TTML file: ("pass" | "fail" | "crash", its first error or last output line)."""
    try:
        proc = subprocess.run(["imschrm", "--itype", "ttml", path], capture_output=True, text=True, timeout=300)
    except subprocess.TimeoutExpired:
        return "crash", "timed out after 300 s"
    lines = [l for l in (proc.stdout + proc.stderr).strip().split("\n") if l.strip()]
    if proc.returncode == 0:
        return "pass", ""
    errors = [l for l in lines if l.startswith("ERROR")]
    if "Validation failed" in lines and errors:
        return "fail", f"{len(errors)} HRM errors, the first: {errors[0]}"
    return "crash", lines[-1] if lines else f"exit {proc.returncode}"


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


def ffmpeg_expected(content: str, fmt: str) -> int:
    """The cues ffmpeg keeps from an SRT or WebVTT text: not those without text, not a WebVTT cue whose id starts
    with NOTE, not a cue repeating the times and text of the one before."""
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
    return kept


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--locctl", required=True)
    ap.add_argument("--corpora", default=os.environ.get("LOCCTL_CORPORA", os.path.join(os.path.dirname(__file__), "../../shared/corpora")))
    ap.add_argument("--out", default="interop-formats-out")
    ap.add_argument("--formats", default="srt,vtt,ttml")
    ap.add_argument("--sample", type=int, help="check the --whole folders and N evenly spaced files of the rest")
    ap.add_argument("--whole", default=WHOLE, help=f"folders checked in full with --sample (default {WHOLE})")
    ap.add_argument("--imschrm", action="store_true", help=f"run imschrm on the TTML of the {HRM_FOLDER}/ and extra files")
    ap.add_argument("extra", nargs="*", help="files checked in addition to the corpus")
    args = ap.parse_args()
    formats = args.formats.split(",")
    have_ffmpeg = shutil.which("ffmpeg") is not None
    os.makedirs(args.out, exist_ok=True)
    corpora = os.path.normpath(args.corpora)
    inputs, in_whole = select_inputs(corpora, args.sample, args.whole.split(","))
    inputs += args.extra
    hrm_inputs = {p for p in inputs if os.path.relpath(p, corpora).startswith(HRM_FOLDER + "/")} | set(args.extra)
    if args.imschrm and shutil.which("imschrm") is None:
        print("[interop] imschrm not installed: its check was skipped")
        args.imschrm = False
    hrm = [0, 0]  # passed, checked
    hrm_crashes = 0
    known = 0
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
                if args.imschrm and src in hrm_inputs:
                    verdict, detail = imschrm_verdict(out)
                    hrm[1] += 1
                    hrm[0] += verdict == "pass"
                    hrm_crashes += verdict == "crash"
                    if verdict != "pass":
                        print(f"[interop] imschrm {verdict}: {src}: {detail}")
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
            # stops at a WebVTT STYLE or REGION block, so such outputs are counted apart and written again
            # with --vtt-compat (no such blocks), which ffmpeg must read in full.
            if have_ffmpeg and fmt != "ttml":
                with open(out, encoding="utf-8") as f:
                    content = f.read().replace("\r\n", "\n")
                if fmt == "vtt" and ("\n\nSTYLE\n" in content or "\n\nREGION\n" in content):
                    ffmpeg_blocks += 1
                    compat = os.path.join(args.out, stem + ".compat.vtt")
                    proc = subprocess.run([args.locctl, "convert", src, "-o", compat, "--force", "--vtt-compat"], capture_output=True, text=True)
                    with open(compat, encoding="utf-8") as f:
                        checks.append(("ffmpeg", ffmpeg_count, ffmpeg_expected(f.read().replace("\r\n", "\n"), fmt), "vtt --vtt-compat", compat))
                else:
                    checks.append(("ffmpeg", ffmpeg_count, ffmpeg_expected(content, fmt)))
            for reader, count, expected, *variant in checks:
                label, path = variant if variant else (fmt, out)
                try:
                    got = count(path)
                except Exception as e:  # a crash in the reader is a failed file, not a failed run
                    got = f"{type(e).__name__}: {e}"
                key = (reader, label)
                stats.setdefault(key, [0, 0])
                stats[key][1] += 1
                if got == expected or (got is None and expected == 0):  # ffmpeg refuses an empty file
                    stats[key][0] += 1
                elif (reader, fmt, os.path.relpath(src, corpora)) in KNOWN_EXCEPTIONS:
                    stats[key][0] += 1
                    known += 1
                    why = KNOWN_EXCEPTIONS[(reader, fmt, os.path.relpath(src, corpora))]
                    print(f"[interop] known exception, {reader} {fmt}: {src}: read {got}, locctl wrote {expected} ({why})")
                else:
                    failures += 1
                    print(f"[interop] {reader} {fmt}: {src}: read {got}, locctl wrote {expected}")
    sampled = f" (sample: {len(in_whole)} from {args.whole} + {args.sample} of the rest)" if args.sample is not None else ""
    print(f"[interop] {len(inputs)} files{sampled}, {refused} refused by locctl; {known} known exceptions counted as same")
    for (reader, fmt), (same, total) in sorted(stats.items()):
        print(f"[interop] {reader} reads {fmt}: same cue count {same}/{total}")
    if ffmpeg_blocks:
        print(f"[interop] ffmpeg: {ffmpeg_blocks} WebVTT outputs keep STYLE/REGION blocks from their WebVTT input (ffmpeg 5.1 reads none of them; written again with --vtt-compat for ffmpeg)")
    if args.imschrm:
        print(f"[interop] imschrm (IMSC hypothetical render model): {hrm[0]}/{hrm[1]} TTML outputs pass, {hrm_crashes} crashes"
              + (" (the others: cues closer together than the HRM's drawing time, see above)" if hrm[1] - hrm[0] - hrm_crashes else ""))
    if not have_ffmpeg:
        print("[interop] ffmpeg not installed: its checks were skipped")
    sys.exit(1 if failures or hrm_crashes else 0)


if __name__ == "__main__":
    main()
