"""A hostile class, end to end: one file never stops the run, never runs with the grader's rights.

The class folder holds a few honest learners (full marks, partial, blank, code answers among them)
and hostile ones: values Python's JSON turns into errors, hostile names, links, a pipe, leftovers,
a ``conftest.py``, and code answers that loop, flood, forge results, fork, read and write other
files, open sockets, import the course. ``lessons gradebook`` grades it in both sandbox modes
(bubblewrap, and the fallback process), and the honest rows must equal a run without the hostile
files; nothing may be written outside; no process may be left. Then ``lessons grade`` must not
trust the folder it grades in, and the store must not lock a learner out.

Every attack is bounded: CPU time is capped by the sandbox, sleepers by its wall-clock backstop,
children sleep at most 300 s and carry a unique marker so that only ours are found (and ended, by
pid). Attacks the fallback mode does not claim to stop when it runs as root (writing outside,
``setsid`` children, ``kill(-1)``) run only in bubblewrap: see :func:`attacks_for`.
``scripts/bench_gradebook.py`` imports this module to build its class from the same lists.
"""

from __future__ import annotations

import csv
import hashlib
import json
import os
import shutil
import signal
import site
import socket
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lessons.course import autograder, checks, coderun, sandbox, submissions
from lessons.course import gradebook as grading
from lessons.course.exercises import EXERCISES
from lessons.course.grading import total_points
from lessons.course.store import AnswerStore
from lessons.paths import REPO_DIR

import solutions

#: Bound on one command, so a hang fails instead of blocking CI (not a timing assertion).
RUN_TIMEOUT_S = 600
BWRAP_PROBLEM = sandbox.probe_bwrap()
BWRAP_USABLE = not BWRAP_PROBLEM or bool(os.environ.get("CI"))  # in CI it must work: run, and fail if not
#: Whether the fallback runs answers as root (it can then start processes, setsid, write anything).
PROCESS_AS_ROOT = sandbox._runs_as_root_in_process_mode()
SITE_PACKAGES = Path(site.getsitepackages()[0])
CHECKS_PY = REPO_DIR / "lessons" / "course" / "checks.py"
HOST_TMP = Path("/tmp")  # where the attack writes its marker, whatever $TMPDIR says
CODE_IDS = ("reading.glued_byline", "tokenizing.splitter")
FUNCTION = {"reading.glued_byline": "split_byline", "tokenizing.splitter": "split_sentences"}
ESC = "\x1b"

# --- Honest answers ----------------------------------------------------------------------------------------

SPLIT_BYLINE_PARTIAL = "def split_byline(line):\n    a, _, s = line.partition('Published')\n    return a[3:], s.strip(' :')\n"
SPLIT_SENTENCES_NAIVE = "import re\ndef split_sentences(text):\n    return re.split(r'(?<=[.!?])\\s+', text.strip())\n"
#: The right answer for each code exercise (the other slot of a hostile learner holds it): lookup tables
#: built when the tests run (tests/solutions.py), since no working solution is written down anywhere.
CODE_RIGHT = {code_id: solutions.solution_source(code_id) for code_id in CODE_IDS}


def reference_answers(learner: str = "ada") -> dict[str, Any]:
    """Full-mark answers for ``learner`` (tests/solutions.py finds them)."""
    return solutions.reference_answers(learner)


def honest_class() -> dict[str, dict[str, Any]]:
    """Five honest learners: full marks, partial (code too), blank, code only, and a victim of attacks."""
    ref = reference_answers()
    return {
        "ada": ref,
        "bo": {"start.city": "Seoul", "reading.author": "Sung Kim", "reading.non_ascii": ["’", "-"],
               "reading.glued_byline": SPLIT_BYLINE_PARTIAL, "tokenizing.splitter": SPLIT_SENTENCES_NAIVE,
               "tokenizing.sentence_count": ref["tokenizing.sentence_count"]},  # fmt: skip
        "cy": {},
        "dee": {"start.city": "Seoul", **CODE_RIGHT},
        "victim": {**{k: v for k, v in ref.items() if k.startswith("reading.")}, "start.city": "Pyongyang"},
    }


def store_bytes(answers: dict[str, Any], **forged: Any) -> bytes:
    entries = {i: {"value": v, **forged} for i, v in answers.items()}
    return json.dumps({"format": "reading-the-news/answers", "version": 1, "answers": entries}).encode()


def write_file(folder: Path, name: str, data: bytes) -> None:
    with open(os.path.join(os.fsencode(folder), os.fsencode(name)), "wb") as handle:
        handle.write(data)


# --- Hostile code answers ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Attack:
    """A code answer: ``source`` with @FN@, @MARK@, @VICTIM@, @OTHER@, @CSV@, @PORT@, @CHECKS@, @SITE@, @REPO@.

    ``where`` says in which mode it may run: ``both``; ``contained`` (bubblewrap, or the fallback when it
    can start no process, i.e. not as root); ``bwrap`` (writes outside or signals everything: never run
    without the sandbox). ``wall`` marks an answer only the wall-clock backstop stops.
    """

    source: str
    where: str = "both"
    wall: bool = False


def _fork(child: str) -> str:
    return f"import os, sys\ndef @FN@(*args):\n    try:\n        pid = os.fork()\n    except OSError:\n        return None\n{child}"


_SLEEPER = 'os.closerange(0, 1024)\n{i}os.execv(sys.executable, [sys.executable, "-c", "import time; time.sleep(300)", "@MARK@-{tag}"])'

