"""Exercises of ``04_dating.ipynb``. Keys are salted digests (see ``lessons.course.keys``)."""

from __future__ import annotations

from lessons.course.checks import Exercise
from lessons.course.exercises._dating_cases import duration_cases, weekday_cases
from lessons.course.keys import CodeCase, CodeKey, PairsKey, SetKey, ValueKey
from lessons.course.variants import Variant

NOTEBOOK = "04_dating.ipynb"

_WEEKDAY_TEMPLATE = '''from datetime import date, timedelta

WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def resolve_weekday(name, anchor, tense):
    """Return the date ("YYYY-MM-DD") that a weekday name means in a story published on anchor.

    name: "Monday" … "Sunday"; anchor: the publication date, "YYYY-MM-DD"; tense: "past" or "future".
    Past: the latest day with that name on or before the anchor (the anchor itself when it matches).
    Future: the first day with that name on or after the anchor (the anchor itself when it matches).
    """
    # your code here
    return anchor
'''

_DURATION_TEMPLATE = '''UNITS = {"year": "Y", "month": "M", "week": "W", "day": "D", "hour": "H", "minute": "M"}
NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
           "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}


def duration_value(phrase):
    """Return the TIMEX3 value of an amount of time written in one of these forms:

    "three years", "48 hours" (a number in digits or words, then a unit, plural);
    "six-week", "10-day" (a number, a hyphen, a unit); "a month", "an hour"; "yearlong", "daylong"
    (a unit, then "long": one of it). Units: year, month, week, day, hour, minute.
    The value is "P" + number + unit letter; hours and minutes take a "T" after the "P":
    "three years" -> "P3Y", "four-week" -> "P4W", "48 hours" -> "PT48H", "15 minutes" -> "PT15M".
    """
    # your code here
    return ""
'''

_OTHER_SIDE = ("That is the same weekday on the other side of the publication date: read the tense of its clause "
               "again.")
_TOOL_SAYS = ("That is the date find_timexes gives, and here it is wrong: read the clause around the weekday — "
              "did it happen already, or is it still to come?")

# Variants: passages written for this course (lessons/data/passages/dates), one per learner; no gold anywhere.
_PASSAGE_WEEKDAY = (
    Variant('dates/d01.txt', ValueKey(frozenset({'46813de86ea9314d'}), normalizer="date", mistakes={'8e9defc1efa8a8c2': _OTHER_SIDE})),
    Variant('dates/d02.txt', ValueKey(frozenset({'a23eb5ecefa335e0'}), normalizer="date", mistakes={'919191d0e1687ec1': _OTHER_SIDE})),
    Variant('dates/d03.txt', ValueKey(frozenset({'c5d2cd3d88ceef81'}), normalizer="date", mistakes={'dcd78e68f2819932': _OTHER_SIDE})),
    Variant('dates/d04.txt', ValueKey(frozenset({'768d5c9186249129'}), normalizer="date", mistakes={'dd0906554e250a9d': _OTHER_SIDE})),
    Variant('dates/d05.txt', ValueKey(frozenset({'5558df0d0be37877'}), normalizer="date", mistakes={'09f3ac92947f9c7d': _OTHER_SIDE})),
    Variant('dates/d06.txt', ValueKey(frozenset({'e37593831439b933'}), normalizer="date", mistakes={'5e2537ce53455603': _OTHER_SIDE})),
    Variant('dates/d07.txt', ValueKey(frozenset({'922a492e56060069'}), normalizer="date", mistakes={'f54e6f18985df858': _OTHER_SIDE})),
    Variant('dates/d08.txt', ValueKey(frozenset({'5e4de0d5f998d898'}), normalizer="date", mistakes={'d3055960ebec2188': _OTHER_SIDE})),
)

