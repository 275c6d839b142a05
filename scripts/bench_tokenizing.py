"""Benchmark lessons.tokenizing against stock NLTK on the course and practice articles (not a test).

Run from the repository root::

    .venv/bin/python scripts/bench_tokenizing.py            # 20 rounds
    .venv/bin/python scripts/bench_tokenizing.py --rounds 5

"Stock" is what NLTK gives offline: an untrained ``PunktSentenceTokenizer()`` and ``NLTKWordTokenizer``
run on each of its sentences (what ``word_tokenize`` does with the downloaded model), both one paragraph at
a time. Ours is ``sentences()`` and ``words()`` (which splits sentences first, then words, with offsets).
Each timing is the best of the rounds, so a busy machine shows less; numbers are per second of that round.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

from nltk.tokenize import NLTKWordTokenizer
from nltk.tokenize.punkt import PunktSentenceTokenizer

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from lessons.paths import COURSE_ARTICLE, DATA_DIR  # noqa: E402
from lessons.tokenizing import sentences, words  # noqa: E402

STOCK_SENTENCES = PunktSentenceTokenizer()
STOCK_WORDS = NLTKWordTokenizer()


def body_of(path: Path) -> str:
    """The body text: lessons.reading when it is there, else the lines after a two-line header."""
    try:
        from lessons.reading import read_article
    except ImportError:
        return "\n".join(path.read_text(encoding="utf-8").splitlines()[2:])
    return read_article(path).body


def stock_sentences(body: str) -> list[str]:
    return [s for line in body.splitlines() if line.strip() for s in STOCK_SENTENCES.tokenize(line)]


def stock_words(body: str) -> list[str]:
    return [w for s in stock_sentences(body) for w in STOCK_WORDS.tokenize(s)]


def best_rate(function: Callable[[str], list[object]], bodies: list[str], rounds: int) -> tuple[int, float]:
    """How many items one pass over ``bodies`` yields, and the items per second of the fastest round."""
    best = float("inf")
    count = 0
    for _ in range(rounds):
        began = time.perf_counter()
        count = sum(len(function(body)) for body in bodies)
        best = min(best, time.perf_counter() - began)
    return count, count / best if best > 0 else float("inf")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=20, help="timed passes per measurement (default 20)")
    args = parser.parse_args(argv)
    corpora = {
        "course article": [body_of(COURSE_ARTICLE)],
        "practice articles": [body_of(path) for path in sorted((DATA_DIR / "practice").glob("*.txt"))],
    }
    systems: dict[str, tuple[Callable[[str], list[object]], Callable[[str], list[object]]]] = {
        "ours": (sentences, words),  # type: ignore[dict-item]
        "stock NLTK": (stock_sentences, stock_words),  # type: ignore[dict-item]
    }
    for function, _ in systems.values():  # warm up: compile regexes, build the Punkt parameters
        function("Warm up. Now.")
    print(f"{'corpus':<18} {'system':<11} {'sentences':>9} {'sent/s':>9} {'words':>7} {'words/s':>9} {'chars':>7}")
    for corpus, bodies in corpora.items():
        chars = sum(len(body) for body in bodies)
        for system, (split_sentences, split_words) in systems.items():
            n_sentences, sentence_rate = best_rate(split_sentences, bodies, args.rounds)
            n_words, word_rate = best_rate(split_words, bodies, args.rounds)
            print(
                f"{corpus:<18} {system:<11} {n_sentences:>9} {sentence_rate:>9,.0f} {n_words:>7} {word_rate:>9,.0f} {chars:>7}"
            )
    print(f"(best of {args.rounds} rounds; words/s includes splitting the sentences first)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
