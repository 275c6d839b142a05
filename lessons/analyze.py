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

from dataclasses import asdict
from datetime import datetime
from pathlib import Path
from typing import Any

from lessons.contextualizing import acronym_flags, acronyms
from lessons.dating import find_timexes
from lessons.quoting import extract_quotes
from lessons.reading import Article, read_article
from lessons.tokenizing import sentences


_HEADER_KEYS = ("headline", "author", "published", "updated", "paragraphs")


def report_for(article: Article) -> dict[str, Any]:
    """Everything the lessons so far extract from one article."""
    fields = article.to_dict()
    return {
        **{key: fields[key] for key in _HEADER_KEYS},
        "sentences": [s.text for p in article.paragraphs for s in sentences(p.text)],
        "quotes": [asdict(quote) for quote in extract_quotes(article)],
        "timexes": _dct(article) + [asdict(timex) for timex in find_timexes(article)],
        "acronyms": acronyms(article),
        "acronym_flags": acronym_flags(article),
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


def format_report(report: dict[str, Any], *, name: str = "") -> str:
    """A human-readable report: header fields, then counts and the first sentences."""
    lines = [f"== {name} ==" if name else "== article =="]
    for key in ("headline", "author", "published", "updated"):
        lines.append(f"{key + ':':<11} {report.get(key) or '(none found)'}")
    lines.append(f"{'paragraphs:':<11} {len(report['paragraphs'])}")
    lines.append(f"{'sentences:':<11} {len(report['sentences'])}")
    for number, sentence in enumerate(report["sentences"][:3], 1):
        lines.append(f"  {number}. {_clip(sentence)}")
    lines.append(f"{'timexes:':<11} {len(report['timexes'])}")
    for timex in report["timexes"][:12]:
        lines.append(f"  {timex['text'][:30]:<30} {timex['type']:<8} {timex['value']}{' ' + timex['mod'] if timex['mod'] else ''}")
    lines.append(f"{'acronyms:':<11} " + (", ".join(f"{k} = {v}" for k, v in report["acronyms"].items()) or "(none defined)"))
    if report["acronym_flags"]:
        lines.append(f"{'':<11} check the spelling of: {', '.join(report['acronym_flags'])}")
    lines.append(f"{'quotes:':<11} {len(report['quotes'])}")
    for quote in report["quotes"]:
        lines.append(f"  {quote['speaker'] or '(speaker not found)'} [{quote['kind']}]: “{_clip(quote['text'], 80)}”")
    return "\n".join(lines)


def _clip(text: str, width: int = 100) -> str:
    return f"{text[:width]}{'…' if len(text) > width else ''}"
