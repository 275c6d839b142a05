"""The answer store: one JSON file per learner, next to the notebooks.

Every change is written at once and atomically (a temporary file, fsync, rename), under
a file lock, as a read-modify-write, so two notebooks saving at the same moment both
keep their answers and a crash mid-write leaves the previous file intact. Only answers
are stored: scores are always recomputed from them.

No content of the file can stop a learner from saving again: an answer that cannot be
read back (a 5,000-digit number, nesting 5,000 levels deep, a lone surrogate, ``NaN``)
loads as :class:`~lessons.course.checks.Unreadable`, and the next save sets it aside in
a backup copy beside the store (a name not ending in ``.json``, so a gradebook that
grades every ``*.json`` in a folder does not take it for another learner).

>>> import tempfile, pathlib
>>> store = AnswerStore(pathlib.Path(tempfile.mkdtemp()) / "answers.json")
>>> store.save("reading.author", "Ahn Sung-mi")
>>> AnswerStore(store.path).get("reading.author")
'Ahn Sung-mi'
"""

from __future__ import annotations

import contextlib
import json
import math
import os
import re
import secrets
import shutil
import tempfile
from datetime import datetime, timezone
from pathlib import Path
from typing import Any
from collections.abc import Callable, Iterator

from lessons.course.checks import Unreadable
from lessons.course.safeio import read_regular_file
from lessons.errors import StoreCorruptError, StoreError, one_line
from lessons.paths import NOTEBOOKS_DIR

FORMAT = "reading-the-news/answers"
VERSION = 1
#: Environment variable naming the answer file; otherwise ``notebooks/answers.json``.
STORE_ENV = "LESSONS_ANSWERS"
#: The first lesson: a folder holding it is a copy of the course's notebooks folder.
FIRST_NOTEBOOK = "00_start.ipynb"
#: Largest answer, in bytes of its JSON: room for a pasted article, not for a data dump.
MAX_ANSWER_BYTES = 1_000_000
#: Largest answer file read at all, in bytes; a bigger file is reported, never read into memory.
MAX_FILE_BYTES = 64 * 1024 * 1024
#: Deepest nesting of lists and tables inside one answer, in levels.
MAX_DEPTH = 100
#: Longest integer, in digits (Python's default int-string limit: longer ones cannot be read or written).
MAX_INT_DIGITS = 4300

_INT_BOUND = 10**MAX_INT_DIGITS
_ENVELOPE_DEPTH = 3  # {"answers": {id: {"value": ...}}}: the levels around an answer's value
_SURROGATE = re.compile("[\ud800-\udfff]")
_BRACKET_RUN = re.compile(r'"|[\[{]+|[\]}]+')
_STRING_REST = re.compile(r'[^"\\]*(?:\\.[^"\\]*)*"', re.DOTALL)  # disjoint branches: linear


def default_store_path() -> Path:
    """``$LESSONS_ANSWERS`` if set, else ``answers.json`` in the course's notebooks folder.

    That folder is the learner's own copy when the working folder is it (a notebook's kernel) or holds it
    (a terminal in the course folder), so learners on a hub that installed the package from one checkout
    (``pip install -e /opt/reading-the-news``) each keep their own file; else the checkout's, else here.
    """
    if os.environ.get(STORE_ENV):
        return Path(os.environ[STORE_ENV]).expanduser()
    with contextlib.suppress(OSError):  # a deleted working folder holds no course
        here = Path.cwd()
        for folder in (here, here / "notebooks"):
            if (folder / FIRST_NOTEBOOK).is_file():
                return folder / "answers.json"
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


def _cut_deep(text: str, limit: int, placeholder: str) -> str:
    """``text`` with every JSON array or object nested deeper than ``limit`` replaced by ``placeholder``.

    Python's JSON parser recurses once per level and dies of RecursionError on deep input
    before any hook runs, so the over-deep regions go first. One pass, no recursion: quoted
    strings are skipped whole (a bracket in quotes is text) and brackets are counted in runs.

    >>> _cut_deep('[[[1, "]"]], [2]]', 2, "X")
    '[[X], [2]]'
    >>> _cut_deep('{"a": [[[[]]]], "b": "[[["}', 2, "X")
    '{"a": [X], "b": "[[["}'
    """
    if text.count("[") + text.count("{") <= limit:
        return text  # cannot be too deep: the common case costs two C-speed counts
    pieces, kept, depth, cut_from, pos = [], 0, 0, -1, 0
    while found := _BRACKET_RUN.search(text, pos):
        run, start, pos = found.group(), found.start(), found.end()
        if run == '"':
            rest = _STRING_REST.match(text, pos)
            if rest is None:
                break  # an unterminated string: the file is not JSON, the parser will say so
            pos = rest.end()
        elif run[0] in "[{":
            if cut_from < 0 and depth + len(run) > limit:
                cut_from = start + max(limit - depth, 0)
            depth += len(run)
        else:
            if cut_from >= 0 and depth - len(run) <= limit:
                end = start + depth - limit  # the closer that brings the depth back to the limit
                pieces += [text[kept:cut_from], placeholder]
                kept, cut_from = end, -1
            depth = max(depth - len(run), 0)  # stray closers: the parser reports them
    if cut_from >= 0:
        pieces += [text[kept:cut_from], placeholder]
        kept = len(text)
    return "".join(pieces) + text[kept:]


