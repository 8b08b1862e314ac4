#!/usr/bin/env python3
"""Pre-checks for the glossary review rubric (glossaries/README.md, "Review rubric") that lint does not make.

Prints `file: id: field: [class] message` for every hit. A hit is a lead for the reviewer, not a verdict: the
keyword lists catch candidates (a religious-law word in an analogy, cross-strait wording, a gloss that opens
with its head term, a deprecated rendering that is the symbol's own pinyin or another symbol's accepted name).

    python3 scripts/review_checks.py [--glossary glossaries] [FILE.yaml ...]
"""
import argparse
import glob
import os
import re
import sys
import unicodedata

import yaml

RELIGIOUS_LAW = [
    # English and Latin-script
    r"qur'?an", r"koran", r"coran", r"alcor[aá]n", r"\bsura[h]?\b", r"\bsharia\b", r"shari'?a", r"charia", r"scharia",
    r"syari", r"\bhalal\b", r"\bharam\b", r"\bhajj?\b", r"\bhadith", r"\bhadis\b", r"\bfiqh\b", r"\bmahr\b",
    r"\bqadar\b", r"\bzakat\b", r"\bjihad", r"\bbibl", r"\bbibel", r"alkitab", r"gospel", r"evangeli", r"torah",
    r"halakh", r"kosher", r"canon law", r"sacrament", r"commandment", r"\bpsalm", r"\bvers[eí]culo",
    r"\bgenesis\b", r"\bexodus\b", r"leviticus", r"\bpecado\b", r"\bsünde",
    # Arabic
    r"قرآن", r"القرآن", r"سورة", r"آية", r"شرع", r"حلال", r"حرام", r"\bالحج\b", r"\bحج\b", r"الحديث الشريف", r"حديث نبوي", r"فقه", r"المهر", r"زكاة",
    r"الإنجيل", r"التوراة", r"الكتاب المقدس", r"قدر الله", r"القضاء والقدر",
]
ENGLISH_ONLY = [r"\bverse\b", r"\bsin\b", r"\bscripture"]
EQUATING = [r"chinese (version|equivalent) of", r"is the chinese ", r"versión china de", r"version chinoise de",
            r"chinesische (version|entsprechung)", r"versi tionghoa dari", r"النسخة الصينية من"]
ARTICLE = re.compile(r"^(the|an?|el|la|los|las|o|os|as|le|les|l'|der|die|das|den)\s*(?<=\s|')", re.IGNORECASE)
POLITICAL = [r"两岸", r"兩岸", r"陆剧", r"陸劇", r"大陆", r"大陸", r"内地", r"內地", r"mainland", r"祖国", r"祖國",
             r"台独", r"台獨", r"本省", r"外省"]


def fold(text):
    """Lower-cases and strips diacritics and non-alphanumerics (a rough LatinFold)."""
    text = unicodedata.normalize("NFKD", str(text)).casefold()
    return "".join(c for c in text if c.isalnum())


def as_list(value):
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def texts(value, path):
    """Yields (path, text) for every string inside a value."""
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from texts(v, f"{path}[{i}]")
    elif isinstance(value, dict):
        for k, v in value.items():
            yield from texts(v, f"{path}.{k}")


def load(directory):
    entries = []
    for path in sorted(glob.glob(os.path.join(directory, "*.yaml"))):
        with open(path, encoding="utf-8") as f:
            doc = yaml.safe_load(f) or {}
        for symbol in doc.get("symbols") or []:
            entries.append((os.path.basename(path), symbol))
    return entries


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--glossary", default=os.path.join(os.path.dirname(__file__), "..", "glossaries"))
    parser.add_argument("files", nargs="*", help="only report on these file names (default: all)")
    args = parser.parse_args()
    entries = load(args.glossary)
    only = {os.path.basename(f) for f in args.files}

    accepted = {}   # (lang, folded term) -> ids with it preferred/admitted
    for _, s in entries:
        for tag, r in (s.get("renderings") or {}).items():
            lang = tag.split("-")[0]
            for status in ("preferred", "admitted"):
                for term in as_list((r or {}).get(status)):
                    accepted.setdefault((lang, fold(term)), set()).add(s["id"])

    hits = 0

    def report(file, sid, field, cls, message):
        nonlocal hits
        hits += 1
        print(f"{file}: {sid}: {field}: [{cls}] {message}")

    for file, s in entries:
        if only and file not in only:
            continue
        sid = s.get("id", "?")
        forms = s.get("forms") or {}
        chinese = as_list(forms.get("simplified")) + as_list(forms.get("traditional"))
        pinyin = {fold(p) for p in as_list(forms.get("pinyin"))}
        renderings = s.get("renderings") or {}
        for lang, gloss in (s.get("gloss") or {}).items():
            g = str(gloss)
            heads = list(chinese)
            r = renderings.get(lang) or {}
            heads += as_list(r.get("preferred"))
            opening = ARTICLE.sub("", g.lstrip("«“\"'「『(„")).casefold()
            for head in heads:
                h = ARTICLE.sub("", str(head)).casefold()
                if len(fold(h)) >= 2 and opening.lstrip("«“\"'「『(„").startswith(h):
                    report(file, sid, f"gloss.{lang}", "head-repeated", f"opens with '{h}'")
                    break
        for field in ("gloss", "analogies", "renderings", "sensitivity", "notes"):
            for path, text in texts(s.get(field), field):
                english = path.endswith(".en") or "." not in path.split("analogies.")[-1]
                for pattern in RELIGIOUS_LAW + EQUATING + (ENGLISH_ONLY if english else []):
                    if re.search(pattern, text, re.IGNORECASE):
                        report(file, sid, path, "religious-analogy?", f"/{pattern}/ in: {text}")
                        break
                for pattern in POLITICAL:
                    if re.search(pattern, text, re.IGNORECASE):
                        report(file, sid, path, "political-wording?", f"/{pattern}/ in: {text}")
                        break
        for tag, r in renderings.items():
            lang = tag.split("-")[0]
            for term in as_list((r or {}).get("deprecated")):
                f = fold(term)
                if f in pinyin:
                    report(file, sid, f"renderings.{tag}.deprecated", "deprecated-established-name?",
                           f"'{term}' is the symbol's own pinyin")
                others = accepted.get((lang, f), set()) - {sid}
                if others:
                    report(file, sid, f"renderings.{tag}.deprecated", "deprecated-established-name?",
                           f"'{term}' is accepted for {', '.join(sorted(others))}")
    print(f"{hits} hits", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
