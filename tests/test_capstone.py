"""Lesson 6, the capstone: corrections keyed by the text, the record of the steps, and its grade."""

from __future__ import annotations

from pathlib import Path

import pytest

from lessons.capstone import (STEPS, begin, check_record, correct, corrections_for, make_fact_sheet, mark_step,
                              summary, with_corrections)
from lessons.course.exercises import get_exercise
from lessons.course.store import AnswerStore
from lessons.factsheet import CORRECTIONS, text_key
from lessons.reading import read_article

TEXT = ("Ferry strike ends\nBy Jo Bloggs\nPublished : Oct. 9, 2025 - 18:30\n"
        "Ferry crews in Busan returned to work on Thursday after a two-day strike, their union said. “We got what "
        "we came for,” said Choi Min-seo, who leads the union. Sailings resume Saturday, said Tom Baek of Haeundae "
        "Marine Co. “It was an expensive week,” Baek said.\n")


@pytest.fixture
def store(tmp_path: Path) -> AnswerStore:
    return AnswerStore(tmp_path / "answers.json")


@pytest.fixture
def article():  # type: ignore[no-untyped-def]
    return read_article(TEXT)


def test_corrections_apply_to_a_copy_by_position() -> None:
    report = {"quotes": [{"text": "a", "speaker": "X"}, {"text": "b", "speaker": "Y"}],
              "timexes": [{"text": "Monday", "type": "DATE", "value": "2021-08-23"}, {"text": "may", "type": "DATE",
                                                                                    "value": "2021-05"}],
              "people": [{"name": "Ana"}, {"name": "Fresno Condors"}]}
    fixed = with_corrections(report, {"quotes": {"1": "Z"}, "timexes": {"1": None, "0": "2021-08-16"},
                                      "people": {"1": None, "0": "Ana Ruiz"}, "ignored": {"0": 1}})
    assert [q["speaker"] for q in fixed["quotes"]] == ["X", "Z"]
    assert [t["value"] for t in fixed["timexes"]] == ["2021-08-16"]
    assert [p["name"] for p in fixed["people"]] == ["Ana Ruiz"]
    assert report["quotes"][1]["speaker"] == "Y" and len(report["people"]) == 2  # the tools' report is untouched
    assert with_corrections(report, {"quotes": {"7": "out of range"}}) == report


def test_corrections_are_saved_under_the_text_and_follow_it(store: AnswerStore, article) -> None:  # type: ignore[no-untyped-def]
    quotes = begin(article, store=store)["quotes"]
    fixed = correct(article, "quotes", {len(quotes) - 1: "Tom Baek (chief executive)"}, store=store)
    assert fixed["quotes"][-1]["speaker"] == "Tom Baek (chief executive)"
    assert begin(read_article(TEXT), store=store)["quotes"][-1]["speaker"] == "Tom Baek (chief executive)"
    assert begin(read_article(TEXT.replace("Busan", "Incheon")), store=store)["quotes"][-1]["speaker"] == "Tom Baek"
    saved = store.get(CORRECTIONS)[text_key(article.body)]
    assert saved["quotes"][-1]["speaker"] == "Tom Baek (chief executive)"  # what `lessons factsheet` applies
    assert corrections_for(store, article.body) == {"quotes": {str(len(quotes) - 1): "Tom Baek (chief executive)"}}


def test_running_the_pipeline_saves_nothing(store: AnswerStore, article) -> None:  # type: ignore[no-untyped-def]
    begin(article, store=store)
    assert not store.path.exists()


