"""Answer keys that hold no plain-text answers.

A key stores salted SHA-256 digests of *normalized* answers, so a learner who opens
the package sees ``'3f1c…'`` instead of ``'Ahn Sung-mi'``. Normalizing first means
"ahn sung-mi " and "Ahn Sung-mi" hash the same. To make a key for a new exercise::

    >>> digest("demo.author", "Ahn Sung-mi") == digest("demo.author", "  ahn SUNG-MI. ")
    True
    >>> digest("demo.author", "Ahn Sung-mi") == digest("other.id", "Ahn Sung-mi")
    False

The digests are short (16 hex digits) and salted with the exercise id: enough to keep
honest learners from reading answers off the screen, which is all a key can do when
the checks run on the learner's own machine.
"""

from __future__ import annotations

import hashlib
import json
import random
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from typing import Any, Literal
from collections.abc import Callable, Mapping

from lessons.errors import AnswerFormatError, AskedFormError, one_line

Normalizer = Literal["text", "number", "datetime_utc", "utc_instant", "date", "exact"]

_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-"})


def normalize_text(value: object) -> str:
    """Fold case, quotes and spacing, and drop surrounding punctuation.

    >>> normalize_text("  South Korea’s  ENVOY. ")
    "south korea's envoy"
    """
    text = unicodedata.normalize("NFKC", str(value)).translate(_QUOTES)
    text = re.sub(r"\s+", " ", text).strip().casefold()
    return text.strip(" .,;:!?\"'")


def normalize_number(value: object) -> str:
    """Read a number written as 15, "15", " 15.0 " or "1,500".

    >>> normalize_number(" 15.0 "), normalize_number("1,500")
    ('15', '1500')
    """
    if isinstance(value, bool):
        raise AnswerFormatError(f"expected a number, got {one_line(value)}: type digits like 15")
    text = str(value).strip().replace(",", "").replace("_", "")
    try:
        number = float(text)
    except ValueError:
        raise AnswerFormatError(f"expected a number, got {one_line(value)}: type digits like 15") from None
    if number != number or number in (float("inf"), float("-inf")):
        raise AnswerFormatError(f"expected a finite number, got {one_line(value)}")
    return str(int(number)) if number.is_integer() else repr(number)


def parse_datetime_utc(value: object) -> datetime:
    """Read an ISO 8601 date-time; a missing zone (or a trailing Z) means UTC.

    >>> parse_datetime_utc("2021-08-23T14:50+09:00").isoformat()
    '2021-08-23T05:50:00+00:00'
    >>> parse_datetime_utc("2021-08-23 05:50Z").isoformat()
    '2021-08-23T05:50:00+00:00'
    """
    text = str(value).strip().replace(" ", "T", 1)
    if text.endswith(("Z", "z")):
        text = text[:-1] + "+00:00"
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise AnswerFormatError(
            f"expected an ISO date-time like 2021-01-31T09:30+00:00, got {one_line(value)}"
        ) from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(timezone.utc)


def normalize_datetime_utc(value: object) -> str:
    """The UTC instant of an ISO date-time, to the minute.

    >>> normalize_datetime_utc("2021-08-23T05:50:00+00:00")
    '2021-08-23T05:50'
    """
    return parse_datetime_utc(value).strftime("%Y-%m-%dT%H:%M")


def normalize_utc_instant(value: object) -> str:
    """Like :func:`normalize_datetime_utc`, but the answer must say it is UTC (``Z`` or ``+00:00``).

    "In UTC" is part of the question: a time with no zone, or with another one, is not that answer.

    >>> normalize_utc_instant("2021-08-23T05:50Z"), normalize_utc_instant("2021-08-23 05:50+00:00")
    ('2021-08-23T05:50', '2021-08-23T05:50')
    >>> normalize_utc_instant("2021-08-23T14:50+09:00")
    Traceback (most recent call last):
    ...
    lessons.errors.AskedFormError: the question asks for UTC: convert the time, and end it with +00:00 or Z
    """
    text = str(value).strip()
    moment = normalize_datetime_utc(text)  # a time that cannot be read at all is "could not be read"
    if not re.search(r"(Z|[+-]00:?00)$", text, flags=re.IGNORECASE):
        raise AskedFormError("the question asks for UTC: convert the time, and end it with +00:00 or Z")
    return moment


