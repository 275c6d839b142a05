"""Grades learners cannot look up: learner ids, the instructor's secret, instructor cases, variants.

No answer is written here: variant answers are found by trying candidates (``variant_answer`` in
conftest.py), and code answers are honest implementations of the exercise's own statement.
"""

from __future__ import annotations

import csv
import json
import stat
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from lessons.course import identity, secret
from lessons.course.checks import PRACTICE_NOTE, Grader
from lessons.course.exercises import EXERCISES, get_exercise
from lessons.course.store import AnswerStore
from lessons.course.variants import choose_index
from lessons.errors import LearnerIdError, SecretError

VARIANT_EXERCISES = sorted(i for i, ex in EXERCISES.items() if ex.variants)
INSTRUCTOR_EXERCISES = sorted(i for i, ex in EXERCISES.items() if ex.has_instructor_cases)
LEARNERS = [f"learner{n:03d}" for n in range(200)]

@pytest.fixture
def a_secret(tmp_path: Path) -> bytes:
    return secret.load_secret(secret.init_secret(tmp_path / "instructor" / "secret.json"))


# --- Variants ---------------------------------------------------------------------------------


@pytest.mark.parametrize("exercise_id", VARIANT_EXERCISES)
def test_a_variant_is_stable_for_an_id_and_spreads_over_the_pool(exercise_id: str) -> None:
    ex = get_exercise(exercise_id)
    assert all(ex.variant_for(who) == ex.variant_for(who) for who in LEARNERS[:20])
    spread = Counter(choose_index(ex.id, who, len(ex.variants)) for who in LEARNERS)
    assert set(spread) == set(range(len(ex.variants)))  # every passage is someone's
    assert max(spread.values()) <= 3 * len(LEARNERS) / len(ex.variants)  # and none is everyone's


@pytest.mark.parametrize("exercise_id", VARIANT_EXERCISES)
def test_every_passage_of_a_pool_has_a_right_answer(exercise_id: str, variant_answer: Any) -> None:
    ex = get_exercise(exercise_id)
    owners = {ex.variant_for(who).passage: who for who in LEARNERS}  # type: ignore[union-attr]
    assert len(owners) == len(ex.variants)
    for who in owners.values():
        assert ex.check(variant_answer(ex, who), Grader(learner=who)).passed


@pytest.mark.parametrize("exercise_id", VARIANT_EXERCISES)
def test_a_neighbours_right_answer_is_wrong_for_you(exercise_id: str, variant_answer: Any) -> None:
    ex = get_exercise(exercise_id)
    by_passage = {ex.variant_for(who).passage: who for who in LEARNERS}  # type: ignore[union-attr]
    owners = list(by_passage.values())
    answers = {who: variant_answer(ex, who) for who in owners}
    for mine in owners:
        for theirs in owners:
            if answers[theirs] != answers[mine]:
                assert not ex.check(answers[theirs], Grader(learner=mine)).passed, (mine, theirs)


@pytest.mark.parametrize("exercise_id", VARIANT_EXERCISES)
def test_without_a_learner_id_a_variant_cannot_be_checked(exercise_id: str) -> None:
    result = get_exercise(exercise_id).check("7")
    assert result.status == "could not be checked" and "learner id" in result.message


def test_in_utc_means_the_answer_says_utc(variant_answer: Any) -> None:
    ex = get_exercise("reading.header_utc")
    right = variant_answer(ex, "ada.lovelace")
    grader = Grader(learner="ada.lovelace")
    assert ex.check(right.replace("Z", "+00:00"), grader).passed
    no_zone = ex.check(right.removesuffix("Z"), grader)  # well formed, but not "in UTC": not yet, and why
    assert no_zone.status == "not yet" and "+00:00 or Z" in " ".join(no_zone.hints)
    assert ex.check("the morning of the 23rd", grader).status == "could not be read"


# --- Instructor cases ---------------------------------------------------------------------------


@pytest.mark.parametrize("exercise_id", INSTRUCTOR_EXERCISES)
def test_the_instructor_grade_only_adds_cases_and_says_so(exercise_id: str, a_secret: bytes, solution: Any) -> None:
    ex = get_exercise(exercise_id)
    practice = ex.check(solution(exercise_id), Grader(learner="ada"))
    graded = ex.check(solution(exercise_id, a_secret), Grader(learner="ada", secret=a_secret))
    assert practice.passed and PRACTICE_NOTE in practice.message
    assert graded.passed and PRACTICE_NOTE not in graded.message and "your instructor's" in graded.message
    seen = int(practice.message.split(" of ")[1].split()[0])
    assert int(graded.message.split(" of ")[1].split()[0]) > seen


