"""The answer store: one JSON file per learner, next to the notebooks.

Every change is written at once and atomically (a temporary file, fsync, rename), under
a file lock, as a read-modify-write, so two notebooks saving at the same moment both
keep their answers and a crash mid-write leaves the previous file intact. Only answers
are stored: scores are always recomputed from them.

>>> import tempfile, pathlib
>>> store = AnswerStore(pathlib.Path(tempfile.mkdtemp()) / "answers.json")
>>> store.save("reading.author", "Ahn Sung-mi")
>>> AnswerStore(store.path).get("reading.author")
'Ahn Sung-mi'
"""

from __future__ import annotations

import contextlib
import getpass
import json
import os
import shutil
import tempfile
from datetime import datetime, timezone
from pathlib import Path
from typing import Any
from collections.abc import Iterator

from lessons.errors import StoreCorruptError, StoreError
from lessons.paths import NOTEBOOKS_DIR

FORMAT = "reading-the-news/answers"
VERSION = 1
#: Environment variable naming the answer file; otherwise ``notebooks/answers.json``.
STORE_ENV = "LESSONS_ANSWERS"


def default_store_path() -> Path:
    """``$LESSONS_ANSWERS`` if set, else ``answers.json`` in the course's notebooks folder."""
    if os.environ.get(STORE_ENV):
        return Path(os.environ[STORE_ENV]).expanduser()
    folder = NOTEBOOKS_DIR if NOTEBOOKS_DIR.is_dir() else Path.cwd()
    return folder / "answers.json"


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


@contextlib.contextmanager
def _locked(path: Path) -> Iterator[None]:
    """Hold an exclusive lock on ``path.lock`` (a separate file, so replace() can't break it)."""
    lock_path = path.with_name(path.name + ".lock")
    with open(lock_path, "a+b") as handle:
        if os.name == "nt":  # pragma: no cover - exercised on Windows only
            import msvcrt

            msvcrt.locking(handle.fileno(), msvcrt.LK_LOCK, 1)
            try:
                yield
            finally:
                msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)
        else:
            import fcntl

            fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def parse_store(text: str, *, source: str = "answers") -> dict[str, Any]:
    """The answers (exercise id -> value) in a store file's text; anything else is ignored.

    >>> parse_store('{"answers": {"a.b": {"value": 3, "score": 1, "passed": true}}}')
    {'a.b': 3}
    """
    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        raise StoreCorruptError(f"{source} is not valid JSON (line {err.lineno}, column {err.colno})") from None
    if not isinstance(data, dict) or not isinstance(data.get("answers", {}), dict):
        raise StoreCorruptError(f"{source} is not an answer file: it has no 'answers' table")
    answers = {}
    for exercise_id, entry in data.get("answers", {}).items():
        # Only the value counts: a "score" or "passed" field written by hand is ignored.
        answers[str(exercise_id)] = entry.get("value") if isinstance(entry, dict) else None
    return answers


class AnswerStore:
    """A learner's answers in one JSON file."""

    def __init__(self, path: Path | str | None = None, *, learner: str | None = None) -> None:
        self.path = Path(path) if path is not None else default_store_path()
        self.learner = learner

    def load(self) -> dict[str, Any]:
        """All saved answers; a corrupt file raises StoreCorruptError and is left untouched."""
        try:
            text = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return {}
        except (OSError, UnicodeDecodeError) as err:
            raise StoreError(f"cannot read the answer file {self.path}: {err}") from None
        return parse_store(text, source=str(self.path))

    def get(self, exercise_id: str, default: Any = None) -> Any:
        """The saved answer to one exercise, or ``default``."""
        return self.load().get(exercise_id, default)

    def save(self, exercise_id: str, value: Any) -> None:
        """Save one answer now. A corrupt file is first kept as a backup, then reported."""
        try:
            json.dumps(value)
        except (TypeError, ValueError):
            raise StoreError(f"answers must be text, numbers or lists; cannot save {type(value).__name__}") from None
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with _locked(self.path):
                data, backup = self._read_for_update()
                entry = {"value": value, "saved": _now()}
                data["answers"][exercise_id] = entry
                self._write(data)
        except OSError as err:
            raise StoreError(f"cannot save to {self.path}: {err.strerror or err}") from None
        if backup is not None:
            raise StoreCorruptError(
                f"{self.path.name} was damaged, so it was kept as {backup.name} and a new file was started "
                f"(your answer to {exercise_id} is saved); ask your instructor if you need the old answers"
            )

    def _read_for_update(self) -> tuple[dict[str, Any], Path | None]:
        fresh = {"format": FORMAT, "version": VERSION, "learner": self.learner or _learner(), "answers": {}}
        try:
            text = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return fresh, None
        except UnicodeDecodeError:
            text = ""
        try:
            parse_store(text)
            data = json.loads(text)
            data.setdefault("answers", {})
            return data, None
        except (StoreCorruptError, json.JSONDecodeError):
            stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
            backup = self.path.with_name(f"{self.path.stem}.corrupt-{stamp}{self.path.suffix}")
            shutil.copy2(self.path, backup)
            return fresh, backup

    def _write(self, data: dict[str, Any]) -> None:
        handle, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=f".{self.path.name}.", suffix=".tmp")
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                json.dump(data, out, ensure_ascii=False, indent=1, sort_keys=True)
                out.flush()
                os.fsync(out.fileno())
            os.replace(tmp, self.path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise


def _learner() -> str:
    try:
        return getpass.getuser()
    except Exception:  # getuser() raises varied errors where no user name is set
        return "learner"
