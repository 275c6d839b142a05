"""The class gradebook (``lessons gradebook DIR -o out.csv``) takes a folder of submissions as collected:

- every ``*.json`` in the folder is one learner, and so is every sub-folder holding an
  ``answers.json`` (one folder per learner, as collected); the ``learner`` column is the name of the
  submission as collected — the file's name without ``.json``, or the folder's name — which the
  gradebook trusts (the id stored in the file is shown beside it, in ``stored_id``); backups (``*.corrupt-*``, ``*.set-aside-*``), temporary and lock files and dotfiles are
  skipped and counted, other files (a ``conftest.py``, notes) are not looked at;
- every submission is read into memory (at most :data:`MAX_SUBMISSION_BYTES`) before any grading
  starts, and graded from those bytes, so a code answer graded first cannot change a later learner's
  file; symbolic links, pipes and folders are refused, never followed or opened;
- whatever goes wrong with one file (not UTF-8, not JSON, nested too deeply, a 5,000-digit number,
  a check that crashes) is that file's error row, and the others are graded as if it were not there;
- the CSV is written atomically, one row per submission, and no cell can run as a spreadsheet
  formula (see :func:`csv_cell`); names and messages shown anywhere pass through :func:`printable`;
  each exercise's maximum points are a row of their own in a second file (:func:`maximum_path`).
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Literal
from collections.abc import Sequence

from lessons.course import coderun
from lessons.course.checks import Exercise, Grader
from lessons.course.grading import Grade, grade_answers, select_exercises, total_points
from lessons.course.safeio import write_csv_atomically
from lessons.course.store import parse_store, stored_learner
from lessons.course.submissions import (
    ERROR_KINDS,
    MAX_SUBMISSION_BYTES,
    ErrorKind,
    Submission,
    collect_submissions,
    csv_cell,
    printable,
)
from lessons.errors import LessonsError, StoreError

#: Characters kept of an error text, in a CSV cell or on the terminal.
MESSAGE_CHARS = 200
#: What ``--sandbox`` accepts: ``required`` refuses to run code answers outside bubblewrap.
SandboxPolicy = Literal["required", "off"]
#: The ``sandbox`` cell when the selected exercises hold no code answer.
NO_CODE = "not needed"


# --- Grading one submission, whatever it holds ------------------------------------------------


@dataclass(frozen=True)
class GradebookRow:
    """One learner's line in the class gradebook: grades, or why there are none."""

    file: str
    grades: tuple[Grade, ...] = ()
    error: str = ""
    kind: ErrorKind | Literal[""] = ""
    stored_id: str = ""  # the id the learner set (lessons whoami), as the file says

    @property
    def learner(self) -> str:
        """The learner id: the submission's name as collected (``ada.json``, or the folder ``ada/answers.json``).

        >>> GradebookRow("ada.json").learner, GradebookRow("bo/answers.json").learner
        ('ada', 'bo')
        """
        return self.file.split("/")[0] if "/" in self.file else self.file.removesuffix(".json")

    @property
    def id_check(self) -> Literal["same", "differs", "not set", ""]:
        """Does the id stored in the file agree with the submission's name? ('' for an error row)."""
        if self.error:
            return ""
        if not self.stored_id:
            return "not set"
        return "same" if self.stored_id == self.learner else "differs"

    @property
    def status(self) -> Literal["graded", "error"]:
        """'graded', or 'error' when the file could not be graded (see ``error``)."""
        return "error" if self.error else "graded"

    @property
    def limit_hits(self) -> tuple[tuple[str, tuple[str, ...]], ...]:
        """(exercise id, the sandbox limits that stopped it) for each code answer a limit stopped."""
        return tuple((g.exercise.id, g.result.limits) for g in self.grades if g.result.limits)

    @property
    def stopped_by_limit(self) -> bool:
        """True when one of this learner's code answers was stopped by a sandbox limit."""
        return bool(self.limit_hits)


def _why(err: BaseException) -> str:
    return f"{type(err).__name__}: {printable(err, limit=MESSAGE_CHARS)}"


def _decode(data: bytes) -> str:
    return data.decode("utf-8").removeprefix("\ufeff")


