"""Benchmark: a class of 200 (30 hostile) graded by ``lessons gradebook`` at several --jobs, under load.

    .venv/bin/python scripts/bench_gradebook.py [--jobs 2,4,16] [--burners 2] [--sandbox bwrap|process]

Prints two tables. Runs: jobs, burners (CPU-burning processes beside the grader), wall seconds,
learners graded, error rows, innocent learners who lost a point against the points their answers
earn alone (target 0), processes left, files written outside. Attacks: for each attack kind (hostile
files and code answers from the class runs, then ``lessons grade`` and answer-store attacks run on
their own), whether it crashed the run, changed another learner's grade, wrote outside, or left a
process, and anything else seen (a raw escape on the terminal, a hang, a locked-out learner).

The hostile lists come from ``tests/test_hostile.py``. ``os.kill(-1, 9)`` is never run here, nor, in
process mode, anything that writes outside or starts a detached process (see its ``attacks_for``).
A sleeping answer is stopped only by the wall-clock backstop (60 s x jobs per core): it is left out
of a run whose backstop would exceed ``--max-backstop`` seconds, and the table says so.
Every process this script starts (burners, graders) is ended by its pid.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))

import solutions  # noqa: E402  (answers found at run time, none written down)
import test_hostile as H  # noqa: E402  (the test's lists and helpers)

from lessons.course import coderun, sandbox  # noqa: E402
from lessons.course.checks import Grader  # noqa: E402
from lessons.course.exercises import EXERCISES  # noqa: E402

INNOCENTS, HOSTILE = 170, 30
#: Hostile files (by kind) put in the class; the others of the test's list are left for the 30.
FILE_KINDS = {
    "lone surrogate": "lone-surrogate.json", "5,000-digit number": "5000-digits.json",
    "5,000-deep value": "5000-deep.json", "NaN / Infinity": "nan.json",
    "invalid UTF-8": "invalid-utf8.json", "forged score/passed": "forged-score.json", "unknown ids": "unknown-ids.json",
    "name starting with =": "=HYPERLINK(1).json", "name starting with -": "-rf.json",
    "name starting with @": "@SUM(A1).json", "name with ESC[31m": "\x1b[31mred.json", "name with a newline": "new\nline.json",
    "-p.json": "-p.json", "20 MB file": "20mb.json", "symlink to an honest file": "link-to-ada.json",
    "symlink to /etc/shadow": "link-to-shadow.json", "FIFO": "fifo.json",
}  # fmt: skip
NOT_LEARNER_KINDS = {"conftest.py in the folder": "conftest.py", "answers.json.corrupt-1": "answers.json.corrupt-1",
                     ".hidden.json": ".hidden.json", "x.tmp": "x.tmp"}  # fmt: skip


# --- Innocent learners with known points -----------------------------------------------------------------


def _measured(ex: Any, answers: list[Any]) -> list[tuple[Any, float]]:
    grader = Grader(learner="probe")
    return [(a, round(ex.check(a, grader).score * ex.points, 3)) for a in answers]


def answer_menu() -> dict[str, list[tuple[Any, float]]]:
    """For each exercise without variants: answers with the points each earns (measured once, alone)."""
    ref = H.reference_answers("probe")
    menu: dict[str, list[tuple[Any, float]]] = {}
    wrong_code = "def split_byline(line):\n    return None, None\n"
    for ex in EXERCISES.values():
        if ex.variants:
            continue
        options: list[Any] = [ref.get(ex.id), None]
        if ex.kind == "code":
            options += [H.SPLIT_BYLINE_PARTIAL, wrong_code] if "byline" in ex.id else [H.SPLIT_SENTENCES_NAIVE]
            options += [ref.get(ex.id)] * 2  # many learners get code right
        elif ex.kind in ("choice", "multi", "order", "match"):
            others = [c for c in solutions.closed_candidates(ex) if not ex.check(c).passed]
            options += random.Random(ex.id).sample(others, min(2, len(others)))
        else:
            options += ["Sung Kim" if ex.kind == "text" else "3" if ex.kind == "number" else "1999-01-01"]
        menu[ex.id] = _measured(ex, [o for o in options if o is not None]) + [(None, 0.0)]
    return menu


def innocent_class(menu: dict[str, list[tuple[Any, float]]]) -> dict[str, tuple[dict[str, Any], float]]:
    """170 learners: name -> (answers, the points those answers earn)."""
    rng = random.Random(2024)
    out = {}
    for i in range(INNOCENTS):
        name = f"learner{i:03d}"
        answers, points = {}, 0.0
        for ex_id, choices in menu.items():
            answer, earned = rng.choice(choices)
            if answer is not None:
                answers[ex_id], points = answer, points + earned
        for ex in EXERCISES.values():
            if ex.variants and rng.random() < 0.6:
                right = solutions.variant_answer(ex, name)
                if right is not None:
                    answers[ex.id], points = right, points + ex.points
        out[name] = (answers, round(points, 3))
    return out


# --- One class run ---------------------------------------------------------------------------------------


def build_class(folder: Path, ctx: H.Context, innocents: dict[str, tuple[dict[str, Any], float]], mode: str,
                sleeper: bool) -> dict[str, tuple[str, str]]:  # fmt: skip
    """Write the 200 files; returns code-attack file -> the attacks in its two code exercises."""
    folder.mkdir(parents=True)
    for name, (answers, _) in innocents.items():
        H.write_file(folder, f"{name}.json", H.store_bytes(answers))
    # The attacks aim at these innocents (ctx.other is read, ctx.victim overwritten).
    ctx.other, ctx.victim = "learner000.json", "learner001.json"
    H.write_hostile_files(folder, folder.parent / "conftest-ran")
    for name in [n for n in H.hostile_contents() if n not in FILE_KINDS.values()]:
        os.unlink(os.path.join(os.fsencode(folder), os.fsencode(name)))
    attacks = [a for a in H.attacks_for(mode) if a != "os.kill(-1, 9)" and (sleeper or not H.CODE_ATTACKS[a].wall)]
    slots = HOSTILE - len(FILE_KINDS)
    attacks += ["return NaN"] * max(0, 2 * slots - len(attacks))  # fill every slot when attacks run short
    if len(attacks) > 2 * slots:
        raise SystemExit(f"{len(attacks)} code attacks do not fit in {slots} hostile files")
    made = {}
    for index in range(slots):
        pair = attacks[2 * index : 2 * index + 2]
        answers = {ex_id: ctx.source(attack, ex_id) for ex_id, attack in zip(H.CODE_IDS, pair)}
        name = f"hostile{index:02d}-" + "+".join(H.attack_file_name(a)[:-5] for a in pair) + ".json"
        H.write_file(folder, name, H.store_bytes(answers))
        made[name] = tuple(pair)
    return made


def start_burners(count: int) -> list[subprocess.Popen]:
    return [subprocess.Popen([sys.executable, "-c", "while True: pass"], stdin=subprocess.DEVNULL) for _ in range(count)]


def stop(procs: list[subprocess.Popen]) -> None:
    for proc in procs:  # ours, by pid
        if proc.poll() is None:
            proc.kill()
        proc.wait()


def run_class(jobs: int, burners: int, mode: str, innocents: dict, max_backstop: float, base: Path) -> dict[str, Any]:
    mark = f"lhbench{uuid.uuid4().hex[:12]}"
    root = base / f"jobs{jobs}"
    root.mkdir()
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(64)
    server.setblocking(False)
    backstop = coderun.WALL_BACKSTOP_S * max(1.0, jobs / (os.cpu_count() or 1))
    sleeper = backstop <= max_backstop
    folder, out = root / "class", root / "gradebook.csv"
    ctx = H.Context(mark, folder, out, port=server.getsockname()[1])
    made = build_class(folder, ctx, innocents, mode, sleeper)
    hashes = H.folder_hashes(folder)
    command, env = H.gradebook_command(folder, out, mode, jobs=jobs)
    site_before = H.site_listing()
    load = start_burners(burners)
    started = time.monotonic()
    try:
        proc = subprocess.run(command, env=env, capture_output=True, text=True, errors="replace", timeout=H.RUN_TIMEOUT_S,
                              stdin=subprocess.DEVNULL)  # fmt: skip
    finally:
        wall = time.monotonic() - started
        stop(load)
    first = out.read_bytes() if out.is_file() else b""
    time.sleep(3)  # a detached child would rewrite the CSV now
    later = out.read_bytes() if out.is_file() else b""
    left = H.leftover_pids(mark)
    left_kinds = sorted({_cmd_tag(pid, mark) for pid in left})
    H.end_leftovers(mark)
    traces = H.outside_traces(mark) + (["site-packages listing changed"] if H.site_listing() != site_before else [])
    connections = 0
    while True:
        try:
            server.accept()[0].close()
            connections += 1
        except OSError:
            break
    server.close()
    H.undo_traces(mark)
    rows = list(csv.DictReader(first.decode("utf-8").splitlines())) if first else []
    by_file = {row["file"]: row for row in rows}
    lost = [n for n, (_, pts) in innocents.items()
            if f"{n}.json" not in by_file or by_file[f"{n}.json"]["status"] != "graded"
            or float(by_file[f"{n}.json"]["total"]) + 1e-6 < pts]  # fmt: skip
    changed = sorted(n for n in hashes if H.folder_hashes(folder).get(n) != hashes[n])
    return {
        "jobs": jobs, "burners": burners, "wall": wall, "backstop": backstop, "sleeper": sleeper, "exit": proc.returncode,
        "rows": rows, "by_file": by_file, "graded": sum(r["status"] == "graded" for r in rows),
        "errors": sum(r["status"] == "error" for r in rows), "lost": lost, "left": left, "left_kinds": left_kinds,
        "traces": traces, "changed_files": changed, "csv_rewritten": first != later, "connections": connections,
        "made": made, "ctx": ctx, "stderr": proc.stderr, "traceback": "Traceback" in proc.stderr,
        "esc": "\x1b" in proc.stderr,
    }  # fmt: skip


def _cmd_tag(pid: int, mark: str) -> str:
    try:
        cmd = Path(f"/proc/{pid}/cmdline").read_bytes().decode(errors="replace")
    except OSError:
        return "?"
    return cmd.split(mark, 1)[1].split("\x00")[0] if mark in cmd else "?"


# --- Attacks on `lessons grade` and on the answer store, one by one -------------------------------------


def grade_attacks(base: Path) -> dict[str, dict[str, str]]:
    """Each ``lessons grade`` attack: did it crash/hang, change the grade, write outside, print ESC?"""
    out: dict[str, dict[str, str]] = {}
    folder = base / "grade"
    folder.mkdir()
    H.write_file(folder, "answers.json", H.ANSWERS_00)
    clean = H._grade(str(folder / "answers.json"), "--notebook", "00_start")

    def record(kind: str, proc: Any, *, marker: Path | None = None, expect_exit: int = 1, other: str = "",
               compare: bool = True) -> None:  # fmt: skip
        if isinstance(proc, str):
            out[kind] = {"crashed": "y", "changed": "-", "outside": "n", "process": "n", "other": proc}
            return
        crashed = "Traceback" in proc.stderr or proc.returncode != expect_exit
        if compare and expect_exit == 1:
            changed = "y" if "Total:" not in proc.stdout or H._total(proc.stdout) != H._total(clean.stdout) else "n"
        else:
            changed = "-"
        esc = "\x1b" in proc.stdout + proc.stderr
        out[kind] = {"crashed": "y" if crashed else "n", "changed": changed,
                     "outside": "y" if marker is not None and marker.exists() else "n", "process": "n",
                     "other": ", ".join(x for x in (other, "raw ESC on the terminal" if esc else "") if x)}  # fmt: skip

    evil = base / "grade-evil"
    evil.mkdir()
    H.write_file(evil, "answers.json", H.ANSWERS_00)
    marker = base / "grade-marker"
    hook = f"import pathlib\npathlib.Path({str(marker)!r}).touch()\ndef pytest_collection_modifyitems(items):\n    items.clear()\n"
    (evil / "conftest.py").write_text(hook)
    (evil / "evilplug.py").write_text(hook)
    record("grade: conftest.py beside the file", H._grade("answers.json", "--notebook", "00_start", cwd=evil), marker=marker)
    (evil / "conftest.py").unlink()
    for ini in ("pytest.ini", "tox.ini"):
        (evil / ini).write_text("[pytest]\naddopts = -p evilplug\n")
    record("grade: pytest.ini/tox.ini with -p plugin", H._grade("answers.json", "--notebook", "00_start", cwd=evil,
           env={**os.environ, "PYTHONPATH": str(evil)}), marker=marker)  # fmt: skip
    env = {**os.environ, "PYTHONPATH": str(evil)}
    record("grade: PYTEST_ADDOPTS=-p evil", H._grade(str(folder / "answers.json"), "--notebook", "00_start",
           env={**env, "PYTEST_ADDOPTS": "-p evilplug"}), marker=marker)  # fmt: skip
    record("grade: PYTEST_PLUGINS=evil", H._grade(str(folder / "answers.json"), "--notebook", "00_start",
           env={**env, "PYTEST_PLUGINS": "evilplug"}), marker=marker)  # fmt: skip
    for name in ("-p.json", "--help.json", "-c.json"):
        H.write_file(folder, name, H.ANSWERS_00)
        record(f"grade: {name} (absolute path)", H._grade(str(folder / name), "--notebook", "00_start"))
        bare = H._grade(name, "--notebook", "00_start", cwd=folder)
        record(f"grade: {name} (bare name)", bare, expect_exit=2, other="usage error (use ./ or --)")
    H.write_file(folder, "\x1b[31mred.json", H.ANSWERS_00)
    record("grade: ESC in the file name", H._grade(str(folder / "\x1b[31mred.json"), "--notebook", "00_start"))
    code = {"reading.glued_byline": "def split_byline(line):\n    raise ValueError('\\x1b[31mRED\\x1b]0;t\\x07')\n"}
    H.write_file(folder, "esc-code.json", H.store_bytes(code))
    record("grade: ESC from a code answer's error", H._grade(str(folder / "esc-code.json"), "--notebook", "01_reading"),
           compare=False)  # fmt: skip
    record("grade: unknown --notebook", H._grade(str(folder / "answers.json"), "--notebook", "99_x"), expect_exit=2)
    fifo = folder / "fifo.json"
    os.mkfifo(fifo)
    try:
        record("grade: a FIFO as the answer file", H._grade(str(fifo), timeout=10), expect_exit=2)
    except subprocess.TimeoutExpired:  # subprocess.run killed it (ours)
        record("grade: a FIFO as the answer file", "hangs (killed after 10 s)")
    return out


_STORE_PROBE = r"""
import json, sys
from lessons.course.store import AnswerStore
from lessons.errors import StoreError
store, said = AnswerStore(sys.argv[1]), []
for attempt in ("reading.author", "start.city"):
    try:
        store.save(attempt, "Seoul")
        said.append("ok")
    except StoreError as err:
        said.append(type(err).__name__)
