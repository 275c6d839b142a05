"""The instructor's secret: a random key kept outside the course repository, never committed.

``lessons keys init`` writes it (mode 0600) and refuses a place inside a git checkout, where it
could end up committed and shipped to learners. ``lessons gradebook --secret FILE`` grades with
it: the instructor cases of code exercises are generated from it, so no learner's copy of the
course holds their inputs or their expected values.

>>> key = bytes(32)
>>> derive(key, "cases", "reading.glued_byline") == derive(key, "cases", "reading.glued_byline")
True
>>> derive(key, "cases", "a") == derive(key, "cases", "b")
False
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import secrets
from datetime import datetime, timezone
from pathlib import Path

from lessons.errors import SecretError

FORMAT = "reading-the-news/instructor-secret"
#: Bytes of randomness in a new secret.
SECRET_BYTES = 32


def default_secret_path() -> Path:
    """``$XDG_CONFIG_HOME/reading-the-news/instructor-secret.json`` (``~/.config/...`` by default)."""
    base = Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config")
    return base / "reading-the-news" / "instructor-secret.json"


def enclosing_checkout(path: Path) -> Path | None:
    """The git work tree that holds ``path`` (a folder with ``.git`` above it), or None.

    >>> enclosing_checkout(Path("/")) is None
    True
    """
    for folder in [path.resolve(), *path.resolve().parents]:
        if (folder / ".git").exists():
            return folder
    return None


def init_secret(path: Path | None = None, *, force: bool = False) -> Path:
    """Write a new secret file (0600) and return its path; refuses a checkout or an existing file."""
    target = (path or default_secret_path()).expanduser()
    checkout = enclosing_checkout(target.parent if target.parent.exists() else _existing_parent(target))
    if checkout is not None:
        raise SecretError(
            f"refusing to write the secret inside the git checkout {checkout}: it could be committed and "
            f"reach learners; choose a path outside it, e.g. {default_secret_path()}"
        )
    if target.exists() and not force:
        raise SecretError(
            f"{target} exists already; grading with a new secret changes every instructor case, so keep it "
            "(or pass --force to replace it)"
        )
    record = {"format": FORMAT, "secret": secrets.token_hex(SECRET_BYTES),
              "created": datetime.now(timezone.utc).isoformat(timespec="seconds")}  # fmt: skip
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handle = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            json.dump(record, out, indent=1)
        os.chmod(target, 0o600)
    except OSError as err:
        raise SecretError(f"cannot write the secret to {target}: {err.strerror or err}") from None
    return target


def _existing_parent(path: Path) -> Path:
    for folder in path.parents:
        if folder.exists():
            return folder
    return Path("/")


def load_secret(path: Path) -> bytes:
    """The secret's bytes from a file written by :func:`init_secret`; SecretError with one line if not."""
    try:
        record = json.loads(Path(path).expanduser().read_text(encoding="utf-8"))
        if not isinstance(record, dict) or record.get("format") != FORMAT:
            raise ValueError("not an instructor secret file")
        secret = bytes.fromhex(record["secret"])
        if len(secret) < 16:
            raise ValueError("the secret is too short")
    except FileNotFoundError:
        raise SecretError(f"no secret file at {path}; create one with: lessons keys init") from None
    except (OSError, ValueError, KeyError, TypeError, RecursionError) as err:
        raise SecretError(f"{path} is not a usable secret file ({err}); create one with: lessons keys init") from None
    return secret


def derive(secret: bytes, *parts: str) -> bytes:
    """A key for one purpose (HMAC-SHA256 of the parts), so no use of the secret reveals another."""
    return hmac.new(secret, "\x1f".join(parts).encode("utf-8"), hashlib.sha256).digest()
