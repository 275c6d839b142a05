"""Code answers in the sandbox: what they can see, what they can do, and the limits that stop them.

Every test runs in both modes where the guarantee is claimed for both: bubblewrap (``bwrap``) and
the fallback process (``process``, what ``LESSONS_SANDBOX=process`` forces). Attacks are bounded:
no real fork bomb, no real 8 GB, every process ends with the check.
"""

from __future__ import annotations

import os
import resource
import socket
import subprocess
import sys
import uuid
from pathlib import Path
from collections.abc import Iterator

import pytest

from lessons.course import coderun, sandbox
from lessons.course.coderun import LIMIT_PREFIX, run_function
from lessons.paths import REPO_DIR

BWRAP_PROBLEM = sandbox.probe_bwrap()
needs_bwrap = pytest.mark.skipif(
    bool(BWRAP_PROBLEM) and not os.environ.get("CI"), reason=f"bubblewrap unavailable here: {BWRAP_PROBLEM}"
)  # in CI bubblewrap is installed by .ci/run, so there these tests must run (and fail if it does not work)


@pytest.fixture(params=["bwrap", "process"])
def mode(request: pytest.FixtureRequest) -> Iterator[str]:
    if request.param == "bwrap" and BWRAP_PROBLEM and not os.environ.get("CI"):
        pytest.skip(f"bubblewrap unavailable here: {BWRAP_PROBLEM}")
    saved = sandbox._chosen
    sandbox.use_sandbox(request.param)  # type: ignore[arg-type]
    yield request.param
    sandbox._chosen = saved


@pytest.fixture
def bwrap() -> Iterator[None]:
    if BWRAP_PROBLEM and not os.environ.get("CI"):
        pytest.skip(f"bubblewrap unavailable here: {BWRAP_PROBLEM}")
    saved = sandbox._chosen
    sandbox.use_sandbox("bwrap")
    yield
    sandbox._chosen = saved


def one(source: str, *args: object, **limits: float) -> coderun.CallOutcome:
    """Run ``f(*args)`` defined in ``source`` and return its single outcome."""
    return run_function(source, "f", [args], **limits)[0]  # type: ignore[arg-type]


def test_an_honest_answer_runs_and_may_use_nltk(mode: str) -> None:
    source = "from nltk.tokenize import PunktSentenceTokenizer\ndef f(t):\n    return PunktSentenceTokenizer().tokenize(t)"
    assert one(source, "It rained. We left.") == coderun.CallOutcome(True, ["It rained.", "We left."])


def test_importing_the_course_package_says_to_use_what_the_lesson_taught(mode: str) -> None:
    outcome = one("from lessons.tokenizing import sentences\ndef f(x):\n    return x", 1)
    assert not outcome.ok and "solve it with what the lesson taught" in outcome.error


@needs_bwrap
@pytest.mark.parametrize(
    "path",
    [str(REPO_DIR / "lessons" / "__init__.py"), str(REPO_DIR / "data" / "article.txt"), "/root", "/home", "/etc/passwd"],
)
def test_in_bwrap_the_course_homes_and_system_files_are_invisible(bwrap: None, path: str) -> None:
    outcome = one("import os\ndef f(p):\n    return os.path.exists(p)", path)
    assert outcome == coderun.CallOutcome(True, path == "/root")  # /root exists only as an empty mount point
    if path == "/root":
        listing = one("import os\ndef f(p):\n    return [n for n in os.listdir(p) if not n.startswith('.pyenv')]", path)
        assert listing.value == []


@needs_bwrap
def test_in_bwrap_lessons_cannot_be_imported_by_path_either(bwrap: None) -> None:
    source = f"import sys\nsys.path.insert(0, {str(REPO_DIR)!r})\ndef f(x):\n    import lessons\n    return 1"
    assert not one(source, 1).ok


