"""Lesson 6, the capstone: the whole pipeline on an article of the learner's choice, checked and corrected.

The learner reads an article, runs every stage on it (:func:`lessons.analyze.report_for`), corrects what the
tools got wrong — speakers, temporal values, people —, and makes a fact sheet from the corrected analysis.
Corrections are saved in the answer store under :data:`lessons.factsheet.CORRECTIONS`, keyed by a hash of the
text (:func:`lessons.factsheet.text_key`), so they follow the text wherever it is read again (``lessons
factsheet FILE`` applies them too). The graded record of the work (:data:`RECORD`) says which steps are done and
what the corrected analysis and the fact sheet hold, so the grader can check both without the text:
*completion* (every step done) and *consistency* (the sheet agrees with the corrected analysis).

>>> report = {"quotes": [{"text": "We won,", "speaker": "Ana Ruiz"}], "timexes": [], "people": []}
>>> fixed = with_corrections(report, {"quotes": {"0": "Ana Ruiz-Lopez"}})
>>> fixed["quotes"][0]["speaker"], report["quotes"][0]["speaker"]
('Ana Ruiz-Lopez', 'Ana Ruiz')
"""

from __future__ import annotations

import copy
from collections import Counter
from typing import Any

from lessons.course.store import AnswerStore
from lessons.errors import LessonsError
from lessons.factsheet import CORRECTIONS, text_key

__all__ = ["RECORD", "STEPS", "check_record", "corrections_for", "mark_step", "save_corrections", "summary",
           "with_corrections"]

RECORD = "capstone.own_article"
STEPS = ("quotes", "dates", "people", "factsheet")  # each one a learner's own act: a Save, or a call
_PARTS = ("quotes", "timexes", "people")


def with_corrections(report: dict[str, Any], corrections: dict[str, Any]) -> dict[str, Any]:
    """The report with a learner's corrections applied, the original untouched.

    ``corrections`` holds, per part, the learner's edits by index: ``{"quotes": {"3": "Noh Kyu-duk"}}`` gives
    quote 3 a new speaker, ``{"timexes": {"2": "2021-08-26", "5": None}}`` a new value or (None) no timex at
    all, ``{"people": {"1": None, "4": "Choi Young-joon"}}`` drops or renames a person.
    """
    fixed = copy.deepcopy(report)
    for part, field in (("quotes", "speaker"), ("timexes", "value"), ("people", "name")):
        edits = corrections.get(part) or {}
        items = fixed.get(part, [])
        for index, value in edits.items():
            k = int(index)
            if 0 <= k < len(items):
                items[k] = None if value is None and part != "quotes" else {**items[k], field: value}
        fixed[part] = [item for item in items if item is not None]
    return fixed


def summary(report: dict[str, Any]) -> dict[str, Any]:
    """What a fact sheet shows, in a form the grader can compare: quotes per speaker, dated values, people.

    >>> summary({"quotes": [{"speaker": "Noh"}, {"speaker": "Noh"}], "timexes": [{"type": "DURATION",
    ...          "value": "P1Y"}, {"type": "DATE", "value": "2021-07"}], "people": [{"name": "Noh"}]})
    {'speakers': {'Noh': 2}, 'timeline': ['2021-07'], 'people': ['Noh']}
    """
    return {
        "speakers": dict(Counter(q.get("speaker") or "(speaker not found)" for q in report.get("quotes", []))),
        "timeline": sorted(t["value"] for t in report.get("timexes", [])
                           if t.get("type") in ("DATE", "TIME") and not t.get("dct") and str(t["value"])[:1].isdigit()),
        "people": sorted(p["name"] for p in report.get("people", [])),
    }


def corrections_for(store: AnswerStore, body: str) -> dict[str, Any]:
    """The learner's saved corrections for this text (empty when there are none, or they cannot be read)."""
    saved = store.get(CORRECTIONS)
    mine = saved.get(text_key(body)) if isinstance(saved, dict) else None
    return mine.get("edits", {}) if isinstance(mine, dict) and isinstance(mine.get("edits", {}), dict) else {}