# The pool where the course's find_timexes gets the last weekday wrong: beat the tool.
_TOOL_WRONG = (
    Variant('dates/t01.txt', ValueKey(frozenset({'18574f9df8a802d0'}), normalizer="date", mistakes={'9cd659313cf1572d': _TOOL_SAYS})),
    Variant('dates/t02.txt', ValueKey(frozenset({'0c11154a656dad4d'}), normalizer="date", mistakes={'4943c9202f9ee463': _TOOL_SAYS})),
    Variant('dates/t03.txt', ValueKey(frozenset({'f333b1ca4b113e8e'}), normalizer="date", mistakes={'831175dd265504c6': _OTHER_SIDE, '8c12301e7fa9d814': _TOOL_SAYS})),
    Variant('dates/t04.txt', ValueKey(frozenset({'87180fc28d405f23'}), normalizer="date", mistakes={'6e65eaad7ab60ece': _TOOL_SAYS})),
    Variant('dates/t05.txt', ValueKey(frozenset({'c0ff3ffee3463cb7'}), normalizer="date", mistakes={'ee7be7ad6ad29df8': _TOOL_SAYS})),
    Variant('dates/t06.txt', ValueKey(frozenset({'4d6bf065cad73288'}), normalizer="date", mistakes={'5c54302cc26aa429': _TOOL_SAYS})),
)

