"""Where code answers run: a bubblewrap sandbox when it works here, else a limited process.

The mode is chosen once per Python process, the same way for the notebook's Check button and
for ``lessons grade``, so the two agree on a machine. ``LESSONS_SANDBOX=process`` (or
``bwrap``) forces a mode; otherwise bubblewrap is *probed* (a real run, not a look for the
binary: container profiles and AppArmor often forbid what it needs).

What each mode guarantees is stated in :data:`GUARANTEES`, and ``sandbox().guarantees`` says
which holds here:

>>> sorted(GUARANTEES)
['bwrap', 'process', 'process-as-root', 'process-windows']
>>> use_sandbox("process").mode
'process'
"""

from __future__ import annotations

import os
import re
import site
import subprocess
import sys
import sysconfig
import threading
from dataclasses import dataclass
from importlib import metadata, util
from pathlib import Path
from typing import Literal
from collections.abc import Iterable

from lessons.errors import SandboxError

Mode = Literal["bwrap", "process"]
#: Environment variable that forces a mode: ``bwrap`` or ``process``.
SANDBOX_ENV = "LESSONS_SANDBOX"
#: The unprivileged user a code answer runs as when the grader is root (``nobody``).
SANDBOX_UID = 65534
#: Size of the answer's private, writable /tmp (its working directory) in bubblewrap.
TMP_BYTES = 16 * 1024 * 1024
#: Where the allowed libraries appear inside the sandbox.
SITE_IN_SANDBOX = "/sandbox/site"

GUARANTEES = {
    "bwrap": "bubblewrap: no network; sees only the Python runtime and the allowed libraries, "
    "read-only, and a private 16 MB /tmp; cannot see the course, the submissions or any home "
    "folder; cannot start a process or thread; CPU time, memory and output are capped; nothing "
    "it starts outlives the check",
    "process": "no sandbox: the answer runs as you and can read and write your files and use "
    "the network; it cannot start a process (RLIMIT_NPROC); CPU time, memory and output are "
    "capped; `lessons` is hidden from import but reachable by path",
    "process-as-root": "no sandbox, as root: the answer can read and write anything this user "
    "can and use the network; it can start processes, and one started in a new session "
    "(setsid) can outlive the check; CPU time and memory are capped per process",
    "process-windows": "no sandbox on Windows: the answer runs as you with only a wall-clock "
    "limit; no CPU, memory or process limits; a child process can outlive the check",
}


@dataclass(frozen=True)
class Sandbox:
    """The mode code answers run in here, and why bubblewrap is not used when it is not."""

    mode: Mode
    reason: str = ""

    @property
    def guarantees(self) -> str:
        """What holds in this mode on this machine, in one paragraph."""
        if self.mode == "bwrap":
            return GUARANTEES["bwrap"]
        if os.name != "posix":
            return GUARANTEES["process-windows"]
        return GUARANTEES["process-as-root" if _runs_as_root_in_process_mode() else "process"]


_lock = threading.Lock()
_chosen: Sandbox | None = None


def sandbox() -> Sandbox:
    """The mode for this process: forced by ``$LESSONS_SANDBOX``, else probed once."""
    global _chosen
    with _lock:
        if _chosen is None:
            _chosen = _choose(os.environ.get(SANDBOX_ENV, "").strip().lower())
        return _chosen


def use_sandbox(mode: Mode) -> Sandbox:
    """Force a mode for the rest of this process; forcing ``bwrap`` where it fails raises SandboxError."""
    global _chosen
    choice = _choose(mode)
    if choice.mode != mode:
        raise SandboxError(f"bubblewrap does not work here: {choice.reason}")
    with _lock:
        _chosen = choice
    return choice


def _choose(wanted: str) -> Sandbox:
    if wanted == "process":
        return Sandbox("process", f"{SANDBOX_ENV}=process")
    if wanted not in ("", "bwrap", "auto"):
        raise SandboxError(f"{SANDBOX_ENV} must be 'bwrap' or 'process', not {wanted!r}")
    problem = probe_bwrap()
    if problem:
        return Sandbox("process", problem)
    return Sandbox("bwrap")


def probe_bwrap() -> str:
    """'' when a bubblewrap sandbox really runs Python here, else why not (one line)."""
    if not sys.platform.startswith("linux"):
        return f"bubblewrap is Linux-only (this is {sys.platform})"
    command = bwrap_command(["-c", "print('sandbox ok')"], allowed=())
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL)
    except FileNotFoundError:
        return "bubblewrap is not installed (apt-get install bubblewrap)"
    except (OSError, subprocess.SubprocessError) as err:
        return f"bubblewrap could not start: {err}"
    if done.returncode != 0 or done.stdout.strip() != "sandbox ok":
        why = (done.stderr.strip().splitlines() or [f"exit code {done.returncode}"])[-1]
        return f"bubblewrap is installed but cannot run here ({why[:120]})"
    return ""


def _runs_as_root_in_process_mode() -> bool:
    return os.name == "posix" and os.geteuid() == 0 and not _world_readable(_runtime_prefix())


def drop_to_uid() -> int | None:
    """The uid a process-mode answer switches to: ``nobody`` when we are root and it can read Python."""
    if os.name == "posix" and os.geteuid() == 0 and _world_readable(_runtime_prefix()):
        return SANDBOX_UID
    return None


