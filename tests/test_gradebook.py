"""The class gradebook against a hostile class: one broken submission is one error row.

A folder of honest answer files is graded once alone and once next to hostile files (values
Python's JSON turns into errors, links, a pipe, a folder, formula and escape-sequence names,
backups, a conftest.py). The run must finish, write its CSV, give every learner file one row,
leave every honest row as it was, let no cell run as a formula and print no raw escape.
Every test is bounded (subprocess timeouts, small hypothesis runs) and none measures time.
"""

from __future__ import annotations

import csv
import dataclasses
import json
import os
import shutil
import subprocess
import sys
import tempfile
import unicodedata
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lessons import cli
from lessons.course import coderun, submissions
from lessons.course import gradebook as grading
from lessons.course.checks import CheckResult
from lessons.course.exercises import EXERCISES, get_exercise
from lessons.errors import LessonsError
from lessons.paths import COURSE_ARTICLE
from lessons.reading import read_article

#: Bound on one gradebook command, so a hang fails instead of blocking (not a timing assertion).
CLI_TIMEOUT_S = 300
CONTROL = frozenset({"Cc", "Cf", "Cs", "Zl", "Zp"})
NOT_CODE = sorted(i for i, ex in EXERCISES.items() if ex.kind != "code")


def _honest() -> dict[str, dict[str, Any]]:
    """Three learners: mostly right, mostly wrong, nothing answered."""
    article = read_article(COURSE_ARTICLE)
    return {
        "ada": {
            "start.city": "Seoul",
            "start.next_lesson": get_exercise("start.next_lesson").options[0],
            "reading.author": article.author,
            "reading.paragraphs": str(len(article.paragraphs)),
            "reading.non_ascii": ["’", "“", "-"],
        },
        "bo": {
            "start.city": "Seoul",
            "reading.author": "Sung Kim",
            "reading.non_ascii": ["’", "-"],
            "reading.apostrophe": get_exercise("reading.apostrophe").options[0],
        },
        "cy": {},
    }


def _store_bytes(answers: dict[str, Any], **forged: Any) -> bytes:
    entries = {i: {"value": v, **forged} for i, v in answers.items()}
    return json.dumps({"format": "reading-the-news/answers", "version": 1, "answers": entries}).encode()


def _write(folder: Path, name: str | bytes, data: bytes) -> None:
    path = os.path.join(os.fsencode(folder), name if isinstance(name, bytes) else os.fsencode(name))
    with open(path, "wb") as handle:
        handle.write(data)


def _deep(n: int) -> bytes:
    return b"[" * n + b"]" * n


#: Contents Python's JSON (or the checks) can turn into errors, by file name.
HOSTILE_CONTENT: dict[str, bytes] = {
    "surrogate.json": b'{"answers": {"start.city": {"value": "\\ud800"}, "reading.author": {"value": "A\\udfffB"},'
    b' "\\udc00": {"value": 1}}}',
    "bigint.json": b'{"answers": {"reading.paragraphs": {"value": ' + b"9" * 5000 + b"}}}",
    "deep_value.json": b'{"answers": {"reading.non_ascii": {"value": ' + _deep(5000) + b"}}}",
    "deep_file.json": b'{"a": ' * 5000 + b"1" + b"}" * 5000,
    "nan.json": b'{"answers": {"reading.paragraphs": {"value": NaN}, "start.city": {"value": -Infinity}}}',
    "latin1.json": '{"answers": {"start.city": {"value": "Séoul"}}}'.encode("latin-1"),
    "not_json.json": b"{not json",
    "a_list.json": b"[1, 2, 3]",
    "answers_list.json": b'{"answers": [1, 2]}',
    "bare_entries.json": b'{"answers": {"start.city": "Seoul", "reading.author": null, "reading.paragraphs": [1]}}',
    "forged.json": json.dumps(
        {"answers": {"reading.author": {"value": "Sung Kim", "score": 1, "passed": True}}, "score": 100, "passed": True}
    ).encode(),
    "unknown_ids.json": _store_bytes({"no.such": 1, "__class__": "x", "": None, "\x1b[2J": 3}),
    "huge_string.json": _store_bytes({"reading.author": "x" * 3_000_000, "start.city": "\x1b[31m" * 1000}),
    "wrong_types.json": _store_bytes(
        {"reading.stamp_match": "x", "reading.stamp_order": {"a": 1}, "start.next_lesson": ["Reading"],
         "reading.glued_byline": 5, "tokenizing.splitter": {"code": 1}}
    ),  # fmt: skip
    "empty.json": b"",
    "nul_bytes.json": b"\x00" * 100,
}
#: Names that try to run as a formula or to drive the terminal; their contents are honest (bo's).
HOSTILE_NAMES: list[str | bytes] = [
    '=HYPERLINK("evil.example";"click").json',
    "=1+2.json",
    "-3+4.json",
    "+SUM(1;2).json",
    "@SUM(1).json",
    "\x1b[31mred\x1b]0;title\x07.json",
    "new\nline.json",
    "\ttab.json",
    "\rcarriage.json",
    "\u202egnp.json",
    b"bad\xff\xfe.json",
]
#: Not learners: skipped and counted.
SKIPPED = [
    "ada.corrupt-20240101-000000-000000.json",
    "ada.set-aside-20240101.json",
    ".answers.json.k2j3.tmp",
    "answers.json.lock",
    ".hidden.json",
    "scratch.tmp",
]


