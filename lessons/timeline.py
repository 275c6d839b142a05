"""Lesson 4, the story's timeline: each dated event of an article, in the order it happened.

:func:`timeline` pairs every DATE or TIME timex of :func:`lessons.dating.find_timexes` with the event it
dates (the clause around it) and orders them by when they happened; durations, sets and "now"-like
references are listed beside it, not placed. :func:`timeline_chart` draws it and
:func:`describe_timeline` says in one line what the chart shows (its alt text).

>>> events, beside = timeline("Talks failed in 2019. Hotlines came back last month. Drills run until Thursday.",
...                           anchor="2021-08-23")
>>> [(e.timex.value, e.clause) for e in events]
[('2019', 'Talks failed in 2019'), ('2021-07', 'Hotlines came back last month'), \
('2021-08-26', 'Drills run until Thursday')]
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from lessons.dating import Timex, find_timexes
from lessons.reading import Article
from lessons.tokenizing import sentences

if TYPE_CHECKING:  # matplotlib loads only when a figure is drawn
    from matplotlib.figure import Figure

__all__ = ["Event", "describe_timeline", "period", "timeline", "timeline_chart"]

_SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 14)}


@dataclass(frozen=True)
class Event:
    """A dated event: the timex, and the clause it dates (``body[start:end] == clause``)."""

    timex: Timex
    clause: str
    start: int
    end: int
    first: date  # the first and last day of the period the timex names
    last: date


def _month_end(year: int, month: int) -> date:
    year, month = year + (month - 1) // 12, (month - 1) % 12 + 1
    following = date(year + month // 12, month % 12 + 1, 1)
    return following - timedelta(days=1)


def period(value: str) -> tuple[date, date] | None:
    """The first and last day a DATE or TIME value covers, or None for "PRESENT_REF", durations, sets — and for
    a value no calendar holds (a reader's typo: "2021-13-45").

    >>> period("2021-07"), period("2021-W34")[0], period("199"), period("2021-13-45")
    ((datetime.date(2021, 7, 1), datetime.date(2021, 7, 31)), datetime.date(2021, 8, 23), \
(datetime.date(1990, 1, 1), datetime.date(1999, 12, 31)), None)
    """
    try:
        return _period(str(value))
    except ValueError:
        return None


def _period(value: str) -> tuple[date, date] | None:
    day = re.match(r"(\d{4})-(\d\d)-(\d\d)", value)
    if day:
        moment = date(*map(int, day.groups()))
        return moment, moment
    week = re.fullmatch(r"(\d{4})-W(\d\d)(-WE)?", value)
    if week:
        monday = datetime.strptime(f"{week[1]}-W{week[2]}-1", "%G-W%V-%u").date()
        return (monday + timedelta(days=5), monday + timedelta(days=6)) if week[3] else (monday, monday + timedelta(6))
    found = re.fullmatch(r"(\d{4})(?:-(\d\d)|-Q([1-4])|-H([12])|-(SP|SU|FA|WI))?", value)
    if found:
        year = int(found[1])
        if found[2]:
            return date(year, int(found[2]), 1), _month_end(year, int(found[2]))
        if found[3]:
            q = int(found[3])
            return date(year, 3 * q - 2, 1), _month_end(year, 3 * q)
        if found[4]:
            h = int(found[4])
            return date(year, 6 * h - 5, 1), _month_end(year, 6 * h)
        if found[5]:
            first, last = _SEASON_MONTHS[found[5]]
            return date(year, first, 1), _month_end(year, last)
        return date(year, 1, 1), date(year, 12, 31)
    decade = re.fullmatch(r"(\d{3})", value)
    if decade:
        return date(int(decade[1]) * 10, 1, 1), date(int(decade[1]) * 10 + 9, 12, 31)
    return None


def _clause(body: str, timex: Timex, sentence: tuple[int, int]) -> tuple[int, int]:
    """The stretch of the sentence that the timex dates: its clause, cut at ; and at commas around it."""
    start, end = sentence
    text = body[start:end]
    cuts = [m.end() for m in re.finditer(r"[;,—]\s", text) if start + m.end() <= timex.start]
    left = start + (cuts[-1] if cuts else 0)
    after = re.search(r"[;,—](?:\s|$)|[.?!]”?\s*$", body[timex.end:end])
    right = timex.end + after.start() if after else end
    if len(body[left:right].split()) < 4:  # too short to say what happened: take the whole sentence
        left, right = start, end
    clause = body[left:right]
    right -= len(clause) - len(clause.rstrip(" .”\"’"))
    return left, right


def timeline(article_or_text: Article | str, *, anchor: date | datetime | str | None = None,
             timexes: list[Timex] | None = None) -> tuple[list[Event], list[Timex]]:
    """The dated events in the order they happened, and the timexes that date no event (beside it).

    ``timexes`` replaces what :func:`find_timexes` would find: a reader's corrected list.
    """
    body = article_or_text.body if isinstance(article_or_text, Article) else article_or_text
    spans = [(s.start, s.end) for s in sentences(body)] if isinstance(body, str) else []
    starts = [start for start, _ in spans]
    events, beside = [], []
    for timex in find_timexes(article_or_text, anchor=anchor) if timexes is None else timexes:
        when = period(timex.value) if timex.type in ("DATE", "TIME") else None
        if when is None:
            beside.append(timex)
            continue
        k = bisect_right(starts, timex.start) - 1  # a search, not a scan: linear in the text overall
        sentence = spans[k] if k >= 0 and timex.start < spans[k][1] else (0, len(body))
        left, right = _clause(body, timex, sentence)
        events.append(Event(timex, body[left:right], left, right, *when))
    events.sort(key=lambda e: (e.first, e.last, e.timex.value, e.start))
    return events, beside


def describe_timeline(events: list[Event]) -> str:
    """The alt text of :func:`timeline_chart`: the events in order, each with its date.

    >>> describe_timeline(timeline("Talks failed in 2019. They resumed Monday.", anchor="2021-08-23")[0])
    'Timeline of 2 dated events, from 2019 to 2021-08-23: 2019 (Talks failed in 2019); 2021-08-23 (They resumed Monday).'
    """
    if not events:
        return "Empty timeline: the text dates no event."
    parts = "; ".join(f"{e.timex.value} ({_short(e.clause)})" for e in events)
    return (f"Timeline of {len(events)} dated event{'s' if len(events) != 1 else ''}, from {events[0].timex.value} "
            f"to {events[-1].timex.value}: {parts}.")


def _short(clause: str, width: int = 48) -> str:
    clause = " ".join(clause.split())
    return clause if len(clause) <= width else clause[:width - 1].rstrip() + "…"


def timeline_chart(events: list[Event], *, title: str | None = None) -> Figure:
    """One row per event, top to bottom in time order; a bar spans the period its timex names (its first or last
    third for "early" or "late").

    >>> figure = timeline_chart(timeline("Talks failed in 2019 and resumed Monday.", anchor="2021-08-23")[0])
    >>> figure.axes[0].get_xlabel()
    'Date (a bar spans the day, month or year its expression names)'
    """
    import matplotlib.dates as mdates
    import matplotlib.pyplot as plt

    figure, axes = plt.subplots(figsize=(12, 1.5 + 0.42 * max(len(events), 3)), layout="constrained")
    for row, event in enumerate(events):
        first, last = mdates.date2num(event.first), mdates.date2num(event.last + timedelta(days=1))
        third = (last - first) / 3  # "early 2021" is the first third of the year, "late" the last, "mid" between
        first, last = {"START": (first, first + third), "END": (last - third, last),
                       "MID": (first + third, last - third)}.get(event.timex.mod or "", (first, last))
        axes.barh(row, max(last - first, 1.0), left=first, height=0.5, color="#d9d9d9", edgecolor="black")
        axes.plot([first], [row], marker="|", markersize=14, color="black")  # where the period starts
    axes.set_yticks(range(len(events)), [f"{_short(e.timex.text, 18)} → {e.timex.value}: {_short(e.clause, 34)}"
                                         for e in events], fontsize=8)
    axes.set_ylim(len(events) - 0.4, -0.6)  # earliest on top, read down like a chronology
    axes.xaxis_date()
    axes.xaxis.set_major_formatter(mdates.ConciseDateFormatter(axes.xaxis.get_major_locator()))
    axes.set_xlabel("Date (a bar spans the day, month or year its expression names)")
    axes.set_ylabel("Event (expression → value: its clause)")
    axes.set_title(title or "The story's events in the order they happened")
    axes.grid(axis="x", color="0.85")
    plt.close(figure)
    return figure