CODE_ATTACKS: dict[str, Attack] = {
    "endless loop": Attack("def @FN@(*args):\n    while True:\n        pass\n"),
    "loop ignoring SIGXCPU/SIGTERM": Attack(
        "import signal\nfor name in ('SIGXCPU', 'SIGTERM', 'SIGINT', 'SIGHUP', 'SIGALRM'):\n"
        "    signal.signal(getattr(signal, name), signal.SIG_IGN)\ndef @FN@(*args):\n    while True:\n        pass\n"
    ),
    "2 GB allocation": Attack("def @FN@(*args):\n    block = bytearray(2 * 1024 ** 3)\n    return len(block)\n"),
    "print 100 MB": Attack("def @FN@(*args):\n    chunk = 'x' * 1_000_000\n    for _ in range(100):\n        print(chunk)\n"),
    "print invalid UTF-8": Attack(
        "import os\ndef @FN@(*args):\n    os.write(1, b'\\xff\\xfe\\xed\\xa0\\x80\\xc0\\xaf\\x1b[2J' * 1000)\n"
        "    os.write(2, b'\\x9b31m\\xff')\n    return ['\\udcff']\n"
    ),
    "result marker + garbage": Attack(
        "import os\ndef @FN@(*args):\n    os.write(1, b'\\x1e' + bytes(range(256)) * 10 + b'\\n')\n    return None\n"
    ),
    "result marker + fake full marks": Attack(
        "import json, os\ndef @FN@(*args):\n"
        "    fake = [{'ok': True, 'value': ['Ahn Sung-mi', None], 'score': 1, 'passed': True}] * 10\n"
        "    os.write(1, b'\\x1e' + json.dumps(fake).encode() + b'\\n')\n"
        "    os.write(1, b'\\x1e{\"score\": 1.0, \"passed\": true, \"done\": true}\\n')\n    return None\n"
    ),
    "forged records on fds 3..63": Attack(
        "import json, os\ndef @FN@(*args):\n"
        "    lines = [json.dumps({'case': i, 'ok': True, 'value': ['x', 'y']}) for i in range(10)]\n"
        "    forged = ('\\n'.join(lines) + '\\n{\"done\": true}\\n').encode()\n"
        "    for fd in range(3, 64):\n        try:\n            os.write(fd, forged)\n"
        "        except OSError:\n            pass\n    return 'honest'\n"
    ),
    "return lone surrogate": Attack("def @FN@(*args):\n    return '\\ud800'\n"),
    "return 10**5000": Attack("def @FN@(*args):\n    return 10 ** 5000\n"),
    "return 5,000-deep list": Attack(
        "def @FN@(*args):\n    value = []\n    for _ in range(5000):\n        value = [value]\n    return value\n"
    ),
    "return NaN": Attack("def @FN@(*args):\n    return float('nan')\n"),
    "fork a sleeping child": Attack(
        _fork("    if pid == 0:\n        try:\n            " + _SLEEPER.format(i=" " * 12, tag="fork")
              + "\n        finally:\n            os._exit(0)\n    return None\n")
    ),  # fmt: skip
    "setsid + fork + sleep": Attack(
        _fork("    if pid == 0:\n        try:\n            os.setsid()\n            " + _SLEEPER.format(i=" " * 12, tag="setsid")
              + "\n        finally:\n            os._exit(0)\n    return None\n"),
        where="contained",
    ),  # fmt: skip
    "double-fork daemon": Attack(
        _fork("    if pid == 0:\n        try:\n            os.setsid()\n            if os.fork() == 0:\n"
              "                " + _SLEEPER.format(i=" " * 16, tag="daemon")
              + "\n        finally:\n            os._exit(0)\n    os.waitpid(pid, 0)\n    return None\n"),
        where="contained",
    ),  # fmt: skip
    "detached child rewrites the CSV": Attack(
        "import os, sys\ncode = ('import os, sys, time\\nfor _ in range(600):\\n    time.sleep(0.5)\\n'\n"
        "        '    if os.path.exists(sys.argv[1]):\\n        time.sleep(1)\\n'\n"
        "        '        open(sys.argv[1], \"w\").write(\"pwned\")\\n        break\\n')\n"
        "def @FN@(*args):\n    try:\n        open('@CSV@', 'w').write('pwned now')\n    except OSError:\n        pass\n"
        "    try:\n        pid = os.fork()\n    except OSError:\n        return None\n    if pid == 0:\n"
        "        try:\n            os.setsid()\n            os.closerange(0, 1024)\n"
        "            os.execv(sys.executable, [sys.executable, '-c', code, '@CSV@', '@MARK@-csv'])\n"
        "        finally:\n            os._exit(0)\n    return None\n",
        where="contained",
    ),
    "read another learner's file": Attack(
        "def @FN@(*args):\n    try:\n        return open('@OTHER@').read()\n    except OSError as err:\n"
        "        return str(err)\n"
    ),
    "overwrite another learner's file": Attack(
        "import json\nFORGED = json.dumps({'answers': {'start.city': {'value': 'Seoul', 'score': 1, 'passed': True}}})\n"
        "def @FN@(*args):\n    try:\n        open('@VICTIM@', 'w').write(FORGED)\n    except OSError as err:\n"
        "        return str(err)\n"
    ),
    "append to lessons/course/checks.py": Attack(
        "def @FN@(*args):\n    with open('@CHECKS@', 'a') as out:\n        out.write('\\n# @MARK@\\n')\n", where="bwrap"
    ),
    "drop a .pth into site-packages": Attack(
        "def @FN@(*args):\n    with open('@SITE@/@MARK@.pth', 'w') as out:\n        out.write('# @MARK@\\n')\n",
        where="bwrap",
    ),
    "write a marker into the host's /tmp": Attack(
        "def @FN@(*args):\n    with open('/tmp/@MARK@-tmp', 'w') as out:\n        out.write('x')\n", where="bwrap"
    ),
    "connect to a TCP socket on 127.0.0.1": Attack(
        "import socket\ndef @FN@(*args):\n    with socket.create_connection(('127.0.0.1', @PORT@), timeout=3) as s:\n"
        "        s.sendall(b'@MARK@')\n    return None\n"
    ),
    "import lessons": Attack(
        "from lessons.course import checks\ndef @FN@(*args):\n    return checks.__file__\n"
    ),
    "sys.path.insert(repo) + import lessons": Attack(
        "import sys\nsys.path.insert(0, '@REPO@')\ndef @FN@(*args):\n    import lessons.reading\n"
        "    return lessons.reading.__file__\n"
    ),
    "os.kill(-1, 9)": Attack("import os\ndef @FN@(*args):\n    os.kill(-1, 9)\n    return None\n", where="bwrap"),
    "sleep forever": Attack("import time\ndef @FN@(*args):\n    time.sleep(10 ** 6)\n", wall=True),
}


