"""Where the temporal expressions of a news text are: the recognizers behind :mod:`lessons.dating`.

Each recognizer is one regular expression for one family of expressions ("Aug. 10, 2021", "last month",
"three years ago", "5 p.m. Saturday", "every Monday" ...). :func:`scan` runs them all and keeps, where two
overlap, the longer match (then the earlier), so "Aug. 10, 2021" wins over "Aug. 10" and "2021". What a
match means is decided by :mod:`lessons.dating`, from the match's ``kind`` and its named groups.

>>> [(m.kind, m.text) for m in scan("Talks resumed Monday, three years ago, at 5 p.m. on Aug. 10, 2021.")]
[('weekday', 'Monday'), ('ago', 'three years ago'), ('clock', '5 p.m.'), ('date', 'Aug. 10, 2021')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lessons._regex import anchored

MONTHS = {"january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
          "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
          "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12}
WEEKDAYS = {"monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6, "sunday": 7}
NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
           "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
           "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
           "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "ninety": 90, "hundred": 100, "single": 1,
           "several": None, "a few": None, "few": None, "couple of": 2, "a couple of": 2}
UNITS = {"year": "Y", "month": "M", "week": "W", "day": "D", "hour": "H", "minute": "M", "second": "S",
         "decade": "DE", "century": "CE", "night": "D", "weekend": "WE", "quarter": "Q", "season": "S"}
PARTS = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "tonight": "NI"}
SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}

_MONTH = (r"(?P<month>January|February|March|April|May|June|July|August|September|October|November|December|"
          r"Jan\.|Feb\.|Mar\.|Apr\.|Aug\.|Sept\.|Sep\.|Oct\.|Nov\.|Dec\.)")
_DAY = r"(?P<day>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:1[89]|20)\d\d)"
_WEEKDAY = r"(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_PART = r"(?P<part>morning|afternoon|evening|night)"
_EDGE = r"(?P<edge>early|late|mid|the end of|the beginning of|the start of|the middle of|earlier|later)"
_NUMBER = r"(?<![\d,.$])(?P<number>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?|(?i:" + "|".join(sorted((k for k in NUMBERS if " " not in k), key=len,
                                                           reverse=True)) + r"|a couple of))"  # "Two weeks later"
_COUNTED = r"(?:(?:straight|consecutive|successive|working|business|full|calendar|school)\s)?"  # "40 working days"
_UNIT = r"(?P<unit>year|month|week|day|hour|minute|second|decade|century|night)s?"
_APPROX = r"(?:(?P<approx>about|around|roughly|some|nearly|almost|more than|less than|at least|up to|" \
          r"just over|just under|close to)\s+)?"
_RELATIVE = r"(?P<rel>last|next|this|coming|past|previous|following)"
_PERIOD = r"(?P<period>week|month|year|quarter|weekend|spring|summer|fall|autumn|winter)"
_ZONE = r"(?:\s+(?:[A-Z]{2,4}T|KST|GMT|UTC))?"
_CLOCK = (r"(?:(?P<hour>1[0-2]|0?[1-9])(?:[:.](?P<minute>[0-5]\d))?\s?(?P<ampm>a\.m\.|p\.m\.|am\b|pm\b)"
          r"|(?P<hour24>[01]?\d|2[0-3]):(?P<minute24>[0-5]\d)(?![\d:]))" + _ZONE)

#: (kind, pattern): the recognizers, each compiled once. Case matters for names (May, March, Monday).
_RECOGNIZERS: tuple[tuple[str, str], ...] = (
    ("iso", r"\b(?P<year>(?:19|20)\d\d)-(?P<month>0[1-9]|1[0-2])-(?P<day>[0-2]\d|3[01])\b"),
    ("date", r"\b" + _MONTH + r"\s" + _DAY + r",?\s" + _YEAR + r"\b"),
    ("date", r"\b" + _DAY + r"\s" + _MONTH + r",?\s" + _YEAR + r"\b"),
    ("monthday", r"\b" + _MONTH + r"\s" + _DAY + r"\b(?![,.]?\d|\s?%|-\d)"),
    ("monthday", r"\b" + _DAY + r"\s" + _MONTH + r"(?!\s?\d)"),
    ("monthyear", r"\b(?:(?i:" + _EDGE + r")[\s-]+)?" + _MONTH + r",?\s" + _YEAR + r"\b"),
    ("monthrel", r"\b(?:(?i:" + _EDGE + r")[\s-]+)?" + _MONTH + r"\s(?i:(?:of\s)?(?P<rel>last|next|this)\syear)\b"),
    ("month", r"\b(?:(?i:" + _EDGE + r")[\s-]+)?" + _MONTH + r"(?=[\s,.;:?!’')”]|$)"),
    ("setmonth", r"\b(?i:every|each)\s" + _MONTH),
    ("year", r"(?<![$€£#\d,.])(?<!\b\d{3}-)\b(?:(?i:" + _EDGE + r")[\s-]+)?" + _YEAR + r"\b(?!\d|[,.]\d|\s?%|s\b)"),
    ("decade", r"\b(?i:the\s)?(?:(?i:(?P<edge>early|late|mid))[\s-]+)?(?:(?P<century>1[89]|20)(?P<decade>\d)0s|"
     r"[’'](?P<short>\d)0s)\b"),
    ("clockday", r"\b" + _APPROX + r"(?:" + _CLOCK + r"|(?i:(?P<which>noon|midnight)))(?:,?\s(?:on\s)?" + _WEEKDAY +
     r")"),
    ("clock", r"\b" + _APPROX + _CLOCK),
    ("noon", r"\b(?i:" + _APPROX + r"(?P<which>noon|midnight))\b"),
    ("weekday", r"\b(?:(?i:(?P<edge>early|late))\s)?(?:(?i:" + _RELATIVE + r")\s)?" + _WEEKDAY +
     r"(?:\s(?i:" + _PART + r"))?(?![’']s\s(?:game|match|vote))"),
    ("setweekday", r"\b(?:(?i:every|each)\s" + _WEEKDAY + r"|(?P<plural>Mondays|Tuesdays|Wednesdays|Thursdays|"
     r"Fridays|Saturdays|Sundays))\b"),
    ("deictic", r"\b(?i:(?P<word>the day before yesterday|the day after tomorrow|today|yesterday|tomorrow|tonight)(?:\s(?P<part>morning|afternoon|evening|night))?)"
     r"\b"),
    ("thispart", r"\b(?i:(?:(?P<edge>early|late)\s)?(?P<rel>this|last|that|the)\s" + _PART + r")\b(?!\s(?:of|session|shift|flight|news|"
     r"paper|show|edition|class|service|market)\b)"),
    ("relative", r"\b(?i:(?:" + _EDGE + r"\s)?" + _RELATIVE + r"\s" + _PERIOD + r")\b"),
    ("theperiod", r"\b(?i:(?:" + _EDGE + r"\s)?the\s(?P<period>weekend))\b"),
    ("theperiod", r"\b(?i:in|into|by|during|until|since|through|throughout|for|over|before|after|from|all|spent|"
     r"spend|spending)\s(?P<core>(?i:(?:" + _EDGE +
     r"\s)?the\s(?P<period>spring|summer|fall|autumn|winter)))\b"),  # "the fall" alone may be a fall
    ("endof", r"\b(?i:(?P<edge>the end|the beginning|the start|the middle) of (?:the|this) (?P<period>year|month|"
     r"week|quarter|decade))\b"),
    ("season", r"\b(?i:(?:(?P<edge>early|late|mid)[\s-]+)?(?:the\s)?(?P<period>spring|summer|fall|autumn|winter))"
     r"\s(?i:of\s)?" + _YEAR),
    ("quarter", r"\b(?i:(?:the\s)?(?P<ordinal>first|second|third|fourth|1st|2nd|3rd|4th)\s(?P<what>quarter|half)"
     r"(?:\sof\s(?:" + _YEAR + r"|(?P<rel>last|next|this|the) year))?)\b"),
    ("quarteradj", r"\b(?i:(?P<ordinal>first|second|third|fourth)-(?P<what>quarter|half))\b"),
    ("qnum", r"\b(?P<what>Q|H)(?P<ordinal>[1-4])(?:\s(?i:of\s)?(?:" + _YEAR + r"|(?i:(?P<rel>last|next|this) year)))?"
     r"\b"),
    # "a year after it opens" is an amount of time before an event; "a year after" alone counts from a date
    ("ago", r"\b" + _NUMBER + r"\s" + _UNIT + r"\s(?P<dir>ago|earlier|later|(?:before|after)(?=\s*(?:[,.;:!?)”’\"']|$)))"),
    ("pastn", r"\b(?i:the\s(?P<rel>past|last|next|coming|previous)\s)" + _NUMBER + r"\s" + _UNIT + r"\b"),
    ("pastn", r"\b(?i:the\s(?P<rel>past|last|previous)\s(?P<unit>decade|century))\b"),  # one unit, unnumbered
    ("duration", r"\b" + _APPROX + r"(?:a\s(?=single|few|couple))?" + _NUMBER + r"[\s-]" + _COUNTED + _UNIT +
     r"\b(?!-old|\sold\b)"
     r"(?:\sand\s(?P<number2>\d+|" + "|".join(k for k in NUMBERS if " " not in k and len(k) > 2) + r")\s"
     r"(?P<unit2>hour|minute|second|month|week|day)s?\b)?"),
    ("half", r"\b" + _APPROX + r"(?i:(?:a|an|one|(?P<number>\d+|two|three|four|five|six|seven|eight|nine|ten))\s"
     r"(?P<unit>year|month|week|day|hour)s?\sand\sa\shalf)\b"),
    ("more", r"\b" + _APPROX + r"(?i:(?P<number>another|one more|two more|three more|\d+ more|an extra))\s"
     + _UNIT + r"\b"),
    ("age", r"\b" + _NUMBER + r"-(?P<unit>year|month|week|day)-old\b"),
    ("long", r"\b(?P<unit>year|month|week|day|hour|decade|night)long\b"),
    ("adverb", r"\b(?i:(?P<word>daily|weekly|monthly|annually|yearly|nightly|hourly))\b"),
    ("every", r"\b(?i:(?:every|each)\s(?:(?P<number>two|three|four|five|six|seven|eight|nine|ten|twelve|\d+)\s"
     r"(?P<units>day|week|month|year|hour|minute)s|(?P<unit>day|week|month|year|morning|night|evening|summer|winter|"
     r"spring)))\b"),
    ("ref", r"\b(?i:(?P<word>now|currently|nowadays|recently|lately|at the time|at present|these days|"
     r"in the past|in the future))\b"),
    ("anaphor", r"\b(?i:(?P<what>that (?:same )?(?:day|year|month|week|morning|afternoon|evening|night)|the (?:following|next)"
     r" (?:day|morning|week|month|year)|the day (?:before|after)|the same day|a day later))\b"),
)
_COMPILED = tuple((kind, anchored(pattern)) for kind, pattern in _RECOGNIZERS)

_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_SEASONS = ("spring", "summer", "fall", "autumn", "winter")
#: Words a text must hold (in any case) for a recognizer to find anything in it: a text without any of them is not
#: scanned for that kind at all. Looking for a word in the lower-cased text costs far less than a scan.
_NEEDS: dict[str, tuple[str, ...]] = {
    "date": _MONTHS, "monthday": _MONTHS, "monthyear": _MONTHS, "monthrel": _MONTHS, "month": _MONTHS,
    "setmonth": ("every", "each"), "decade": ("0s",), "clockday": ("day",), "clock": ("a.m", "p.m", "am", "pm", ":"),
    "noon": ("noon", "midnight"), "weekday": ("day",), "setweekday": ("day",),
    "deictic": ("today", "yesterday", "tomorrow", "tonight"), "thispart": ("morning", "afternoon", "evening", "night"),
    "relative": ("week", "month", "year", "quarter", *_SEASONS), "endof": ("end", "beginning", "start", "middle"),
    "season": _SEASONS, "quarter": ("quarter", "half"), "quarteradj": ("quarter", "half"),
    "qnum": ("q1", "q2", "q3", "q4", "h1", "h2", "h3", "h4"), "ago": ("ago", "earlier", "later", "before", "after"),
    "pastn": ("past", "last", "next", "coming", "previous"),
    "duration": ("year", "month", "week", "day", "hour", "minute", "second", "decade", "century", "night"),
    "half": ("half",), "more": ("another", "more", "extra"), "age": ("-old",), "long": ("long",),
    "every": ("every", "each"), "adverb": ("daily", "weekly", "monthly", "annually", "yearly", "nightly", "hourly"),
}
_NEEDS_OF_PERIODS = (("weekend",), _SEASONS)  # the two "theperiod" recognizers, in order

@dataclass(frozen=True)
class Match:
    """One recognized expression: its kind, where it is, and what the recognizer read in it."""

    kind: str
    start: int
    end: int
    text: str
    fields: dict[str, str]


def _exclusions(text: str, match: re.Match[str], kind: str) -> bool:
    """True for a match that is no temporal expression: "may" the verb, a bare number, a score."""
    fields = match.groupdict()
    if fields.get("month") == "May" and kind == "month":
        window = text[max(0, match.start() - 20):match.start()]  # bounded: linear cost
        before = window.rstrip(" “\"‘'")
        opens = (match.start() < 20 and not before or before[-1:] in (".", "?", "!", "\n")
                 or window.rstrip(" ")[-1:] in ("“", '"', "‘"))
        if re.search(r"\b(?!In|On|By|Since|Until|Last|Next|This|Early|Late|Mid|Through|From|During|Before|After)"
                     r"[A-Z][a-z]+\s$", window):
            return True  # "Theresa May": a family name after a given name
        after = text[match.end():match.end() + 12]
        if opens and re.match(r"\s(?:I|we|you|they|it|he|she|God|be|have|not|also|well|need|take|want|seem|come|go|see|"
                              r"get|help|face|lose|win)\b", after):
            return True  # "May I ask …", "May be …": the verb, opening a sentence
    if fields.get("month") == "March" and kind == "month" and re.match(r"\s(?:on|through|to|for|against)\b",
                                                                     text[match.end():match.end() + 9]):
        return True  # "march on the capital"
    if kind == "year":
        before = text[max(0, match.start() - 12):match.start()].lower()
        if re.search(r"(?:no\.|number|route|room|flight|model|page|p\.)\s*$", before):
            return True
    if kind == "duration" and fields.get("unit", "").startswith("second") and fields.get("number") in {"a", "an"}:
        return True  # "a second time"
    return False


def scan(text: str) -> list[Match]:
    """Every temporal expression in ``text``, non-overlapping, in order (longest wins an overlap)."""
    found: list[Match] = []
    lower, held = text.lower(), {}
    periods = iter(_NEEDS_OF_PERIODS)
    for kind, pattern in _COMPILED:
        needs = next(periods) if kind == "theperiod" else _NEEDS.get(kind)
        if needs is not None:
            if needs not in held:
                held[needs] = any(word in lower for word in needs)
            if not held[needs]:
                continue  # none of the words this recognizer needs is in the text
        for m in pattern.finditer(text):
            if m.end() > m.start() and not _exclusions(text, m, kind):
                fields = {k: v for k, v in m.groupdict().items() if v is not None}
                start, end = m.span("core") if "core" in fields else m.span()  # a preposition is no part
                found.append(Match(kind, start, end, text[start:end], fields))
    chosen: list[Match] = []
    for m in sorted(found, key=lambda m: (m.start, -(m.end - m.start))):  # one sweep: linear in the matches
        if chosen and m.start < chosen[-1].end:
            if m.end - m.start > chosen[-1].end - chosen[-1].start:
                chosen[-1] = m  # it starts after the one before the last ends, so nothing else overlaps
            continue
        chosen.append(m)
    return chosen
