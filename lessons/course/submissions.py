"""Reading a folder of learners' answer files safely: a snapshot of every file before any grading.

A submission is whatever a learner handed in, so nothing about it is trusted: links are not
followed, pipes and devices are not opened, sizes are capped, and every name or message shown
passes through :func:`printable` (a terminal never sees a raw escape sequence) or, in the CSV,
:func:`csv_cell` (a spreadsheet never sees a formula).
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from lessons.course.safeio import NotRegularFileError, printable, read_regular_file
from lessons.errors import LessonsError

#: The answer file inside a learner's folder, when submissions are collected as one folder per learner.
COLLECTED_NAME = "answers.json"
#: Largest submission the gradebook reads, in bytes; a bigger file is an error row ("too large").
MAX_SUBMISSION_BYTES = 16 * 1024 * 1024
#: A CSV cell starting with one of these is prefixed with ``'`` (OWASP's CSV-injection rule).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
#: Why a submission could not be graded, in the order the summary lists them.
ErrorKind = Literal["unreadable", "too large", "not a plain file", "grading failed"]
ERROR_KINDS: tuple[ErrorKind, ...] = ("unreadable", "too large", "not a plain file", "grading failed")



# --- Showing hostile text safely --------------------------------------------------------------


def csv_cell(value: object, *, limit: int | None = None) -> str:
    """A CSV cell no spreadsheet runs as a formula: :func:`printable`, then ``'`` before = + - @.

    >>> csv_cell('=HYPERLINK("evil.example")'), csv_cell(1.5), csv_cell("ada"), csv_cell("\\t-x")
    ('\\'=HYPERLINK("evil.example")', '1.5', 'ada', '\\\\t-x')
    """
    text = printable(value, limit=limit)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


# --- Reading the submissions: a snapshot first ------------------------------------------------


def submission_role(name: str) -> Literal["learner", "skipped", "ignored"]:
    """Whether a folder entry is a learner's answer file, a leftover to skip and count, or not ours.

    >>> [submission_role(n) for n in ("ada.json", "ada.json.corrupt-2024", ".ada.json", "a.json.lock", "x.py")]
    ['learner', 'skipped', 'skipped', 'skipped', 'ignored']
    """
    if name.startswith(".") or name.endswith((".tmp", ".lock")) or ".corrupt-" in name or ".set-aside-" in name:
        return "skipped"  # the store's backups are answers.json.corrupt-<stamp>: leftovers, counted
    if not name.endswith(".json"):
        return "ignored"
    stem = name.removesuffix(".json")
    if ".corrupt-" in stem or ".set-aside-" in stem or stem.endswith((".tmp", ".lock")):
        return "skipped"
    return "learner"


@dataclass(frozen=True)
class Submission:
    """One answer file as collected: its name and its bytes, read once before any grading."""

    name: str
    data: bytes = b""
    error: str = ""
    kind: ErrorKind | Literal[""] = ""


def _what_it_is(mode: int) -> str:
    if stat.S_ISLNK(mode):
        return "a symbolic link (links are not followed)"
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a regular file"


def _too_large(name: str, size: int, max_bytes: int) -> Submission:
    return Submission(name, error=f"too large: over {max_bytes:,} bytes ({size:,}+)", kind="too large")


def read_submission(folder: Path, name: str, *, max_bytes: int = MAX_SUBMISSION_BYTES) -> Submission:
    """Read one file's bytes now, never following a link nor opening a pipe or a device."""
    path = Path(folder, name)
    try:
        info = os.lstat(path)
        if not stat.S_ISREG(info.st_mode):
            return Submission(name, error=f"{_what_it_is(info.st_mode)}, not an answer file", kind="not a plain file")
        if info.st_size > max_bytes:
            return _too_large(name, info.st_size, max_bytes)
        data = read_regular_file(path, max_bytes, follow_links=False)  # swapped for a link since: refused
    except NotRegularFileError as err:
        return Submission(name, error=f"{err}, not an answer file", kind="not a plain file")
    except OSError as err:
        return Submission(name, error=f"cannot read it: {printable(err.strerror or err, limit=80)}", kind="unreadable")
    except MemoryError:
        return Submission(name, error="too large to hold in memory now", kind="too large")
    if len(data) > max_bytes:
        return _too_large(name, len(data), max_bytes)
    return Submission(name, data)


def check_folder(folder: Path) -> None:
    """Fail with one line unless ``folder`` is a folder."""
    if not folder.is_dir():
        raise LessonsError(
            f"{printable(folder, limit=200)} is not a folder; give the folder that holds the learners' answer files"
        )


def collect_submissions(
    folder: Path, *, max_bytes: int = MAX_SUBMISSION_BYTES
) -> tuple[list[Submission], list[str]]:
    """Every learner file in ``folder`` read into memory now, by name; and the names skipped."""
    check_folder(folder)
    try:
        names = sorted(os.listdir(folder))
    except OSError as err:
        raise LessonsError(f"cannot list {printable(folder, limit=200)}: {err.strerror or err}") from None
    roles = {name: submission_role(name) for name in names}
    # A learner's folder as collected (``ada/answers.json``) is that learner's submission too.
    chosen = [n for n in names if roles[n] == "learner"] + [
        f"{n}/{COLLECTED_NAME}" for n in names if roles[n] == "ignored" and _is_collected_folder(folder, n)
    ]
    learners = [read_submission(folder, n, max_bytes=max_bytes) for n in sorted(chosen)]
    return learners, [n for n in names if roles[n] == "skipped"]


def _is_collected_folder(folder: Path, name: str) -> bool:
    """A real folder (not a link) that holds an ``answers.json`` entry (read, and checked, later)."""
    try:
        return stat.S_ISDIR(os.lstat(os.path.join(folder, name)).st_mode) and os.path.lexists(
            os.path.join(folder, name, COLLECTED_NAME))
    except OSError:
        return False
