"""The capstone's editors: a thin ipywidgets layer over :mod:`lessons.capstone` to check and correct a report.

Each editor shows one part of the tools' analysis of the learner's article — the speaker of every quote, the
value of every temporal expression, every person — as labelled fields filled with what the tools found. "Save"
keeps the fields the learner changed (by their position in the tools' list) in the answer store, keyed by a
hash of the text, and records the step. Without widgets, :func:`lessons.capstone.correct` does the same.
"""

from __future__ import annotations

import html
from typing import Any
from collections.abc import Callable

import ipywidgets as w

from lessons.capstone import corrections_for, save_corrections
from lessons.course.store import AnswerStore
from lessons.errors import LessonsError

__all__ = ["fact_sheet_button", "people_editor", "quote_editor", "timex_editor"]

_WIDE = {"description_width": "initial"}


def _clip(text: str, width: int = 110) -> str:
    return f"{text[:width]}{'…' if len(text) > width else ''}"


def _editor(title: str, rows: list[w.Widget], read: Callable[[], dict[str, Any]], save: Callable[[dict], str]) -> w.VBox:
    status = w.HTML(value="", layout=w.Layout(min_height="1.5em"))
    button = w.Button(description="Save corrections", tooltip=f"Save your corrections to the {title}",
                      button_style="primary")

    def on_click(_: object) -> None:
        try:
            status.value = f'<span role="status">{html.escape(save(read()))}</span>'
        except LessonsError as err:  # a full store, a file that cannot be written: one line, answers kept
            status.value = f'<span role="status">Not saved: {html.escape(str(err))}</span>'

    button.on_click(on_click)
    heading = w.HTML(f"<b>{html.escape(title.capitalize())}</b> — change what is wrong, then save.")
    return w.VBox([heading, *rows, w.HBox([button, status])])


def _changed(fields: dict[str, Any], found: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in fields.items() if v != found.get(k)}


def quote_editor(article: Any, report: dict[str, Any], *, store: AnswerStore | None = None) -> w.VBox:
    """One text field per quote, holding its speaker; "(speaker not found)" when the tools found none."""
    store = store or AnswerStore()
    saved = corrections_for(store, article.body).get("quotes", {})
    found = {str(k): q.get("speaker") or "" for k, q in enumerate(report["quotes"])}
    rows, fields = [], {}
    for k, quote in enumerate(report["quotes"]):
        value = saved.get(str(k), found[str(k)]) or ""
        fields[str(k)] = w.Text(value=value, description=f"Quote {k + 1}, speaker:", placeholder="(speaker not found)",
                                style=_WIDE, layout=w.Layout(width="60%"))
        rows += [w.HTML(f"<blockquote>“{html.escape(_clip(quote['text']))}”</blockquote>"), fields[str(k)]]

    def save(values: dict[str, Any]) -> str:
        edits = _changed(values, found)
        save_corrections(store, article.body, report, "quotes", {k: v or None for k, v in edits.items()})
        return f"Saved: {len(edits)} speaker(s) corrected; step “quotes” done."

    return _editor("speakers of the quotes", rows, lambda: {k: f.value.strip() for k, f in fields.items()}, save)


def timex_editor(article: Any, report: dict[str, Any], *, store: AnswerStore | None = None) -> w.VBox:
    """One value field per temporal expression, and a box to tick when it is no temporal expression."""
    store = store or AnswerStore()
    saved = corrections_for(store, article.body).get("timexes", {})
    found = {str(k): t["value"] for k, t in enumerate(report["timexes"]) if not t.get("dct")}
    rows, fields, drops = [], {}, {}
    for k, timex in enumerate(report["timexes"]):
        if timex.get("dct"):
            continue
        key = str(k)
        now = saved.get(key, found[key])
        fields[key] = w.Text(value=now or found[key], description=f"“{_clip(timex['text'], 40)}” ({timex['type']}):",
                             style=_WIDE, layout=w.Layout(width="60%"))
        drops[key] = w.Checkbox(value=key in saved and saved[key] is None, indent=False,
                                description=f"“{_clip(timex['text'], 40)}” is no temporal expression")
        rows.append(w.HBox([fields[key], drops[key]]))

    def read() -> dict[str, Any]:
        return {k: None if drops[k].value else f.value.strip() for k, f in fields.items()}

    def save(values: dict[str, Any]) -> str:
        edits = _changed(values, found)
        save_corrections(store, article.body, report, "timexes", edits)
        return f"Saved: {len(edits)} value(s) corrected or dropped; step “dates” done."

    return _editor("values of the temporal expressions", rows, read, save)


def people_editor(article: Any, report: dict[str, Any], *, store: AnswerStore | None = None) -> w.VBox:
    """One name field per person the tools found, and a box to untick when it names no person."""
    store = store or AnswerStore()
    saved = corrections_for(store, article.body).get("people", {})
    found = {str(k): p["name"] for k, p in enumerate(report["people"])}
    rows, fields, keeps = [], {}, {}
    for k, person in enumerate(report["people"]):
        key = str(k)
        fields[key] = w.Text(value=saved.get(key) or found[key], description=f"Person {k + 1}:", style=_WIDE,
                             layout=w.Layout(width="45%"))
        keeps[key] = w.Checkbox(value=not (key in saved and saved[key] is None), indent=False,
                                description=f"“{_clip(person['name'], 40)}” is a person")
        rows.append(w.HBox([fields[key], keeps[key]]))

    def read() -> dict[str, Any]:
        return {k: f.value.strip() if keeps[k].value else None for k, f in fields.items()}

    def save(values: dict[str, Any]) -> str:
        edits = _changed(values, found)
        save_corrections(store, article.body, report, "people", edits)
        return f"Saved: {len(edits)} person(s) renamed or dropped; step “people” done."

    return _editor("people", rows, read, save)


def fact_sheet_button(article: Any, *, store: AnswerStore | None = None, html_path: str = "fact_sheet.html") -> w.VBox:
    """A button that makes the fact sheet of the corrected analysis, writes it as one HTML page, and records it."""
    from lessons.capstone import make_fact_sheet

    status = w.HTML(value="", layout=w.Layout(min_height="1.5em"))
    button = w.Button(description="Make my fact sheet", tooltip=f"Write {html_path} from your corrected analysis",
                      button_style="primary")

    def on_click(_: object) -> None:
        try:
            make_fact_sheet(article, store=store or AnswerStore(), html_path=html_path)
            status.value = (f'<span role="status">Written to {html.escape(html_path)} (open it beside this notebook); '
                            "step “factsheet” done.</span>")
        except LessonsError as err:
            status.value = f'<span role="status">Not made: {html.escape(str(err))}</span>'

    button.on_click(on_click)
    return w.VBox([w.HBox([button, status])])
