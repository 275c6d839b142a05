"""Checks and grading: reference answers get full marks, blanks none, mistakes their hint.

The reference answers are not written down here (tests/solutions.py finds them when the
tests run): choices, sets, orders and matchings by trying every possible answer (exactly one
may get full marks), facts about the article from the article itself, code answers as lookup
tables of the course helper's values.
"""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from lessons.course import coderun
from lessons.course.checks import Grader
from lessons.course.exercises import EXERCISES, exercises_in, get_exercise
from lessons.course.gradebook import grade_folder, write_gradebook
from lessons.course.grading import Grade, grade_answers, total_points

#: A code answer that calls the course's own helper: the sandbox does not let it import `lessons`.
CALLS_THE_HELPER = """
from lessons.tokenizing import sentences

def split_sentences(text):
    return [s.text for s in sentences(text)]
"""


#: The learner whose reference answers the tests use (variants are chosen by the learner id).
LEARNER = "ada.lovelace"


@pytest.fixture(scope="module")
def reference() -> dict[str, Any]:
    """Full-mark answers for LEARNER, found when the tests run (tests/solutions.py)."""
    import solutions

    return solutions.reference_answers(LEARNER)


@pytest.mark.parametrize("exercise_id", sorted(EXERCISES))
@pytest.mark.repo
def test_reference_answer_gets_full_marks(reference: dict[str, Any], exercise_id: str) -> None:
    result = get_exercise(exercise_id).check(reference[exercise_id], Grader(learner=LEARNER))
    assert (result.score, result.status) == (1.0, "correct"), result.message


@pytest.mark.parametrize("exercise_id", sorted(EXERCISES))
@pytest.mark.parametrize("blank", [None, "", "   ", [], {}])
def test_blank_answer_is_not_attempted_and_says_where(exercise_id: str, blank: Any) -> None:
    ex = get_exercise(exercise_id)
    result = ex.check(blank)
    assert (result.score, result.status) == (0.0, "not attempted")
    assert ex.notebook in result.message


def test_untouched_code_template_is_not_attempted() -> None:
    ex = get_exercise("reading.glued_byline")
    assert ex.check(ex.template).status == "not attempted"


@pytest.mark.parametrize(
    ("exercise_id", "answer", "hint"),
    [
        ("reading.author", "Ahn Sung-miPublished", "glued 'Published'"),
        ("reading.author", "By Ahn Sung-mi", "Drop the word 'By'"),
        ("reading.author", "Sung Kim", "envoy the story is about"),
        ("reading.paragraphs", "17", "every line of the file"),
        ("reading.paragraphs", 22, "number of sentences"),
        ("reading.published_utc", "2021-08-23T14:50", "Korea time"),
        ("reading.published_utc", "2021-08-23T23:50Z", "subtract 9 hours"),
        ("reading.apostrophe", "U+0027 APOSTROPHE (')", "three"),
        ("reading.non_ascii", ["’", "“", "”", ":"], "plain ASCII"),  # the kind of mistake, not which pick
        ("start.city", "Pyongyang", "North's capital"),
    ],
)
def test_common_mistake_gets_its_specific_hint(exercise_id: str, answer: Any, hint: str) -> None:
    result = get_exercise(exercise_id).check(answer)
    assert result.score < 1
    assert any(hint in h for h in result.hints), result.hints


def test_set_answer_gets_partial_credit_that_ticking_everything_cannot_game() -> None:
    ex = get_exercise("reading.non_ascii")
    result = ex.check(["’", "“", "-"])
    key_size = len(ex.key.members)  # type: ignore[union-attr]
    others = len(ex.options) - key_size
    assert result.status == "partly right"
    assert result.score == pytest.approx(2 / key_size - 1 / others, abs=1e-3)
    assert result.message == f"Found 2 of {key_size}, 1 extra."  # counts, never which
    assert ex.check(list(ex.options)).score == 0.0


@pytest.mark.repo
def test_order_and_match_give_partial_credit(reference: dict[str, Any]) -> None:
    order = list(reversed(reference["reading.stamp_order"]))
    assert get_exercise("reading.stamp_order").check(order).score == 0.0
    swapped = list(reference["reading.stamp_order"])
    swapped[0], swapped[1] = swapped[1], swapped[0]
    assert get_exercise("reading.stamp_order").check(swapped).score == pytest.approx(5 / 6, abs=1e-3)
    match = dict(reference["reading.stamp_match"])
    first = next(iter(match))
    match[first] = "2021-08-23 14:50 UTC" if match[first] != "2021-08-23 14:50 UTC" else "2020-06-29 21:05 UTC"
    result = get_exercise("reading.stamp_match").check(match)
    assert result.score == 0.75 and result.message == "3 of 4 matched."  # a count, not which item


