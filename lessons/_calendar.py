"""Calendar arithmetic for TIMEX3 values: weeks, weekdays, months, seasons and quarters around an anchor date.

Values are written at the granularity of the expression (COURSE.md): a day ``2021-08-23``, a month
``2021-07``, an ISO week ``2021-W34``, a weekend ``2021-W34-WE``, a season ``2021-SU``, a quarter ``2021-Q3``.

>>> from datetime import date
>>> weekday_near(date(2021, 8, 23), 4, "future"), weekday_near(date(2021, 8, 23), 1, "past")
(datetime.date(2021, 8, 26), datetime.date(2021, 8, 23))
>>> week_value(date(2021, 8, 23)), shift_month(date(2021, 8, 23), -1)
('2021-W34', '2021-07')
"""

from __future__ import annotations

from datetime import date, timedelta

SEASON_ORDER = ("SP", "SU", "FA", "WI")
_SEASON_OF_MONTH = {12: "WI", 1: "WI", 2: "WI", 3: "SP", 4: "SP", 5: "SP", 6: "SU", 7: "SU", 8: "SU",
                    9: "FA", 10: "FA", 11: "FA"}


def weekday_near(anchor: date, weekday: int, tense: str) -> date:
    """The day with ISO ``weekday`` (Monday 1) nearest ``anchor`` on the side the tense says.

    Past: the latest such day on or before the anchor; future: the first on or after it.
    """
    if tense == "future":
        return anchor + timedelta(days=(weekday - anchor.isoweekday()) % 7)
    return anchor - timedelta(days=(anchor.isoweekday() - weekday) % 7)


def week_value(day: date, shift: int = 0) -> str:
    """The ISO week holding ``day``, ``shift`` weeks later: "2021-W34"."""
    year, week, _ = (day + timedelta(weeks=shift)).isocalendar()
    return f"{year}-W{week:02d}"


def weekend_value(anchor: date, tense: str) -> str:
    """The weekend just before the anchor (past) or the next one (future): "2023-W32-WE"."""
    saturday = weekday_near(anchor, 6, tense)
    if tense == "past" and anchor.isoweekday() == 7:
        saturday = anchor - timedelta(days=1)
    return f"{week_value(saturday)}-WE"


def shift_month(anchor: date, months: int) -> str:
    """The month ``months`` after the anchor's (negative: before): "2021-07"."""
    index = anchor.year * 12 + anchor.month - 1 + months
    return f"{index // 12}-{index % 12 + 1:02d}"


def month_year(anchor: date, month: int, tense: str) -> int:
    """The year of a month named without one: the latest such month (past) or the next one (future)."""
    if tense == "future":
        return anchor.year if month >= anchor.month else anchor.year + 1
    return anchor.year if month <= anchor.month else anchor.year - 1


def day_month_year(anchor: date, month: int, day: int, tense: str = "") -> int:
    """The year of "Aug. 10" written without one: on the tense's side of the anchor ("past": on or before
    it, "future": on or after it), else the one that puts the date nearest the anchor."""
    def distance(year: int) -> int:
        try:
            days = (date(year, month, day) - anchor).days
        except ValueError:
            return 10**6
        wrong_side = days > 0 if tense == "past" else days < 0 if tense == "future" else False
        return abs(days) + (10**5 if wrong_side else 0)
    return min((anchor.year, anchor.year - 1, anchor.year + 1), key=distance)


def season_of(day: date) -> str:
    return _SEASON_OF_MONTH[day.month]


def season_value(anchor: date, season: str, rel: str) -> str:
    """A season named without a year: "last"/"past" (the latest one over), "next" (the next one to come),
    "this"; the tenses "past" and "future" read like "last" and "next" but allow the season under way."""
    now = SEASON_ORDER.index(season_of(anchor))
    which = SEASON_ORDER.index(season)
    year = anchor.year
    if season_of(anchor) == "WI" and anchor.month <= 2:
        year -= 1  # January's winter began in December: seasons count from the spring
    if rel in ("last", "previous"):
        year = year if which < now else year - 1
    elif rel in ("next", "coming", "following"):
        year = year if which > now else year + 1
    elif rel == "past":  # a tense: the latest such season begun by now
        year = year if which <= now else year - 1
    elif rel in ("future", "this"):  # "this summer" in February is the one to come
        year = year if which >= now else year + 1
    return f"{year}-{season}"


def quarter_of(day: date, shift: int = 0) -> str:
    index = day.year * 4 + (day.month - 1) // 3 + shift
    return f"{index // 4}-Q{index % 4 + 1}"


def shift_days(day: date, days: int) -> date:
    return day + timedelta(days=days)
