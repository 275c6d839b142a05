"""The grade report a learner reads: notebook order, status in words, one next step, 88 columns.

>>> from lessons.course.grading import grade_answers
>>> print(format_report(grade_answers({"start.city": "Busan"}, notebook="00_start")))
Reading the News: your grade
<BLANKLINE>
00_start.ipynb: 0 of 2 points
  start.next_lesson   0/1  not attempted
      Not attempted yet: see 00_start.ipynb, § 3 Your first answer.
  start.city          0/1  not yet
      Not quite: 'Busan' is not the answer.
      Next: The article's second paragraph (data/article.txt) says where the talks were
      held.
<BLANKLINE>
Total: 0 of 2 points (0%); 0 of 2 exercises correct.
"""

from __future__ import annotations

import textwrap
from itertools import groupby
from collections.abc import Sequence

from lessons.course.checks import PRACTICE_NOTE
from lessons.course.grading import Grade, total_points
from lessons.course.safeio import printable

#: The widest line the report prints (a terminal, a notebook cell).
WIDTH = 88


def _points(value: float) -> str:
    return f"{round(value, 2):g}"


def _wrapped(text: str, indent: str) -> list[str]:
    flat = printable(" ".join(text.split()))  # one paragraph, and no escape sequence reaches the terminal
    return textwrap.wrap(flat, WIDTH, initial_indent=indent, subsequent_indent=indent) or [indent.rstrip()]


def format_exercise(grade: Grade, *, id_width: int = 22) -> list[str]:
    """Two to four lines for one exercise: id, points, status; the message; one next step."""
    ex, result = grade.exercise, grade.result
    head = f"  {ex.id:<{id_width}} {_points(grade.points):>3}/{_points(ex.points)}  {result.status}"
    lines = [head[:WIDTH], *_wrapped(result.message, "      ")]
    if result.hints and result.status not in ("correct", "not attempted"):
        lines += _wrapped("Next: " + result.hints[0], "      ")
    return lines


def format_report(grades: Sequence[Grade], *, source: str = "") -> str:
    """The whole report: one block per notebook in course order, then the total."""
    title = "Reading the News: your grade" + (f" ({printable(source, limit=60)})" if source else "")
    lines = [title[:WIDTH]]
    if any(g.exercise.has_instructor_cases for g in grades):
        lines += _wrapped(f"{PRACTICE_NOTE[:-1]} on code exercises: the grade may differ.", "")
    id_width = min(32, max((len(g.exercise.id) for g in grades), default=0))
    for notebook, group in groupby(grades, key=lambda g: g.exercise.notebook):
        chosen = list(group)
        earned, possible = total_points(chosen)
        lines += ["", f"{notebook}: {_points(earned)} of {_points(possible)} points"]
        for grade in chosen:
            lines += format_exercise(grade, id_width=id_width)
    earned, possible = total_points(grades)
    percent = f" ({100 * earned / possible:.0f}%)" if possible else ""
    correct = sum(g.result.passed for g in grades)
    lines += ["", f"Total: {_points(earned)} of {_points(possible)} points{percent}; "
                  f"{correct} of {len(grades)} exercises correct."]  # fmt: skip
    return "\n".join(lines)
