"""Instructor cases for lesson 1's ``to_utc`` exercise, generated from the instructor's secret.

The generator chooses a moment in UTC and an offset, and builds from them both the stamp a newspaper
on that clock would print and the answer: no stamp is parsed here, so nothing in this module is a
solution. The random generator is seeded from the instructor's secret (see
``lessons.course.checks``), so no learner's copy holds the cases a grade will use; what a learner
can read here is the kind of case, which the exercise states anyway.

>>> import random
>>> cases = stamp_cases(random.Random(7))
>>> [len(args) for args, expected, about in cases] == [2] * len(cases)
True
>>> all(expected.endswith("+00:00") and len(expected) == 22 for args, expected, about in cases)
True
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta

from lessons.course.exercises._instructor import Case

#: Months as news agencies abbreviate them (AP style): what the exercise promises the stamps use.
AP_MONTHS = ("Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec.")
#: Offsets in hours east of UTC that newspapers print in: whole, half and negative hours.
_WHOLE = (9, 8, 3, 2, 1, 0, -3, -4, -5, -7, -8)
_HALF = (5.5, 9.5, -2.5)


def _stamp(local: datetime, rng: random.Random) -> str:
    """The stamp as the Korea Herald lays it out, the hour written with or without a leading zero."""
    hour = f"{local.hour:02d}" if rng.random() < 0.5 else str(local.hour)
    return f"{AP_MONTHS[local.month - 1]} {local.day}, {local.year} - {hour}:{local.minute:02d}"


def stamp_cases(rng: random.Random, count: int = 6) -> list[Case]:
    """Stamps for ``to_utc(stamp, offset_hours)``: across midnight, month and year ends, half-hour offsets.

    The first three cases are of fixed kinds (every class gets them); the rest are random moments.
    """
    cases: list[Case] = []
    for index in range(count):
        if index == 0:  # early on the 1st, on a clock ahead of UTC (not Korea's): back into the previous month
            offset = rng.choice([o for o in _WHOLE if o > 0 and o != 9])
            local = datetime(rng.randint(2015, 2026), rng.randint(1, 12), 1, rng.randint(0, int(offset) - 1),
                             rng.randint(0, 59))  # fmt: skip
            about = "early on the 1st of a month, on a clock ahead of UTC"
        elif index == 1:  # late in the evening, on a clock behind UTC: forward to the next day
            offset = rng.choice([o for o in _WHOLE if o < 0])
            local = datetime(rng.randint(2015, 2026), rng.randint(1, 12), rng.randint(1, 28),
                             rng.randint(24 + int(offset), 23), rng.randint(0, 59))  # fmt: skip
            about = "late in the evening, on a clock behind UTC"
        else:
            offset = rng.choice(_HALF) if index == 2 else rng.choice(_WHOLE + _HALF)
            utc = datetime(2015, 1, 1) + timedelta(minutes=rng.randrange(12 * 366 * 24 * 60))
            local = utc + timedelta(hours=offset)
            hours, side = abs(int(offset)), "ahead of" if offset > 0 else "behind"
            about = ("a half-hour offset" if offset != int(offset) else "a clock on UTC" if offset == 0
                     else f"a clock {hours} hour{'s' if hours > 1 else ''} {side} UTC")
        utc = local - timedelta(hours=offset)
        cases.append(((_stamp(local, rng), offset), utc.strftime("%Y-%m-%dT%H:%M+00:00"), about))
    return cases
