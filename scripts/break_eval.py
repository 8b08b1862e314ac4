#!/usr/bin/env python3
"""Line-break agreement with professional subtitles: locctl's wrap step against a greedy baseline.

Reads the real subtitle files (SRT, ASS, WebVTT) in the corpus directories (default: $LOCCTL_CORPORA/real-zh,
see its README, and the Thai and Arabic samples that scripts/fetch_break_samples.py writes to
.build/break-samples, see docs/break-samples.md), takes every cue that a professional broke into two or more lines of one language (the
English and the Chinese sides of bilingual cues are separated by script; Thai and Arabic by script too),
joins the lines, re-breaks the joined text with
`locctl-bench breaks` (the wrap step of the matching region profile, and first-fit over UAX #14 break
opportunities as the baseline) and counts the cues whose breaks fall exactly where the professional's did.

Limits ("the same limits"):
  pro     each cue's own: as many lines as the professional used, each at most as long as the
          professional's longest line (default; every professional break fits these limits)
  region  the region profile's landscape limits (en-US 42x2, zh-Hans-CN / zh-Hant-TW 16x2); only cues
          whose joined text does not fit one line are counted

Note on `pro`: with the professional's longest line as the limit, first-fit reproduces every cue whose
first line is its longest (nothing more fits on it). Where professionals fill the first line (79 % of the
Arabic samples), greedy therefore scores high by construction; `region` limits do not have that bias.

Cues with dialogue dashes (one line per speaker), sound-effect brackets only, or override-tag positioning
are skipped: their line breaks are not a breaking decision.

Held-out measurement: the files are split once into a development half and a test half, by file, and the
split is committed in scripts/break_eval_split.tsv (`--write-split` writes it: each file goes with the
language most of its multi-line cues are in, and per language the files sorted by the SHA-256 of their
name are assigned dev, test, dev, test …; a language that has only one file has that file cut into
its first and second half of multi-line cues, `name#1` and `name#2`, the first dev and the second test).
Tune only on `--half dev`; report `--half test` (the default prints both).

Chinese phrases (`zh-sp` rows): Chinese subtitlers rarely break a line; they keep the cue on one line and write
its pause as a space. Every one-line Chinese cue of exactly two phrases (4+ characters each) is counted as a
two-line cue broken at that space, its phrases joined with nothing (the space is the answer), one file per
film; their units are films (`zh-sp:FILM`), in the half of the film's multi-line cues where it has any.
`--no-phrases` leaves them out. A file that is not in the list
is an error, so a new file cannot slip into either half unnoticed. Usage:

  swift build -c release --product locctl-bench
  scripts/break_eval.py [--corpus DIR ...] [--limits pro|region] [--half dev|test|all|both]
                        [--bench .build/release/locctl-bench] [--weights k=v,...] [--show N]
"""
import argparse
import hashlib
import os
import re
import subprocess
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def decode(data: bytes) -> str:
    if data.startswith(b"\xff\xfe") or data.startswith(b"\xfe\xff"):
        return data.decode("utf-16")
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", "replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    # Big5 bytes nearly always decode as GB18030 too (into nonsense): of the legacy encodings that decode,
    # take the one whose text holds the most of the commonest Chinese characters.
    decoded = []
    for enc in ("gb18030", "big5"):
        try:
            decoded.append(data.decode(enc))
        except UnicodeDecodeError:
            pass
    if decoded:
        return max(decoded, key=lambda t: sum(t.count(c) for c in COMMON_HAN))
    return data.decode("utf-8", "replace")


COMMON_HAN = "的一是不了人我你他在有這这個个們们來来說说就要會会嗎吗沒没什麼么好"


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


def cues_vtt(text: str):
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    for block in re.split(r"\n\s*\n", text):
        lines = block.split("\n")
        if lines and lines[0].startswith(("NOTE", "STYLE", "REGION", "WEBVTT")):
            continue
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


def is_thai(s: str) -> bool:
    return any("\u0e00" <= c <= "\u0e7f" for c in s)


def is_arabic(s: str) -> bool:
    return any("\u0600" <= c <= "\u06ff" for c in s)


def is_latin(s: str) -> bool:
    return any("a" <= c.lower() <= "z" for c in s) and not (is_cjk(s) or is_thai(s) or is_arabic(s))


# Sentence and clause punctuation that subtitle files for players without bidi support write at the start of
# an Arabic line (visual order: ".فستكون بخير" for "فستكون بخير."): moved back to the end (logical order).
VISUAL_LEADING = re.compile(r"^([.!?؟،؛:…]+)(?=\S)(.*)$")


def logical_arabic(line: str) -> str:
    m = VISUAL_LEADING.match(line)
    if m and is_arabic(m.group(2)):
        return m.group(2) + m.group(1)
    return line


