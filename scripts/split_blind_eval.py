#!/usr/bin/env python3
"""Splits the blind labelled set once into a development half and a test half (run once; both halves are committed).

Stratified by genre x kind x script: strata in sorted order, rows within each ordered by SHA-256 of their id,
are dealt alternately to dev and test across the whole sequence, so each half holds half of every stratum
(within one row) and the halves differ in size by at most one. Tune only on dev.tsv; test.tsv gives the reported figures and the CI floor.

    scripts/split_blind_eval.py /work/blind-eval/lines.tsv Tests/SymbolDBTests/Fixtures/blind-eval
"""
import collections
import hashlib
import os
import sys


def main() -> int:
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        return 64
    source, out = sys.argv[1], sys.argv[2]
    with open(source, encoding="utf-8") as f:
        lines = f.read().split("\n")
    header, rows = lines[0], [line for line in lines[1:] if line.strip()]
    columns = header.split("\t")
    strata = collections.defaultdict(list)
    for row in rows:
        cells = dict(zip(columns, row.split("\t")))
        strata[(cells["genre"], cells["kind"], cells["script"])].append((cells["id"], row))
    halves = {"dev": [], "test": []}
    dealt = 0
    for key in sorted(strata):
        ordered = sorted(strata[key], key=lambda item: hashlib.sha256(item[0].encode()).hexdigest())
        for _, row in ordered:
            halves["dev" if dealt % 2 == 0 else "test"].append(row)
            dealt += 1
    os.makedirs(out, exist_ok=True)
    order = {row.split("\t")[0]: n for n, row in enumerate(rows)}
    for name, half in halves.items():
        half.sort(key=lambda row: order[row.split("\t")[0]])
        with open(os.path.join(out, f"{name}.tsv"), "w", encoding="utf-8") as f:
            f.write(header + "\n" + "\n".join(half) + "\n")
        print(f"{name}.tsv: {len(half)} rows")
    return 0


if __name__ == "__main__":
    sys.exit(main())
