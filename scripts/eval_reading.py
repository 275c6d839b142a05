"""Print how well ``read_article`` recovers the header and paragraphs of every gold article.

    python scripts/eval_reading.py                              # the development gold, data/gold/
    python scripts/eval_reading.py data/heldout/gold/*.json     # the held-out (blind) gold

For each gold file: headline, author, published (compared as instants; a gold
date without a time compares dates) and the paragraph count, then the share correct.
"""

from __future__ import annotations

import json
import sys
from datetime import datetime
from pathlib import Path

from lessons.paths import DATA_DIR
from lessons.reading import read_article

FIELDS = ("headline", "author", "published", "updated", "paragraphs")


def _same_time(found: datetime | None, gold: str | None) -> bool:
    if gold is None or found is None:
        return found is None and gold is None
    if len(gold) == 10:  # a date only
        return found.date().isoformat() == gold
    return found == datetime.fromisoformat(gold)


def compare(gold: dict) -> dict[str, tuple[bool, object, object]]:
    """Field -> (correct, found, gold) for one gold annotation."""
    article = read_article(DATA_DIR / gold["file"])
    return {
        "headline": (article.headline == gold["headline"], article.headline, gold["headline"]),
        "author": (article.author == gold["author"], article.author, gold["author"]),
        "published": (_same_time(article.published, gold["published"]), article.published, gold["published"]),
        "updated": (_same_time(article.updated, gold.get("updated")), article.updated, gold.get("updated")),
        "paragraphs": (len(article.paragraphs) == gold["paragraphs"], len(article.paragraphs), gold["paragraphs"]),
    }


def main() -> None:
    right = dict.fromkeys(FIELDS, 0)
    golds = [Path(a) for a in sys.argv[1:]] or sorted((DATA_DIR / "gold").glob("*.json"))
    for path in golds:
        result = compare(json.loads(path.read_text(encoding="utf-8")))
        marks = " ".join(f"{f}={'ok' if result[f][0] else 'WRONG'}" for f in FIELDS)
        print(f"{path.stem:26} {marks}")
        for field, (ok, found, gold) in result.items():
            right[field] += ok
            if not ok:
                print(f"    {field}: found {found!r}, gold {gold!r}")
    print("accuracy: " + ", ".join(f"{f} {right[f]}/{len(golds)}" for f in FIELDS))


if __name__ == "__main__":
    main()