@pytest.mark.parametrize("exercise_id", INSTRUCTOR_EXERCISES)
def test_a_lookup_table_of_the_cases_in_the_clone_fails_the_instructor_cases(
    exercise_id: str, a_secret: bytes, solution: Any
) -> None:
    ex = get_exercise(exercise_id)
    table = solution(exercise_id)  # every case a learner's copy holds, answered by the course helper
    assert ex.check(table, Grader(learner="ada")).passed  # the practice check can be looked up ...
    assert not ex.check(table, Grader(learner="ada", secret=a_secret)).passed  # ... the grade cannot


@pytest.mark.repo
@pytest.mark.parametrize("exercise_id", INSTRUCTOR_EXERCISES)
def test_instructor_cases_depend_on_the_secret_and_are_not_in_the_clone(exercise_id: str, tmp_path: Path) -> None:
    import random

    make = get_exercise(exercise_id).key.instructor_cases  # type: ignore[union-attr]
    one = make(random.Random(secret.derive(b"a" * 32, "instructor cases", exercise_id)))
    other = make(random.Random(secret.derive(b"b" * 32, "instructor cases", exercise_id)))
    assert [c[0] for c in one] != [c[0] for c in other]
    tracked = subprocess.run(["git", "ls-files", "-z"], capture_output=True, cwd=_repo(), check=True).stdout
    texts = [(_repo() / n).read_text(encoding="utf-8", errors="ignore") for n in tracked.decode().split("\0") if n]
    for args, _expected, _about in one:
        text = args[0]
        if len(text) > 30:
            assert not any(text in t for t in texts), f"an instructor case input is in the repository: {text!r}"


def _repo() -> Path:
    return Path(__file__).resolve().parent.parent


# --- The secret, the learner id, the gradebook -------------------------------------------------


def test_keys_init_writes_a_private_secret_and_refuses_to_overwrite(tmp_path: Path) -> None:
    path = secret.init_secret(tmp_path / "s.json")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600 and len(secret.load_secret(path)) == 32
    with pytest.raises(SecretError, match="exists already"):
        secret.init_secret(path)
    assert secret.load_secret(secret.init_secret(path, force=True)) != b""


@pytest.mark.repo
def test_keys_init_refuses_a_path_inside_the_checkout() -> None:
    proc = subprocess.run([sys.executable, "-m", "lessons", "keys", "init", str(_repo() / "notebooks" / "s.json")],
                          capture_output=True, text=True, timeout=60)  # fmt: skip
    assert proc.returncode == 2 and "inside the git checkout" in proc.stderr
    assert not (_repo() / "notebooks" / "s.json").exists()


@pytest.mark.parametrize("content", ["", "[]", '{"format": "x"}', '{"format": "reading-the-news/instructor-secret"}',
                                     '{"format": "reading-the-news/instructor-secret", "secret": "zz"}'])  # fmt: skip
def test_a_bad_secret_file_is_one_line(tmp_path: Path, content: str) -> None:
    (tmp_path / "s.json").write_text(content, encoding="utf-8")
    with pytest.raises(SecretError, match="lessons keys init"):
        secret.load_secret(tmp_path / "s.json")


