"""Run a learner's function on test cases, in a sandbox, with limits that hold as root and under load.

A crash, a loop, a flood of output or a hostile answer fails that exercise only: the code runs
in its own interpreter (bubblewrap where it works, see :mod:`lessons.course.sandbox`), reports
through a result channel of its own, and everything it started is gone when the call returns.
The parent never raises on what the answer does.

>>> run_function("def double(x):\\n    return 2 * x", "double", [(3,), ("ab",)])
[CallOutcome(ok=True, value=6, error='', unchecked=False), CallOutcome(ok=True, value='abab', error='', unchecked=False)]
>>> run_function("def f(x):\\n    while True: pass", "f", [(1,)], cpu_s=1)[0].error
'stopped: it used more than 1 s of CPU time (an endless loop?)'
>>> run_function("import lessons\\ndef f(x): return x", "f", [(1,)])[0].error[:58]
"ModuleNotFoundError: the course's `lessons` package is not"
"""

from __future__ import annotations

import errno
import json
import os
import selectors
import shutil
import signal
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from collections.abc import Iterable, Sequence

from lessons.course import sandbox as _sandbox
from lessons.course.safeio import printable
from lessons.course.sandbox import Sandbox, sandbox, use_sandbox

__all__ = ["CallOutcome", "LIMIT_PREFIX", "Sandbox", "limit_named", "run_function", "sandbox", "set_parallel_jobs",
           "use_sandbox"]

# Every limit in one place. Units in the names; None turns a limit off.
#: CPU seconds one code answer may use, all its cases together ("too slow" is decided by CPU time).
CPU_S: float | None = 10.0
#: Address space of the answer's process in MiB (the whole answer: it may start no other process).
MEMORY_MB: int | None = 1024
#: Wall-clock backstop in seconds for one answer on an idle machine (an answer that sleeps uses no
#: CPU); multiplied by parallel jobs per core, so a busy grader never stops an honest answer.
WALL_BACKSTOP_S: float = 60.0
#: Bytes of the answer's own printed output kept (the rest is read and dropped).
OUTPUT_KEEP_BYTES = 4096
#: Bytes the result channel may carry, all cases together; one returned value at most a quarter.
RESULT_BYTES = 4 * 1024 * 1024
#: Bytes the answer may write to one file in its private temp folder.
FILE_BYTES = 8 * 1024 * 1024
#: Libraries a code answer may import besides the standard library (distributions and what they need).
ALLOWED: tuple[str, ...] = ("nltk",)
#: Every message about a limit starts with this, so reports can count them.
LIMIT_PREFIX = "stopped: "

_RUNNER_SOURCE = (Path(__file__).with_name("_runner.py")).read_text(encoding="utf-8")
_parallel_jobs = 1


@dataclass(frozen=True)
class CallOutcome:
    """What one call returned (``ok``), why it failed (``error``), or that it could not be checked."""

    ok: bool
    value: Any = None
    error: str = ""
    unchecked: bool = False  # the result could not be read: "could not be checked", not the learner's score


def set_parallel_jobs(jobs: int) -> None:
    """Tell the runner how many answers run at once, so the wall-clock backstop scales with the load."""
    global _parallel_jobs
    _parallel_jobs = max(1, int(jobs))


def wall_backstop_s() -> float:
    """The wall-clock limit for one answer now: generous, and longer when many run per core."""
    return WALL_BACKSTOP_S * max(1.0, _parallel_jobs / (os.cpu_count() or 1))