@pytest.mark.parametrize(
    ("exercise_id", "malformed"),
    [
        ("reading.paragraphs", "fifteen"),
        ("reading.paragraphs", True),
        ("reading.published_utc", "yesterday afternoon"),
        ("reading.published_date", "23/08/2021"),
        ("reading.apostrophe", "an option that is not offered"),
        ("reading.non_ascii", "’“”"),
        ("reading.non_ascii", ["not an option"]),
        ("reading.stamp_order", ["2021-08-23T06:00Z"]),
        ("reading.stamp_match", ["a", "list"]),
        ("reading.glued_byline", ["not", "code"]),
        ("reading.author", ["a", "list"]),
    ],
)
def test_malformed_answer_is_invalid_with_a_message_not_a_traceback(exercise_id: str, malformed: Any) -> None:
    result = get_exercise(exercise_id).check(malformed)
    assert (result.score, result.status) == (0.0, "could not be read")
    assert result.message.startswith("This answer could not be read:") and "\n" not in result.message


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("def split_byline(line):\n    return 1 / 0", "ZeroDivisionError"),
        ("def split_byline(line:\n", "SyntaxError"),
        ("def other(line):\n    return line", "does not define a function named split_byline"),
        ("import os\nos._exit(3)", "crashed"),
        ("def split_byline(line):\n    return 'x' * (10 ** 11)", "MemoryError"),
    ],
)
def test_broken_code_fails_that_exercise_with_the_reason(source: str, expected: str) -> None:
    result = get_exercise("reading.glued_byline").check(source)
    assert result.score == 0.0 and expected in result.message + " ".join(result.hints)


def test_hidden_cases_are_graded_but_not_shown() -> None:
    partial = "def split_byline(line):\n    a, _, s = line.partition('Published')\n    return a[3:], s.strip(' :')"
    result = get_exercise("reading.glued_byline").check(partial)
    assert 0 < result.score < 1
    assert "A hidden case" in result.message + " ".join(result.hints)
    assert "Park Min-ji" not in result.message + " ".join(result.hints)  # hidden input stays hidden


def test_calling_the_course_helper_does_not_pass() -> None:
    result = get_exercise("tokenizing.splitter").check(CALLS_THE_HELPER)
    assert result.score == 0.0
    assert "solve it with what the lesson taught" in result.message


