"""Grades, recomputed from answers only: one learner's report and a class gradebook.

>>> grades = grade_answers({"start.city": "Seoul"}, notebook="00_start.ipynb")
>>> [(g.exercise.id, g.result.status) for g in grades]
[('start.next_lesson', 'not attempted'), ('start.city', 'correct')]
>>> total_points(grades)
(1.0, 2.0)
"""

from __future__ import annotations

import csv
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from collections.abc import Iterable, Mapping, Sequence

from lessons.course.checks import CheckResult, Exercise
from lessons.errors import LessonsError, StoreError
from lessons.course.exercises import EXERCISES
from lessons.course.store import AnswerStore


@dataclass(frozen=True)
class Grade:
    """One exercise's result for one learner."""

    exercise: Exercise
    result: CheckResult

    @property
    def points(self) -> float:
        """Points earned (score times the exercise's weight)."""
        return round(self.result.score * self.exercise.points, 3)


def select_exercises(*, notebook: str | None = None) -> list[Exercise]:
    """All exercises, or one notebook's (given as '01_reading' or '01_reading.ipynb')."""
    if notebook is None:
        return list(EXERCISES.values())
    name = notebook if notebook.endswith(".ipynb") else notebook + ".ipynb"
    chosen = [ex for ex in EXERCISES.values() if ex.notebook == name]
    if not chosen:
        known = sorted({ex.notebook for ex in EXERCISES.values()})
        raise LessonsError(f"no notebook called {notebook!r} has exercises; try one of {', '.join(known)}")
    return chosen


def grade_answers(answers: Mapping[str, Any], *, notebook: str | None = None) -> list[Grade]:
    """Check every selected exercise against the saved answers (missing = not attempted)."""
    return [Grade(ex, ex.check(answers.get(ex.id))) for ex in select_exercises(notebook=notebook)]


def total_points(grades: Iterable[Grade]) -> tuple[float, float]:
    """(points earned, points possible)."""
    grades = list(grades)
    return round(sum(g.points for g in grades), 3), float(sum(g.exercise.points for g in grades))


def grade_file(path: Path, *, notebook: str | None = None) -> list[Grade]:
    """Grade one learner's answer file; an unreadable file raises StoreError."""
    return grade_answers(AnswerStore(path).load(), notebook=notebook)


@dataclass(frozen=True)
class GradebookRow:
    """One learner's line in the class gradebook."""

    file: str
    grades: tuple[Grade, ...] = ()
    error: str = ""


def _row(path: Path, notebook: str | None) -> GradebookRow:
    try:
        return GradebookRow(path.name, tuple(grade_file(path, notebook=notebook)))
    except StoreError as err:
        return GradebookRow(path.name, error=str(err))


def grade_folder(
    folder: Path, *, notebook: str | None = None, jobs: int = 4, progress: bool = True
) -> list[GradebookRow]:
    """Grade every ``*.json`` answer file in ``folder`` in parallel, with a progress bar."""
    from tqdm.auto import tqdm

    if not folder.is_dir():
        raise LessonsError(f"{folder} is not a folder; give the folder that holds the learners' answer files")
    files = sorted(p for p in folder.glob("*.json") if p.is_file())
    if not files:
        raise LessonsError(f"{folder} holds no .json answer files; collect the learners' answers.json files there")
    # Threads suffice: code answers run in their own processes, the rest is quick.
    with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
        rows = pool.map(lambda p: _row(p, notebook), files)
        return list(tqdm(rows, total=len(files), desc="grading", unit="learner", disable=not progress))


def write_gradebook(rows: Sequence[GradebookRow], out: Path) -> None:
    """A CSV: one row per learner, one column per exercise, then total, possible, percent."""
    ids = [ex.id for ex in (rows[0].grades and [g.exercise for g in rows[0].grades] or EXERCISES.values())]
    with open(out, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["file", *ids, "total", "possible", "percent", "error"])
        for row in rows:
            by_id = {g.exercise.id: g.points for g in row.grades}
            earned, possible = total_points(row.grades)
            percent = f"{100 * earned / possible:.1f}" if possible else ""
            writer.writerow([row.file, *(by_id.get(i, "") for i in ids), earned, possible, percent, row.error])
