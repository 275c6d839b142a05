"""Exercises of ``01_reading.ipynb``. Keys are salted digests (see ``lessons.course.keys``)."""

from __future__ import annotations

from lessons.course.checks import Exercise
from lessons.course.exercises._instructor import byline_cases
from lessons.course.keys import CodeCase, CodeKey, PairsKey, SetKey, ValueKey
from lessons.course.variants import Variant

NOTEBOOK = "01_reading.ipynb"

_BYLINE_TEMPLATE = '''def split_byline(line):
    """Return (author, stamp) from a byline such as 'By NAMEPublished : STAMP'."""
    author, stamp = None, None
    # your code here
    return author, stamp
'''

# Variants: headers written for these exercises (lessons/data/passages/headers), one per learner.
_HEADER_AUTHOR = (
    Variant('headers/h01.txt', ValueKey(frozenset({'05ed0b57e0045219'}), mistakes={'18385146060ae62c': "The name ends where 'Published' begins: the byline is glued to the stamp."})),
    Variant('headers/h02.txt', ValueKey(frozenset({'8de281a773d49966'}), mistakes={})),
    Variant('headers/h03.txt', ValueKey(frozenset({'06e2f74f070b7c3b', '1419300e4b7189a9', '429b9c44f37f503c', 'c4c942d6100b266c'}), mistakes={'2bd1b65137fd9aa1': 'The byline names two reporters.'})),
    Variant('headers/h04.txt', ValueKey(frozenset({'15a1b5841d0515ac'}), mistakes={'fddb8faff23a175c': "'Staff Reporter' is the byline's job title, not part of the name.", '50cecf27fe9c5d36': "The name ends where the job title begins; 'Published' starts the stamp."})),
    Variant('headers/h05.txt', ValueKey(frozenset({'0302d50cb9ffe865'}), mistakes={})),
    Variant('headers/h06.txt', ValueKey(frozenset({'bb72e019309cf0d6'}), mistakes={'6a81a9cbc252e616': "'Health Editor' is a job title, not part of the name."})),
    Variant('headers/h07.txt', ValueKey(frozenset({'13d211c473220b64', '26839fde875ff82b', '8bdac323d5b46d46', 'f70f7b55d4a113d0'}), mistakes={'4991ff3860ff2b5b': 'The byline names two reporters.'})),
    Variant('headers/h08.txt', ValueKey(frozenset({'524c75076591f304', '5ca54258e129faa6', '8ad67103a39a4900', '98de225d36d3a693'}), mistakes={'16b6c79752076fe4': "'Business Desk' is the newsroom section, not an author.", '7cc892cfefa84b32': 'The byline names two reporters.'})),
)
# h02 is left out: its stamp is in UTC already.
_HEADER_UTC = (
    Variant('headers/h01.txt', ValueKey(frozenset({'627239a01aad748a'}), normalizer="utc_instant", mistakes={'94efe484fa9654be': 'That is the clock time printed in the header, only marked as UTC: convert it by taking away the offset.', '868b0ac8e8203d33': 'You moved the clock the wrong way: a clock ahead of UTC (+hours) is turned back to get UTC, one behind it (−hours) forward.'})),
    Variant('headers/h03.txt', ValueKey(frozenset({'677855b54fcb9e8d'}), normalizer="utc_instant", mistakes={'6a7e2fbfc42a2d5b': 'That is the clock time printed in the header, only marked as UTC: convert it by taking away the offset.', '0601935038b69eda': 'You moved the clock the wrong way: a clock ahead of UTC (+hours) is turned back to get UTC, one behind it (−hours) forward.', '0d8fae8bc820e452': 'That converts the Updated stamp; the question asks when the article was first published.'})),
    Variant('headers/h04.txt', ValueKey(frozenset({'9099be30221d4655'}), normalizer="utc_instant", mistakes={'d01f02f990fc94fa': 'That is the clock time printed in the header, only marked as UTC: convert it by taking away the offset.', 'b219c863f9bfe779': 'You moved the clock the wrong way: a clock ahead of UTC (+hours) is turned back to get UTC, one behind it (−hours) forward.', '9074849dcd414342': 'In June the US East Coast is on daylight time, EDT, four hours behind UTC (not five).'})),
    Variant('headers/h05.txt', ValueKey(frozenset({'75f047ff3cb8f151'}), normalizer="utc_instant", mistakes={'f8cbced8524db559': 'That is the clock time printed in the header, only marked as UTC: convert it by taking away the offset.', '4bfc0307a7381213': 'You moved the clock the wrong way: a clock ahead of UTC (+hours) is turned back to get UTC, one behind it (−hours) forward.', '68a1180b5f276a96': 'That converts the Updated stamp; the question asks when the article was first published.'})),
    Variant('headers/h06.txt', ValueKey(frozenset({'66bab09e6a79e960'}), normalizer="utc_instant", mistakes={'f9234ccf3d1919d3': 'That is the clock time printed in the header, only marked as UTC: convert it by taking away the offset.', '8f22f5aa4112939f': 'You moved the clock the wrong way: a clock ahead of UTC (+hours) is turned back to get UTC, one behind it (−hours) forward.', '995edc05457d1d5a': 'That converts the Updated stamp; the question asks when the article was first published.'})),
    Variant('headers/h07.txt', ValueKey(frozenset({'2e956c47f55452fc'}), normalizer="utc_instant", mistakes={'1bbe0c4227751a8e': 'That is the clock time printed in the header, only marked as UTC: convert it by taking away the offset.', '873e0287154dd161': 'You moved the clock the wrong way: a clock ahead of UTC (+hours) is turned back to get UTC, one behind it (−hours) forward.'})),
    Variant('headers/h08.txt', ValueKey(frozenset({'0036305448304900'}), normalizer="utc_instant", mistakes={'fdd46b624bae95d4': 'That is the clock time printed in the header, only marked as UTC: convert it by taking away the offset.', '8303de4e12022b1f': 'You moved the clock the wrong way: a clock ahead of UTC (+hours) is turned back to get UTC, one behind it (−hours) forward.'})),
)

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
        section="§ 6 Where the tool gets it wrong",
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
        "Challenge: when was the article below first published? Give the moment in UTC as an ISO date-time "
        "that ends in +00:00 or Z, e.g. 2021-08-23T05:50+00:00.",
        ValueKey(frozenset(), normalizer="utc_instant"),
        tier="challenge",
        notebook=NOTEBOOK,
        section="§ 6 Where the tool gets it wrong",
        hints=(
            "Find the Published stamp (not Updated), read its zone, then convert: UTC = local time − offset.",
            "A stamp with no zone on a Korean site is Korea time, +09:00; 'ET' in summer is EDT, −04:00.",
        ),
        variants=_HEADER_UTC,
    ),
)
