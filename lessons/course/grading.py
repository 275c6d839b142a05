"""Grades, recomputed from answers only: one learner's grades (the class gradebook is ``gradebook``).

>>> grades = grade_answers({"start.city": "Busan"}, notebook="00_start.ipynb")
>>> [(g.exercise.id, g.result.status) for g in grades]
[('start.next_lesson', 'not attempted'), ('start.city', 'not yet')]
>>> total_points(grades)
(0.0, 2.0)
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any
from collections.abc import Iterable, Mapping

from lessons.course.checks import SELF_CHECK, CheckResult, Exercise, Grader
from lessons.course.exercises import EXERCISES
from lessons.course.store import AnswerStore
from lessons.errors import LessonsError, one_line


@dataclass(frozen=True)
class Grade:
    """One exercise's result for one learner."""

    exercise: Exercise
    result: CheckResult
    answer: Any = None  # what the learner saved, for the item statistics' common wrong answers

    @property
    def points(self) -> float:
        """Points earned (score times the exercise's weight)."""
        return round(self.result.score * self.exercise.points, 3)


def select_exercises(*, notebook: str | None = None) -> list[Exercise]:
    """All exercises, or those of the notebooks named ('01_reading' or '01_reading.ipynb'; several separated by
    commas, as a course graded so far: '00_start,01_reading'), in course order.

    >>> sorted({ex.notebook for ex in select_exercises(notebook="00_start, 01_reading.ipynb")})
    ['00_start.ipynb', '01_reading.ipynb']
    """
    if notebook is None:
        return list(EXERCISES.values())
    names = set()
    known = sorted({ex.notebook for ex in EXERCISES.values()})
    for part in (p.strip() for p in notebook.split(",")):
        name = part if part.endswith(".ipynb") else part + ".ipynb"
        if name not in known:
            raise LessonsError(f"no notebook called {one_line(part, 80)} has exercises; try one of {', '.join(known)}")
        names.add(name)
    return [ex for ex in EXERCISES.values() if ex.notebook in names]


def grade_answers(
    answers: Mapping[str, Any], *, notebook: str | None = None, grader: Grader = SELF_CHECK
) -> list[Grade]:
    """Check every selected exercise against the saved answers (missing = not attempted)."""
    return [Grade(ex, ex.check(answers.get(ex.id), grader), answers.get(ex.id)) for ex in select_exercises(notebook=notebook)]


def total_points(grades: Iterable[Grade]) -> tuple[float, float]:
    """(points earned, points possible)."""
    grades = list(grades)
    return round(sum(g.points for g in grades), 3), float(sum(g.exercise.points for g in grades))


def grade_file(path: Path, *, notebook: str | None = None) -> list[Grade]:
    """Grade one learner's answer file; an unreadable file raises StoreError."""
    return grade_answers(AnswerStore(path).load(), notebook=notebook)


