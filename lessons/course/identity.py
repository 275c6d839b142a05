"""Who the learner is: the hub's user name on a JupyterHub, else the id the learner sets once.

The id chooses the learner's own passage in exercises with variants, and the instructor's
gradebook shows it beside the name of the submission (the name the instructor trusts), so a
learner should set the id their instructor will file them under::

    lessons whoami ada.lovelace        # in a terminal
    lessons.whoami("ada.lovelace")     # in a notebook cell

>>> valid_learner_id("  ada.lovelace ")
'ada.lovelace'
>>> valid_learner_id("ada lovelace")
Traceback (most recent call last):
...
lessons.errors.LearnerIdError: 'ada lovelace' is not a learner id: use 1-64 letters, digits and . _ - @ (no spaces), starting with a letter or digit, e.g. ada.lovelace
"""

from __future__ import annotations

import os
import re

from lessons.course.store import AnswerStore
from lessons.errors import LearnerIdError, LessonsError, one_line

#: Set by JupyterHub in every user's server; where it is set, it is the learner id.
HUB_USER_ENV = "JUPYTERHUB_USER"
_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._@-]{0,63}")


def valid_learner_id(text: object) -> str:
    """The id, trimmed, if it is one (letters, digits, ``. _ - @``); else LearnerIdError."""
    candidate = str(text).strip() if isinstance(text, str) else ""
    if not _ID.fullmatch(candidate):
        raise LearnerIdError(
            f"{one_line(text)} is not a learner id: use 1-64 letters, digits and . _ - @ (no spaces), "
            "starting with a letter or digit, e.g. ada.lovelace"
        )
    return candidate


def hub_user() -> str | None:
    """The JupyterHub user name, when running on a hub and it is a valid id."""
    try:
        return valid_learner_id(os.environ.get(HUB_USER_ENV, ""))
    except LearnerIdError:
        return None


def learner_id(store: AnswerStore | None = None) -> str | None:
    """``$JUPYTERHUB_USER`` on a hub, else the id saved in the answer file, else None (not set yet)."""
    return hub_user() or (store or AnswerStore()).learner()


def set_learner_id(name: str, store: AnswerStore | None = None) -> str:
    """Save the learner id in the answer file and return it; on a hub, only the hub's name is accepted."""
    chosen = valid_learner_id(name)
    on_hub = hub_user()
    if on_hub and chosen != on_hub:
        raise LearnerIdError(f"on this JupyterHub your learner id is {on_hub!r}, set by the hub; it cannot be changed")
    (store or AnswerStore()).set_learner(chosen)
    return chosen


def whoami(name: str | None = None, *, store: AnswerStore | None = None) -> None:
    """In a notebook: set your learner id (``whoami("ada.lovelace")``), or see it (``whoami()``).

    >>> import tempfile, pathlib
    >>> mine = AnswerStore(pathlib.Path(tempfile.mkdtemp()) / "answers.json")
    >>> whoami(store=mine)
    No learner id yet: set the one your instructor gave you, e.g. whoami("ada.lovelace").
    >>> whoami("ada.lovelace", store=mine)
    Your learner id is now 'ada.lovelace' (saved in answers.json).
    """
    target = store or AnswerStore()
    if name is not None:
        try:
            chosen = set_learner_id(name, target)
        except LessonsError as err:
            print(f"⚠ {err}")
            return
        print(f"Your learner id is now {chosen!r} (saved in {target.path.name}).")
        return
    current = learner_id(target)
    if current is None:
        print('No learner id yet: set the one your instructor gave you, e.g. whoami("ada.lovelace").')
    else:
        print(f"Your learner id is {current!r}.")
