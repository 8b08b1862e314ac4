#!/usr/bin/env python3
"""Fetches the Thai and Arabic professional subtitle samples that scripts/break_eval.py measures against.

They are real subtitles from public GitHub repositories, with no licence that would let this project
redistribute them, so they are not committed: this script clones each upstream repository at the recorded
commit (or reads a local mirror with --mirrors DIR, holding OWNER+NAME/repo git directories or checkouts), keeps only the
multi-line cues (text and timing unchanged, cues renumbered) and writes them to .build/break-samples/.
Provenance: docs/break-samples.md.

    scripts/fetch_break_samples.py [--out .build/break-samples] [--mirrors /work/.mirror]
"""
import argparse, os, pathlib, re, subprocess, sys, tempfile

ROOT = pathlib.Path(__file__).resolve().parent.parent
# out name, owner/repo, commit, path
SAMPLES = [
    ("th.commitment-2013.multiline.vtt", "NTDKH/Commitment", "dc9049dd723e91d312d17c9c94789a025e9313e1", "thai.vtt"),
    ("ar.shingekinokyojinthefinalseason.ep1_subtitle.multiline.srt", "shingekinokyojinthefinalseason/ep1_subtitle",
     "53e2d39e1693c07a86575083836aefe27435c6f5", "arabic.srt"),
    ("ar.shingekinokyojinthefinalseason.ep2_subtitle.multiline.srt", "shingekinokyojinthefinalseason/ep2_subtitle",
     "d7b7c1c8fc0ad8f4bd9179e7d7e17ee045509646", "arabic.srt"),
    ("ar.oredakehairerukakushidungeon.ep1_subtitle.multiline.srt", "oredakehairerukakushidungeon/ep1_subtitle",
     "6b9427800c3e183136b5d25010aaefe358787398", "arabic.srt"),
    ("ar.oredakehairerukakushidungeon.ep2_subtitle.multiline.srt", "oredakehairerukakushidungeon/ep2_subtitle",
     "f1dd83ad42ad2ff5b8d6142ad4f093a1e76a344b", "arabic.srt"),
    ("ar.higewosorusoshitejoshikouseiwo.ep1_subtitle.multiline.srt", "higewosorusoshitejoshikouseiwo/ep1_subtitle",
     "c6e3356067d7086befce9ac4e2f2dbf12c18e313", "arabic.srt"),
    ("ar.tenseishitaraslimedattaken2nd.ep1_subtitle.multiline.srt", "tenseishitaraslimedattaken2nd/ep1_subtitle",
     "e31eec431b75afefcfafbc5a4c018617a5ce1946", "arabic.srt"),
    ("ar.tenseishitaraslimedattaken2nd.ep2_subtitle.multiline.srt", "tenseishitaraslimedattaken2nd/ep2_subtitle",
     "2b7430e851d8d024602c03c0d3cec08e3a96a54c", "arabic.srt"),
]


def upstream_bytes(repo, commit, path, mirrors, scratch):
    if mirrors:
        # A mirror is a bare git directory (OWNER+NAME/repo) or a checkout with one (OWNER+NAME/repo/.git).
        for git_dir in (pathlib.Path(mirrors) / repo.replace("/", "+") / "repo",
                        pathlib.Path(mirrors) / repo.replace("/", "+") / "repo" / ".git"):
            shown = subprocess.run(["git", "--git-dir", str(git_dir), "show", f"{commit}:{path}"], capture_output=True)
            if shown.returncode == 0:
                return shown.stdout
    clone = pathlib.Path(scratch) / repo.replace("/", "+")
    if not clone.exists():
        subprocess.run(["git", "clone", "--quiet", "--filter=blob:none", "--no-checkout",
                        f"https://github.com/{repo}.git", str(clone)], check=True, capture_output=True)
    return subprocess.run(["git", "-C", str(clone), "show", f"{commit}:{path}"], check=True, capture_output=True).stdout


def multiline_cues(data: bytes, vtt: bool) -> bytes:
    """The cues with two or more text lines, renumbered (SRT) or as they are (WebVTT, without the header)."""
    text = data.decode("utf-8-sig").replace("\r\n", "\n").replace("\r", "\n")
    blocks = [b for b in re.split(r"\n\s*\n", text) if b.strip()]
    kept = []
    for block in blocks:
        lines = block.split("\n")
        timing = next((i for i, l in enumerate(lines) if "-->" in l), None)
        if timing is None:
            continue
        body = [l for l in lines[timing + 1:] if l.strip()]
        if len(body) >= 2:
            kept.append("\n".join([lines[timing]] + body))
    if vtt:
        return ("WEBVTT\n\n" + "".join(cue + "\n\n" for cue in kept)).encode()
    return "".join(f"{n}\n{cue}\n\n" for n, cue in enumerate(kept, 1)).encode()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default=str(ROOT / ".build/break-samples"))
    ap.add_argument("--mirrors", default=os.environ.get("LOCCTL_MIRRORS", ""))
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)
    with tempfile.TemporaryDirectory() as scratch:
        for name, repo, commit, path in SAMPLES:
            try:
                data = upstream_bytes(repo, commit, path, args.mirrors, scratch)
            except subprocess.CalledProcessError as e:
                reason = (e.stderr or b"").decode(errors="replace").strip()
                print(f"not fetched: {repo}@{commit[:10]}:{path}: {reason}", file=sys.stderr)
                continue
            out = multiline_cues(data, name.endswith(".vtt"))
            tmp = pathlib.Path(args.out) / (name + ".part")
            tmp.write_bytes(out)
            tmp.replace(pathlib.Path(args.out) / name)
            print(f"{name}: {out.count(b'-->')} multi-line cues")
    return 0


if __name__ == "__main__":
    sys.exit(main())