def hant(s: str) -> bool:
    # A few very common characters that differ between the scripts.
    trad = sum(s.count(c) for c in "們個這來說會為麼們們時對還沒裡從讓於們")
    simp = sum(s.count(c) for c in "们个这来说会为么时对还没里从让于")
    return trad > simp


def clean(line: str) -> str:
    line = TAG.sub("", line)
    line = HTML.sub("", line)
    return line.strip()


LANGUAGE_TAG = {"en": "en-US", "th": "th-TH", "ar": "ar-SA"}


def corpus_files(corpora):
    for corpus in corpora:
        for path in sorted(Path(corpus).rglob("*")):
            if path.suffix.lower() in (".srt", ".ass", ".vtt"):
                yield path


def multi_line_cues(corpora):
    """(language tag, file name, lines) for every cue broken into 2+ lines of one language."""
    for path in corpus_files(corpora):
        text = decode(path.read_bytes())
        suffix = path.suffix.lower()
        raw_cues = cues_ass(text) if suffix == ".ass" else (cues_vtt(text) if suffix == ".vtt" else cues_srt(text))
        for raw in raw_cues:
            if any(r.lstrip().startswith("{\\pos") or "\\pos(" in r for r in raw):
                continue
            lines = [clean(r) for r in raw]
            lines = [l for l in lines if l]
            by_language = defaultdict(list)
            for l in lines:
                if is_cjk(l):
                    by_language["zh"].append(l)
                elif is_thai(l):
                    by_language["th"].append(l)
                elif is_arabic(l):
                    by_language["ar"].append(logical_arabic(l))
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
                if language == "zh" and any(len(l) < 4 or ZH_NOT_DIALOGUE.search(l) for l in group):
                    continue  # credits ("配乐 / 纽顿兄弟", "主    演 / …"), translators' notes and signs, not dialogue
                if language == "zh":
                    tag = "zh-Hant-TW" if hant("".join(group)) else "zh-Hans-CN"
                else:
                    tag = LANGUAGE_TAG[language]
                yield tag, path.name, group


# Chinese lines that are no dialogue: credits laid out with runs of spaces, translators' notes in 【】, the
# subtitle group's own lines.
ZH_NOT_DIALOGUE = re.compile(r"\s{2,}|【|字幕|@|https?:|Powered by")


def film_of(name: str) -> str:
    """The film or episode a corpus file belongs to (its files share their dialogue): the name up to the year or
    the episode number ("oslo.2021", "Loki.S01E01", "Relay_2024"); the two UMS fragments are one film."""
    stem = re.sub(r"-(big5|gb18030)\.srt$", "", name)
    m = re.match(r"(.*?(?:\.S\d\dE\d\d|[._]\d{4}))(?=[._]|$)", stem)
    return m.group(1) if m else stem


def phrase_cues(corpora):
    """Chinese subtitlers keep a cue on one line and mark its pause with a space ("我们走吧 天快黑了"), where a
    Western subtitler would break the line: (tag, unit, phrases) for every one-line Chinese cue of exactly two
    phrases of 4+ characters, the space the professional's break. One file per film (the first by name that has
    any, so a film's Simplified and Traditional copies do not count twice); the unit is `zh-sp:FILM`."""
    used = {}
    for path in corpus_files(corpora):
        film = film_of(path.name)
        if used.get(film, path.name) != path.name:
            continue
        text = decode(path.read_bytes())
        suffix = path.suffix.lower()
        raw_cues = cues_ass(text) if suffix == ".ass" else (cues_vtt(text) if suffix == ".vtt" else cues_srt(text))
        for raw in raw_cues:
            if any("\\pos(" in r for r in raw):
                continue
            zh = [l for l in (clean(r) for r in raw) if l and is_cjk(l)]
            if len(zh) != 1 or ZH_NOT_DIALOGUE.search(zh[0]):
                continue
            phrases = zh[0].split(" ")
            if len(phrases) != 2 or any(len(p) < 4 or not is_cjk(p) for p in phrases):
                continue
            if any(p.startswith(("-", "–", "—", "[", "♪", "（", "(")) for p in phrases):
                continue
            used[film] = path.name
            yield ("zh-Hant-TW" if hant(zh[0]) else "zh-Hans-CN"), f"zh-sp:{film}", phrases


def length(line: str, cjk: bool) -> float:
    """Line length as locctl counts it (Regions/TextMetrics): graphemes, so Thai vowel and tone marks and
    Arabic harakat (combining marks) and format controls count 0; half-width characters 0.5 under CJK."""
    visible = [c for c in line if not unicodedata.category(c).startswith("M") and unicodedata.category(c) != "Cf"]
    if not cjk:
        return float(len(visible))
    return sum(0.5 if ord(c) < 0x1100 or 0xFF61 <= ord(c) <= 0xFFDC else 1.0 for c in visible)


