"""Exercises of ``01_reading.ipynb``. Keys are salted digests (see ``lessons.course.keys``)."""

from __future__ import annotations

from lessons.course.checks import Exercise
from lessons.course.exercises._instructor import byline_cases
from lessons.course.exercises._reading_cases import stamp_cases
from lessons.course.keys import CodeCase, CodeKey, PairsKey, SetKey, ValueKey
from lessons.course.variants import Variant

NOTEBOOK = "01_reading.ipynb"

_BYLINE_TEMPLATE = '''def split_byline(line):
    """Return (author, stamp) from a byline such as 'By NAMEPublished : STAMP'."""
    author, stamp = None, None
    # your code here
    return author, stamp
'''

_TO_UTC_TEMPLATE = '''from datetime import datetime, timedelta, timezone


def to_utc(stamp, offset_hours):
    """Return the moment of a stamp like 'Dec. 7, 2022 - 08:30', printed on a clock offset_hours
    ahead of UTC, in UTC, as text like '2022-12-06T23:30+00:00'."""
    utc_text = None
    # your code here
    return utc_text
'''

# Variants: headers written for these exercises (lessons/data/passages/headers), one per learner.
_HEADER_AUTHOR = (
    Variant('headers/h01.txt', ValueKey(frozenset({'05ed0b57e0045219'}), mistakes={'18385146060ae62c': "The name ends where 'Published' begins: the byline is glued to the stamp."})),
    Variant('headers/h02.txt', ValueKey(frozenset({'8de281a773d49966'}), mistakes={})),
    Variant('headers/h03.txt', ValueKey(frozenset({'06e2f74f070b7c3b', '1419300e4b7189a9', '429b9c44f37f503c', 'c4c942d6100b266c'}), partial={'2bd1b65137fd9aa1': 0.5, 'd303f128c5451872': 0.5})),
    Variant('headers/h04.txt', ValueKey(frozenset({'15a1b5841d0515ac'}), mistakes={'fddb8faff23a175c': "'Staff Reporter' is the byline's job title, not part of the name.", '50cecf27fe9c5d36': "The name ends where the job title begins; 'Published' starts the stamp."})),
    Variant('headers/h05.txt', ValueKey(frozenset({'0302d50cb9ffe865'}), mistakes={})),
    Variant('headers/h06.txt', ValueKey(frozenset({'bb72e019309cf0d6'}), mistakes={'6a81a9cbc252e616': "'Health Editor' is a job title, not part of the name."})),
    Variant('headers/h07.txt', ValueKey(frozenset({'13d211c473220b64', '26839fde875ff82b', '8bdac323d5b46d46', 'f70f7b55d4a113d0'}), partial={'4991ff3860ff2b5b': 0.5, '5627f44382b7b86b': 0.5})),
    Variant('headers/h08.txt', ValueKey(frozenset({'524c75076591f304', '5ca54258e129faa6', '8ad67103a39a4900', '98de225d36d3a693'}), mistakes={'16b6c79752076fe4': "'Business Desk' is the newsroom section, not an author."}, partial={'7cc892cfefa84b32': 0.5, '71e0102bc97362ea': 0.5})),
)
# The pool where read_article misreads or cannot read the stamp: the challenge is to beat the tool.
_HEADER_UTC = (
    Variant('headers/h04.txt', ValueKey(frozenset({'9099be30221d4655'}), normalizer="utc_instant", mistakes={'d01f02f990fc94fa': 'That is the clock time printed in the header, only marked as UTC: convert it by taking away the offset.', 'b219c863f9bfe779': 'You moved the clock the wrong way: a clock ahead of UTC (+hours) is turned back to get UTC, one behind it (−hours) forward.', '9074849dcd414342': 'In June the US East Coast is on daylight time, EDT, four hours behind UTC (not five).'})),
    Variant('headers/h08.txt', ValueKey(frozenset({'0036305448304900'}), normalizer="utc_instant", mistakes={'fdd46b624bae95d4': 'That is the clock time printed in the header, only marked as UTC: convert it by taking away the offset.', '8303de4e12022b1f': 'You moved the clock the wrong way: a clock ahead of UTC (+hours) is turned back to get UTC, one behind it (−hours) forward.'})),
    Variant('headers/h09.txt', ValueKey(frozenset({'3bb9ecb421a11729'}), normalizer="utc_instant", mistakes={'02867ec72226886a': 'That is the clock time printed in the header, only marked as UTC: convert it by taking away the offset.', 'fa9c2756554dae4b': 'You moved the clock the wrong way: a clock ahead of UTC (+hours) is turned back to get UTC, one behind it (−hours) forward.'})),
    Variant('headers/h10.txt', ValueKey(frozenset({'5fb4e5893c57b542'}), normalizer="utc_instant", mistakes={'ad891540b64e9fcf': 'That is the clock time printed in the header, only marked as UTC: convert it by taking away the offset.', '032563c975633ce1': 'You moved the clock the wrong way: a clock ahead of UTC (+hours) is turned back to get UTC, one behind it (−hours) forward.', 'e2fa2e1460f159d3': '27/01 is day first, then month: the 27th of January.'})),
    Variant('headers/h11.txt', ValueKey(frozenset({'6a3bf35c30f57372'}), normalizer="utc_instant", mistakes={'e0128516adcdd1e4': 'That is the clock time printed in the header, only marked as UTC: convert it by taking away the offset.', '02a1b6b3e8b84920': 'You moved the clock the wrong way: a clock ahead of UTC (+hours) is turned back to get UTC, one behind it (−hours) forward.', '298b6e8a28c1f309': 'That is what read_article makes of this header: the date alone, at midnight Korea time. The time is on the next line.'})),
    Variant('headers/h13.txt', ValueKey(frozenset({'4ab55d171a2727ce'}), normalizer="utc_instant", mistakes={'cdff19630a250571': 'That is the clock time printed in the header, only marked as UTC: convert it by taking away the offset.', 'c98cb62f151c473f': 'You moved the clock the wrong way: a clock ahead of UTC (+hours) is turned back to get UTC, one behind it (−hours) forward.', '1e06decee2ec0844': 'Central Europe moves to summer time (CEST, UTC+2) only at the end of March: on March 7 it is UTC+1.'})),
    Variant('headers/h14.txt', ValueKey(frozenset({'ad709341c4e04789'}), normalizer="utc_instant", mistakes={'694c6ef1cbb011f7': 'That is the clock time printed in the header, only marked as UTC: convert it by taking away the offset.', '1a1199c0a1a73d5a': 'You moved the clock the wrong way: a clock ahead of UTC (+hours) is turned back to get UTC, one behind it (−hours) forward.'})),
)

