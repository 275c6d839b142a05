"""The learner's autograder: a pytest plugin that turns an answer file into one test per exercise.

``lessons grade`` snapshots the learner's answer file into a fresh private folder and runs pytest
there with nothing of the learner's folder in reach: no ``conftest.py`` (``--noconftest``), no
plugin autoloading, no ini file, no option taken from a file name, and pytest's own reporter
switched off. The report the learner reads comes from :mod:`lessons.course.report`. Instructors
can run the plugin by hand too: ``pytest -p lessons.course.autograder --noconftest answers.json``.

Scores are recomputed from the saved answers; a ``score`` or ``passed`` field in the file counts
for nothing, and a check that fails on its own is "could not be checked" and still counted.
"""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from pathlib import Path
from typing import Any
from collections.abc import Iterator

import pytest

from lessons.course.checks import CheckResult, Exercise, Grader
from lessons.course.identity import hub_user
from lessons.course.grading import Grade, grade_answers, select_exercises
from lessons.course.safeio import printable, read_regular_file
from lessons.course.store import parse_store, stored_learner
from lessons.errors import LessonsError, StoreError

#: The largest answer file ``lessons grade`` reads (a file of pasted articles stays far below it).
MAX_FILE_BYTES = 64 * 1024 * 1024
#: Exit codes of ``lessons grade``.
EXIT_ALL_CORRECT, EXIT_NOT_ALL_CORRECT, EXIT_COULD_NOT_GRADE = 0, 1, 2


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.getgroup("lessons").addoption(
        "--notebook", default=None, help="grade only this notebook's exercises, e.g. 01_reading"
    )


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
            text = read_store_text(self.path)
            answers = parse_store(text, source=printable(self.path.name, limit=200))
            chosen = select_exercises(notebook=self.config.getoption("--notebook"))
        except LessonsError as err:
            raise self.CollectError(f"cannot grade {printable(self.path.name, limit=200)}: {err}") from None
        # The learner's own check: the hub's user name, else the id saved in the file; no secret.
        grader = Grader(learner=hub_user() or stored_learner(text))
        for ex in chosen:
            yield ExerciseItem.from_parent(self, name=ex.id, exercise=ex, answer=answers.get(ex.id), grader=grader)


class ExerciseItem(pytest.Item):
    """One exercise, checked with the same function the notebook's Check button uses."""

    def __init__(self, *, exercise: Exercise, answer: Any, grader: Grader, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.exercise, self.answer, self.grader = exercise, answer, grader

    def runtest(self) -> None:
        result = self.exercise.check(self.answer, self.grader)
        self.user_properties.append(("grade", Grade(self.exercise, result)))
        if not result.passed:
            raise ExerciseNotPassed(result)

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style: Any = None) -> str:
        if isinstance(excinfo.value, ExerciseNotPassed):
            result: CheckResult = excinfo.value.args[0]
            return "\n".join([result.message, *(f"hint: {h}" for h in result.hints)])
        return super().repr_failure(excinfo)

    def reportinfo(self) -> tuple[Path, None, str]:
        return self.path, None, f"{self.exercise.id} ({self.exercise.where})"


class _Collector:
    """Gathers each item's grade from pytest's reports, in the order they ran."""

    def __init__(self) -> None:
        self.grades: list[Grade] = []
        self.errors: list[str] = []

    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        if report.when == "call":
            self.grades += [value for name, value in report.user_properties if name == "grade"]

    def pytest_collectreport(self, report: pytest.CollectReport) -> None:
        if report.failed:
            self.errors.append(str(report.longrepr).strip().splitlines()[-1])


def read_store_text(path: Path) -> str:
    """The answer file's text, read once and bounded; StoreError with one line if it can't be read."""
    name = printable(path, limit=200)
    try:
        data = read_regular_file(path, MAX_FILE_BYTES)
    except FileNotFoundError:
        raise StoreError(f"no answer file at {name}; answer an exercise in a notebook first") from None
    except OSError as err:
        raise StoreError(f"cannot read the answer file {name}: {err.strerror or err}") from None
    if len(data) > MAX_FILE_BYTES:
        raise StoreError(f"{name} is larger than {MAX_FILE_BYTES // 2**20} MB: it is not an answer file")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise StoreError(f"{name} is not UTF-8 text (byte {err.start}); it is not an answer file") from None


@contextlib.contextmanager
def _clean_pytest_environment() -> Iterator[None]:
    saved = {k: os.environ.get(k) for k in ("PYTEST_DISABLE_PLUGIN_AUTOLOAD", "PYTEST_ADDOPTS", "PYTEST_PLUGINS")}
    os.environ["PYTEST_DISABLE_PLUGIN_AUTOLOAD"] = "1"
    os.environ.pop("PYTEST_ADDOPTS", None)
    os.environ.pop("PYTEST_PLUGINS", None)
    try:
        yield
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def grade_with_pytest(store_path: Path, *, notebook: str | None = None) -> list[Grade]:
    """Grade one answer file through the pytest plugin, from a private snapshot; LessonsError if it can't."""
    text = read_store_text(store_path)
    parse_store(text, source=printable(store_path.name, limit=200))  # an unreadable file: its one-line reason
    select_exercises(notebook=notebook)  # an unknown notebook too
    collector = _Collector()
    with tempfile.TemporaryDirectory(prefix="lessons-grade-") as folder:
        snapshot = Path(folder) / "answers.json"
        snapshot.write_text(text, encoding="utf-8", errors="surrogatepass")
        args = [str(snapshot), "-p", "no:terminal", "-p", "no:cacheprovider", "--noconftest",
                "-c", os.devnull, "--rootdir", folder, "-o", "addopts=", "--assert=plain"]  # fmt: skip
        if notebook:
            args += ["--notebook", notebook]
        with _clean_pytest_environment():
            code = pytest.main(args, plugins=[sys.modules[__name__], collector])
    if collector.errors or int(code) not in (0, 1):
        raise LessonsError(collector.errors[0] if collector.errors else f"the autograder stopped (pytest exit {code})")
    return collector.grades


def run(store_path: Path, *, notebook: str | None = None) -> int:
    """``lessons grade``: print the learner's report; exit 0 all correct, 1 not yet, 2 could not grade."""
    return _report(grade_with_pytest(store_path, notebook=notebook), source=store_path.name)


def run_on_answers(answers: dict[str, Any], *, notebook: str | None = None, source: str = "") -> int:
    """The same report for answers in hand (``lessons grade`` before any answer was saved)."""
    grader = Grader(learner=hub_user())
    return _report(grade_answers(answers, notebook=notebook, grader=grader), source=source)


def _report(grades: list[Grade], *, source: str) -> int:
    from lessons.course.report import format_report

    print(format_report(grades, source=source))
    return EXIT_ALL_CORRECT if all(g.result.passed for g in grades) else EXIT_NOT_ALL_CORRECT
