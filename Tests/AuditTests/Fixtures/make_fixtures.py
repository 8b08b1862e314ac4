#!/usr/bin/env python3
"""Writes the audit test pairs: planted.{zh,en}.srt (one planted problem per rule, see PLANTED) and
clean.{zh,en}.srt (no finding). Run from anywhere; files are written beside this script."""
import os

HERE = os.path.dirname(os.path.abspath(__file__))

def t(ms):
    h, ms = divmod(ms, 3600000); m, ms = divmod(ms, 60000); s, ms = divmod(ms, 1000)
    return f"{h:02}:{m:02}:{s:02},{ms:03}"

def grid(i):  # cue i (1-based) on the regular grid: every 3 s, 2.5 s long
    return (i - 1) * 3000, (i - 1) * 3000 + 2500

# (zh, en, start, end, planted rule) in file order.
PLANTED = [
    ("中秋节到了。", "The Mid-Autumn Festival.", *grid(1), None),
    ("嫦娥在月亮上。", "She lives on the moon.", *grid(2), "glossary.not-preferred"),
    ("中秋节快乐！", "Happy Mooncake Festival!", *grid(3), "glossary.deprecated"),
    ("回家过中秋。", "Home for Zhongqiu.", *grid(4), "glossary.pinyin-leftover"),
    ("他说：好的。", "He said: 好的.", *grid(5), "glossary.untranslated-chinese"),
    ("中秋节的月亮。", "The Moon Festival moon.", *grid(6), "glossary.inconsistent"),
    ("我们回家吧。", "Come home, son-in-law.", *grid(7), "glossary.unexpected-symbol"),
    ("那个外国人。", "That Oriental man.", *grid(8), "sensitivity.term"),
    ("快给爷爷磕头。", "Kowtow to Grandpa.", *grid(9), "sensitivity.symbol"),
    ("江湖险恶。", "The jianghu is cruel.", *grid(10), "coverage.no-gloss"),
    ("给我点面子。", "Let me save face.", *grid(11), "coverage.no-analogy"),
    ("这就是侠义。", "This is chivalry.", *grid(12), "coverage.no-rendering"),
    ("龙王来了。", "The Dragon King is here.", *grid(13), "coverage.draft"),
    ("今天天气很好。", "The weather is truly lovely today.", *grid(14), "qc.chars-per-line"),
    ("是。不。也许。好吧。", "Yes.\nNo.\nMaybe.\nWell.", *grid(15), "qc.lines-per-cue"),
    ("快跑，他们来了！", "Run, they are coming!", 45000, 46000, "qc.reading-speed"),
    ("走。", "Go.", 46500, 47000, "qc.min-duration"),
    ("……", "Silence.", 47500, 55500, "qc.max-duration"),
    ("等等。", "Wait.", 55533, 57500, "qc.min-gap"),
    ("住手。", "Stop.", 57300, 59500, "qc.overlap"),
    ("……", "", 60000, 62500, "qc.empty"),
    ("我知道的就是这件事，对。", "That is the thing I know\nyes.", 66000, 68500, "qc.unbalanced"),
    ("再说一遍。", "Say it again.", 63000, 65500, "qc.out-of-order"),
    ("结束了。", "The end.", 69000, 71500, None),
]

CLEAN = [
    ("中秋节到了。", "The Mid-Autumn Festival.", *grid(1)),
    ("嫦娥在月亮上。", "Chang'e is on the moon.", *grid(2)),
    ("他是赘婿。", "He is the son-in-law.", *grid(3)),
    ("今天很好，明天也好。", "Today is good,\nand tomorrow too.", *grid(4)),
    ("中秋节快乐！", "Mid-Autumn Festival joy!", *grid(5)),
]

def write(name, cues):
    with open(os.path.join(HERE, name), "w", encoding="utf-8", newline="\n") as f:
        for i, (text, start, end) in enumerate(cues, 1):
            f.write(f"{i}\n{t(start)} --> {t(end)}\n")
            if text:
                f.write(text + "\n")
            f.write("\n")

write("planted.zh.srt", [(zh, s, e) for zh, _, s, e, _ in PLANTED])
write("planted.en.srt", [(en, s, e) for _, en, s, e, _ in PLANTED])
write("clean.zh.srt", [(zh, s, e) for zh, _, s, e in CLEAN])
write("clean.en.srt", [(en, s, e) for _, en, s, e in CLEAN])
with open(os.path.join(HERE, "planted.expected.tsv"), "w", encoding="utf-8") as f:
    f.write("cue\trule\n")
    for i, row in enumerate(PLANTED, 1):
        if row[4]:
            f.write(f"{i}\t{row[4]}\n")
