"""Score lessons.tokenizing.sentences against the gold sentences in data/gold/*.json, next to stock Punkt.

Run from the repository root::

    .venv/bin/python scripts/eval_sentences.py            # every gold file
    .venv/bin/python scripts/eval_sentences.py --stock    # also list stock Punkt's mismatches

A predicted sentence counts as correct only when its text equals a gold sentence exactly (compared as
multisets, so a repeated sentence must be found as often as it occurs). Precision, recall and F1 are
printed per file and micro-averaged over all files (the counts are summed first). "Stock Punkt" is
NLTK's untrained ``PunktSentenceTokenizer()``, run one paragraph at a time like ours, so the comparison
measures the configuration and repairs, not the paragraph split.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from nltk.tokenize.punkt import PunktSentenceTokenizer

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from lessons.paths import DATA_DIR  # noqa: E402
from lessons.tokenizing import sentences  # noqa: E402

GOLD_DIR = DATA_DIR / "gold"


@dataclass(frozen=True)
class Score:
    """Counts for one file (or the sum over files) and the measures computed from them."""

    correct: int
    predicted: int
    gold: int

    def __add__(self, other: Score) -> Score:
        return Score(self.correct + other.correct, self.predicted + other.predicted, self.gold + other.gold)

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.correct / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __str__(self) -> str:
        return f"P {self.precision:.3f}  R {self.recall:.3f}  F1 {self.f1:.3f}  ({self.correct}/{self.predicted} pred, {self.gold} gold)"


def fallback_body(path: Path) -> str:
    """The body without lessons.reading: the lines after a two-line header, or blank-line blocks joined."""
    text = path.read_text(encoding="utf-8")
    if "\n\n" in text.strip():
        blocks = [" ".join(block.split()) for block in text.strip().split("\n\n")]
        return "\n".join(block for block in blocks[1:] if block)
    return "\n".join(text.splitlines()[2:])


def article_body(path: Path) -> str:
    """The body text the lessons see: lessons.reading.read_article when it is there, else a simple fallback."""
    try:
        from lessons.reading import read_article
    except ImportError:
        return fallback_body(path)
    return read_article(path).body


def stock_sentences(body: str) -> list[str]:
    """Untrained NLTK Punkt, one paragraph (line) at a time."""
    tokenizer = PunktSentenceTokenizer()
    return [s.strip() for line in body.splitlines() if line.strip() for s in tokenizer.tokenize(line) if s.strip()]


def ours(body: str) -> list[str]:
    return [s.text for s in sentences(body)]


def score(predicted: list[str], gold: list[str]) -> tuple[Score, list[str], list[str]]:
    """The score, the gold sentences not found, and the predicted sentences that are not gold."""
    p, g = Counter(predicted), Counter(gold)
    correct = sum((p & g).values())
    missed = [s for s in gold if (g - p)[s]]
    extra = [s for s in predicted if (p - g)[s]]
    return Score(correct, len(predicted), len(gold)), missed, extra


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stock", action="store_true", help="also list stock Punkt's mismatches")
    parser.add_argument("gold", nargs="*", type=Path, help="gold files (default: data/gold/*.json)")
    args = parser.parse_args(argv)
    gold_files = args.gold or sorted(GOLD_DIR.glob("*.json"))
    systems: dict[str, Callable[[str], list[str]]] = {"ours": ours, "stock": stock_sentences}
    totals = {name: Score(0, 0, 0) for name in systems}
    mismatches: list[str] = []
    print(f"{'file':<28} {'system':<6} scores")
    for gold_path in gold_files:
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        body = article_body(DATA_DIR / gold["file"])
        lines = [line for line in body.splitlines() if line.strip()]
        wanted = gold.get("paragraphs", len(lines))
        note = ""
        if len(lines) != wanted:
            # Score the sentence splitter, not the header parser: the gold body is the file's last paragraphs.
            note = f"  [reading found {len(lines)} paragraphs, gold {wanted}: scored the last {wanted}]"
            body = "\n".join(lines[-wanted:])
        for name, system in systems.items():
            result, missed, extra = score(system(body), gold["sentences"])
            totals[name] += result
            print(f"{gold_path.stem:<28} {name:<6} {result}{note if name == 'ours' else ''}")
            if (name == "ours" or args.stock) and (missed or extra):
                mismatches.append(f"--- {gold_path.stem} ({name})")
                mismatches.extend(f"  gold only:      {s}" for s in missed)
                mismatches.extend(f"  predicted only: {s}" for s in extra)
    print()
    for name, total in totals.items():
        print(f"{'MICRO-AVERAGE':<28} {name:<6} {total}")
    print()
    print("\n".join(mismatches) if mismatches else "no mismatches for ours")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