def attacks_for(mode: str, *, process_as_root: bool = PROCESS_AS_ROOT, sleeper: bool = True) -> list[str]:
    """The code attacks that may run in ``mode``.

    In the fallback, answers run as the grader's user, so writing outside is not stopped (it is not
    claimed); as root they can also start processes, and one in a new session outlives the check
    (``GUARANTEES["process-as-root"]`` says so), and ``os.kill(-1, 9)`` would end the grader and this
    test run. Those run only in bubblewrap, where the PID namespace and the read-only view hold them.
    """
    allowed = {"both"} | ({"contained", "bwrap"} if mode == "bwrap" else set() if process_as_root else {"contained"})
    return [name for name, a in CODE_ATTACKS.items() if a.where in allowed and (sleeper or not a.wall)]


@dataclass
class Context:
    """What the attacks of one run point at, and the marker every trace of them carries."""

    mark: str
    folder: Path
    csv: Path
    port: int = 0
    victim: str = "victim.json"
    other: str = "ada.json"

    def source(self, attack: str, exercise_id: str) -> str:
        text = CODE_ATTACKS[attack].source
        for token, value in [("@FN@", FUNCTION[exercise_id]), ("@MARK@", self.mark),
                             ("@VICTIM@", str(self.folder / self.victim)), ("@OTHER@", str(self.folder / self.other)),
                             ("@CSV@", str(self.csv)), ("@PORT@", str(self.port)), ("@CHECKS@", str(CHECKS_PY)),
                             ("@SITE@", str(SITE_PACKAGES)), ("@REPO@", str(REPO_DIR))]:  # fmt: skip
            text = text.replace(token, value)
        return text


def attack_file_name(attack: str) -> str:
    """``code-<attack>.json``; the wall-bound sleeper sorts first, so it starts at once."""
    slug = "".join(ch if ch.isalnum() else "_" for ch in attack.lower()).strip("_")
    return ("0-" if CODE_ATTACKS[attack].wall else "code-") + slug + ".json"


def write_code_attacks(ctx: Context, names: list[str]) -> dict[str, tuple[str, str]]:
    """One learner file per attack: the attack in one code exercise, the right answer in the other.

    Returns file name -> (attacked exercise id, honest exercise id).
    """
    made = {}
    for index, attack in enumerate(names):
        hit, ok = CODE_IDS if index % 2 == 0 else CODE_IDS[::-1]
        name = attack_file_name(attack)
        write_file(ctx.folder, name, store_bytes({hit: ctx.source(attack, hit), ok: CODE_RIGHT[ok]}))
        made[name] = (hit, ok)
    return made


# --- Hostile files -----------------------------------------------------------------------------------------


def _deep(n: int) -> bytes:
    return b"[" * n + b"]" * n


def hostile_contents() -> dict[str, bytes]:
    """File name -> content that Python's JSON (or a forger) turns against the grader."""
    bo = honest_class()["bo"]
    named = store_bytes({k: v for k, v in bo.items() if k not in CODE_IDS})  # hostile names, honest content
    return {
        "lone-surrogate.json": b'{"answers": {"start.city": {"value": "\\ud800"}, "\\udc00": {"value": 1}}}',
        "5000-digits.json": b'{"answers": {"reading.paragraphs": {"value": ' + b"9" * 5000 + b"}}}",
        "5000-deep.json": b'{"answers": {"reading.non_ascii": {"value": ' + _deep(5000) + b"}}}",
        "5000-deep-file.json": b'{"a": ' * 5000 + b"1" + b"}" * 5000,
        "nan.json": b'{"answers": {"reading.paragraphs": {"value": NaN}, "start.city": {"value": Infinity}}}',
        "invalid-utf8.json": b'{"answers": {"start.city": {"value": "S\xe9oul\xff"}}}',
        "forged-score.json": json.dumps({"score": 18, "passed": True, "answers": {
            i: {"value": "wrong", "score": 1.0, "passed": True, "points": 99} for i in EXERCISES}}).encode(),  # fmt: skip
        "unknown-ids.json": store_bytes({"no.such": "Seoul", "__class__": 1, "": None, "\x1b[2J": "x", "start.city ": "Seoul"}),
        "=HYPERLINK(1).json": named,
        "-rf.json": named,
        "+1.json": named,
        "@SUM(A1).json": named,
        "\x1b[31mred.json": named,
        "new\nline.json": named,
        "-p.json": named,
    }


#: Not learners: skipped and counted (dotfiles, temporary files), or not looked at (other names).
SKIPPED_FILES = (".hidden.json", "x.tmp", "answers.json.corrupt-1")
IGNORED_FILES = ("conftest.py",)


def write_hostile_files(folder: Path, marker: Path) -> list[str]:
    """Every hostile entry; returns the names that are learner files (each must get one row)."""
    learners = []
    for name, data in hostile_contents().items():
        write_file(folder, name, data)
        learners.append(name)
    with open(folder / "20mb.json", "wb") as handle:
        handle.truncate(20 * 1024 * 1024)
    (folder / "link-to-ada.json").symlink_to(folder / "ada.json")
    (folder / "link-to-shadow.json").symlink_to("/etc/shadow")
    os.mkfifo(folder / "fifo.json")
    learners += ["20mb.json", "link-to-ada.json", "link-to-shadow.json", "fifo.json"]
    full = store_bytes({"start.city": "Seoul"})
    for name in SKIPPED_FILES:
        write_file(folder, name, full)
    (folder / "conftest.py").write_text(f"import pathlib\npathlib.Path({str(marker)!r}).touch()\nraise SystemExit(3)\n")
    return learners


# --- What happened outside ---------------------------------------------------------------------------------


def leftover_pids(mark: str) -> list[int]:
    found = subprocess.run(["pgrep", "-f", mark], capture_output=True, text=True).stdout.split()
    return [int(pid) for pid in found if int(pid) != os.getpid()]


def end_leftovers(mark: str) -> list[int]:
    """End (by pid) the processes carrying our marker; return their pids."""
    pids = leftover_pids(mark)
    for pid in pids:
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    return pids


def site_listing() -> list[tuple[str, int]]:
    """site-packages' top-level names, with the mtime of the files among them."""
    return sorted((e.name, e.stat(follow_symlinks=False).st_mtime_ns if e.is_file(follow_symlinks=False) else 0)
                  for e in os.scandir(SITE_PACKAGES))  # fmt: skip


def git_status() -> set[str]:
    return set(subprocess.run(["git", "status", "--porcelain", "--untracked-files=all"], cwd=REPO_DIR,
                              capture_output=True, text=True).stdout.splitlines())  # fmt: skip