def normalize_date(value: object) -> str:
    """An ISO calendar date from a ``date``, a ``datetime`` or a YYYY-MM-DD string.

    A whole ISO date-time is read as its date; anything else after the date is no date.

    >>> normalize_date("2021-08-23"), normalize_date(date(2021, 8, 23)), normalize_date("2021-08-23T14:50+09:00")
    ('2021-08-23', '2021-08-23', '2021-08-23')
    >>> normalize_date("2021-08-23 lol")
    Traceback (most recent call last):
    ...
    lessons.errors.AnswerFormatError: expected a date like 2021-08-23, got '2021-08-23 lol'
    """
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    text = str(value).strip()
    try:
        if re.fullmatch(r"\d{4}-\d\d-\d\d", text):
            return date.fromisoformat(text).isoformat()
        if re.fullmatch(r"\d{4}-\d\d-\d\d[T ]\d\d:\d\d(?::\d\d(?:\.\d+)?)?(?:Z|[+-]\d\d:?\d\d)?", text):
            return datetime.fromisoformat(text.replace("Z", "+00:00")).date().isoformat()
    except ValueError:
        pass
    raise AnswerFormatError(f"expected a date like 2021-08-23, got {one_line(value)}")


def normalize_exact(value: object) -> str:
    """Canonical JSON, for values that must match exactly (code results, pairs).

    >>> normalize_exact(("Ahn", None))
    '["Ahn", null]'
    """
    return json.dumps(value, sort_keys=True, ensure_ascii=False)


NORMALIZERS: Mapping[Normalizer, Callable[[object], str]] = {
    "text": normalize_text,
    "number": normalize_number,
    "datetime_utc": normalize_datetime_utc,
    "utc_instant": normalize_utc_instant,
    "date": normalize_date,
    "exact": normalize_exact,
}


def digest(exercise_id: str, value: object, *, normalizer: Normalizer = "text") -> str:
    """The salted digest of one normalized answer (16 hex digits).

    An answer that cannot even be written down (an integer too long to print, a lone surrogate) is an
    answer in the wrong form, not a failure of the check.
    """
    try:
        canonical = NORMALIZERS[normalizer](value)
        data = f"{exercise_id}\x1f{canonical}".encode()
    except (ValueError, UnicodeError, RecursionError) as err:
        if isinstance(err, AnswerFormatError):
            raise
        raise AnswerFormatError(f"this answer cannot be read as text ({type(err).__name__})") from None
    return hashlib.sha256(data).hexdigest()[:16]


def pair_digest(exercise_id: str, left: str, right: str) -> str:
    """The digest of an (item, answer) or (earlier, later) pair.

    >>> pair_digest("x", "a", "b") == pair_digest("x", "A ", "b")
    True
    """
    return digest(exercise_id, [normalize_text(left), normalize_text(right)], normalizer="exact")


@dataclass(frozen=True)
class ValueKey:
    """One accepted answer (or several spellings of it) for a choice, text, number or date."""

    accepted: frozenset[str]
    normalizer: Normalizer = "text"
    mistakes: Mapping[str, str] = field(default_factory=dict)  # digest of a wrong answer -> hint
    partial: Mapping[str, float] = field(default_factory=dict)  # digest of a part of the answer -> its score


@dataclass(frozen=True)
class SetKey:
    """A set answer scored by F1: digests of the members that belong."""

    members: frozenset[str]
    normalizer: Normalizer = "text"
    mistakes: Mapping[str, str] = field(default_factory=dict)  # digest of a wrong member -> hint


@dataclass(frozen=True)
class PairsKey:
    """Matching (item -> answer pairs) or ordering (earlier -> later pairs)."""

    pairs: frozenset[str]
    size: int  # how many pairs a complete, correct answer has


@dataclass(frozen=True)
class CodeCase:
    """One call of the learner's function: visible cases show their expected value."""

    args: tuple[Any, ...]
    expected: str  # digest of the expected return value, normalizer "exact"
    shown: Any = None  # the expected value in plain text, for visible cases only
    about: str = ""  # what the case tests, shown when a hidden case fails


@dataclass(frozen=True)
class CodeKey:
    """A function the learner writes, run on visible and hidden cases."""

    function: str
    cases: tuple[CodeCase, ...]
    cpu_s: float | None = None  # CPU seconds for all cases; None: the course default in lessons.course.coderun
    #: Makes the instructor's cases from a random generator seeded by the instructor's secret:
    #: a list of (args, expected value, what the case tests). None: no instructor cases.
    instructor_cases: Callable[[random.Random], list[tuple[tuple[Any, ...], Any, str]]] | None = None


@dataclass(frozen=True)
class RecordKey:
    """No hidden answer: a capstone record is checked against itself (steps done, sheet consistent)."""


Key = ValueKey | SetKey | PairsKey | CodeKey | RecordKey
