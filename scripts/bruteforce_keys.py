"""How long a curious learner needs to recover graded answers from the keys shipped in the course.

A benchmark, not a test: for every exercise it tries what such a learner would (every option
combination, numbers, dates, UTC minutes, byline spans), with only what is in the learner's copy,
and prints the time to recover an answer that gets full marks — for the practice check and for the
instructor's grade. Exercises with instructor cases cannot be recovered: their cases come from the
instructor's secret. Exercises with variants can be recovered for one's own passage only; a
neighbour's recovered answer is wrong for you.

    .venv/bin/python scripts/bruteforce_keys.py
"""

from __future__ import annotations

import itertools
import re
import time
from datetime import date, datetime, timedelta
from typing import Any
from collections.abc import Iterable

from lessons.course.checks import Exercise, Grader
from lessons.course.exercises import EXERCISES
from lessons.paths import COURSE_ARTICLE

LEARNER = "curious.learner"


def candidates(ex: Exercise) -> Iterable[Any]:
    """What a brute-force script tries, by the exercise's kind and normalizer."""
    if ex.kind == "choice":
        yield from ex.options
    elif ex.kind == "multi":
        for n in range(1, len(ex.options) + 1):
            yield from (list(c) for c in itertools.combinations(ex.options, n))
    elif ex.kind == "order":
        yield from (list(p) for p in itertools.permutations(ex.options))
    elif ex.kind == "match":
        yield from (dict(zip(ex.items, c)) for c in itertools.product(ex.options, repeat=len(ex.items)))
    elif ex.kind in ("number",) or getattr(ex.key, "normalizer", "") == "number":
        yield from range(100_000)
    elif ex.kind == "date":
        start = date(2000, 1, 1)
        yield from ((start + timedelta(days=d)).isoformat() for d in range(50 * 366))
    elif getattr(ex.key, "normalizer", "") in ("datetime_utc", "utc_instant"):
        # A learner reads the date off the text, then tries every minute from a day before to a day after.
        for day in _dates_in(_text_of(ex)):
            start = datetime.combine(day, datetime.min.time()) - timedelta(days=1)
            yield from ((start + timedelta(minutes=m)).strftime("%Y-%m-%dT%H:%MZ") for m in range(3 * 24 * 60))
    else:  # typed text: every run of up to 8 words of the text asked about
        words = _text_of(ex).replace(",", " ,").split()
        yield from (" ".join(words[i:j]).replace(" ,", ",") for i in range(len(words)) for j in range(i + 1, i + 9))


def _text_of(ex: Exercise) -> str:
    return ex.passage_for(LEARNER) if ex.variants else COURSE_ARTICLE.read_text(encoding="utf-8")


def _dates_in(text: str) -> list[date]:
    months = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
    found = []
    for month, day, year in re.findall(r"\b([A-Z][a-z]{2})[a-z]*\.? (\d{1,2}), (\d{4})", text):
        if month.lower() in months:
            found.append(date(int(year), months.index(month.lower()) + 1, int(day)))
    return list(dict.fromkeys(found))


def recover(ex: Exercise, grader: Grader, budget_s: float) -> tuple[str, float]:
    """('recovered' | 'not found' | 'cannot', seconds) for one exercise."""
    if ex.kind == "code":
        if ex.has_instructor_cases and grader.secret is not None:
            return "cannot: instructor cases come from the secret", 0.0
        return "lookup table of the cases in the clone", 0.0
    started = time.process_time()
    for tried, answer in enumerate(candidates(ex)):
        if ex.check(answer, grader).passed:
            return f"recovered after {tried + 1:,} tries", time.process_time() - started
        if tried % 1000 == 0 and time.process_time() - started > budget_s:
            return "not found within the budget", time.process_time() - started
    return "not found", time.process_time() - started


def main() -> None:
    grader = Grader(learner=LEARNER)
    print(f"{'exercise':<30} {'kind':<7} {'practice check (no secret)':<44} {'CPU s':>7}")
    for ex in EXERCISES.values():
        outcome, seconds = recover(ex, grader, budget_s=30.0)
        note = " (own variant only)" if ex.variants and outcome.startswith("recovered") else ""
        print(f"{ex.id:<30} {ex.kind:<7} {(outcome + note)[:44]:<44} {seconds:7.2f}")
    with_cases = [ex.id for ex in EXERCISES.values() if ex.has_instructor_cases]
    with_variants = [ex.id for ex in EXERCISES.values() if ex.variants]
    print(f"\nexercises with instructor cases ({len(with_cases)}): {', '.join(with_cases)}")
    print("  the instructor's grade of these cannot be recovered from the learner's copy: the cases are made")
    print("  from the instructor's secret, which the copy does not hold.")
    print(f"exercises with variants ({len(with_variants)}): {', '.join(with_variants)}")
    print("  a learner can brute-force the hash of their own passage's answer; a neighbour's answer is wrong.")


if __name__ == "__main__":
    main()