try:
    kept = sorted(store.load())
except StoreError as err:
    kept = type(err).__name__
print(json.dumps({"saves": said, "kept": kept}))
"""


def store_attacks(base: Path) -> dict[str, dict[str, str]]:
    """Each hostile store file: after it, can the learner still save (twice) and read back?"""
    good = H.store_bytes({"start.city": "Seoul", "reading.paragraphs": "15"})
    makers = {
        "store: lone surrogate": lambda p: p.write_bytes(b'{"answers": {"a.b": {"value": "\\ud800"}}}'),
        "store: 5,000-digit number": lambda p: p.write_bytes(b'{"answers": {"a.b": {"value": ' + b"9" * 5000 + b"}}}"),
        "store: 5,000-deep value": lambda p: p.write_bytes(b'{"answers": {"a.b": {"value": ' + H._deep(5000) + b"}}}"),
        "store: NaN": lambda p: p.write_bytes(b'{"answers": {"a.b": {"value": NaN}}}'),
        "store: not JSON": lambda p: p.write_bytes(b"{half a file"),
        "store: invalid UTF-8": lambda p: p.write_bytes(b'{"answers": {"a.b": {"value": "\xff"}}}'),
        "store: byte-order mark": lambda p: p.write_bytes(b"\xef\xbb\xbf" + good),
        "store: forged score fields": lambda p: p.write_bytes(H.store_bytes({"a.b": 1}, score=1, passed=True)),
        "store: 20 MB file": lambda p: p.write_bytes(b'{"answers": {}, "x": "' + b"x" * 20_000_000 + b'"}'),
        "store: garbage lock + stale temp folder": lambda p: (p.write_bytes(good),
            p.with_name("answers.json.lock").write_bytes(b"\x00\xff" * 99), p.with_name(".answers.json.x.tmp").mkdir()),
        "store: lock file is a folder": lambda p: (p.write_bytes(good), p.with_name("answers.json.lock").mkdir()),
        "store: answers.json is a folder": lambda p: p.mkdir(),
        "store: answers.json is a FIFO": lambda p: os.mkfifo(p),
    }  # fmt: skip
    out = {}
    held_good = {"store: byte-order mark", "store: garbage lock + stale temp folder", "store: lock file is a folder"}
    for kind, make in makers.items():
        folder = Path(tempfile.mkdtemp(dir=base, prefix="store-"))
        path = folder / "answers.json"
        make(path)
        try:
            done = subprocess.run([sys.executable, "-c", _STORE_PROBE, str(path)], capture_output=True, text=True,
                                  timeout=20, stdin=subprocess.DEVNULL)  # fmt: skip
            result = json.loads(done.stdout) if done.returncode == 0 else {"error": done.stderr[-200:]}
        except subprocess.TimeoutExpired:
            result = {"error": "hangs (killed after 20 s)"}
        except ValueError:
            result = {"error": "no report"}
        if "error" in result:
            other, crashed = (result["error"].strip().splitlines() or ["?"])[-1][:60], "y"
        else:
            crashed, saves, kept = "n", result["saves"], result["kept"]
            notes = [f"saves: {'/'.join(saves)}"]
            if saves[-1] != "ok":
                notes.append("LOCKED OUT")
            elif isinstance(kept, str) or not {"reading.author", "start.city"} <= set(kept):
                notes.append("new answers not read back")
            if kind in held_good and "reading.paragraphs" not in kept:
                notes.append("earlier answers set aside")
            other = "; ".join(notes)
        out[kind] = {"crashed": crashed, "changed": "-", "outside": "n", "process": "n", "other": other}
    return out


# --- Attribution of class-run effects to attack kinds -----------------------------------------------------

_PROCESS_TAGS = {"-fork": "fork a sleeping child", "-setsid": "setsid + fork + sleep", "-daemon": "double-fork daemon",
                 "-csv": "detached child rewrites the CSV"}  # fmt: skip
_TRACE_TAGS = {"-tmp": "write a marker into the host's /tmp", ".pth": "drop a .pth into site-packages",
               "checks.py": "append to lessons/course/checks.py"}  # fmt: skip


def class_attack_table(runs: list[dict[str, Any]]) -> dict[str, dict[str, str]]:
    table: dict[str, dict[str, str]] = {}

    def mark(kind: str, column: str, value: str = "y") -> None:
        row = table.setdefault(kind, {"crashed": "n", "changed": "n", "outside": "n", "process": "n", "other": ""})
        if value == "y" or row[column] == "n":
            row[column] = value

    for run in runs:
        finished = bool(run["rows"]) and run["exit"] in (0, 1) and not run["traceback"]
        anyone_lost = bool(run["lost"])
        for kind, name in FILE_KINDS.items():
            own = H.submissions.csv_cell(name) in run["by_file"]
            mark(kind, "crashed", "n" if finished and own else "y")
            mark(kind, "changed", "y?" if anyone_lost else "n")
        for kind, name in NOT_LEARNER_KINDS.items():
            mark(kind, "crashed", "n" if finished else "y")
            if any(name in f for f in run["by_file"]):
                mark(kind, "other", "graded as a learner")
            mark(kind, "changed", "y?" if anyone_lost else "n")
        for file, pair in run["made"].items():
            for kind in pair:
                mark(kind, "crashed", "n" if finished and file in run["by_file"] else "y")
                mark(kind, "changed", "y?" if anyone_lost else "n")
        victim = run["ctx"].victim
        if victim in run["changed_files"]:
            mark("overwrite another learner's file", "outside")
        if victim.removesuffix(".json") in run["lost"]:
            mark("overwrite another learner's file", "changed")
        for trace in run["traces"]:
            for tag, kind in _TRACE_TAGS.items():
                if tag in trace:
                    mark(kind, "outside")
        for tag in run["left_kinds"]:
            mark(_PROCESS_TAGS.get(tag, "?"), "process")
        if run["csv_rewritten"]:
            mark("detached child rewrites the CSV", "outside")
        if run["connections"]:
            mark("connect to a TCP socket on 127.0.0.1", "other", f"connected ({run['mode']} mode)")
        if not run["sleeper"]:
            table.setdefault("sleep forever", {"crashed": "n", "changed": "n", "outside": "n", "process": "n",
                                               "other": ""})  # fmt: skip
            note = table["sleep forever"]["other"]
            add = f"left out at --jobs {run['jobs']} (backstop {run['backstop']:.0f} s)"
            table["sleep forever"]["other"] = f"{note}; {add}" if note else add
    return table


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jobs", default="2,4,16", help="comma-separated --jobs values (default 2,4,16)")
    parser.add_argument("--burners", type=int, default=2, help="CPU burners beside each run (default 2; 0 for none)")
    parser.add_argument("--sandbox", choices=("bwrap", "process"), default="bwrap")
    parser.add_argument("--max-backstop", type=float, default=120.0,
                        help="leave the sleeping answer out of runs whose wall backstop is longer (default 120 s)")
    args = parser.parse_args()
    if args.sandbox == "bwrap" and sandbox.probe_bwrap():
        print(f"bubblewrap does not work here: {sandbox.probe_bwrap()}; use --sandbox process", file=sys.stderr)
        return 2
    base = Path(tempfile.mkdtemp(prefix="bench-gradebook-"))
    try:
        t0 = time.monotonic()
        menu = answer_menu()
        innocents = innocent_class(menu)
        code_right = sum(all(a.get(i) == H.CODE_RIGHT[i] for i in H.CODE_IDS) for a, _ in innocents.values())
        print(f"class: {INNOCENTS} innocent ({code_right} with both code answers right) + {HOSTILE} hostile learner "
              f"files; {os.cpu_count()} cores; sandbox {args.sandbox}; set up in {time.monotonic() - t0:.1f} s\n")
        runs = []
        for jobs in [int(j) for j in args.jobs.split(",")]:
            run = run_class(jobs, args.burners, args.sandbox, innocents, args.max_backstop, base)
            run["mode"] = args.sandbox
            runs.append(run)
        head = f"{'jobs':>4} {'burners':>7} {'wall s':>7} {'backstop':>8} {'sleeper':>7} {'exit':>4} {'graded':>6} " \
               f"{'errors':>6} {'lost pts':>8} {'procs left':>10} {'outside':>7}"  # fmt: skip
        print(head)
        print("-" * len(head))
        for r in runs:
            outside = len(r["traces"]) + len(r["changed_files"]) + r["csv_rewritten"]
            print(f"{r['jobs']:>4} {r['burners']:>7} {r['wall']:>7.1f} {r['backstop']:>7.0f}s {'yes' if r['sleeper'] else 'no':>7} "
                  f"{r['exit']:>4} {r['graded']:>6} {r['errors']:>6} {len(r['lost']):>8} {len(r['left']):>10} {outside:>7}")  # fmt: skip
        for r in runs:
            if r["lost"] or r["left"] or r["traces"] or r["changed_files"] or r["traceback"] or r["esc"]:
                print(f"  jobs {r['jobs']}: lost={r['lost'][:5]} left={r['left_kinds']} outside={r['traces']} "
                      f"changed={r['changed_files']} traceback={r['traceback']} esc={r['esc']}")  # fmt: skip
        table = class_attack_table(runs)
        table.update(grade_attacks(base))
        table.update(store_attacks(base))
        print(f"\n{len(table)} attack kinds (y? = some innocent changed in that run, not attributable)")
        head = f"{'attack':<44} {'crashed':>7} {'changed':>7} {'outside':>7} {'process':>7}  other"
        print(head)
        print("-" * len(head))
        for kind, row in table.items():
            print(f"{H.submissions.printable(kind)[:44]:<44} {row['crashed']:>7} {row['changed']:>7} {row['outside']:>7} "
                  f"{row['process']:>7}  {row['other']}")  # fmt: skip
        print(f"\ntotal {time.monotonic() - t0:.0f} s")
    finally:
        shutil.rmtree(base, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