def breaks(lines):
    """Break positions as offsets into the text without whitespace."""
    out, pos = [], 0
    for l in lines[:-1]:
        pos += len(re.sub(r"\s", "", l))
        out.append(pos)
    return tuple(out)


REGION_LIMITS = {"en-US": 42, "zh-Hans-CN": 16, "zh-Hant-TW": 16, "th-TH": 35, "ar-SA": 42}
SPLIT_FILE = ROOT / "scripts/break_eval_split.tsv"
DEFAULT_CORPORA = [os.path.join(os.environ.get("LOCCTL_CORPORA", "/work/shared/corpora"), "real-zh"),
                   str(ROOT / ".build/break-samples")]


def language_of(tag: str) -> str:
    return tag.split("-")[0]


def units(cues):
    """The split unit of every cue: its file, or `file#1` / `file#2` (first and second half of the file's
    cues) for a language whose cues all come from one file."""
    files_by_language = defaultdict(set)
    for tag, name, _ in cues:
        files_by_language[language_of(tag)].add(name)
    single = {next(iter(f)) for f in files_by_language.values() if len(f) == 1}
    count = defaultdict(int)
    for _, name, _ in cues:
        count[name] += 1
    seen = defaultdict(int)
    out = []
    for _, name, _ in cues:
        if name in single:
            out.append(f"{name}#{1 if seen[name] < (count[name] + 1) // 2 else 2}")
            seen[name] += 1
        else:
            out.append(name)
    return out


def write_split(cues, unit_names):
    # Each file goes with the language most of its multi-line cues are in; per language, files sorted by
    # the SHA-256 of their name alternate dev, test, dev …
    per_file = defaultdict(lambda: defaultdict(int))
    for (tag, name, _), unit in zip(cues, unit_names):
        if "#" not in unit and not unit.startswith("zh-sp:"):
            per_file[name][language_of(tag)] += 1
    by_language = defaultdict(list)
    for name, counts in per_file.items():
        by_language[max(sorted(counts), key=lambda l: counts[l])].append(name)
    rows = []
    for language, names in by_language.items():
        names.sort(key=lambda n: hashlib.sha256(n.encode()).hexdigest())
        rows += [(n, "dev" if k % 2 == 0 else "test") for k, n in enumerate(names)]
    halves = sorted(set(u for u in unit_names if "#" in u))
    rows += [(u, "dev" if u.endswith("#1") else "test") for u in halves]
    # Chinese phrase units (one per film): a film that also has multi-line cues goes to the half that holds most
    # of them (a film's dialogue stays on one side); the others, sorted by SHA-256 of the name, alternate.
    classic = defaultdict(lambda: defaultdict(int))
    existing = read_split() if SPLIT_FILE.exists() else {}
    half_of = {**dict(rows), **existing}
    for unit in unit_names:
        if not unit.startswith("zh-sp:"):
            classic[film_of(unit.split("#")[0])][half_of.get(unit, "dev" if unit.endswith("#1") else "test")] += 1
    films = sorted(set(u for u in unit_names if u.startswith("zh-sp:")), key=lambda n: hashlib.sha256(n.encode()).hexdigest())
    k = 0
    for u in films:
        halves_of_film = classic.get(u[len("zh-sp:"):])
        if halves_of_film:
            rows.append((u, max(sorted(halves_of_film), key=lambda h: halves_of_film[h])))
        else:
            rows.append((u, "dev" if k % 2 == 0 else "test"))
            k += 1
    # A unit that already has a half keeps it (and so does a row whose file no longer yields cues), so
    # adding files or filters never moves a unit between the halves.
    rows = [(n, existing.get(n, h)) for n, h in rows]
    rows += [(n, h) for n, h in existing.items() if n not in {r[0] for r in rows}]
    with open(SPLIT_FILE, "w", encoding="utf-8") as f:
        f.write("# Development/test split of the professional subtitle files for scripts/break_eval.py (written by\n"
                "# --write-split: per language, files sorted by SHA-256 of the name, alternately dev and test; a language with one\n"
                "# file is split into its first (#1, dev) and second (#2, test) half of multi-line cues; Chinese phrase units\n"
                "# zh-sp:FILM go with their film's multi-line cues, or alternate by SHA-256; a unit keeps the half it has).\n"
                "# Tune only on dev. unit<TAB>half\n")
        for n, h in sorted(rows):
            f.write(f"{n}\t{h}\n")