def outside_traces(mark: str) -> list[str]:
    """Every place outside the sandbox where an attack carrying ``mark`` left something."""
    found = [str(p) for p in HOST_TMP.glob(f"{mark}*")]
    found += [str(p) for p in SITE_PACKAGES.glob(f"{mark}*")]
    if CHECKS_PY.is_file() and mark in CHECKS_PY.read_text(encoding="utf-8", errors="replace"):
        found.append(str(CHECKS_PY))
    found += [line for line in git_status() if mark in line]
    return found


def undo_traces(mark: str) -> None:
    """Remove what an attack with ``mark`` managed to leave (only ever our own marker files and line)."""
    for path in [*HOST_TMP.glob(f"{mark}*"), *SITE_PACKAGES.glob(f"{mark}*")]:
        path.unlink(missing_ok=True)
    line = f"\n# {mark}\n"
    text = CHECKS_PY.read_text(encoding="utf-8") if CHECKS_PY.is_file() else ""
    if line in text:
        CHECKS_PY.write_text(text.replace(line, "", 1), encoding="utf-8")


def folder_hashes(folder: Path) -> dict[str, str]:
    out = {}
    for entry in os.scandir(folder):
        if entry.is_file(follow_symlinks=False) and entry.stat().st_size < 1_000_000:
            out[entry.name] = hashlib.sha256(Path(entry.path).read_bytes()).hexdigest()
    return out


def read_rows(out: Path) -> list[dict[str, str]]:
    with open(out, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def gradebook_command(folder: Path, out: Path, mode: str, jobs: int = 4) -> tuple[list[str], dict[str, str]]:
    """The ``lessons gradebook`` command line and environment for a sandbox mode."""
    env = {k: v for k, v in os.environ.items() if k != sandbox.SANDBOX_ENV}
    command = [sys.executable, "-m", "lessons", "gradebook", str(folder), "-o", str(out), "--jobs", str(jobs)]
    if mode == "process":
        env[sandbox.SANDBOX_ENV] = "process"
        command.append("--sandbox=off")
    return command, env


# --- The class run, in both modes at once --------------------------------------------------------------------


@dataclass
class ModeRun:
    """One mode's runs (honest alone, then with the hostile files) and what was seen around them."""

    mode: str
    ctx: Context
    learners: list[str]
    code_files: dict[str, tuple[str, str]]
    conftest_marker: Path
    server: socket.socket
    honest_hashes: dict[str, str]
    returncode: dict[str, int] = field(default_factory=dict)
    stderr: dict[str, str] = field(default_factory=dict)
    rows: dict[str, list[dict[str, str]]] = field(default_factory=dict)
    csv_bytes: bytes = b""
    csv_bytes_later: bytes = b""
    hashes_after: dict[str, str] = field(default_factory=dict)
    connections: int = 0
    leftovers: list[int] = field(default_factory=list)
    traces: list[str] = field(default_factory=list)


def _prepare(mode: str, base: Path) -> tuple[ModeRun, list[tuple[str, list[str], dict[str, str], Path, Path]]]:
    mark = f"lh{uuid.uuid4().hex[:20]}{mode}"
    root = base / mode
    honest, hostile = root / "honest", root / "hostile"
    honest.mkdir(parents=True)
    hostile.mkdir()
    for learner, answers in honest_class().items():
        write_file(honest, f"{learner}.json", store_bytes(answers))
        write_file(hostile, f"{learner}.json", store_bytes(answers))
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(16)
    server.setblocking(False)
    ctx = Context(mark, hostile, root / "hostile.csv", port=server.getsockname()[1])
    marker = root / "conftest-ran"
    learners = [f"{n}.json" for n in honest_class()] + write_hostile_files(hostile, marker)
    code_files = write_code_attacks(ctx, attacks_for(mode))
    learners += list(code_files)
    run = ModeRun(mode, ctx, sorted(learners), code_files, marker, server, folder_hashes(hostile))
    jobs = []
    for label, folder, out in (("honest", honest, root / "honest.csv"), ("hostile", hostile, ctx.csv)):
        command, env = gradebook_command(folder, out, mode)
        jobs.append((label, command, env, out, root / f"{label}.stderr"))
    return run, jobs


@pytest.fixture(scope="module")
def class_runs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, ModeRun]:
    """Both modes' honest and hostile runs, all four at once (the sleeper's backstop is paid once)."""
    base = tmp_path_factory.mktemp("hostile-class")
    modes = ["process"] + (["bwrap"] if BWRAP_USABLE else [])
    before_status, before_site = git_status(), site_listing()
    prepared = {mode: _prepare(mode, base) for mode in modes}
    started = []
    for mode, (run, jobs) in prepared.items():
        for label, command, env, out, err in jobs:
            handle = open(err, "wb")
            proc = subprocess.Popen(command, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                    stderr=handle, cwd=base)  # fmt: skip
            started.append((run, label, proc, handle, out, err))
    try:
        for run, label, proc, handle, out, err in started:
            try:
                run.returncode[label] = proc.wait(timeout=RUN_TIMEOUT_S)
            except subprocess.TimeoutExpired:
                proc.kill()  # ours, by its Popen (pid)
                run.returncode[label] = proc.wait()
            handle.close()
            run.stderr[label] = err.read_bytes().decode("utf-8", "surrogateescape")
            run.rows[label] = read_rows(out) if out.is_file() else []
            if label == "hostile" and out.is_file():
                run.csv_bytes = out.read_bytes()
        time.sleep(3)  # a detached child would rewrite the CSV now
        for run in (r for r, _ in prepared.values()):
            run.csv_bytes_later = run.ctx.csv.read_bytes() if run.ctx.csv.is_file() else b""
            run.hashes_after = folder_hashes(run.ctx.folder)
            while True:
                try:
                    conn, _ = run.server.accept()
                except OSError:  # BlockingIOError: nobody else connected
                    break
                run.connections += 1
                conn.close()
            run.leftovers = end_leftovers(run.ctx.mark)
            run.traces = outside_traces(run.ctx.mark)
        after_site, after_status = site_listing(), git_status()
    finally:
        for run, label, proc, handle, out, err in started:
            if proc.poll() is None:
                proc.kill()  # ours, by its Popen
                proc.wait()
            handle.close()
        for run, _ in prepared.values():
            run.server.close()
            end_leftovers(run.ctx.mark)
            undo_traces(run.ctx.mark)
    runs = {mode: run for mode, (run, _) in prepared.items()}
    runs["_site"] = (before_site, after_site)  # type: ignore[assignment]
    runs["_status"] = (before_status, after_status)  # type: ignore[assignment]
    return runs


