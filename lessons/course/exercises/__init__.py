"""Every exercise of the course, by stable id (``<stage>.<name>``).

>>> get_exercise("reading.author").notebook
'01_reading.ipynb'
>>> get_exercise("reading.autor")
Traceback (most recent call last):
...
lessons.errors.UnknownExerciseError: no exercise is called 'reading.autor'; did you mean 'reading.author'?
"""

from __future__ import annotations

import difflib
import re

from lessons.course.checks import Exercise
from lessons.errors import UnknownExerciseError, one_line
from lessons.course.exercises import capstone, contextualizing, dating, quoting, reading, start, tokenizing

EXERCISES: dict[str, Exercise] = {ex.id: ex for module in (start, reading, tokenizing, quoting, dating, contextualizing, capstone)
                             for ex in module.EXERCISES}


def get_exercise(exercise_id: str) -> Exercise:
    """The exercise with this id, or an error that names the closest ids."""
    try:
        return EXERCISES[exercise_id]
    except (KeyError, TypeError):
        close = difflib.get_close_matches(str(exercise_id), EXERCISES, n=1)
        tip = f"; did you mean {close[0]!r}?" if close else "; see the exercise ids printed above each widget"
        raise UnknownExerciseError(f"no exercise is called {one_line(exercise_id)}{tip}") from None


def exercises_in(notebook: str) -> list[Exercise]:
    """The exercises of one notebook, in course order.

    >>> [ex.id for ex in exercises_in("00_start.ipynb")]
    ['start.next_lesson', 'start.city']
    """
    return sorted((ex for ex in EXERCISES.values() if ex.notebook == notebook), key=_section_number)


def _section_number(ex: Exercise) -> int:
    """The § number of an exercise's section: the report lists a notebook's exercises as the notebook does."""
    found = re.match(r"§\s*(\d+)", ex.section or "")
    return int(found.group(1)) if found else 0
