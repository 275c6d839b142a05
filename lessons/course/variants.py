"""Per-learner variants: one passage from a pool, chosen by the learner id, with its own hashed key.

A pool's passages are texts written for the exercises and shipped in the package
(``lessons/data/passages/``); none has plain-text gold anywhere. The choice depends on the
exercise and the learner id alone, so the notebook, ``lessons grade`` and the instructor's
gradebook (which uses the name of the submission as the id) all pick the same passage, and
a neighbour's answers belong to another passage.

>>> pool = ("paragraphs/p01.txt", "paragraphs/p02.txt", "paragraphs/p03.txt")
>>> choose_index("tokenizing.passage_sentences", "ada", len(pool)) == choose_index(
...     "tokenizing.passage_sentences", "ada", len(pool))
True
>>> len({choose_index("x.y", f"learner{i}", 8) for i in range(100)})
8
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from lessons.course.keys import Key
from lessons.errors import LessonsError

PASSAGES = "data/passages"


@dataclass(frozen=True)
class Variant:
    """One passage of an exercise's pool and the key of the answer about it."""

    passage: str  # e.g. "headers/h03.txt", under lessons/data/passages
    key: Key

    @property
    def salt(self) -> str:
        """What the key's digests are salted with besides the exercise id: the passage's name."""
        return self.passage


def choose_index(exercise_id: str, learner: str, size: int) -> int:
    """Which of ``size`` variants a learner gets: stable for an id, spread over the pool."""
    digest = hashlib.sha256(f"{exercise_id}\x1f{learner}".encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big") % size


@lru_cache(maxsize=64)
def passage_text(name: str) -> str:
    """The text of a passage shipped with the package, without the final newline."""
    try:
        return (resources.files("lessons") / PASSAGES / name).read_text(encoding="utf-8").rstrip("\n")
    except (OSError, UnicodeDecodeError) as err:
        raise LessonsError(f"the passage {name!r} is missing from the package ({err}); reinstall the course") from None
