"""Score lessons.contextualizing.people and acronyms against the gold in data/gold/*.json.

Run from the repository root::

    .venv/bin/python scripts/eval_people.py              # the development gold (data/gold/*.json)
    .venv/bin/python scripts/eval_people.py --show       # also list every miss
    .venv/bin/python scripts/eval_people.py data/heldout/gold/blind5-*.json   # a blind batch: once, at the end

*People recall*: of the distinct people of the gold (``people``), the share found under their full name.
*Mention precision*: of the distinct mention texts the tool attaches to people (surnames included), the share
that name a person of the gold (any person's ``mentions``). *Acronym accuracy*: of the acronyms the gold says
the text defines, the share found with the same expansion; extra acronyms are counted apart. Counts are summed
over the files first (micro-average).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from lessons.contextualizing import acronyms, people  # noqa: E402
from lessons.paths import DATA_DIR  # noqa: E402
from lessons.reading import read_file  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", action="store_true", help="list every miss")
    parser.add_argument("gold", nargs="*", type=Path, help="gold files (default: data/gold/*.json)")
    args = parser.parse_args(argv)
    files = args.gold or sorted((DATA_DIR / "gold").glob("*.json"))
    totals = dict.fromkeys(("people", "found", "mentions", "right", "acronyms", "acr_right", "acr_extra"), 0)
    print(f"{'file':<34} {'people':>10} {'mentions':>10} {'acronyms':>10}")
    for path in files:
        gold = json.loads(path.read_text(encoding="utf-8"))
        article = read_file(DATA_DIR / gold["file"])
        system = people(article)
        names = {p.name.casefold() for p in system}
        wanted = [g["name"] for g in gold["people"]]
        found = [n for n in wanted if n.casefold() in names]
        texts = {m[0] for p in system for m in p.mentions}
        good = {t for g in gold["people"] for t in g["mentions"]}
        right = {t for t in texts if t in good}
        got = acronyms(article)
        acr_right = sum(got.get(k) == v for k, v in gold["acronyms"].items())
        for key, value in (("people", len(wanted)), ("found", len(found)), ("mentions", len(texts)),
                           ("right", len(right)), ("acronyms", len(gold["acronyms"])), ("acr_right", acr_right),
                           ("acr_extra", len(set(got) - set(gold["acronyms"])))):
            totals[key] += value
        print(f"{path.stem:<34} {len(found):>4}/{len(wanted):<5} {len(right):>4}/{len(texts):<5} "
              f"{acr_right:>4}/{len(gold['acronyms']):<5}")
        if args.show:
            for name in sorted(set(wanted) - set(found)):
                print(f"  missed person  {name}")
            for text in sorted(texts - right):
                print(f"  wrong mention  {text}")
            for short in sorted(set(got) ^ set(gold["acronyms"]) | {k for k in got if got[k] != gold["acronyms"].get(k)}):
                print(f"  acronym        {short}: {got.get(short)!r} (gold {gold['acronyms'].get(short)!r})")
    t = totals
    print(f"people recall {t['found']}/{t['people']} = {t['found'] / max(t['people'], 1):.3f}; "
          f"mention precision {t['right']}/{t['mentions']} = {t['right'] / max(t['mentions'], 1):.3f}; "
          f"acronym accuracy {t['acr_right']}/{t['acronyms']} = {t['acr_right'] / max(t['acronyms'], 1):.3f} "
          f"({t['acr_extra']} extra)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
