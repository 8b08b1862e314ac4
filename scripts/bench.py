#!/usr/bin/env python3
"""locctl benchmarks next to Python peers, in the same run (this machine is noisy: compare ratios).

Usage: scripts/bench.py [--corpus DIR] [--runs N] [--only NAME,...] [--big-cues N]
Generates the corpus with ../shared/bench/gen_corpus.py when DIR is missing, builds locctl in release,
then times each case best-of-N (wall clock) and prints a table with ratios.

Codec cases (`codec_cases`, names srt2vtt, srt2vtt-1m, ttml2srt, ttml-series): locctl `convert` next to pysubs2,
srt, ttconv and ffmpeg where installed and next to `cat` of the same file (the raw limit: read + write the bytes),
each with MB/s, cues/s and peak RSS (GNU time, a separate run) and the peer/locctl ratio. Python peers are timed
in-process (no interpreter start-up: in their favour), locctl and ffmpeg and cat as processes.
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
    ap.add_argument("--big-cues", type=int, default=1_000_000, help="cues of the srt2vtt-1m file (peak memory)")
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

    rows += codec_cases(args, locctl, bench, c, tmp, case)

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


# ---- Codec speed next to peers and raw limits (issue 18 items 1 and 3) ---------------------------------------

def measure_process(cmd, runs, stdout=None):
    """Best-of-`runs` wall seconds of a process, and its peak RSS in KiB from one more run under GNU time."""
    def once():
        with open(stdout, "wb") if stdout else open(os.devnull, "wb") as out:
            subprocess.run(cmd, check=True, stdout=out, stderr=subprocess.DEVNULL)
    seconds = best_of(runs, once)
    with open(stdout, "wb") if stdout else open(os.devnull, "wb") as out:
        p = subprocess.run(["/usr/bin/time", "-f", "%M"] + cmd, check=True, stdout=out, stderr=subprocess.PIPE, text=True)
    return seconds, int(p.stderr.strip().splitlines()[-1])


def peak_rss_python(code):
    """Peak RSS (KiB) of a Python peer run as its own process (`code` run with python3 -c)."""
    p = subprocess.run(["/usr/bin/time", "-f", "%M", sys.executable, "-c", code], check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    return int(p.stderr.strip().splitlines()[-1])


def have_module(name):
    import importlib.util
    return importlib.util.find_spec(name) is not None


def cue_count(path):
    with open(path, "rb") as f:
        return f.read().count(b"-->") if not path.endswith(".ttml") else None


def codec_cases(args, locctl, bench, c, tmp, case):
    """Rows (label, locctl s, peer s, note) for the codec cases; also prints the detailed codec table."""
    detail = []   # (case, tool, seconds, bytes, cues, rss_kib)
    out = lambda name: os.path.join(tmp, name)

    def locctl_convert(src, dst, runs=args.runs):
        return measure_process([locctl, "convert", src, "-o", dst, "-q", "--force"], runs)

    def cat(src, dst):
        return measure_process(["cat", src], args.runs, stdout=dst)

    def add(case_name, tool, seconds, src, cues, rss):
        detail.append((case_name, tool, seconds, os.path.getsize(src), cues, rss))

    if case("srt2vtt"):
        src = c("big.zh.srt")
        cues = cue_count(src)
        s, r = locctl_convert(src, out("o.vtt")); add("srt2vtt", "locctl convert", s, src, cues, r)
        s, r = cat(src, out("cat.srt")); add("srt2vtt", "cat (raw limit)", s, src, cues, r)
        if have_module("pysubs2"):
            import pysubs2
            def peer():
                subs = pysubs2.load(src, encoding="utf-8"); subs.save(out("p.vtt"))
            s = best_of(max(1, args.runs - 1), peer)
            r = peak_rss_python(f"import pysubs2; pysubs2.load({src!r}, encoding='utf-8').save({out('p.vtt')!r})")
            add("srt2vtt", "pysubs2 load+save (in-process)", s, src, cues, r)
        if have_module("srt"):
            import srt as srtlib
            def peer():
                with open(src, encoding="utf-8") as f: subs = list(srtlib.parse(f.read()))
                with open(out("s.srt"), "w", encoding="utf-8") as f: f.write(srtlib.compose(subs, reindex=False))
            s = best_of(max(1, args.runs - 1), peer)
            r = peak_rss_python(f"import srt; open({out('s.srt')!r},'w').write(srt.compose(list(srt.parse(open({src!r}).read())), reindex=False))")
            add("srt2vtt", "srt parse+compose SRT (in-process)", s, src, cues, r)
        if shutil.which("ffmpeg"):
            s, r = measure_process(["ffmpeg", "-v", "error", "-y", "-i", src, out("f.vtt")], max(1, args.runs - 1))
            add("srt2vtt", "ffmpeg -i srt vtt", s, src, cues, r)

    if case("srt2vtt-1m"):
        big_dir = os.path.join(args.corpus, f"big-{args.big_cues}")
        if not os.path.exists(os.path.join(big_dir, "big.en.srt")):
            os.makedirs(big_dir, exist_ok=True)
            run([sys.executable, GEN, "--out", big_dir, "--big-cues", str(args.big_cues)])
        src = os.path.join(big_dir, "big.zh.srt")
        cues = cue_count(src)
        s, r = locctl_convert(src, out("o1m.vtt"), runs=1); add("srt2vtt-1m", "locctl convert", s, src, cues, r)
        s, r = cat(src, out("cat1m.srt")); add("srt2vtt-1m", "cat (raw limit)", s, src, cues, r)

    if case("ttml2srt"):
        src = c("big.zh.ttml")
        cues = 200_000
        s, r = locctl_convert(src, out("o.srt")); add("ttml2srt", "locctl convert", s, src, cues, r)
        s, r = cat(src, out("cat.ttml")); add("ttml2srt", "cat (raw limit)", s, src, cues, r)
        # ttconv takes minutes on this file (its ISD model); it is compared on the series below.

    if case("ttml-series"):
        src = c("series.zh.ttml")
        cues = 3200
        s, r = locctl_convert(src, out("series.srt")); add("ttml-series", "locctl convert", s, src, cues, r)
        p = subprocess.run([bench, "parse", src], capture_output=True, text=True)
        if p.returncode == 0:
            add("ttml-series", "locctl-bench parse (in-process)", json.loads(p.stdout)["seconds"], src, cues, 0)
        s, r = cat(src, out("cat-series.ttml")); add("ttml-series", "cat (raw limit)", s, src, cues, r)
        if have_module("ttconv"):
            import xml.etree.ElementTree as et
            import ttconv.imsc.reader as imsc_reader
            import ttconv.srt.writer as srt_writer
            def peer():
                doc = imsc_reader.to_model(et.parse(src))
                with open(out("t.srt"), "w", encoding="utf-8") as f: f.write(srt_writer.from_model(doc))
            s = best_of(1, peer)   # one run: it takes minutes
            add("ttml-series", "ttconv imsc→srt (in-process)", s, src, cues, 0)

    if not detail:
        return []
    print(f"{'codec case':12} {'tool':36} {'time':>10} {'MB/s':>8} {'cues/s':>11} {'peak RSS':>9} {'vs locctl':>10}")
    ours = {d[0]: d[2] for d in detail if d[1] == "locctl convert"}
    rows = []
    for name, tool, seconds, size, cues, rss in detail:
        mbs = size / 1e6 / seconds
        cps = f"{cues / seconds:,.0f}" if cues else "-"
        base = ours.get(name)
        ratio = "-" if tool == "locctl convert" or not base else f"{seconds / base:.1f}×"
        mem = f"{rss / 1024:.0f} MiB" if rss else "-"
        print(f"{name:12} {tool:36} {seconds * 1000:8.0f} ms {mbs:8.1f} {cps:>11} {mem:>9} {ratio:>10}")
        if tool != "locctl convert" and base:
            rows.append((f"{name}: locctl convert vs {tool}", base, seconds, f"{size / 1e6:.1f} MB"))
    print()
    return rows


if __name__ == "__main__":
    main()