def grade_submission(
    submission: Submission, *, notebook: str | None = None, secret: bytes | None = None
) -> GradebookRow:
    """Grade one snapshot from its bytes; whatever goes wrong is this row's error, never an exception.

    The learner id that picks variants is the submission's name (the name the instructor trusts);
    the id stored in the file is shown beside it.
    """
    name = submission.name
    if submission.error:
        return GradebookRow(name, error=submission.error, kind=submission.kind or "unreadable")
    try:
        text = _decode(submission.data)
    except UnicodeDecodeError as err:
        where = f"byte {submission.data[err.start]:#04x} at offset {err.start:,}"
        return GradebookRow(name, error=f"not UTF-8 text ({where})", kind="unreadable")
    try:
        answers = parse_store(text, source="the file")
    except StoreError as err:
        return GradebookRow(name, error=printable(err, limit=MESSAGE_CHARS), kind="unreadable")
    except RecursionError:
        return GradebookRow(name, error="cannot be read: nested too deeply", kind="unreadable")
    except Exception as err:  # noqa: BLE001 - a 5,000-digit number, MemoryError ... : one row, not the run
        return GradebookRow(name, error=f"cannot be read: {_why(err)}", kind="unreadable")
    try:
        grader = Grader(learner=GradebookRow(name).learner, secret=secret)
        grades = tuple(grade_answers(answers, notebook=notebook, grader=grader))
        return GradebookRow(name, grades, stored_id=stored_learner(text) or "")
    except Exception as err:  # noqa: BLE001 - Exercise.check never raises; this guards the rest
        return GradebookRow(name, error=f"grading failed: {_why(err)}", kind="grading failed")


# --- The class -------------------------------------------------------------------------------


@dataclass(frozen=True)
class ClassGrades:
    """A graded folder: one row per learner file (by file name) and the names skipped."""

    rows: tuple[GradebookRow, ...]
    skipped: tuple[str, ...] = ()
    instructor: bool = False  # graded with the instructor's secret (instructor cases run)


def _progress_wanted(progress: bool) -> bool:
    try:
        return progress and sys.stderr is not None and sys.stderr.isatty()
    except (AttributeError, ValueError):
        return False


def grade_class(
    folder: Path,
    *,
    notebook: str | None = None,
    jobs: int = 4,
    progress: bool = True,
    max_bytes: int = MAX_SUBMISSION_BYTES,
    secret: bytes | None = None,
) -> ClassGrades:
    """Read every learner file in ``folder``, then grade the snapshots in parallel (bar on a terminal)."""
    from tqdm import tqdm

    select_exercises(notebook=notebook)  # an unknown notebook fails before anything is read
    submissions, skipped = collect_submissions(folder, max_bytes=max_bytes)
    if not submissions:
        also = f" (skipped {len(skipped)} backups, temporary files or dotfiles)" if skipped else ""
        raise LessonsError(
            f"{printable(folder, limit=200)} holds no .json answer files{also}; "
            "collect the learners' answers.json files there"
        )
    jobs = max(1, jobs)
    coderun.set_parallel_jobs(jobs)
    # Threads suffice: code answers run in their own processes, the rest is quick.
    with ThreadPoolExecutor(max_workers=jobs) as pool:
        graded = pool.map(lambda s: grade_submission(s, notebook=notebook, secret=secret), submissions)
        bar = tqdm(graded, total=len(submissions), desc="grading", unit="learner", file=sys.stderr,
                   disable=not _progress_wanted(progress))  # fmt: skip
        rows = tuple(bar)
    return ClassGrades(rows, tuple(skipped), instructor=secret is not None)


def grade_folder(
    folder: Path, *, notebook: str | None = None, jobs: int = 4, progress: bool = True
) -> list[GradebookRow]:
    """Grade every learner's ``*.json`` answer file in ``folder``: one row each, in file-name order."""
    return list(grade_class(folder, notebook=notebook, jobs=jobs, progress=progress).rows)


def prepare_sandbox(policy: SandboxPolicy, exercises: Sequence[Exercise]) -> str:
    """The mode code answers will run in ('bwrap', 'process' or 'not needed'); refuses what policy forbids.

    ``required`` raises LessonsError (one line: why, and what to do) when a selected exercise is code
    and bubblewrap does not work here; ``off`` runs code answers as plain processes.

    >>> prepare_sandbox("required", select_exercises(notebook="00_start"))
    'not needed'
    """
    has_code = any(ex.kind == "code" for ex in exercises)
    if policy == "off":
        coderun.use_sandbox("process")
        return "process" if has_code else NO_CODE
    if policy != "required":
        raise LessonsError(f"--sandbox must be 'required' or 'off', not {printable(repr(policy), limit=40)}")
    if not has_code:
        return NO_CODE
    try:
        box = coderun.sandbox()
        mode, reason = box.mode, box.reason
    except LessonsError as err:  # e.g. LESSONS_SANDBOX holds a mode that does not exist
        mode, reason = "process", str(err)
    if mode != "bwrap":
        raise LessonsError(
            f"code answers must run in the bubblewrap sandbox, which cannot be used here "
            f"({printable(reason or mode, limit=160)}); install bubblewrap (apt-get install bubblewrap) or pass "
            "--sandbox=off to run code answers without it: they could then read other learners' files"
        )
    return "bwrap"


