"""A thin ipywidgets layer over the pure checks: show, save on change, restore, check.

In a notebook, ``exercise("reading.author")`` shows the exercise. Every change is saved
to the answer store at once; re-running the cell (or restarting the kernel) shows the
saved answer again. Without widgets, ``answer(id, value)`` does the same in plain text.
"""

from __future__ import annotations

import html
from datetime import date, datetime
from typing import Any
from collections.abc import Callable

import ipywidgets as w

from lessons.course.checks import CheckResult, Exercise, Grader, Unreadable
from lessons.errors import LessonsError, StoreCorruptError
from lessons.course.exercises import get_exercise
from lessons.course.identity import learner_id
from lessons.course.store import AnswerStore

_BLANK = "—"  # the "nothing chosen yet" entry of a dropdown
_WIDE = {"description_width": "initial"}
# Monospace, and long lines scroll instead of wrapping, so the indentation a learner sees is the real one.
_CODE_STYLE = "<style>.lessons-code textarea { font-family: monospace; white-space: pre; overflow-x: auto; }</style>"


def format_result(exercise: Exercise, result: CheckResult) -> str:
    """Feedback as plain text, e.g. for ``answer()`` and the autograder.

    >>> from lessons.course.exercises import get_exercise
    >>> ex = get_exercise("start.city")
    >>> print(format_result(ex, ex.check("Washington")))
    start.city: 0/1 (not yet) Not quite: 'Washington' is not the answer.
      hint: Washington sent the envoy; the article's second paragraph (data/article.txt) says where they met.
    """
    points = f"{result.score * exercise.points:g}/{exercise.points:g}"
    lines = [f"{exercise.id}: {points} ({result.status}) {result.message}"]
    lines += [f"  hint: {hint}" for hint in result.hints]
    return "\n".join(lines)


def _feedback_html(exercise: Exercise, result: CheckResult) -> str:
    mark = {"correct": "✔", "partly right": "◐"}.get(result.status, "✘")
    hints = "".join(f"<li>{html.escape(h)}</li>" for h in result.hints)
    return (
        f'<div role="status" aria-live="polite" class="lessons-feedback">'
        f"<b>{mark} Score {result.score * exercise.points:g}/{exercise.points:g} ({result.status})</b>: "
        f"{html.escape(result.message)}{f'<ul>{hints}</ul>' if hints else ''}</div>"
    )


def _passage_html(exercise: Exercise, learner: str | None) -> str:
    """The learner's own passage for an exercise with variants (or how to get one)."""
    if not exercise.variants:
        return ""
    if learner is None:
        return ("<p><b>Set your learner id first</b> (in 00_start: <code>whoami('your-id')</code>, then re-run "
                "this cell): it chooses your own passage for this exercise.</p>")  # fmt: skip
    text = html.escape(exercise.passage_for(learner))
    return (f'<pre class="lessons-passage" aria-label="your passage" style="white-space: pre-wrap; word-break: normal; overflow-wrap: normal">{text}</pre>'
            f"<p><small>Your passage, chosen for learner id <code>{html.escape(learner)}</code>.</small></p>")  # fmt: skip


