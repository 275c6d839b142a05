"""Lesson 4, dating: every temporal expression of a news text, as TimeML TIMEX3 values.

:func:`find_timexes` finds the expressions (:mod:`lessons._timex_scan`) and gives each its type (DATE, TIME,
DURATION, SET) and value, resolved against the publication date, the *anchor*: "Monday" in a story
published on Monday Aug. 23, 2021 is ``2021-08-23`` when it happened ("said Monday") and "Thursday" is
``2021-08-26`` when it is still to come ("until Thursday"). Each timex says what it was resolved against
(``anchor``: ``"dct"`` for the publication date, or the index of an earlier timex) and why, in words.

>>> from datetime import date
>>> found = find_timexes("Kim said Monday the drills run until Thursday.", anchor=date(2021, 8, 23))
>>> [(t.text, t.type, t.value) for t in found]
[('Monday', 'DATE', '2021-08-23'), ('Thursday', 'DATE', '2021-08-26')]
>>> found[1].why
'a weekday in a future clause (until): the next Thursday'
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from datetime import date, datetime
from typing import Literal

from lessons import _calendar as cal
from lessons._tense import GAME as _GAME
from lessons._tense import RULE_TIME as _RULE_TIME
from lessons._tense import clause_tense as _tense
from lessons._timex_scan import MONTHS, NUMBERS, ORDINALS, PARTS, SEASONS, UNITS, WEEKDAYS, Match, scan
from lessons.errors import LessonsError, one_line
from lessons.reading import Article
from lessons.tokenizing import sentences

__all__ = ["Timex", "find_timexes"]

TimexType = Literal["DATE", "TIME", "DURATION", "SET"]


@dataclass(frozen=True)
class Timex:
    """One temporal expression: ``body[start:end] == text``; ``value`` in TIMEX3 form."""

    text: str
    start: int
    end: int
    type: TimexType
    value: str
    mod: str | None = None  # START, END, MID, APPROX, LESS_THAN, MORE_THAN, EQUAL_OR_MORE
    anchor: int | str | None = None  # "dct", the index of the earlier timex it counts from, or None
    why: str = ""


_EDGES = {"early": "START", "late": "END", "mid": "MID", "the end of": "END", "the end": "END",
          "the beginning of": "START", "the beginning": "START", "the start of": "START", "the start": "START",
          "the middle of": "MID", "the middle": "MID"}
_APPROX = {"about": "APPROX", "around": "APPROX", "roughly": "APPROX", "some": "APPROX", "close to": "APPROX",
           "nearly": "LESS_THAN", "almost": "LESS_THAN", "less than": "LESS_THAN", "just under": "LESS_THAN",
           "up to": "EQUAL_OR_LESS", "more than": "MORE_THAN", "just over": "MORE_THAN", "at least": "EQUAL_OR_MORE"}
def _anchor_date(anchor: date | datetime | str | None) -> date | None:
    if anchor is None or isinstance(anchor, date) and not isinstance(anchor, datetime):
        return anchor
    if isinstance(anchor, datetime):
        return anchor.date()  # the local date where the story was published
    try:
        return datetime.fromisoformat(str(anchor).strip()).date()
    except ValueError:
        raise LessonsError(f"the anchor must be an ISO date like 2021-08-23, got {one_line(anchor)}") from None


def _number(word: str) -> float | None:
    word = word.lower().replace(",", "")
    if word in NUMBERS:
        return NUMBERS[word]
    try:
        return float(word)
    except ValueError:
        return None


def _amount(value: float | None) -> str:
    if value is None:
        return "X"
    return str(int(value)) if float(value).is_integer() else str(value)


def _duration(number: float | None, unit: str) -> str:
    unit = unit.lower().rstrip("s") if unit.lower() != "hours" else "hour"
    if unit == "decade":
        return f"P{_amount(number * 10 if number is not None else None)}Y"
    if unit == "century":
        return f"P{_amount(number * 100 if number is not None else None)}Y"
    if unit in ("hour", "minute", "second"):
        return f"PT{_amount(number)}{UNITS[unit]}"
    return f"P{_amount(number)}{UNITS[unit]}"


@dataclass
class _Context:
    body: str
    anchor: date | None
    found: list[Timex]
    sentence_starts: list[int]
    sentence_ends: list[int]
    last_day: int | None = None  # index in found of the last timex that names a day

    def sentence(self, pos: int) -> tuple[int, int]:
        k = max(0, bisect_right(self.sentence_starts, pos) - 1)
        return (self.sentence_starts[k], self.sentence_ends[k]) if self.sentence_starts else (0, len(self.body))

    def reference(self, start: int) -> tuple[date | None, int | str | None]:
        """The day an expression without its own date counts from: the last day named before, else the DCT.

        However far back: a story's clock times belong to the day of its event, named once in the lede.
        """
        if self.last_day is not None:
            return date.fromisoformat(self.found[self.last_day].value[:10]), self.last_day
        return self.anchor, "dct" if self.anchor else None

    def last_with(self, value_start: str) -> int | None:
        """The index of the last DATE or TIME whose value starts with the pattern, within the last few found."""
        for index in range(len(self.found) - 1, max(-1, len(self.found) - 6), -1):  # bounded: linear cost
            timex = self.found[index]
            if timex.type in ("DATE", "TIME") and re.match(value_start, timex.value):
                return index
        return None

    def add(self, timex: Timex) -> None:
        self.found.append(timex)
        if timex.type in ("DATE", "TIME") and re.match(r"\d{4}-\d\d-\d\d", timex.value):
            self.last_day = len(self.found) - 1


def _resolve(m: Match, ctx: _Context) -> tuple[TimexType, str, str | None, int | str | None, str] | None:
    """(type, value, mod, anchor, why) for one match, or None when it is no timex after all."""
    f, kind = m.fields, m.kind
    edge = _EDGES.get((f.get("edge") or "").lower())
    approx = _APPROX.get((f.get("approx") or "").lower())
    if kind in ("iso", "date"):
        month = int(f["month"]) if kind == "iso" else MONTHS[f["month"].rstrip(".").lower()]
        return "DATE", f"{int(f['year']):04d}-{month:02d}-{int(f['day']):02d}", None, None, "a full date"
    if kind == "monthyear":  # "March 2023", "early June 2021"
        return "DATE", f"{f['year']}-{MONTHS[f['month'].rstrip('.').lower()]:02d}", edge, None, "a month and year"
    if kind == "year":
        return "DATE", f["year"], edge, None, "a year"
    if kind == "decade":
        if "short" in f:
            return "DATE", f"{'19' if int(f['short']) >= 3 else '20'}{f['short']}", edge, None, "a decade (’90s)"
        if f["decade"] == "0":  # "the 1800s": the century, written with its two digits
            return "DATE", f["century"], edge, None, "a century (the 1800s)"
        return "DATE", f"{f['century']}{f['decade']}", edge, None, "a decade"
    if kind == "season" and "year" in f:
        return "DATE", f"{f['year']}-{SEASONS[f['period'].lower()]}", edge, None, "a season and year"
    if kind == "setmonth":
        return "SET", f"XXXX-{MONTHS[f['month'].rstrip('.').lower()]:02d}", None, None, "every year's month"
    if kind == "setweekday":
        name = (f.get("weekday") or f.get("plural", "")[:-1]).lower()
        return "SET", f"XXXX-WXX-{WEEKDAYS[name]}", None, None, "every week's day"
    if kind == "adverb":
        unit = {"daily": "P1D", "nightly": "P1D", "weekly": "P1W", "monthly": "P1M", "annually": "P1Y",
                "yearly": "P1Y", "hourly": "PT1H"}[f["word"].lower()]
        return "SET", unit, None, None, "a frequency"
    if kind == "every":
        unit = (f.get("unit") or f["units"]).lower()  # "every six months": the plural after a number
        if unit in PARTS:
            return "SET", f"XXXX-XX-XXT{PARTS[unit]}", None, None, "every part of a day"
        if unit in SEASONS:
            return "SET", f"XXXX-{SEASONS[unit]}", None, None, "every season"
        return "SET", _duration(_number(f.get("number", "one")), unit), None, None, "a frequency"
    if kind in ("duration", "pastn"):
        value = _duration(_number(f.get("number", "one")), f["unit"])
        if "unit2" in f:  # "five hours and 12 minutes"
            second = _duration(_number(f["number2"]), f["unit2"])
            value += second[2:] if "T" in value and second.startswith("PT") else second[1:] if "T" not in value \
                and not second.startswith("PT") else second[1:]
        return "DURATION", value, approx, None, "an amount of time"
    if kind == "half":  # "a year and a half": in the next smaller unit, so the value stays whole
        whole = _number(f.get("number", "one")) or 1
        unit = f["unit"].lower()
        value = {"year": f"P{int(whole * 12 + 6)}M", "month": f"P{int(whole * 30 + 15)}D",
                 "week": f"P{int(whole * 7 + 3.5)}D" if whole * 7 % 1 == 0 else f"P{whole * 7 + 3.5}D",
                 "day": f"PT{int(whole * 24 + 12)}H", "hour": f"PT{int(whole * 60 + 30)}M"}[unit]
        return "DURATION", value, approx, None, "an amount of time and a half"
    if kind == "more":  # "another week", "one more year", "two more days"
        count = re.match(r"\d+|two|three", f["number"].lower())
        number = _number(count.group()) if count else 1
        return "DURATION", _duration(number, f["unit"]), approx, None, "an amount of time (another …)"
    if kind == "age":
        return None  # "a 19-year-old": an age is no temporal expression (TimeML, the course's gold)
    if kind == "long":
        return "DURATION", _duration(1, f["unit"]), None, None, "an amount of time (…long)"
    if kind == "ref":
        word = f["word"].lower()
        value = ("PAST_REF" if word in {"recently", "lately", "at the time", "in the past"} else
                 "FUTURE_REF" if word == "in the future" else "PRESENT_REF")
        return "DATE", value, None, None, f"“{word}”"
    return _relative(m, ctx, edge, approx)


def _relative(m: Match, ctx: _Context, edge: str | None,
              approx: str | None) -> tuple[TimexType, str, str | None, int | str | None, str] | None:
    """Values that count from the publication date, or from a day named just before."""
    f, anchor, kind = m.fields, ctx.anchor, m.kind
    if anchor is None:
        return None if kind in ("anaphor",) else ("DATE", "XXXX", edge, None, "no publication date to count from")
    tense, cue = _tense(ctx.body, m.start, m.end, ctx.sentence(m.start))
    if cue == "news default" and ctx.found and ctx.found[-1].start >= ctx.sentence(m.start)[0] and \
            "future clause" in ctx.found[-1].why:
        tense, cue = "future", "the date before it in the sentence"  # "by Thursday, bringing rain from Friday"
    if kind == "monthday":
        month, day = MONTHS[f["month"].rstrip(".").lower()], int(f["day"])
        year = cal.day_month_year(anchor, month, day, tense if cue != "news default" else "")
        side = {"past": "the last such day", "future": "the next such day"}.get(tense if cue != "news default"
                                                                                 else "", "the nearest")
        return "DATE", f"{year}-{month:02d}-{day:02d}", None, "dct", f"a day and month, {tense} ({cue}): {side}"
    if kind == "monthrel":  # "March last year"
        month = MONTHS[f["month"].rstrip(".").lower()]
        year = anchor.year + {"last": -1, "next": 1}.get(f["rel"].lower(), 0)
        return "DATE", f"{year}-{month:02d}", edge, "dct", f"a month of “{f['rel'].lower()} year”"
    if kind == "month":
        month = MONTHS[f["month"].rstrip(".").lower()]
        year = cal.month_year(anchor, month, tense)
        return "DATE", f"{year}-{month:02d}", edge, "dct", f"a month in a {tense} clause ({cue})"
    if kind in ("weekday", "clockday"):
        rel = (f.get("rel") or "").lower()
        weekday = WEEKDAYS[f["weekday"].lower()]
        if rel in ("next", "coming", "following"):
            day, how = cal.weekday_near(cal.shift_days(anchor, 1), weekday, "future"), f"“{rel}”"
        elif rel in ("last", "past", "previous"):
            day, how = cal.weekday_near(cal.shift_days(anchor, -1), weekday, "past"), f"“{rel}”"
        else:
            day, how = cal.weekday_near(anchor, weekday, tense), f"a weekday in a {tense} clause ({cue})"
        nearest = "next" if tense == "future" or rel in ("next", "coming", "following") else "last"
        why = f"{how}: the {nearest} {f['weekday']}"
        if kind == "clockday":
            clock = _clock(f) if "which" not in f else "12:00" if f["which"].lower() == "noon" else "24:00"
            return "TIME", f"{day.isoformat()}T{clock}", approx, "dct", why + ", at the time given"
        if f.get("part"):
            return "TIME", f"{day.isoformat()}T{PARTS[f['part'].lower()]}", None, "dct", why
        return "DATE", day.isoformat(), edge, "dct", why
    if kind == "deictic":
        word = " ".join(f["word"].lower().split())
        day = cal.shift_days(anchor, {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1,
                                      "the day before yesterday": -2, "the day after tomorrow": 2}[word])
        part = f.get("part") or ("night" if f["word"].lower() == "tonight" else None)
        if part:
            return "TIME", f"{day.isoformat()}T{PARTS[part.lower()]}", None, "dct", f"“{f['word'].lower()}”"
        return "DATE", day.isoformat(), None, "dct", f"“{f['word'].lower()}”"
    if kind in ("clock", "noon", "thispart", "anaphor"):
        return _from_reference(m, ctx, approx)
    if kind in ("relative", "theperiod", "endof", "season"):
        return _period(f, anchor, tense, cue, edge)
    if kind in ("quarter", "qnum", "quarteradj"):
        if kind != "qnum" and "year" not in f and "rel" not in f and _GAME.search(
                ctx.body, max(0, m.start - 200), min(len(ctx.body), m.end + 200)):
            return None  # "late in the fourth quarter", "the second half": a game's, not a year's
        year = int(f["year"]) if "year" in f else anchor.year + {"last": -1, "next": 1}.get(
            (f.get("rel") or "").lower(), 0)
        letter = "Q" if f["what"].lower() in ("quarter", "q") else "H"
        return "DATE", f"{year}-{letter}{ORDINALS.get(f['ordinal'].lower(), f['ordinal'])}", None, "dct", "a quarter"
    if kind == "ago":
        return _ago(m, ctx)
    return None


def _clock(f: dict[str, str]) -> str:
    if "hour24" in f:
        return f"{int(f['hour24']):02d}:{f['minute24']}"
    hour = int(f["hour"]) % 12 + (12 if f["ampm"].lower().startswith("p") else 0)
    return f"{hour:02d}:{f.get('minute', '00')}"


def _small_hours_after_evening(earlier: str, clock: str) -> bool:
    """True when a time before 7 a.m. follows a clock time of 5 p.m. or later: the story went past midnight."""
    hour = earlier[11:13]  # a clock time, not "night": "Saturday night … between 4:30 a.m. and" is that day's
    return hour.isdigit() and int(hour) >= 17 and int(clock[:2]) < 7


def _from_reference(m: Match, ctx: _Context,
                    approx: str | None) -> tuple[TimexType, str, str | None, int | str | None, str] | None:
    """A clock time, a part of day or "that day": on the day named just before (else the DCT's)."""
    f = m.fields
    day, ref = ctx.reference(m.start)
    if day is None:
        return None
    if m.kind == "clock":
        clock = _clock(f)
        start, _ = ctx.sentence(m.start)
        if _RULE_TIME.search(ctx.body, start, m.start):
            return "TIME", f"XXXX-XX-XXT{clock}", approx, None, "a rule's hour, on any day: no day of its own"
        if isinstance(ref, int) and day > ctx.anchor and _tense(ctx.body, m.start, m.end,
                                                                      ctx.sentence(m.start))[0] == "past":
            return ("TIME", f"{ctx.anchor.isoformat()}T{clock}", approx, "dct",
                    "a clock time in a past clause: not the future day named before, the DCT's")
        if isinstance(ref, int) and _small_hours_after_evening(ctx.found[ref].value, clock):
            return ("TIME", f"{cal.shift_days(day, 1).isoformat()}T{clock}", approx, ref,
                    "a clock time in the small hours after that evening: the next day")
        return "TIME", f"{day.isoformat()}T{clock}", approx, ref, "a clock time on the day named last"
    if m.kind == "noon":
        clock = "12:00" if f["which"].lower() == "noon" else "24:00"
        return "TIME", f"{day.isoformat()}T{clock}", approx, ref, "noon or midnight on the day named last"
    if m.kind == "thispart":
        rel, part = f["rel"].lower(), f["part"].lower()
        if rel == "this" or rel == "last":
            day, ref = (ctx.anchor, "dct") if rel == "this" else (cal.shift_days(ctx.anchor, -1), "dct")
        edge = _EDGES.get((f.get("edge") or "").lower())
        return "TIME", f"{day.isoformat()}T{PARTS[part]}", edge, ref, f"“{rel} {part}”"
    what = f["what"].lower()
    shift = 1 if re.search(r"\b(?:following|next|after|later)\b", what) else -1 if "before" in what else 0
    target = cal.shift_days(day, shift)
    unit = what.split()[-1]
    if unit in PARTS:
        return "TIME", f"{target.isoformat()}T{PARTS[unit]}", None, ref, f"“{what}”: of the day named last"
    if unit in ("year", "month") and shift == 0:  # "that year": of the last date that names one, "in May" too
        named = ctx.last_with(r"\d{4}" if unit == "year" else r"\d{4}-\d\d(?!\d)")
        if named is not None:
            ref = named
            target = date(int(ctx.found[named].value[:4]), int(ctx.found[named].value[5:7] or 1), 1) \
                if unit == "month" else date(int(ctx.found[named].value[:4]), 1, 1)
    value = {"year": f"{target.year}", "month": f"{target:%Y-%m}", "week": cal.week_value(target)}.get(
        unit, target.isoformat())
    return "DATE", value, None, ref, f"“{what}”: counted from the day named last"


def _period(f: dict[str, str], anchor: date, tense: str, cue: str,
            edge: str | None) -> tuple[TimexType, str, str | None, int | str | None, str]:
    """"last month", "next year", "the weekend", "the spring", "the end of the year"."""
    rel = (f.get("rel") or "").lower()
    period = f["period"].lower()
    step = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1, "following": 1}.get(rel, 0)
    if f.get("edge", "").lower() == "earlier":
        edge = None  # "earlier this year": the year, no part of it
    if period in SEASONS:
        value = cal.season_value(anchor, SEASONS[period], rel or tense)
    elif period == "weekend":
        value = (cal.weekend_value(anchor, "past" if step < 0 else "future") if step else
                 cal.weekend_value(anchor, "future" if rel in ("this", "coming") else tense))
    elif period == "week":
        value = cal.week_value(anchor, step)
    elif period == "month":
        value = cal.shift_month(anchor, step)
    elif period == "quarter":
        value = cal.quarter_of(anchor, step)
    elif period == "decade":
        value = str(anchor.year // 10)
    else:
        value = str(anchor.year + step)
    how = f"“{rel}”" if rel and rel != "the" else f"a {tense} clause ({cue})"
    return "DATE", value, edge, "dct", f"{how}: counted from the DCT"


def _ago(m: Match, ctx: _Context) -> tuple[TimexType, str, str | None, int | str | None, str] | None:
    """"three years ago" (from the DCT), "two days later" (from the day named last)."""
    f = m.fields
    number = _number(f["number"])
    unit = f["unit"].lower().rstrip("s")
    if number is None or unit not in ("year", "month", "week", "day", "decade"):
        return None
    forward = f["dir"].lower() in ("later", "after")
    day, ref = (ctx.anchor, "dct") if f["dir"].lower() == "ago" else ctx.reference(m.start)
    if day is None:
        return None
    n = int(number) * (1 if forward else -1)
    if unit in ("year", "decade"):
        value = str(day.year + n * (10 if unit == "decade" else 1))
    elif unit == "month":
        value = cal.shift_month(day, n)
    elif unit == "week":
        value = cal.week_value(day, n)
    else:
        value = cal.shift_days(day, n).isoformat()
    return "DATE", value, None, ref, f"“{f['dir'].lower()}”: counted from {'the DCT' if ref == 'dct' else 'the day named last'}"


def find_timexes(article_or_text: Article | str, *, anchor: date | datetime | str | None = None) -> list[Timex]:
    """Every temporal expression of an article's body (or of a text), resolved against ``anchor``.

    The anchor defaults to the article's publication date; without one, relative expressions get values
    with X for what cannot be known.

    >>> [(t.text, t.value, t.mod) for t in find_timexes("Sales rose early this year.", anchor="2021-08-23")]
    [('early this year', '2021', 'START')]
    """
    if isinstance(article_or_text, Article):
        body = article_or_text.body
        if anchor is None:
            anchor = article_or_text.published
    elif isinstance(article_or_text, str):
        body = article_or_text
    else:
        raise LessonsError(f"find_timexes reads an Article or a str, not {type(article_or_text).__name__}")
    spans = sentences(body)
    ctx = _Context(body, _anchor_date(anchor), [], [s.start for s in spans], [s.end for s in spans])
    for m in scan(body):
        resolved = _resolve(m, ctx)
        if resolved is not None:
            kind, value, mod, ref, why = resolved
            ctx.add(Timex(m.text, m.start, m.end, kind, value, mod, ref, why))
    return ctx.found
