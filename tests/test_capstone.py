"""Lesson 6, the capstone: corrections keyed by the text, the record of the steps, and its grade."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from lessons.capstone import (RECORD, STEPS, begin, check_record, correct, corrections_for, make_fact_sheet, numbered,
                              summary, timex_value_problem, with_corrections)
from lessons.course.exercises import get_exercise
from lessons.course.store import AnswerStore
from lessons.errors import LessonsError
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


def test_corrections_name_the_tools_items_so_they_never_shift(store: AnswerStore, article) -> None:  # type: ignore[no-untyped-def]
    people = [p["name"] for _, p in numbered(begin(article, store=store), "people")]
    correct(article, "people", {1: None}, store=store)  # drop the first person …
    correct(article, "people", {1: None, 2: people[1] + " Jr."}, store=store)  # … and rename the second, later
    assert [p["name"] for p in begin(article, store=store)["people"]] == [people[1] + " Jr.", *people[2:]]
    quotes = numbered(begin(article, store=store), "quotes")
    correct(article, "quotes", {len(quotes): "Tom Baek (chief executive)"}, store=store)
    assert begin(read_article(TEXT), store=store)["quotes"][-1]["speaker"] == "Tom Baek (chief executive)"
    other = read_article(TEXT.replace("Busan", "Incheon"))
    assert begin(other, store=store)["quotes"][-1]["speaker"] == "Tom Baek"  # another text, other corrections
    saved = store.get(CORRECTIONS)[text_key(article.body)]
    assert saved["quotes"][-1]["speaker"] == "Tom Baek (chief executive)"  # what `lessons factsheet` applies


@pytest.mark.parametrize(("edits", "message"), [({9: "X"}, "no quote 9"), ({"first": "X"}, "no quote 'first'")])
def test_a_correction_to_no_item_is_one_clear_error(store: AnswerStore, article, edits, message) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(LessonsError, match=message):
        correct(article, "quotes", edits, store=store)
    assert not store.path.exists()


@pytest.mark.parametrize("value", ["2021-13-45", "2023-W99", "banana", "", "P"])
def test_an_impossible_date_is_refused_and_nothing_saved(store: AnswerStore, article, value: str) -> None:  # type: ignore[no-untyped-def]
    assert timex_value_problem(value)
    with pytest.raises(LessonsError, match="nothing was saved"):
        correct(article, "timexes", {1: value}, store=store)
    assert not store.path.exists()


@pytest.mark.parametrize("value", ["2025-10-08", "2025-10", "2025-W41-WE", "2025-SU", "P2D", "PT3H", "199", "2025-Q3",
                                   "2025-10-09TEV", "PRESENT_REF", "XXXX-XX-XXT22:00"])
def test_timex3_values_are_accepted(value: str) -> None:
    assert timex_value_problem(value) is None


def test_running_the_pipeline_saves_nothing(store: AnswerStore, article) -> None:  # type: ignore[no-untyped-def]
    begin(article, store=store)
    assert not store.path.exists()


def test_every_step_and_a_consistent_sheet_earn_full_marks(store: AnswerStore, article, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    ex = get_exercise(RECORD)
    correct(article, "quotes", {}, store=store)
    correct(article, "timexes", {1: "2025-10-02"}, store=store)
    assert ex.check(store.get(ex.id)).status == "partly right"
    correct(article, "people", {}, store=store)
    make_fact_sheet(article, store=store, html_path=tmp_path / "sheet.html")
    assert (tmp_path / "sheet.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    result = ex.check(store.get(ex.id))
    assert (result.score, result.status) == (1.0, "correct"), result.message
    correct(article, "people", {1: None}, store=store)  # a correction after the sheet: they no longer agree
    result = ex.check(store.get(ex.id))
    assert result.score == 0.6 and "does not agree" in result.message and "make it again" in result.message
    make_fact_sheet(article, store=store)
    assert ex.check(store.get(ex.id)).score == 1.0


def test_a_forged_record_earns_nothing_for_consistency(store: AnswerStore, article) -> None:  # type: ignore[no-untyped-def]
    for part in ("quotes", "timexes", "people"):
        correct(article, part, {}, store=store)
    make_fact_sheet(article, store=store)
    record = store.get(RECORD)
    forged = {**record, "factsheet": {"speakers": {}, "timeline": [], "people": []}}
    assert check_record(forged)[0] == 0.6  # the grader ran the pipeline again: this sheet follows from nothing
    with pytest.raises(ValueError, match="fingerprint"):
        check_record({**record, "text": "0" * 16})
    result = get_exercise(RECORD).check({"steps": dict.fromkeys(STEPS, True), "factsheet": {}})
    assert result.status == "could not be read"


def test_a_new_article_starts_a_new_record(store: AnswerStore, article) -> None:  # type: ignore[no-untyped-def]
    for part in ("quotes", "timexes", "people"):
        correct(article, part, {}, store=store)
    other = read_article(TEXT.replace("Busan", "Incheon"))
    correct(other, "quotes", {}, store=store)
    record = store.get(RECORD)
    assert record["steps"] == {"quotes": True} and record["text"] == text_key(other.body)


@pytest.mark.parametrize("typed", ["done", 5, ["quotes"], {"steps": "all"}, {"text": "x"}])
def test_a_typed_answer_is_no_record(typed: object) -> None:
    result = get_exercise(RECORD).check(typed)
    assert result.status == "could not be read" and result.score == 0


def test_check_record_counts_steps_and_names_what_is_left(store: AnswerStore, article) -> None:  # type: ignore[no-untyped-def]
    correct(article, "quotes", {}, store=store)
    score, message, hints = check_record(store.get(RECORD))
    assert score == 0.15 and "1 of 4 steps" in message
    assert [h.split(" (")[0] for h in hints] == ["Do § 4", "Do § 5", "Do § 6"]


def test_the_editors_save_what_differs_from_the_tools(store: AnswerStore, article, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from lessons.course.corrections import fact_sheet_button, people_editor, quote_editor, timex_editor

    editor = quote_editor(article, store=store)
    fields = [c for c in editor.children if getattr(c, "description", "").startswith("Quote")]
    assert len(fields) == len(numbered(begin(article), "quotes")) and all(f.description for f in fields)
    fields[0].value = "Choi Min-seo (union leader)"
    save, status = editor.children[-1].children
    assert save.description == "Save speakers"
    save.click()
    assert "1 speaker(s) differ" in status.value
    again = quote_editor(article, store=store)  # a new session shows the saved correction, and keeps it on Save
    [c for c in again.children if getattr(c, "description", "").startswith("Quote")][1].value = "Tom Baek"
    again.children[-1].children[0].click()
    assert corrections_for(store, article.body)["quotes"]["0"] == "Choi Min-seo (union leader)"

    editor = timex_editor(article, store=store)
    rows = [c for c in editor.children if c.__class__.__name__ == "HBox" and len(c.children) == 2
            and hasattr(c.children[1], "indent")]
    rows[0].children[0].value = "2025-13-01"
    editor.children[-1].children[0].click()
    assert "Not saved" in editor.children[-1].children[1].value and "no calendar" in editor.children[-1].children[1].value
    rows[0].children[1].value = True  # "is no temporal expression"
    editor.children[-1].children[0].click()
    assert list(corrections_for(store, article.body)["timexes"].values()) == [None]

    editor = people_editor(article, store=store)
    editor.children[-1].children[0].click()
    assert "0 person(s)" in editor.children[-1].children[1].value
    assert "correct(article, 'people'" in repr(editor)

    button, note = fact_sheet_button(article, store=store, html_path=str(tmp_path / "s.html")).children[0].children
    button.click()
    assert "step “factsheet” done" in note.value
    assert get_exercise(RECORD).check(store.get(RECORD)).score == 1.0


def test_an_answer_too_big_for_the_store_is_one_line_and_keeps_the_rest(store: AnswerStore, article) -> None:  # type: ignore[no-untyped-def]
    from lessons.course.corrections import quote_editor

    correct(article, "people", {}, store=store)
    editor = quote_editor(article, store=store)
    [c for c in editor.children if getattr(c, "description", "").startswith("Quote")][0].value = "x" * 2_000_000
    save, status = editor.children[-1].children
    save.click()
    assert status.value.count("Not saved") == 1 and "\n" not in status.value
    assert store.get(RECORD)["steps"] == {"people": True}  # what was saved before stays


def test_lessons_factsheet_survives_an_impossible_saved_value(tmp_path: Path, article) -> None:  # type: ignore[no-untyped-def]
    import subprocess
    import sys

    path = tmp_path / "story.txt"
    path.write_text(TEXT, encoding="utf-8")
    answers = tmp_path / "answers.json"
    AnswerStore(answers).save(CORRECTIONS, {text_key(article.body): {"timexes": [
        {"text": "Thursday", "start": 0, "end": 8, "type": "DATE", "value": "2021-13-45"}]}})
    proc = subprocess.run([sys.executable, "-m", "lessons", "factsheet", str(path), "-o", str(tmp_path / "s.html"),
                           "--answers", str(answers)], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0 and "Traceback" not in proc.stderr, proc.stderr
    assert json.loads(answers.read_text())  # the answers are untouched


def test_an_editor_lists_a_long_text_s_first_items_and_says_how_to_correct_the_rest(store: AnswerStore) -> None:
    from lessons.course.corrections import SHOWN, quote_editor

    text = " ".join(f"“We won {k},” said Ana Ruiz." for k in range(SHOWN + 20))
    editor = quote_editor(read_article(text, text_only=True), store=store)
    fields = [c for c in editor.children if getattr(c, "description", "").startswith("Quote")]
    assert len(fields) == SHOWN and "20 more" in editor.children[-2].value
    editor.children[-1].children[0].click()  # saving the listed ones keeps the rest as the tools found them
    assert "0 speaker(s)" in editor.children[-1].children[1].value


def test_the_sheet_s_network_follows_people_corrections(tmp_path: Path, article) -> None:  # type: ignore[no-untyped-def]
    def network_part(edits: dict[int, object]) -> str:
        store = AnswerStore(tmp_path / f"answers-{len(edits)}-{edits.get(2)}.json")
        correct(article, "people", edits, store=store)
        make_fact_sheet(article, store=store, html_path=tmp_path / "sheet.html")
        page = (tmp_path / "sheet.html").read_text(encoding="utf-8")
        return page[page.index("Who is named with whom"):].split("</figure>", 1)[0]

    people = [p["name"] for _, p in numbered(begin(article, store=AnswerStore(tmp_path / "a.json")), "people")]
    assert people[1] == "Tom Baek" and "Tom Baek" in network_part({})  # tied to his company in one sentence
    assert "Thomas Baek" in network_part({2: "Thomas Baek"})  # renamed, the network says the new name
    assert "Baek" not in network_part({2: None})  # dropped (no person), out of the network
