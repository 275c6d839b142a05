"""``lessons collect``: gather every learner's answer file from their home folders, with the instructor's rights.

A home is learner-controlled: any component of the path to the answer file may be a symbolic link (to
``/etc/shadow``, to another learner's file), a named pipe, a device, or a file too large to grade. The files are
therefore opened one path component at a time relative to the folder before (``openat``), never following a
link, never blocking on a pipe, and read up to the size cap; anything else is refused with a one-line reason.
The learner id is the home folder's name (a hub user's name), and the copy is written as ``OUT/<id>.json``.
"""

from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path
from collections.abc import Sequence

from lessons.course.safeio import printable
from lessons.course.submissions import MAX_SUBMISSION_BYTES
from lessons.errors import LessonsError

__all__ = ["Collected", "DEFAULT_PATH", "collect", "collect_one"]

DEFAULT_PATH = "reading-the-news/notebooks/answers.json"  # where nbgitpuller puts the course in a home
_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._@-]{0,63}")


@dataclass(frozen=True)
class Collected:
    """One home: the learner id, and either the copy written or why nothing was."""

    home: str
    learner: str
    written: str = ""
    refused: str = ""


def _read_under(home: Path, parts: Sequence[str], max_bytes: int) -> bytes:
    """The file at home/parts, opened component by component without following links or blocking."""
    flags = os.O_RDONLY | os.O_NOFOLLOW | getattr(os, "O_CLOEXEC", 0)
    fds = []
    try:
        fds.append(os.open(home, flags | os.O_DIRECTORY))
        for part in parts[:-1]:
            fds.append(os.open(part, flags | os.O_DIRECTORY, dir_fd=fds[-1]))
        fd = os.open(parts[-1], flags | os.O_NONBLOCK, dir_fd=fds[-1])
        fds.append(fd)
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise LessonsError("not a plain file (a pipe, a device or a folder): refused")
        if info.st_size > max_bytes:
            raise LessonsError(f"too large: {info.st_size:,} bytes, over {max_bytes:,}")
        chunks, size = [], 0
        while size <= max_bytes:
            chunk = os.read(fd, 1 << 16)
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        if size > max_bytes:
            raise LessonsError(f"too large: over {max_bytes:,} bytes")
        return b"".join(chunks)
    except OSError as err:
        if err.errno in (getattr(os, "ELOOP", 40), getattr(os, "ENOTDIR", 20)):
            raise LessonsError("a symbolic link, or a file where a folder should be, on the way: not followed") from None
        if err.errno == getattr(os, "ENOENT", 2):
            raise LessonsError("no answer file there (not started yet?)") from None
        raise LessonsError(f"cannot read it: {printable(err.strerror or err, limit=80)}") from None
    finally:
        for fd in reversed(fds):
            os.close(fd)


def _write_copy(out: Path, learner: str, data: bytes) -> Path:
    """Write OUT/<id>.json without following a link planted at that name; atomically."""
    target = out / f"{learner}.json"
    temp = out / f".{learner}.json.collecting"
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_NOFOLLOW | getattr(os, "O_CLOEXEC", 0), 0o600)
    try:
        os.write(fd, data)
    finally:
        os.close(fd)
    os.replace(temp, target)
    return target


def collect_one(home: Path, out: Path, *, path: str = DEFAULT_PATH, max_bytes: int = MAX_SUBMISSION_BYTES) -> Collected:
    """Collect one home's answer file into ``out``; never raises for what the home holds."""
    learner = home.name
    shown = printable(home, limit=120)
    if not _ID.fullmatch(learner):
        return Collected(shown, printable(learner, limit=40), refused="the folder's name is no learner id "
                         "(letters, digits, . _ - @): refused")
    try:
        if stat.S_ISLNK(os.lstat(home).st_mode):
            return Collected(shown, learner, refused="the home is a symbolic link: not followed")
        data = _read_under(home, [p for p in path.split("/") if p and p != "."], max_bytes)
        written = _write_copy(out, learner, data)
    except LessonsError as err:
        return Collected(shown, learner, refused=str(err))
    except OSError as err:
        return Collected(shown, learner, refused=f"cannot collect: {printable(err.strerror or err, limit=80)}")
    return Collected(shown, learner, written=str(written))


def collect(homes: Sequence[Path], out: Path, *, path: str = DEFAULT_PATH,
            max_bytes: int = MAX_SUBMISSION_BYTES) -> list[Collected]:
    """Collect every home's answer file into ``out`` (which must be an existing folder), one result each."""
    if ".." in path.split("/") or path.startswith("/"):
        raise LessonsError(f"--path must stay inside the home, like {DEFAULT_PATH}")
    if not out.is_dir() or out.is_symlink():
        raise LessonsError(f"{printable(out, limit=200)} is not a folder: create it first (mkdir)")
    seen: set[str] = set()
    results = []
    for home in map(Path, homes):
        if home.name in seen:  # before reading: a second copy must not replace the first
            results.append(Collected(printable(home, limit=120), printable(home.name, limit=40),
                                     refused="a second home with the same name: refused"))
            continue
        seen.add(home.name)
        result = collect_one(home, out, path=path, max_bytes=max_bytes)
        if result.refused and _ID.fullmatch(home.name):
            _forget_copy(out, home.name)  # an earlier collection's copy must not be graded as this one's
        results.append(result)
    return results


def _forget_copy(out: Path, learner: str) -> None:
    stale = out / f"{learner}.json"
    if stale.is_file() and not stale.is_symlink():
        stale.unlink()
