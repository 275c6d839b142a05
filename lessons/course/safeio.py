"""Reading and showing what a learner controls: regular files only, text made safe for a terminal.

A learner's file can be a named pipe (opening it would wait forever) and a learner's text can
hold escape sequences (printing them would move the cursor or rename the terminal), so the
course reads files and shows text through these two functions. What the course writes for the
instructor (the gradebook) is written whole or not at all (:func:`write_csv_atomically`).
"""

from __future__ import annotations

import contextlib
import csv
import os
import stat
import tempfile
import unicodedata
from collections.abc import Iterable, Sequence
from pathlib import Path

# Control characters (C0, DEL, C1 with the terminal's CSI), format characters (bidi overrides,
# zero-width), lone surrogates (undecodable bytes in a file name) and line/paragraph separators.
_ESCAPED_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Zl", "Zp"})
_SHORT_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


class NotRegularFileError(OSError):
    """The path is a pipe, a device, a socket or a folder, not a file to read."""


def read_regular_file(path: Path, max_bytes: int, *, follow_links: bool = True) -> bytes:
    """At most ``max_bytes + 1`` bytes of a regular file; a pipe or device is refused, never waited on.

    ``follow_links=False`` also refuses a symbolic link (for files a learner handed in).

    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> (folder / "a.json").write_bytes(b"{}")
    2
    >>> read_regular_file(folder / "a.json", 10)
    b'{}'
    >>> read_regular_file(folder, 10)
    Traceback (most recent call last):
    ...
    lessons.course.safeio.NotRegularFileError: it is a folder, not a file
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0) | getattr(os, "O_CLOEXEC", 0)
    if not follow_links:
        flags |= getattr(os, "O_NOFOLLOW", 0)
    fd = os.open(path, flags)
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            what = "a folder" if stat.S_ISDIR(mode) else "a named pipe" if stat.S_ISFIFO(mode) else "a device"
            raise NotRegularFileError(f"it is {what}, not a file")
        chunks, size = [], 0
        while size <= max_bytes:
            chunk = os.read(fd, min(1 << 20, max_bytes + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        return b"".join(chunks)
    finally:
        os.close(fd)


def printable(text: object, *, limit: int | None = None) -> str:
    r"""``text`` on one line, safe to print or to put in a cell: control characters, escape sequences,
    bidi overrides and undecodable bytes are shown escaped; longer than ``limit`` is cut with '…'.

    >>> printable("=red\x1b[31m.json\nnext")
    '=red\\x1b[31m.json\\nnext'
    >>> printable("caf\udce9 \u202eevil"), printable("x" * 50, limit=10)
    ('caf\\udce9 \\u202eevil', 'xxxxxxxxx…')
    """
    try:
        raw = text if isinstance(text, str) else str(text)
    except Exception:  # noqa: BLE001 - an object whose str() fails is still shown
        raw = f"<{type(text).__name__}>"
    if limit is not None and len(raw) > limit:
        raw = raw[: limit + 1]  # every character becomes at least one: cut before escaping
    out = []
    for ch in raw:
        if ch in _SHORT_ESCAPES:
            out.append(_SHORT_ESCAPES[ch])
        elif unicodedata.category(ch) in _ESCAPED_CATEGORIES:
            code = ord(ch)
            out.append(f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}")
        else:
            out.append(ch)
    flat = "".join(out)
    if limit is not None and len(flat) > limit:
        flat = flat[: limit - 1] + "…"
    return flat


def write_csv_atomically(path: Path, rows: Iterable[Sequence[object]]) -> None:
    """Write ``rows`` as a CSV so that ``path`` holds either its previous content or the whole new file, never
    half of one (a full disk, an interrupted run), with the permissions of an ordinary new file. Raises OSError.

    >>> import tempfile
    >>> out = Path(tempfile.mkdtemp()) / "t.csv"
    >>> write_csv_atomically(out, [["a", "b"], [1, 2]]); out.read_text().splitlines()
    ['a,b', '1,2']
    """
    handle, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", newline="", encoding="utf-8") as stream:
            csv.writer(stream).writerows(rows)
            stream.flush()
            os.fsync(stream.fileno())
        if os.name == "posix":
            mask = os.umask(0)
            os.umask(mask)
            os.chmod(tmp, 0o666 & ~mask)  # as an ordinary new file, not mkstemp's 0600
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