def save_corrections(store: AnswerStore, body: str, report: dict[str, Any], part: str,
                     edits: dict[str, Any]) -> dict[str, Any]:
    """Save the edits to one part for this text and mark its step done; returns the corrected report.

    What ``lessons factsheet`` reads is saved with them: the corrected lists themselves.
    """
    if part not in _PARTS:
        raise LessonsError(f"corrections are for {', '.join(_PARTS)}, not {part!r}")
    saved = store.get(CORRECTIONS)
    table = dict(saved) if isinstance(saved, dict) else {}
    mine = dict(table.get(text_key(body)) or {})
    all_edits = {**(mine.get("edits") or {}), part: {str(k): v for k, v in edits.items()}}
    fixed = with_corrections(report, all_edits)
    table[text_key(body)] = {"edits": all_edits, **{p: fixed.get(p, []) for p in _PARTS}}
    store.save(CORRECTIONS, table)
    mark_step(store, body, {"quotes": "quotes", "timexes": "dates", "people": "people"}[part], fixed)
    return fixed


def mark_step(store: AnswerStore, body: str, step: str, report: dict[str, Any],
              sheet: dict[str, Any] | None = None) -> dict[str, Any]:
    """Record that a step is done on this text; a new text starts a new record. Returns the record."""
    if step not in STEPS:
        raise LessonsError(f"the capstone's steps are {', '.join(STEPS)}, not {step!r}")
    saved = store.get(RECORD)
    record = dict(saved) if isinstance(saved, dict) and saved.get("text") == text_key(body) else {"text": text_key(body)}
    steps = dict(record.get("steps") or {})
    steps[step] = True
    record.update(steps=steps, analysis=summary(report))
    if sheet is not None:
        record["factsheet"] = sheet
    store.save(RECORD, record)
    return record


def check_record(record: object) -> tuple[float, str, tuple[str, ...]]:
    """(score, message, hints) for a capstone record: 60% for the steps done, 40% for a consistent fact sheet.

    >>> done = {s: True for s in STEPS}
    >>> sheet = {"speakers": {"Noh": 1}, "timeline": [], "people": ["Noh"]}
    >>> check_record({"text": "ab", "steps": done, "analysis": sheet, "factsheet": sheet})[0]
    1.0
    >>> check_record({"text": "ab", "steps": {"quotes": True}, "analysis": sheet})[0]
    0.15
    """
    if not isinstance(record, dict) or not isinstance(record.get("steps"), dict):
        raise ValueError("expected the capstone's own record (saved by its notebook), not a typed answer")
    done = [s for s in STEPS if record["steps"].get(s) is True]
    missing = [s for s in STEPS if s not in done]
    score = 0.6 * len(done) / len(STEPS)
    sheet, analysis = record.get("factsheet"), record.get("analysis")
    if sheet is None:
        return round(score, 3), f"{len(done)} of {len(STEPS)} steps done; no fact sheet yet.", _hints(missing)
    differ = [part for part in ("speakers", "timeline", "people") if not isinstance(analysis, dict)
              or sheet.get(part) != analysis.get(part)]
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


def begin(article: Any, *, store: AnswerStore | None = None) -> dict[str, Any]:
    """Run every stage on the article: the tools' report, with any corrections saved for this text applied.

    It saves nothing; the steps are recorded when you save corrections and make the fact sheet.
    """
    from lessons.analyze import report_for

    return with_corrections(report_for(article), corrections_for(store or AnswerStore(), article.body))


def correct(article: Any, part: str, edits: dict[Any, Any], *, store: AnswerStore | None = None) -> dict[str, Any]:
    """Save corrections to one part ("quotes", "timexes", "people") without widgets; returns the corrected report.

    ``edits`` maps a position in the tool's list (0 for the first) to the right value, or to None for a timex
    or a person that is none: ``correct(article, "quotes", {3: "Noh Kyu-duk"})``.
    """
    from lessons.analyze import report_for

    store = store or AnswerStore()
    return save_corrections(store, article.body, report_for(article), part, edits)


def make_fact_sheet(article: Any, *, store: AnswerStore | None = None, html_path: Any = None) -> dict[str, Any]:
    """The fact sheet of the corrected analysis: records the step (with what the sheet shows) and, given a path,
    writes the sheet as one HTML page. Returns the corrected report the sheet was made from."""
    from lessons.analyze import report_for
    from lessons.factsheet import corrected, fact_sheet_html
    from lessons.network import network

    store = store or AnswerStore()
    fixed = with_corrections(report_for(article), corrections_for(store, article.body))
    if html_path is not None:
        report = corrected(report_for(article), article.body, store.get(CORRECTIONS))
        try:
            from pathlib import Path

            Path(html_path).write_text(fact_sheet_html(report, article.body, network(article)), encoding="utf-8")
        except OSError as err:
            raise LessonsError(f"cannot write the fact sheet to {html_path} ({err.strerror}): choose another file")
    mark_step(store, article.body, "factsheet", fixed, sheet=summary(fixed))
    return fixed