def _decode(text: str, *, source: str) -> Any:
    """The JSON in ``text``, with every value Python cannot hold or write back as an :class:`Unreadable`."""
    placeholder = str(secrets.randbits(100) | 1 << 100)  # a number no learner can guess
    while placeholder in text:  # pragma: no cover - one chance in 2**100
        placeholder = str(secrets.randbits(100) | 1 << 100)
    too_deep = Unreadable(f"nested more than {MAX_DEPTH} levels deep")

    def parse_int(digits: str) -> int | Unreadable:
        if digits == placeholder:
            return too_deep
        count = len(digits.lstrip("-"))
        if count > MAX_INT_DIGITS:  # checked first: int() of a long string is slow, then refused
            return Unreadable(f"a number with {count} digits")
        try:
            return int(digits)
        except ValueError:  # a lower sys.set_int_max_str_digits() than ours
            return Unreadable(f"a number with {count} digits")

    def parse_float(literal: str) -> float | Unreadable:
        number = float(literal)
        return number if math.isfinite(number) else Unreadable(f"a number too large for JSON ({literal[:20]})")

    def parse_constant(name: str) -> Unreadable:
        return Unreadable(f"{name} is not a number JSON can hold")

    try:
        return json.loads(
            _cut_deep(text, MAX_DEPTH + _ENVELOPE_DEPTH, placeholder),
            parse_int=parse_int,
            parse_float=parse_float,
            parse_constant=parse_constant,
        )
    except json.JSONDecodeError as err:
        raise StoreCorruptError(f"{source} is not valid JSON (line {err.lineno}, column {err.colno})") from None
    except RecursionError:  # only if called with the stack nearly full already
        raise StoreCorruptError(f"{source} is nested too deeply to read") from None


def _unstorable(value: Any, *, max_bytes: int = MAX_FILE_BYTES) -> str | None:
    """Why ``value`` cannot be stored as JSON and read back unchanged, or None if it can.

    Walks the value with its own stack (no recursion), at most ``MAX_DEPTH`` levels deep and
    ``max_bytes`` of JSON, so a list that contains itself or a huge tree stops early.

    >>> _unstorable(["fine", 1, 2.5, None, {"k": True}]) is None
    True
    >>> _unstorable([float("nan")]), _unstorable({"a": "\\ud800"}), _unstorable("x" * 10, max_bytes=5)
    ('NaN is not a number JSON can hold', 'text with an unpaired surrogate character', 'more than 5 bytes as JSON')
    """
    stack: list[tuple[Any, int]] = [(value, 0)]
    budget = max_bytes
    while stack:
        item, depth = stack.pop()
        budget -= len(item) + 2 if isinstance(item, str) else 1  # a lower bound of its JSON size
        if budget < 0:
            return f"more than {max_bytes:,} bytes as JSON"
        if isinstance(item, Unreadable):
            return item.reason
        if isinstance(item, str):
            if _SURROGATE.search(item):
                return "text with an unpaired surrogate character"
        elif item is None or isinstance(item, bool):
            continue
        elif isinstance(item, int):
            if abs(item) >= _INT_BOUND:
                return f"a number with more than {MAX_INT_DIGITS} digits"
        elif isinstance(item, float):
            if math.isnan(item):
                return "NaN is not a number JSON can hold"
            if math.isinf(item):
                return "Infinity is not a number JSON can hold"
        elif isinstance(item, (list, tuple, dict)):
            if depth >= MAX_DEPTH:
                return f"nested more than {MAX_DEPTH} levels deep"
            children = [*item.keys(), *item.values()] if isinstance(item, dict) else item
            stack.extend((child, depth + 1) for child in children)
        else:
            return f"answers hold only text, numbers, true/false, lists and tables, not {type(item).__name__}"
    return None


