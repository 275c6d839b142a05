"""Item statistics for the instructor: which exercises the class found hard, and which ones tell learners apart.

For each exercise, in course order: the share of graded learners who got it right, partly right, not yet, or
did not attempt it; the most common wrong answers (normalized, cut short by their shape — see
:func:`wrong_answer` — and never one that names a learner of the class); and a discrimination index — the
point-biserial correlation between the exercise's score and each learner's total on the *other* exercises. A
high index means the learners who did well overall got this one right; near zero or negative, the exercise
measures something else (or its key is wrong). Under 30 learners the index is flagged as unreliable.

>>> from lessons.course.checks import CheckResult
>>> from lessons.course.exercises import get_exercise
>>> from lessons.course.grading import Grade
>>> ex = get_exercise("start.city")
>>> rows = [[Grade(ex, CheckResult(1.0, "correct", ""), "Seoul")], [Grade(ex, CheckResult(0.0, "not yet", ""), "Busan")]]
>>> [(s.exercise, s.correct, s.wrong_answers) for s in item_statistics(rows)]
[('start.city', 0.5, (('busan', 1),))]
"""

from __future__ import annotations

import csv
import json
import math
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any
from collections.abc import Mapping, Sequence

from lessons.course.checks import Exercise
from lessons.course.grading import Grade
from lessons.course.safeio import printable

if TYPE_CHECKING:
    from matplotlib.figure import Figure

__all__ = ["ItemStats", "describe_difficulty", "difficulty_chart", "item_statistics", "wrong_answer",
           "write_item_statistics"]

RELIABLE_FROM = 30  # learners: below this, a correlation over a class says little
#: A one-value answer (a name, a date), and each value of a longer one: enough to tell the usual mistakes apart.
ANSWER_CHARS = 40
#: A match's item, the exercise's own text the instructor knows: its start tells it from the others.
ITEM_CHARS = 24
#: A whole answer of many values (a match, an order, a set of picks): the longest match, five items, stays whole,
#: and three answers still fit a spreadsheet cell one can read.
WHOLE_CHARS = 240


@dataclass(frozen=True)
class ItemStats:
    """One exercise over the class: shares by status, common wrong answers, discrimination."""

    exercise: str
    learners: int
    correct: float
    partly: float
    wrong: float
    not_attempted: float
    discrimination: float | None  # point-biserial against the rest total; None when nothing varies
    wrong_answers: tuple[tuple[str, int], ...]  # (normalized answer, how many), most common first

    @property
    def reliable(self) -> bool:
        return self.learners >= RELIABLE_FROM and self.discrimination is not None


def _flat(value: Any) -> str:
    """One line, single spaces, lower case: answers that differ only so are counted as one."""
    return " ".join(str(value).split()).casefold()


def wrong_answer(answer: Any, exercise: Exercise) -> tuple[str, tuple[str, ...]] | None:
    """A wrong answer as the table shows it, with what the learner wrote in it (uncut, for the learner-id check,
    so an id past a cut is caught too); None for no answer and for code, which is never shown.

    The cut follows the answer's shape, so a long answer stays readable: one value is cut to 40 characters;
    a match is its pairs in the exercise's order, ``item→answer; …`` (each item cut to 24, each answer to 40;
    an item left blank is left out);
    an order keeps the learner's order, ``first < second < …``; a set of picks is sorted (the same picks count
    once); each value cut to 40, the whole to 240.

    >>> from lessons.course.exercises import get_exercise
    >>> match = {"Posted : June 30, 2020 - 9:05": "2020-06-30 00:05 UTC", "Updated : Sept. 3, 2021 - 18:40": "x"}
    >>> wrong_answer(match, get_exercise("reading.stamp_match"))
    ('updated : sept. 3, 2021…→x; posted : june 30, 2020 …→2020-06-30 00:05 utc', ('x', '2020-06-30 00:05 utc'))
    >>> [wrong_answer(["B", "a"], get_exercise(i))[0] for i in ("dating.order_events", "dating.may_month")]
    ['b < a', 'a, b']
    """
    if answer is None or exercise.kind in ("code", "capstone"):
        return None
    if isinstance(answer, Mapping):  # a match: only the exercise's items were graded, so only they are shown
        keys = list(exercise.items) or sorted(answer, key=str)
        pairs = [(_flat(k), v) for k in keys if k in answer and (v := _flat(answer[k]))]
        wrote = tuple(v for _, v in pairs) + (() if exercise.items else tuple(k for k, _ in pairs))
        shown = "; ".join(f"{printable(k, limit=ITEM_CHARS)}→{printable(v, limit=ANSWER_CHARS)}" for k, v in pairs)
    elif isinstance(answer, (list, tuple)):
        parts = [p for p in map(_flat, answer[:WHOLE_CHARS]) if p]  # each value shows at least one character
        wrote = tuple(parts if exercise.kind == "order" else sorted(parts))
        shown = (" < " if exercise.kind == "order" else ", ").join(printable(p, limit=ANSWER_CHARS) for p in wrote)
    else:
        wrote = (_flat(answer),)
        shown = printable(wrote[0], limit=ANSWER_CHARS)
    return (printable(shown, limit=WHOLE_CHARS), wrote) if shown else None


def _names_a_learner(wrote: Sequence[str], names: Sequence[str]) -> bool:
    return any(name in part for part in wrote for name in names)