@pytest.fixture(params=["bwrap", "process"])
def run(request: pytest.FixtureRequest, class_runs: dict[str, ModeRun]) -> ModeRun:
    if request.param not in class_runs:
        pytest.skip(f"bubblewrap unavailable here: {BWRAP_PROBLEM}")
    return class_runs[request.param]


def _by_file(rows: list[dict[str, str]]) -> dict[str, dict[str, str]]:
    return {row["file"]: row for row in rows}


#: The class runs need the checkout: the honest answers come from the course article.
needs_repo = pytest.mark.repo


@needs_repo
def test_the_run_finishes_writes_its_csv_and_exits_1(run: ModeRun) -> None:
    assert run.returncode["honest"] == 0, run.stderr["honest"]
    assert run.returncode["hostile"] == 1, run.stderr["hostile"]
    assert run.rows["hostile"] and run.csv_bytes
    err = run.stderr["hostile"]
    assert ESC not in err and "Traceback" not in err, err[-2000:]
    assert err.splitlines()[0].startswith("lessons gradebook: graded ")
    assert f"skipped {len(SKIPPED_FILES)}" in err.splitlines()[0]


@needs_repo
def test_each_hostile_file_gets_its_own_row_and_leftovers_none(run: ModeRun) -> None:
    files = [row["file"] for row in run.rows["hostile"]]
    assert files == [submissions.csv_cell(n) for n in run.learners]
    for name in SKIPPED_FILES + IGNORED_FILES:
        assert not any(name in f for f in files)
    assert not run.conftest_marker.exists()


@needs_repo
def test_every_honest_row_is_the_one_of_a_run_without_the_hostile_files(run: ModeRun) -> None:
    alone = _by_file(run.rows["honest"])
    together = _by_file(run.rows["hostile"])
    assert sorted(alone) == sorted(f"{n}.json" for n in honest_class())
    for name, row in alone.items():
        assert together[name] == row, name
    assert float(alone["cy.json"]["total"]) == 0 < float(alone["bo.json"]["total"]) < float(alone["ada.json"]["total"])
    assert [float(alone["ada.json"][i]) for i in CODE_IDS] == [1.0, 1.0]
    assert 0 < float(alone["bo.json"]["reading.glued_byline"]) < 1


@needs_repo
def test_no_hostile_code_answer_gets_credit_or_harms_the_other_exercise(run: ModeRun) -> None:
    table = _by_file(run.rows["hostile"])
    for name, (hit, ok) in run.code_files.items():
        row = table[name]
        assert row["status"] == "graded", (name, row["error"])
        assert (float(row[hit]), float(row[ok])) == (0.0, 1.0), name


@needs_repo
def test_hostile_files_get_the_expected_row(run: ModeRun) -> None:
    table = _by_file(run.rows["hostile"])
    errors = {"invalid-utf8.json": "not UTF-8", "20mb.json": "too large", "link-to-ada.json": "symbolic link",
              "link-to-shadow.json": "symbolic link", "fifo.json": "pipe"}  # fmt: skip
    for name, reason in errors.items():
        assert table[name]["status"] == "error" and reason in table[name]["error"], table[name]
    for name in ("lone-surrogate.json", "5000-digits.json", "5000-deep.json", "nan.json", "unknown-ids.json",
                 "forged-score.json"):  # fmt: skip
        assert table[name]["status"] == "graded" and float(table[name]["total"]) == 0, table[name]
    bo = _by_file(run.rows["honest"])["bo.json"]
    for name in ("=HYPERLINK(1).json", "-rf.json", "+1.json", "@SUM(A1).json", "\x1b[31mred.json", "new\nline.json",
                 "-p.json"):  # fmt: skip
        row = table[submissions.csv_cell(name)]
        assert row["status"] == "graded" and row["reading.author"] == bo["reading.author"], row
    text = run.csv_bytes.decode("utf-8")
    assert ESC not in text and "root:" not in text
    for row in csv.reader(text.splitlines()):
        assert not any(cell.startswith(submissions.FORMULA_STARTS) for cell in row), row


@needs_repo
def test_no_learner_file_was_changed(run: ModeRun) -> None:
    changed = {n for n in run.honest_hashes if run.hashes_after.get(n) != run.honest_hashes[n]}
    if run.mode == "process":
        # Documented: without the sandbox an answer can write the grader's files. The grade is from the
        # snapshot, so the victim's row is unchanged (checked above); its file is not.
        changed.discard(run.ctx.victim)
    assert changed == set()


@needs_repo
def test_nothing_was_written_outside_and_no_process_is_left(run: ModeRun) -> None:
    assert run.traces == []
    assert run.leftovers == []
    assert run.csv_bytes_later == run.csv_bytes  # 3 s after the run, the CSV is what the run wrote
    if run.mode == "bwrap":
        assert run.connections == 0  # no network in the sandbox


@needs_repo
def test_the_repo_and_site_packages_are_unchanged(class_runs: dict[str, Any]) -> None:
    before_site, after_site = class_runs["_site"]
    assert after_site == before_site
    before, after = class_runs["_status"]  # other people may edit the checkout meanwhile: look at our targets
    assert [line for line in after - before if "lessons/course/checks.py" in line or ".pth" in line] == []


# --- Limits the answer might lift ----------------------------------------------------------------------------


@pytest.fixture(params=["bwrap", "process"])
def mode(request: pytest.FixtureRequest) -> Any:
    if request.param == "bwrap" and not BWRAP_USABLE:
        pytest.skip(f"bubblewrap unavailable here: {BWRAP_PROBLEM}")
    saved = sandbox._chosen
    sandbox.use_sandbox(request.param)
    yield request.param
    sandbox._chosen = saved