@pytest.mark.repo
def test_endless_loop_is_stopped_by_cpu_time_while_the_other_answers_are_graded(
    reference: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(coderun, "CPU_S", 2.0)  # CPU time, not wall time: a busy machine changes nothing
    answers = dict(reference, **{"reading.glued_byline": "def split_byline(line):\n    while True:\n        pass"})
    grades = {g.exercise.id: g.result for g in grade_answers(answers, grader=Grader(learner=LEARNER))}
    assert grades["reading.glued_byline"].score == 0.0
    assert "stopped: it used more than 2 s of CPU time" in grades["reading.glued_byline"].message
    assert all(r.passed for i, r in grades.items() if i != "reading.glued_byline")


def _store_file(folder: Path, name: str, answers: dict[str, Any], **forged: Any) -> Path:
    path = folder / name
    entries = {i: {"value": v, **forged} for i, v in answers.items()}
    path.write_text(json.dumps({"learner": LEARNER, "answers": entries, **forged}), encoding="utf-8")
    return path


def _grade_cli(path: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "lessons", "grade", str(path), *extra],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip


@pytest.mark.repo
def test_autograder_gives_full_marks_to_reference_answers(tmp_path: Path, reference: dict[str, Any]) -> None:
    proc = _grade_cli(_store_file(tmp_path, "answers.json", reference))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    n, points = len(EXERCISES), sum(ex.points for ex in EXERCISES.values())
    assert f"Total: {points:g} of {points:g} points (100%); {n} of {n} exercises correct." in proc.stdout
    assert "all tests passed" not in proc.stdout.lower()


def test_autograder_says_not_attempted_and_where(tmp_path: Path) -> None:
    proc = _grade_cli(_store_file(tmp_path, "answers.json", {"start.city": "Seoul"}), "--notebook", "01_reading")
    assert proc.returncode == 1
    assert "reading.author" in proc.stdout and "not attempted" in proc.stdout
    assert "01_reading.ipynb, § 2 The header by hand" in proc.stdout
    assert "start.city" not in proc.stdout  # only the notebook asked for


def test_with_no_answer_file_every_exercise_is_not_attempted(tmp_path: Path) -> None:
    proc = _grade_cli(tmp_path / "answers.json")
    assert proc.returncode == 1 and "No answer file yet" in proc.stdout
    assert proc.stdout.count("not attempted") >= len(EXERCISES)
    assert max(len(line) for line in proc.stdout.splitlines() if str(tmp_path) not in line) <= 88


def test_autograder_ignores_forged_scores(tmp_path: Path) -> None:
    wrong = {"reading.author": "Sung Kim", "reading.paragraphs": "3"}
    path = _store_file(tmp_path, "answers.json", wrong, score=1.0, passed=True, points=99)
    proc = _grade_cli(path, "--notebook", "01_reading")
    assert proc.returncode == 1
    assert f"Total: 0 of {len(exercises_in('01_reading.ipynb'))} points (0%)" in proc.stdout


@pytest.mark.parametrize(
    ("content", "message"),
    [("{broken", "is not valid JSON"), ("[]", "is not an answer file")],
)
def test_autograder_on_a_bad_file_says_one_line(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "answers.json"
    path.write_text(content, encoding="utf-8")
    proc = _grade_cli(path)
    assert proc.returncode == 2
    assert message in proc.stderr and len(proc.stderr.strip().splitlines()) == 1
    assert "Traceback" not in proc.stderr + proc.stdout


@pytest.mark.repo
def test_gradebook_grades_a_folder_into_csv(tmp_path: Path, reference: dict[str, Any]) -> None:
    folder = tmp_path / "class"
    folder.mkdir()
    _store_file(folder, f"{LEARNER}.json", reference)  # the submission's name is the learner id
    _store_file(folder, "bo.json", {"reading.author": "Ahn Sung-mi"})
    (folder / "cy.json").write_text("{not json", encoding="utf-8")
    rows = grade_folder(folder, jobs=2, progress=False)
    out = tmp_path / "gradebook.csv"
    write_gradebook(rows, out)
    table = {row["file"]: row for row in csv.DictReader(out.open(encoding="utf-8"))}
    points = sum(ex.points for ex in EXERCISES.values())
    ada = table[f"{LEARNER}.json"]
    assert float(ada["total"]) == points and ada["percent"] == "100.0" and ada["id_check"] == "same"
    assert table["bo.json"]["id_check"] == "differs"
    assert float(table["bo.json"]["reading.author"]) == 1 and float(table["bo.json"]["total"]) == 1
    assert "not valid JSON" in table["cy.json"]["error"]


def test_total_points_adds_partial_credit() -> None:
    grades = grade_answers({"reading.non_ascii": ["’", "“", "-"]}, notebook="01_reading")
    earned, possible = total_points(grades)
    assert earned == pytest.approx(2 / 3 - 1 / 5, abs=1e-3) and possible == len(exercises_in("01_reading.ipynb"))


@pytest.mark.repo
def test_gradebook_command_writes_the_csv_and_names_broken_files(tmp_path: Path, reference: dict[str, Any]) -> None:
    folder = tmp_path / "class"
    folder.mkdir()
    _store_file(folder, f"{LEARNER}.json", reference)
    (folder / "cy.json").write_text("[]", encoding="utf-8")
    out = tmp_path / "book.csv"
    proc = subprocess.run(
        [sys.executable, "-m", "lessons", "gradebook", str(folder), "-o", str(out), "--jobs", "2"],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert proc.returncode == 1, proc.stderr  # 1: the CSV is written, but one file could not be graded
    assert "graded 1, could not grade 1" in proc.stderr and "cy.json" in proc.stderr
    assert len(list(csv.DictReader(out.open(encoding="utf-8")))) == 2
    missing = subprocess.run(
        [sys.executable, "-m", "lessons", "gradebook", str(tmp_path / "nowhere")], capture_output=True, text=True
    )
    assert missing.returncode == 2 and "is not a folder" in missing.stderr and "Traceback" not in missing.stderr


# --- The instructor's reports: feedback pages and item statistics ------------------------------


def _class_of(tmp_path: Path, reference: dict[str, Any], size: int) -> Path:
    """A class where learner k answers the first k % 7 + … of the notebook right: abilities spread out."""
    from lessons.course.exercises import exercises_in

    folder = tmp_path / "class"
    folder.mkdir()
    ids = [ex.id for ex in exercises_in("01_reading.ipynb")]
    for k in range(size):
        right = ids[: (k * 5) % (len(ids) + 1)]
        answers = {i: reference[i] for i in right}
        answers["reading.author"] = reference["reading.author"] if "reading.author" in right else f"wrong {k % 3}"
        _store_file(folder, f"learner{k:02d}.json", answers)
    return folder


@pytest.mark.repo  # the reference answers are found on the course article
def test_gradebook_writes_feedback_pages_and_item_statistics(tmp_path: Path, reference: dict[str, Any]) -> None:
    folder = _class_of(tmp_path, reference, 12)
    out = tmp_path / "book.csv"
    proc = subprocess.run([sys.executable, "-m", "lessons", "gradebook", str(folder), "-o", str(out),
                           "--notebook", "01_reading", "--jobs", "2"], capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    pages = sorted((tmp_path / "book-feedback").glob("*.html"))
    assert len(pages) == 12 and "12 feedback pages" in proc.stderr
    page = pages[0].read_text(encoding="utf-8")
    assert page.count("<h1>") == 1 and "learner00" in page and "learner01" not in page  # one learner's own page
    assert "not attempted" in page and "<caption>" in page
    rows = list(csv.DictReader((tmp_path / "book-items.csv").open(encoding="utf-8")))
    from lessons.course.exercises import exercises_in

    assert [r["exercise"] for r in rows] == [ex.id for ex in exercises_in("01_reading.ipynb")]  # course order
    author = next(r for r in rows if r["exercise"] == "reading.author")
    shares = [float(author[k]) for k in ("correct", "partly_right", "not_yet", "not_attempted")]
    assert abs(sum(shares) - 1) < 0.01 and author["reliable"] == "no"  # 12 learners: under 30
    assert "wrong 0" in author["common_wrong_answers"] and "learner" not in author["common_wrong_answers"]
    assert (tmp_path / "book-items.png").stat().st_size > 10_000
    assert "Hardest:" in (tmp_path / "book-items.txt").read_text(encoding="utf-8")


def test_discrimination_is_the_correlation_with_the_rest_and_flagged_under_30() -> None:
    from lessons.course.checks import CheckResult
    from lessons.course.exercises import get_exercise
    from lessons.course.itemstats import item_statistics

    a, b = get_exercise("start.city"), get_exercise("start.next_lesson")

    def grade(ex, right: bool):  # type: ignore[no-untyped-def]
        return Grade(ex, CheckResult(1.0 if right else 0.0, "correct" if right else "not yet", ""), "x")

    good = [[grade(a, True), grade(b, True)]] * 20 + [[grade(a, False), grade(b, False)]] * 20
    stats = item_statistics(good)
    assert stats[0].discrimination == 1.0 and stats[0].reliable  # 40 learners
    odd = [[grade(a, True), grade(b, False)]] * 5 + [[grade(a, False), grade(b, True)]] * 5
    assert item_statistics(odd)[0].discrimination == -1.0 and not item_statistics(odd)[0].reliable
    assert item_statistics([[grade(a, True), grade(b, True)]] * 3)[0].discrimination is None  # nothing varies


def test_a_wrong_answer_that_names_a_learner_is_never_shown() -> None:
    from lessons.course.checks import CheckResult
    from lessons.course.exercises import get_exercise
    from lessons.course.itemstats import item_statistics

    ex = get_exercise("start.city")
    rows = [[Grade(ex, CheckResult(0.0, "not yet", ""), "Ada Lovelace was here")],
            [Grade(ex, CheckResult(0.0, "not yet", ""), "Busan")]]
    assert item_statistics(rows, learners=["ada lovelace", "bo"])[0].wrong_answers == (("busan", 1),)


def _not_yet(exercise_id: str, answer: Any) -> Grade:
    from lessons.course.checks import CheckResult

    return Grade(get_exercise(exercise_id), CheckResult(0.0, "not yet", ""), answer)


def test_a_wrong_match_is_shown_as_readable_pairs_in_the_exercise_s_order() -> None:
    from lessons.course.itemstats import WHOLE_CHARS, item_statistics

    ex = get_exercise("reading.stamp_match")
    swapped = {item: ex.options[k] for k, item in enumerate(reversed(ex.items))}  # every stamp with another's instant
    (shown, count), = item_statistics([[_not_yet(ex.id, swapped)]] * 2)[0].wrong_answers
    pairs = shown.split("; ")
    assert count == 2 and len(pairs) == len(ex.items) and len(shown) <= WHOLE_CHARS
    for pair, item in zip(pairs, ex.items):  # in the exercise's order, whatever order the file had
        start, answer = pair.split("→")
        assert item.casefold().startswith(start.rstrip("…")) and answer == swapped[item].casefold()


def test_every_match_of_the_course_fits_whole_and_every_answer_is_bounded() -> None:
    from lessons.course.itemstats import ANSWER_CHARS, WHOLE_CHARS, wrong_answer

    for ex in (e for e in EXERCISES.values() if e.kind == "match"):
        longest = {item: max(ex.options, key=len) for item in ex.items}
        shown, _ = wrong_answer(longest, ex)
        pick = "→" + max(ex.options, key=len).casefold()
        assert not shown.endswith("…") and shown.count(pick) == len(ex.items), ex.id
    ex = get_exercise("quoting.who_is_who")
    hostile = {**{item: "x\x1b[2J" * 5000 for item in ex.items}, **{f"stray {k}": "y" for k in range(10_000)}}
    shown, _ = wrong_answer(hostile, ex)
    assert len(shown) <= WHOLE_CHARS and "\x1b" not in shown and "stray" not in shown  # only the graded items
    assert all(len(pair.split("→")[1]) <= ANSWER_CHARS for pair in shown.split("; ") if "→" in pair)
    assert len(wrong_answer(["z" * 100_000] * 10_000, get_exercise("dating.may_month"))[0]) <= WHOLE_CHARS
    assert len(wrong_answer("w" * 100_000, get_exercise("start.city"))[0]) <= ANSWER_CHARS


def test_a_wrong_order_keeps_the_learner_s_order_and_a_set_of_picks_does_not() -> None:
    from lessons.course.itemstats import item_statistics

    order = get_exercise("dating.order_events").options
    first, second = list(order), list(reversed(order))  # two different wrong orders: two answers, not one
    stats = item_statistics([[_not_yet("dating.order_events", first)], [_not_yet("dating.order_events", second)]])
    assert sorted(stats[0].wrong_answers) == sorted((" < ".join(o.casefold() for o in answer), 1)
                                                    for answer in (first, second))
    picks = get_exercise("dating.may_month").options[:2]
    same = [[_not_yet("dating.may_month", list(picks))], [_not_yet("dating.may_month", list(reversed(picks)))]]
    assert [n for _, n in item_statistics(same)[0].wrong_answers] == [2]  # the same picks, counted once


def test_a_learner_id_is_never_shown_in_a_match_not_even_past_the_cut() -> None:
    from lessons.course.itemstats import item_statistics

    ex = get_exercise("reading.stamp_match")
    named = {ex.items[0]: "y" * 60 + " Ada.Lovelace"}  # the id only after the 40 characters kept
    plain = {ex.items[0]: "2021-12-31 23:05 UTC"}
    rows = [[_not_yet(ex.id, named)], [_not_yet(ex.id, plain)]]
    shown = [answer for answer, _ in item_statistics(rows, learners=["ada.lovelace", "bo"])[0].wrong_answers]
    assert shown == [f"{ex.items[0].casefold()[:23]}…→2021-12-31 23:05 utc"]
    # The items are the course's own text: a learner id that happens to be in one hides nothing.
    assert item_statistics(rows[1:], learners=["updated"])[0].wrong_answers != ()


def _gradebook_csv(tmp_path: Path, reference: dict[str, Any]) -> Path:
    folder = tmp_path / "class"
    folder.mkdir()
    _store_file(folder, "ada.json", {"reading.author": reference["reading.author"]})
    _store_file(folder, "bo.json", {})
    _store_file(folder, "zed.json", {"start.city": "Seoul"})  # graded, but in no roster
    out = tmp_path / "book.csv"
    write_gradebook(grade_folder(folder, notebook="01_reading", jobs=1, progress=False), out, notebook="01_reading")
    return out


@pytest.mark.repo  # the reference answers are found on the course article
def test_canvas_export_follows_canvas_s_import_columns(tmp_path: Path, reference: dict[str, Any]) -> None:
    book = _gradebook_csv(tmp_path, reference)
    roster = tmp_path / "roster.csv"
    roster.write_text("learner,Student,ID,SIS User ID,SIS Login ID,Section\n"
                      'ada,"Lovelace, Ada",101,S1,ada@uni.example,Sec A\n'
                      'bo,=HYPERLINK("x"),102,S2,bo@uni.example,Sec A\n'
                      "cy,\"Yu, Cy\",103,S3,cy@uni.example,Sec B\n", encoding="utf-8")
    out = tmp_path / "canvas.csv"
    proc = subprocess.run([sys.executable, "-m", "lessons", "export", str(book), "--roster", str(roster), "--lms",
                           "canvas", "-o", str(out), "--assignment-id", "4711"], capture_output=True, text=True,
                          timeout=120)
    assert proc.returncode == 1 and "zed is graded but not in the roster" in proc.stderr
    rows = list(csv.reader(out.open(encoding="utf-8")))
    assert rows[0] == ["Student", "ID", "SIS User ID", "SIS Login ID", "Section", "Reading the News (4711)"]
    possible = sum(ex.points for ex in exercises_in("01_reading.ipynb"))
    assert rows[1][0] == "Points Possible" and float(rows[1][-1]) == possible
    by_id = {r[1]: r for r in rows[2:]}
    assert float(by_id["101"][-1]) == 1.0 and float(by_id["102"][-1]) == 0.0 and by_id["103"][-1] == ""
    assert by_id["102"][0].startswith("'=")  # a formula in a roster name is never run by a spreadsheet


@pytest.mark.repo  # the reference answers are found on the course article
def test_the_maximum_row_agrees_with_the_export_and_is_skipped_if_pasted_into_the_gradebook(
    tmp_path: Path, reference: dict[str, Any]
) -> None:
    from lessons.course.gradebook import MAXIMUM, maximum_path
    from lessons.course.lms import export_grades

    book = _gradebook_csv(tmp_path, reference)
    maximum = next(csv.DictReader(maximum_path(book).open(encoding="utf-8")))
    assert maximum["learner"] == MAXIMUM
    assert {i: float(maximum[i]) for i in (ex.id for ex in exercises_in("01_reading.ipynb"))} == \
        {ex.id: ex.points for ex in exercises_in("01_reading.ipynb")}
    roster = tmp_path / "roster.csv"
    roster.write_text("learner,Student,ID,SIS User ID,SIS Login ID,Section\nada,Ada,101,S1,ada@x,A\n", encoding="utf-8")
    done = export_grades(book, roster, tmp_path / "canvas.csv", lms="canvas")
    assert float(done.possible) == float(maximum["possible"])  # the export's Points Possible is the maximum's
    # A spreadsheet user who pasted the row above the learners and saved: the export reads the same.
    lines = book.read_text(encoding="utf-8").splitlines(keepends=True)
    pasted = tmp_path / "pasted.csv"
    pasted.write_text(lines[0] + maximum_path(book).read_text(encoding="utf-8").splitlines(keepends=True)[1]
                      + "".join(lines[1:]), encoding="utf-8")
    again = export_grades(pasted, roster, tmp_path / "canvas-again.csv", lms="canvas")
    assert again == done and MAXIMUM not in again.unmatched
    assert (tmp_path / "canvas-again.csv").read_bytes() == (tmp_path / "canvas.csv").read_bytes()


@pytest.mark.repo  # the reference answers are found on the course article
def test_moodle_export_uses_the_roster_s_identity_column(tmp_path: Path, reference: dict[str, Any]) -> None:
    from lessons.course.lms import export_grades

    book = _gradebook_csv(tmp_path, reference)
    roster = tmp_path / "roster.csv"
    roster.write_text("learner,Email address\nada,ada@uni.example\nbo,bo@uni.example\nzed,zed@uni.example\n",
                      encoding="utf-8")
    out = tmp_path / "moodle.csv"
    done = export_grades(book, roster, out, lms="moodle", assignment="RtN total")
    rows = list(csv.reader(out.open(encoding="utf-8")))
    assert rows[0] == ["Email address", "RtN total"] and len(rows) == 4 and done.unmatched == ()
    assert dict((r[0], float(r[1])) for r in rows[1:]) == {"ada@uni.example": 1.0, "bo@uni.example": 0.0,
                                                           "zed@uni.example": 0.0}


@pytest.mark.repo
@pytest.mark.parametrize(("roster_text", "message"), [("name,Email address\nada,a@x\n", "'learner' column"),
                                                      ("learner,Student\nada,Ada\n", "SIS Login ID"),
                                                      ("learner,Phone\nada,1\n", "Email address")])
def test_a_roster_without_the_needed_columns_is_one_clear_error(tmp_path: Path, reference: dict[str, Any],
                                                                roster_text: str, message: str) -> None:
    from lessons.course.lms import export_grades
    from lessons.errors import LessonsError

    book = _gradebook_csv(tmp_path, reference)
    roster = tmp_path / "roster.csv"
    roster.write_text(roster_text, encoding="utf-8")
    lms = "canvas" if "Student" in roster_text else "moodle"
    with pytest.raises(LessonsError, match=message):
        export_grades(book, roster, tmp_path / "out.csv", lms=lms)  # type: ignore[arg-type]


@pytest.mark.repo  # the reference answers are found on the course article
def test_an_override_survives_every_regrade_and_the_regrade_says_what_changed(tmp_path: Path,
                                                                            reference: dict[str, Any]) -> None:
    folder = tmp_path / "class"
    folder.mkdir()
    _store_file(folder, "ada.json", {"reading.author": "Ahn"})
    _store_file(folder, "bo.json", {"reading.author": reference["reading.author"]})
    out = tmp_path / "book.csv"
    (tmp_path / "book-overrides.csv").write_text(
        "learner,exercise,points,reason\nada,reading.author,0.5,surname right: half credit agreed in class\n",
        encoding="utf-8")

    def gradebook() -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "lessons", "gradebook", str(folder), "-o", str(out),
                               "--notebook", "01_reading", "--jobs", "1"], capture_output=True, text=True, timeout=300)

    first = gradebook()
    assert first.returncode == 0, first.stderr
    rows = {r["learner"]: r for r in csv.DictReader(out.open(encoding="utf-8"))}
    assert float(rows["ada"]["reading.author"]) == 0.5 and "1 override applied" in first.stderr
    assert "half credit agreed" in (tmp_path / "book-feedback" / "ada.html").read_text(encoding="utf-8")
    _store_file(folder, "bo.json", {"reading.author": "Someone Else"})  # bo's answer changes before the regrade
    second = gradebook()
    rows = {r["learner"]: r for r in csv.DictReader(out.open(encoding="utf-8"))}
    assert float(rows["ada"]["reading.author"]) == 0.5  # the override is applied again
    assert "regrade: 1 grade changed" in second.stderr
    changes = list(csv.DictReader((tmp_path / "book-changes.csv").open(encoding="utf-8")))
    assert [(c["learner"], c["exercise"], float(c["points_before"]), float(c["points_now"])) for c in changes] == \
        [("bo", "reading.author", 1.0, 0.0)]


def test_a_changed_key_is_named_at_the_regrade(tmp_path: Path) -> None:
    import json as json_

    from lessons.course.regrade import record_keys

    exercises = exercises_in("01_reading.ipynb")
    path = tmp_path / "book-keys.json"
    assert record_keys(path, exercises) == []
    recorded = json_.loads(path.read_text())
    recorded["reading.author"] = "0" * 16  # as if the key had been fixed since
    path.write_text(json_.dumps(recorded))
    assert record_keys(path, exercises) == ["reading.author"]


@pytest.mark.parametrize(("line", "message"), [("ada,reading.autor,1,typo", "did you mean"),
                                               ("ada,reading.author,3,too much", "between 0 and 1"),
                                               ("ada,reading.author,1,", "a reason"),
                                               ("ada,reading.author,half,x", "a number")])
def test_a_bad_override_stops_the_gradebook_with_one_line(tmp_path: Path, line: str, message: str) -> None:
    folder = tmp_path / "class"
    folder.mkdir()
    _store_file(folder, "ada.json", {})
    (tmp_path / "book-overrides.csv").write_text(f"learner,exercise,points,reason\n{line}\n", encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "lessons", "gradebook", str(folder), "-o", str(tmp_path / "book.csv")],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2 and message in proc.stderr and proc.stderr.count("\n") == 1
    assert not (tmp_path / "book.csv").exists()


def test_key_fingerprints_are_the_same_in_every_run() -> None:
    """A regrade must name only keys that really changed: no set order, no function address in a fingerprint."""
    import os

    code = ("from lessons.course.regrade import key_fingerprint; from lessons.course.exercises import EXERCISES; "
            "print(sorted((i, key_fingerprint(e)) for i, e in EXERCISES.items()))")
    runs = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                           env={**os.environ, "PYTHONHASHSEED": seed}).stdout for seed in ("1", "2", "3")}
    assert len(runs) == 1 and len(next(iter(runs))) > 100