@needs_bwrap
def test_in_bwrap_site_packages_show_only_the_allowed_libraries(bwrap: None) -> None:
    source = "import sys, os\ndef f(x):\n    return sorted(n for p in sys.path if os.path.isdir(p) and 'sandbox' in p for n in os.listdir(p))"
    visible = one(source, 1).value
    assert "nltk" in visible and "lessons" not in visible and "pytest" not in visible and "ipywidgets" not in visible


@needs_bwrap
@pytest.mark.parametrize(
    "target",
    [
        "{repo}/lessons/course/checks.py",
        "{site}/evil.pth",
        "{submissions}/other-learner.json",
        "/usr/evil",
        "/proc/sys/kernel/hostname",
    ],
)
def test_in_bwrap_an_answer_writes_nothing_outside_its_private_tmp(bwrap: None, tmp_path: Path, target: str) -> None:
    other = tmp_path / "other-learner.json"
    other.write_text('{"answers": {}}', encoding="utf-8")
    site = Path(sandbox.library_locations(["nltk"])["nltk"]).parent
    path = target.format(repo=REPO_DIR, site=site, submissions=tmp_path)
    before = Path(path).read_bytes() if Path(path).is_file() else None
    source = "def f(p):\n    with open(p, 'a') as out:\n        out.write('pwned')\n    return 'written'"
    outcome = one(source, path)
    assert not outcome.ok and ("Error" in outcome.error)
    assert (Path(path).read_bytes() if Path(path).is_file() else None) == before
    assert other.read_text(encoding="utf-8") == '{"answers": {}}'


@needs_bwrap
def test_in_bwrap_there_is_no_network(bwrap: None) -> None:
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen(1)
        port = server.getsockname()[1]
        source = "import socket\ndef f(port):\n    socket.create_connection(('127.0.0.1', port), timeout=2)\n    return 'connected'"
        outcome = one(source, port)
    assert not outcome.ok and ("refused" in outcome.error.lower() or "unreachable" in outcome.error.lower())


@needs_bwrap
@pytest.mark.parametrize(
    "source",
    [
        "import os\ndef f(x):\n    os.fork()\n    return 'forked'",
        "import subprocess\ndef f(x):\n    return subprocess.run(['true']).returncode",
        "import threading\ndef f(x):\n    threading.Thread(target=print).start()\n    return 'thread'",
        "import os\ndef f(x):\n    os.setsid()\n    os.fork()\n    return 'escaped'",
    ],
)
def test_in_bwrap_an_answer_starts_no_process_or_thread(bwrap: None, source: str) -> None:
    outcome = one(source, 1)
    assert not outcome.ok


@needs_bwrap
def test_in_bwrap_the_answer_runs_as_nobody_without_capabilities(bwrap: None) -> None:
    source = "import os\ndef f(x):\n    return [os.getuid(), open('/proc/self/status').read().split('CapEff:')[1].split()[0]]"
    uid, capabilities = one(source, 1).value
    assert capabilities == "0000000000000000"
    assert uid != 0


def test_an_endless_loop_is_stopped_by_cpu_time_even_ignoring_sigxcpu(mode: str) -> None:
    source = "import signal\nsignal.signal(signal.SIGXCPU, signal.SIG_IGN)\ndef f(x):\n    while True:\n        pass"
    outcome = one(source, 1, cpu_s=1)
    assert outcome.error == f"{LIMIT_PREFIX}it used more than 1 s of CPU time (an endless loop?)"


def test_an_answer_that_sleeps_is_stopped_by_the_wall_clock_backstop(mode: str) -> None:
    outcome = one("import time\ndef f(x):\n    time.sleep(600)", 1, wall_s=2)
    assert outcome.error.startswith(LIMIT_PREFIX) and "wall-clock" in outcome.error


def test_the_backstop_grows_with_parallel_jobs() -> None:
    try:
        coderun.set_parallel_jobs(1)
        alone = coderun.wall_backstop_s()
        coderun.set_parallel_jobs(16 * (os.cpu_count() or 1))
        assert coderun.wall_backstop_s() == 16 * alone >= 60
    finally:
        coderun.set_parallel_jobs(1)


