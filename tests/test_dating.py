"""Lesson 4, dating: temporal expressions found and normalized to TIMEX3 against the publication date."""

from __future__ import annotations

import json
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lessons.dating import Timex, find_timexes
from lessons.errors import LessonsError
from lessons.paths import DATA_DIR
from lessons.reading import read_file

MONDAY = date(2021, 8, 23)  # the course article's day
WEDNESDAY = date(2025, 3, 5)
SATURDAY = date(2023, 8, 12)


def table(text: str, anchor: date | str | None = MONDAY) -> list[tuple[str, str, str, str | None]]:
    return [(t.text, t.type, t.value, t.mod) for t in find_timexes(text, anchor=anchor)]


@pytest.mark.parametrize(
    ("text", "anchor", "expected"),
    [
        # absolute dates in every news form
        ("It began on Aug. 10, 2021.", MONDAY, [("Aug. 10, 2021", "DATE", "2021-08-10", None)]),
        ("It began on August 10, 2021.", MONDAY, [("August 10, 2021", "DATE", "2021-08-10", None)]),
        ("It began on 10 August 2021.", MONDAY, [("10 August 2021", "DATE", "2021-08-10", None)]),
        ("It began on 2021-08-10.", MONDAY, [("2021-08-10", "DATE", "2021-08-10", None)]),
        ("Silent since Aug. 10.", MONDAY, [("Aug. 10", "DATE", "2021-08-10", None)]),
        ("Talks resume Sept. 3.", MONDAY, [("Sept. 3", "DATE", "2021-09-03", None)]),
        ("A deal was signed in Sep. 2019.", MONDAY, [("Sep. 2019", "DATE", "2019-09", None)]),
        ("The hotlines were cut in 2019.", MONDAY, [("2019", "DATE", "2019", None)]),
        ("Prices peaked in the 1990s and the ’70s.", MONDAY, [("the 1990s", "DATE", "199", None),
                                                            ("the ’70s", "DATE", "197", None)]),
        ("Sales fell in late 2022 and rose in early 2023.", MONDAY, [("late 2022", "DATE", "2022", "END"),
                                                                   ("early 2023", "DATE", "2023", "START")]),
        # months by tense
        ("He offered to meet in June.", MONDAY, [("June", "DATE", "2021-06", None)]),
        ("The law takes effect in March.", MONDAY, [("March", "DATE", "2022-03", None)]),
        ("Sales fell in December.", WEDNESDAY, [("December", "DATE", "2024-12", None)]),
        # weekdays by tense, anchors on different weekdays
        ("Kim said Monday the drills run until Thursday.", MONDAY,
         [("Monday", "DATE", "2021-08-23", None), ("Thursday", "DATE", "2021-08-26", None)]),
        ("The vote was held Tuesday.", WEDNESDAY, [("Tuesday", "DATE", "2025-03-04", None)]),
        ("The mayor will be sworn in Monday morning.", WEDNESDAY, [("Monday morning", "TIME", "2025-03-10TMO", None)]),
        ("Crews worked through Saturday night.", SATURDAY, [("Saturday night", "TIME", "2023-08-12TNI", None)]),
        ("The river crested early Saturday.", SATURDAY, [("early Saturday", "DATE", "2023-08-12", "START")]),
        ("They met last Friday and meet again next Friday.", MONDAY,
         [("last Friday", "DATE", "2021-08-20", None), ("next Friday", "DATE", "2021-08-27", None)]),
        # today and its neighbours
        ("Polls close tonight; results come tomorrow, after yesterday's rally.", WEDNESDAY,
         [("tonight", "TIME", "2025-03-05TNI", None), ("tomorrow", "DATE", "2025-03-06", None),
          ("yesterday", "DATE", "2025-03-04", None)]),
        # relative periods
        ("Last month the hotlines came back; next week talks resume.", MONDAY,
         [("Last month", "DATE", "2021-07", None), ("next week", "DATE", "2021-W35", None)]),
        ("It rained over the weekend.", MONDAY, [("the weekend", "DATE", "2021-W33-WE", None)]),
        ("Growth slowed early this year and will pick up next year.", MONDAY,
         [("early this year", "DATE", "2021", "START"), ("next year", "DATE", "2022", None)]),
        ("A deal could come by the end of the year.", MONDAY, [("the end of the year", "DATE", "2021", "END")]),
        ("The team lost three years ago and two months ago.", MONDAY,
         [("three years ago", "DATE", "2018", None), ("two months ago", "DATE", "2021-06", None)]),
        ("Revenue rose in the first quarter and the second half of 2022.", MONDAY,
         [("the first quarter", "DATE", "2021-Q1", None), ("the second half of 2022", "DATE", "2022-H2", None)]),
        ("Shipments resume in Q3 of next year.", MONDAY, [("Q3 of next year", "DATE", "2022-Q3", None)]),
        ("The pool opens this summer, as it did in the spring.", MONDAY,
         [("this summer", "DATE", "2021-SU", None), ("the spring", "DATE", "2021-SP", None)]),
        # clock times
        ("The meeting began at 4:30 p.m. and ended at 22:15.", MONDAY,
         [("4:30 p.m.", "TIME", "2021-08-23T16:30", None), ("22:15", "TIME", "2021-08-23T22:15", None)]),
        ("The levee failed at about 3 p.m. Saturday.", SATURDAY, [("about 3 p.m. Saturday", "TIME",
                                                                 "2023-08-12T15:00", "APPROX")]),
        # durations
        ("After a yearlong halt and a 10-day strike, talks lasted six hours.", MONDAY,
         [("yearlong", "DURATION", "P1Y", None), ("10-day", "DURATION", "P10D", None),
          ("six hours", "DURATION", "PT6H", None)]),
        ("The meeting ran nearly six hours; the water rose in less than 12 hours.", MONDAY,
         [("nearly six hours", "DURATION", "PT6H", "LESS_THAN"), ("less than 12 hours", "DURATION", "PT12H",
                                                                   "LESS_THAN")]),
        ("Prices rose over the past five years, a decade of gains.", MONDAY,
         [("the past five years", "DURATION", "P5Y", None), ("a decade", "DURATION", "P10Y", None)]),
        ("The 14-year-old played for five hours and 12 minutes.", MONDAY,
         [("five hours and 12 minutes", "DURATION", "PT5H12M", None)]),  # an age is no timex
        ("The strike will last another week.", MONDAY, [("another week", "DURATION", "P1W", None)]),
        # sets
        ("The branch closes on Saturdays and opens late every Monday; buses run daily.", MONDAY,
         [("Saturdays", "SET", "XXXX-WXX-6", None), ("every Monday", "SET", "XXXX-WXX-1", None),
          ("daily", "SET", "P1D", None)]),
        ("The festival returns each February.", MONDAY, [("each February", "SET", "XXXX-02", None)]),
        # references
        ("Prices are now falling; recently they rose.", MONDAY,
         [("now", "DATE", "PRESENT_REF", None), ("recently", "DATE", "PAST_REF", None)]),
        # a passive after "will be" is future; "had been set for" is a plan in the past
        ("The summit will be held on Sunday.", MONDAY, [("Sunday", "DATE", "2021-08-29", None)]),
        ("The vote had been set for Friday.", MONDAY, [("Friday", "DATE", "2021-08-20", None)]),
        ("The meeting is at noon on Tuesday.", MONDAY, [("noon on Tuesday", "TIME", "2021-08-24T12:00", None)]),
        ("It bloomed in the spring of 2022; he called late last night.", MONDAY,
         [("the spring of 2022", "DATE", "2022-SP", None), ("late last night", "TIME", "2021-08-22TNI", "END")]),
        ("Trade boomed in the 1800s and in the late 1980s.", MONDAY,
         [("the 1800s", "DATE", "18", None), ("the late 1980s", "DATE", "198", "END")]),
        ("He left the day before yesterday, after a year and a half.", MONDAY,
         [("the day before yesterday", "DATE", "2021-08-21", None), ("a year and a half", "DURATION", "P18M", None)]),
        ("Prices rose in March last year.", MONDAY, [("March last year", "DATE", "2020-03", None)]),
        # anaphora: counted from the day named last
        ("The storm hit on Aug. 10. The following day, crews arrived; that evening it rained.", MONDAY,
         [("Aug. 10", "DATE", "2021-08-10", None), ("The following day", "DATE", "2021-08-11", None),
          ("that evening", "TIME", "2021-08-11TEV", None)]),  # of the day named last
        ("A wall fell on Tuesday night. Hikers had used it that same afternoon.", MONDAY,
         [("Tuesday night", "TIME", "2021-08-17TNI", None), ("that same afternoon", "TIME", "2021-08-17TAF", None)]),
        # a clock time belongs to the day named last, however far back; past midnight it is the next day's
        ("The council voted late Tuesday. " + "Residents spoke for and against the plan at length. " * 12
         + "Comment ran past 11 p.m. The vote came at about 1 a.m.", MONDAY,
         [("late Tuesday", "DATE", "2021-08-17", "END"), ("11 p.m.", "TIME", "2021-08-17T23:00", None),
          ("about 1 a.m.", "TIME", "2021-08-18T01:00", "APPROX")]),
        # a rule's hour holds on any day
        ("The bill would bar classes after 10 p.m. for children.", MONDAY,
         [("10 p.m.", "TIME", "XXXX-XX-XXT22:00", None)]),
        # "N units after" an event is an amount of time; "N units after." counts from the day named last
        ("The council will review it a year after it opens, and staff left an hour before the call.", MONDAY,
         [("a year", "DURATION", "P1Y", None), ("an hour", "DURATION", "PT1H", None)]),
        ("The fire broke out on Aug. 10. Two days after, it was out.", MONDAY,
         [("Aug. 10", "DATE", "2021-08-10", None), ("Two days after", "DATE", "2021-08-12", None)]),
        # a number word opening a sentence; "that year" is the year of the last date that names one
        ("Three years ago it began. A week later, it ended. The past decade was calm.", MONDAY,
         [("Three years ago", "DATE", "2018", None), ("A week later", "DATE", "2021-W35", None),
          ("The past decade", "DURATION", "P10Y", None)]),
        ("Prices fell in May. That year, exports doubled.", MONDAY,
         [("May", "DATE", "2021-05", None), ("That year", "DATE", "2021", None)]),
        ("The plant opened in 2019. That same year it closed.", MONDAY,
         [("2019", "DATE", "2019", None), ("That same year", "DATE", "2019", None)]),
        # a schedule in the present plural is future
        ("Applications for the expanded grant open Feb. 1 online.", MONDAY,
         [("Feb. 1", "DATE", "2022-02-01", None)]),
    ],
)
def test_timexes(text: str, anchor: date, expected: list[tuple]) -> None:
    assert table(text, anchor) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Talks may resume soon.",  # "may" the verb
        "Protesters march on the capital.",  # "march" the verb
        "She finished second, with 3,000 votes and $2,019 raised.",  # an ordinal, a count, money
        "Call 555-2021 or visit Room 2019.",  # a phone number, a room
        "The bill passed 6-3 and the score was 78-77.",
        "Song, 81, and her son, 54, attended.",  # bare ages are no timex
        "The Fall of Rome is a long book.",  # a fall, not autumn
        "He asked, “May I come in?”",  # the verb, opening a quotation
        "Theresa May resigned.",  # a family name
    ],
)
def test_no_timex(text: str) -> None:
    assert table(text) == []


