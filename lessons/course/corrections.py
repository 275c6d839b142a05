"""The capstone's editors: a thin ipywidgets layer over :mod:`lessons.capstone` to check and correct the tools.

Each editor lists one part of the tools' analysis of the learner's article — the speaker of every quote, the
value of every temporal expression, every person — numbered from 1 as :func:`lessons.capstone.correct` numbers
them, each field filled with the learner's saved correction or else with what the tools found. "Save" keeps
every field that differs from the tools (a correction always names the tools' item, so corrections never shift),
and records the step. Without widgets, :func:`lessons.capstone.correct` does the same.
"""

from __future__ import annotations

import html
from typing import Any
from collections.abc import Callable

import ipywidgets as w

from lessons.analyze import report_for
from lessons.capstone import corrections_for, make_fact_sheet, numbered, save_corrections
from lessons.course.store import AnswerStore
from lessons.errors import LessonsError

__all__ = ["fact_sheet_button", "people_editor", "quote_editor", "timex_editor"]

_WIDE = {"description_width": "initial"}
SHOWN = 150  # items an editor lists; a longer text's later items are corrected with correct(), by number


class Editor(w.VBox):
    """An editor, with a plain-text fallback that says how to correct without widgets."""

    def __init__(self, children: list[w.Widget], fallback: str) -> None:
        super().__init__(children)
        self.fallback = fallback

    def _repr_mimebundle_(self, **kwargs: Any) -> dict[str, Any] | None:
        bundle = super()._repr_mimebundle_(**kwargs)
        if bundle is not None:
            bundle["text/plain"] = self.fallback
        return bundle

    def __repr__(self) -> str:
        return self.fallback


def _editor(part: str, what: str, rows: list[w.Widget], read: Callable[[], dict[int, Any]],
            save: Callable[[dict[int, Any]], str], example: str, total: int = 0) -> Editor:
    if total > SHOWN:
        rows = [*rows, w.HTML(f"<p>… and {total - SHOWN:,} more, not listed here: correct them in code, "
                              f"<code>correct(article, {part!r}, {{{SHOWN + 1}: …}})</code>.</p>")]
    status = w.HTML(value="", layout=w.Layout(min_height="1.5em"))
    button = w.Button(description=f"Save {what}", tooltip=f"Save your corrections to the {what}",
                      button_style="primary", layout=w.Layout(width="auto"))

    def on_click(_: object) -> None:
        try:
            status.value = f'<span role="status">{html.escape(save(read()))}</span>'
        except LessonsError as err:  # a full store, an impossible date: one line, the saved answers kept
            status.value = f'<span role="status" style="color:#b00020">⚠ Not saved: {html.escape(str(err))}</span>'

    button.on_click(on_click)
    heading = w.HTML(f"<b>The {html.escape(what)}</b> — change what is wrong, then save.")
    fallback = f"[editor: the {what}] No widgets? Correct in code: correct(article, {part!r}, {example})"
    return Editor([heading, *rows, w.HBox([button, status])], fallback)


def _saved(store: AnswerStore, article: Any, part: str) -> dict[int, Any]:
    return {int(k): v for k, v in corrections_for(store, article.body).get(part, {}).items() if str(k).isdigit()}


def quote_editor(article: Any, *, store: AnswerStore | None = None) -> Editor:
    """One text field per quote, holding its speaker; empty when the tools found none."""
    store = store or AnswerStore()
    tools = report_for(article)
    saved = _saved(store, article, "quotes")
    rows, fields = [], {}
    for position, (number, quote) in list(enumerate(numbered(tools, "quotes")))[:SHOWN]:
        value = saved.get(position, quote.get("speaker")) or ""
        fields[position] = (quote.get("speaker") or "", w.Text(
            value=value, description=f"Quote {number}, speaker:", placeholder="(speaker not found)", style=_WIDE,
            layout=w.Layout(width="60%")))
        rows += [w.HTML(f"<blockquote>{number}. “{html.escape(quote['text'])}”</blockquote>"), fields[position][1]]

    def read() -> dict[int, Any]:
        return {k: (f.value.strip() or None) for k, (found, f) in fields.items() if f.value.strip() != found}

    def save(edits: dict[int, Any]) -> str:
        unlisted = {k: v for k, v in saved.items() if k not in fields}  # corrected in code, past the list
        save_corrections(store, article, "quotes", {**unlisted, **edits})
        return f"Saved: {len(edits)} speaker(s) differ from the tools'; step “quotes” done."

    return _editor("quotes", "speakers", rows, read, save, '{3: "Full Name"}', len(tools["quotes"]))