def test_the_learner_id_is_set_once_and_kept_with_the_answers(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(identity.HUB_USER_ENV, raising=False)
    store = AnswerStore(tmp_path / "answers.json")
    store.save("start.city", "Seoul")
    assert identity.learner_id(store) is None
    identity.set_learner_id("ada.lovelace", store)
    assert identity.learner_id(store) == "ada.lovelace" and store.load() == {"start.city": "Seoul"}
    with pytest.raises(LearnerIdError):
        identity.set_learner_id("ada lovelace; rm -rf", store)


def test_on_a_hub_the_hub_user_is_the_learner_id(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = AnswerStore(tmp_path / "answers.json")
    monkeypatch.setenv(identity.HUB_USER_ENV, "bob")
    assert identity.learner_id(store) == "bob"
    with pytest.raises(LearnerIdError, match="set by the hub"):
        identity.set_learner_id("ada", store)


def _submission(folder: Path, name: str, learner: str, answers: dict[str, Any]) -> None:
    entries = {i: {"value": v} for i, v in answers.items()}
    (folder / f"{name}.json").write_text(json.dumps({"learner": learner, "answers": entries}), encoding="utf-8")


def _gradebook(folder: Path, out: Path, *extra: str) -> tuple[subprocess.CompletedProcess[str], dict[str, dict]]:
    proc = subprocess.run([sys.executable, "-m", "lessons", "gradebook", str(folder), "-o", str(out), *extra],
                          capture_output=True, text=True, timeout=600)  # fmt: skip
    return proc, {row["learner"]: row for row in csv.DictReader(out.open(encoding="utf-8"))}


def test_gradebook_with_and_without_the_secret(tmp_path: Path, variant_answer: Any, solution: Any) -> None:
    folder, secret_file = tmp_path / "class", secret.init_secret(tmp_path / "keys" / "s.json")
    folder.mkdir()
    ex = get_exercise("tokenizing.passage_sentences")
    ada, bo = "ada", next(w for w in LEARNERS if ex.variant_for(w) != ex.variant_for("ada")
                          and variant_answer(ex, w) != variant_answer(ex, "ada"))  # fmt: skip
    mine = {"tokenizing.passage_sentences": variant_answer(ex, ada),
            "tokenizing.splitter": solution("tokenizing.splitter", secret.load_secret(secret_file))}  # fmt: skip
    _submission(folder, ada, ada, mine)
    _submission(folder, bo, "someone-else", mine)  # bo copied ada's file, id and all
    practice, without = _gradebook(folder, tmp_path / "practice.csv", "--notebook", "02_tokenizing")
    graded, with_secret = _gradebook(folder, tmp_path / "graded.csv", "--notebook", "02_tokenizing",
                                     "--secret", str(secret_file))  # fmt: skip
    assert practice.returncode == graded.returncode == 0, practice.stderr + graded.stderr
    assert "practice check" in practice.stderr and "instructor's secret" in graded.stderr
    assert {r["grading"] for r in without.values()} == {"practice check"}
    assert {r["grading"] for r in with_secret.values()} == {"instructor"}
    assert float(with_secret[ada]["tokenizing.splitter"]) == 1.0  # instructor cases run and passed
    assert float(with_secret[ada]["tokenizing.passage_sentences"]) == 1.0
    assert float(with_secret[bo]["tokenizing.passage_sentences"]) == 0.0  # a neighbour's answer does not fit
    assert (with_secret[ada]["id_check"], with_secret[bo]["id_check"]) == ("same", "differs")
    assert "differs from the name of the submission" in graded.stderr


# --- No answer in plain text in the learner's copy -----------------------------------------------

def _tracked_texts() -> dict[str, str]:
    tracked = subprocess.run(["git", "ls-files", "-z"], capture_output=True, cwd=_repo(), check=True).stdout
    names = [n for n in tracked.decode().split("\0") if n and (_repo() / n).is_file()]
    return {n: (_repo() / n).read_text(encoding="utf-8", errors="ignore") for n in names}


def _forms(answer: Any) -> set[str]:
    """The plain-text forms an answer could be written in (too short or numeric ones say nothing)."""
    text = str(answer).strip()
    forms = {text, text.removesuffix("Z"), text.removesuffix("Z").replace("T", " ")}
    return {f for f in forms if len(f) >= 6 and not f.replace(".", "").isdigit()}


@pytest.mark.repo
def test_no_variant_answer_is_in_the_repository_in_plain_text(variant_answer: Any) -> None:
    # Warm-ups about the course article itself are left out on purpose: its byline and stamp are the
    # lessons' worked example, shown in the lessons, their tests and docs (README, "What each mode hides").
    answers: dict[str, set[str]] = {}
    for exercise_id in VARIANT_EXERCISES:
        ex = get_exercise(exercise_id)
        for who in {ex.variant_for(w).passage: w for w in LEARNERS}.values():  # type: ignore[union-attr]
            passage = f"lessons/data/passages/{ex.variant_for(who).passage}"  # type: ignore[union-attr]
            answers[passage + " " + exercise_id] = _forms(variant_answer(ex, who))
    texts = _tracked_texts()
    found = [
        (what, form, name)
        for what, forms in answers.items()
        for form in forms
        for name, text in texts.items()
        if not what.startswith(name + " ") and form in text  # the passage itself holds the words asked about
        # a news text (an article or another passage) may well use a passage's most frequent word; a name
        # or a phrase is another matter
        and not (name.startswith(("data/", "lessons/data/passages/")) and " " not in form)
        # the tool's word lists and gazetteers name thousands of places and words; they hold no key
        and not name.startswith(("lessons/data/gazetteers/", "lessons/_gazetteer.py"))
    ]
    assert found == [], found


def test_a_folder_per_learner_is_graded_under_the_folder_s_name(tmp_path: Path, variant_answer: Any) -> None:
    from lessons.course import gradebook

    ex = get_exercise("tokenizing.passage_sentences")
    (tmp_path / "ada").mkdir()
    _submission(tmp_path / "ada", "answers", "ada", {ex.id: variant_answer(ex, "ada")})
    (tmp_path / "bo").mkdir()  # a folder without answers.json is not a learner
    book = gradebook.grade_class(tmp_path, notebook="02_tokenizing", jobs=1, progress=False)
    [row] = book.rows
    assert (row.file, row.learner, row.id_check) == ("ada/answers.json", "ada", "same")
    assert next(g for g in row.grades if g.exercise.id == ex.id).result.passed


@pytest.mark.parametrize("exercise_id", ["reading.header_utc", "tokenizing.passage_sentences", "quoting.tool_wrong",
                                         "dating.tool_wrong"])
def test_the_course_helper_gets_every_passage_of_a_challenge_pool_wrong(exercise_id: str, variant_answer: Any) -> None:
    """A challenge about beating the tool: one helper call must not answer it on any learner's passage."""
    from datetime import timezone

    from lessons.dating import find_timexes
    from lessons.quoting import extract_quotes
    from lessons.reading import read_article
    from lessons.tokenizing import sentences

    ex = get_exercise(exercise_id)
    owners = {ex.variant_for(w).passage: w for w in LEARNERS}  # type: ignore[union-attr]
    assert len(owners) == len(ex.variants)
    for passage, who in owners.items():
        text, grader = ex.passage_for(who), Grader(learner=who)
        if exercise_id == "reading.header_utc":
            published = read_article(text).published
            tool = published.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%MZ") if published else "no answer"
        elif exercise_id == "quoting.tool_wrong":
            tool = extract_quotes(text)[-1].speaker or "no answer"
        elif exercise_id == "dating.tool_wrong":
            weekdays = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
            last = [t for t in find_timexes(read_article(text)) if any(w in t.text.lower() for w in weekdays)][-1]
            tool = last.value[:10]
        else:
            tool = len(sentences(text))
        assert not ex.check(tool, grader).passed, f"the helper answers {passage}"
        assert ex.check(variant_answer(ex, who), grader).passed


#: The label the course's entities() gives each lesson-5 challenge passage's answer, hashed with the passage and
#: the name: the label a reader knows is wrong (checked by hand when the pool was written). A passage whose
#: answer the tool misses entirely has no entry.
_ENTITIES_TOOL_SAYS = frozenset({"789d007a4cd96b12", "de1a40a1cf1ca1de", "febaebeefdc66f47", "48d6fd9fb44c1e82",
                                 "4c215c25da542dd6"})


def test_the_course_entities_still_get_every_passage_of_lesson_5_s_challenge_pool_wrong(variant_answer: Any) -> None:
    import hashlib

    from lessons.contextualizing import entities
    from lessons.reading import read_article

    ex = get_exercise("contextualizing.tool_wrong")
    owners = {ex.variant_for(w).passage: w for w in LEARNERS}  # type: ignore[union-attr]
    assert len(owners) == len(ex.variants)
    for passage, who in owners.items():
        name = variant_answer(ex, who)
        labels = {e.text: e.label for e in entities(read_article(ex.passage_for(who)))}
        if name in labels:  # the tool still gives it the wrong label it gave when the pool was written
            digest = hashlib.sha256(f"{passage}\x1f{name}\x1f{labels[name]}".encode()).hexdigest()[:16]
            assert digest in _ENTITIES_TOOL_SAYS, f"entities() now labels the answer of {passage} otherwise"


_HOARDS = '''
import sys
SEEN = []

def to_utc(*args):
    SEEN.append(args)
    found = []
    frame = sys._getframe(1)
    while frame is not None:  # the runner's frames: every case it holds
        found.append({k: repr(v)[:4000] for k, v in frame.f_locals.items() if k in ("job", "cases", "args_list")})
        frame = frame.f_back
    return "LEAK " + repr(SEEN) + repr(found)
'''


def test_code_never_shows_an_instructor_case_input_in_a_shown_case_result(a_secret: bytes) -> None:
    """Shown and hidden cases run in separate interpreters, shown first: neither a global that hoards its
    arguments nor the runner's frames can carry an instructor case into what the feedback shows."""
    from lessons.course.checks import _cases

    ex = get_exercise("reading.to_utc")
    grader = Grader(learner="mallet", secret=a_secret)
    instructor = [c.args for c in _cases(ex, ex.key, grader) if c.instructor]  # type: ignore[arg-type]
    assert instructor
    result = ex.check(_HOARDS, grader)
    shown = result.message + " ".join(result.hints)
    assert "LEAK" in shown  # the hoard is shown for a shown case …
    for args in instructor:  # … and holds no instructor case's input
        assert repr(args[0])[1:-1] not in shown, args