# --- The CSV and the summary -----------------------------------------------------------------


def check_output(out: Path) -> None:
    """Fail now, in one line, if the gradebook could not be written to ``out`` later."""
    where = printable(out, limit=200)
    parent = out.parent
    if not parent.is_dir():
        raise LessonsError(
            f"cannot write the gradebook to {where}: the folder {printable(parent, limit=200)} does not exist; "
            "create it or choose another -o"
        )
    if out.is_dir():
        raise LessonsError(f"cannot write the gradebook to {where}: it is a folder; give a file name, e.g. book.csv")
    try:
        handle, probe = tempfile.mkstemp(dir=parent, prefix=f".{out.name}.", suffix=".tmp")
        os.close(handle)
        os.unlink(probe)
    except OSError as err:
        raise LessonsError(f"cannot write the gradebook to {where}: {err.strerror or err}") from None


#: The ``grading`` cell: with the instructor's secret, or as the learners' own practice check.
GRADING_INSTRUCTOR, GRADING_PRACTICE = "instructor", "practice check"


def gradebook_header(ids: Sequence[str]) -> list[str]:
    """The CSV's columns (documented in the README's instructor section)."""
    return ["learner", "file", "stored_id", "id_check", *ids, "total", "possible", "percent", "status", "error",
            "sandbox", "grading"]  # fmt: skip


def _cells(row: GradebookRow, ids: Sequence[str], sandbox: str, grading: str) -> list[str]:
    if row.error:
        points: list[object] = ["" for _ in ids]
        totals: list[object] = ["", "", ""]
    else:
        by_id = {g.exercise.id: g.points for g in row.grades}
        earned, possible = total_points(row.grades)
        points = [by_id.get(i, "") for i in ids]
        totals = [earned, possible, f"{100 * earned / possible:.1f}" if possible else ""]
    cells = [
        csv_cell(row.learner),
        csv_cell(row.file),
        csv_cell(row.stored_id),
        row.id_check,
        *(csv_cell(p) for p in points),
        *(csv_cell(t) for t in totals),
        row.status,
        csv_cell(row.error, limit=MESSAGE_CHARS),
        csv_cell(sandbox),
        grading,
    ]
    return cells


#: The ``learner`` cell and the ``status`` of the row of maximum points.
MAXIMUM, MAXIMUM_STATUS = "(maximum)", "maximum"


def maximum_path(out: Path) -> Path:
    """Where each exercise's maximum points go: beside the gradebook, ``book.csv`` → ``book-maximum.csv``.

    A file of its own, not a row of the gradebook: the gradebook stays one row per submission, so an average,
    a count or a sort of a column in a spreadsheet, and every script that reads it (the LMS export, a regrade),
    see learners only. Same columns, so the row can be pasted above the learners.
    """
    return out.with_name(f"{out.stem}-maximum.csv")


def maximum_cells(exercises: Sequence[Exercise]) -> list[str]:
    """The row of maximum points in the gradebook's columns: each exercise's weight, the total possible.

    >>> maximum_cells(select_exercises(notebook="00_start"))
    ['(maximum)', '', '', '', '1.0', '1.0', '2.0', '2.0', '100.0', 'maximum', '', '', '']
    """
    possible = float(sum(ex.points for ex in exercises))
    return [MAXIMUM, "", "", "", *(csv_cell(ex.points) for ex in exercises), csv_cell(possible), csv_cell(possible),
            "100.0", MAXIMUM_STATUS, "", "", ""]  # fmt: skip


