"""Kept so that ``from lessons.widgets import answer, exercise`` (older instructions) still works.

>>> from lessons.widgets import answer, exercise
>>> exercise.__module__
'lessons.course.widgets'
"""

from lessons.course.widgets import answer, exercise

__all__ = ["answer", "exercise"]
