"""The pipeline as data: one article in, one JSON-ready report out.

Keys follow COURSE.md (``lessons analyze``); each lesson adds its own. Offsets index
``article.body``.

>>> report = analyze_text("Seoul talks\\nBy Jo BloggsPublished : Aug. 23, 2021 - 14:50\\nThey met. It rained.")
>>> report["author"], report["published"], report["sentences"]
('Jo Bloggs', '2021-08-23T14:50:00+09:00', ['They met.', 'It rained.'])
>>> analyze_text("Talks\\nBy Jo Bloggs\\n“Soon,” Noh said.")["quotes"][0]["speaker"]
'Noh'
>>> [(t["text"], t["value"]) for t in report["timexes"]]
[('2021-08-23T14:50:00+09:00', '2021-08-23T14:50')]

"""

from __future__ import annotations

import multiprocessing
import sys
from collections.abc import Iterable, Iterator
from dataclasses import fields
from datetime import datetime
from pathlib import Path
from typing import Any

from lessons.contextualizing import acronym_flags, acronyms, people
from lessons.dating import find_timexes
from lessons.entities import aliases, entities
from lessons.errors import LessonsError
from lessons.quoting import extract_quotes
from lessons.reading import Article, read_article
from lessons.tokenizing import sentences


_HEADER_KEYS = ("headline", "author", "published", "updated", "paragraphs")


def _fields_of(result: Any) -> dict[str, Any]:
    """A flat result's fields as a dict (``dataclasses.asdict`` deep-copies, which costs more than the stage)."""
    return {f.name: getattr(result, f.name) for f in fields(result)}


def report_for(article: Article) -> dict[str, Any]:
    """Everything the lessons so far extract from one article."""
    fields = article.to_dict()
    return {
        **{key: fields[key] for key in _HEADER_KEYS},
        "sentences": [s.text for p in article.paragraphs for s in sentences(p.text)],
        "quotes": [_fields_of(quote) for quote in extract_quotes(article)],
        "timexes": _dct(article) + [_fields_of(timex) for timex in find_timexes(article)],
        "acronyms": acronyms(article),
        "acronym_flags": acronym_flags(article),
        "people": [{"name": p.name, "mentions": [m[0] for m in p.mentions], "roles": list(p.roles), "quoted": p.quoted,
                    "references": [r[0] for r in p.references]} for p in people(article)],
        "entities": [_fields_of(entity) for entity in entities(article)],
        "aliases": [_fields_of(alias) for alias in aliases(article)],
    }


def _dct(article: Article) -> list[dict[str, Any]]:
    """The Published stamp as the document's creation time: the first timex, with no place in the body."""
    if article.published is None:
        return []
    stamp = article.published
    timed = (stamp.hour, stamp.minute) != (0, 0) or not isinstance(stamp, datetime)
    value = stamp.strftime("%Y-%m-%dT%H:%M") if timed else stamp.date().isoformat()
    return [{"text": stamp.isoformat(), "start": None, "end": None, "type": "TIME" if timed else "DATE",
             "value": value, "mod": None, "anchor": None, "why": "the Published stamp", "dct": True}]


def analyze_text(text: str, *, text_only: bool = False, published: str | None = None) -> dict[str, Any]:
    """The report for an article given as text."""
    return report_for(read_article(text, text_only=text_only, published=published))


def analyze_file(path: Path, *, text_only: bool = False, published: str | None = None) -> dict[str, Any]:
    """The report for an article file."""
    return report_for(read_article(Path(path), text_only=text_only, published=published))


def article_paths(args: Iterable[str | Path], stdin: Iterable[str] = ()) -> Iterator[Path]:
    """The files named: a folder gives its ``*.txt`` (not recursive, sorted), ``-`` the paths listed on stdin.

    Lazy, so a list of a million paths on stdin is never held in memory.
    """
    for arg in args:
        if str(arg) == "-":
            yield from (Path(line.rstrip("\r\n")) for line in stdin if line.strip())
        elif Path(arg).is_dir():
            yield from sorted(p for p in Path(arg).glob("*.txt") if p.is_file())
        else:
            yield Path(arg)


def _report_or_error(job: tuple[Path, bool, str | None]) -> tuple[Path, dict[str, Any] | None, str | None]:
    path, text_only, published = job
    try:
        return path, analyze_file(path, text_only=text_only, published=published), None
    except LessonsError as err:
        return path, None, str(err)


def analyze_many(paths: Iterable[Path], *, jobs: int = 1, text_only: bool = False,
                 published: str | None = None) -> Iterator[tuple[Path, dict[str, Any] | None, str | None]]:
    """(path, report, None) or (path, None, error) for each path, in input order, streamed as they are done.

    With ``jobs`` > 1 the articles are shared among that many processes; results still come in input order.
    """
    work = ((Path(p), text_only, published) for p in paths)
    if jobs <= 1:
        yield from map(_report_or_error, work)
        return
    with multiprocessing.get_context("fork" if sys.platform != "win32" else "spawn").Pool(jobs) as pool:
        yield from pool.imap(_report_or_error, work, chunksize=4)