@pytest.mark.parametrize("text", ["ada,reading.author,1,agreed\n", "learner;exercise;points;reason\nada;x;1;y\n"])
def test_an_overrides_file_without_its_header_is_refused(tmp_path: Path, text: str) -> None:
    from lessons.course.regrade import read_overrides
    from lessons.errors import LessonsError

    path = tmp_path / "book-overrides.csv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(LessonsError, match="must start with the line learner,exercise,points,reason"):
        read_overrides(path)


@pytest.mark.repo
def test_a_canvas_export_s_own_roster_and_messy_rows(tmp_path: Path, reference: dict[str, Any]) -> None:
    from lessons.course.lms import export_grades

    book = _gradebook_csv(tmp_path, reference)
    roster = tmp_path / "roster.csv"
    roster.write_text("learner,Student,ID,SIS User ID,SIS Login ID,Section\n"
                      ",    Points Possible,,,,\n"
                      'ada,"Lovelace, Ada",101,S1,ada@uni.example,Sec A\n'
                      'ada,"Lovelace, Ada",101,S1,ada@uni.example,Sec A\n'
                      "bo,Bo,,,,Sec A\n", encoding="utf-8")
    out = tmp_path / "canvas.csv"
    done = export_grades(book, roster, out, lms="canvas")
    rows = list(csv.reader(out.open(encoding="utf-8")))
    assert [r[0] for r in rows].count("Points Possible") == 1 and len(rows) == 3  # header, points, ada
    assert len(done.skipped) == 2 and "listed twice" in done.skipped[0] and "SIS Login ID" in done.skipped[1]