LIFT_LIMITS = """
import resource
def f(x):
    for limit in (resource.RLIMIT_CPU, resource.RLIMIT_AS, resource.RLIMIT_NPROC):
        try:
            resource.setrlimit(limit, (resource.RLIM_INFINITY, resource.RLIM_INFINITY))
        except (ValueError, OSError):
            pass
    return [resource.getrlimit(limit)[1] for limit in (resource.RLIMIT_CPU, resource.RLIMIT_AS)]
"""


def test_an_answer_cannot_lift_its_own_cpu_and_memory_limits(mode: str) -> None:
    # As root with CAP_SYS_RESOURCE the fallback could (GUARANTEES says limits are "capped per process").
    outcome = coderun.run_function(LIFT_LIMITS, "f", [(1,)])[0]
    assert outcome.ok, outcome.error
    assert all(hard != -1 for hard in outcome.value), outcome.value  # -1 is RLIM_INFINITY


def test_what_escapes_the_fallback_is_what_its_guarantees_say() -> None:
    mark = f"lh{uuid.uuid4().hex[:20]}doc"
    source = Context(mark, Path("/nonexistent"), Path("/nonexistent.csv")).source("setsid + fork + sleep",
                                                                                  "reading.glued_byline")  # fmt: skip
    saved = sandbox._chosen
    try:
        sandbox.use_sandbox("process")
        coderun.run_function(source, "split_byline", [("x",)])
        time.sleep(0.5)  # the child's exec
        escaped = end_leftovers(mark)
        guarantees = sandbox.sandbox().guarantees
    finally:
        sandbox._chosen = saved
        end_leftovers(mark)
    assert not escaped or "setsid" in guarantees  # as root it escapes, and the mode says so


# --- lessons grade must not trust the folder -----------------------------------------------------------------


def _grade(*args: str, cwd: Path | None = None, env: dict[str, str] | None = None, timeout: float = 120) -> Any:
    return subprocess.run([sys.executable, "-m", "lessons", "grade", *args], capture_output=True, text=True,
                          encoding="utf-8", errors="surrogateescape", cwd=cwd, env=env, timeout=timeout,
                          stdin=subprocess.DEVNULL)  # fmt: skip


ANSWERS_00 = store_bytes({"start.city": "Seoul", "start.next_lesson": "no such option"})


def _total(stdout: str) -> str:
    return next(line for line in stdout.splitlines() if line.startswith("Total:"))


def test_grade_ignores_a_conftest_and_ini_files_beside_the_answers(tmp_path: Path) -> None:
    clean, evil = tmp_path / "clean", tmp_path / "evil"
    clean.mkdir()
    evil.mkdir()
    write_file(clean, "answers.json", ANSWERS_00)
    write_file(evil, "answers.json", ANSWERS_00)
    marker = tmp_path / "evil-ran"
    hook = f"import pathlib\npathlib.Path({str(marker)!r}).touch()\n"
    (evil / "conftest.py").write_text(
        hook + "def pytest_collection_modifyitems(items):\n    items.clear()\n"
        "def pytest_runtest_makereport(item, call):\n    pass\n"
    )
    (evil / "evilplug.py").write_text(hook)
    for ini in ("pytest.ini", "tox.ini", "setup.cfg"):
        (evil / ini).write_text("[pytest]\n[tool:pytest]\naddopts = -p evilplug --co\npython_files = *.json\n")
    (evil / "pyproject.toml").write_text('[tool.pytest.ini_options]\naddopts = "-p evilplug"\n')
    expected = _grade(str(clean / "answers.json"), "--notebook", "00_start", cwd=clean)
    assert expected.returncode == 1 and "Total: 1 of 2 points" in expected.stdout, expected.stderr
    for args in ([str(evil / "answers.json")], ["answers.json"]):
        got = _grade(*args, "--notebook", "00_start", cwd=evil, env={**os.environ, "PYTHONPATH": str(evil)})
        assert (got.returncode, got.stdout) == (1, expected.stdout), got.stderr
    assert not marker.exists()


@pytest.mark.parametrize("name", ["-p.json", "--help.json", "-c.json"])
def test_grade_takes_an_option_like_name_as_a_file(tmp_path: Path, name: str) -> None:
    write_file(tmp_path, name, ANSWERS_00)
    for args, cwd in (([str(tmp_path / name)], None), ([f"./{name}"], tmp_path), (["--", name], tmp_path)):
        got = _grade(*args, "--notebook", "00_start", cwd=cwd) if args[0] != "--" else _grade(
            "--notebook", "00_start", *args, cwd=cwd)  # fmt: skip
        assert got.returncode == 1, (args, got.stderr)
        assert f"your grade ({name})" in got.stdout and _total(got.stdout).startswith("Total: 1 of 2"), got.stdout
    bare = _grade(name, "--notebook", "00_start", cwd=tmp_path)  # argparse refuses it: a usage error, no grade
    assert bare.returncode == 2 and "Traceback" not in bare.stderr and "Total:" not in bare.stdout
    assert "usage:" in bare.stderr or "unrecognized" in bare.stderr


def test_grade_ignores_pytest_addopts_and_plugins_from_the_environment(tmp_path: Path) -> None:
    write_file(tmp_path, "answers.json", ANSWERS_00)
    plugins = tmp_path / "plugins"
    plugins.mkdir()
    marker = tmp_path / "plugin-ran"
    (plugins / "evilplug.py").write_text(
        f"import pathlib\npathlib.Path({str(marker)!r}).touch()\n"
        "def pytest_collection_modifyitems(items):\n    items.clear()\n"
    )
    expected = _grade(str(tmp_path / "answers.json"), "--notebook", "00_start")
    env = {**os.environ, "PYTHONPATH": str(plugins), "PYTEST_ADDOPTS": "-p evilplug --co -x",
           "PYTEST_PLUGINS": "evilplug"}  # fmt: skip
    got = _grade(str(tmp_path / "answers.json"), "--notebook", "00_start", env=env)
    assert (got.returncode, got.stdout) == (expected.returncode, expected.stdout), got.stderr
    assert not marker.exists()


