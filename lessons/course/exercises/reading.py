"""Exercises of ``01_reading.ipynb``. Keys are salted digests (see ``lessons.course.keys``)."""

from __future__ import annotations

from lessons.course.checks import Exercise
from lessons.course.keys import CodeCase, CodeKey, PairsKey, SetKey, ValueKey

NOTEBOOK = "01_reading.ipynb"

_BYLINE_TEMPLATE = '''def split_byline(line):
    """Return (author, stamp) from a byline such as 'By NAMEPublished : STAMP'."""
    author, stamp = None, None
    # your code here
    return author, stamp
'''

EXERCISES = (
    Exercise(
        "reading.author",
        "text",
        "Warm-up: who wrote the article? Type the author's name exactly as the byline gives it, without 'By'.",
        ValueKey(
            frozenset({"32530621d7f19133"}),
            mistakes={
                "884a0c978b0f5518": "You kept the glued 'Published': the name ends where 'Published' begins.",
                "7f23b67088695a2a": "Drop the word 'By': it is part of the byline, not of the name.",
                "80f3f5373474ace4": "Sung Kim is the envoy the story is about; the byline names the reporter.",
                "206d79bc8150cab7": "Kim is the envoy the story is about; the byline names the reporter.",
            },
        ),
        tier="warm-up",
        notebook=NOTEBOOK,
        section="§ 2 The header by hand",
        hints=("Look at line 2 of the file: the name sits between 'By ' and 'Published'.",),
    ),
    Exercise(
        "reading.paragraphs",
        "number",
        "Warm-up: how many body paragraphs does the article have (not counting the headline and byline lines)?",
        ValueKey(
            frozenset({"d5316fa3113c8644"}),
            normalizer="number",
            mistakes={
                "f7e8b74f23f13a5a": "17 is every line of the file: leave out the headline and the byline line.",
                "d90e30489263bfd9": "One too many: the byline line is header, not body.",
                "42af1cdb0c2e7cbe": "22 is the number of sentences; a paragraph here is one line.",
                "2344f87fd1f8d585": "One too few: did you drop the last line, which has no newline after it?",
            },
        ),
        tier="warm-up",
        notebook=NOTEBOOK,
        section="§ 4 Paragraphs",
        hints=("Each body paragraph is one line of the file after the first two.",),
    ),
    Exercise(
        "reading.published_date",
        "date",
        "Warm-up: on which calendar date, in Korea, was the article published?",
        ValueKey(
            frozenset({"dda6cecb81d8669e"}),
            normalizer="date",
            mistakes={"2f1243c9c23e251a": "That is a date one day earlier; the stamp is already in Korea time."},
        ),
        tier="warm-up",
        notebook=NOTEBOOK,
        section="§ 3 Dates and time zones",
        hints=("The stamp after 'Published :' gives month, day and year.",),
    ),
    Exercise(
        "reading.apostrophe",
        "choice",
        "Core: which character is the apostrophe in “Biden’s” in data/article.txt?",
        ValueKey(
            frozenset({"9faacd6e3747f05c"}),
            normalizer="exact",
            mistakes={
                "454e4f9bf37107b5": "The keyboard apostrophe is one byte in UTF-8; this one takes three. Try ord().",
                "3257cdb348190020": "Close: that is the opening single quote. An apostrophe uses the closing one.",
            },
        ),
        tier="core",
        notebook=NOTEBOOK,
        section="§ 1 Raw text, bytes and encodings",
        options=(
            "U+0027 APOSTROPHE (')",
            "U+2019 RIGHT SINGLE QUOTATION MARK (’)",
            "U+2018 LEFT SINGLE QUOTATION MARK (‘)",
            "U+00B4 ACUTE ACCENT (´)",
        ),
        hints=("hex(ord(ch)) gives a character's code point; unicodedata.name(ch) gives its name.",),
    ),
    Exercise(
        "reading.non_ascii",
        "multi",
        "Core: select every character that occurs in the article file and is not ASCII.",
        SetKey(
            frozenset({"b43cf05b20b79f43", "0cb620b461cf1c71", "ae283803a47e4f57"}),
            normalizer="exact",
            mistakes={
                "e314ad01f223d640": "The hyphen-minus (-) is plain ASCII.",
                "2d22eb803df30559": "The colon (:) is plain ASCII.",
            },
        ),
        tier="core",
        notebook=NOTEBOOK,
        section="§ 1 Raw text, bytes and encodings",
        options=("’", "“", "”", "-", ":", "—", "é", "–"),
        hints=("A character is ASCII when ord(ch) < 128; try a set comprehension over the text.",),
    ),
    Exercise(
        "reading.published_utc",
        "text",
        "Core: when was the article published, in UTC? Answer in ISO 8601, e.g. 2020-01-31T09:30+00:00.",
        ValueKey(
            frozenset({"184c30a0f6969880"}),
            normalizer="datetime_utc",
            mistakes={
                "41b8c18ef07c1322": "14:50 is Korea time (KST, UTC+9). Convert it to UTC.",
                "2be046adbbdba9d7": "Korea is ahead of UTC, so subtract 9 hours instead of adding them.",
            },
        ),
        tier="core",
        notebook=NOTEBOOK,
        section="§ 3 Dates and time zones",
        hints=("Attach ZoneInfo('Asia/Seoul') to the stamp, then call .astimezone(timezone.utc).",),
    ),
    Exercise(
        "reading.stamp_order",
        "order",
        "Core: put these publication stamps in order, from the earliest instant to the latest.",
        PairsKey(
            frozenset(
                {
                    "3dd67684526efe1b",
                    "d1c581fd8a3a8ba6",
                    "b10bdb6ed08e9c92",
                    "7a96dd88506bdef0",
                    "f91101170ddd25f6",
                    "ba102d16d0f86e37",
                }
            ),
            size=6,
        ),
        tier="core",
        notebook=NOTEBOOK,
        section="§ 3 Dates and time zones",
        options=(
            "2021-08-23T06:00Z",
            "Aug. 23, 2021 - 14:50 KST (UTC+9)",
            "2021-08-23T05:00+00:00",
            "Aug. 22, 2021 - 11:00 p.m. EDT (UTC-4)",
        ),
        hints=("Convert every stamp to UTC first; a stamp on Aug. 22 can still be later than one on Aug. 23.",),
    ),
    Exercise(
        "reading.glued_byline",
        "code",
        "Core (code): write split_byline(line) that returns (author, stamp) from a byline line. "
        "The stamp is the text after 'Published :' up to any 'Updated'; a part that is missing is None.",
        CodeKey(
            "split_byline",
            (
                CodeCase(
                    ("By Ahn Sung-miPublished : Aug. 23, 2021 - 14:50",),
                    "294f21a41e6ee947",
                    shown=("Ahn Sung-mi", "Aug. 23, 2021 - 14:50"),
                ),
                CodeCase(
                    ("By Jane DoePublished : Sept. 3, 2021 - 09:15",),
                    "7520da51e6d9edac",
                    shown=("Jane Doe", "Sept. 3, 2021 - 09:15"),
                ),
                CodeCase(
                    ("By Park Min-jiPublished : Jan 5, 2022 - 18:00Updated : Jan 5, 2022 - 19:30",),
                    "0a0c50094a7808b9",
                    about="an 'Updated' stamp glued after the 'Published' one",
                ),
                CodeCase(
                    ("By Lee Jun and Kim So-raPublished :June 30, 2020 - 9:05",),
                    "f1bff3fe35d38ce1",
                    about="two authors, and no space after the colon",
                ),
                CodeCase(("By Choi Yoon",), "0074db8517cffcfd", about="a byline with no stamp at all"),
            ),
        ),
        tier="core",
        notebook=NOTEBOOK,
        section="§ 2 The header by hand",
        template=_BYLINE_TEMPLATE,
        hints=(
            "str.partition('Published') splits at the first 'Published' and keeps both sides.",
            "Strip spaces and the colon from the stamp; cut it at 'Updated' if that appears.",
        ),
    ),
    Exercise(
        "reading.stamp_match",
        "match",
        "Challenge: these stamps come from Korean papers with other header layouts; all are Korea time. "
        "Match each to its instant in UTC.",
        PairsKey(
            frozenset({"7a1a6ed24dc12701", "65d11370813605c1", "9a91f215fee64375", "92e3ce97baf4f33f"}),
            size=4,
        ),
        tier="challenge",
        notebook=NOTEBOOK,
        section="§ 6 Other header layouts",
        items=(
            "Published : Aug. 23, 2021 - 14:50",
            "Updated : Sept. 3, 2021 - 18:40",
            "Posted : June 30, 2020 - 9:05",
            "Published : Jan 5, 2022 - 18:00",
        ),
        options=(
            "2020-06-29 21:05 UTC",
            "2020-06-30 00:05 UTC",
            "2021-08-23 05:50 UTC",
            "2021-08-23 14:50 UTC",
            "2021-09-03 09:40 UTC",
            "2022-01-05 09:00 UTC",
        ),
        hints=("parse_stamp() from lessons.reading reads all of these; then convert with astimezone().",),
    ),
)
