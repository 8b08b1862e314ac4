#!/usr/bin/env python3
"""One episode, one region: CPU time (user+sys from wait4) of annotate/audit/localize vs a bare convert (issue 18).

  scripts/episode_cpu.py [--runs N] [--region R] BIN [BIN ...]

Runs are interleaved across the binaries (a noisy shared machine: compare ratios within one run), each binary with
its own LOCCTL_CACHE_DIR (a snapshot written by one build is removed by another), after one warm-up run each.
Prints the median and the minimum per command and their ratio to convert's.
"""
import argparse, os, statistics, subprocess, tempfile

parser = argparse.ArgumentParser()
parser.add_argument("binaries", nargs="+")
parser.add_argument("--runs", type=int, default=20)
parser.add_argument("--region", default="en-US")
args = parser.parse_args()
repo = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
scratch = tempfile.mkdtemp(prefix="locctl-episode-cpu-")
ep = "examples/son-in-law/ep01"

def commands(binary, tag):
    out = os.path.join(scratch, f"out-{tag}")
    common = [f"{ep}.en.srt", "--source", f"{ep}.zh.srt", "--region", args.region]
    return {
        "convert": [binary, "convert", f"{ep}.en.srt", "-o", os.path.join(scratch, f"x-{tag}.vtt"), "--force", "-q"],
        "annotate": [binary, "annotate", *common, "--out-dir", out, "-q"],
        "audit": [binary, "audit", *common, "-o", os.path.join(scratch, f"audit-{tag}.txt")],
        "localize": [binary, "localize", *common, "-o", os.path.join(scratch, f"loc-{tag}.srt"), "-q"],
    }

def cpu_ms(argv, tag):
    env = dict(os.environ, LOCCTL_CACHE_DIR=os.path.join(scratch, f"cache-{tag}"))
    p = subprocess.Popen(argv, cwd=repo, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, _, usage = os.wait4(p.pid, 0)
    return (usage.ru_utime + usage.ru_stime) * 1000

times = {}
for tag, binary in enumerate(args.binaries):
    for argv in commands(binary, tag).values():
        cpu_ms(argv, tag)
for _ in range(args.runs):
    for tag, binary in enumerate(args.binaries):
        for name, argv in commands(binary, tag).items():
            times.setdefault((tag, name), []).append(cpu_ms(argv, tag))
for tag, binary in enumerate(args.binaries):
    convert = times[(tag, "convert")]
    print(binary)
    for name in ["convert", "annotate", "audit", "localize"]:
        t = times[(tag, name)]
        print(f"  {name:9s} median {statistics.median(t):7.1f} ms ({statistics.median(t) / statistics.median(convert):4.2f}x)"
              f"  min {min(t):7.1f} ms ({min(t) / min(convert):4.2f}x)")
