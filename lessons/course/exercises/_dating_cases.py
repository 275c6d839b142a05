"""Instructor cases for the code exercises of ``04_dating.ipynb``, generated from the instructor's secret.

Like :mod:`lessons.course.exercises._instructor`, each generator builds its inputs *and* their right
answers together: for ``resolve_weekday`` it picks the answer day first and puts the anchor the right
number of days after it (past) or before it (future); for ``duration_value`` it picks a number and a unit
and writes the phrase from them. No solver is needed.

>>> import random
>>> (name, anchor, tense), expected, about = weekday_cases(random.Random(7))[0]
>>> name in _NAMES and tense in ("past", "future") and len(expected) == 10
True
>>> (phrase,), expected, about = duration_cases(random.Random(7))[0]
>>> expected.startswith("P")
True
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from lessons.course.exercises._instructor import Case

_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_WORDS = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight", 9: "nine",
          10: "ten", 11: "eleven", 12: "twelve"}
_UNITS = {"year": "Y", "month": "M", "week": "W", "day": "D", "hour": "H", "minute": "M"}


def weekday_cases(rng: random.Random, count: int = 8) -> list[Case]:
    """(name, anchor, tense) for ``resolve_weekday``: the answer day drawn first, the anchor 0–6 days away."""
    cases: list[Case] = []
    for index in range(count):
        answer = date(2019, 1, 1) + timedelta(days=rng.randrange(8 * 365))
        gap = 0 if index == 0 else rng.randrange(7)  # one case where the anchor is that very day
        tense = "past" if index % 2 else "future"
        anchor = answer + timedelta(days=gap) if tense == "past" else answer - timedelta(days=gap)
        name = _NAMES[answer.weekday()]
        about = f"{tense}, {gap} day{'s' if gap != 1 else ''} {'before' if tense == 'past' else 'after'} the anchor"
        cases.append(((name, anchor.isoformat(), tense), answer.isoformat(), about))
    return cases


def duration_cases(rng: random.Random, count: int = 8) -> list[Case]:
    """Phrases for ``duration_value``: digits or words, plural or hyphenated, "a …", "…long"."""
    cases: list[Case] = []
    forms = ("digits", "words", "hyphen", "a", "long", "digits", "words", "hyphen")
    for index in range(count):
        unit = rng.choice(tuple(_UNITS))
        number = rng.randint(2, 12)
        form = forms[index % len(forms)]
        if form == "digits":
            phrase = f"{number * rng.choice((1, 4))} {unit}s"
            number = int(phrase.split()[0])
        elif form == "words":
            phrase = f"{_WORDS[number]} {unit}s"
        elif form == "hyphen":
            phrase = f"{rng.choice((str(number), _WORDS[number]))}-{unit}"
        elif form == "a":
            phrase, number = f"{'an' if unit == 'hour' else 'a'} {unit}", 1
        else:
            unit = rng.choice(("year", "month", "week", "day", "hour"))
            phrase, number = f"{unit}long", 1
        time_unit = unit in ("hour", "minute")
        expected = f"P{'T' if time_unit else ''}{number}{_UNITS[unit]}"
        cases.append(((phrase,), expected, f"{form}: {unit}"))
    return cases
