"""Lesson 3, the sourcing audit: who gets to speak in the story in their own words, and who is only reported?

Newsroom source-diversity audits count, per source, how often and how much they are quoted, and whether
they are named people, unnamed ones ("a senior official") or institutions ("Pyongyang", "the ministry").
:func:`sourcing` does that from :func:`lessons.quoting.extract_quotes` and
:func:`lessons.quoting.reported_speech`; :func:`sourcing_chart` draws it and :func:`describe_sourcing`
says in one line what the chart shows (its alt text).

What the audit does not say: whether a source is right, why a reporter chose them, or who was asked and
declined. It counts words on the page.

>>> text = "“We will rebuild,” Gov. Ana Ruiz said. An aide said the roads were shut."
>>> [(s.speaker, s.quotes, s.words, s.reported) for s in sourcing(text)]
[('Ana Ruiz', 1, 3, 0), ('an aide', 0, 0, 1)]
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from lessons._marks import _body
from lessons.constants import DETERMINERS
from lessons.names import is_institution
from lessons.quoting import extract_quotes, reported_speech
from lessons.reading import Article
from lessons.speakers import find_mentions

if TYPE_CHECKING:  # matplotlib loads only when a figure is drawn
    from matplotlib.figure import Figure

__all__ = ["Source", "describe_sourcing", "sourcing", "sourcing_chart"]

_WORD = re.compile(r"\w+(?:[’'-]\w+)*")
_UNNAMED = DETERMINERS | {"he", "she", "they", "it", "we", "i"}


@dataclass(frozen=True)
class Source:
    """How much one speaker is heard: quotes, quoted words and their share of the body, indirect reports."""

    speaker: str | None  # None: quoted, but the text never says by whom
    quotes: int
    words: int
    share: float  # quoted words / the body's words
    named: bool  # a name, not "a senior official"
    institution: bool  # "Pyongyang", "the ministry", "Keystone Screening"
    reported: int = 0  # passages of indirect speech ("Noh said the two sides …")

    @property
    def kind(self) -> str:
        """'institution', 'named person', 'unnamed' or 'unknown' (no speaker found)."""
        if self.speaker is None:
            return "unknown"
        if self.institution:
            return "institution"
        return "named person" if self.named else "unnamed"


def word_count(text: str) -> int:
    """Words as the audit counts them: runs of letters and digits, with inner apostrophes and hyphens.

    >>> word_count("US-ROK drills aren’t new, 2021.")
    5
    """
    return len(_WORD.findall(text))


def sourcing(article_or_text: Article | str) -> list[Source]:
    """Per speaker: quotes, quoted words, their share of the body's words, and indirect reports.

    Most quoted words first; speakers who are only reported (no quote of their own) come last.

    >>> [(s.speaker, s.quotes, s.words, s.named) for s in sourcing("“Go now,” an aide said. Rain fell.")]
    [('an aide', 1, 2, False)]
    """
    body, _ = _body(article_or_text)
    total = word_count(body) or 1
    counts: dict[str | None, list[int]] = {}
    for quote in extract_quotes(article_or_text):
        entry = counts.setdefault(quote.speaker, [0, 0, 0])
        entry[0] += 1
        entry[1] += word_count(quote.text)
    for report in reported_speech(article_or_text):
        counts.setdefault(report.speaker, [0, 0, 0])[2] += 1
    mentions = find_mentions(body)
    return sorted((Source(speaker, n, words, words / total, _named(speaker),
                          speaker is not None and is_institution(speaker, mentions), reported)
                   for speaker, (n, words, reported) in counts.items()),
                  key=lambda s: (-s.words, -s.quotes, -s.reported))


def _named(speaker: str | None) -> bool:
    """True for a name; False for None, a pronoun or "a senior official"."""
    first = ((speaker or "").split() or [""])[0]
    return first[:1].isupper() and first.lower() not in _UNNAMED and not first.endswith(("’s", "'s"))


def _label(source: Source) -> str:
    return f"{source.speaker or '(speaker not found)'} — {source.kind}"


def describe_sourcing(sources: Sequence[Source]) -> str:
    """The alt text of :func:`sourcing_chart`: each speaker's quoted words and quotes, in the chart's order.

    >>> describe_sourcing(sourcing("“We will rebuild the town,” Gov. Ana Ruiz said. “Now.” An aide said no."))
    'Bar chart of quoted words for 2 speakers: Ana Ruiz (named person) 6 words in 2 quotes, 43% of the body; \
an aide (unnamed) 0 words in 0 quotes, reported 1 time.'
    """
    if not sources:
        return "Empty bar chart: nobody is quoted or reported in this text."
    parts = []
    for source in sources:
        part = (f"{source.speaker or 'speaker not found'} ({source.kind}) {_plural(source.words, 'word')} "
                f"in {_plural(source.quotes, 'quote')}")
        if source.quotes:
            part += f", {source.share:.0%} of the body"
        if source.reported:
            part += f", reported {_plural(source.reported, 'time')}"
        parts.append(part)
    return f"Bar chart of quoted words for {_plural(len(sources), 'speaker')}: {'; '.join(parts)}."


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


#: Hatches, not colours, tell the kinds of source apart (and each bar's label names its kind too).
_HATCH = {"named person": "", "unnamed": "//", "institution": "..", "unknown": "xx"}


def sourcing_chart(sources: Sequence[Source], *, title: str | None = None) -> Figure:
    """A horizontal bar chart of quoted words per speaker, each bar labelled with its words and quotes.

    >>> figure = sourcing_chart(sourcing("“We will rebuild,” Gov. Ana Ruiz said."))
    >>> figure.axes[0].get_xlabel(), [t.get_text() for t in figure.axes[0].get_yticklabels()]
    ('Quoted words', ['Ana Ruiz — named person'])
    """
    import matplotlib.pyplot as plt

    rows = list(sources)
    figure, axes = plt.subplots(figsize=(8, 1.4 + 0.42 * max(len(rows), 4)), layout="constrained")
    bars = axes.barh(range(len(rows)), [s.words for s in rows], color="#d9d9d9", edgecolor="black", linewidth=0.8,
                     hatch=[_HATCH[s.kind] for s in rows])
    axes.set_yticks(range(len(rows)), [_label(s) for s in rows])
    axes.set_ylim(len(rows) - 0.4, -0.6)  # most quoted on top, read like a ranked list
    axes.bar_label(bars, [f"{s.words} words, {_plural(s.quotes, 'quote')}" +
                          (f", reported {s.reported}×" if s.reported else "") for s in rows], padding=3)
    axes.set_xlim(0, max((s.words for s in rows), default=1) * 1.5 + 1)
    axes.xaxis.get_major_locator().set_params(integer=True)
    axes.set_title(title or ("Who is quoted, and how much" if rows else "Nobody is quoted"))
    axes.set_xlabel("Quoted words")
    axes.set_ylabel("Speaker — kind of source")
    axes.spines[["top", "right"]].set_visible(False)
    plt.close(figure)
    return figure
