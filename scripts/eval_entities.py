"""Score lessons.entities (labels and alias clusters) against the gold in data/gold/*.json.

Run from the repository root::

    .venv/bin/python scripts/eval_entities.py              # the development gold (data/gold/*.json)
    .venv/bin/python scripts/eval_entities.py --show       # also list every miss
    .venv/bin/python scripts/eval_entities.py data/heldout/gold/blind6-*.json   # a blind batch: once, at the end

*Entities*: precision, recall and F1 over the distinct (text, label) pairs of each file (``entities`` in the
gold), and per label. *PERSON precision*: of the distinct texts labelled PERSON, the share that name a person
of the gold. *Alias clusters*: precision, recall and F1 over the pairs of names that share a cluster (``aliases``),
so a cluster half found earns half its pairs. Counts are summed over the files first (micro-average).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from itertools import combinations
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from lessons.entities import aliases, entities  # noqa: E402
from lessons.paths import DATA_DIR  # noqa: E402
from lessons.reading import read_file  # noqa: E402

LABELS = ("PERSON", "GPE", "ORG", "LOC")


def _prf(right: int, found: int, wanted: int) -> str:
    p, r = right / max(found, 1), right / max(wanted, 1)
    return f"P {p:.3f} R {r:.3f} F1 {2 * p * r / max(p + r, 1e-9):.3f} ({right}/{found} found, {wanted} gold)"


def _pairs(clusters: list[list[str]]) -> set[frozenset[str]]:
    return {frozenset(p) for names in clusters for p in combinations(sorted(set(names)), 2)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", action="store_true", help="list every miss")
    parser.add_argument("gold", nargs="*", type=Path, help="gold files (default: data/gold/*.json)")
    args = parser.parse_args(argv)
    files = args.gold or sorted((DATA_DIR / "gold").glob("*.json"))
    count: Counter[str] = Counter()
    cpu = 0.0
    for path in files:
        gold = json.loads(path.read_text(encoding="utf-8"))
        if "entities" not in gold:
            continue
        article = read_file(DATA_DIR / gold["file"])
        began = time.process_time()
        system = {(e.text, e.label) for e in entities(article)}
        clusters = [list(a.names) for a in aliases(article)]
        cpu += time.process_time() - began
        wanted = {(e["text"], e["label"]) for e in gold["entities"]}
        count["right"] += len(system & wanted)
        count["found"] += len(system)
        count["wanted"] += len(wanted)
        count["text_right"] += len({t for t, _ in system} & {t for t, _ in wanted})
        for label in LABELS:
            count[f"{label} right"] += len({x for x in system & wanted if x[1] == label})
            count[f"{label} found"] += len({x for x in system if x[1] == label})
            count[f"{label} wanted"] += len({x for x in wanted if x[1] == label})
        persons = {t for t, lab in system if lab == "PERSON"}
        count["person texts"] += len(persons)
        count["person right"] += len(persons & {m for p in gold["people"] for m in p["mentions"]})
        gold_pairs, pairs = _pairs([c["names"] for c in gold["aliases"]]), _pairs(clusters)
        count["pairs right"] += len(gold_pairs & pairs)
        count["pairs found"] += len(pairs)
        count["pairs wanted"] += len(gold_pairs)
        print(f"{path.stem:<36} entities {len(system & wanted):>3}/{len(system):<3} gold {len(wanted):<3} "
              f"alias pairs {len(gold_pairs & pairs):>2}/{len(pairs):<2} gold {len(gold_pairs)}")
        if args.show:
            for text, label in sorted(system - wanted):
                other = [lab for t, lab in wanted if t == text]
                print(f"  extra   {text!r} {label}" + (f"   gold {other[0]}" if other else ""))
            for text, label in sorted(wanted - system):
                if not any(t == text for t, _ in system):
                    print(f"  missed  {text!r} {label}")
            for pair in sorted(map(sorted, pairs - gold_pairs)):
                print(f"  alias extra   {pair}")
            for pair in sorted(map(sorted, gold_pairs - pairs)):
                print(f"  alias missed  {pair}")
    c = count
    print(f"entities (text, label): {_prf(c['right'], c['found'], c['wanted'])}")
    print(f"entities, text only:    {_prf(c['text_right'], c['found'], c['wanted'])}")
    for label in LABELS:
        print(f"  {label:<6} {_prf(c[f'{label} right'], c[f'{label} found'], c[f'{label} wanted'])}")
    print(f"PERSON precision over distinct texts: {c['person right']}/{c['person texts']} = "
          f"{c['person right'] / max(c['person texts'], 1):.3f}")
    print(f"alias pairs: {_prf(c['pairs right'], c['pairs found'], c['pairs wanted'])}")
    print(f"speed: {len(files)} articles in {cpu:.2f} s of CPU time ({1000 * cpu / max(len(files), 1):.1f} ms each)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