def test_a_game_s_quarter_is_no_quarter_of_the_year() -> None:
    assert table("Reno led late in the fourth quarter, and the buzzer ended the game.") == []
    assert table("Revenue rose 4% in the fourth quarter.")[0][2] == "2021-Q4"


def test_each_timex_says_what_it_counts_from_and_why() -> None:
    found = find_timexes("The storm hit on Saturday. That evening crews arrived.", anchor=date(2023, 8, 14))
    assert found[0].anchor == "dct" and "past" in found[0].why
    assert found[1].anchor == 0 and found[1].value == "2023-08-12TEV"


def test_without_an_anchor_absolute_dates_still_resolve() -> None:
    found = find_timexes("It began on Aug. 10, 2021 and ended Monday.")
    assert [(t.value, t.anchor) for t in found] == [("2021-08-10", None), ("XXXX", None)]


@pytest.mark.repo
def test_the_anchor_of_an_article_is_its_publication_date() -> None:
    article = read_file(DATA_DIR / "article.txt")
    assert [t.value for t in find_timexes(article)][:3] == ["2021-08-23", "2021-08-23", "2021-08-26"]


@pytest.mark.parametrize("bad", [None, 42, b"bytes"])
def test_refuses_what_is_not_text(bad: object) -> None:
    with pytest.raises(LessonsError):
        find_timexes(bad)  # type: ignore[arg-type]