def run_function(
    source: str,
    function: str,
    cases: Sequence[Sequence[Any]],
    *,
    cpu_s: float | None = None,
    memory_mb: int | None = None,
    wall_s: float | None = None,
    allowed: Iterable[str] = ALLOWED,
) -> list[CallOutcome]:
    """Call ``function`` from ``source`` on each argument tuple, in a fresh sandboxed interpreter."""
    cpu = CPU_S if cpu_s is None else cpu_s
    limits = {"cpu_s": cpu, "memory_mb": MEMORY_MB if memory_mb is None else memory_mb,
              "file_bytes": FILE_BYTES, "value_bytes": RESULT_BYTES // 4}  # fmt: skip
    try:
        with _Run(sandbox(), list(allowed)) as run:
            raw = run.execute(source, function, [list(c) for c in cases], limits, wall_s or wall_backstop_s())
    except Exception as err:  # noqa: BLE001 - the parent never raises on what an answer does
        return [_unchecked(f"the sandbox failed: {type(err).__name__}: {str(err)[:120]}")] * len(cases)
    return _outcomes(raw, len(cases), cpu)


def _unchecked(why: str) -> CallOutcome:
    return CallOutcome(False, error=why, unchecked=True)


@dataclass(frozen=True)
class _Raw:
    """What came back from one run, before it is read as outcomes."""

    records: tuple[Any, ...]
    output: bytes
    returncode: int | None
    stopped: str = ""  # which backstop the parent applied: "wall", "result" or ""
    wall_s: float = 0.0
    garbled: bool = False  # the channel held something that is not one JSON record per line


class _Run:
    """One sandboxed interpreter: set up, fed a job, read through bounded buffers, then gone."""

    def __init__(self, mode: Sandbox, allowed: list[str]) -> None:
        self.mode, self.allowed = mode, allowed
        self.tmp = Path(tempfile.mkdtemp(prefix="lessons-answer-"))

    def __enter__(self) -> _Run:
        return self

    def __exit__(self, *exc: object) -> None:
        shutil.rmtree(self.tmp, ignore_errors=True)

    def _command_and_job(self) -> tuple[list[str], dict[str, Any]]:
        if self.mode.mode == "bwrap":
            command = _sandbox.bwrap_command(["-c", _RUNNER_SOURCE], allowed=self.allowed)
            return command, {"site": [_sandbox.SITE_IN_SANDBOX], "workdir": "/tmp", "uid": _sandbox.SANDBOX_UID}
        site, work = self.tmp / "site", self.tmp / "work"
        site.mkdir()
        work.mkdir()
        for module, location in _sandbox.library_locations(self.allowed).items():
            (site / location.name).symlink_to(location)
        uid = _sandbox.drop_to_uid()
        if uid is not None:
            os.chown(work, uid, uid)
            os.chmod(self.tmp, 0o755)
        command = [_sandbox.interpreter(), "-I", "-S", "-c", _RUNNER_SOURCE]
        return command, {"site": [str(site)], "workdir": str(work), "uid": uid}

    def execute(self, source: str, function: str, cases: list, limits: dict, wall_s: float) -> _Raw:
        command, job = self._command_and_job()
        read_end, write_end = os.pipe()
        job.update(limits, source=source, function=function, cases=cases, channel_fd=write_end)
        popen: dict[str, Any] = {"start_new_session": True} if os.name == "posix" else {
            "creationflags": subprocess.CREATE_NEW_PROCESS_GROUP}  # type: ignore[attr-defined]  # fmt: skip
        env = {"PATH": os.defpath, "LANG": "C.UTF-8", "HOME": str(self.tmp)}
        try:
            proc = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                    pass_fds=(write_end,), env=env, cwd=self.tmp, **popen)  # fmt: skip
        finally:
            os.close(write_end)
        try:
            return _collect(proc, read_end, json.dumps(job).encode("utf-8"), wall_s)
        finally:
            _end(proc)
            os.close(read_end)


def _collect(proc: subprocess.Popen, channel: int, job: bytes, wall_s: float) -> _Raw:
    """Feed the job, then drain output and channel (bounded) until both close or a backstop hits."""
    assert proc.stdin is not None and proc.stdout is not None
    try:
        proc.stdin.write(job)
        proc.stdin.close()
    except (BrokenPipeError, OSError):
        pass  # it died before reading its job; what it said is read below
    output, result, stopped = bytearray(), bytearray(), ""
    selector = selectors.DefaultSelector()
    selector.register(proc.stdout, selectors.EVENT_READ, "output")
    selector.register(channel, selectors.EVENT_READ, "result")
    deadline = time.monotonic() + wall_s
    while selector.get_map():
        left = deadline - time.monotonic()
        if left <= 0:
            stopped = "wall"
            break
        for key, _ in selector.select(timeout=min(left, 1.0)):
            chunk = os.read(key.fd, 65536)
            if not chunk:
                selector.unregister(key.fileobj)
            elif key.data == "output":
                output += chunk[: max(0, OUTPUT_KEEP_BYTES - len(output))]
            else:
                result += chunk
                if len(result) > RESULT_BYTES:
                    stopped = "result"
                    selector.close()
                    break
        if stopped:
            break
    selector.close()
    records, garbled = _records(bytes(result[:RESULT_BYTES]))
    returncode = proc.poll() if stopped else _wait(proc)
    return _Raw(tuple(records), bytes(output), returncode, stopped=stopped, garbled=garbled, wall_s=wall_s)


def _wait(proc: subprocess.Popen) -> int | None:
    try:
        return proc.wait(timeout=5)
    except subprocess.TimeoutExpired:
        return None


def _records(data: bytes) -> tuple[list[Any], bool]:
    """One JSON value per line; anything else marks the channel as garbled."""
    records = []
    for line in data.splitlines():
        try:
            record = json.loads(line.decode("utf-8"))
            json.dumps(record, ensure_ascii=False, allow_nan=False).encode("utf-8")
        except (ValueError, RecursionError, UnicodeError):
            return records, True
        records.append(record)
    return records, False


