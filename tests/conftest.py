"""Shared pytest fixtures for the course's tests.

Each section below is self-contained; add new fixtures in their own section.
"""

from __future__ import annotations

# ---------------------------------------------------------------------------------------------
# Browser tests (tests/test_browser.py): JupyterLab driven by Debian's headless Chromium.
#
# Fixtures: ``lab_course_dir`` (a throw-away copy of notebooks/ and data/), ``jupyter_lab`` (a
# JupyterLab server on that copy, with private Jupyter dirs and its own answer store) and
# ``lab_page`` (a Playwright page in a fresh Chromium profile, screenshotted at teardown).
# Playwright is imported lazily, so the other tests never need it.
# ---------------------------------------------------------------------------------------------
import contextlib
import dataclasses
import http.cookiejar
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any
from collections.abc import Iterator

import pytest

REPO_DIR = Path(__file__).resolve().parent.parent
#: Debian's Chromium (``apt-get install -y chromium``); never ``playwright install`` (it downloads).
BROWSER_CHROMIUM = Path("/usr/bin/chromium")
BROWSER_CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
#: Longest single wait in a browser test (ms), so a hang fails instead of blocking.
BROWSER_TIMEOUT_MS = 30_000


def browser_unavailable() -> str | None:
    """Why the browser tests cannot run here, or None when they can."""
    if not BROWSER_CHROMIUM.is_file() or not os.access(BROWSER_CHROMIUM, os.X_OK):
        return f"{BROWSER_CHROMIUM} not found (apt-get install -y chromium)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "the playwright Python package is not installed (pip install playwright)"
    return None


def browser_require() -> None:
    """Skip with a visible reason when Chromium or Playwright is missing; in CI (CI=true), fail."""
    reason = browser_unavailable()
    if reason is None:
        return
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"browser test cannot run in CI: {reason}", pytrace=False)
    pytest.skip(f"browser test skipped: {reason}")


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _children(pid: int) -> list[int]:
    """Direct children of ``pid`` (Linux /proc), e.g. the kernels a Jupyter server started."""
    found = []
    for entry in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = entry.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if int(fields[1]) == pid:
            found.append(int(entry.parent.name))
    return found


@dataclasses.dataclass
class JupyterLabServer:
    """A running JupyterLab: where it listens, what it serves, where it logs and saves answers."""

    url: str
    root: Path
    answers: Path
    log: Path
    process: subprocess.Popen

    def log_tail(self, chars: int = 4000) -> str:
        try:
            return self.log.read_text(errors="replace")[-chars:]
        except OSError:
            return ""

    def api(self, method: str, path: str, body: dict | None = None, timeout: float = 10) -> bytes:
        """A REST call, sending the ``_xsrf`` cookie back as ``X-XSRFToken`` as the server asks."""
        jar = http.cookiejar.CookieJar()
        opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
        opener.open(f"{self.url}/lab", timeout=timeout).read()  # sets the _xsrf cookie
        xsrf = next((c.value for c in jar if c.name == "_xsrf"), "")
        data = json.dumps(body).encode() if body is not None else (b"" if method != "GET" else None)
        request = urllib.request.Request(
            f"{self.url}{path}",
            data=data,
            method=method,
            headers={"X-XSRFToken": xsrf, "Content-Type": "application/json"},
        )
        with opener.open(request, timeout=timeout) as response:
            return response.read()

    def stop(self) -> None:
        """Shut the server and its kernels down: politely, then by signal, then by force."""
        proc = self.process
        kernels = _children(proc.pid)
        if proc.poll() is None:
            try:
                self.api("POST", "/api/shutdown", timeout=5)
            except (OSError, urllib.error.URLError):
                pass
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.terminate()
                try:
                    proc.wait(timeout=5)
                except subprocess.TimeoutExpired:
                    proc.kill()
                    proc.wait(timeout=5)
        # The server's own process group, then any kernel that outlived it (kernels get their own sessions).
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(proc.pid, signal.SIGKILL)
        for pid in kernels:
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.kill(pid, signal.SIGKILL)


@pytest.fixture(scope="module")
def lab_course_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the course's ``notebooks/`` and ``data/`` folders, so a test never writes into the repo."""
    course = tmp_path_factory.mktemp("lab_course")
    for folder in ("notebooks", "data"):
        source = REPO_DIR / folder
        if source.is_dir():
            shutil.copytree(
                source, course / folder, ignore=shutil.ignore_patterns(".ipynb_checkpoints", "answers.json*")
            )
        else:
            (course / folder).mkdir()
    return course


