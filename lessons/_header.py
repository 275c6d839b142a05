"""The header of a news article: its byline, its "Published :" / "Updated :" stamps and the dates in them.

A private helper of :mod:`lessons.reading`, which re-exports :func:`split_byline` and :func:`parse_stamp`.

>>> header = Header()
>>> header.absorb("By Ahn Sung-miPublished : Aug. 23, 2021 - 14:50", default_tz=DEFAULT_TZ)
True
>>> header.author, header.published.isoformat()
('Ahn Sung-mi', '2021-08-23T14:50:00+09:00')
"""

from __future__ import annotations

import contextlib
import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone, tzinfo
from zoneinfo import ZoneInfo

from lessons.errors import StampError, one_line

# The course article comes from the Korea Herald, which prints its stamps in Korea time without a zone.
DEFAULT_TZ: tzinfo = ZoneInfo("Asia/Seoul")
MAX_HEADLINE_CHARS: int = 200
# A headline counts only if a byline or stamp starts within this many non-blank lines of the file's top.
HEADER_SEARCH_LINES: int = 4
# Zone abbreviations in minutes east of UTC; BST is British Summer Time, and CST and IST, which name
# zones on different continents, are left out.
ZONE_OFFSETS: dict[str, int] = {
    "KST": 540, "JST": 540, "HKT": 480, "SGT": 480, "AEST": 600, "AEDT": 660, "UTC": 0, "GMT": 0,
    "BST": 60, "CET": 60, "CEST": 120, "EST": -300, "EDT": -240, "CDT": -300, "MST": -420, "MDT": -360,
    "PST": -480, "PDT": -420,
}
MONTHS: dict[str, int] = {m: i for i, m in enumerate(
    "jan feb mar apr may jun jul aug sep oct nov dec".split(), start=1)}

_MONTH = r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?" \
         r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b\.?"
_DATES = (  # "Aug. 23, 2021", "23 August 2021", "2021.08.23" (Korean sites), "2021-08-23"
    re.compile(rf"\b{_MONTH}\s*(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b,?\s*(?P<year>\d{{4}})\b", re.I),
    re.compile(rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}\s*,?\s*(?P<year>\d{{4}})\b",
               re.I),
    re.compile(r"\b(?P<year>\d{4})[-./](?P<month>\d{1,2})[-./](?P<day>\d{1,2})\b"),
)
# A time needs minutes or a.m./p.m., so a bare day or year is never read as an hour; "+09:00" is a zone.
_TIME = re.compile(r"(?<![\d:+\-])(?P<hour>\d{1,2})(?::(?P<minute>\d{2})(?::(?P<second>\d{2}))?)?"
                   r"\s*(?P<ampm>[ap]\.?\s?m\b\.?)?", re.I)
_ZONE_NAME = re.compile(r"\b(?:(?:UTC|GMT)\s?(?P<sign>[+-])(?P<h>\d{1,2})(?::?(?P<m>\d{2}))?"
                        rf"|(?P<name>{'|'.join(ZONE_OFFSETS)}))\b")  # "UTC+9", "GMT-04:00", "KST"
_ZONE_OFFSET = re.compile(r"(?<!\w)(?P<sign>[+-])(?P<h>\d{2}):?(?P<m>\d{2})\b")
# What may be left of a stamp once its date, time and zone are cut out: weekdays, "at", punctuation.
_FILLER = re.compile(r"\b(?:at|on|(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?)\b\.?"
                     r"|[\s,.|/()\[\]:;\-–—]", re.I)
_ISO = re.compile(r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?"
                  r"(?P<zone>Z|[+-]\d{2}(?::?\d{2})?)?")
# Labels may be glued to the byline with no space ("Sung-miPublished"), so no \b before them.
_LABEL = re.compile(r"(?P<label>First [Pp]ublished|Last [Uu]pdated|Published|Posted|Updated|Modified"
                    r"|PUBLISHED|POSTED|UPDATED)(?:\s+on)?\s*[:：]?\s*")
_BYLINE = re.compile(r"^(?:By|BY)(?:\s*:\s*|\s+)(?P<name>\S.*?)\s*(?:\(\S+@\S+\))?[\s,;|–—-]*$")
_NAME_WORDS = frozenset("and & of the de van von der den da del di la le du bin al y staff reporter writer "
                        "correspondent editor contributor".split())
_SEPARATORS = " \t|,;-–—"
# "By Jane Doe, Hudson Wire" / "By Jane Doe, Staff Reporter": what follows the last comma is the byline's
# affiliation, not a second author, when it names a newsroom or a role (or is a wire's initials, like AFP).
_AFFILIATION_WORDS = frozenset("press wire news agency service bureau times herald post journal tribune daily "
                               "staff reporter reporters correspondent writer editor contributor associated "
                               "reuters yonhap bloomberg newswire".split())
_AFFILIATION = re.compile(r",\s*(?P<tail>[^,]+)$")
# A wire dateline opens the body: "SEOUL, Aug. 23 (Yonhap) --", "WASHINGTON (AP) —", "LONDON (Reuters) -".
_DATELINE = re.compile(r"[A-Z][A-Z.'’ -]*[A-Z.](?:,[^()\n]{1,40}?)?\s*"
                       r"(?:\([^()\n]{1,40}\)\s*(?:--|[-—–])|(?:--|[—–]))\s")