def _honest_folder(folder: Path) -> None:
    folder.mkdir()
    for learner, answers in _honest().items():
        _write(folder, f"{learner}.json", _store_bytes(answers))


def _hostile_folder(folder: Path, marker: Path) -> list[str]:
    """The honest class plus every hostile entry; returns the names that are learner files."""
    _honest_folder(folder)
    learners = [f"{name}.json" for name in _honest()]
    for name, data in HOSTILE_CONTENT.items():
        _write(folder, name, data)
        learners.append(name)
    for name in HOSTILE_NAMES:
        _write(folder, name, _store_bytes(_honest()["bo"]))
        learners.append(os.fsdecode(name))
    huge = folder / "huge.json"
    with open(huge, "wb") as handle:
        handle.truncate(20 * 1024 * 1024)  # 20 MB (sparse): over the cap
    (folder / "link_to_ada.json").symlink_to(folder / "ada.json")
    (folder / "passwd.json").symlink_to("/etc/passwd")
    (folder / "dangling.json").symlink_to(folder / "nowhere")
    os.mkfifo(folder / "pipe.json")
    (folder / "dir.json").mkdir()
    (folder / "dir.json" / "inner.json").write_bytes(_store_bytes({"start.city": "Seoul"}))
    learners += ["huge.json", "link_to_ada.json", "passwd.json", "dangling.json", "pipe.json", "dir.json"]
    for name in SKIPPED:
        _write(folder, name, _store_bytes({"start.city": "Seoul"}))
    (folder / "conftest.py").write_text(f"import pathlib\npathlib.Path({str(marker)!r}).touch()\nraise SystemExit(3)\n")
    (folder / "notes.txt").write_text("not an answer file")
    return learners


def _gradebook(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "lessons", "gradebook", *args],
        capture_output=True, text=True, encoding="utf-8", errors="surrogateescape",
        timeout=CLI_TIMEOUT_S, env=env, stdin=subprocess.DEVNULL,
    )  # fmt: skip


def _table(out: Path) -> list[dict[str, str]]:
    with open(out, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _raw_cells(out: Path) -> list[str]:
    with open(out, encoding="utf-8", newline="") as handle:
        return [cell for row in csv.reader(handle) for cell in row]


def _assert_safe_cells(cells: list[str]) -> None:
    for cell in cells:
        assert not cell.startswith(submissions.FORMULA_STARTS), cell
        assert not any(unicodedata.category(ch) in CONTROL for ch in cell), repr(cell)


def _assert_safe_terminal(text: str) -> None:
    assert "\x1b" not in text and "Traceback" not in text
    assert not any(ch != "\n" and unicodedata.category(ch) in CONTROL for ch in text), repr(text)


@pytest.fixture(scope="module")
def class_runs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The honest class graded alone, then with the hostile files (both with --sandbox=off)."""
    base = tmp_path_factory.mktemp("gradebook")
    honest, hostile, marker = base / "honest", base / "hostile", base / "conftest-ran"
    _honest_folder(honest)
    learners = _hostile_folder(hostile, marker)
    runs = {"learners": learners, "marker": marker, "out_dir": base}
    for label, folder in (("honest", honest), ("hostile", hostile)):
        out = base / f"{label}.csv"
        runs[label] = (_gradebook(str(folder), "-o", str(out), "--jobs", "3", "--sandbox=off"), out)
    return runs


@pytest.mark.repo
def test_honest_class_is_graded_with_exit_0(class_runs: dict[str, Any]) -> None:
    proc, out = class_runs["honest"]
    assert proc.returncode == 0, proc.stderr
    table = {row["learner"]: row for row in _table(out)}
    assert sorted(table) == ["ada", "bo", "cy"]
    assert all(row["status"] == "graded" and row["error"] == "" for row in table.values())
    assert float(table["ada"]["reading.author"]) == 1 and float(table["cy"]["total"]) == 0
    assert 0 < float(table["bo"]["total"]) < float(table["ada"]["total"])
    assert proc.stderr.startswith("lessons gradebook: graded 3, could not grade 0, skipped 0")


@pytest.mark.repo
def test_hostile_class_finishes_with_one_row_per_learner_file(class_runs: dict[str, Any]) -> None:
    proc, out = class_runs["hostile"]
    assert proc.returncode == 1, proc.stderr
    rows = _table(out)
    expected = sorted(class_runs["learners"])
    assert [row["file"] for row in rows] == [grading.csv_cell(name) for name in expected]
    assert all(row["status"] in ("graded", "error") for row in rows)
    assert all((row["status"] == "error") == bool(row["error"]) for row in rows)
    assert not any(name in row["file"] for row in rows for name in SKIPPED + ["conftest.py", "notes.txt"])
    assert not class_runs["marker"].exists()  # the conftest.py next to the answers never ran
    assert not list(class_runs["out_dir"].glob(".*.tmp"))  # the atomic write left no temp file


@pytest.mark.repo
def test_hostile_files_do_not_change_an_honest_row(class_runs: dict[str, Any]) -> None:
    honest = {row["learner"]: row for row in _table(class_runs["honest"][1])}
    hostile = {row["learner"]: row for row in _table(class_runs["hostile"][1])}
    for learner, row in honest.items():
        assert hostile[learner] == row
    # A hostile name with honest contents is graded like its contents: only learner and file differ.
    points = [c for c in honest["bo"] if c not in ("learner", "file")]
    for name in HOSTILE_NAMES:
        cells = {c: hostile[grading.csv_cell(os.fsdecode(name).removesuffix(".json"))][c] for c in points}
        assert cells == {c: honest["bo"][c] for c in points}


@pytest.mark.repo
def test_each_hostile_file_gets_its_own_reason(class_runs: dict[str, Any]) -> None:
    table = {row["file"]: row for row in _table(class_runs["hostile"][1])}
    for name, reason in [
        ("latin1.json", "not UTF-8"),
        ("not_json.json", "not valid JSON"),
        ("a_list.json", "not an answer file"),
        ("empty.json", "not valid JSON"),
        ("huge.json", "too large"),
        ("link_to_ada.json", "symbolic link"),
        ("passwd.json", "symbolic link"),
        ("dangling.json", "symbolic link"),
        ("pipe.json", "pipe"),
        ("dir.json", "folder"),
    ]:
        assert table[name]["status"] == "error" and reason in table[name]["error"], (name, table[name]["error"])
    assert table["forged.json"]["status"] == "graded" and float(table["forged.json"]["total"]) == 0
    assert table["unknown_ids.json"]["status"] == "graded" and float(table["unknown_ids.json"]["total"]) == 0
    assert table["huge_string.json"]["status"] == "graded"
    text = class_runs["hostile"][1].read_text(encoding="utf-8")
    assert "root:" not in text and "\x1b" not in text


@pytest.mark.repo
def test_no_cell_can_run_as_a_formula(class_runs: dict[str, Any]) -> None:
    cells = _raw_cells(class_runs["hostile"][1])
    _assert_safe_cells(cells)
    assert "'=HYPERLINK(\"evil.example\";\"click\")" in cells and "'-3+4.json" in cells
    assert "\\x1b[31mred\\x1b]0;title\\x07" in cells and "new\\nline" in cells


@pytest.mark.repo
def test_terminal_output_is_one_summary_and_one_safe_line_per_error(class_runs: dict[str, Any]) -> None:
    proc, out = class_runs["hostile"]
    _assert_safe_terminal(proc.stdout + proc.stderr)
    rows = _table(out)
    errors = [row for row in rows if row["status"] == "error"]
    lines = proc.stderr.splitlines()
    graded = len(rows) - len(errors)
    assert lines[0].startswith(f"lessons gradebook: graded {graded}, could not grade {len(errors)} (")
    assert f"skipped {len(SKIPPED)}" in lines[0] and "too large 1" in lines[0]
    assert "WITHOUT a sandbox" in lines[1] and "practice check" in lines[2]
    errors_said = [line for line in lines if line.startswith("lessons gradebook: could not grade ")]
    assert len(errors_said) == len(errors)
    assert {row["sandbox"] for row in rows} == {"process"}


@pytest.mark.repo
def test_snapshot_is_taken_before_grading(tmp_path: Path) -> None:
    folder = tmp_path / "class"
    _honest_folder(folder)
    snapshots, skipped = grading.collect_submissions(folder)
    before = {s.name: grading.grade_submission(s) for s in snapshots}
    for path in folder.iterdir():  # what a code answer graded first might do to the others
        path.write_bytes(_store_bytes({i: "changed" for i in NOT_CODE}))
    after = {s.name: grading.grade_submission(s) for s in snapshots}
    assert skipped == [] and after == before
    assert float(grading.total_points(after["ada.json"].grades)[0]) > 0


@pytest.mark.repo
def test_a_code_answer_cannot_change_a_later_learners_grade(tmp_path: Path) -> None:
    alone, both = tmp_path / "alone", tmp_path / "both"
    alone.mkdir()
    both.mkdir()
    victim = _store_bytes({"reading.author": "Sung Kim"})
    _write(alone, "b.json", victim)
    _write(both, "b.json", victim)
    article = read_article(COURSE_ARTICLE)
    attack = (
        f"import pathlib\npathlib.Path({str(both / 'b.json')!r}).write_text("
        f"{json.dumps({'answers': {'reading.author': {'value': article.author}}})!r})\n"
        "def split_byline(line):\n    return None, None\n"
    )
    _write(both, "a.json", _store_bytes({"reading.glued_byline": attack}))
    runs = {}
    for folder in (alone, both):
        out = tmp_path / f"{folder.name}.csv"
        proc = _gradebook(str(folder), "-o", str(out), "--jobs", "1", "--notebook", "01_reading", "--sandbox=off")
        assert proc.returncode == 0, proc.stderr
        runs[folder.name] = {row["learner"]: row for row in _table(out)}
    assert runs["both"]["b"] == runs["alone"]["b"]
    assert float(runs["both"]["b"]["reading.author"]) == 0


@pytest.mark.repo
def test_output_in_a_missing_folder_fails_before_grading(tmp_path: Path, monkeypatch, capsys) -> None:
    folder = tmp_path / "class"
    _honest_folder(folder)
    target = tmp_path / "missing" / "x.csv"
    proc = _gradebook(str(folder), "-o", str(target))
    assert proc.returncode == 2 and len(proc.stderr.splitlines()) == 1, proc.stderr
    assert "does not exist" in proc.stderr and "Traceback" not in proc.stderr
    assert not target.parent.exists()

    def never(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("graded or read although the output cannot be written")

    monkeypatch.setattr(grading, "collect_submissions", never)
    monkeypatch.setattr(grading, "grade_submission", never)
    assert cli.main(["gradebook", str(folder), "-o", str(target)]) == 2
    assert len(capsys.readouterr().err.splitlines()) == 1


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--jobs", "0"], "--jobs must be a whole number of at least 1"),
        (["--jobs", "-2"], "--jobs must be a whole number of at least 1"),
        (["--sandbox", "maybe"], "invalid choice"),
        (["--notebook", "99_nothing"], "no notebook called"),
    ],
)
@pytest.mark.repo
def test_usage_errors_exit_2_in_one_line(tmp_path: Path, args: list[str], message: str) -> None:
    folder = tmp_path / "class"
    _honest_folder(folder)
    proc = _gradebook(str(folder), "-o", str(tmp_path / "x.csv"), *args)
    assert proc.returncode == 2 and message in proc.stderr and "Traceback" not in proc.stderr
    assert not (tmp_path / "x.csv").exists()


def test_a_folder_of_leftovers_only_is_a_usage_error(tmp_path: Path) -> None:
    folder = tmp_path / "class"
    folder.mkdir()
    for name in SKIPPED:
        _write(folder, name, b"{}")
    proc = _gradebook(str(folder), "-o", str(tmp_path / "x.csv"))
    assert proc.returncode == 2 and "holds no .json answer files" in proc.stderr
    assert len(proc.stderr.splitlines()) == 1


@pytest.mark.repo
def test_required_sandbox_refuses_code_answers_without_bubblewrap(tmp_path: Path) -> None:
    folder = tmp_path / "class"
    _honest_folder(folder)
    out = tmp_path / "x.csv"
    env = {**os.environ, "LESSONS_SANDBOX": "process"}  # coderun: as if bubblewrap did not work
    proc = _gradebook(str(folder), "-o", str(out), env=env)
    assert proc.returncode == 2 and len(proc.stderr.splitlines()) == 1, proc.stderr
    assert "install bubblewrap (apt-get install bubblewrap) or pass --sandbox=off" in proc.stderr
    assert "could then read other learners' files" in proc.stderr and not out.exists()
    # Without a code exercise selected, no sandbox is needed.
    fine = _gradebook(str(folder), "-o", str(out), "--notebook", "00_start", env=env)
    assert fine.returncode == 0, fine.stderr
    assert {row["sandbox"] for row in _table(out)} == {grading.NO_CODE}


def test_gradebook_help_documents_the_exit_codes() -> None:
    proc = _gradebook("--help")
    assert proc.returncode == 0
    assert "exit codes" in proc.stdout and "--sandbox" in proc.stdout


def test_summary_counts_learners_stopped_by_a_limit() -> None:
    ex = get_exercise("reading.glued_byline")
    stopped = CheckResult(0.0, "not yet", f"0 of 3 cases passed: {coderun.LIMIT_PREFIX}it used too much.",
                          limits=("CPU time", "memory"))
    row = grading.GradebookRow("a.json", (grading.Grade(ex, stopped),))
    book = grading.ClassGrades((row, grading.GradebookRow("b.json")))
    lines = grading.summary_lines(book)
    assert "1 learner had a code answer stopped by a limit" in lines
    assert "code stopped by a limit: a, reading.glued_byline (CPU time, memory)" in lines
    assert not any(line.startswith("code stopped by a limit: b") for line in lines)


#: An answer that loops forever, and one that asks for more memory than the sandbox allows (each case).
ENDLESS = "def split_byline(line):\n    while True:\n        pass\n"
MEMORY_HOG = "def split_byline(line):\n    return len(bytearray(8 * 1024 ** 3))\n"


def _gradebook_with_cpu_limit(cpu_s: float, *args: str) -> subprocess.CompletedProcess[str]:
    """``lessons gradebook`` as the instructor runs it, with a short CPU limit so an endless loop costs seconds."""
    boot = (f"import sys; from lessons.course import coderun; coderun.CPU_S = {cpu_s!r}; "
            "from lessons.cli import main; sys.exit(main(sys.argv[1:]))")
    return subprocess.run([sys.executable, "-c", boot, "gradebook", *args], capture_output=True, text=True,
                          encoding="utf-8", timeout=CLI_TIMEOUT_S, stdin=subprocess.DEVNULL)  # fmt: skip


@pytest.mark.repo
def test_the_summary_names_each_learner_whose_code_hit_a_limit(tmp_path: Path) -> None:
    folder = tmp_path / "class"
    folder.mkdir()
    _write(folder, "ada.json", _store_bytes({"reading.glued_byline": ENDLESS, "start.city": "Seoul"}))
    _write(folder, "bo.json", _store_bytes(_honest()["bo"]))
    _write(folder, "cy.json", _store_bytes({"reading.glued_byline": MEMORY_HOG}))
    out = tmp_path / "book.csv"
    proc = _gradebook_with_cpu_limit(2.0, str(folder), "-o", str(out), "--jobs", "2", "--sandbox=off")
    assert proc.returncode == 0, proc.stderr
    said = [line.removeprefix("lessons gradebook: ") for line in proc.stderr.splitlines()]
    assert "2 learners had a code answer stopped by a limit" in said
    named = [line for line in said if line.startswith("code stopped by a limit: ")]
    assert named == ["code stopped by a limit: ada, reading.glued_byline (CPU time)",
                     "code stopped by a limit: cy, reading.glued_byline (memory)"]  # one line each, in file order
    table = {row["learner"]: row for row in _table(out)}
    assert float(table["ada"]["reading.glued_byline"]) == 0 and float(table["ada"]["start.city"]) == 1


def test_every_limit_message_of_the_runner_names_its_limit() -> None:
    """The summary names the limit from the runner's own messages: each of them must be recognized."""
    raw = coderun._Raw((), b"", None)
    ended = {
        "wall-clock time": coderun._why_it_ended(dataclasses.replace(raw, stopped="wall", wall_s=60.0), 10.0),
        "result size": coderun._why_it_ended(dataclasses.replace(raw, stopped="result"), 10.0),
        "CPU time": coderun._why_it_ended(dataclasses.replace(raw, returncode=-9), 10.0),
        "memory": coderun._why_it_ended(dataclasses.replace(raw, returncode=1, output=b"MemoryError\n"), 10.0),
    }
    for name, error in ended.items():
        assert error.startswith(coderun.LIMIT_PREFIX) and coderun.limit_named(error) == name, error
    for error, name in [("MemoryError: it used more memory than allowed", "memory"),
                        ("it returned a value of 2097154 bytes (at most 1048576)", "result size"),
                        ("OSError: [Errno 27] File too large", "file size")]:
        assert coderun.limit_named(error) == name
    for error in ("", "ValueError: stopped: it used more than 1 s of CPU time", "your code crashed Python: x"):
        assert coderun.limit_named(error) == ""


@pytest.mark.repo  # the honest answers are read off the course article in data/
def test_the_maximum_points_are_a_row_of_their_own_beside_the_gradebook(tmp_path: Path) -> None:
    folder = tmp_path / "class"
    _honest_folder(folder)
    out = tmp_path / "book.csv"
    grading.write_gradebook(grading.grade_folder(folder, jobs=1, progress=False), out)
    learners, maximum = _table(out), _table(grading.maximum_path(out))
    assert grading.maximum_path(out).name == "book-maximum.csv"
    assert [row["learner"] for row in learners] == ["ada", "bo", "cy"]  # the gradebook: one row per submission
    assert len(maximum) == 1 and list(maximum[0]) == list(learners[0])  # the gradebook's columns, one row
    row = maximum[0]
    assert (row["learner"], row["status"], row["percent"]) == (grading.MAXIMUM, grading.MAXIMUM_STATUS, "100.0")
    assert {i: float(row[i]) for i in EXERCISES} == {i: ex.points for i, ex in EXERCISES.items()}
    assert float(row["total"]) == float(row["possible"]) == float(learners[0]["possible"])
    assert float(row["capstone.own_article"]) == EXERCISES["capstone.own_article"].points > 1  # not all weigh 1


def test_write_gradebook_cannot_leave_a_half_written_file(tmp_path: Path) -> None:
    out = tmp_path / "book.csv"
    out.write_text("previous gradebook\n")
    with pytest.raises(LessonsError):
        grading.write_gradebook([grading.GradebookRow("a.json")], tmp_path / "missing" / "book.csv")
    assert out.read_text() == "previous gradebook\n" and not list(tmp_path.glob(".*.tmp"))


# --- Generated names and values: the guards hold for the class, not only the listed cases --------

#: Any character, often one of the dangerous ones (surrogates are never drawn unless asked for).
ANY_CHAR = st.one_of(st.characters(), st.characters(categories=["Cc", "Cf", "Cs", "Zl", "Zp"]))


@settings(max_examples=200, deadline=None)
@given(st.text(ANY_CHAR, max_size=40))
def test_printable_leaves_no_control_character(text: str) -> None:
    shown = grading.printable(text)
    assert not any(unicodedata.category(ch) in CONTROL for ch in shown)
    if not any(unicodedata.category(ch) in CONTROL for ch in text):
        assert shown == text  # nothing else about a name is altered
    cell = grading.csv_cell(text)
    assert not cell.startswith(submissions.FORMULA_STARTS)
    assert cell in (shown, "'" + shown)


def _file_names() -> st.SearchStrategy[bytes]:
    from_text = st.text(ANY_CHAR, min_size=1, max_size=30).map(lambda t: t.encode("utf-8", "surrogatepass"))
    from_bytes = st.binary(min_size=1, max_size=30)
    prefix = st.sampled_from([b"", b"=", b"-", b"+", b"@", b"\t", b"\r", b"\x1b[31m", b".", b"\x9b"])
    return st.tuples(prefix, st.one_of(from_text, from_bytes)).map(
        lambda pair: (pair[0] + pair[1]).replace(b"/", b"_").replace(b"\x00", b"_")[:200] + b".json"
    )


_SNIPPETS = ["9" * 5000, _deep(3000).decode(), '"\\ud800"', '"\\udfff\\u0000"', "NaN", "-Infinity", "1e999999"]


def _json_value() -> st.SearchStrategy[str]:
    leaves = st.none() | st.booleans() | st.integers() | st.floats() | st.text(ANY_CHAR, max_size=20)
    values = st.recursive(leaves, lambda c: st.lists(c, max_size=3) | st.dictionaries(st.text(max_size=4), c, max_size=3),
                          max_leaves=8)  # fmt: skip
    return st.one_of(values.map(json.dumps), st.sampled_from(_SNIPPETS))


def _contents() -> st.SearchStrategy[bytes]:
    ids = st.sampled_from(NOT_CODE + ["no.such", "", "__proto__"])
    entry = st.tuples(ids, _json_value()).map(lambda e: f'{json.dumps(e[0])}: {{"value": {e[1]}, "score": 1}}')
    files = st.lists(entry, max_size=4).map(lambda es: '{"answers": {' + ", ".join(es) + "}}")
    return st.one_of(files.map(lambda t: t.encode("utf-8", "surrogatepass")), st.binary(max_size=200))


_HONEST_ROW_BYTES = _store_bytes(
    {"start.city": "Seoul", "reading.author": "Sung Kim", "reading.non_ascii": ["’", "“", "-"]}
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(_file_names(), _contents()), min_size=1, max_size=4))
def test_generated_names_and_values_never_break_the_run(files: list[tuple[bytes, bytes]]) -> None:
    honest = grading.grade_submission(grading.Submission("zzz_honest.json", _HONEST_ROW_BYTES))
    folder = Path(tempfile.mkdtemp(prefix="gradebook-"))
    try:
        for name, data in files:
            if name not in (b"zzz_honest.json",):
                _write(folder, name, data)
        _write(folder, "zzz_honest.json", _HONEST_ROW_BYTES)
        names = sorted(os.fsdecode(n) for n in os.listdir(os.fsencode(folder)))
        learners = [n for n in names if submissions.submission_role(n) == "learner"]
        book = grading.grade_class(folder, jobs=2, progress=False)
        assert [row.file for row in book.rows] == learners
        assert len(book.skipped) == sum(submissions.submission_role(n) == "skipped" for n in names)
        assert next(row for row in book.rows if row.file == "zzz_honest.json") == honest
        assert all(bool(row.error) != bool(row.grades) for row in book.rows)
        out = folder.with_suffix(".csv")
        grading.write_gradebook(book.rows, out, sandbox="process")
        cells = _raw_cells(out)
        out.unlink()
        grading.maximum_path(out).unlink(missing_ok=True)  # written beside the gradebook: leave nothing in /tmp
        _assert_safe_cells(cells)
        _assert_safe_terminal("\n".join(grading.summary_lines(book, sandbox="process", output=out)))
    finally:
        shutil.rmtree(folder)


def test_a_learner_whose_id_needs_no_change_keeps_the_page_named_after_it(tmp_path: Path) -> None:
    from lessons.course.feedback import write_feedback

    write_feedback(tmp_path / "pages", {"ann lee": "<p>the odd one</p>", "ann_lee": "<p>ann_lee's own</p>"})
    assert (tmp_path / "pages" / "ann_lee.html").read_text(encoding="utf-8") == "<p>ann_lee's own</p>"
    assert len(list((tmp_path / "pages").glob("ann_lee-*.html"))) == 1


def test_the_summary_names_every_answer_the_sandbox_could_not_check() -> None:
    from lessons.course.checks import CheckResult
    from lessons.course.exercises import get_exercise

    unchecked = CheckResult(0.0, "could not be checked", "Your code could not be checked: the sandbox failed.")
    row = grading.GradebookRow("ada.json", (grading.Grade(get_exercise("reading.glued_byline"), unchecked),))
    lines = grading.summary_lines(grading.ClassGrades((row,), ()))
    assert any(line.startswith("could not be checked") and "ada, reading.glued_byline" in line for line in lines)
