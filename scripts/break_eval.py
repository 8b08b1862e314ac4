#!/usr/bin/env python3
"""Line-break agreement with professional subtitles: locctl's wrap step against a greedy baseline.

Reads the real subtitle files in a corpus directory (default: $LOCCTL_CORPORA/real-zh, see its README),
takes every cue that a professional broke into two or more lines of one language (the English and the
Chinese sides of bilingual cues are separated by script), joins the lines, re-breaks the joined text with
`locctl-bench breaks` (the wrap step of the matching region profile, and first-fit over UAX #14 break
opportunities as the baseline) and counts the cues whose breaks fall exactly where the professional's did.

Limits ("the same limits"):
  pro     each cue's own: as many lines as the professional used, each at most as long as the
          professional's longest line (default; every professional break fits these limits)
  region  the region profile's landscape limits (en-US 42x2, zh-Hans-CN / zh-Hant-TW 16x2); only cues
          whose joined text does not fit one line are counted

Cues with dialogue dashes (one line per speaker), sound-effect brackets only, or override-tag positioning
are skipped: their line breaks are not a breaking decision. Usage:

  swift build -c release --product locctl-bench
  scripts/break_eval.py [--corpus DIR] [--limits pro|region] [--bench .build/release/locctl-bench] [--show N]
"""
import argparse
import os
import re
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def decode(data: bytes) -> str:
    if data.startswith(b"\xff\xfe") or data.startswith(b"\xfe\xff"):
        return data.decode("utf-16")
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", "replace")
    for enc in ("utf-8", "gb18030", "big5"):
        try:
            return data.decode(enc)
        except UnicodeDecodeError:
            pass
    return data.decode("utf-8", "replace")


TAG = re.compile(r"\{[^}]*\}")
HTML = re.compile(r"</?[a-zA-Z][^>]*>")


def cues_srt(text: str):
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    for block in re.split(r"\n\s*\n", text):
        lines = block.split("\n")
        for i, line in enumerate(lines):
            if "-->" in line:
                yield lines[i + 1:]
                break


def cues_ass(text: str):
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    fields = None
    for line in text.split("\n"):
        if line.startswith("Format:") and fields is None and "Text" in line:
            pass
        if line.startswith("Dialogue:"):
            parts = line.split(",", 9)
            if len(parts) == 10:
                yield parts[9].replace("\\n", "\\N").split("\\N")


def is_cjk(s: str) -> bool:
    return any("\u3400" <= c <= "\u9fff" or "\uf900" <= c <= "\ufaff" for c in s)


def is_latin(s: str) -> bool:
    return any("a" <= c.lower() <= "z" for c in s) and not is_cjk(s)


def hant(s: str) -> bool:
    # A few very common characters that differ between the scripts.
    trad = sum(s.count(c) for c in "們個這來說會為麼們們時對還沒裡從讓於們")
    simp = sum(s.count(c) for c in "们个这来说会为么时对还没里从让于")
    return trad > simp


def clean(line: str) -> str:
    line = TAG.sub("", line)
    line = HTML.sub("", line)
    return line.strip()


def multi_line_cues(corpus: Path):
    """(language, file, lines) for every cue broken into 2+ lines of one language."""
    for path in sorted(corpus.rglob("*")):
        if path.suffix.lower() not in (".srt", ".ass"):
            continue
        text = decode(path.read_bytes())
        raw_cues = cues_ass(text) if path.suffix.lower() == ".ass" else cues_srt(text)
        for raw in raw_cues:
            if any(r.lstrip().startswith("{\\pos") or "\\pos(" in r for r in raw):
                continue
            lines = [clean(r) for r in raw]
            lines = [l for l in lines if l]
            by_language = defaultdict(list)
            for l in lines:
                if is_cjk(l):
                    by_language["zh"].append(l)
                elif is_latin(l):
                    by_language["en"].append(l)
            for language, group in by_language.items():
                if len(group) < 2:
                    continue
                if any(l.startswith(("-", "–", "—")) for l in group):
                    continue  # one line per speaker
                if any(l.startswith(("[", "♪")) or l.endswith(("]", "♪")) for l in group):
                    continue  # sound labels and lyrics
                if len(set(re.sub(r"\W", "", l).lower() for l in group)) < len(group):
                    continue  # a line repeated (karaoke, signs)
                if language == "zh" and any(len(l) < 4 for l in group):
                    continue  # credits ("配乐 / 纽顿兄弟") and signs, not dialogue
                tag = "en-US" if language == "en" else ("zh-Hant-TW" if hant("".join(group)) else "zh-Hans-CN")
                yield tag, path.name, group


