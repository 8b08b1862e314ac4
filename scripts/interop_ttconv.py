#!/usr/bin/env python3
"""Check that ttconv reads locctl's TTML (and SRT) output as the same cues locctl wrote.

Modes
  interop_ttconv.py --locctl PATH [--out DIR] INPUT...
      runs `PATH convert INPUT -o DIR/<name>.ttml` and `PATH convert INPUT -o DIR/<name>.srt`; ttconv must
      read both, and see the same cues (count, text, times) in the SRT as in the TTML (SRT cannot say
      "indefinite": an open-ended TTML cue is expected to end at 99:59:59,999 in the SRT).
  interop_ttconv.py --from-dir DIR
      reads files already written: DIR/<name>.ttml and/or DIR/<name>.srt with DIR/<name>.expected.json
      ({"cues": [{"begin_ms", "end_ms" (null: indefinite), "text"}]}), as produced by the Swift test
      `exportTTMLForTTconvInterop` (LOCCTL_INTEROP_OUT=DIR swift test --filter exportTTMLForTTconvInterop).

For each output, ttconv's reader builds its model (ttconv.imsc.reader.to_model / ttconv.srt.reader.to_model);
every <p> becomes a (begin, end, text) triple with times rounded to milliseconds and whitespace collapsed.
The file passes when ttconv sees the same number of cues with the same text and times, and ttconv's ISD
generation runs on it. Prints "[interop] ttconv: passed P/N" and exits 1 if any file fails.

Install: pip install ttconv
"""
import argparse
import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as et
from fractions import Fraction

import ttconv.imsc.reader as imsc_reader
import ttconv.srt.reader as srt_reader
import ttconv.model as model
from ttconv.isd import ISD


def _text(element) -> str:
    out = []
    for child in element:
        if isinstance(child, model.Text):
            out.append(child.get_text())
        elif isinstance(child, model.Br):
            out.append("\n")
        else:
            out.append(_text(child))
    return "".join(out)


def _norm(text: str) -> str:
    lines = [re.sub(r"[ \t\r]+", " ", line).strip() for line in text.split("\n")]
    return "\n".join(lines).strip()


def _ms(value) -> int | None:
    if value is None:
        return None
    return int((Fraction(value) * 1000).__round__())


def cues_from_model(doc):
    """(begin_ms, end_ms, text) for every p, with times made absolute down the tree."""
    cues = []

    def walk(element, parent_begin, parent_end):
        begin = parent_begin + (element.get_begin() or 0)
        end = parent_begin + element.get_end() if element.get_end() is not None else parent_end
        if parent_end is not None and end is not None:
            end = min(end, parent_end)
        if isinstance(element, model.P):
            cues.append((_ms(begin), _ms(end), _norm(_text(element))))
            return
        for child in element:
            if isinstance(child, model.ContentElement) and not isinstance(child, model.Text):
                walk(child, begin, end)

    body = doc.get_body()
    if body is not None:
        walk(body, Fraction(0), None)
    return sorted(cues, key=lambda c: (c[0], c[1] if c[1] is not None else 10**15))


def check(path: str, expected_cues) -> tuple[bool, str]:
    if path.endswith(".srt"):
        with open(path, encoding="utf-8") as f:
            doc = srt_reader.to_model(f)
    else:
        doc = imsc_reader.to_model(et.parse(path))
    if doc is None:
        return False, "ttconv could not read it"
    ISD.generate_isd_sequence(doc)  # must not raise
    got = cues_from_model(doc)
    if path.endswith(".srt"):
        # ttconv's SRT reader keeps ASS position tags such as {\an8} as literal text; locctl writes them
        # (players honour them), so they are removed from ttconv's text before comparing.
        got = [(b, e, re.sub(r"\{\\an[1-9]\}", "", t).strip()) for b, e, t in got]
    want = sorted(((c["begin_ms"], c["end_ms"], _norm(c["text"])) for c in expected_cues),
                  key=lambda c: (c[0], c[1] if c[1] is not None else 10**15))
    if path.endswith(".srt"):
        # SRT cannot say "indefinite": locctl writes an open-ended TTML cue with the largest SRT time.
        want = [(b, e if e is not None else 359_999_999, t) for b, e, t in want]
    if len(got) != len(want):
        return False, f"{len(got)} cues, expected {len(want)}"
    for g, w in zip(got, want):
        if g != w:
            return False, f"cue {g!r} != expected {w!r}"
    return True, f"{len(got)} cues"


def from_dir(directory: str):
    results = []
    for name in sorted(os.listdir(directory)):
        if not name.endswith(".expected.json"):
            continue
        stem = name[: -len(".expected.json")]
        with open(os.path.join(directory, name), encoding="utf-8") as f:
            expected = json.load(f)["cues"]
        for ext in (".ttml", ".srt"):
            path = os.path.join(directory, stem + ext)
            if os.path.exists(path):
                try:
                    ok, why = check(path, expected)
                except Exception as e:  # a crash in ttconv is a failure of this file, not of the run
                    ok, why = False, f"{type(e).__name__}: {e}"
                results.append((path, ok, why))
    return results


def with_locctl(locctl: str, out: str, inputs):
    os.makedirs(out, exist_ok=True)
    results = []
    for src in inputs:
        stem = os.path.splitext(os.path.basename(src))[0]
        paths = {}
        for ext in (".ttml", ".srt"):
            target = os.path.join(out, stem + ext)
            cmd = [locctl, "convert", src, "-o", target]
            proc = subprocess.run(cmd, capture_output=True, text=True)
            if proc.returncode != 0:
                results.append((target, False, f"`{' '.join(cmd)}` exited {proc.returncode}: {proc.stderr.strip()}"))
            else:
                paths[ext] = target
        if ".ttml" not in paths:
            continue
        try:
            ttml_cues = cues_from_model(imsc_reader.to_model(et.parse(paths[".ttml"])))
            expected = [{"begin_ms": b, "end_ms": e, "text": t} for b, e, t in ttml_cues]
            results.append((paths[".ttml"], *check(paths[".ttml"], expected)))
            if ".srt" in paths:
                results.append((paths[".srt"], *check(paths[".srt"], expected)))
        except Exception as e:
            results.append((paths[".ttml"], False, f"{type(e).__name__}: {e}"))
    return results


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--locctl", help="path to the locctl binary (uses `locctl convert IN -o OUT`)")
    ap.add_argument("--out", default="interop-out", help="output directory for --locctl mode")
    ap.add_argument("--from-dir", help="check files already written into this directory")
    ap.add_argument("inputs", nargs="*", help="subtitle files to convert (--locctl mode)")
    args = ap.parse_args()
    if args.from_dir:
        results = from_dir(args.from_dir)
    elif args.locctl:
        results = with_locctl(args.locctl, args.out, args.inputs)
    else:
        ap.error("give --locctl PATH INPUT... or --from-dir DIR")
    passed = sum(1 for _, ok, _ in results if ok)
    for path, ok, why in results:
        print(f"[interop] {'PASS' if ok else 'FAIL'} {os.path.basename(path)}: {why}")
    print(f"[interop] ttconv: passed {passed}/{len(results)}")
    sys.exit(0 if results and passed == len(results) else 1)


if __name__ == "__main__":
    main()