EXERCISES = (
    # § 1 Raw text, bytes and encodings
    Exercise(
        "reading.non_ascii",
        "multi",
        "Warm-up: which of these characters occur in the string pasted (the line in the cell above, copied from "
        "a word processor) and are not ASCII? Select every one that does. Some look alike: let Python tell them "
        "apart.",
        SetKey(
            frozenset({"b43cf05b20b79f43", "0cb620b461cf1c71", "12112d329b689fda"}),
            normalizer="exact",
            mistakes={
                # Kinds of mistake, never which pick: naming the wrong pick would make trial and error trivial.
                "e314ad01f223d640": "One of your picks is plain ASCII: its code point, ord(ch), is below 128.",
                "2d22eb803df30559": "One of your picks is plain ASCII: its code point, ord(ch), is below 128.",
                "ae283803a47e4f57": "One of your picks is not in the line at all: test each with the in operator.",
                "c4ec9be1b8781a36": "Dashes and quote marks look alike: compare code points with ord().",
                "8791fb98203f73ff": "One of your picks is not in the line at all: test each with the in operator.",
            },
        ),
        tier="warm-up",
        notebook=NOTEBOOK,
        section="§ 1 Raw text, bytes and encodings",
        options=("’", "“", "”", "-", ":", "—", "é", "–"),
        hints=("A character is ASCII when ord(ch) < 128: collect {ch for ch in pasted if ord(ch) > 127}, as § 1 "
               "did for the course article, and compare.",),
    ),
    Exercise(
        "reading.apostrophe",
        "choice",
        "Core: in the string pasted (defined above), which character stands for the apostrophe in ‘90s, the mark "
        "for the missing “19”? Telling these apart is the exercise: ask Python, not your eyes.",
        ValueKey(
            frozenset({"3257cdb348190020"}),
            normalizer="exact",
            mistakes={
                "454e4f9bf37107b5": "The keyboard apostrophe is one byte in UTF-8; the mark in ‘90s takes three. "
                "Try ord() on it.",
                "9faacd6e3747f05c": "That is the mark in Harborview’s, the one a careful typesetter would use in "
                "’90s too; this text has another one. Look at the character just before 90s.",
                "f517ec1fad05c535": "Word processors do not type the modifier letter apostrophe; ask "
                "unicodedata.name() what the mark is.",
                "bc7d2a7650e2eaea": "Some people type an acute accent for an apostrophe, but not here: check with "
                "ord().",
            },
        ),
        tier="core",
        notebook=NOTEBOOK,
        section="§ 1 Raw text, bytes and encodings",
        options=(
            "U+0027 APOSTROPHE (')",
            "U+2019 RIGHT SINGLE QUOTATION MARK (’)",
            "U+2018 LEFT SINGLE QUOTATION MARK (‘)",
            "U+02BC MODIFIER LETTER APOSTROPHE (ʼ)",
            "U+00B4 ACUTE ACCENT (´)",
        ),
        hints=("pasted.index('90s') is where 90s starts; the character just before it is the one asked about, "
               "and unicodedata.name() names it.",),
    ),
    # § 2 The header by hand
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
            instructor_cases=byline_cases,
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
    # § 3 Dates and time zones
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
        "reading.published_utc",
        "text",
        "Core: when was the article published, in UTC? Answer in ISO 8601 ending in +00:00 or Z, e.g. "
        "2020-01-31T09:30+00:00: a time with another offset, or with none, answers another question.",
        ValueKey(
            frozenset({"184c30a0f6969880"}),
            normalizer="utc_instant",
            mistakes={
                "41b8c18ef07c1322": "14:50 is Korea time (KST, UTC+9), only marked as UTC here. Convert it to UTC.",
                "2be046adbbdba9d7": "Korea is ahead of UTC, so subtract 9 hours instead of adding them.",
            },
        ),
        tier="core",
        notebook=NOTEBOOK,
        section="§ 3 Dates and time zones",
        hints=("The stamp is Korea time (KST, UTC+9): attach ZoneInfo('Asia/Seoul'), convert with "
               ".astimezone(timezone.utc), and write the result with +00:00.",),
    ),
    Exercise(
        "reading.stamp_order",
        "order",
        "Core: papers in four time zones printed these stamps on the night after the envoys met. Put them in "
        "order, from the earliest instant to the latest. Scored by pairs: each pair of stamps in the right "
        "order earns one sixth.",
        # The stamps are chosen so that the conversion to UTC decides every pair: the order of the printed
        # dates and clocks gets all six pairs wrong (tests/test_reading.py checks it), so skipping the
        # conversion scores 0, and each pair a learner converts right earns its sixth.
        PairsKey(
            frozenset(
                {
                    "791caba9f3f6121e",
                    "4083e6e5e3c8bf89",
                    "f3c48f8c957b2d7b",
                    "46fd4ff5e441ce80",
                    "b48dc17821524d5f",
                    "aa3e5d4a4336ae23",
                }
            ),
            size=6,
        ),
        tier="core",
        notebook=NOTEBOOK,
        section="§ 3 Dates and time zones",
        options=(
            "2021-08-23T23:35Z",
            "Aug. 23, 2021 - 8:40 p.m. EDT (UTC-4)",
            "2021-08-24T00:25+02:00",
            "Aug. 24, 2021 - 06:10 KST (UTC+9)",
        ),
        hints=(
            "Convert every stamp to UTC first (UTC = local time − offset): a stamp dated Aug. 24 can be earlier "
            "than one dated Aug. 23.",
            "Only the conversion decides these pairs, not the printed dates and clocks: a pair counts when its "
            "two instants in UTC are in order.",
        ),
    ),
    Exercise(
        "reading.to_utc",
        "code",
        "Challenge (code): write to_utc(stamp, offset_hours) that returns the moment of a newspaper stamp in "
        "UTC, as text of the form YYYY-MM-DDTHH:MM+00:00. Stamps are laid out like the Korea Herald's: the "
        "month as news agencies write it (Jan., Feb., March, April, May, June, July, Aug., Sept., Oct., Nov., "
        "Dec.), the day, the year, ' - ' and a 24-hour time whose hour may have one digit. offset_hours is how "
        "far the paper's clock is ahead of UTC: 9 in Seoul, -4 in New York in summer, 5.5 in India.",
        CodeKey(
            "to_utc",
            (
                CodeCase(("Dec. 7, 2022 - 08:30", 9), "1b61381abdb00416", shown="2022-12-06T23:30+00:00"),
                CodeCase(("July 14, 2021 - 9:05", -4), "411d384598daef89", shown="2021-07-14T13:05+00:00"),
                CodeCase(("Jan. 1, 2023 - 03:15", 8), "e23fc0d96cc3de4a",
                         about="early on Jan. 1, on a clock ahead of UTC: back into the previous year"),
                CodeCase(("Sept. 3, 2021 - 21:40", -7), "813ac3600cb560b8",
                         about="'Sept.', on a clock behind UTC: forward to the next day"),
                CodeCase(("March 1, 2024 - 02:00", 5.5), "b5e850f80c79848d",
                         about="a month written in full and a half-hour offset, back over a leap day"),
                CodeCase(("May 9, 2022 - 7:05", 0), "c734fe5305bc4d52",
                         about="a clock on UTC itself, a month with no full stop, a one-digit hour"),
            ),
            instructor_cases=stamp_cases,
        ),
        tier="challenge",
        notebook=NOTEBOOK,
        section="§ 3 Dates and time zones",
        template=_TO_UTC_TEMPLATE,
        hints=(
            "strptime's %b knows only three-letter months (Sep, Mar): turn the month word into a number "
            "yourself, with a dict or by its first three letters.",
            "timezone(timedelta(hours=offset_hours)) is a zone for any offset, half hours too; "
            ".strftime('%Y-%m-%dT%H:%M+00:00') writes an aware UTC time in the asked form.",
        ),
    ),
    # § 4 Paragraphs
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
        hints=("In this file each body paragraph is one line, after the first two.",),
    ),
    # § 6 Where the tool gets it wrong
    Exercise(
        "reading.header_author",
        "text",
        "Core: who wrote the article whose opening is shown below? Type the author's name (or names, "
        "joined with 'and') as a reader would write them: no 'By', no job title or desk.",
        ValueKey(frozenset()),
        tier="core",
        notebook=NOTEBOOK,
        section="§ 6 Where the tool gets it wrong",
        hints=("Find the line that starts with 'By'; a name ends at a comma, a job title or a glued 'Published'.",),
        variants=_HEADER_AUTHOR,
    ),
    Exercise(
        "reading.header_utc",
        "text",
        "Challenge: when was the article below first published? read_article misreads or cannot read every "
        "stamp of this pool, so read it yourself. Give the moment in UTC as an ISO date-time that ends in "
        "+00:00 or Z, e.g. 2021-01-31T09:30+00:00.",
        ValueKey(frozenset(), normalizer="utc_instant"),
        tier="challenge",
        notebook=NOTEBOOK,
        section="§ 6 Where the tool gets it wrong",
        hints=(
            "Find the Published stamp (not Updated), read its zone, then convert: UTC = local time − offset.",
            "Zones come as offsets, abbreviations or words; summer time shifts them by an hour (EDT −4, BST +1).",
        ),
        variants=_HEADER_UTC,
    ),
    Exercise(
        "reading.stamp_match",
        "match",
        "Core: these stamps come from Korean papers with other header layouts. None names its zone, so "
        "all are Korea time (UTC+9). Match each to its instant in UTC.",
        PairsKey(
            frozenset({"65d11370813605c1", "c3c9b767f30e5d05", "9f1ebdfcca407672", "9a91f215fee64375"}),
            size=4,
        ),
        tier="core",
        notebook=NOTEBOOK,
        section="§ 6 Where the tool gets it wrong",
        items=(
            "Updated : Sept. 3, 2021 - 18:40",
            "Posted : 2021.12.01 07:45",
            "Published : Jan. 1, 2022 - 8:05 a.m.",
            "Posted : June 30, 2020 - 9:05",
        ),
        options=(
            "2020-06-30 00:05 UTC",
            "2021-09-03 09:40 UTC",
            "2021-11-30 22:45 UTC",
            "2021-12-01 07:45 UTC",
            "2021-12-31 23:05 UTC",
            "2022-01-01 17:05 UTC",
        ),
        hints=(
            "Read each stamp's date and clock time (the tools of § 3 help), then take away the 9 hours.",
            "Near midnight the date in UTC is not the printed one; near New Year, not even the year.",
        ),
    ),
)