def _world_readable(path: Path) -> bool:
    """True if any user can reach ``path`` (every folder above it is world-searchable)."""
    for folder in [path, *path.parents]:
        try:
            if not folder.stat().st_mode & 0o001:
                return False
        except OSError:
            return False
    return True


def _runtime_prefix() -> Path:
    return Path(sys.base_prefix).resolve()


def interpreter() -> str:
    """The real Python binary behind this (maybe virtual) environment."""
    return os.path.realpath(getattr(sys, "_base_executable", None) or sys.executable)


def library_locations(distributions: Iterable[str]) -> dict[str, Path]:
    """Import name -> file or folder, for the given distributions and everything they require.

    >>> found = library_locations(["nltk"])
    >>> "nltk" in found and "regex" in found and "lessons" not in found
    True
    """
    found: dict[str, Path] = {}
    todo, seen = list(distributions), set()
    while todo:
        name = todo.pop()
        key = name.lower().replace("_", "-")
        if key in seen:
            continue
        seen.add(key)
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue
        for requirement in dist.requires or ():
            if "extra ==" not in requirement:  # optional extras are not part of what is allowed
                todo.append(re.match(r"[A-Za-z0-9][A-Za-z0-9._-]*", requirement).group(0))
        for module in _top_level_modules(dist):
            spec = util.find_spec(module)
            if spec and spec.origin and spec.origin not in ("built-in", "frozen"):
                origin = Path(spec.origin)
                found[module] = origin.parent if spec.submodule_search_locations else origin
    return found


def _top_level_modules(dist: metadata.Distribution) -> set[str]:
    listed = (dist.read_text("top_level.txt") or "").split()
    if listed:
        return {m for m in listed if m.isidentifier() and m != "lessons"}
    names = set()
    for file in dist.files or ():
        top = file.parts[0]
        if top.endswith((".dist-info", ".egg-info", ".pth")) or top in ("__pycache__", ".."):
            continue
        stem = top.split(".")[0] if top.endswith((".py", ".so", ".pyd")) else top
        if stem.isidentifier() and stem != "lessons":
            names.add(stem)
    return names


def _hidden_trees() -> list[Path]:
    """Folders that must never show inside the sandbox: every site-packages and the course."""
    trees = [Path(p) for p in site.getsitepackages()]
    trees.append(Path(site.getusersitepackages()))
    for base in ({}, {"base": sys.base_prefix, "platbase": sys.base_exec_prefix}):
        paths = sysconfig.get_paths(vars=base)
        trees += [Path(paths["purelib"]), Path(paths["platlib"])]
    trees.append(Path(__file__).resolve().parents[2])  # the course package (and the repo, when editable)
    return list(dict.fromkeys(t.resolve() for t in trees if t.exists()))


def _bind_system(args: list[str]) -> list[str]:
    """/usr read-only, and /bin, /lib ... as the host has them (links or folders)."""
    args += ["--ro-bind", "/usr", "/usr"]
    for top in ("/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32"):
        if os.path.islink(top):
            args += ["--symlink", os.readlink(top), top]
        elif os.path.isdir(top):
            args += ["--ro-bind", top, top]
    return args


def _make_parents(args: list[str], target: Path) -> None:
    # bwrap would create missing parents with the host's modes (/root is 0700): make them 0755.
    for parent in reversed(target.parents):
        if str(parent) not in ("/", "/usr") and not str(parent).startswith("/usr/"):
            args += ["--perms", "0755", "--dir", str(parent)]


def bwrap_command(python_args: list[str], *, allowed: Iterable[str]) -> list[str]:
    """The bubblewrap command line that runs the real interpreter with ``python_args``."""
    args = ["bwrap", "--unshare-pid", "--unshare-net", "--unshare-ipc", "--unshare-uts", "--unshare-cgroup-try"]
    if os.geteuid() == 0:
        # Keep only what the runner needs to become `nobody`; it then has no capability at all.
        args += ["--cap-drop", "ALL", "--cap-add", "CAP_SETUID", "--cap-add", "CAP_SETGID"]
    else:
        args += ["--unshare-user"]
    args += ["--die-with-parent", "--new-session", "--clearenv", "--setenv", "HOME", "/tmp",
             "--setenv", "LANG", "C.UTF-8", "--setenv", "PATH", "/usr/bin:/bin"]  # fmt: skip
    _bind_system(args)
    prefix = _runtime_prefix()
    if prefix != Path("/usr") and not str(prefix).startswith("/usr/"):
        _make_parents(args, prefix)
        args += ["--ro-bind", str(prefix), str(prefix)]
    for tree in _hidden_trees():
        if tree == prefix or prefix in tree.parents or Path("/usr") in tree.parents:
            args += ["--perms", "0755", "--tmpfs", str(tree)]
    args += ["--proc", "/proc", "--dev", "/dev",
             "--size", str(TMP_BYTES), "--perms", "01777", "--tmpfs", "/tmp",
             "--perms", "0755", "--dir", "/sandbox", "--perms", "0755", "--dir", SITE_IN_SANDBOX]  # fmt: skip
    for module, location in sorted(library_locations(allowed).items()):
        args += ["--ro-bind", str(location), f"{SITE_IN_SANDBOX}/{location.name}"]
    args += ["--chdir", "/tmp", interpreter(), "-I", "-S", *python_args]
    return args