def write_gradebook(
    rows: Sequence[GradebookRow],
    out: Path,
    *,
    notebook: str | None = None,
    sandbox: str = "",
    grading: str = GRADING_PRACTICE,
) -> None:
    """Write the CSV atomically: one row per learner file, one column per exercise (points), then
    totals, status (graded/error), error, the sandbox code answers ran in and how it was graded;
    and beside it, in the same columns, the row of each exercise's maximum points (:func:`maximum_path`)."""
    graded = next((row for row in rows if row.grades), None)
    if notebook is not None or graded is None:
        exercises = select_exercises(notebook=notebook)
    else:
        exercises = [g.exercise for g in graded.grades]
    ids = [ex.id for ex in exercises]
    header = gradebook_header(ids)
    tables = ((out, [header, *(_cells(row, ids, sandbox, grading) for row in rows)]),
              (maximum_path(out), [header, maximum_cells(exercises)]))
    for path, table in tables:
        try:
            write_csv_atomically(path, table)
        except OSError as err:
            raise LessonsError(f"cannot write the gradebook to {printable(path, limit=200)}: "
                               f"{err.strerror or err}") from None


def limit_lines(rows: Sequence[GradebookRow]) -> list[str]:
    """One line per code answer a sandbox limit stopped: whose, which exercise, which limit — the instructor
    looks at that code (an endless loop, a runaway list) before trusting its 0.

    >>> from lessons.course.checks import CheckResult
    >>> from lessons.course.exercises import get_exercise
    >>> stopped = CheckResult(0.0, "not yet", "…", limits=("CPU time",))
    >>> limit_lines([GradebookRow("ada.json", (Grade(get_exercise("reading.glued_byline"), stopped),))])
    ['code stopped by a limit: ada, reading.glued_byline (CPU time)']
    """
    return [f"code stopped by a limit: {printable(row.learner, limit=MESSAGE_CHARS)}, {exercise} ({', '.join(limits)})"
            for row in rows for exercise, limits in row.limit_hits]


def summary_lines(book: ClassGrades, *, sandbox: str = "", output: Path | None = None) -> list[str]:
    """What the gradebook command prints on stderr: the counts, how it graded, then one line per error file.

    >>> broken = GradebookRow("\\x1b[2J.json", error="x", kind="unreadable")
    >>> book = ClassGrades((GradebookRow("a.json", stored_id="b"), broken), skipped=("b.tmp",))
    >>> print("\\n".join(summary_lines(book)))
    graded 1, could not grade 1 (unreadable 1), skipped 1
    practice check: no --secret, so the instructor cases of code exercises were not run
    1 learner's stored id differs from the name of the submission (see the id_check column)
    could not grade \\x1b[2J.json: x
    """
    failed = [row for row in book.rows if row.error]
    kinds = Counter(row.kind or "unreadable" for row in failed)
    line = f"graded {len(book.rows) - len(failed)}, could not grade {len(failed)}"
    if failed:
        known = [k for k in ERROR_KINDS if kinds[k]] + sorted(k for k in kinds if k not in ERROR_KINDS)
        line += " (" + ", ".join(f"{k} {kinds[k]}" for k in known) + ")"
    lines = [line + f", skipped {len(book.skipped)}"]
    if sandbox == "process":
        lines.append("code answers ran WITHOUT a sandbox (--sandbox=off): " + coderun.sandbox().guarantees)
    elif sandbox == "bwrap":
        lines.append("code answers ran in the bubblewrap sandbox")
    if book.instructor:
        lines.append("graded with the instructor's secret: instructor cases were run")
    else:
        lines.append("practice check: no --secret, so the instructor cases of code exercises were not run")
    limited = sum(row.stopped_by_limit for row in book.rows)
    if limited:
        lines.append(f"{limited} learner{'s' if limited != 1 else ''} had a code answer stopped by a limit")
        lines += limit_lines(book.rows)
    lines += [f"could not be checked (the sandbox, not the answer; grade it by hand or regrade): "
              f"{printable(row.learner, limit=MESSAGE_CHARS)}, {g.exercise.id}"
              for row in book.rows for g in row.grades
              if g.result.status == "could not be checked" and g.exercise.kind == "code"]
    differs = sum(row.id_check == "differs" for row in book.rows)
    if differs:
        who = "learner's stored id differs" if differs == 1 else "learners' stored ids differ"
        lines.append(f"{differs} {who} from the name of the submission (see the id_check column)")
    if output is not None:
        lines.append(f"CSV written: {printable(output, limit=200)}; each exercise's maximum points in "
                     f"{printable(maximum_path(output).name, limit=200)}")
    errors = [f"could not grade {printable(row.file)}: {printable(row.error, limit=MESSAGE_CHARS)}" for row in failed]
    return [*lines, *errors]
