"""Manual overrides and honest regrades.

**Overrides.** An instructor sets a learner's points on one exercise, with a reason, in a CSV kept beside the
gradebook (``<gradebook>-overrides.csv``: ``learner,exercise,points,reason``). Every grading applies it, so a
regrade never loses it; the learner's feedback page shows the points as set by the instructor, with the reason.

**Regrades.** Each grading records a fingerprint of every exercise's key (``<gradebook>-keys.json``). Grading the
same class again compares both the keys and the grades with the last run's: a key that changed is named, and
every grade that changed is listed (``<gradebook>-changes.csv``), so fixing a key never changes past grades
silently.

>>> from lessons.course.exercises import get_exercise
>>> len(key_fingerprint(get_exercise("start.city"))), key_fingerprint(get_exercise("start.city")) == \\
...     key_fingerprint(get_exercise("start.next_lesson"))
(16, False)
"""

from __future__ import annotations

import csv
import dataclasses
import hashlib
import json
from dataclasses import dataclass, replace
from pathlib import Path
from collections.abc import Sequence

from lessons.course.checks import CheckResult, Exercise
from lessons.course.exercises import get_exercise
from lessons.course.gradebook import GradebookRow
from lessons.course.safeio import printable
from lessons.course.submissions import csv_cell
from lessons.errors import LessonsError, UnknownExerciseError

__all__ = ["Override", "apply_overrides", "compare_runs", "key_fingerprint", "read_overrides", "record_keys"]


@dataclass(frozen=True)
class Override:
    learner: str
    exercise: str
    points: float
    reason: str


def _canonical(value: object) -> object:
    """A form of a key that is the same in every run: sets sorted, functions by name (never by address)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _canonical(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (set, frozenset)):
        return sorted((_canonical(v) for v in value), key=repr)
    if isinstance(value, (list, tuple)):
        return [_canonical(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _canonical(v) for k, v in sorted(value.items(), key=lambda kv: repr(kv[0]))}
    if callable(value):
        return f"{getattr(value, '__module__', '')}.{getattr(value, '__qualname__', repr(type(value)))}"
    return value if isinstance(value, (str, int, float, bool, type(None))) else repr(value)


def key_fingerprint(exercise: Exercise) -> str:
    """A hash of everything that decides a grade: the key, the variants' keys, the weight, the case generator —
    the same in every run, so only a real change shows."""
    parts = {"key": _canonical(exercise.key), "variants": _canonical([(v.passage, v.key) for v in exercise.variants]),
             "points": exercise.points}
    return hashlib.sha256(json.dumps(parts, sort_keys=True, default=repr).encode("utf-8")).hexdigest()[:16]


def read_overrides(path: Path) -> list[Override]:
    """The overrides file, checked: a known exercise, points within its weight, a reason. Missing file: none."""
    if not path.exists():
        return []
    try:
        with path.open(newline="", encoding="utf-8-sig") as stream:
            reader = csv.DictReader(stream)
            rows = list(reader)
            header = [h.strip() for h in reader.fieldnames or []]
    except (OSError, UnicodeDecodeError, csv.Error) as err:
        raise LessonsError(f"cannot read the overrides {printable(path, limit=200)}: {printable(err, limit=120)}") from None
    if header != ["learner", "exercise", "points", "reason"]:
        raise LessonsError(f"{printable(path.name)} must start with the line learner,exercise,points,reason "
                           "(commas, not semicolons), then one override per line")
    found = []
    for n, row in enumerate(rows, 2):
        where = f"{printable(path.name)}, line {n}"
        try:
            exercise = get_exercise((row.get("exercise") or "").strip())
            points = float(row.get("points") or "")
        except UnknownExerciseError as err:
            raise LessonsError(f"{where}: {err}") from None
        except ValueError:
            raise LessonsError(f"{where}: points must be a number, like 0.5") from None
        if not 0 <= points <= exercise.points:
            raise LessonsError(f"{where}: points must be between 0 and {exercise.points:g} for {exercise.id}")
        if not (row.get("reason") or "").strip() or not (row.get("learner") or "").strip():
            raise LessonsError(f"{where}: every override needs a learner and a reason")
        found.append(Override(row["learner"].strip(), exercise.id, points, row["reason"].strip()))
    return found


def apply_overrides(rows: Sequence[GradebookRow], overrides: Sequence[Override]) -> tuple[list[GradebookRow], list[Override]]:
    """The rows with the overrides applied, and the overrides that matched no graded learner's exercise."""
    by = {(o.learner, o.exercise): o for o in overrides}
    used = set()
    out = []
    for row in rows:
        grades = []
        for grade in row.grades:
            o = by.get((row.learner, grade.exercise.id))
            if o is not None:
                used.add((o.learner, o.exercise))
                score = o.points / grade.exercise.points if grade.exercise.points else 0.0
                status = "correct" if score >= 1 else "partly right" if score > 0 else "not yet"
                result = CheckResult(round(score, 3), status, f"Set by your instructor: {o.reason}")
                grade = replace(grade, result=result)
            grades.append(grade)
        out.append(replace(row, grades=tuple(grades)))
    return out, [o for o in overrides if (o.learner, o.exercise) not in used]


def record_keys(path: Path, exercises: Sequence[Exercise]) -> list[str]:
    """Write this run's key fingerprints; return the exercises whose key changed since the recorded run."""
    now = {ex.id: key_fingerprint(ex) for ex in exercises}
    before: dict[str, str] = {}
    if path.exists():
        try:
            before = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            before = {}
    path.write_text(json.dumps(now, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return sorted(i for i in now if i in before and before[i] != now[i])


def compare_runs(before_csv: Path, rows: Sequence[GradebookRow], changes_csv: Path) -> int:
    """List every (learner, exercise) whose points differ from the last gradebook's; return how many."""
    if not before_csv.exists():
        return 0
    try:
        with before_csv.open(newline="", encoding="utf-8") as stream:
            old = {r["learner"].lstrip("'"): r for r in csv.DictReader(stream)}
    except (OSError, UnicodeDecodeError, csv.Error, KeyError):
        return 0
    changed = []
    for row in rows:
        previous = old.get(row.learner)
        if previous is None:
            continue
        for grade in row.grades:
            was = previous.get(grade.exercise.id, "")
            if was != "" and abs(float(was) - grade.points) > 1e-9:
                changed.append([csv_cell(row.learner), grade.exercise.id, was, grade.points])
    with changes_csv.open("w", newline="", encoding="utf-8") as stream:
        table = csv.writer(stream)
        table.writerow(["learner", "exercise", "points_before", "points_now"])
        table.writerows(changed)
    return len(changed)
