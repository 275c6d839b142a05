"""The program that runs inside the sandbox: read a job, lower its rights, call the learner's function.

It is not imported by the grader: ``lessons.course.coderun`` passes this file's *text* to a fresh
``python -I -S -c``, so the sandbox never needs to see the ``lessons`` package. It reads one JSON
job from stdin, writes one JSON line per result to the result channel (a file descriptor of its
own, apart from stdout and stderr, which the parent reads through a bounded buffer), and ends
with ``os._exit`` so that nothing the answer registered (``atexit``, ``__del__``) runs after it.

Everything it needs from the standard library is bound to local names before the answer runs,
so an answer that rebinds ``json.dumps`` or ``os.write`` changes only what it itself sees.
"""

import json
import os
import sys
import traceback


def _limit(resource, which, value):
    resource.setrlimit(which, (value, value))


def _lower_rights(job):
    """Drop root (if we are root and may), cap processes, memory, CPU time and file size."""
    if os.name != "posix":
        return
    import resource

    uid = job.get("uid")
    if uid is not None and os.geteuid() == 0:
        os.setgroups([])
        os.setgid(uid)
        os.setuid(uid)
    if os.geteuid() != 0:
        # No new process or thread at all: the answer's whole tree is this one process,
        # so the memory cap below is the cap of everything the answer runs.
        _limit(resource, resource.RLIMIT_NPROC, 0)
    _limit(resource, resource.RLIMIT_CORE, 0)
    _limit(resource, resource.RLIMIT_FSIZE, job["file_bytes"])
    if job["memory_mb"]:
        _limit(resource, resource.RLIMIT_AS, job["memory_mb"] * 1024 * 1024)
    if job["cpu_s"]:
        used = resource.getrusage(resource.RUSAGE_SELF)
        spent = used.ru_utime + used.ru_stime
        # Soft = hard: SIGKILL comes with SIGXCPU, so ignoring SIGXCPU buys nothing.
        _limit(resource, resource.RLIMIT_CPU, int(spent + job["cpu_s"]) + 1)


class _HideCourse:
    """An import hook: the course's own package is not a tool for answering its exercises."""

    def find_spec(self, name, path=None, target=None):
        if name == "lessons" or name.startswith("lessons."):
            raise ModuleNotFoundError(
                "the course's `lessons` package is not available in code answers: "
                "solve it with what the lesson taught (plain Python, re, nltk)"
            )
        return None


def _error_line(exc):
    return traceback.format_exception_only(type(exc), exc)[-1].strip()[:300]


def main():
    job = json.loads(sys.stdin.read(job_limit))
    channel = job["channel_fd"]
    write, dumps, exit_now = os.write, json.dumps, os._exit

    def send(record):
        os.write(channel, (dumps(record, ensure_ascii=False, allow_nan=False) + "\n").encode("utf-8"))

    try:
        sys.path.extend(job["site"])  # after the standard library; -S left site-packages out
        sys.meta_path.insert(0, _HideCourse())
        os.chdir(job["workdir"])
        _lower_rights(job)
    except BaseException as exc:
        send({"setup_error": _error_line(exc)})
        exit_now(0)
    send({"ready": True})  # before the answer runs: whatever it writes to the channel comes after this
    namespace = {"__name__": "learner_answer", "__builtins__": __builtins__}
    try:
        exec(compile(job["source"], "<your answer>", "exec"), namespace)
        func = namespace.get(job["function"])
        if not callable(func):
            raise NameError("your code does not define a function named " + job["function"])
    except BaseException as exc:
        send({"answer_error": _error_line(exc)})
        exit_now(0)
    for index, args in enumerate(job["cases"]):
        try:
            value = func(*args)
        except MemoryError:
            record = {"case": index, "ok": False, "error": "MemoryError: it used more memory than allowed"}
        except BaseException as exc:
            record = {"case": index, "ok": False, "error": _error_line(exc)}
        else:
            record = _value_record(index, value, job["value_bytes"], dumps)
        write(channel, (dumps(record, ensure_ascii=False, allow_nan=False) + "\n").encode("utf-8"))
    write(channel, b'{"done": true}\n')
    exit_now(0)


def _value_record(index, value, limit, dumps):
    """The case's value as a JSON record, or why it cannot be one (kept small and plain)."""
    try:
        text = dumps(value, ensure_ascii=False, allow_nan=False)
        size = len(text.encode("utf-8"))
    except UnicodeEncodeError:
        return {"case": index, "ok": False, "error": "it returned text with an unpaired surrogate character"}
    except RecursionError:
        return {"case": index, "ok": False, "error": "it returned a value nested too deeply"}
    except (TypeError, ValueError) as exc:
        return {"case": index, "ok": False, "error": "it returned a value the checker cannot read: " + str(exc)[:100]}
    if size > limit:
        return {"case": index, "ok": False, "error": f"it returned a value of {size} bytes (at most {limit})"}
    return {"case": index, "ok": True, "value": value}


job_limit = 16 * 1024 * 1024
if __name__ == "__main__":
    main()