def test_a_hidden_case_stopped_by_a_limit_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    from lessons.course import coderun

    def the_last_case_loops(source, function, args_list, *, cpu_s):  # type: ignore[no-untyped-def]
        real = real_run(source, function, args_list[:-1], cpu_s=cpu_s)
        return [*real, coderun.CallOutcome(False, error=coderun.LIMIT_PREFIX + "it used more than 2 s of CPU time")]

    real_run = coderun.run_function
    monkeypatch.setattr(coderun, "run_function", the_last_case_loops)
    result = get_exercise("reading.glued_byline").check(
        "def split_byline(line):\n    a, _, s = line.partition('Published')\n    return a[3:], s.strip(' :')")
    said = result.message + " ".join(result.hints)
    assert "failed: it was stopped: it used more than 2 s of CPU time" in said and "raised stopped" not in said


@pytest.mark.repo
def test_an_export_never_writes_over_the_gradebook_or_the_roster_it_reads(tmp_path: Path,
                                                                        reference: dict[str, Any]) -> None:
    from lessons.course.lms import export_grades
    from lessons.errors import LessonsError

    book = _gradebook_csv(tmp_path, reference)
    roster = tmp_path / "roster.csv"
    roster.write_text("learner,Email address\nada,ada@uni.example\n", encoding="utf-8")
    before = book.read_bytes(), roster.read_bytes()
    for target, what in ((book, "gradebook"), (roster, "roster"), (tmp_path / "." / "roster.csv", "roster")):
        with pytest.raises(LessonsError, match=f"is the {what} it reads"):
            export_grades(book, roster, target, lms="moodle")
    assert (book.read_bytes(), roster.read_bytes()) == before


def test_a_feedback_page_says_how_it_was_graded_in_words() -> None:
    from lessons.course.feedback import feedback_page

    page = feedback_page("ada", [], grading="instructor")
    assert "Graded by your instructor" in page and ". instructor<" not in page
    assert "Graded as a practice check." in feedback_page("ada", [], grading="practice check")


def test_a_shown_case_whose_value_cannot_be_read_says_so_plainly() -> None:
    result = get_exercise("reading.glued_byline").check("def split_byline(line):\n    return '\\ud800'")
    said = result.message + " ".join(result.hints)
    assert "returned text with" in said and "raised it" not in said