EXERCISES = (
    Exercise(
        "dating.regex_dates",
        "number",
        "Warm-up: how many matches does re.findall(r\"\\b[A-Z][a-z]+\\.? \\d{1,2}\\b\", text) return for text = "
        "\"Talks began Aug. 10 and resumed Sept. 3, Dr. Lee said, after Gate 12 closed on Friday and bus No. 4 "
        "left.\"? Work it out by reading the pattern, then run it to check.",
        ValueKey(
            frozenset({"ebcfd23ec830db9f"}),
            normalizer="number",
            mistakes={
                "29ecabd71f44f3ca": "That is how many dates a reader sees. The pattern asks only for a capital, "
                "letters, maybe a full stop, a space and one or two digits: other things look like that too.",
                "6eda0025d11ac537": "Try each capitalized word followed by a space and a number, one by one.",
            },
        ),
        tier="warm-up",
        notebook=NOTEBOOK,
        section="§ 1 Dates as text, dates as values",
        hints=("List every capitalized word that is followed by a space and a number.",),
    ),
    Exercise(
        "dating.timex_types",
        "match",
        "Warm-up: TIMEX3 has four types. Match each expression to its type.",
        PairsKey(frozenset({"de2d335d299811dd", "dd323cab5de11af7", "c1aa735d01af581b", "aa50af99171a47bb",
                            "376913e7a4f0283d"}), size=5),  # fmt: skip
        tier="warm-up",
        notebook=NOTEBOOK,
        section="§ 1 Dates as text, dates as values",
        items=("yearlong", "every Monday", "the afternoon", "Aug. 10", "daily"),
        options=("DATE", "TIME", "DURATION", "SET"),
        hints=("A DATE is a day or a longer calendar period, a TIME a part of a day or a clock time, a DURATION an "
               "amount of time, a SET something that repeats.",),  # fmt: skip
    ),
    Exercise(
        "dating.may_month",
        "multi",
        "Warm-up: select the sentences in which “May” is the month.",
        SetKey(
            frozenset({"7871030f989feb11", "3c6f3a3f34c5c1cf", "a03631d278e7beba"}),
            normalizer="exact",
            mistakes={  # one hint for every wrong pick: a hint per kind would name the pick
                "e2418d9d1fbca84d": "One of your picks uses “may” as a verb: can you put “might” in its place?",
                "71a59e9e85c90c0e": "One of your picks uses “may” as a verb: can you put “might” in its place?",
                "023a2f3c2967a205": "One of your picks uses “may” as a verb: can you put “might” in its place?",
            },
        ),
        tier="warm-up",
        notebook=NOTEBOOK,
        section="§ 4 May the month, may the verb",
        options=(
            "The joint statement was signed in May.",
            "Talks may resume next week.",
            "May’s figures were the weakest in a decade.",
            "May I ask one more question?",
            "Exports rose 4 percent from May to July.",
            "It may be too late, the envoy said.",
        ),
    ),
    Exercise(
        "dating.until_thursday",
        "choice",
        "Warm-up: the course article was published on Monday, Aug. 23, 2021, and says the allies “are holding "
        "combined military drills until Thursday”. Why is that Thursday Aug. 26, not Aug. 19?",
        ValueKey(
            frozenset({"75041e71000e68fe"}),
            normalizer="exact",
            mistakes={
                "8534386d6ba7ef94": "Not always: “said Monday” in the same story is the Monday just past. The "
                "clause decides.",
                "40d833465f07daac": "The time of day does not move a weekday by a week; look at the verb.",
                "54ea1d06a0a33a9e": "Distance alone does not decide: a story can name a Thursday a week back.",
            },
        ),
        tier="warm-up",
        notebook=NOTEBOOK,
        section="§ 3 “Monday” and “until Thursday”: the tense decides",
        options=(
            "The clause says what is still going on: drills that run until a day that has not come yet.",
            "A weekday always means the next one after the publication date.",
            "The story was published in the afternoon, after Thursday's drills.",
            "Thursday Aug. 19 is more than a week before the story.",
        ),
    ),
    Exercise(
        "dating.pick_timexes",
        "multi",
        "Core: “On Monday the team, which finished second, said last month’s three-day camp in the spring may "
        "repeat; bus No. 4 left after the 5-3 win.” Select the words that are temporal expressions.",
        SetKey(
            frozenset({"bbccb1a68e828ba1", "2436f98a60307184", "51d246cf20c7bf68", "ae79e35c0e41ab81"}),
            normalizer="exact",
            mistakes={  # one hint for every wrong pick
                "57074b92fcdbc09b": "One of your picks is a number or a word that names no time.",
                "be43822734fab7c5": "One of your picks is a number or a word that names no time.",
                "3c640ad8717e49f4": "One of your picks is a number or a word that names no time.",
                "7fd7545fad4a4567": "One of your picks is a number or a word that names no time.",
            },
        ),
        tier="core",
        notebook=NOTEBOOK,
        section="§ 2 Finding temporal expressions",
        options=("Monday", "second", "last month", "No. 4", "three-day", "may", "the spring", "5-3"),
        hints=("A temporal expression names a point, a period, an amount or a repetition of time; find_timexes on "
               "the sentence is a second opinion, not the answer.",),  # fmt: skip
    ),
    Exercise(
        "dating.relative_value",
        "text",
        "Core: a story published on Sunday, Nov. 3, 2024 says prices rose “last week”. Type the TIMEX3 value of "
        "“last week” (an ISO week, like 2021-W34).",
        ValueKey(
            frozenset({"cf221c5c27bc170a"}),
            normalizer="text",
            mistakes={
                "dd1fcd6b428f0995": "That is the week the story was published in: an ISO week runs Monday to "
                "Sunday, so Nov. 3 is the last day of its week.",
                "a647c02227d9da7d": "An ISO week starts on Monday, not on Sunday: Nov. 3 ends its week.",
                "45a659377ec875fd": "Last week is a week, not a month: write it as YYYY-Www.",
            },
        ),
        tier="core",
        notebook=NOTEBOOK,
        section="§ 5 Relative periods",
        hints=("datetime.date(2024, 11, 3).isocalendar() gives the year and week of the publication day.",),
    ),
    Exercise(
        "dating.order_events",
        "order",
        "Core: a story published on Friday, March 7, 2025: “The bridge reopened Tuesday, two months after a "
        "barge struck it in early January. The council approved the repairs last month, and a ribbon-cutting is "
        "set for next Friday.” Put the events in the order they happened (or will happen).",
        PairsKey(frozenset({"f6c753c04ea61266", "73d30b2461f6b8d0", "f45dd40f4d15a179", "31e32f1d532a7d24",
                            "b626a4b5c002ba11", "4210e536133d94cc"}), size=6),  # fmt: skip
        tier="core",
        notebook=NOTEBOOK,
        section="§ 6 The story's timeline",
        options=("The bridge reopened", "A ribbon-cutting is held", "The council approved the repairs",
                 "A barge struck the bridge"),
        hints=("Resolve each expression against the publication date first: early January, last month, "
               "Tuesday, next Friday.",),  # fmt: skip
    ),
    Exercise(
        "dating.passage_weekday",
        "date",
        "Core: what date is the last weekday named in the passage below? Resolve it against the passage's "
        "Published stamp, by the tense of its clause. Type it as YYYY-MM-DD.",
        ValueKey(frozenset(), normalizer="date"),
        tier="core",
        notebook=NOTEBOOK,
        section="§ 3 “Monday” and “until Thursday”: the tense decides",
        hints=("find_timexes(read_article(passage)) resolves it; check the clause yourself: has it happened, or is "
               "it still to come?",),  # fmt: skip
        variants=_PASSAGE_WEEKDAY,
    ),
    Exercise(
        "dating.resolve_weekday",
        "code",
        "Challenge (code): write resolve_weekday(name, anchor, tense), which gives the date a weekday name means "
        "in a story published on anchor: the last such day for a past clause, the next for a future one.",
        CodeKey(
            "resolve_weekday",
            (
                CodeCase(("Thursday", "2021-08-23", "future"), "a727902b8c733651", shown="2021-08-26"),
                CodeCase(("Monday", "2021-08-23", "past"), "7dd3f3adaf7fe487", shown="2021-08-23"),
                CodeCase(("Friday", "2021-08-23", "past"), "ca588785b9d28cd6", about="the Friday before"),
                CodeCase(("Sunday", "2024-11-03", "future"), "228ff3c5cd2cf96a", about="the anchor itself"),
                CodeCase(("Monday", "2024-12-31", "future"), "c6e4436257ee26d6", about="into the next year"),
                CodeCase(("Saturday", "2024-03-01", "past"), "eae7e9f1caf79783", about="back over a leap day"),
                CodeCase(("Wednesday", "2025-03-05", "future"), "a86ae265ec3e57e2", about="the same weekday"),
            ),
            instructor_cases=weekday_cases,
        ),
        tier="challenge",
        notebook=NOTEBOOK,
        section="§ 3 “Monday” and “until Thursday”: the tense decides",
        template=_WEEKDAY_TEMPLATE,
        hints=(
            "date.fromisoformat(anchor).isoweekday() numbers the anchor's weekday from 1 (Monday) to 7.",
            "Try it on a calendar first: from a Monday, how many days back is the last Friday, and how many days "
            "forward the next one?",
        ),
    ),
    Exercise(
        "dating.duration_value",
        "code",
        "Challenge (code): write duration_value(phrase), which turns an amount of time written in words (“three "
        "years”, “a four-week course”'s “four-week”, “a day”, “weeklong”) into its TIMEX3 value.",
        CodeKey(
            "duration_value",
            (
                CodeCase(("three years",), "d28c808fa4655094", shown="P3Y"),
                CodeCase(("48 hours",), "a10c80041f26e819", shown="PT48H"),
                CodeCase(("yearlong",), "194f54c95d791129", about="a unit, then long"),
                CodeCase(("an hour",), "30147edb6fd980f8", about="“an”, and an hour takes a T"),
                CodeCase(("12 months",), "84148cc91996dc34", about="months: M, with no T"),
                CodeCase(("six-week",), "85c02254d71bec1a", about="a hyphenated number word"),
                CodeCase(("2 minutes",), "0c86c46cf9e301a5", about="minutes: M, after a T"),
                CodeCase(("ten-day",), "49d60b3ab5262c9c", about="a hyphenated number word"),
            ),
            instructor_cases=duration_cases,
        ),
        tier="challenge",
        notebook=NOTEBOOK,
        section="§ 5 Relative periods",
        template=_DURATION_TEMPLATE,
        hints=(
            "Find the number and the unit first, whatever the form; then write the value from them.",
            "Minutes and months share the letter M: only the T tells them apart.",
        ),
    ),
    Exercise(
        "dating.tool_wrong",
        "date",
        "Challenge: the course’s find_timexes gets the last weekday named in the passage below wrong. What date "
        "is it really? Type it as YYYY-MM-DD.",
        ValueKey(frozenset(), normalizer="date"),
        tier="challenge",
        notebook=NOTEBOOK,
        section="§ 7 Where the tool gets it wrong",
        hints=("Run find_timexes on the passage and read its why: which word did it take the tense from? Then read "
               "the clause as a copy editor would.",),  # fmt: skip
        variants=_TOOL_WRONG,
    ),
)
