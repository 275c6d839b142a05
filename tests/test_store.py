"""The answer store: round trips, atomic writes, concurrent writers, corrupt files."""

from __future__ import annotations

import contextlib
import json
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lessons.course import store as store_module
from lessons.course.checks import Unreadable
from lessons.errors import StoreCorruptError, StoreError
from lessons.course.store import (
    MAX_ANSWER_BYTES,
    MAX_DEPTH,
    STORE_ENV,
    AnswerStore,
    default_store_path,
    parse_store,
)


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
    with pytest.raises(StoreCorruptError, match=r"kept as answers\.json\.corrupt-\S+ and") as saving:
        store.save("reading.paragraphs", "15")
    backups = list(store.path.parent.glob("answers.json.corrupt-*"))
    assert len(backups) == 1 and backups[0].read_text(encoding="utf-8").endswith('"Ahn')
    assert [p.name for p in store.path.parent.glob("*.json")] == ["answers.json"]  # a gradebook sees one learner
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


@pytest.mark.repo
def test_the_default_notebook_store_is_next_to_the_notebooks(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(STORE_ENV, raising=False)
    assert default_store_path().parent.name == "notebooks"
    assert default_store_path().name == "answers.json"


def test_the_learners_own_copy_of_the_course_wins_over_the_installed_checkout(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """On a hub the package is installed from one checkout; a learner's kernel runs in their own copy."""
    monkeypatch.delenv(STORE_ENV, raising=False)
    course = tmp_path / "home" / "reading-the-news"
    (course / "notebooks").mkdir(parents=True)
    (course / "notebooks" / "00_start.ipynb").write_text("{}", encoding="utf-8")
    mine = (course / "notebooks" / "answers.json").resolve()
    for where in (course / "notebooks", course):  # a notebook's kernel; a terminal in the course folder
        monkeypatch.chdir(where)
        assert default_store_path().resolve() == mine
    monkeypatch.chdir(tmp_path)  # no course here: the checkout's notebooks folder, as before (else here)
    expected = store_module.NOTEBOOKS_DIR if store_module.NOTEBOOKS_DIR.is_dir() else tmp_path
    assert default_store_path().resolve() == (expected / "answers.json").resolve()


# --- hostile files: one bad entry is set aside, never the learner -----------------------------------------------

_GOOD = {"good.one": "kept", "good.two": [1, "two", {"three": 3.5}]}


def _file_with(raw_value: str, *, raw_id: str = '"bad.one"') -> str:
    """An answer file holding the good answers and one entry whose value (or id) is raw JSON text."""
    good = ", ".join(f'{json.dumps(k)}: {{"value": {json.dumps(v)}, "saved": "2026-01-01"}}' for k, v in _GOOD.items())
    entries = f'{good}, {raw_id}: {{"value": {raw_value}}}'
    return f'{{"format": "reading-the-news/answers", "version": 1, "answers": {{{entries}}}}}'


def _nested(depth: int, leaf: Any = 1) -> Any:
    value = leaf
    for _ in range(depth):
        value = [value]
    return value


HOSTILE_VALUES = [
    ("9" * 5000, "a number with 5000 digits"),
    ("-" + "9" * 5000, "a number with 5000 digits"),
    ("[" + "1" * 4400 + ", 2]", "a number with 4400 digits"),
    ("[" * 5000 + "]" * 5000, f"nested more than {MAX_DEPTH} levels deep"),
    ('{"a": ' * 5000 + "1" + "}" * 5000, f"nested more than {MAX_DEPTH} levels deep"),
    ("[" * 3000 + '"]]\\"[[", {"x": "}"}' + "]" * 3000, f"nested more than {MAX_DEPTH} levels deep"),
    ("[" * (MAX_DEPTH + 1) + "]" * (MAX_DEPTH + 1), f"nested more than {MAX_DEPTH} levels deep"),
    ('"\\ud800"', "unpaired surrogate"),
    ('["fine", {"k": "a\\udfffb"}]', "unpaired surrogate"),
    ('{"\\udc00": 1}', "unpaired surrogate"),
    ("NaN", "NaN is not a number JSON can hold"),
    ("[1, Infinity]", "Infinity is not a number JSON can hold"),
    ("-Infinity", "-Infinity is not a number JSON can hold"),
    ("1e999", "a number too large for JSON"),
]


@pytest.mark.parametrize(("raw_value", "reason"), HOSTILE_VALUES)
def test_a_hostile_entry_loads_as_unreadable_and_the_others_are_kept(
    store: AnswerStore, raw_value: str, reason: str
) -> None:
    store.path.write_text(_file_with(raw_value), encoding="utf-8")
    answers = store.load()
    assert isinstance(answers["bad.one"], Unreadable) and reason in answers["bad.one"].reason
    assert {k: answers[k] for k in _GOOD} == _GOOD


@pytest.mark.parametrize(("raw_value", "reason"), HOSTILE_VALUES)
def test_saving_sets_a_hostile_entry_aside_and_keeps_the_rest(
    store: AnswerStore, raw_value: str, reason: str
) -> None:
    original = _file_with(raw_value).encode("utf-8")
    store.path.write_bytes(original)
    notice = r"'bad\.one'.*copied to answers\.json\.set-aside-\S+ next to it"
    with pytest.raises(StoreCorruptError, match=notice) as err:
        store.save("new.one", "fresh")
    assert "\n" not in str(err.value) and "your answer to new.one is saved" in str(err.value)
    (backup,) = store.path.parent.glob("answers.json.set-aside-*")
    assert not backup.name.endswith(".json") and backup.read_bytes() == original
    assert [p.name for p in store.path.parent.glob("*.json")] == ["answers.json"]
    assert store.load() == {**_GOOD, "new.one": "fresh"}
    store.save("new.two", 2)  # the file is clean again: no more notices, no more backups
    assert len(list(store.path.parent.glob("answers.json.*-*"))) == 1


def test_an_exercise_id_with_a_lone_surrogate_is_set_aside(store: AnswerStore) -> None:
    store.path.write_text(_file_with("1", raw_id='"q\\ud800"'), encoding="utf-8")
    answers = store.load()
    assert answers["q\\ud800"] == Unreadable("an exercise id with an unpaired surrogate character")
    with pytest.raises(StoreCorruptError, match="set-aside"):
        store.save("new.one", "fresh")
    assert store.load() == {**_GOOD, "new.one": "fresh"}


def test_a_bad_field_beside_the_answers_is_dropped_with_a_backup(store: AnswerStore) -> None:
    store.path.write_text('{"learner": "\\ud800", "note": NaN, "answers": {"a.b": {"value": 1}}}', encoding="utf-8")
    assert store.load() == {"a.b": 1}
    with pytest.raises(StoreCorruptError, match=r"parts of answers\.json could not be read"):
        store.save("c.d", 2)
    assert store.load() == {"a.b": 1, "c.d": 2}
    assert len(list(store.path.parent.glob("answers.json.set-aside-*"))) == 1


def test_an_unreadable_answer_is_reported_by_its_check() -> None:
    from lessons.course.checks import Exercise
    from lessons.course.keys import ValueKey, digest

    answer = parse_store(_file_with("9" * 5000))["bad.one"]
    exercise = Exercise("demo.city", "text", "Where?", ValueKey(frozenset({digest("demo.city", "Seoul")})))
    result = exercise.check(answer)
    assert result.status == "could not be read" and "5000 digits" in result.message


def test_values_at_the_limits_are_kept(store: AnswerStore) -> None:
    deepest, longest = _nested(MAX_DEPTH - 1, []), "x" * (MAX_ANSWER_BYTES - 2)  # exactly the limits
    store.save("deep", deepest)
    store.save("long", longest)
    store.save("big", 10**4299)
    assert store.load() == {"deep": deepest, "long": longest, "big": 10**4299}


_SELF: list[Any] = []
_SELF.append(_SELF)


def _shared_tree(levels: int) -> list[Any]:
    tree: list[Any] = []
    for _ in range(levels):
        tree = [tree, tree]  # 2**levels paths to walk, in very little memory
    return tree


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ({1, 2}, "cannot save set"),
        ([1, object()], "not object"),
        (float("nan"), "NaN"),
        ({"a": [float("-inf")]}, "Infinity"),
        ("caf\udce9", "unpaired surrogate"),
        ({"\ud800": 1}, "unpaired surrogate"),
        (_nested(MAX_DEPTH + 1), f"nested more than {MAX_DEPTH} levels deep"),
        (_SELF, f"nested more than {MAX_DEPTH} levels deep"),
        (_shared_tree(80), "more than 1,000,000 bytes as JSON .the limit for one answer.; save a shorter excerpt"),
        (10**5000, "a number with more than 4300 digits"),
        ("x" * (MAX_ANSWER_BYTES - 1), "more than 1,000,000 bytes"),
        (["é" * (MAX_ANSWER_BYTES // 2)], "more than 1,000,000 bytes"),
    ],
    ids=lambda v: type(v).__name__ if not isinstance(v, str) else v[:24],
)
def test_a_value_that_cannot_be_stored_leaves_the_file_byte_identical(
    store: AnswerStore, value: Any, message: str
) -> None:
    store.save("a.one", "kept")
    before = store.path.read_bytes()
    with pytest.raises(StoreError, match=message) as err:
        store.save("a.two", value)
    assert "\n" not in str(err.value) and not isinstance(err.value, StoreCorruptError)
    assert store.path.read_bytes() == before


def test_a_lone_surrogate_in_the_exercise_id_is_refused(store: AnswerStore) -> None:
    with pytest.raises(StoreError, match="plain text"):
        store.save("a.\udfff", 1)
    assert not store.path.exists()


# --- load() raises StoreError and nothing else, whatever the file is --------------------------------------------


@pytest.mark.parametrize(
    "make",
    [
        lambda p: p.write_bytes(bytes(range(256)) * 10),
        lambda p: p.mkdir(),
        lambda p: p.write_text('{"answers": {"a": {"value": "' + "\\" * 3 + '"}}}', encoding="utf-8"),
        lambda p: p.write_text('"' + '\\"[' * 50_000, encoding="utf-8"),  # an unterminated string of quotes
        lambda p: p.write_text("]]]}}" + "[" * 200, encoding="utf-8"),
        lambda p: p.write_text("[" * 200_000, encoding="utf-8"),
    ],
    ids=["binary", "directory", "bad-escape", "unterminated-string", "stray-closers", "unclosed-deep"],
)
def test_load_raises_only_store_errors(store: AnswerStore, make: Any) -> None:
    make(store.path)
    with pytest.raises(StoreError):
        store.load()


def test_a_permission_error_is_reported(store: AnswerStore, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: Any, **kwargs: Any) -> Any:
        raise PermissionError(13, "Permission denied")

    store.path.write_text('{"answers": {}}', encoding="utf-8")
    monkeypatch.setattr(store_module, "open", refuse, raising=False)  # as root, chmod cannot deny a read
    monkeypatch.setattr(store_module, "read_regular_file", refuse)
    with pytest.raises(StoreError, match="cannot read.*Permission denied"):
        store.load()
    with pytest.raises(StoreError, match="cannot save.*Permission denied"):
        store.save("a.b", 1)


def test_a_huge_file_is_reported_unread_and_set_aside_by_a_save(
    store: AnswerStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(store_module, "MAX_FILE_BYTES", 1000)
    store.path.write_text(json.dumps({"answers": {"a": {"value": "x" * 2000}}}), encoding="utf-8")
    with pytest.raises(StoreError, match="larger than .* too large to be an answer file"):
        store.load()
    with pytest.raises(StoreCorruptError, match=r"kept as answers\.json\.corrupt-"):
        store.save("b", 1)
    assert store.load() == {"b": 1}


def test_a_million_levels_load_quickly(store: AnswerStore) -> None:
    store.path.write_text(_file_with("[" * 1_000_000 + "]" * 1_000_000), encoding="utf-8")
    started = time.perf_counter()
    assert isinstance(store.load()["bad.one"], Unreadable)
    assert time.perf_counter() - started < 10  # linear: well under a second on a laptop


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("[[[1]]]", "[[X]]"),
        ('[["\\"[[["], [[2]], "]"]', '[["\\"[[["], [X], "]"]'),
        ('{"a": {"b": {"c": 1}}, "d": [[]]}', '{"a": {"b": X}, "d": [X]}'),
        ('[[ [ [1] ] ]]', "[[ X ]]"),
        ('["[[[', '["[[['),  # an unterminated string: left for the parser to report
        ("]][[[[", "]][[X"),
    ],
)
def test_cut_deep_replaces_only_what_is_too_deep(text: str, expected: str) -> None:
    assert store_module._cut_deep(text, 2, "X") == expected


# --- anything a hand-made writer can put in the file ------------------------------------------------------------


@dataclass(frozen=True)
class _BigInt:
    digits: int


@dataclass(frozen=True)
class _Deep:
    levels: int


def _raw(value: Any) -> str:
    """JSON text as a careless writer makes it: NaN, lone surrogates as escapes, any size (recursive: test data)."""
    if isinstance(value, _BigInt):
        return "7" * value.digits
    if isinstance(value, _Deep):
        return "[" * value.levels + "]" * value.levels
    if isinstance(value, list):
        return "[" + ", ".join(_raw(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{json.dumps(k)}: {_raw(v)}" for k, v in value.items()) + "}"
    return json.dumps(value, ensure_ascii=True, allow_nan=True)


def _python(value: Any) -> Any:
    """The same value as a learner's code would pass it to save()."""
    if isinstance(value, _BigInt):
        return 7 * (10**value.digits - 1) // 9
    if isinstance(value, _Deep):
        return _nested(value.levels - 1, [])
    if isinstance(value, list):
        return [_python(v) for v in value]
    if isinstance(value, dict):
        return {k: _python(v) for k, v in value.items()}
    return value


def _has_marker(value: Any) -> bool:
    if isinstance(value, (_BigInt, _Deep)):
        return True
    children = value.values() if isinstance(value, dict) else value if isinstance(value, list) else []
    return any(_has_marker(v) for v in children)


_ANY_TEXT = st.text(alphabet=st.characters(exclude_categories=())) | st.sampled_from(["\ud800", "a\udfffb", "ok"])
_JSONISH = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=True, allow_infinity=True)
    | _ANY_TEXT
    | st.builds(_BigInt, st.integers(4301, 6000))
    | st.builds(_Deep, st.integers(MAX_DEPTH + 1, 3000)),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(_ANY_TEXT, children, max_size=4),
    max_leaves=12,
)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(value=_JSONISH)
def test_whatever_an_answer_holds_the_store_keeps_working(value: Any) -> None:
    with tempfile.TemporaryDirectory() as folder:
        store = AnswerStore(Path(folder) / "answers.json")
        store.path.write_text(
            f'{{"answers": {{"keep.me": {{"value": "kept"}}, "odd": {{"value": {_raw(value)}}}}}}}', encoding="utf-8"
        )
        loaded = store.load()["odd"]  # never raises
        if _has_marker(value):
            assert isinstance(loaded, Unreadable)
        if not isinstance(loaded, Unreadable):
            assert loaded == value
        try:
            store.save("new", _python(value))
            saved = True
        except StoreCorruptError:  # the odd entry was set aside, the new answer saved
            saved = True
        except StoreError:
            saved = False
        answers = store.load()
        assert answers["keep.me"] == "kept"
        assert saved == ("new" in answers)
        assert not saved or answers["new"] == _python(value) or isinstance(loaded, Unreadable)
        with contextlib.suppress(StoreCorruptError):  # sets the odd entry aside if a refusal left it there
            store.save("plain", "x")
        store.save("plain", "y")  # and now the file is clean, whatever it held
        assert store.load()["keep.me"] == "kept"


# --- temporary files of killed writers ----------------------------------------------------------------------------


def test_a_stale_temp_file_is_removed_by_the_next_save(store: AnswerStore) -> None:
    store.save("a.b", 1)
    stale = store.path.with_name(".answers.json.k1ll3d_0.tmp")
    others = [store.path.with_name(".answers.json.x.k1ll3d_0.tmp"), store.path.with_name("notes.tmp")]
    for path in [stale, *others]:
        path.write_text('{"answers": {"half', encoding="utf-8")
    store.save("a.b", 2)
    assert not stale.exists() and all(p.exists() for p in others)  # another store's temp files are not ours
    assert store.get("a.b") == 2


def test_a_temp_file_is_left_alone_while_another_writer_holds_the_lock(store: AnswerStore) -> None:
    store.save("a.b", 1)
    in_flight = store.path.with_name(".answers.json.wr1t1ng.tmp")
    in_flight.write_text("{", encoding="utf-8")
    with store_module._locked(store.path):  # another writer, mid-write
        writer = threading.Thread(target=store.save, args=("a.b", 2))
        writer.start()
        writer.join(timeout=0.5)
        assert writer.is_alive() and in_flight.exists()
    writer.join(timeout=30)
    assert not writer.is_alive() and not in_flight.exists()
    assert store.get("a.b") == 2
