"""Lesson 6, the capstone: the whole pipeline on an article of the learner's choice, checked and corrected.

The learner reads an article, runs every stage on it (:func:`begin`), corrects what the tools got wrong —
speakers, temporal values, people — and makes a fact sheet from the corrected analysis. A correction names an
item by its number in the tools' list, as the editors show it (1 for the first; the Published stamp is not
numbered), so it always means the same item however many others were corrected.

Two things are saved in the answer store. Under :data:`lessons.factsheet.CORRECTIONS`, keyed by a hash of the
text (:func:`lessons.factsheet.text_key`), the corrected lists, which ``lessons factsheet FILE`` applies. Under
:data:`RECORD`, the graded record: the article's body and date, the corrections, the steps done and what the
fact sheet showed. The grader trusts none of its conclusions: it runs the pipeline on that body again, applies
the corrections, and checks that the sheet agrees (*consistency*) and that every step was done (*completion*).

>>> report = {"quotes": [{"text": "We won,", "speaker": "Ana Ruiz"}], "timexes": [], "people": []}
>>> fixed = with_corrections(report, {"quotes": {"0": "Ana Ruiz-Lopez"}})
>>> fixed["quotes"][0]["speaker"], report["quotes"][0]["speaker"]
('Ana Ruiz-Lopez', 'Ana Ruiz')
"""

from __future__ import annotations

import copy
import re
from collections import Counter
from datetime import date
from typing import Any

from lessons.course.store import AnswerStore
from lessons.errors import LessonsError
from lessons.factsheet import CORRECTIONS, text_key

__all__ = ["RECORD", "STEPS", "begin", "check_record", "correct", "corrections_for", "make_fact_sheet", "numbered",
           "save_corrections", "summary", "timex_value_problem", "with_corrections"]

RECORD = "capstone.own_article"
STEPS = ("quotes", "dates", "people", "factsheet")  # each one a learner's own act: a Save, or a call
PARTS = {"quotes": "speaker", "timexes": "value", "people": "name"}
_STEP_OF = {"quotes": "quotes", "timexes": "dates", "people": "people"}
_VALUE = re.compile(
    r"\d{2,3}|\d{4}(?:-(?:\d\d(?:-\d\d)?|W\d\d(?:-WE)?|Q[1-4]|H[12]|SP|SU|FA|WI))?(?:T(?:\d\d:\d\d|MO|AF|EV|NI))?"
    r"|P(?:\d+(?:\.\d+)?[YMWD])*(?:T(?:\d+(?:\.\d+)?[HMS])+)?|(?:PRESENT|PAST|FUTURE)_REF"
    r"|XXXX(?:-(?:\d\d|XX|WXX)(?:-(?:\d\d|XX|[1-7]))?)?(?:T(?:\d\d:\d\d|MO|AF|EV|NI))?|XXXX-(?:SP|SU|FA|WI)")


def timex_value_problem(value: str) -> str | None:
    """Why a typed value is no TIMEX3 value (None when it is one).

    >>> timex_value_problem("2021-08-26"), timex_value_problem("P2W"), timex_value_problem("2021-13-45")
    (None, None, 'no calendar has 2021-13-45')
    """
    if not _VALUE.fullmatch(value) or value == "P":
        return f"{value!r} is no TIMEX3 value: write it like 2021-08-26, 2021-08, 2021-W34, 2021-SU, P2D or PT3H"
    day = re.match(r"(\d{4})-(\d\d)(?:-(\d\d))?(?!\d)", value)
    week = re.match(r"\d{4}-W(\d\d)", value)
    try:
        if day:
            date(int(day[1]), int(day[2]), int(day[3] or 1))
    except ValueError:
        return f"no calendar has {value}"
    if week and not 1 <= int(week[1]) <= 53:
        return f"no year has week {week[1]}"
    return None


def numbered(report: dict[str, Any], part: str) -> list[tuple[int, dict[str, Any]]]:
    """(editor number, item) for one part of the tools' report: from 1, the Published stamp left out."""
    items = [(k, item) for k, item in enumerate(report.get(part, [])) if not item.get("dct")]
    return [(n, item) for n, (_, item) in enumerate(items, 1)]


def with_corrections(report: dict[str, Any], corrections: dict[str, Any]) -> dict[str, Any]:
    """The report with a learner's corrections applied, the original untouched.

    ``corrections`` holds, per part, new values by position in the tools' list: ``{"quotes": {"3": "Noh
    Kyu-duk"}}`` gives that quote a new speaker, ``{"timexes": {"2": "2021-08-26", "5": None}}`` a new value or
    (None) no timex at all, ``{"people": {"1": None, "4": "Choi Young-joon"}}`` drops or renames a person.
    """
    fixed = copy.deepcopy(report)
    for part, field in PARTS.items():
        edits = corrections.get(part) or {}
        items = fixed.get(part, [])
        for index, value in edits.items():
            k = int(index)
            if 0 <= k < len(items):
                items[k] = None if value is None and part != "quotes" else {**items[k], field: value}
        fixed[part] = [item for item in items if item is not None]
    return fixed


