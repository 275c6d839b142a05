"""The learner's autograder: a pytest plugin that turns an answer file into tests.

``lessons grade`` runs ``pytest -p lessons.course.autograder notebooks/answers.json``: every
exercise becomes one test item that passes with full marks, and the run ends with a
table of score, message and hints per exercise and a total. Scores are recomputed from
the saved answers; nothing else in the file counts.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any
from collections.abc import Iterator

import pytest

from lessons.course.checks import CheckResult, Exercise
from lessons.errors import LessonsError
from lessons.course.grading import Grade, select_exercises, total_points
from lessons.course.store import AnswerStore, parse_store

_GRADES = pytest.StashKey[list]()


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.getgroup("lessons").addoption(
        "--notebook", default=None, help="grade only this notebook's exercises, e.g. 01_reading"
    )


def pytest_configure(config: pytest.Config) -> None:
    config.stash[_GRADES] = []


def pytest_collect_file(parent: pytest.Collector, file_path: Path) -> AnswerFile | None:
    if file_path.suffix == ".json":
        return AnswerFile.from_parent(parent, path=file_path)
    return None


class ExerciseNotPassed(Exception):
    """Raised by an exercise item that did not get full marks."""


class AnswerFile(pytest.File):
    """One learner's answer file: one test item per exercise."""

    def collect(self) -> Iterator[pytest.Item]:
        try:
            answers = parse_store(self.path.read_text(encoding="utf-8"), source=self.path.name)
        except (LessonsError, OSError, UnicodeDecodeError) as err:
            raise self.CollectError(f"cannot grade {self.path}: {err}") from None
        try:
            chosen = select_exercises(notebook=self.config.getoption("--notebook"))
        except LessonsError as err:
            raise self.CollectError(str(err)) from None
        for ex in chosen:
            yield ExerciseItem.from_parent(self, name=ex.id, exercise=ex, answer=answers.get(ex.id))


class ExerciseItem(pytest.Item):
    """One exercise, checked with the same function the notebook's Check button uses."""

    def __init__(self, *, exercise: Exercise, answer: Any, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.exercise, self.answer = exercise, answer

    def runtest(self) -> None:
        result = self.exercise.check(self.answer)
        self.config.stash[_GRADES].append(Grade(self.exercise, result))
        self.user_properties.append(("score", result.score))
        if not result.passed:
            raise ExerciseNotPassed(result)

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style: Any = None) -> str:
        if isinstance(excinfo.value, ExerciseNotPassed):
            result: CheckResult = excinfo.value.args[0]
            return "\n".join([result.message, *(f"hint: {h}" for h in result.hints)])
        return super().repr_failure(excinfo)

    def reportinfo(self) -> tuple[Path, None, str]:
        return self.path, None, f"{self.exercise.id} ({self.exercise.where})"


def pytest_terminal_summary(terminalreporter: Any, exitstatus: int, config: pytest.Config) -> None:
    grades: list[Grade] = config.stash[_GRADES]
    if not grades:
        return
    write = terminalreporter.write_line
    terminalreporter.section("Reading the News: your grade")
    for grade in grades:
        ex, result = grade.exercise, grade.result
        score = f"{grade.points:g}/{ex.points:g}"
        write(f"{ex.id:<26} {score:<7} {result.status:<13} {result.message}")
        if result.status == "not attempted":
            continue
        for hint in result.hints:
            write(f"{'':<34} hint: {hint}")
    earned, possible = total_points(grades)
    full = sum(g.result.passed for g in grades)
    percent = 100 * earned / possible if possible else 0.0
    write(f"Total: {earned:g}/{possible:g} points ({percent:.0f}%); these checks passed: {full} of {len(grades)}.")


def run(store_path: Path, *, notebook: str | None = None) -> int:
    """Grade one answer file with pytest; returns pytest's exit code (0: every check passed)."""
    args = [
        str(store_path),
        "-p", "no:cacheprovider",
        "--assert=plain",
        "-c", os.devnull,  # the course repo's own pytest settings are not for grading
        "--rootdir", str(store_path.parent),
        "-q", "--no-header", "--tb=no", "-rN",
    ]  # fmt: skip
    if notebook:
        args += ["--notebook", notebook]
    sys.stdout.flush()
    return int(pytest.main(args, plugins=[sys.modules[__name__]]))


def main_store_path(path: str | None) -> Path:
    """The answer file to grade: the one given, or the learner's default."""
    return Path(path) if path else AnswerStore().path
