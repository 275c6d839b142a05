"""Benchmark ``lessons analyze`` on long and pathological inputs: is the cost linear in the input? (not a test)

Run from the repository root::

    .venv/bin/python scripts/bench_long_input.py              # every shape, best of 3 rounds
    .venv/bin/python scripts/bench_long_input.py --rounds 1 --shape prose

Each shape is built in memory at 1 MB and 4 MB of UTF-8 (the quote shapes also at 5 MB, just under the
reader's MAX_ARTICLE_BYTES) and run the way the CLI runs it: the bytes are decoded and read by
``read_article``, then ``report_for`` builds the report. The rule is that 4 MB takes at most 5× the time of
1 MB (a 5 MB row is held to 5 × 5/4 = 6.25× its 1 MB time). A run that raises shows the exception's
class in place of a time and fails. Each timing is the best of the rounds, so a busy machine shows less.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from itertools import cycle
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from lessons.analyze import report_for  # noqa: E402
from lessons.reading import MAX_ARTICLE_BYTES, read_article  # noqa: E402

MB = 1_000_000
MAX_RATIO_4_TO_1 = 5.0

# General news prose (written for the benchmark): abbreviations, quotes, clock times, numbers.
PROSE = (
    "Gen. Kim met Sen. Lee at 5 p.m. Monday in Seoul.",
    "“We discussed possible humanitarian assistance,” Kim said.",
    "The U.S. Embassy said talks would resume on Aug. 23.",
    "“Why now?” Noh asked.",
    "Shares of Acme Co. rose 3.5 percent to $85.",
    "Officials from the U.N. declined to comment (see No. 4).",
    "It rained. Then it stopped!",
)


def repeat_to(size: int, pieces: tuple[str, ...], *, sep: str = " ") -> str:
    """The pieces cycled and joined by ``sep`` until the text is ``size`` bytes of UTF-8 (never more)."""
    parts, used = [], 0
    for piece in cycle(pieces):
        cost = len((piece + sep).encode("utf-8"))
        if used + cost > size:
            break
        parts.append(piece)
        used += cost
    return sep.join(parts)


def prose_paragraph(size: int) -> str:
    """One giant paragraph of normal prose sentences."""
    return repeat_to(size, PROSE)


def no_punctuation(size: int) -> str:
    """One giant paragraph with no sentence-ending punctuation at all (Punkt's period context never fires)."""
    return repeat_to(size, ("the", "envoys", "met", "in", "Seoul,", "and", "talks", "went", "on", "and", "on"))


def short_paragraphs(size: int) -> str:
    """Thousands of short paragraphs, about a kilobyte each."""
    paragraph = " ".join(PROSE[:5]) + " " + " ".join(PROSE[:4])
    return repeat_to(size, (paragraph,), sep="\n")


def dotted_abbreviations(size: int) -> str:
    """``U.S. U.S. U.S. …`` mixed with titles and clock times: one break candidate every few characters."""
    return repeat_to(size, ("U.S.", "U.S.", "Gen.", "No.", "p.m.", "Ltd.", "St.", "U.S."))


def period_run(size: int) -> str:
    """``.....``: one paragraph of periods with no whitespace at all, a single giant token."""
    return "." * size


def repairs_run_on(size: int) -> str:
    """Breaks Punkt makes and the repairs undo (a time and its zone, a lower-case start, “?” + who asked)."""
    return repeat_to(size, ("talks", "began", "at", "5", "p.m.", "EST", "and", "rained.", "then", "“Why", "now?”",
                            "Kim", "asked", "and"))


def open_curly_quotes(size: int) -> str:
    """Abbreviation, opening “ and a capital, never closed: repair 6 looks for the closing quote each time."""
    return repeat_to(size, ("Acme", "Ltd.", "“But", "one", "quarter", "of", "the", "firms", "said", "so"))


def straight_quote_runs(size: int) -> str:
    """Runs of straight and curly opening quotes around capitals and periods, none of them closed."""
    return repeat_to(size, ('""""', '"The', "envoys", "met.", "“", '"“He', "left.", '""'))


SHAPES: dict[str, tuple[Callable[[int], str], tuple[int, ...]]] = {
    "prose paragraph": (prose_paragraph, (MB, 4 * MB)),
    "no punctuation": (no_punctuation, (MB, 4 * MB)),
    "short paragraphs": (short_paragraphs, (MB, 4 * MB)),
    "U.S. U.S. U.S.": (dotted_abbreviations, (MB, 4 * MB)),
    "period run": (period_run, (MB, 4 * MB)),
    "repairs run on": (repairs_run_on, (MB, 4 * MB)),
    "open “ quotes": (open_curly_quotes, (MB, 4 * MB, MAX_ARTICLE_BYTES - 1_000)),
    '" runs': (straight_quote_runs, (MB, 4 * MB, MAX_ARTICLE_BYTES - 1_000)),
}


def analyze_bytes(data: bytes) -> int:
    """What ``lessons analyze FILE`` does once the file is read: decode, read the article, build the report."""
    return len(report_for(read_article(data))["sentences"])


def best_time(data: bytes, rounds: int) -> tuple[float, str]:
    """The fastest of ``rounds`` runs in seconds and the sentence count, or the name of what it raised."""
    best, outcome = float("inf"), ""
    for _ in range(rounds):
        began = time.perf_counter()
        try:
            outcome = f"{analyze_bytes(data):,} sentences"
        except Exception as error:  # noqa: BLE001 - a benchmark reports any failure as a row
            return time.perf_counter() - began, type(error).__name__
        best = min(best, time.perf_counter() - began)
    return best, outcome


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3, help="timed runs per input (default 3)")
    parser.add_argument("--shape", action="append", choices=sorted(SHAPES), help="only this shape (repeatable)")
    args = parser.parse_args(argv)
    analyze_bytes("Warm up. Now.\n".encode())  # compile regexes, build the Punkt parameters
    print(f"{'shape':<18} {'size':>9} {'seconds':>8} {'ratio':>6} {'limit':>6} {'verdict':<6} result")
    failures = 0
    for name in args.shape or SHAPES:
        build, sizes = SHAPES[name]
        base = None
        for size in sizes:
            data = (build(size) + "\n").encode("utf-8")
            seconds, outcome = best_time(data, args.rounds)
            raised = not outcome.endswith("sentences")
            if base is None:
                base, ratio, limit = seconds, "", ""
                verdict = "FAIL" if raised else ""
            else:
                limit_value = MAX_RATIO_4_TO_1 * (size / MB) / 4
                ratio, limit = f"{seconds / base:.1f}×", f"{limit_value:.2f}×"
                verdict = "FAIL" if raised or seconds > limit_value * base else "PASS"
            failures += verdict == "FAIL"
            print(f"{name:<18} {len(data) / MB:>7.2f}MB {seconds:>8.2f} {ratio:>6} {limit:>6} {verdict:<6} {outcome}")
    print(f"(best of {args.rounds} rounds; ratio = time / time at 1 MB; limit = 5× for 4 MB, scaled by size)")
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