def timex_editor(article: Any, *, store: AnswerStore | None = None) -> Editor:
    """One value field per temporal expression, and a box to tick when it is no temporal expression."""
    store = store or AnswerStore()
    tools = report_for(article)
    saved = _saved(store, article, "timexes")
    positions = [k for k, t in enumerate(tools["timexes"]) if not t.get("dct")]
    rows, fields = [], {}
    for position, (number, timex) in list(zip(positions, numbered(tools, "timexes")))[:SHOWN]:
        now = saved.get(position, timex["value"])
        text = w.Text(value=now or timex["value"], description=f"{number}. “{timex['text']}” ({timex['type']}):",
                      style=_WIDE, layout=w.Layout(width="auto"))
        drop = w.Checkbox(value=position in saved and saved[position] is None, indent=False,
                          description=f"{number} is no temporal expression", layout=w.Layout(width="auto"))
        fields[position] = (timex["value"], text, drop)
        rows.append(w.HBox([text, drop]))

    def read() -> dict[int, Any]:
        values = {k: None if drop.value else text.value.strip() for k, (_, text, drop) in fields.items()}
        return {k: v for k, v in values.items() if v != fields[k][0]}

    def save(edits: dict[int, Any]) -> str:
        unlisted = {k: v for k, v in saved.items() if k not in fields}  # corrected in code, past the list
        save_corrections(store, article, "timexes", {**unlisted, **edits})
        return f"Saved: {len(edits)} value(s) differ from the tools'; step “dates” done."

    return _editor("timexes", "dates", rows, read, save, '{5: "2023-08-13", 9: None}', len(positions))


def people_editor(article: Any, *, store: AnswerStore | None = None) -> Editor:
    """One name field per person the tools found, and a box to untick when it names no person."""
    store = store or AnswerStore()
    tools = report_for(article)
    saved = _saved(store, article, "people")
    rows, fields = [], {}
    for position, (number, person) in list(enumerate(numbered(tools, "people")))[:SHOWN]:
        text = w.Text(value=saved.get(position) or person["name"], description=f"Person {number}:", style=_WIDE,
                      layout=w.Layout(width="45%"))
        keep = w.Checkbox(value=not (position in saved and saved[position] is None), indent=False,
                          description=f"person {number} is a person", layout=w.Layout(width="auto"))
        fields[position] = (person["name"], text, keep)
        rows.append(w.HBox([text, keep]))

    def read() -> dict[int, Any]:
        values = {k: text.value.strip() if keep.value else None for k, (_, text, keep) in fields.items()}
        return {k: v for k, v in values.items() if v != fields[k][0]}

    def save(edits: dict[int, Any]) -> str:
        unlisted = {k: v for k, v in saved.items() if k not in fields}  # corrected in code, past the list
        save_corrections(store, article, "people", {**unlisted, **edits})
        return f"Saved: {len(edits)} person(s) renamed or dropped; step “people” done."

    return _editor("people", "people", rows, read, save, "{4: None}", len(tools["people"]))


def fact_sheet_button(article: Any, *, store: AnswerStore | None = None, html_path: str = "fact_sheet.html") -> Editor:
    """A button that makes the fact sheet of the corrected analysis, writes it as one HTML page, and records it."""
    status = w.HTML(value="", layout=w.Layout(min_height="1.5em"))
    button = w.Button(description="Make my fact sheet", tooltip=f"Write {html_path} from your corrected analysis",
                      button_style="primary", layout=w.Layout(width="auto"))

    def on_click(_: object) -> None:
        status.value = '<span role="status">Working…</span>'
        try:
            make_fact_sheet(article, store=store or AnswerStore(), html_path=html_path)
            status.value = (f'<span role="status">Written to {html.escape(html_path)} (open it beside this notebook); '
                            "step “factsheet” done.</span>")
        except LessonsError as err:
            status.value = f'<span role="status" style="color:#b00020">⚠ Not made: {html.escape(str(err))}</span>'

    button.on_click(on_click)
    fallback = f"[fact sheet] No widgets? make_fact_sheet(article, html_path={html_path!r})"
    return Editor([w.HBox([button, status])], fallback)
