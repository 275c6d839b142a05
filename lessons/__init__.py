"""Reading the News: helpers for a course that reads one news article closely.

``import lessons`` gives the verbs the notebooks use; each lives in its stage's module.

>>> import lessons
>>> lessons.read_article("Seoul talks\\nBy Jo Bloggs\\nThey met. It rained.").author
'Jo Bloggs'
>>> [s.text for s in lessons.sentences("They met. It rained.")]
['They met.', 'It rained.']
"""

from __future__ import annotations

import importlib
from typing import Any

from lessons.errors import LessonsError

__all__ = [
    "LessonsError",
    "answer",
    "exercise",
    "extract_quotes",
    "find_timexes",
    "read_article",
    "read_file",
    "reported_speech",
    "sentences",
    "sourcing",
    "whoami",
    "words",
]

# Loaded on first use, so that `import lessons` stays quick and needs no widget library.
_HOMES = {
    "read_article": "lessons.reading",
    "read_file": "lessons.reading",
    "sentences": "lessons.tokenizing",
    "words": "lessons.tokenizing",
    "extract_quotes": "lessons.quoting",
    "find_timexes": "lessons.dating",
    "reported_speech": "lessons.quoting",
    "sourcing": "lessons.audit",
    "exercise": "lessons.course.widgets",
    "answer": "lessons.course.widgets",
    "whoami": "lessons.course.identity",
}


def __getattr__(name: str) -> Any:
    if name in _HOMES:
        return getattr(importlib.import_module(_HOMES[name]), name)
    raise AttributeError(f"module 'lessons' has no attribute {name!r}")