def _input_for(exercise: Exercise, saved: Any) -> tuple[w.Widget, Callable[[], Any], list[w.Widget]]:
    """The input widget, a function reading the answer from it, and the widgets to observe."""
    kind = exercise.kind
    if kind == "choice":
        box = w.RadioButtons(
            options=exercise.options,
            value=saved if saved in exercise.options else None,
            description="Answer:",
            layout=w.Layout(width="auto"),
            style=_WIDE,
        )
        return box, lambda: box.value, [box]
    if kind == "multi":
        chosen = {o for o in saved if isinstance(o, str)} if isinstance(saved, list) else set()
        boxes = [w.Checkbox(value=o in chosen, description=o, indent=False, layout=w.Layout(width="auto"))
                 for o in exercise.options]  # auto width: a long option is shown whole, not cut off
        return w.VBox(boxes), lambda: [b.description for b in boxes if b.value], boxes
    if kind == "date":
        try:
            start = date.fromisoformat(saved) if isinstance(saved, str) else None
        except ValueError:
            start = None
        picker = w.DatePicker(value=start, description="Date:")
        return picker, lambda: picker.value.isoformat() if picker.value else None, [picker]
    if kind == "match":
        chosen = saved if isinstance(saved, dict) else {}
        menus = [
            w.Dropdown(
                options=(_BLANK, *exercise.options),
                value=chosen.get(item) if chosen.get(item) in exercise.options else _BLANK,
                description=item,
                style={"description_width": f"{max(map(len, exercise.items)) * 0.55 + 1:.0f}em"},  # aligned menus
                layout=w.Layout(width="auto"),
            )
            for item in exercise.items
        ]
        read = lambda: {m.description: (None if m.value == _BLANK else m.value) for m in menus}  # noqa: E731
        return w.VBox(menus), read, menus
    if kind == "order":
        places = saved if isinstance(saved, list) else []
        menus = [
            w.Dropdown(
                options=(_BLANK, *exercise.options),
                value=places[i] if i < len(places) and places[i] in exercise.options else _BLANK,
                description=f"Position {i + 1}:",
                style=_WIDE,
                layout=w.Layout(width="auto"),
            )
            for i in range(len(exercise.options))
        ]
        read = lambda: [m.value for m in menus if m.value != _BLANK]  # noqa: E731
        return w.VBox(menus), read, menus
    if kind == "code":
        area = w.Textarea(
            value=saved if isinstance(saved, str) else exercise.template,
            description="Your code:",
            continuous_update=False,
            layout=w.Layout(width="95%", height="14em"),
            style=_WIDE,
        )
        area.add_class("lessons-code")  # monospace, by the style rule in the prompt
        return area, lambda: area.value, [area]
    if kind == "capstone":  # the record is written by the capstone's own steps, never typed
        done = sorted(step for step, ok in (saved.get("steps") or {}).items() if ok) if isinstance(saved, dict) else []
        note = w.HTML(f"<p>Steps recorded so far: {html.escape(', '.join(done)) or 'none'}. Your work on the article "
                      "is saved by the steps above; Check grades it.</p>")
        return note, lambda: saved, []
    placeholder = {"number": "a number, e.g. 7", "text": "type your answer"}.get(kind, "")
    text = w.Text(
        value="" if saved is None else str(saved),
        description="Answer:",
        placeholder=placeholder,
        layout=w.Layout(width="60%"),
        style=_WIDE,
    )
    return text, lambda: text.value, [text]