def read_split():
    split = {}
    for line in SPLIT_FILE.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        unit, half = line.split("\t")
        split[unit] = half
    return split


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", action="append", help="corpus directory (repeatable; default: real-zh and the th/ar samples)")
    ap.add_argument("--limits", choices=["pro", "region"], default="pro")
    ap.add_argument("--half", choices=["dev", "test", "all", "both"], default="both")
    ap.add_argument("--bench", default=str(ROOT / ".build/release/locctl-bench"))
    ap.add_argument("--regions", default=str(ROOT / "regions"), help="region profile directory (a modified copy to try a profile change on dev)")
    ap.add_argument("--weights", default="", help="scoring weight overrides for tuning on dev, e.g. balance=0.3,widow=3")
    ap.add_argument("--write-split", action="store_true", help="write scripts/break_eval_split.tsv from the file names")
    ap.add_argument("--show", type=int, default=0, help="print N disagreements per language")
    ap.add_argument("--no-phrases", action="store_true", help="leave out the Chinese one-line phrase cues (zh-sp)")
    args = ap.parse_args()
    corpora = args.corpus or DEFAULT_CORPORA

    cues = list(multi_line_cues(corpora))
    if not cues:
        sys.exit("no multi-line cues found in " + ", ".join(corpora))
    unit_names = units(cues)
    if not args.no_phrases:
        for tag, unit, phrases in phrase_cues(corpora):
            cues.append((tag, unit, phrases))
            unit_names.append(unit)
    if args.write_split:
        write_split(cues, unit_names)
        print(f"wrote {SPLIT_FILE}")
        return
    split = read_split()
    missing = sorted(set(u for u in unit_names if u not in split))
    if missing:
        sys.exit(f"{SPLIT_FILE}: no half for {', '.join(missing)} (run --write-split and commit the list)")

    items = []
    for (tag, name, lines), unit in zip(cues, unit_names):
        cjk = tag.startswith("zh")
        # Chinese subtitle lines also read as separated by a pause (written as a space inside a line); a phrase
        # cue's space is the answer, so its phrases are joined with nothing.
        joiner = "" if unit.startswith("zh-sp:") else " "
        joined = joiner.join(lines)
        if args.limits == "pro":
            cpl = max(length(l, cjk) for l in lines)
            max_lines = len(lines)
        else:
            cpl = REGION_LIMITS[tag]
            max_lines = 2
            if length(joined, cjk) <= cpl or len(lines) > 2:
                continue
        items.append((tag, name, split[unit], lines, joined, int(cpl + 0.999), max_lines))

    stdin = "".join(f"{t}\t{c}\t{m}\t{j}\n" for t, _, _, _, j, c, m in items)
    command = [args.bench, "breaks", "--regions", args.regions]
    if args.weights:
        command += ["--weights", args.weights]
    proc = subprocess.run(command, input=stdin, capture_output=True, text=True, check=True)
    results = proc.stdout.rstrip("\n").split("\n")
    assert len(results) == len(items), (len(results), len(items))

    stats = defaultdict(lambda: [0, 0, 0])
    files = defaultdict(set)
    shown = defaultdict(int)
    for (tag, name, half, lines, joined, cpl, m), result in zip(items, results):
        ours, greedy = (s.split("\\n") for s in result.split("\t"))
        language = "zh-sp" if name.startswith("zh-sp:") else language_of(tag)
        target = breaks(lines)
        for key in (half, "all"):
            s = stats[(language, key)]
            s[0] += 1
            s[1] += breaks(ours) == target
            s[2] += breaks(greedy) == target
            files[(language, key)].add(name)
        if breaks(ours) != target and shown[language] < args.show and (args.half in ("all", "both") or half == args.half):
            shown[language] += 1
            print(f"[{language} {half} {name} cpl {cpl}]\n  pro:    {' / '.join(lines)}\n  locctl: {' / '.join(ours)}\n  greedy: {' / '.join(greedy)}")
    halves = {"both": ["dev", "test"], "all": ["all"]}.get(args.half, [args.half])
    print(f"limits: {args.limits}; corpora: {', '.join(corpora)}; split: {SPLIT_FILE.name}"
          + (f"; weights: {args.weights}" if args.weights else ""))
    print(f"{'language':<9}{'half':<6}{'files':>6}{'cues':>6}{'locctl':>10}{'greedy':>10}")
    for language in sorted(set(l for l, _ in stats)):
        for half in halves:
            n, a, g = stats.get((language, half), [0, 0, 0])
            if n == 0:
                print(f"{language:<9}{half:<6}{0:>6}{0:>6}{'-':>10}{'-':>10}")
                continue
            print(f"{language:<9}{half:<6}{len(files[(language, half)]):>6}{n:>6}{100 * a / n:>9.1f}%{100 * g / n:>9.1f}%")


if __name__ == "__main__":
    main()
