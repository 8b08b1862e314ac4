#!/usr/bin/env python3
"""locctl benchmarks next to Python peers, in the same run (this machine is noisy: compare ratios).

Usage: scripts/bench.py [--corpus DIR] [--runs N] [--only NAME,...]
Generates the corpus with ../shared/bench/gen_corpus.py when DIR is missing, builds locctl in release,
then times each case best-of-N (wall clock) and prints a table with ratios.
"""
import argparse, json, os, shutil, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
GEN = os.path.join(ROOT, "..", "shared", "bench", "gen_corpus.py")


def best_of(n, fn):
    times = []
    for _ in range(n):
        t = time.perf_counter(); fn(); times.append(time.perf_counter() - t)
    return min(times)


def run(cmd, **kw):
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, **kw)


def peak_rss_kb(cmd):
    out = subprocess.run(["/usr/bin/time", "-f", "%M"] + cmd, check=True, stdout=subprocess.DEVNULL,
                         stderr=subprocess.PIPE, text=True).stderr.strip().splitlines()[-1]
    return int(out)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", default=os.path.join(ROOT, "bench-out", "corpus"))
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--only", default="")
    args = ap.parse_args()
    only = set(filter(None, args.only.split(",")))
    if not os.path.exists(os.path.join(args.corpus, "MANIFEST.tsv")):
        os.makedirs(args.corpus, exist_ok=True)
        run([sys.executable, GEN, "--out", args.corpus])
    run(["swift", "build", "-c", "release", "--product", "locctl"], cwd=ROOT)
    run(["swift", "build", "-c", "release", "--product", "locctl-bench"], cwd=ROOT)
    bindir = subprocess.run(["swift", "build", "-c", "release", "--show-bin-path"], cwd=ROOT, check=True,
                            capture_output=True, text=True).stdout.strip()
    locctl = os.path.join(bindir, "locctl")
    bench = os.path.join(bindir, "locctl-bench")
    c = lambda name: os.path.join(args.corpus, name)
    tmp = tempfile.mkdtemp(prefix="locctl-bench-")
    rows = []

    def case(name):
        return not only or name in only

    if case("srt2vtt"):
        import pysubs2
        src = c("big.en.srt")
        ours = best_of(args.runs, lambda: run([locctl, "convert", src, "-o", os.path.join(tmp, "o.vtt"), "-q", "--force"]))
        def peer():
            subs = pysubs2.load(src, encoding="utf-8"); subs.save(os.path.join(tmp, "p.vtt"))
        theirs = best_of(max(1, args.runs - 1), peer)
        rss = peak_rss_kb([locctl, "convert", src, "-o", os.path.join(tmp, "o.vtt"), "-q", "--force"])
        rows.append(("SRT→VTT 200k cues (locctl convert vs pysubs2 load+save)", ours, theirs, f"peak RSS {rss/1024:.0f} MiB"))

    if case("srt-parse"):
        import srt as srtlib
        src = c("big.zh.srt")
        ours = best_of(args.runs, lambda: run([bench, "parse", src]))
        def peer():
            with open(src, encoding="utf-8") as f: list(srtlib.parse(f.read()))
        theirs = best_of(max(1, args.runs - 1), peer)
        rows.append(("parse 200k-cue Chinese SRT (locctl-bench parse vs srt)", ours, theirs, ""))

    if case("matcher"):
        out = subprocess.run([bench, "matcher", c("big.zh.txt"), "--dictionary", c("symbols.txt")], check=True,
                             capture_output=True, text=True).stdout
        r = json.loads(out)
        import ahocorasick
        words = [l.rstrip("\n").split("\t")[0] for l in open(c("symbols.txt"), encoding="utf-8") if l.strip() and not l.startswith("#")]
        A = ahocorasick.Automaton()
        for i, w in enumerate(words): A.add_word(w, i)
        A.make_automaton()
        text = open(c("big.zh.txt"), encoding="utf-8").read()
        t = time.perf_counter(); n = sum(1 for _ in A.iter(text)); peer = time.perf_counter() - t
        rows.append((f"match {r['megabytes']:.1f} MB Chinese vs {r['patterns']} patterns (MB/s {r['mb_per_s']:.0f})",
                     r["seconds"], peer, f"matcher build {r['build_ms']:.1f} ms; {r['matches']} matches vs pyahocorasick {n} (overlapping)"))

    for name, label in [("store", "open compiled store + build matcher (shipped glossary)"),
                        ("localize", "localize 80-episode series for all regions"),
                        ("annotate", "annotate 80-episode series, 12 regions, all formats"),
                        ("audit", "audit 80-episode series pair, 12 regions")]:
        if not case(name):
            continue
        p = subprocess.run([bench, name, "--corpus", args.corpus], capture_output=True, text=True)
        if p.returncode != 0:
            rows.append((label, None, None, "not available: " + (p.stderr.strip().splitlines() or ["?"])[-1]))
            continue
        r = json.loads(p.stdout)
        rows.append((label, r["seconds"], None, r.get("note", "")))

    if case("latency"):
        latency_case(bench, args.corpus, locctl, rows, runs=max(3, args.runs))

    print(f"{'case':70} {'locctl':>10} {'peer':>10} {'ratio':>8}  notes")
    for label, ours, theirs, note in rows:
        o = f"{ours*1000:.0f} ms" if ours is not None else "-"
        t = f"{theirs*1000:.0f} ms" if theirs is not None else "-"
        ratio = f"{theirs/ours:.1f}×" if ours and theirs else "-"
        print(f"{label:70} {o:>10} {t:>10} {ratio:>8}  {note}")
    shutil.rmtree(tmp, ignore_errors=True)


def latency_case(bench, corpus, locctl, rows, runs=5):
    """One episode, one region, end to end vs a bare convert; store open, matcher build vs snapshot load and
    matching MB/s (built vs snapshot-loaded vs without sense models), all from one `locctl-bench latency` run."""
    p = subprocess.run([bench, "latency", "--corpus", corpus, "--locctl", locctl, "--runs", str(runs)],
                       capture_output=True, text=True)
    if p.returncode != 0:
        rows.append(("latency: one episode, one region vs convert", None, None,
                     "not available: " + (p.stderr.strip().splitlines() or ["?"])[-1]))
        return
    r = json.loads(p.stdout)
    e = r["end_to_end"]["snapshots"]
    rows.append((f"annotate 1 episode {r['end_to_end']['region']} (peer: convert, ratio = convert/annotate)",
                 e["annotate_ms"] / 1000, e["convert_ms"] / 1000, f"{e['annotate_vs_convert']:.2f}× convert"))
    rows.append((f"audit 1 episode {r['end_to_end']['region']} (peer: convert, ratio = convert/audit)",
                 e["audit_ms"] / 1000, e["convert_ms"] / 1000, f"{e['audit_vs_convert']:.2f}× convert"))
    rows.append(("latency report (store open, matchers, MB/s)", None, None, r["note"]))


if __name__ == "__main__":
    main()