class ExerciseWidget(w.VBox):
    """One exercise: its prompt, an input, a Check button, feedback and the save status."""

    def __init__(self, exercise: Exercise, store: AnswerStore) -> None:
        self.exercise, self.store = exercise, store
        notice = ""
        try:
            saved = store.get(exercise.id)
        except LessonsError as err:
            saved, notice = None, str(err)
        if isinstance(saved, Unreadable):
            # Start blank: the next change sets the unreadable entry aside (with a backup) and saves.
            saved, notice = None, f"your saved answer could not be read ({saved.reason}); answer again"
        self.input, self.read_answer, observed = _input_for(exercise, saved)
        self.check_button = w.Button(
            description="Check",
            tooltip=f"Check your answer to {exercise.id}",
            button_style="primary",
            icon="check",
        )
        self.status = w.HTML(self._status_text("restored your saved answer" if saved is not None else ""))
        self.feedback = w.HTML("")
        self.learner = learner_id(store)
        prompt = w.HTML(
            f"{_CODE_STYLE if exercise.kind == 'code' else ''}"
            f"<p><b>Exercise <code>{exercise.id}</code></b> ({exercise.tier})<br>{html.escape(exercise.prompt)}</p>"
            + _passage_html(exercise, self.learner)
        )
        super().__init__([prompt, self.input, w.HBox([self.check_button, self.status]), self.feedback])
        self.add_class("lessons-exercise")
        self.check_button.on_click(lambda _: self.check())
        for widget in observed:
            widget.observe(lambda _: self.save(), names="value")
        if notice:
            self.status.value = self._status_text(notice, error=True)

    @staticmethod
    def _status_text(text: str, *, error: bool = False) -> str:
        colour = "#b00020" if error else "#555"
        prefix = "⚠ " if error else ""
        return f'<span style="color:{colour}" role="status">{prefix}{html.escape(text)}</span>' if text else ""

    def save(self) -> None:
        """Write the current answer to the store, and say so."""
        try:
            self.store.save(self.exercise.id, self.read_answer())
            when = datetime.now().strftime("%H:%M:%S")
            self.status.value = self._status_text(f"saved at {when} in {self.store.path.name}")
        except StoreCorruptError as err:
            self.status.value = self._status_text(str(err), error=True)
        except LessonsError as err:
            self.status.value = self._status_text(f"not saved: {err}", error=True)

    def check(self) -> CheckResult:
        """Score the current answer and show the feedback (the capstone's: its record as saved now)."""
        answer = self.read_answer()
        if self.exercise.kind == "capstone":
            try:
                answer = self.store.get(self.exercise.id)
            except LessonsError:
                answer = None
        result = self.exercise.check(answer, Grader(learner=self.learner))
        self.feedback.value = _feedback_html(self.exercise, result)
        return result

    def _repr_mimebundle_(self, **kwargs: Any) -> dict[str, Any] | None:
        # ipywidgets cuts the plain-text fallback at 110 characters; without widgets, all of it is the exercise.
        bundle = super()._repr_mimebundle_(**kwargs)
        if bundle is not None:
            bundle["text/plain"] = repr(self)
        return bundle

    def __repr__(self) -> str:
        # What a front end without widgets shows: how to answer in plain code instead.
        ex = self.exercise
        lines = [f"[exercise {ex.id}] {ex.prompt}"]
        if ex.items:
            lines += ["Items:", *(f"  - {item}" for item in ex.items)]
        if ex.options:
            lines += ["Options (answer with the exact text):", *(f"  - {option}" for option in ex.options)]
        if ex.variants and self.learner:
            lines += ["Your passage:", ex.passage_for(self.learner)]
        if ex.template:
            lines += ["Start from:", ex.template.rstrip()]
        if ex.kind == "capstone":
            lines.append("Nothing to type: your steps save it. No widgets? See where you are: !lessons grade")
        else:
            lines.append(f"No widgets? Answer in code: answer({ex.id!r}, ...)")
        return "\n".join(lines)


def exercise(exercise_id: str, *, store: AnswerStore | None = None) -> ExerciseWidget:
    """The widget for one exercise, showing the learner's saved answer if there is one."""
    return ExerciseWidget(get_exercise(exercise_id), store or AnswerStore())


def answer(exercise_id: str, value: Any, *, store: AnswerStore | None = None) -> None:
    """Save an answer and print its feedback once: the plain-code way to answer.

    >>> import tempfile, pathlib
    >>> tmp = AnswerStore(pathlib.Path(tempfile.mkdtemp()) / "answers.json")
    >>> answer("start.city", "Busan", store=tmp)
    start.city: 0/1 (not yet) Not quite: 'Busan' is not the answer.
      hint: The article's second paragraph (data/article.txt) says where the talks were held.
    """
    exercise_ = get_exercise(exercise_id)
    target = store or AnswerStore()
    if exercise_.kind == "capstone":  # its record is written by the steps; a typed one would overwrite the work
        print(f"⚠ {exercise_id} is graded from your steps (§ 3–6 of {exercise_.notebook}); there is nothing to type.")
        return
    try:
        target.save(exercise_id, value)
    except LessonsError as err:
        print(f"⚠ {err}")
    print(format_result(exercise_, exercise_.check(value, Grader(learner=learner_id(target)))))