def parse_stamp(text: str, *, default_tz: tzinfo = DEFAULT_TZ) -> datetime:
    """Read a date stamp like ``Aug. 23, 2021 - 14:50`` as an aware datetime (no zone: ``default_tz``).

    >>> parse_stamp("Aug. 23, 2021 - 14:50").isoformat()
    '2021-08-23T14:50:00+09:00'
    >>> parse_stamp("2:50 p.m. EDT, June 30, 2020").isoformat()
    '2020-06-30T14:50:00-04:00'
    """
    stamp = " ".join(text.split()).strip(_SEPARATORS)
    label = _LABEL.match(stamp)  # a whole "Published : Aug. 23, 2021" is fine too
    stamp = stamp[label.end():] if label else stamp

    def fail(reason: str) -> StampError:
        return StampError(f"Cannot read {one_line(text)} as a date stamp: {reason}; write it like "
                          "'Aug. 23, 2021 - 14:50' or '2021-08-23T14:50+09:00'.")

    try:
        iso = _ISO.fullmatch(stamp)
        if iso:  # ISO 8601; Python 3.10 wants "+09:00", not "Z", "+0900" or "+09"
            sign = iso["zone"] or ""
            suffix = sign and f"{sign[:3]}:{sign[-2:] if len(sign) > 3 else '00'}"
            suffix = "+00:00" if sign == "Z" else suffix
            when = datetime.fromisoformat(stamp[: len(stamp) - len(sign)] + suffix)
            return when if when.tzinfo else when.replace(tzinfo=default_tz)
        # "14:50 KST (UTC+9)" names its zone twice; both must agree. Named zones go first, so "GMT+9" is one.
        zones = [ZONE_OFFSETS.get(m["name"], 0) + _offset_minutes(m) for m in _ZONE_NAME.finditer(stamp)]
        rest = _ZONE_NAME.sub(" ", stamp)
        hour = minute = second = 0
        time = next((m for m in _TIME.finditer(rest) if m["minute"] or m["ampm"]), None)
        if time:
            hour, minute, second = int(time["hour"]), int(time["minute"] or 0), int(time["second"] or 0)
            if time["ampm"] and hour <= 12:  # 12 a.m. is midnight, 12 p.m. noon
                hour = hour % 12 + (12 if time["ampm"][0].lower() == "p" else 0)
            rest = _cut(rest, time)
        zones += [_offset_minutes(m) for m in _ZONE_OFFSET.finditer(rest)]  # "+09:00", once the time is out
        rest = _ZONE_OFFSET.sub(" ", rest)
        if len(set(zones)) > 1:
            raise fail("it names two different time zones")
        tz = timezone(timedelta(minutes=zones[0])) if zones else default_tz
        found = next((m for m in (p.search(rest) for p in _DATES) if m), None)
        if found is None:
            numeric = re.search(r"\d{1,2}/\d{1,2}/\d{2,4}", rest)  # 08/03/2021: March or August? Don't guess.
            raise fail(f"{one_line(numeric[0])} could be month/day or day/month" if numeric
                       else "no day, month and year in it")
        rest = _cut(rest, found)
        month = MONTHS[found["mon"][:3].lower()] if "mon" in found.re.groupindex else int(found["month"])
        if _FILLER.sub("", rest):
            raise fail(f"{one_line(' '.join(rest.split()))} is not part of a date or time")
        return datetime(int(found["year"]), month, int(found["day"]), hour, minute, second, tzinfo=tz)
    except (ValueError, OverflowError) as err:  # datetime's own checks: no Feb. 30, no 25:00
        if isinstance(err, StampError):
            raise
        raise fail(str(err)) from None


def _offset_minutes(match: re.Match[str]) -> int:
    """Minutes in a matched ``+09:00`` / ``-4`` offset (0 when there is none)."""
    if not match["sign"]:
        return 0
    minutes = int(match["h"]) * 60 + int(match["m"] or 0)
    return -minutes if match["sign"] == "-" else minutes


def _cut(text: str, match: re.Match[str]) -> str:
    """``text`` with the matched span replaced by a space, so what is left can be checked."""
    return f"{text[:match.start()]} {text[match.end():]}"


def split_byline(line: str) -> tuple[str | None, str | None]:
    """Split a byline into (author, Published/Posted stamp text); None for a part that is missing.

    >>> split_byline("By Ahn Sung-miPublished : Aug. 23, 2021 - 14:50")
    ('Ahn Sung-mi', 'Aug. 23, 2021 - 14:50')
    >>> split_byline("The envoys met on Monday.")
    (None, None)
    """
    _, author, stamps = _split_labels(line)
    return author, next((text for kind, text in stamps if kind == "published"), None)