def test_a_bad_anchor_is_one_clear_error() -> None:
    with pytest.raises(LessonsError, match="ISO date"):
        find_timexes("Monday.", anchor="next Tuesday")


_PIECES = ["Monday", "May", "may", "Aug.", "10", "2021", "last", "next", "week", "ago", "three", "years", ",", ".",
           " ", "\n", "p.m.", "5", ":", "30", "the", "spring", "until", "will", "said", "early", "quarter", "’90s"]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=40).map("".join))
def test_never_raises_and_offsets_hold(text: str) -> None:
    for t in find_timexes(text, anchor=MONDAY):
        assert isinstance(t, Timex) and text[t.start:t.end] == t.text
        assert t.type in ("DATE", "TIME", "DURATION", "SET") and t.value


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=200))
def test_never_raises_on_any_text(text: str) -> None:
    find_timexes(text, anchor=MONDAY)


@pytest.mark.repo
@pytest.mark.parametrize("path", sorted((DATA_DIR / "gold").glob("*.json")), ids=lambda p: p.stem)
def test_development_gold_is_mostly_found_with_its_value(path) -> None:
    gold = json.loads(path.read_text(encoding="utf-8"))
    article = read_file(DATA_DIR / gold["file"])
    found = {(t.text, t.value) for t in find_timexes(article, anchor=gold.get("published") or gold["reference"])}
    right = sum((g["text"], g["value"]) in found for g in gold["timexes"])
    assert right >= 0.85 * len(gold["timexes"]), f"{right} of {len(gold['timexes'])} timexes found with their value"


