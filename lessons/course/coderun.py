"""Run a learner's function in a separate Python process, with limits.

A crash, an endless loop or a memory bomb in one code answer must fail that exercise
only, so the code never runs in the grader's (or the notebook's) own process.

>>> run_function("def double(x):\\n    return 2 * x", "double", [(3,), ("ab",)])
[CallOutcome(ok=True, value=6, error=''), CallOutcome(ok=True, value='abab', error='')]
>>> run_function("def f(x):\\n    while True: pass", "f", [(1,)], timeout_s=0.5)[0].error
'timed out after 0.5 s (an endless loop?)'
"""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import dataclass
from typing import Any
from collections.abc import Sequence

#: Seconds one code answer may run, all its cases together. None turns the limit off.
CODE_TIMEOUT_S: float | None = 5.0
#: Memory one code answer may use, in MiB (POSIX only). None turns the limit off.
CODE_MEMORY_MB: int | None = 1024
#: Characters of a learner's printed output or error kept for the feedback.
ERROR_CHARS = 200

_RUNNER = r"""
import json, sys, traceback
job = json.loads(sys.stdin.read())
if job["memory_mb"] and sys.platform != "win32":
    import resource  # capped here, in the child: a pre-exec hook is unsafe when the grader uses threads
    size = job["memory_mb"] * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (size, size))
out = []
namespace = {"__name__": "learner_answer"}
try:
    exec(compile(job["source"], "<your answer>", "exec"), namespace)
    func = namespace.get(job["function"])
    if not callable(func):
        raise NameError("your code does not define a function named " + job["function"])
except BaseException as exc:
    err = traceback.format_exception_only(type(exc), exc)[-1].strip()
    out = [{"ok": False, "error": err} for _ in job["cases"]]
else:
    for args in job["cases"]:
        try:
            value = func(*args)
            json.dumps(value)
            out.append({"ok": True, "value": value})
        except BaseException as exc:
            err = traceback.format_exception_only(type(exc), exc)[-1].strip()
            out.append({"ok": False, "error": err})
sys.stdout = sys.__stdout__
print("\x1e" + json.dumps(out))
"""


@dataclass(frozen=True)
class CallOutcome:
    """What one call returned (``ok``) or why it failed (``error``)."""

    ok: bool
    value: Any = None
    error: str = ""


def run_function(
    source: str,
    function: str,
    cases: Sequence[Sequence[Any]],
    *,
    timeout_s: float | None = CODE_TIMEOUT_S,
    memory_mb: int | None = CODE_MEMORY_MB,
) -> list[CallOutcome]:
    """Call ``function`` from ``source`` on each argument tuple, in a fresh interpreter."""
    job = json.dumps(
        {"source": source, "function": function, "cases": [list(c) for c in cases], "memory_mb": memory_mb}
    )
    try:
        proc = subprocess.run(
            [sys.executable, "-I", "-c", _RUNNER],
            input=job,
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=timeout_s,
        )
    except subprocess.TimeoutExpired:
        return [CallOutcome(False, error=f"timed out after {timeout_s:g} s (an endless loop?)")] * len(cases)
    marker = proc.stdout.rfind("\x1e")
    if marker < 0:
        why = (proc.stderr.strip().splitlines() or [f"exit code {proc.returncode}"])[-1]
        return [CallOutcome(False, error=f"your code crashed Python: {why[:ERROR_CHARS]}")] * len(cases)
    results = json.loads(proc.stdout[marker + 1 :])
    return [CallOutcome(r["ok"], r.get("value"), r.get("error", "")[:ERROR_CHARS]) for r in results]