def test_a_check_that_crashes_is_could_not_be_checked_and_counted(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "answers.json"
    path.write_bytes(ANSWERS_00)

    def broken(ex: Any, answer: Any) -> Any:
        raise RuntimeError("the key file is missing\x1b[2J")

    monkeypatch.setitem(checks._CHECKERS, "text", broken)
    grades = {g.exercise.id: g for g in autograder.grade_with_pytest(path, notebook="00_start")}
    assert sorted(grades) == ["start.city", "start.next_lesson"]
    crashed = grades["start.city"]
    assert crashed.result.status == "could not be checked" and crashed.points == 0
    assert total_points(grades.values()) == (0.0, 2.0)
    from lessons.course.report import format_report

    report = format_report(list(grades.values()))
    assert "could not be checked" in report and "of 2 points" in report and ESC not in report


def test_an_unknown_notebook_is_exit_2_in_one_line(tmp_path: Path) -> None:
    write_file(tmp_path, "answers.json", ANSWERS_00)
    got = _grade(str(tmp_path / "answers.json"), "--notebook", "99_\x1b[31mnope")
    assert got.returncode == 2 and got.stdout == ""
    assert len(got.stderr.splitlines()) == 1 and "try one of" in got.stderr and ESC not in got.stderr


def test_grade_prints_no_escape_from_the_file_name(tmp_path: Path) -> None:
    write_file(tmp_path, "\x1b[31mred.json", ANSWERS_00)
    write_file(tmp_path, "\x1b]0;title\x07.json", b"{broken")
    graded = _grade(str(tmp_path / "\x1b[31mred.json"), "--notebook", "00_start")
    broken = _grade(str(tmp_path / "\x1b]0;title\x07.json"))
    assert graded.returncode == 1 and broken.returncode == 2
    assert ESC not in graded.stdout + graded.stderr + broken.stdout + broken.stderr


def test_grade_prints_no_escape_from_a_code_answer(tmp_path: Path) -> None:
    answers = {
        "reading.glued_byline": "def split_byline(line):\n    raise ValueError('\\x1b[31mRED\\x1b]0;title\\x07')\n",
        "tokenizing.splitter": "import os\nos.write(1, b'\\x1b]0;pwned\\x07\\x1b[2J')\nos._exit(3)\n",
    }
    write_file(tmp_path, "answers.json", store_bytes(answers))
    got = _grade(str(tmp_path / "answers.json"))
    assert got.returncode == 1 and "Total:" in got.stdout
    assert ESC not in got.stdout + got.stderr


def _blocks(call: Any, fifo: Path) -> bool:
    """True when ``call()`` is still blocked after 5 s (then unblocked by opening the FIFO's other end)."""
    done = threading.Event()
    thread = threading.Thread(target=lambda: (_swallow(call), done.set()), daemon=True)
    thread.start()
    thread.join(5)
    blocked = not done.is_set()
    if blocked:  # let the reader go: a writer opens and closes, the read sees end of file
        with open(fifo, "wb"):
            pass
        thread.join(30)
    return blocked


def _swallow(call: Any) -> None:
    try:
        call()
    except Exception:  # noqa: BLE001 - only whether it returns matters here
        pass


def test_grade_does_not_hang_on_a_named_pipe(tmp_path: Path) -> None:
    fifo = tmp_path / "answers.json"
    os.mkfifo(fifo)
    assert not _blocks(lambda: autograder.read_store_text(fifo), fifo)


# --- The store must never lock a learner out -----------------------------------------------------------------


def test_a_store_with_a_byte_order_mark_keeps_its_answers(tmp_path: Path) -> None:
    path = tmp_path / "answers.json"
    path.write_bytes(b"\xef\xbb\xbf" + store_bytes({"start.city": "Seoul"}))
    assert [g.result.status for g in autograder.grade_with_pytest(path, notebook="00_start")][1] == "correct"
    store = AnswerStore(path)
    store.save("reading.author", "Ahn Sung-mi")
    assert store.load() == {"start.city": "Seoul", "reading.author": "Ahn Sung-mi"}


def test_a_store_that_is_a_named_pipe_does_not_hang(tmp_path: Path) -> None:
    fifo = tmp_path / "answers.json"
    os.mkfifo(fifo)
    assert not _blocks(lambda: AnswerStore(fifo).load(), fifo)


def test_leftovers_beside_the_store_do_not_lock_the_learner_out(tmp_path: Path) -> None:
    path = tmp_path / "answers.json"
    path.write_bytes(b'{"answers": {"start.city": {"value": "Seoul"}, "x": {"value": ' + _deep(5000) + b"}}}")
    (tmp_path / ".answers.json.stale.tmp").mkdir()  # a stale temp that cannot be unlinked
    (tmp_path / "answers.json.lock").write_bytes(b"\x00garbage\xff" * 100)
    (tmp_path / "answers.json.corrupt-1").write_text("an older backup")
    store = AnswerStore(path)
    with pytest.raises(Exception, match="could not be read"):
        store.save("reading.author", "Ahn Sung-mi")  # saved, and the deep answer set aside (reported)
    store.save("reading.paragraphs", "15")  # and again, without complaint
    assert store.load() == {"start.city": "Seoul", "reading.author": "Ahn Sung-mi", "reading.paragraphs": "15"}
    assert (tmp_path / "answers.json.corrupt-1").read_text() == "an older backup"


def test_the_store_s_own_backups_are_counted_as_skipped(tmp_path: Path) -> None:
    write_file(tmp_path, "ada.json", store_bytes({"start.city": "Seoul"}))
    write_file(tmp_path, "ada.json.corrupt-20240101-000000-000000", b"{")
    book = grading.grade_class(tmp_path, notebook="00_start", jobs=1, progress=False)
    assert [r.file for r in book.rows] == ["ada.json"]
    assert book.skipped == ("ada.json.corrupt-20240101-000000-000000",)


# --- Generated names and values, code answers included ------------------------------------------------------

_CODE_VALUES = [
    "def split_byline(line):\n    return None, None\n",
    "def split_sentences(text):\n    return [text]\n",
    "def split_byline(line:\n",
    "raise SystemExit(0)\n",
    "import os\nos._exit(0)\n",
    "def split_sentences(t):\n    return [t] * 10 ** 6\n",
    "\x00\ud800",
    "",
]


def _value() -> st.SearchStrategy[str]:
    leaves = st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=10)
    plain = st.recursive(leaves, lambda c: st.lists(c, max_size=3) | st.dictionaries(st.text(max_size=3), c, max_size=3),
                         max_leaves=6).map(json.dumps)  # fmt: skip
    code = st.sampled_from(_CODE_VALUES).map(lambda s: json.dumps(s))
    odd = st.sampled_from(["9" * 5000, _deep(3000).decode(), '"\\ud800"', "NaN", "-Infinity", "1e999"])
    return st.one_of(plain, code, odd)


