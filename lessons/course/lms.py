"""Grades into a learning management system: the gradebook CSV rewritten in the import format of Canvas or Moodle.

The course knows learners by their course id (``lessons whoami``, or the hub user name); an LMS knows them by its
own columns. The instructor gives a **roster**, a CSV with a ``learner`` column (the course id) and the LMS's
identity columns — for Canvas, the columns of its own gradebook export (``Student``, ``ID``, ``SIS User ID``,
``SIS Login ID``, ``Section``); for Moodle, one of ``Email address``, ``Username`` or ``ID number`` (chosen as
"Identify user by" when importing).

- **Canvas** ("Import" in the Gradebook): those five columns, then one column per assignment, named
  ``Name (assignment id)`` to update an existing assignment or ``Name`` to create one; the row after the header
  may give ``Points Possible``.
- **Moodle** ("Import grades: CSV file"): the identity column, then one column per grade item, mapped at import.

Every learner of the roster gets a row (an empty grade changes nothing); graded learners the roster does not
name are reported, never guessed. Names are written as CSV cells no spreadsheet runs as formulas.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path
from typing import Literal
from collections.abc import Sequence

from lessons.course.safeio import printable
from lessons.course.submissions import csv_cell
from lessons.errors import LessonsError

__all__ = ["CANVAS_IDENTITY", "MOODLE_IDENTITIES", "Export", "export_grades"]

Lms = Literal["canvas", "moodle"]
CANVAS_IDENTITY = ("Student", "ID", "SIS User ID", "SIS Login ID", "Section")
MOODLE_IDENTITIES = ("Email address", "Username", "ID number")


@dataclass(frozen=True)
class Export:
    """What was written: rows, and the graded learners no roster row names (and roster rows with no grade)."""

    rows: int
    unmatched: tuple[str, ...]
    ungraded: tuple[str, ...]
    identity: str = ""  # the column the LMS matches learners on
    possible: str = ""  # the points a full grade is worth
    skipped: tuple[str, ...] = ()  # roster rows left out, with why


def _read_csv(path: Path, what: str) -> list[dict[str, str]]:
    try:
        with path.open(newline="", encoding="utf-8-sig") as stream:
            return list(csv.DictReader(stream))
    except (OSError, UnicodeDecodeError, csv.Error) as err:
        raise LessonsError(f"cannot read the {what} {printable(path, limit=200)}: {printable(err, limit=120)}") from None


def _totals(gradebook: Path) -> tuple[dict[str, str], str]:
    """learner → total points, from the gradebook CSV (graded rows only), and the points possible."""
    rows = _read_csv(gradebook, "gradebook")
    if rows and not {"learner", "total", "possible", "status"} <= set(rows[0]):
        raise LessonsError(f"{printable(gradebook, limit=200)} is no gradebook of lessons gradebook (its columns differ)")
    graded = [r for r in rows if r["status"] == "graded"]
    possible = max((r["possible"] for r in graded), key=lambda p: float(p or 0), default="")
    return {r["learner"].lstrip("'"): r["total"] for r in graded}, possible


def _same_file(a: Path, b: Path) -> bool:
    try:
        return Path(a).resolve() == Path(b).resolve() or Path(a).exists() and Path(a).samefile(b)
    except OSError:
        return False


def export_grades(gradebook: Path, roster: Path, out: Path, *, lms: Lms, assignment: str = "Reading the News",
                  assignment_id: str = "") -> Export:
    """Write ``out`` in the LMS's import format from the gradebook and the roster."""
    for source, what in ((gradebook, "gradebook"), (roster, "roster")):
        if _same_file(out, source):
            raise LessonsError(f"-o {out} is the {what} it reads: name a new file, like canvas-import.csv")
    totals, possible = _totals(gradebook)
    people = _read_csv(roster, "roster")
    columns = set(people[0]) if people else set()
    if "learner" not in columns:
        raise LessonsError("the roster needs a 'learner' column: each learner's course id, as in the gradebook")
    if lms == "canvas":
        missing = [c for c in CANVAS_IDENTITY if c not in columns]
        if missing:
            raise LessonsError(f"a Canvas roster needs the columns of Canvas's gradebook export: {', '.join(missing)} "
                               "missing")
        identity: Sequence[str] = CANVAS_IDENTITY
        title = f"{assignment} ({assignment_id})" if assignment_id else assignment
    else:
        identity = [next((c for c in MOODLE_IDENTITIES if c in columns), "")]
        if not identity[0]:
            raise LessonsError(f"a Moodle roster needs one of the columns {', '.join(MOODLE_IDENTITIES)}")
        title = assignment
    header = [*identity, title]
    table = [header]
    if lms == "canvas" and possible:
        table.append(["Points Possible", *[""] * (len(identity) - 1), possible])
    named: set[str] = set()
    skipped = []
    for n, person in enumerate(people, 2):
        learner = (person.get("learner") or "").strip()
        if (person.get("Student") or "").strip() == "Points Possible" or not learner:
            continue  # Canvas's export has this row; it names no learner
        if learner in named:
            skipped.append(f"line {n}: {printable(learner, limit=40)} is listed twice; the first row is kept")
            continue
        ids = identity[-1:] if lms == "moodle" else ("ID", "SIS User ID", "SIS Login ID")
        if not any((person.get(c) or "").strip() for c in ids):
            skipped.append(f"line {n}: {printable(learner, limit=40)} has no {' or '.join(ids)}: not exported")
            continue
        named.add(learner)
        table.append([csv_cell(person.get(c, "")) for c in identity] + [totals.get(learner, "")])
    try:
        with out.open("w", newline="", encoding="utf-8") as stream:
            csv.writer(stream).writerows(table)
    except OSError as err:
        raise LessonsError(f"cannot write {printable(out, limit=200)}: {err.strerror or err}") from None
    return Export(len(named), tuple(sorted(set(totals) - named)), tuple(sorted(named - set(totals))),
                  identity[-1] if lms == "moodle" else ", ".join(identity), possible, tuple(skipped))