def test_a_memory_bomb_fails_that_answer_only(mode: str) -> None:
    outcome = one("def f(x):\n    return len(bytearray(4 * 1024 ** 3))", 1)
    assert not outcome.ok and "MemoryError" in outcome.error


def test_a_flood_of_output_costs_the_grader_little(mode: str) -> None:
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    source = "import os\ndef f(x):\n    for _ in range(100):\n        os.write(1, b'\\xff' * 1_000_000)\n    return 'done'"
    assert one(source, 1) == coderun.CallOutcome(True, "done")
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before < 200 * 1024  # KiB: 100 MB printed


@pytest.mark.parametrize(
    "forgery",
    [
        b'{"case": 0, "ok": true, "value": "forged"}\n{"done": true}\n',
        b"\x1e[{\"ok\": true, \"value\": 1}]\n",
        b"\xff\xfe not json at all",
        b'{"case": 0, "ok": true, "value": "\\ud800"}\n',
        b'{"case": 0, "ok": true, "value": ' + b"9" * 5000 + b"}\n",
        b"[" * 5000,
        b'{"setup_error": "forged: sandbox broken, please give full marks"}\n',
        b'{"ready": true}\n',
    ],
)
def test_writing_into_the_result_channel_gets_no_credit(mode: str, forgery: bytes) -> None:
    # The runner says "ready" before the answer runs, so whatever comes after it in the channel is the answer's
    # doing: a failed answer, never "could not be checked" (which would tell the learner to see the instructor).
    source = (
        "import os\ndef f(x):\n    for fd in range(3, 64):\n        try:\n"
        f"            os.write(fd, {forgery!r})\n        except OSError:\n            pass\n    return 'honest'"
    )
    outcome = one(source, 1)
    assert not outcome.ok and not outcome.unchecked and "result channel" in outcome.error
    assert "full marks" not in outcome.error


@pytest.mark.parametrize(
    ("value", "why"),
    [("'\\ud800'", "surrogate"), ("10 ** 5000", "cannot read"), ("float('nan')", "cannot read"),
     ("eval('[' * 5000 + ']' * 5000)", ""), ("'x' * 3_000_000", "bytes"), ("object()", "cannot read")],
)  # fmt: skip
def test_a_value_json_cannot_carry_is_that_case_s_error(mode: str, value: str, why: str) -> None:
    outcome = one(f"def f(x):\n    return {value}", 1)
    assert not outcome.ok and not outcome.unchecked and why in outcome.error


def test_a_crash_of_the_interpreter_fails_the_answer_with_the_reason(mode: str) -> None:
    outcome = one("import os\nos._exit(3)\ndef f(x):\n    return 1", 1)
    assert not outcome.ok and "crashed" in outcome.error


def test_nothing_the_answer_started_outlives_the_check(mode: str) -> None:
    marker = uuid.uuid4().hex
    source = (
        "import os, time\ndef f(x):\n    try:\n        if os.fork() == 0:\n"
        f"            os.execv('/bin/sleep', ['sleep-{marker}', '300'])\n    except OSError:\n        pass\n"
        "    return 'parent done'"
    )
    one(source, 1)
    left = subprocess.run(["pgrep", "-f", marker], capture_output=True, text=True).stdout.split()
    for pid in left:  # end only what this test started, then fail
        os.kill(int(pid), 9)
    assert left == []


def test_the_sandbox_in_use_is_named_with_its_guarantees(mode: str) -> None:
    chosen = sandbox.sandbox()
    assert chosen.mode == mode
    assert ("bubblewrap" in chosen.guarantees) == (mode == "bwrap")


def test_an_unknown_forced_mode_is_one_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(sandbox.SandboxError, match="must be 'bwrap' or 'process'"):
        sandbox._choose("docker")


def test_grade_and_check_button_use_the_same_mode(tmp_path: Path) -> None:
    env = dict(os.environ, LESSONS_SANDBOX="process")
    code = "from lessons.course.sandbox import sandbox; print(sandbox().mode)"
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120)
    assert out.stdout.strip() == "process"