# --- the timeline ----------------------------------------------------------------------------------


def test_timeline_orders_events_and_lists_the_rest_beside_it() -> None:
    from lessons.timeline import describe_timeline, timeline, timeline_chart

    text = ("Drills run until Thursday. The summit collapsed in 2019, after a yearlong thaw. "
            "Hotlines came back last month. Prices are now falling.")
    events, beside = timeline(text, anchor=MONDAY)
    assert [e.timex.value for e in events] == ["2019", "2021-07", "2021-08-26"]
    assert all(text[e.start:e.end] == e.clause and e.timex.start >= e.start for e in events)
    assert events[0].clause == "The summit collapsed in 2019"
    assert [t.text for t in beside] == ["yearlong", "now"]
    axes = timeline_chart(events).axes[0]
    assert len(axes.patches) == 3 and axes.get_title() and axes.get_xlabel()
    assert describe_timeline(events).startswith("Timeline of 3 dated events, from 2019 to 2021-08-26")


@pytest.mark.parametrize(("value", "first", "last"), [
    ("2021-08-23TAF", date(2021, 8, 23), date(2021, 8, 23)), ("2021-W34-WE", date(2021, 8, 28), date(2021, 8, 29)),
    ("2021-Q3", date(2021, 7, 1), date(2021, 9, 30)), ("2022-H2", date(2022, 7, 1), date(2022, 12, 31)),
    ("2021-WI", date(2021, 12, 1), date(2022, 2, 28)), ("2024-02", date(2024, 2, 1), date(2024, 2, 29)),
])
def test_the_period_a_value_covers(value: str, first: date, last: date) -> None:
    from lessons.timeline import period

    assert period(value) == (first, last)


def test_the_timeline_refuses_what_is_not_text() -> None:
    from lessons.timeline import timeline

    with pytest.raises(LessonsError, match="reads an Article or a str"):
        timeline(42)  # type: ignore[arg-type]


# --- the recognizers behind a lookahead find what the plain patterns find ----------------------------------

_TIME_WORDS = ["in", "on", "May", "March", "Monday", "the", "past", "two", "12", "2019", "years", "ago", "about",
               "p.m.", "10:30", "early", "next", "week", "’90s", "Q3", "every", "noon", "a", "half", "hour", "-old",
               "Theresa", "spring", "decade", "later", "."]


def _shipped_passages() -> list[str]:
    from importlib.resources import files
    root = files("lessons") / "data" / "passages"
    return [p.read_text(encoding="utf-8") for d in root.iterdir() if d.is_dir() for p in d.iterdir()
            if p.name.endswith(".txt")]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_TIME_WORDS), max_size=30), st.sampled_from([" ", "-", ", ", "\n"]))
def test_anchored_recognizers_match_exactly_what_the_plain_ones_do(words, glue):
    import re

    from lessons._regex import anchored
    from lessons._timex_scan import _RECOGNIZERS
    texts = [glue.join(words)] + _shipped_passages()[:40]
    for kind, pattern in _RECOGNIZERS:
        plain, fast = re.compile(pattern), anchored(pattern)
        for text in texts:
            assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)], kind