def _correlation(xs: Sequence[float], ys: Sequence[float]) -> float | None:
    n = len(xs)
    if n < 2:
        return None
    mx, my = sum(xs) / n, sum(ys) / n
    sxx = sum((x - mx) ** 2 for x in xs)
    syy = sum((y - my) ** 2 for y in ys)
    if sxx == 0 or syy == 0:
        return None
    return round(sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / math.sqrt(sxx * syy), 3)


def item_statistics(rows: Sequence[Sequence[Grade]], *, learners: Sequence[str] = ()) -> list[ItemStats]:
    """The statistics of every exercise, in course order, over the learners' grades (one sequence each).

    ``learners`` are the class's ids: a wrong answer that contains one is left out of the table.
    """
    if not rows:
        return []
    names = [n.casefold() for n in learners if len(n) >= 3]
    totals = [sum(g.points for g in grades) for grades in rows]
    stats = []
    for k, first in enumerate(rows[0]):
        column = [grades[k] for grades in rows]
        n = len(column)
        status = Counter(g.result.status for g in column)
        wrong = Counter(a[0] for g in column if g.result.status in ("not yet", "partly right")
                        and (a := wrong_answer(g.answer, g.exercise)) and not _names_a_learner(a[1], names))
        scores = [g.result.score for g in column]
        rest = [total - g.points for total, g in zip(totals, column)]
        stats.append(ItemStats(
            first.exercise.id, n, round(status["correct"] / n, 3), round(status["partly right"] / n, 3),
            round((status["not yet"] + status["could not be read"] + status["could not be checked"]) / n, 3),
            round(status["not attempted"] / n, 3), _correlation(scores, rest),
            tuple(sorted(wrong.items(), key=lambda item: (-item[1], item[0]))[:3])))
    return stats


def describe_difficulty(stats: Sequence[ItemStats]) -> str:
    """The chart's text description: the hardest and the easiest exercises, and those that discriminate poorly."""
    if not stats:
        return "No learner was graded, so there is no difficulty to show."
    by = sorted(stats, key=lambda s: s.correct)
    poor = [s.exercise for s in stats if s.discrimination is not None and s.discrimination < 0.1]
    return (f"Share of {stats[0].learners} learners who got each of {len(stats)} exercises right, in course order. "
            f"Hardest: {', '.join(f'{s.exercise} ({s.correct:.0%})' for s in by[:3])}. "
            f"Easiest: {', '.join(f'{s.exercise} ({s.correct:.0%})' for s in by[::-1][:3])}. "
            + (f"Weak discrimination (below 0.1): {', '.join(poor[:6])}." if poor else "No exercise discriminates poorly.")
            + ("" if stats[0].learners >= RELIABLE_FROM else f" Under {RELIABLE_FROM} learners: the discrimination "
               "index is unreliable."))


def difficulty_chart(stats: Sequence[ItemStats]) -> Figure:
    """Stacked horizontal bars per exercise (course order, top to bottom): right, partly, not yet, not attempted —
    told apart by hatching as well as shade, so the chart reads without colour."""
    import matplotlib.pyplot as plt

    parts = (("correct", "right", "#4d4d4d", ""), ("partly", "partly right", "#969696", "//"),
             ("wrong", "not yet", "#d9d9d9", ".."), ("not_attempted", "not attempted", "#ffffff", "xx"))
    figure, axes = plt.subplots(figsize=(9, 1.5 + 0.28 * max(len(stats), 4)), layout="constrained")
    left = [0.0] * len(stats)
    for field, label, shade, hatch in parts:
        values = [getattr(s, field) * 100 for s in stats]
        axes.barh(range(len(stats)), values, left=left, color=shade, edgecolor="black", linewidth=0.6, hatch=hatch,
                  label=label)
        left = [a + b for a, b in zip(left, values)]
    axes.set_yticks(range(len(stats)), [s.exercise for s in stats], fontsize=8)
    axes.set_ylim(len(stats) - 0.5, -0.5)
    axes.set_xlim(0, 100)
    axes.set_xlabel("Share of learners (%)")
    axes.set_ylabel("Exercise (course order)")
    axes.set_title(f"How the class did on each exercise ({stats[0].learners if stats else 0} learners)")
    axes.legend(loc="upper center", bbox_to_anchor=(0.5, -0.1 - 2.0 / max(len(stats), 4) / 7), ncol=4, fontsize=8,
                frameon=False)  # below the bars, never over them
    plt.close(figure)
    return figure


def write_item_statistics(stats: Sequence[ItemStats], csv_path: Path, png_path: Path) -> str:
    """Write the table (CSV) and the chart (PNG, with its description in a .txt beside it); return the description."""
    with csv_path.open("w", newline="", encoding="utf-8") as out:
        table = csv.writer(out)
        table.writerow(["exercise", "learners", "correct", "partly_right", "not_yet", "not_attempted",
                        "discrimination", "reliable", "common_wrong_answers"])
        for s in stats:
            table.writerow([s.exercise, s.learners, s.correct, s.partly, s.wrong, s.not_attempted,
                            "" if s.discrimination is None else s.discrimination, "yes" if s.reliable else "no",
                            json.dumps(list(s.wrong_answers), ensure_ascii=False)])
    difficulty_chart(stats).savefig(png_path, dpi=96)
    description = describe_difficulty(stats)
    png_path.with_suffix(".txt").write_text(description + "\n", encoding="utf-8")
    return description