def corrected_ties(ties: list[Any], report: dict[str, Any], corrections: dict[str, Any]) -> list[Any]:
    """The network's ties with the learner's people corrections: a renamed person under the new name, a dropped
    one (no person at all) out of the network, and pairs that now name one actor twice merged.

    >>> from lessons.network import Tie
    >>> report = {"people": [{"name": "Kim"}, {"name": "Hanbit Motors"}]}
    >>> corrected_ties([Tie("Kim", "Hanbit Motors", 2), Tie("Kim", "Seoul", 1)], report,
    ...                {"people": {"0": "Sung Kim", "1": None}})
    [Tie(first='Sung Kim', second='Seoul', sentences=1)]
    """
    from lessons.network import Tie

    people = report.get("people", [])
    renamed: dict[str, str | None] = {}
    for index, value in (corrections.get("people") or {}).items():
        if 0 <= int(index) < len(people):
            renamed[people[int(index)]["name"]] = value
    weights: Counter[tuple[str, str]] = Counter()
    for tie in ties:
        first, second = (renamed.get(name, name) for name in (tie.first, tie.second))
        if first is not None and second is not None and first != second:
            weights[(first, second)] += tie.sentences
    return [Tie(a, b, n) for (a, b), n in sorted(weights.items(), key=lambda item: -item[1])]


def corrected_network(article: Any, *, store: AnswerStore | None = None) -> list[Any]:
    """Who is named with whom in the article, with your saved people corrections applied (see corrected_ties)."""
    from lessons.network import network

    store = store or AnswerStore()
    return corrected_ties(network(article), _tools(article), corrections_for(store, article.body))


def summary(report: dict[str, Any]) -> dict[str, Any]:
    """What a fact sheet shows, in a form the grader can compare: quotes per speaker, dated values, people.

    >>> summary({"quotes": [{"speaker": "Noh"}, {"speaker": "Noh"}], "timexes": [{"type": "DURATION",
    ...          "value": "P1Y"}, {"type": "DATE", "value": "2021-07"}], "people": [{"name": "Noh"}]})
    {'speakers': {'Noh': 2}, 'timeline': ['2021-07'], 'people': ['Noh']}
    """
    return {
        "speakers": dict(Counter(q.get("speaker") or "(speaker not found)" for q in report.get("quotes", []))),
        "timeline": sorted(str(t["value"]) for t in report.get("timexes", [])
                           if t.get("type") in ("DATE", "TIME") and not t.get("dct") and str(t["value"])[:1].isdigit()),
        "people": sorted(p["name"] for p in report.get("people", [])),
    }


def _tools(article: Any) -> dict[str, Any]:
    from lessons.analyze import report_for

    return report_for(article)


def corrections_for(store: AnswerStore, body: str) -> dict[str, Any]:
    """The learner's saved corrections for this text, by position (empty when none, or unreadable)."""
    saved = store.get(CORRECTIONS)
    mine = saved.get(text_key(body)) if isinstance(saved, dict) else None
    return mine.get("edits", {}) if isinstance(mine, dict) and isinstance(mine.get("edits", {}), dict) else {}


def begin(article: Any, *, store: AnswerStore | None = None) -> dict[str, Any]:
    """The tools' report on the article with your saved corrections applied. It saves nothing."""
    return with_corrections(_tools(article), corrections_for(store or AnswerStore(), article.body))


def save_corrections(store: AnswerStore, article: Any, part: str, edits: dict[int, Any]) -> dict[str, Any]:
    """Save the corrections to one part, by position in the tools' list, replacing that part's earlier ones.

    Returns the corrected report. Records the step; what ``lessons factsheet`` reads is saved with them.
    """
    if part not in PARTS:
        raise LessonsError(f"corrections are for {', '.join(PARTS)}, not {part!r}")
    if part == "timexes":
        for value in edits.values():
            if value is not None and (problem := timex_value_problem(str(value))):
                raise LessonsError(f"{problem}; nothing was saved")
    body, saved = article.body, store.get(CORRECTIONS)
    table = dict(saved) if isinstance(saved, dict) else {}
    mine = dict(table.get(text_key(body)) or {})
    all_edits = {**(mine.get("edits") or {}), part: {str(k): v for k, v in edits.items()}}
    fixed = with_corrections(_tools(article), all_edits)
    table[text_key(body)] = {"edits": all_edits, **{p: fixed.get(p, []) for p in PARTS}}
    store.save(CORRECTIONS, table)
    _record(store, article, _STEP_OF[part], all_edits)
    return fixed