def parse_store(text: str, *, source: str = "answers") -> dict[str, Any]:
    """The answers (exercise id -> value) in a store file's text; anything else is ignored.

    An answer that cannot be read back comes as an :class:`Unreadable` saying why; the
    others are kept. Only a file that is not an answer file at all raises StoreCorruptError.

    >>> parse_store('{"answers": {"a.b": {"value": 3, "score": 1, "passed": true}}}')
    {'a.b': 3}
    >>> parse_store('{"answers": {"a.b": {"value": NaN}, "c.d": {"value": "ok"}}}')
    {'a.b': Unreadable(reason='NaN is not a number JSON can hold'), 'c.d': 'ok'}
    """
    return _answers(_decode(text, source=source), source=source)


def _answers(data: Any, *, source: str) -> dict[str, Any]:
    """The answers table of decoded store data, each unreadable entry as an :class:`Unreadable`."""
    if not isinstance(data, dict) or not isinstance(data.get("answers", {}), dict):
        raise StoreCorruptError(f"{source} is not an answer file: it has no 'answers' table")
    answers: dict[str, Any] = {}
    for exercise_id, entry in data.get("answers", {}).items():
        # Only the value counts: a "score" or "passed" field written by hand is ignored.
        value = entry.get("value") if isinstance(entry, dict) else None
        if _SURROGATE.search(exercise_id):  # keyed by a printable form: the raw id cannot be written
            exercise_id = exercise_id.encode("utf-8", "backslashreplace").decode("utf-8")
            value = Unreadable("an exercise id with an unpaired surrogate character")
        reason = _unstorable(value)
        answers[exercise_id] = Unreadable(reason) if reason else value
    return answers


def _read_text(path: Path) -> str:
    """The text of the file at ``path``, refusing one larger than ``MAX_FILE_BYTES`` unread."""
    raw = read_regular_file(path, MAX_FILE_BYTES)  # a named pipe is refused, not waited on
    if len(raw) > MAX_FILE_BYTES:
        raise StoreCorruptError(
            f"{path} is larger than {MAX_FILE_BYTES // 2**20} MB, too large to be an answer file; "
            "saving an answer will set it aside"
        )
    return raw.decode("utf-8-sig")  # an editor's byte-order mark is not damage


