"""Feedback a learner keeps: one self-contained, accessible HTML page per learner, written next to the gradebook.

Each page lists the learner's exercises in course order, notebook by notebook, with the same status words as
everywhere (correct, partly right, not yet, not attempted, could not be read, could not be checked), the
points, the message and the hints — nothing from other learners and no answer key.

>>> from lessons.course.grading import grade_answers
>>> page = feedback_page("ada", grade_answers({"start.city": "Busan"}, notebook="00_start"))
>>> "<h1>Feedback for ada</h1>" in page and "not yet" in page and 'lang="en"' in page
True
"""

from __future__ import annotations

import hashlib
import html
import re
from pathlib import Path
from collections.abc import Sequence

from lessons.course.grading import Grade, total_points
from lessons.course.safeio import printable

__all__ = ["feedback_page", "safe_file_name", "write_feedback"]

_STYLE = ("body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.5;"
          "color:#111;background:#fff}table{border-collapse:collapse;margin:1rem 0;width:100%}th,td{border:1px solid "
          "#555;padding:.3rem .6rem;text-align:left;vertical-align:top}caption{font-weight:bold;text-align:left}")


def _graded_how(grading: str) -> str:
    """The grading mode in words: the column's "instructor" or "practice check" is no sentence of its own."""
    if grading == "instructor":
        return " Graded by your instructor, with cases of their own for code exercises."
    return f" Graded as a {html.escape(grading)}." if grading else ""


def feedback_page(learner: str, grades: Sequence[Grade], *, grading: str = "") -> str:
    """One learner's feedback as an HTML page."""
    earned, possible = total_points(grades)
    who = html.escape(printable(learner, limit=100))  # a hostile file name: escaped, never raw
    parts = [f"<h1>Feedback for {who}</h1>",
             f"<p>Total: {earned:g} of {possible:g} points"
             f"{f' ({100 * earned / possible:.0f}%)' if possible else ''}.{_graded_how(grading)}"
             "</p>"]
    notebooks: dict[str, list[Grade]] = {}
    for grade in grades:
        notebooks.setdefault(grade.exercise.notebook or "other", []).append(grade)
    for notebook, items in notebooks.items():
        got, out_of = total_points(items)
        rows = "".join(
            f'<tr><th scope="row"><code>{html.escape(g.exercise.id)}</code></th><td>{html.escape(g.result.status)}</td>'
            f"<td>{g.points:g}/{g.exercise.points:g}</td><td>{html.escape(g.result.message)}"
            + ("<ul>" + "".join(f"<li>{html.escape(h)}</li>" for h in g.result.hints) + "</ul>" if g.result.hints
               and g.result.status != "correct" else "")
            + "</td></tr>" for g in items)
        parts.append(f"<h2>{html.escape(notebook)}: {got:g} of {out_of:g} points</h2>"
                     f"<table><caption>Exercises of {html.escape(notebook)}, in course order</caption><thead><tr>"
                     '<th scope="col">Exercise</th><th scope="col">Status</th><th scope="col">Points</th>'
                     f'<th scope="col">What to do next</th></tr></thead><tbody>{rows}</tbody></table>')
    return (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Feedback for {who}</title>'
            f'<meta name="viewport" content="width=device-width, initial-scale=1"><style>{_STYLE}</style></head>'
            f"<body><main>{''.join(parts)}</main></body></html>")


def safe_file_name(learner: str) -> str:
    """A file name for a learner id that cannot leave its folder or hide: ``../x`` → ``_.._x``.

    >>> safe_file_name("ada.lovelace"), safe_file_name("../etc/passwd"), safe_file_name(".hidden")
    ('ada.lovelace.html', '_.._etc_passwd.html', '_.hidden.html')
    """
    name = re.sub(r"[^\w.@-]", "_", learner.encode("utf-8", "replace").decode("utf-8"))[:100] or "_"
    return ("_" + name if name.startswith(".") else name) + ".html"


def write_feedback(folder: Path, pages: dict[str, str]) -> int:
    """Write each learner's page into ``folder`` (created); returns how many were written."""
    folder.mkdir(exist_ok=True)
    used: set[str] = set()
    # An id that needs no change keeps its own name ("ann_lee.html"), whatever order the files came in; an id
    # whose safe name is taken ("ann lee" → "ann_lee") gets its id's hash as well.
    for learner in sorted(pages, key=lambda who: safe_file_name(who) != f"{who}.html"):
        name = safe_file_name(learner)
        if name in used:
            name = f"{name[:-5]}-{hashlib.sha256(learner.encode('utf-8', 'surrogatepass')).hexdigest()[:8]}.html"
        used.add(name)
        (folder / name).write_text(pages[learner], encoding="utf-8")
    return len(pages)