def correct(article: Any, part: str, edits: dict[Any, Any], *, store: AnswerStore | None = None) -> dict[str, Any]:
    """Save corrections to one part ("quotes", "timexes", "people") without widgets; returns the corrected report.

    ``edits`` maps an item's number, as the editors show it (1 for the first), to the right value, or to None
    for a timex or a person that is none: ``correct(article, "quotes", {3: "Noh Kyu-duk"})``. The edits replace
    the part's earlier ones, as a Save in its editor does.
    """
    store = store or AnswerStore()
    listed = numbered(_tools(article), part) if part in PARTS else []
    positions = {n: k for (n, _), k in zip(listed, _positions(_tools(article), part))}
    by_position = {}
    for number, value in edits.items():
        if not isinstance(number, int) or number not in positions:
            raise LessonsError(f"there is no {part[:-1] if part != 'people' else 'person'} {number!r}: the editor "
                               f"numbers them 1 to {len(listed)}")
        by_position[positions[number]] = value
    return save_corrections(store, article, part, by_position)


def _positions(report: dict[str, Any], part: str) -> list[int]:
    return [k for k, item in enumerate(report.get(part, [])) if not item.get("dct")]


def make_fact_sheet(article: Any, *, store: AnswerStore | None = None, html_path: Any = None) -> dict[str, Any]:
    """The fact sheet of the corrected analysis: records the step (with what the sheet shows) and, given a path,
    writes the sheet as one HTML page. Returns the corrected report the sheet was made from."""
    from pathlib import Path

    from lessons.factsheet import fact_sheet_html

    store = store or AnswerStore()
    edits = corrections_for(store, article.body)
    fixed = with_corrections(_tools(article), edits)
    if html_path is not None:
        try:
            ties = corrected_network(article, store=store)
            Path(html_path).write_text(fact_sheet_html(fixed, article.body, ties), encoding="utf-8")
        except OSError as err:
            raise LessonsError(f"cannot write the fact sheet to {html_path} ({err.strerror}): pass "
                               "html_path= a file in a folder you can write to") from None
    _record(store, article, "factsheet", edits, sheet=summary(fixed))
    return fixed


def _record(store: AnswerStore, article: Any, step: str, edits: dict[str, Any],
            sheet: dict[str, Any] | None = None) -> dict[str, Any]:
    """Record a step done on this text (a new text starts a new record), with what the grader re-checks."""
    saved = store.get(RECORD)
    key = text_key(article.body)
    record = dict(saved) if isinstance(saved, dict) and saved.get("text") == key else {"text": key}
    published = article.published.isoformat() if article.published else None
    record.update(article={"body": article.body, "published": published}, edits=edits,
                  steps={**(record.get("steps") or {}), step: True})
    if sheet is not None:
        record["factsheet"] = sheet
    store.save(RECORD, record)
    return record


def check_record(record: object) -> tuple[float, str, tuple[str, ...]]:
    """(score, message, hints) for a capstone record: 60% for the steps done, 40% for a consistent fact sheet.

    The pipeline runs again on the record's article and the corrections are applied again: a sheet that does
    not follow from them earns nothing for consistency, whatever the record says.
    """
    from lessons.reading import read_article

    if not isinstance(record, dict) or not isinstance(record.get("steps"), dict) or \
            not isinstance(record.get("article"), dict) or not isinstance(record["article"].get("body"), str):
        raise ValueError("expected the capstone's own record, saved by its steps (§ 3–6), not a typed answer")
    body, published = record["article"]["body"], record["article"].get("published")
    if record.get("text") != text_key(body):
        raise ValueError("the record's article and its fingerprint differ: redo the steps on one article")
    done = [s for s in STEPS if record["steps"].get(s) is True]
    missing = [s for s in STEPS if s not in done]
    score = 0.6 * len(done) / len(STEPS)
    if record.get("factsheet") is None:
        return round(score, 3), f"{len(done)} of {len(STEPS)} steps done; no fact sheet yet.", _hints(missing)
    edits = record.get("edits") if isinstance(record.get("edits"), dict) else {}
    article = read_article(body, text_only=True, published=published)
    expected = summary(with_corrections(_tools(article), edits))
    differ = [part for part in ("speakers", "timeline", "people") if record["factsheet"].get(part) != expected[part]]
    if differ:
        return (round(score, 3), f"The fact sheet does not agree with your corrected analysis ({', '.join(differ)}): "
                "make it again after your last correction.", _hints(missing))
    score += 0.4
    if missing:
        return round(score, 3), f"The fact sheet agrees with your analysis; still to do: {', '.join(missing)}.", \
            _hints(missing)
    return 1.0, "Every step done, and the fact sheet agrees with your corrected analysis.", ()


def _hints(missing: list[str]) -> tuple[str, ...]:
    where = {"quotes": "§ 3", "dates": "§ 4", "people": "§ 5", "factsheet": "§ 6"}
    return tuple(f"Do {where[s]} ({s}) in 06_capstone, on the same article." for s in missing)