def _name() -> st.SearchStrategy[bytes]:
    prefix = st.sampled_from([b"", b"=", b"-", b"+", b"@", b"-p", b"\x1b[31m", b"\n", b".", b"\xff"])
    stem = st.binary(min_size=1, max_size=20).map(lambda b: b.replace(b"/", b"_").replace(b"\x00", b"_"))
    suffix = st.sampled_from([b".json", b".json", b".tmp", b".json.corrupt-1", b""])
    return st.tuples(prefix, stem, suffix).map(lambda t: t[0] + t[1] + t[2]).filter(lambda n: n not in (b".", b".."))


def _content() -> st.SearchStrategy[bytes]:
    ids = st.sampled_from([*CODE_IDS, "start.city", "reading.non_ascii", "no.such"])
    entry = st.tuples(ids, _value()).map(lambda e: f'{json.dumps(e[0])}: {{"value": {e[1]}, "passed": true}}')
    files = st.lists(entry, max_size=3).map(lambda es: ('{"answers": {' + ", ".join(es) + "}}").encode(
        "utf-8", "surrogatepass"))  # fmt: skip
    return st.one_of(files, st.binary(max_size=64))


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(_name(), _content()), min_size=1, max_size=3))
def test_generated_classes_always_give_one_row_per_learner_file(files: list[tuple[bytes, bytes]]) -> None:
    folder = Path(tempfile.mkdtemp(prefix="hostile-gen-"))
    try:
        for name, data in files:
            with open(os.path.join(os.fsencode(folder), name), "wb") as handle:
                handle.write(data)
        write_file(folder, "zz-honest.json", store_bytes({"start.city": "Seoul", **CODE_RIGHT}))
        names = sorted(os.fsdecode(n) for n in os.listdir(os.fsencode(folder)))
        book = grading.grade_class(folder, jobs=2, progress=False)
        assert [row.file for row in book.rows] == [n for n in names if submissions.submission_role(n) == "learner"]
        honest = next(row for row in book.rows if row.file == "zz-honest.json")
        assert total_points(honest.grades)[0] == 3.0
        for line in grading.summary_lines(book, sandbox="bwrap"):
            assert ESC not in line and "\n" not in line
    finally:
        shutil.rmtree(folder)


# --- lessons collect: learner-controlled homes, read with the instructor's rights -------------------


def _home(root: Path, name: str) -> Path:
    notebooks = root / name / "reading-the-news" / "notebooks"
    notebooks.mkdir(parents=True)
    return notebooks


def test_collect_copies_plain_answer_files_and_refuses_everything_else(tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    homes = tmp_path / "home"
    (_home(homes, "ada") / "answers.json").write_text('{"answers": {}}', encoding="utf-8")
    secret = tmp_path / "shadow"
    secret.write_text("root:$6$secret", encoding="utf-8")
    (_home(homes, "bo") / "answers.json").symlink_to(secret)  # a link to a file the instructor can read
    cy = homes / "cy" / "reading-the-news"
    cy.mkdir(parents=True)
    (cy / "notebooks").symlink_to(homes / "ada" / "reading-the-news" / "notebooks")  # another learner's, via a folder
    os.mkfifo(_home(homes, "dee") / "answers.json")  # a pipe: opening it must not hang the collection
    from lessons.course.submissions import MAX_SUBMISSION_BYTES

    with (_home(homes, "eve") / "answers.json").open("wb") as huge:
        huge.truncate(MAX_SUBMISSION_BYTES + 1)  # sparse: over the cap without writing it all
    _home(homes, "fay")  # not started yet
    (homes / "odd\nname").mkdir()
    (homes / "gus").symlink_to(homes / "ada")  # a home that is a link
    out = tmp_path / "submissions"
    out.mkdir()
    (out / "hal.json").symlink_to(secret)  # a link planted where a copy will be written
    (_home(homes, "hal") / "answers.json").write_text('{"answers": {"start.city": "Seoul"}}', encoding="utf-8")
    names = ["ada", "bo", "cy", "dee", "eve", "fay", "odd\nname", "gus", "hal"]
    proc = subprocess.run([sys.executable, "-m", "lessons", "collect", *[str(homes / n) for n in names], "-o", str(out)],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 1 and "collected 2 of 9 homes" in proc.stdout, proc.stdout + proc.stderr
    assert sorted(p.name for p in out.iterdir()) == ["ada.json", "hal.json"]
    assert "secret" not in (out / "hal.json").read_text() and "Seoul" in (out / "hal.json").read_text()
    assert secret.read_text() == "root:$6$secret"  # the planted link was replaced, not written through
    lines = proc.stderr.splitlines()
    assert len(lines) == 7 and "Traceback" not in proc.stderr
    reasons = "\n".join(lines)
    for expected in ("symbolic link", "not a plain file", "too large", "no answer file there", "no learner id",
                     "the home is a symbolic link"):
        assert expected in reasons, expected
    assert "odd\\nname" in reasons  # the odd name, printed escaped on one line


def test_collect_refuses_a_path_that_leaves_the_home_and_a_missing_output(tmp_path: Path) -> None:
    from lessons.course.collect import collect
    from lessons.errors import LessonsError

    with pytest.raises(LessonsError, match="inside the home"):
        collect([tmp_path], tmp_path, path="../../etc/shadow")
    with pytest.raises(LessonsError, match="not a folder"):
        collect([tmp_path], tmp_path / "nowhere")


def test_a_home_refused_now_leaves_no_copy_from_an_earlier_collection(tmp_path: Path) -> None:
    from lessons.course.collect import collect

    home = tmp_path / "homes" / "ada"
    answers = home / "reading-the-news" / "notebooks" / "answers.json"
    answers.parent.mkdir(parents=True)
    answers.write_text('{"answers": {}}', encoding="utf-8")
    out = tmp_path / "submissions"
    out.mkdir()
    assert collect([home], out)[0].written
    answers.unlink()
    answers.symlink_to("/etc/hostname")  # the learner swaps the file for a link before the next collection
    assert collect([home], out)[0].refused
    assert not (out / "ada.json").exists()  # the first copy is not graded as this collection's
