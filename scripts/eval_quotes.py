"""Score lessons.quoting.extract_quotes against the gold quotes in data/gold/*.json.

Run from the repository root::

    .venv/bin/python scripts/eval_quotes.py             # the development gold (data/gold/*.json)
    .venv/bin/python scripts/eval_quotes.py --heldout   # the blind held-out gold: run it once, at the end
    .venv/bin/python scripts/eval_quotes.py --show      # also list every mismatch
    .venv/bin/python scripts/eval_quotes.py --bench     # is the cost linear? (5 MB of unbalanced marks)
    .venv/bin/python scripts/eval_quotes.py --reported  # indirect speech (gold "reported"), scored like quotes

Quotes are scored twice. *Exact*: a system quote is correct when its text equals a gold quote's text
(compared as multisets). *Overlap*: a system quote matches a gold one when their texts are at least 0.8
similar (difflib's ratio) or one contains the other; each quote is matched at most once, in document order.
*Speaker accuracy* is over all gold quotes: a gold quote counts as right when its overlap match has the same
speaker (a missed quote counts as wrong). Names are compared without case, a leading "the" or a company
suffix (Corp., Inc.); an unnamed gold speaker ("a senior official") matches any system speaker with the same head noun ("official"). Everything is printed per file
and micro-averaged (counts summed over the files first), with the speed in quotes per second of CPU time.

``--bench`` is not a score: it builds texts of 1.25, 2.5 and 5 MB from repeated shapes (unbalanced curly,
straight and single marks, apostrophes, balanced quotes with cues) and times ``extract_quotes`` on each (CPU
time, best of ``--rounds``). Each doubling of the size may at most ``MAX_DOUBLING_RATIO`` the time; a ratio
above it (a quadratic cost doubles to 4) fails the run with exit code 1.
"""

from __future__ import annotations

import argparse
import difflib
import re
import json
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from lessons.paths import DATA_DIR  # noqa: E402
from lessons.quoting import Quote, extract_quotes, reported_speech  # noqa: E402
from lessons.reading import read_file  # noqa: E402

GOLD_DIR = DATA_DIR / "gold"
HELDOUT_DIR = DATA_DIR / "heldout" / "gold"
SIMILAR = 0.8  # difflib ratio at or above which two quote texts are the same quote
UNNAMED_OPENERS = {"a", "an", "the", "one", "two", "another", "several", "some"}
MB = 1_000_000
BENCH_SIZES = (1_250_000, 2_500_000, 5_000_000)  # characters; each one doubles the one before
MAX_DOUBLING_RATIO = 2.6  # linear cost doubles the time (2.0) plus noise; quadratic cost quadruples it
BENCH_SHAPES = {  # one unit each, repeated to the size (written for the benchmark)
    "curly opening marks": "“",
    "straight marks": '"',
    "single opening marks": "‘",
    "opened, never closed": "He said “yes and ",
    "nested, unbalanced": "‘a “b ’s ",
    "apostrophes": "O’Brien’s ’90s rock ’n’ roll, the girls’ choir ",
    "names, no punctuation": "Ab cd ",
    "balanced, with cues": "“We will talk,” Sen. Ana Ruiz said. “Soon.” ",
}


@dataclass(frozen=True)
class Score:
    """Counts for one file (or the sum over files)."""

    exact: int = 0
    overlap: int = 0
    predicted: int = 0
    gold: int = 0
    speakers: int = 0  # gold quotes whose overlap match has the right speaker

    def __add__(self, other: Score) -> Score:
        return Score(*(a + b for a, b in zip(self.counts(), other.counts())))

    def counts(self) -> tuple[int, int, int, int, int]:
        return self.exact, self.overlap, self.predicted, self.gold, self.speakers

    def f1(self, correct: int) -> float:
        p = correct / self.predicted if self.predicted else 0.0
        r = correct / self.gold if self.gold else 0.0
        return 2 * p * r / (p + r) if p + r else 0.0

    def row(self, name: str) -> str:
        overlap_p = self.overlap / self.predicted if self.predicted else 0.0
        overlap_r = self.overlap / self.gold if self.gold else 0.0
        accuracy = self.speakers / self.gold if self.gold else 0.0
        return (f"{name:<26} {self.f1(self.exact):>6.3f} {overlap_p:>6.3f} {overlap_r:>6.3f} "
                f"{self.f1(self.overlap):>6.3f} {accuracy:>6.3f}  {self.predicted:>3}/{self.gold:<3}")


def similar(a: str, b: str) -> bool:
    """True when two quote texts are the same quote: ≥ 0.8 similar, or one inside the other."""
    a, b = a.strip(), b.strip()
    return a in b or b in a or difflib.SequenceMatcher(None, a, b).ratio() >= SIMILAR


_ORG_AFFIXES = re.compile(r"^(?:the|fc)\s+|\s+(?:corp|inc|co|ltd|llc|plc)\.?$", re.IGNORECASE)