def _end(proc: subprocess.Popen) -> None:
    """Kill the answer's whole process group (bubblewrap's PID namespace dies with it) and reap it."""
    if os.name == "posix":
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass
    else:  # pragma: no cover - Windows
        proc.kill()
    for stream in (proc.stdin, proc.stdout):
        if stream is not None:
            stream.close()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:  # pragma: no cover - a process SIGKILL cannot end
        pass


_FORGED = "it wrote to the course's result channel, which an answer must not touch"


def _outcomes(raw: _Raw, count: int, cpu_s: float | None) -> list[CallOutcome]:
    """Read the records as one outcome per case; a missing case gets the reason the run ended."""
    by_case: dict[int, CallOutcome] = {}
    done = ready = False
    for record in raw.records:
        if ready and (not isinstance(record, dict) or "setup_error" in record or "ready" in record):
            return [CallOutcome(False, error=_FORGED)] * count  # the answer wrote to the channel: its doing
        if not isinstance(record, dict):
            return [_unchecked("its result could not be read (something else wrote to the result channel)")] * count
        if "setup_error" in record:
            return [_unchecked(f"the sandbox could not start: {str(record['setup_error'])[:120]}")] * count
        if record.get("ready") is True:
            ready = True
            continue
        if "answer_error" in record:
            return [CallOutcome(False, error=printable(record["answer_error"], limit=300))] * count
        if record.get("done") is True:
            done = True
            continue
        case = record.get("case")
        if not isinstance(case, int) or not 0 <= case < count or case in by_case or not isinstance(record.get("ok"), bool):
            return [CallOutcome(False, error=_FORGED) if ready else
                    _unchecked("its result could not be read (a malformed result record)")] * count
        by_case[case] = CallOutcome(True, record.get("value")) if record["ok"] else CallOutcome(
            False, error=printable(record.get("error", ""), limit=300))  # fmt: skip
    if raw.garbled:
        return [CallOutcome(False, error=_FORGED) if ready else
                _unchecked("its result could not be read (something else wrote to the result channel)")] * count
    if done and len(by_case) == count:
        return [by_case[i] for i in range(count)]
    why = _why_it_ended(raw, cpu_s)
    return [by_case.get(i, CallOutcome(False, error=why)) for i in range(count)]


def _why_it_ended(raw: _Raw, cpu_s: float | None) -> str:
    if raw.stopped == "wall":
        return f"{LIMIT_PREFIX}it ran for {raw.wall_s:g} s of wall-clock time without finishing (waiting?)"
    if raw.stopped == "result":
        return f"{LIMIT_PREFIX}it returned more than {RESULT_BYTES // 1024 // 1024} MB of results"
    code = raw.returncode
    if code in (-signal.SIGKILL, -getattr(signal, "SIGXCPU", 24), 128 + 9, 128 + 24) and cpu_s:
        return f"{LIMIT_PREFIX}it used more than {cpu_s:g} s of CPU time (an endless loop?)"
    said = raw.output.decode("utf-8", "replace").strip().splitlines()
    last = printable(said[-1], limit=200) if said else f"exit code {code}"
    if "MemoryError" in last:
        return f"{LIMIT_PREFIX}it used more than {MEMORY_MB} MB of memory"
    return f"your code crashed Python: {last}"


#: The limit each of _why_it_ended's messages names (after LIMIT_PREFIX), by a phrase only that message holds.
_RUN_LIMITS = (("s of CPU time", "CPU time"), ("MB of memory", "memory"), ("wall-clock time", "wall-clock time"),
               ("MB of results", "result size"))
#: How _runner.py's error for one case begins when that case hit a limit and the run went on.
_CASE_LIMITS = (("MemoryError", "memory"), ("it returned a value of ", "result size"),
                (f"OSError: [Errno {errno.EFBIG}]", "file size"))  # RLIMIT_FSIZE: Python ignores SIGXFSZ


def limit_named(error: str) -> str:
    """The sandbox limit that stopped a call, named from its error ('' when no limit did), so the gradebook can
    tell the instructor which learner's code to look at. Kept beside the messages it reads; a learner's own
    exception begins with its type's name, so at worst it claims a limit and the instructor looks for nothing.

    >>> limit_named("stopped: it used more than 1 s of CPU time (an endless loop?)"), limit_named("ValueError: x")
    ('CPU time', '')
    """
    if error.startswith(LIMIT_PREFIX):
        return next((name for phrase, name in _RUN_LIMITS if phrase in error), "another limit")
    return next((name for start, name in _CASE_LIMITS if error.startswith(start)), "")
