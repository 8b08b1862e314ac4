#!/usr/bin/env python3
"""Prints glossary counts: symbols per category and priority, glosses and renderings per language, and how many
priority-1 symbols are complete (a gloss and at least one preferred rendering in every target language).

Target languages are the eleven subtitle languages `en es pt fr de th vi id ja ko ar`; with the Chinese gloss
(`zh-Hans` or `zh-Hant`) that makes the twelve languages issue 12 counts. A rendering keyed by a region tag
(`es-419`, `pt-BR`) counts for its language. Both completeness figures are printed:

- complete (11 target languages): gloss + preferred rendering in each of the eleven;
- complete (12 languages): the same plus a Chinese gloss;
- complete (12 languages or shared): the Chinese gloss is excused when zh-Hans-CN and zh-Hant-TW are both in
  `shared-by` (those viewers get no note, so no Chinese gloss is shown).

    python3 scripts/glossary_stats.py [--glossary glossaries] [--json]
"""
import argparse
import collections
import glob
import json
import os
import sys

import yaml

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
TARGETS = ["en", "es", "pt", "fr", "de", "th", "vi", "id", "ja", "ko", "ar"]
CHINESE = ["zh-Hans", "zh-Hant"]


def language_of(tag):
    """`zh-Hant-TW` → `zh-Hant`, `es-419` → `es`, `en` → `en`."""
    parts = tag.split("-")
    if parts[0] == "zh" and len(parts) > 1 and parts[1] in ("Hans", "Hant"):
        return "-".join(parts[:2])
    return parts[0]


def load(directory):
    symbols = []
    for path in sorted(glob.glob(os.path.join(directory, "*.yaml"))):
        with open(path, encoding="utf-8") as f:
            doc = yaml.safe_load(f) or {}
        default = doc.get("category")
        for symbol in doc.get("symbols") or []:
            symbol = dict(symbol)
            symbol.setdefault("category", default)
            symbol["_file"] = os.path.basename(path)
            symbols.append(symbol)
    return symbols


def languages(symbol):
    """Returns (gloss languages, languages with a preferred rendering)."""
    glossed = {language_of(tag) for tag, text in (symbol.get("gloss") or {}).items() if str(text or "").strip()}
    rendered = set()
    for tag, rendering in (symbol.get("renderings") or {}).items():
        if isinstance(rendering, dict) and rendering.get("preferred"):
            rendered.add(language_of(tag))
    return glossed, rendered


def stats(symbols):
    by_category = collections.Counter(s["category"] for s in symbols)
    by_priority = collections.Counter(int(s.get("priority", 2)) for s in symbols)
    by_category_p1 = collections.Counter(s["category"] for s in symbols if int(s.get("priority", 2)) == 1)
    gloss_lang, rend_lang = collections.Counter(), collections.Counter()
    gloss_lang_p1, rend_lang_p1 = collections.Counter(), collections.Counter()
    complete11, complete12, complete12_shared = [], [], []
    complete_by_category = collections.Counter()
    for s in symbols:
        glossed, rendered = languages(s)
        p1 = int(s.get("priority", 2)) == 1
        for lang in glossed:
            gloss_lang[lang] += 1
            gloss_lang_p1[lang] += p1
        for lang in rendered:
            rend_lang[lang] += 1
            rend_lang_p1[lang] += p1
        if not p1:
            continue
        if all(lang in glossed and lang in rendered for lang in TARGETS):
            complete11.append(s["id"])
            complete_by_category[s["category"]] += 1
            if any(lang in glossed for lang in CHINESE):
                complete12.append(s["id"])
            shared = set(s.get("shared-by") or [])
            if any(lang in glossed for lang in CHINESE) or {"zh-Hans-CN", "zh-Hant-TW"} <= shared:
                complete12_shared.append(s["id"])
    p1_total = by_priority.get(1, 0)
    missing = collections.Counter()
    for s in symbols:
        if int(s.get("priority", 2)) != 1:
            continue
        glossed, rendered = languages(s)
        for lang in TARGETS:
            if lang not in glossed:
                missing[f"gloss.{lang}"] += 1
            if lang not in rendered:
                missing[f"renderings.{lang}"] += 1
        if not any(lang in glossed for lang in CHINESE):
            missing["gloss.zh-Hans|zh-Hant"] += 1
    return {
        "symbols": len(symbols),
        "by_category": dict(sorted(by_category.items())),
        "priority_1_by_category": dict(sorted(by_category_p1.items())),
        "by_priority": dict(sorted(by_priority.items())),
        "gloss_by_language": {lang: gloss_lang[lang] for lang in TARGETS + CHINESE},
        "renderings_by_language": {lang: rend_lang[lang] for lang in TARGETS + CHINESE},
        "priority_1_gloss_by_language": {lang: gloss_lang_p1[lang] for lang in TARGETS + CHINESE},
        "priority_1_renderings_by_language": {lang: rend_lang_p1[lang] for lang in TARGETS + CHINESE},
        "priority_1": p1_total,
        "priority_1_complete_11_target_languages": len(complete11),
        "priority_1_complete_12_languages": len(complete12),
        "priority_1_complete_12_languages_or_shared": len(complete12_shared),
        "priority_1_complete_by_category": dict(sorted(complete_by_category.items())),
        "priority_1_missing": dict(missing.most_common()),
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--glossary", default=os.path.join(ROOT, "glossaries"))
    parser.add_argument("--json", action="store_true", help="print the counts as one JSON object")
    args = parser.parse_args()
    result = stats(load(args.glossary))
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=2))
        return 0
    print(f"symbols: {result['symbols']}  (priority 1: {result['priority_1']}, "
          f"by priority: {result['by_priority']})")
    print("\nper category: symbols / priority 1 / priority 1 complete in the 11 target languages")
    for category, n in result["by_category"].items():
        print(f"  {category:10} {n:5} {result['priority_1_by_category'].get(category, 0):5} "
              f"{result['priority_1_complete_by_category'].get(category, 0):5}")
    print("\nper language: glosses (all / priority 1), preferred renderings (all / priority 1)")
    for lang in TARGETS + CHINESE:
        print(f"  {lang:8} {result['gloss_by_language'][lang]:5} {result['priority_1_gloss_by_language'][lang]:5}"
              f"   {result['renderings_by_language'][lang]:5} {result['priority_1_renderings_by_language'][lang]:5}")
    print(f"\npriority-1 symbols complete in the 11 target languages: "
          f"{result['priority_1_complete_11_target_languages']} of {result['priority_1']}")
    print(f"priority-1 symbols complete in 12 languages (plus a Chinese gloss): "
          f"{result['priority_1_complete_12_languages']} of {result['priority_1']}")
    print(f"priority-1 symbols complete in 12 languages, the Chinese gloss excused where both Chinese regions are "
          f"in shared-by (they get no note): {result['priority_1_complete_12_languages_or_shared']} of {result['priority_1']}")
    print("priority-1 gaps:", ", ".join(f"{k} {v}" for k, v in result["priority_1_missing"].items()) or "none")
    return 0


if __name__ == "__main__":
    sys.exit(main())