@pytest.mark.parametrize(("text", "expected"), [
    # a weekday that opens the sentence takes the tense of the clause after its comma
    ("On Friday, the minister is scheduled to visit the port.", ("Friday", "2026-11-20")),
    ("On Friday, the minister visited the port.", ("Friday", "2026-11-13")),
    # "through" that is no deadline ("seeping through cracks") says nothing of the future
    ("Inspectors found water seeping through cracks in August, the ministry said.", ("August", "2026-08")),
    # a word between the number and the unit: "three straight years", "40 working days"
    ("The club lost for three straight years.", ("three straight years", "P3Y")),
    ("A reply is due within 40 working days.", ("40 working days", "P40D")),
])
def test_clauses_and_counts_news_writes(text, expected):
    assert expected in [(t.text, t.value) for t in find_timexes(text, anchor="2026-11-19")]


_CLOCK_WORDS = ["5", "a.m.", "p.m.", "10:30", "noon", "Monday", "Q3", "H1", "the", "end", "of", "year", "’90s",
                "weekend", "fall", "and", "a", "half", "14-year-old", "another", "week", "daily", "each", "May"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_TIME_WORDS + _CLOCK_WORDS), max_size=30), st.sampled_from([" ", ", ", "\n"]))
def test_skipping_recognizers_whose_words_are_absent_changes_nothing(words, glue):
    import lessons._timex_scan as scanning
    texts = [glue.join(words), glue.join(words).upper()] + _shipped_passages()[:40]
    gated = [scanning.scan(text) for text in texts]
    needs, periods = scanning._NEEDS, scanning._NEEDS_OF_PERIODS
    try:
        scanning._NEEDS, scanning._NEEDS_OF_PERIODS = {}, (None, None)
        assert [scanning.scan(text) for text in texts] == gated
    finally:
        scanning._NEEDS, scanning._NEEDS_OF_PERIODS = needs, periods


@pytest.mark.parametrize(("text", "expected"), [
    # a conditional's present passive ("if no deal is reached") is not past
    ("The union said it would hold a rally on Dec. 12 if no deal is reached.", ("Dec. 12", "2026-12-12")),
    # "since" after the date belongs to another time ("since June"), not to the date's clause
    ("The envoys are scheduled to meet in Tokyo on Saturday for their first talks since June.",
     ("Saturday", "2026-12-05")),
    # a clock time in a past clause is not on a future day named in the sentence before
    ("Envoys will meet on Saturday. The missile was launched at around 7:42 a.m. from the coast.",
     ("around 7:42 a.m.", "2026-12-03T07:42")),
    # British clock times with a point
    ("The water rose at about 3.40pm, firefighters said.", ("about 3.40pm", "2026-12-03T15:40")),
    ("More rain is forecast for the weekend.", ("the weekend", "2026-W49-WE")),
])
def test_tense_and_clock_cues_from_news_english(text, expected):
    assert expected in [(t.text, t.value) for t in find_timexes(text, anchor="2026-12-03")]


@pytest.mark.parametrize(("text", "expected"), [
    ("The group grew to more than 1,500 members by Tuesday afternoon.", ("Tuesday afternoon", "2026-11-17TAF")),
    ("Nobody came to count the damage until Friday.", ("Friday", "2026-11-13")),
    ("The deal will be signed by Friday.", ("Friday", "2026-11-20")),
    ("They did the boring things right, starting back in March.", ("March", "2026-03")),
    ("We want to be the last team standing in November.", ("November", "2026-11")),
    ("Drills will be repeated every six months.", ("every six months", "P6M")),
])
def test_deadlines_governed_by_a_past_verb_and_other_news_cues(text, expected):
    assert expected in [(t.text, t.value) for t in find_timexes(text, anchor="2026-11-18")]


def test_an_age_is_no_timex():
    assert find_timexes("The 19-year-old scored twice.", anchor="2026-11-18") == []


@pytest.mark.parametrize(("text", "expected"), [
    ("The storm was likely to develop by Thursday, bringing rain from Friday to Sunday.", ("Sunday", "2027-10-17")),
    ("The storm was likely to develop by Thursday, bringing rain from Friday to Sunday.", ("Thursday", "2027-10-14")),
    ("Ash deposited since the eruption began in July could be washed down.", ("July", "2027-07")),
    ("The centers open in the second half of the year.", ("the second half of the year", "2027-H2")),
])
def test_likely_inherited_and_happened_in(text, expected):
    assert expected in [(t.text, t.value) for t in find_timexes(text, anchor="2027-10-12")]