def same_speaker(system: str | None, gold: str | None) -> bool:
    """Names equal without case, "the" or a company suffix ("Vireo Mobility Corp." is "Vireo Mobility");
    an unnamed gold speaker matches by its head noun (the last word)."""
    if system is None or gold is None:
        return system is gold
    if _ORG_AFFIXES.sub("", system).casefold() == _ORG_AFFIXES.sub("", gold).casefold():
        return True
    if gold.split()[0].lower() in UNNAMED_OPENERS:
        return system.split()[-1].casefold().rstrip(".,") == gold.split()[-1].casefold()
    return False


def score(system: list[Quote], gold: list[dict]) -> tuple[Score, list[str]]:
    """The score of one file and a line per mismatch."""
    exact = sum((Counter(q.text for q in system) & Counter(g["text"] for g in gold)).values())
    used: set[int] = set()
    right, overlap, notes = 0, 0, []
    for g in gold:
        match = next((n for n, q in enumerate(system) if n not in used and similar(q.text, g["text"])), None)
        if match is None:
            notes.append(f"  missed   [{g['speaker']}] {g['text'][:70]}")
            continue
        used.add(match)
        overlap += 1
        if same_speaker(system[match].speaker, g["speaker"]):
            right += 1
        else:
            notes.append(f"  speaker  {system[match].speaker!r} for gold {g['speaker']!r}: {g['text'][:50]}")
    notes += [f"  extra    [{q.speaker}] {q.text[:70]}" for n, q in enumerate(system) if n not in used]
    return Score(exact, overlap, len(system), len(gold), right), notes


def bench(sizes: tuple[int, ...] = BENCH_SIZES, rounds: int = 1) -> int:
    """Time extract_quotes on growing texts of each shape; 1 when a doubling costs more than allowed."""
    failed = False
    print(f"{'shape':<24}" + "".join(f"{size / MB:>9.2f} MB" for size in sizes) + "   worst ratio")
    for name, unit in BENCH_SHAPES.items():
        times = []
        for size in sizes:
            text = unit * (size // len(unit))
            best = float("inf")
            for _ in range(rounds):
                start = time.process_time()
                extract_quotes(text)
                best = min(best, time.process_time() - start)
            times.append(best)
        ratios = [b / a if a > 0.05 else 1.0 for a, b in zip(times, times[1:])]
        worst = max(ratios, default=1.0)
        failed |= worst > MAX_DOUBLING_RATIO
        print(f"{name:<24}" + "".join(f"{t:>10.2f} s" for t in times) +
              f"   {worst:.2f}{'  TOO SLOW' if worst > MAX_DOUBLING_RATIO else ''}", flush=True)
    print(f"(CPU time, best of {rounds}; each doubling may cost at most {MAX_DOUBLING_RATIO}x)")
    return 1 if failed else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--heldout", action="store_true", help="score the blind held-out gold (once, at the end)")
    parser.add_argument("--show", action="store_true", help="list every mismatch")
    parser.add_argument("--bench", action="store_true", help="check that the cost grows linearly (no score)")
    parser.add_argument("--reported", action="store_true",
                        help="score reported_speech against the gold's indirect speech instead of the quotes")
    parser.add_argument("--rounds", type=int, default=1, help="--bench: best of this many runs per size")
    parser.add_argument("gold", nargs="*", type=Path, help="gold files (default: data/gold/*.json)")
    args = parser.parse_args(argv)
    if args.bench:
        return bench(rounds=args.rounds)
    gold_files = args.gold or sorted((HELDOUT_DIR if args.heldout else GOLD_DIR).glob("*.json"))
    total, lines, seconds, found = Score(), [], 0.0, 0
    print(f"{'file':<26} {'exactF':>6} {'P':>6} {'R':>6} {'F1':>6} {'spkAc':>6}  pred/gold")
    for path in gold_files:
        gold = json.loads(path.read_text(encoding="utf-8"))
        article = read_file(DATA_DIR / gold["file"])
        if args.reported and "reported" not in gold:
            continue
        started = time.process_time()
        quotes = reported_speech(article) if args.reported else extract_quotes(article)
        seconds += time.process_time() - started
        found += len(quotes)
        result, notes = score(quotes, gold["reported" if args.reported else "quotes"])
        total += result
        print(result.row(path.stem))
        if notes:
            lines += [f"--- {path.stem}", *notes]
    print(total.row("MICRO-AVERAGE"))
    print("(exactF: F1 on exact spans; P, R, F1: overlap matching; spkAc: speaker accuracy over gold quotes)")
    print(f"speed: {found} quotes in {seconds:.3f} s of CPU time, {found / max(seconds, 1e-9):,.0f} quotes/s "
          f"(extract_quotes on read articles, reading not counted)")
    if args.show and lines:
        print("\n".join(["", *lines]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