def test_every_step_and_a_consistent_sheet_earn_full_marks(store: AnswerStore, article, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    ex = get_exercise("capstone.own_article")
    correct(article, "quotes", {}, store=store)
    correct(article, "timexes", {0: "2025-10-09"}, store=store)
    assert ex.check(store.get(ex.id)).status == "partly right"
    correct(article, "people", {}, store=store)
    make_fact_sheet(article, store=store, html_path=tmp_path / "sheet.html")
    assert (tmp_path / "sheet.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    result = ex.check(store.get(ex.id))
    assert (result.score, result.status) == (1.0, "correct"), result.message
    correct(article, "people", {0: None}, store=store)  # a correction after the sheet: they no longer agree
    result = ex.check(store.get(ex.id))
    assert result.score == 0.6 and "does not agree" in result.message and "make it again" in result.message
    make_fact_sheet(article, store=store)
    assert ex.check(store.get(ex.id)).score == 1.0


def test_a_new_article_starts_a_new_record(store: AnswerStore, article) -> None:  # type: ignore[no-untyped-def]
    for step in STEPS:
        mark_step(store, article.body, step, {}, sheet=summary({}))
    other = read_article(TEXT.replace("Busan", "Incheon"))
    record = mark_step(store, other.body, "quotes", {})
    assert record["steps"] == {"quotes": True} and record["text"] == text_key(other.body)


@pytest.mark.parametrize("typed", ["done", 5, ["quotes"], {"steps": "all"}, {"text": "x"}])
def test_a_typed_answer_is_no_record(typed: object) -> None:
    result = get_exercise("capstone.own_article").check(typed)
    assert result.status == "could not be read" and result.score == 0


def test_check_record_counts_steps_and_names_what_is_left() -> None:
    score, message, hints = check_record({"text": "k", "steps": {"quotes": True, "dates": "yes"}, "analysis": {}})
    assert score == 0.15 and "1 of 4 steps" in message
    assert [h.split(" (")[0] for h in hints] == ["Do § 4", "Do § 5", "Do § 6"]


def test_the_editors_save_what_the_learner_changed(store: AnswerStore, article) -> None:  # type: ignore[no-untyped-def]
    from lessons.course.corrections import fact_sheet_button, people_editor, quote_editor, timex_editor

    report = begin(article, store=store)
    editor = quote_editor(article, report, store=store)
    fields = [c for c in editor.children if hasattr(c, "value") and getattr(c, "description", "").startswith("Quote")]
    assert len(fields) == len(report["quotes"]) and all(f.description for f in fields)
    fields[0].value = "Choi Min-seo (union leader)"
    save, status = editor.children[-1].children
    save.click()
    assert "1 speaker(s) corrected" in status.value
    assert corrections_for(store, article.body)["quotes"] == {"0": "Choi Min-seo (union leader)"}

    editor = timex_editor(article, report, store=store)
    rows = [c for c in editor.children if c.__class__.__name__ == "HBox" and len(c.children) == 2
            and hasattr(c.children[1], "indent")]
    rows[0].children[1].value = True  # "is no temporal expression"
    editor.children[-1].children[0].click()
    assert list(corrections_for(store, article.body)["timexes"].values()) == [None]

    editor = people_editor(article, report, store=store)
    person_rows = [c for c in editor.children if c.__class__.__name__ == "HBox" and hasattr(c.children[-1], "indent")]
    person_rows[0].children[0].value = "Choi Min-seo"  # unchanged names are no correction
    editor.children[-1].children[0].click()
    assert "0 person(s)" in editor.children[-1].children[1].value

    button, note = fact_sheet_button(article, store=store, html_path=str(store.path.parent / "s.html")).children[0].children
    button.click()
    assert "step “factsheet” done" in note.value
    assert get_exercise("capstone.own_article").check(store.get("capstone.own_article")).score == 1.0


def test_an_answer_too_big_for_the_store_is_one_line_and_keeps_the_rest(store: AnswerStore, article) -> None:  # type: ignore[no-untyped-def]
    from lessons.course.corrections import quote_editor

    correct(article, "people", {}, store=store)
    editor = quote_editor(article, begin(article, store=store), store=store)
    editor.children[2].value = "x" * 2_000_000
    save, status = editor.children[-1].children
    save.click()
    assert status.value.count("Not saved") == 1 and "\n" not in status.value
    assert store.get("capstone.own_article")["steps"] == {"people": True}  # what was saved before stays