def _split_labels(line: str) -> tuple[str, str | None, list[tuple[str, str]]]:
    """The text before the first label, the byline's author in it, and each stamp as (kind, text)."""
    labels = list(_LABEL.finditer(line))
    prefix = line[: labels[0].start()] if labels else line
    stamps = []
    for i, label in enumerate(labels):  # each stamp runs up to the next label, or to the end of the line
        end = labels[i + 1].start() if i + 1 < len(labels) else len(line)
        kind = "updated" if label["label"].lower().endswith(("updated", "modified")) else "published"
        stamps.append((kind, line[label.end(): end].strip(_SEPARATORS)))
    return prefix.strip(_SEPARATORS), _byline_name(prefix), stamps


def _byline_name(text: str) -> str | None:
    """The name in ``By NAME``; None unless every word reads as part of a name ("By the end…" is prose)."""
    match = _BYLINE.match(text.strip())
    if not match or len(match["name"]) > 100:
        return None
    for i, word in enumerate(match["name"].replace(",", " ").split()):
        ends_sentence = word.endswith(".") and len(word) > 3  # "J." and "Jr." are names, "Friday." is prose
        if ends_sentence or not (word[0].isupper() or (i > 0 and word.lower() in _NAME_WORDS)):
            return None
    return _without_affiliation(match["name"])


def _without_affiliation(name: str) -> str:
    """``name`` without a trailing ", Newsroom" or ", Staff Reporter".

    >>> _without_affiliation("Paul Arden, Hudson Wire"), _without_affiliation("Kim Ji-hoon, Lee Su-jin")
    ('Paul Arden', 'Kim Ji-hoon, Lee Su-jin')
    """
    tail = _AFFILIATION.search(name)
    if tail is None:
        return name
    words = tail["tail"].split()
    is_wire_initials = len(words) == 1 and words[0].isupper() and len(words[0]) <= 5
    if is_wire_initials or any(word.lower().strip(".") in _AFFILIATION_WORDS for word in words):
        return name[: tail.start()].strip()
    return name


@dataclass
class Header:
    """What the header lines say; each field is set by the first line that gives it."""

    author: str | None = None
    published: datetime | None = None
    updated: datetime | None = None
    stamps: list[datetime] = field(default_factory=list)  # unlabelled stamps, in order

    def absorb(self, line: str, *, default_tz: tzinfo, more: bool = False) -> bool:
        """Take in ``line`` if it is a byline or stamp line that repeats no field; say whether it was.

        With ``more`` (the line follows other header lines), a "Updated : …" line whose stamp cannot be read
        is still taken in, and left unset, rather than made the body's first paragraph.
        """
        prefix, author, labelled = _split_labels(line.strip())
        if prefix and author is None:
            if labelled or len(prefix) > 80:
                return False  # text before "Published" that is no byline, or a long line: prose
            labelled = [("bare", prefix)]  # a line that may be nothing but a date, e.g. "Aug. 23, 2021"
        found: dict[str, datetime] = {}
        for kind, text in labelled:
            with contextlib.suppress(StampError):  # an unreadable stamp is left unset rather than guessed
                found.setdefault(kind, parse_stamp(text, default_tz=default_tz))
        repeats = (author and self.author) or any(getattr(self, kind, None) for kind in found)
        if repeats or not (author or found or (more and labelled and not prefix)):
            return False
        self.author = self.author or author
        for kind, when in found.items():
            if kind == "bare":
                self.stamps.append(when)
            else:
                setattr(self, kind, when)
        return True

    def finish(self) -> tuple[datetime | None, datetime | None]:
        """Published and updated, a bare stamp filling published first, then updated."""
        spare = iter(self.stamps)
        published = self.published or next(spare, None)
        return published, self.updated or next(spare, None)


def split_header(lines: list[str], *, default_tz: tzinfo) -> tuple[str | None, Header, list[str], list[str]]:
    """Split ``lines`` into the headline, the header, any deck lines under the headline, and the body lines.

    >>> headline, header, deck, body = split_header(["Talks", "By Jane Doe", "Met."], default_tz=DEFAULT_TZ)
    >>> headline, header.author, deck, body
    ('Talks', 'Jane Doe', [], ['Met.'])
    """
    top = [i for i, line in enumerate(lines) if line.strip()]  # where the non-blank lines are
    header = Header()  # absorb() changes nothing when it refuses a line, so one Header can try them all
    for first, index in enumerate(top[:HEADER_SEARCH_LINES]):
        if header.absorb(lines[index], default_tz=default_tz):
            last = first  # take in the header lines that follow: byline, "Published", "Updated"
            while last + 1 < len(top) and header.absorb(lines[top[last + 1]], default_tz=default_tz,
                                                        more=True):
                last += 1
            body = top[last] + 1
            break
        if first and _DATELINE.match(lines[index].lstrip()):  # no byline, but the body starts here
            body = index
            break
    else:
        return None, Header(), [], lines  # no byline, stamp or dateline near the top: all body
    above = [lines[i].strip() for i in top[:first]]
    if any(len(line) > MAX_HEADLINE_CHARS for line in above):
        return None, Header(), [], lines  # a long line above the byline is prose, not a headline
    return (above[0] if above else None), header, above[1:], lines[body:]
