"""The widget layer: every exercise renders, saves on change, restores, and checks — without a browser."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import ipywidgets as w
import pytest

from lessons.course.exercises import EXERCISES, get_exercise
from lessons.course.store import AnswerStore
from lessons.course.widgets import ExerciseWidget, answer, exercise


@pytest.fixture
def store(tmp_path: Path) -> AnswerStore:
    return AnswerStore(tmp_path / "answers.json")


def _value_widgets(widget: ExerciseWidget) -> list[w.ValueWidget]:
    """The widgets a learner changes, in order."""
    return list(widget.input.children) if isinstance(widget.input, w.Box) else [widget.input]


def _answer_through_widget(widget: ExerciseWidget, exercise_id: str) -> Any:
    """Change the input the way a learner would; returns what should be stored."""
    ex = get_exercise(exercise_id)
    controls = _value_widgets(widget)
    if ex.kind == "choice":
        controls[0].value = ex.options[1]
        return ex.options[1]
    if ex.kind == "multi":
        controls[0].value = True
        controls[2].value = True
        return [ex.options[0], ex.options[2]]
    if ex.kind == "date":
        import datetime

        controls[0].value = datetime.date(2021, 8, 23)
        return "2021-08-23"
    if ex.kind == "match":
        controls[1].value = ex.options[0]
        return {item: (ex.options[0] if i == 1 else None) for i, item in enumerate(ex.items)}
    if ex.kind == "order":
        controls[0].value = ex.options[2]
        return [ex.options[2]]
    controls[0].value = "def f():\n    return 1\n" if ex.kind == "code" else "Seoul"
    return controls[0].value


TYPED = sorted(i for i, ex in EXERCISES.items() if ex.kind != "capstone")  # the capstone's record is never typed


@pytest.mark.parametrize("exercise_id", TYPED)
def test_every_exercise_renders_labelled_with_a_check_button(store: AnswerStore, exercise_id: str) -> None:
    widget = exercise(exercise_id, store=store)
    assert exercise_id in widget.children[0].value
    assert widget.check_button.description == "Check"
    assert all(c.description for c in _value_widgets(widget)), "every input needs a label"
    assert "answer(" in repr(widget)  # the text fallback names the plain-code way


@pytest.mark.parametrize("exercise_id", TYPED)
def test_a_change_is_saved_at_once_and_restored_in_a_new_widget(store: AnswerStore, exercise_id: str) -> None:
    widget = exercise(exercise_id, store=store)
    expected = _answer_through_widget(widget, exercise_id)
    assert AnswerStore(store.path).get(exercise_id) == expected
    assert "saved at" in widget.status.value
    again = exercise(exercise_id, store=AnswerStore(store.path))  # re-run cell, or restarted kernel
    assert again.read_answer() == expected
    assert "restored" in again.status.value


def test_check_button_shows_score_message_and_hint(store: AnswerStore) -> None:
    widget = exercise("reading.author", store=store)
    widget.input.value = "Ahn Sung-miPublished"
    widget.check_button.click()
    assert "Score 0/1" in widget.feedback.value and "glued" in widget.feedback.value
    widget.input.value = "Ahn Sung-mi"
    widget.check_button.click()
    assert "Score 1/1 (correct)" in widget.feedback.value


@pytest.mark.parametrize(
    ("exercise_id", "saved"),
    [
        ("reading.apostrophe", ["not", "a", "choice"]),
        ("reading.non_ascii", "’“”"),
        ("reading.non_ascii", [1, None, "’"]),
        ("reading.published_date", "23 August"),
        ("reading.published_date", 20210823),
        ("reading.stamp_match", {"Published : Aug. 23, 2021 - 14:50": "not an option"}),
        ("reading.stamp_match", "a string"),
        ("reading.stamp_order", ["not an option", 3]),
        ("reading.glued_byline", {"not": "code"}),
        ("reading.author", {"a": 1}),
    ],
)
def test_a_malformed_saved_answer_never_breaks_the_widget(
    store: AnswerStore, exercise_id: str, saved: Any
) -> None:
    store.save(exercise_id, saved)
    widget = exercise(exercise_id, store=store)
    result = widget.check()
    assert result.status in {"could not be read", "not yet", "not attempted", "partly right"}


def test_a_corrupt_store_is_reported_in_the_widget_and_kept(store: AnswerStore) -> None:
    store.path.write_text("{ this is not json", encoding="utf-8")
    widget = exercise("reading.author", store=store)
    assert "not valid JSON" in widget.status.value
    widget.input.value = "Ahn Sung-mi"
    assert "kept as answers.json.corrupt-" in widget.status.value
    assert list(store.path.parent.glob("answers.json.corrupt-*"))
    assert AnswerStore(store.path).get("reading.author") == "Ahn Sung-mi"


def test_an_unreadable_saved_answer_starts_blank_and_saving_works_again(store: AnswerStore) -> None:
    store.path.write_text('{"answers": {"reading.author": {"value": "\\ud800"}, "start.city": {"value": "Seoul"}}}')
    widget = exercise("reading.author", store=store)
    assert widget.input.value == "" and "could not be read" in widget.status.value
    widget.input.value = "Ahn Sung-mi"
    assert AnswerStore(store.path).load() == {"reading.author": "Ahn Sung-mi", "start.city": "Seoul"}


def test_answer_in_plain_code_saves_and_prints(store: AnswerStore, capsys: pytest.CaptureFixture[str]) -> None:
    assert answer("reading.paragraphs", "17", store=store) is None  # a last line in a cell shows nothing more
    out = capsys.readouterr().out
    assert store.get("reading.paragraphs") == "17" and "0/1 (not yet)" in out
    assert "every line of the file" in out and out.count("reading.paragraphs:") == 1


def test_unknown_exercise_id_suggests_the_right_one() -> None:
    from lessons.errors import UnknownExerciseError

    with pytest.raises(UnknownExerciseError, match="did you mean 'reading.author'"):
        exercise("reading.autor")


def test_without_widgets_the_whole_exercise_is_shown_as_text(tmp_path, monkeypatch) -> None:
    """ipywidgets cuts a widget's plain-text fallback at 110 characters; an exercise's is the question itself."""
    from lessons.course.store import AnswerStore
    from lessons.course.widgets import exercise

    monkeypatch.setenv("LESSONS_ANSWERS", str(tmp_path / "answers.json"))
    bundle = exercise("dating.order_events", store=AnswerStore(tmp_path / "answers.json"))._repr_mimebundle_()
    text = bundle["text/plain"]
    assert len(text) > 110 and "Options (answer with the exact text):" in text
    assert "A barge struck the bridge" in text and "answer('dating.order_events', ...)" in text
    assert "application/vnd.jupyter.widget-view+json" in bundle


def test_the_capstone_widget_shows_the_recorded_steps_and_grades_the_record_as_saved_now(store: AnswerStore) -> None:
    from lessons.capstone import correct
    from lessons.reading import read_article

    article = read_article("Title\nBy Jo Bloggs\nPublished : Oct. 9, 2025 - 18:30\n“Go,” said Ana Ruiz on Monday.\n")
    widget = exercise("capstone.own_article", store=store)
    widget.check_button.click()
    assert "not attempted" in widget.feedback.value.lower()
    correct(article, "quotes", {}, store=store)
    correct(article, "people", {}, store=store)
    widget.check_button.click()  # the same widget, built before the steps: it grades what is saved now
    assert "Score 1.5/5 (partly right)" in widget.feedback.value and "no fact sheet yet" in widget.feedback.value
    assert "people, quotes" in exercise("capstone.own_article", store=AnswerStore(store.path)).input.value
    assert "nothing to type" in repr(widget).lower()


def test_a_typed_capstone_answer_is_refused_and_the_record_kept(store: AnswerStore, capsys) -> None:
    from lessons.capstone import correct
    from lessons.reading import read_article

    correct(read_article("“Go,” said Ana Ruiz.", text_only=True), "quotes", {}, store=store)
    answer("capstone.own_article", {"steps": {"quotes": True}}, store=store)
    assert "nothing to type" in capsys.readouterr().out
    assert "article" in store.get("capstone.own_article")