def _backup(path: Path, kind: str) -> Path:
    """Copy the store beside itself as ``answers.json.<kind>-<stamp>``: not ``*.json``, so never graded."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    backup = path.with_name(f"{path.name}.{kind}-{stamp}")
    shutil.copy2(path, backup)
    return backup


def _remove_stale_temps(path: Path) -> None:
    """Delete ``.answers.json.<random>.tmp`` files; call only under the lock, when no writer can own one."""
    own = re.compile(rf"\.{re.escape(path.name)}\.[^.]+\.tmp")  # not another store's: its name adds a dot
    with os.scandir(path.parent) as entries:
        for entry in entries:
            if own.fullmatch(entry.name):
                with contextlib.suppress(OSError):
                    os.unlink(entry.path)


def _refusal(exercise_id: Any, value: Any) -> str | None:
    """Why ``save(exercise_id, value)`` must refuse, or None: checked before the file is touched."""
    if not isinstance(exercise_id, str) or _SURROGATE.search(exercise_id):
        return "an exercise id must be plain text"
    reason = _unstorable(value, max_bytes=MAX_ANSWER_BYTES)
    if reason is None:
        try:  # the writer's own options, so anything it would choke on is refused here
            size = len(json.dumps(value, ensure_ascii=False, allow_nan=False, sort_keys=True).encode("utf-8"))
        except (TypeError, ValueError) as err:
            return str(err).partition("\n")[0]
        reason = f"more than {MAX_ANSWER_BYTES:,} bytes as JSON" if size > MAX_ANSWER_BYTES else None
    if reason and reason.startswith("more than"):
        reason += " (the limit for one answer); save a shorter excerpt, or a link to the text instead"
    return reason


def _readable_part(data: dict[str, Any]) -> tuple[dict[str, Any], list[str], bool]:
    """Decoded store data without its unreadable fields and answers, the answers left out, and if anything was."""

    def clean(table: dict[str, Any]) -> dict[str, Any]:
        return {key: item for key, item in table.items() if not (_unstorable(key) or _unstorable(item))}

    kept = clean({key: item for key, item in data.items() if key != "answers"})
    lost = len(kept) < len(data) - ("answers" in data)
    kept["answers"], dropped = {}, []
    for exercise_id, entry in data.get("answers", {}).items():
        fields = clean(entry) if isinstance(entry, dict) else {"value": None}  # load() reads it as None too
        lost = lost or isinstance(entry, dict) and len(fields) < len(entry)
        if _unstorable(exercise_id) or isinstance(entry, dict) and "value" in entry and "value" not in fields:
            dropped.append(exercise_id.encode("utf-8", "backslashreplace").decode("utf-8"))
        else:
            kept["answers"][exercise_id] = fields
    return kept, dropped, lost or bool(dropped)


def stored_learner(text: str) -> str | None:
    """The learner id a store file's text holds, or None (missing, unreadable, not text).

    >>> stored_learner('{"learner": "ada", "answers": {}}'), stored_learner("[]")
    ('ada', None)
    """
    try:
        data = _decode(text, source="answers")
    except StoreError:
        return None
    found = data.get("learner") if isinstance(data, dict) else None
    return found.strip() if isinstance(found, str) and not _unstorable(found) and found.strip() else None


class AnswerStore:
    """A learner's answers in one JSON file."""

    def __init__(self, path: Path | str | None = None) -> None:
        self.path = Path(path) if path is not None else default_store_path()

    def load(self) -> dict[str, Any]:
        """All saved answers, unreadable ones as :class:`Unreadable`; only StoreError is raised."""
        try:
            text = _read_text(self.path)
        except FileNotFoundError:
            return {}
        except (OSError, UnicodeDecodeError) as err:
            raise StoreError(f"cannot read the answer file {self.path}: {err}") from None
        return parse_store(text, source=str(self.path))

    def get(self, exercise_id: str, default: Any = None) -> Any:
        """The saved answer to one exercise, or ``default``."""
        return self.load().get(exercise_id, default)

    def save(self, exercise_id: str, value: Any) -> None:
        """Save one answer now; a damaged file or unreadable answers are first set aside, then reported.

        A value that cannot be stored raises StoreError and leaves the file as it was. When
        something had to be set aside, the answer is saved and StoreCorruptError says where
        the backup copy is.
        """
        reason = _refusal(exercise_id, value)
        if reason:
            raise StoreError(f"cannot save {type(value).__name__} as the answer to {one_line(exercise_id)}: {reason}")
        self._update(lambda data: data["answers"].__setitem__(exercise_id, {"value": value, "saved": _now()}),
                     saved=f"your answer to {exercise_id} is saved")  # fmt: skip

    def learner(self) -> str | None:
        """The learner id saved in the file (by ``lessons whoami``), or None; never raises."""
        try:
            return stored_learner(_read_text(self.path))
        except (OSError, UnicodeDecodeError):
            return None

    def set_learner(self, learner_id: str) -> None:
        """Save the learner id in the file (the answers are kept)."""
        self._update(lambda data: data.__setitem__("learner", learner_id), saved="your learner id is saved")

    def _update(self, change: Callable[[dict[str, Any]], None], *, saved: str) -> None:
        """Read, change and write the file under its lock; report what had to be set aside."""
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with _locked(self.path):
                _remove_stale_temps(self.path)
                data, set_aside, kind = self._read_for_update()
                backup = _backup(self.path, kind) if kind else None
                change(data)
                self._write(data)
        except OSError as err:
            raise StoreError(f"cannot save to {self.path}: {err.strerror or err}") from None
        if backup is None:
            return
        if kind == "corrupt":
            raise StoreCorruptError(
                f"{self.path.name} was damaged, so it was kept as {backup.name} and a new file was started "
                f"({saved}); ask your instructor if you need the old answers"
            )
        ids = ", ".join(one_line(i, 30) for i in set_aside[:3]) + (", …" if len(set_aside) > 3 else "")
        lost = f"{len(set_aside)} saved answer(s) ({ids})" if set_aside else "parts"
        raise StoreCorruptError(
            f"{lost} of {self.path.name} could not be read, so the file was copied to {backup.name} next to it "
            f"and they were left out; {saved}"
        )

    def _read_for_update(self) -> tuple[dict[str, Any], list[str], str]:
        """The data to write back, the ids left out, and which backup to make ('' for none)."""
        fresh = {"format": FORMAT, "version": VERSION, "answers": {}}
        try:
            text = _read_text(self.path)
            data = _decode(text, source=self.path.name)
            _answers(data, source=self.path.name)  # the shape check
        except FileNotFoundError:
            return fresh, [], ""
        except (StoreCorruptError, UnicodeDecodeError):
            return fresh, [], "corrupt"
        kept, dropped, lost = _readable_part(data)
        return kept, dropped, "set-aside" if lost else ""

    def _write(self, data: dict[str, Any]) -> None:
        handle, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=f".{self.path.name}.", suffix=".tmp")
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                # allow_nan=False: a NaN slipping through is refused here, never written as non-JSON
                json.dump(data, out, ensure_ascii=False, indent=1, sort_keys=True, allow_nan=False)
                out.flush()
                os.fsync(out.fileno())
            os.replace(tmp, self.path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise
