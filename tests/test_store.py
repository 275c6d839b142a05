"""The answer store: round trips, atomic writes, concurrent writers, corrupt files."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from lessons.errors import StoreCorruptError, StoreError
from lessons.course.store import STORE_ENV, AnswerStore, default_store_path, parse_store


@pytest.fixture
def store(tmp_path: Path) -> AnswerStore:
    return AnswerStore(tmp_path / "answers.json")


@pytest.mark.parametrize(
    "value",
    ["Ahn Sung-mi", "15", 15, ["’", "“"], {"a quote": "Sung Kim"}, "def f(x):\n    return x\n", None],
)
def test_saved_answer_comes_back_in_a_new_store_object(store: AnswerStore, value: object) -> None:
    store.save("reading.author", value)
    assert AnswerStore(store.path).get("reading.author") == value


def test_each_save_keeps_the_other_answers(store: AnswerStore) -> None:
    store.save("a.one", "1")
    store.save("a.two", "2")
    store.save("a.one", "changed")
    assert store.load() == {"a.one": "changed", "a.two": "2"}


def test_missing_file_is_an_empty_store(store: AnswerStore) -> None:
    assert store.load() == {} and store.get("x.y", "default") == "default"


def test_a_value_json_cannot_hold_is_refused_clearly(store: AnswerStore) -> None:
    with pytest.raises(StoreError, match="cannot save set"):
        store.save("a.b", {1, 2})
    assert not store.path.exists()


def test_forged_score_fields_are_not_read_back() -> None:
    text = json.dumps({"passed": True, "answers": {"a.b": {"value": "x", "score": 1.0, "passed": True}}})
    assert parse_store(text) == {"a.b": "x"}


def test_environment_variable_chooses_the_file(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv(STORE_ENV, str(tmp_path / "mine.json"))
    assert default_store_path() == tmp_path / "mine.json"


_KILLED_WRITER = """
import json, os, signal, sys
from lessons.course import store as store_module
real_dump = json.dump
def dump_then_die(data, handle, **kw):
    handle.write('{"answers": {"half": ')  # half a file, then the process dies
    handle.flush()
    os.kill(os.getpid(), signal.SIGKILL)
store_module.json.dump = dump_then_die
store_module.AnswerStore(sys.argv[1]).save("reading.author", "overwritten?")
"""


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX-only")
def test_a_write_killed_midway_leaves_the_previous_answers(store: AnswerStore) -> None:
    store.save("reading.author", "Ahn Sung-mi")
    store.save("reading.paragraphs", "15")
    proc = subprocess.run([sys.executable, "-c", _KILLED_WRITER, str(store.path)], capture_output=True)
    assert proc.returncode != 0  # it really died
    assert AnswerStore(store.path).load() == {"reading.author": "Ahn Sung-mi", "reading.paragraphs": "15"}
    store.save("reading.paragraphs", "16")  # and the store still works afterwards
    assert store.get("reading.paragraphs") == "16"


_WRITER = """
import sys
from lessons.course.store import AnswerStore
store = AnswerStore(sys.argv[1])
for i in range(int(sys.argv[3])):
    store.save(f"{sys.argv[2]}.q{i}", i)
"""


def test_writers_in_parallel_lose_nothing(store: AnswerStore) -> None:
    writers = [
        subprocess.Popen([sys.executable, "-c", _WRITER, str(store.path), f"nb{n}", "40"]) for n in range(4)
    ]
    assert [w.wait(timeout=120) for w in writers] == [0, 0, 0, 0]
    answers = store.load()
    assert len(answers) == 160
    assert all(answers[f"nb{n}.q{i}"] == i for n in range(4) for i in range(40))


def test_corrupt_file_is_kept_as_backup_and_reported(store: AnswerStore) -> None:
    store.path.write_text('{"answers": {"reading.author": {"value": "Ahn', encoding="utf-8")
    with pytest.raises(StoreCorruptError, match="not valid JSON") as loading:
        store.load()
    assert "\n" not in str(loading.value)
    assert store.path.read_text(encoding="utf-8").endswith('"Ahn')  # loading never touches it
    with pytest.raises(StoreCorruptError, match=r"kept as answers\.corrupt-.*\.json") as saving:
        store.save("reading.paragraphs", "15")
    backups = list(store.path.parent.glob("answers.corrupt-*.json"))
    assert len(backups) == 1 and backups[0].read_text(encoding="utf-8").endswith('"Ahn')
    assert "reading.paragraphs" in str(saving.value)
    assert store.load() == {"reading.paragraphs": "15"}


@pytest.mark.parametrize("text", ["[1, 2]", '{"answers": [1]}', "\x00\x01", ""])
def test_files_that_are_not_answer_files_are_corrupt(store: AnswerStore, text: str) -> None:
    store.path.write_text(text, encoding="utf-8")
    with pytest.raises(StoreCorruptError):
        store.load()


def test_a_file_that_is_not_utf8_is_reported_not_raised(store: AnswerStore) -> None:
    store.path.write_bytes(b"\xff\xfe\x00garbage")
    with pytest.raises(StoreError, match="cannot read"):
        store.load()


def test_store_in_an_unwritable_place_says_so(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(StoreError, match="cannot save"):
        AnswerStore(blocker / "answers.json").save("a.b", "x")


def test_the_default_notebook_store_is_next_to_the_notebooks(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(STORE_ENV, raising=False)
    assert default_store_path().parent.name == "notebooks"
    assert default_store_path().name == "answers.json"