@pytest.fixture(scope="module")
def jupyter_lab(lab_course_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[JupyterLabServer]:
    """JupyterLab serving ``lab_course_dir/notebooks`` on 127.0.0.1 with an empty token.

    Private JUPYTER_CONFIG/DATA/RUNTIME and IPython dirs; the venv's python3 kernelspec stays on the
    path through ``sys.prefix``. ``LESSONS_ANSWERS`` points at ``answers.json`` next to the notebooks.
    """
    browser_require()
    home = tmp_path_factory.mktemp("lab_home")
    root = lab_course_dir / "notebooks"
    answers = root / "answers.json"
    env = {k: v for k, v in os.environ.items() if not k.startswith("JUPYTER_")}
    env.update(
        JUPYTER_CONFIG_DIR=str(home / "config"),
        JUPYTER_DATA_DIR=str(home / "data"),
        JUPYTER_RUNTIME_DIR=str(home / "runtime"),
        IPYTHONDIR=str(home / "ipython"),
        MPLBACKEND="agg",
        LESSONS_ANSWERS=str(answers),
        PATH=os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")]),
        PYDEVD_DISABLE_FILE_VALIDATION="1",
    )
    # User settings: no news or update checks (no network here), and every cell kept in the page
    # (no windowing), so a widget far down a long notebook can always be found.
    settings = home / "config" / "lab" / "user-settings" / "@jupyterlab"
    for plugin, values in {
        "apputils-extension/notification": {"fetchNews": "false", "checkForUpdates": False},
        "notebook-extension/tracker": {"windowingMode": "none"},
    }.items():
        target = settings / f"{plugin}.jupyterlab-settings"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(values))
    port = _free_port()
    args = [
        sys.executable,
        "-m",
        "jupyterlab",
        "--no-browser",
        "--ServerApp.ip=127.0.0.1",
        f"--ServerApp.port={port}",
        "--ServerApp.port_retries=0",
        "--ServerApp.token=",
        "--ServerApp.password=",
        f"--ServerApp.root_dir={root}",
        "--LabApp.news_url=None",
        "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
    ]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        args.append("--allow-root")
    log = home / "jupyterlab.log"
    with open(log, "wb") as log_file:
        process = subprocess.Popen(
            args, cwd=root, env=env, stdout=log_file, stderr=subprocess.STDOUT, start_new_session=True
        )
    server = JupyterLabServer(f"http://127.0.0.1:{port}", root, answers, log, process)
    try:
        deadline = time.monotonic() + 30
        while True:
            if process.poll() is not None:
                pytest.fail(f"JupyterLab exited with code {process.returncode}:\n{server.log_tail()}")
            try:
                json.loads(server.api("GET", "/api/status", timeout=2))
                break
            except (OSError, urllib.error.URLError, ValueError):
                if time.monotonic() > deadline:
                    pytest.fail(f"JupyterLab did not answer within 30 s:\n{server.log_tail()}")
                time.sleep(0.2)
        yield server
    finally:
        server.stop()
        print(f"\nJupyterLab log: {log}")


@pytest.fixture
def lab_page(jupyter_lab: JupyterLabServer, tmp_path: Path, request: pytest.FixtureRequest):
    """A Playwright page in a fresh headless Chromium profile; screenshotted at teardown, pass or fail."""
    yield from _chromium_page(tmp_path, request)


@pytest.fixture
def browser_page(tmp_path: Path, request: pytest.FixtureRequest):
    """The same headless Chromium page, without JupyterLab: for the pages the course writes (fact sheets)."""
    yield from _chromium_page(tmp_path, request)


def _chromium_page(tmp_path: Path, request: pytest.FixtureRequest):
    browser_require()
    from playwright.sync_api import sync_playwright

    manager = sync_playwright().start()
    context = None
    try:
        context = manager.chromium.launch_persistent_context(
            str(tmp_path / "chromium-profile"),
            executable_path=str(BROWSER_CHROMIUM),
            headless=True,
            args=BROWSER_CHROMIUM_ARGS,
            viewport={"width": 1280, "height": 1000},
            timeout=BROWSER_TIMEOUT_MS,
        )
        context.set_default_timeout(BROWSER_TIMEOUT_MS)
        page = context.pages[0] if context.pages else context.new_page()
        yield page
    finally:
        try:
            if context is not None and context.pages:
                shot = tmp_path / f"{request.node.name}.png"
                context.pages[0].screenshot(path=str(shot), full_page=True, timeout=10_000)
                print(f"\nscreenshot: {shot}")
        except Exception as err:  # a screenshot must never hide the test's own failure
            print(f"\nscreenshot failed: {err}")
        finally:
            if context is not None:
                with contextlib.suppress(Exception):
                    context.close()
            manager.stop()


# ---------------------------------------------------------------------------------------------
# The ``repo`` marker (registered in pyproject.toml): a test that needs the course repository's
# data/ or notebooks/ carries it in its own file; a doctest cannot, so a doctest that imports
# ``lessons.paths`` (the checkout's files) gets it here. ``-m "not repo"`` then runs from a wheel.
# ---------------------------------------------------------------------------------------------
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark the doctests that read the checkout's files with ``repo``."""
    for item in items:
        examples = getattr(getattr(item, "dtest", None), "examples", ())
        if any("lessons.paths" in example.source for example in examples):
            item.add_marker(pytest.mark.repo)


# --- Answers, found when the tests run (tests/solutions.py): none is written down ----------------


@pytest.fixture(scope="session")
def variant_answer() -> Any:
    """``variant_answer(exercise, learner)``: an answer that gets full marks on that learner's passage."""
    import solutions

    return solutions.variant_answer


@pytest.fixture(scope="session")
def solution() -> Any:
    """``solution(exercise_id, secret=None)``: source code that passes every case a grade runs."""
    import solutions

    return solutions.solution_source


@pytest.fixture(autouse=True)
def _texts_read_afresh():
    """Each test reads its texts as new: what a stage keeps per text must not leak from one test into another
    (a test that patches the sentence splitter must reach it)."""
    from lessons._memo import forget_texts

    forget_texts()
    yield