def length(line: str, cjk: bool) -> float:
    if not cjk:
        return float(len(line))
    return sum(0.5 if ord(c) < 0x1100 or 0xFF61 <= ord(c) <= 0xFFDC else 1.0 for c in line)


def breaks(lines):
    """Break positions as offsets into the text without whitespace."""
    out, pos = [], 0
    for l in lines[:-1]:
        pos += len(re.sub(r"\s", "", l))
        out.append(pos)
    return tuple(out)


REGION_LIMITS = {"en-US": 42, "zh-Hans-CN": 16, "zh-Hant-TW": 16}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", default=os.path.join(os.environ.get("LOCCTL_CORPORA", "/work/shared/corpora"), "real-zh"))
    ap.add_argument("--limits", choices=["pro", "region"], default="pro")
    ap.add_argument("--bench", default=str(ROOT / ".build/release/locctl-bench"))
    ap.add_argument("--show", type=int, default=0, help="print N disagreements per language")
    args = ap.parse_args()

    items = []
    for tag, name, lines in multi_line_cues(Path(args.corpus)):
        cjk = tag.startswith("zh")
        joiner = " "  # Chinese subtitle lines also read as separated by a pause (written as a space inside a line)
        joined = joiner.join(lines)
        if args.limits == "pro":
            cpl = max(length(l, cjk) for l in lines)
            max_lines = len(lines)
        else:
            cpl = REGION_LIMITS[tag]
            max_lines = 2
            if length(joined, cjk) <= cpl or len(lines) > 2:
                continue
        items.append((tag, name, lines, joined, int(cpl + 0.999), max_lines))
    if not items:
        sys.exit("no multi-line cues found in " + args.corpus)

    stdin = "".join(f"{t}\t{c}\t{m}\t{j}\n" for t, _, _, j, c, m in items)
    proc = subprocess.run([args.bench, "breaks", "--regions", str(ROOT / "regions")], input=stdin,
                          capture_output=True, text=True, check=True)
    results = proc.stdout.rstrip("\n").split("\n")
    assert len(results) == len(items), (len(results), len(items))

    stats = defaultdict(lambda: [0, 0, 0])
    shown = defaultdict(int)
    for (tag, name, lines, joined, cpl, m), result in zip(items, results):
        ours, greedy = (s.split("\\n") for s in result.split("\t"))
        language = "en" if tag == "en-US" else "zh"
        target = breaks(lines)
        s = stats[language]
        s[0] += 1
        s[1] += breaks(ours) == target
        s[2] += breaks(greedy) == target
        if breaks(ours) != target and shown[language] < args.show:
            shown[language] += 1
            print(f"[{language} {name} cpl {cpl}]\n  pro:    {' / '.join(lines)}\n  locctl: {' / '.join(ours)}\n  greedy: {' / '.join(greedy)}")
    print(f"limits: {args.limits}; corpus: {args.corpus}")
    print(f"{'language':<9}{'cues':>6}{'locctl':>10}{'greedy':>10}")
    for language, (n, a, g) in sorted(stats.items()):
        print(f"{language:<9}{n:>6}{100 * a / n:>9.1f}%{100 * g / n:>9.1f}%")


if __name__ == "__main__":
    main()
