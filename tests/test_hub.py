"""The course on a real JupyterHub, end to end, as an instructor would run it.

A JupyterHub on 127.0.0.1 (dummy authenticator, SimpleLocalProcessSpawner, the Python
configurable-http-proxy), every port picked at run time and all its state under ``tmp_path``.
Two learners each log in through the hub's login form, start their server, follow the
course's nbgitpuller link (which clones the course from a local bare repository into
``<home>/reading-the-news``), open the first lesson's kernel through the Jupyter REST API and
run, over the kernel's websocket, what a learner's cells run: ``whoami(...)`` and
``answer(...)``. Then ``lessons collect HOMES… -o submissions/`` gathers the answer files.

It proves: the nbgitpuller link the README gives works; each answer is written in the
learner's own home (``reading-the-news/notebooks/answers.json``) even though the package is
installed from the instructor's checkout, which gets none of them; and ``collect`` files each
learner's answers and learner id under their hub name, and nobody else's.
"""

from __future__ import annotations

import functools
import importlib.util
import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
import uuid
from pathlib import Path
from collections.abc import Iterator

import pytest
import requests
import websocket  # websocket-client, which jupyter_server requires

pytestmark = [pytest.mark.repo, pytest.mark.hub, pytest.mark.timeout(900)]

REPO = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
FIRST_NOTEBOOK = "00_start.ipynb"
#: Each learner's answer to ``start.city``: different, so a mix-up shows.
LEARNERS = {"ada": "Seoul", "grace": "Busan"}
WAIT = 120  # seconds: the most any one step may take on a loaded machine, polled, never a fixed sleep


def _require() -> None:
    """Skip with a visible reason when the hub's packages are missing; in CI (CI=true), fail."""
    missing = [name for name in ("jupyterhub", "jupyterhub-singleuser", "configurable-http-proxy")
               if not (BIN / name).exists()]
    missing += [] if importlib.util.find_spec("nbgitpuller") else ["nbgitpuller"]
    if not missing:
        return
    reason = f"{', '.join(missing)} not installed (pip install -e '.[test]')"
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"hub test cannot run in CI: {reason}", pytrace=False)
    pytest.skip(f"hub test skipped: {reason}")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _git(*args: str, **env: str) -> None:
    subprocess.run(["git", "-c", "user.name=test", "-c", "user.email=test@localhost", *args], check=True,
                   capture_output=True, env={**os.environ, **env})


def _course_repository(where: Path) -> Path:
    """A bare repository, branch main, with one commit of the checkout's working tree as it is now.

    Every file git would take (tracked or new, minus the ignored), with its uncommitted changes: the
    test checks the course as it stands, not as last committed.
    """
    bare = where / "course.git"
    files = subprocess.run(["git", "-C", str(REPO), "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
                           check=True, capture_output=True).stdout.decode().split("\0")
    _git("init", "-q", "--bare", "-b", "main", str(bare))
    into = {"GIT_DIR": str(bare), "GIT_WORK_TREE": str(REPO), "GIT_INDEX_FILE": str(where / "course.index")}
    _git("-C", str(REPO), "add", "--", *[f for f in files if f and (REPO / f).is_file()], **into)
    _git("-C", str(REPO), "commit", "-q", "-m", "the course as checked out", **into)
    return bare


def _hub_config(root: Path, port: int) -> Path:
    config = root / "jupyterhub_config.py"
    settings = {
        "JupyterHub.bind_url": f"http://127.0.0.1:{port}",
        "JupyterHub.hub_ip": "127.0.0.1",
        "JupyterHub.hub_port": _free_port(),
        "JupyterHub.db_url": f"sqlite:///{root / 'jupyterhub.sqlite'}",
        "JupyterHub.cookie_secret_file": str(root / "jupyterhub_cookie_secret"),
        "JupyterHub.authenticator_class": "dummy",  # any name, any password (allow_all by default since 5.0)
        "JupyterHub.spawner_class": "simple",  # SimpleLocalProcessSpawner: no system users needed
        "SimpleLocalProcessSpawner.home_dir_template": str(root / "homes" / "{username}"),
        "Spawner.cmd": [str(BIN / "jupyterhub-singleuser")],
        "Spawner.args": ["--allow-root"],  # the tests run as root
        "Spawner.start_timeout": WAIT,
        "Spawner.http_timeout": WAIT,
        "ConfigurableHTTPProxy.command": [str(BIN / "configurable-http-proxy")],
        "ConfigurableHTTPProxy.api_url": f"http://127.0.0.1:{_free_port()}",
        "ConfigurableHTTPProxy.pid_file": str(root / "proxy.pid"),
    }
    config.write_text("".join(f"c.{key} = {value!r}\n" for key, value in settings.items()))
    return config


def _stop(pid: int, grace: float) -> None:
    """SIGTERM, wait up to ``grace`` seconds, then SIGKILL."""
    try:
        os.kill(pid, signal.SIGTERM)
        deadline = time.monotonic() + grace
        while time.monotonic() < deadline and Path(f"/proc/{pid}").exists():
            try:
                if os.waitpid(pid, os.WNOHANG)[0]:
                    return
            except ChildProcessError:  # not ours: wait for it to vanish
                pass
            time.sleep(0.2)
        os.kill(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass


def _processes_under(root: Path) -> list[int]:
    """Processes whose working folder is under ``root``: the proxy, the users' servers and their kernels."""
    found = []
    for entry in Path("/proc").glob("[0-9]*"):
        try:
            if Path(os.readlink(entry / "cwd")).is_relative_to(root):
                found.append(int(entry.name))
        except (OSError, ValueError):
            continue
    return [pid for pid in found if pid != os.getpid()]


@pytest.fixture
def hub(tmp_path: Path) -> Iterator[str]:
    """A running JupyterHub's URL; the hub, its proxy, the servers and kernels are all ended after the test."""
    _require()
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("JUPYTER", "LESSONS_"))}
    env["PATH"] = os.pathsep.join([str(BIN), env.get("PATH", "")])
    log = (tmp_path / "jupyterhub.log").open("wb")
    process = subprocess.Popen([str(BIN / "jupyterhub"), "-f", str(_hub_config(tmp_path, port))], cwd=tmp_path,
                               env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    url = f"http://127.0.0.1:{port}"
    try:
        _poll(lambda: process.poll() is None and _get_ok(f"{url}/hub/api"), "the hub to answer", tmp_path)
        yield url
    finally:
        _stop(process.pid, 30)  # the hub stops the servers and the proxy it started
        for pid in _processes_under(tmp_path):  # whatever it left, if it could not
            _stop(pid, 5)
        log.close()


def _get_ok(url: str) -> bool:
    try:
        return requests.get(url, timeout=10).ok
    except requests.RequestException:
        return False


def _poll(ready, what: str, root: Path) -> None:
    deadline = time.monotonic() + WAIT
    while not ready():
        if time.monotonic() > deadline:
            tail = (root / "jupyterhub.log").read_text(errors="replace")[-3000:]
            pytest.fail(f"waited {WAIT} s for {what}; the hub's log ends:\n{tail}")
        time.sleep(0.5)


def _browser() -> requests.Session:
    """A session that keeps cookies like a browser, and gives up on any one request after WAIT seconds."""
    session = requests.Session()
    session.request = functools.partial(session.request, timeout=WAIT)  # type: ignore[method-assign]
    return session


def _xsrf(session, url: str) -> dict[str, str]:
    """The header a browser sends with a cookie-authenticated request: the ``_xsrf`` cookie for that path."""
    cookies = requests.cookies.get_cookie_header(session.cookies, requests.Request("GET", url)) or ""
    found = re.search(r"(?:^|; )_xsrf=([^;]+)", cookies)
    return {"X-XSRFToken": found.group(1)} if found else {}


def _log_in_and_spawn(session, hub: str, name: str, root: Path) -> None:
    """What a learner does: the login form, then "Start My Server", then wait until it is ready."""
    session.get(f"{hub}/hub/login").raise_for_status()
    form = {"username": name, "password": "any", "_xsrf": _xsrf(session, f"{hub}/hub/").get("X-XSRFToken", "")}
    session.post(f"{hub}/hub/login", data=form).raise_for_status()
    session.get(f"{hub}/hub/spawn").raise_for_status()

    def ready() -> bool:
        reply = session.get(f"{hub}/hub/api/user", headers=_xsrf(session, f"{hub}/hub/"))
        reply.raise_for_status()
        return bool(reply.json()["servers"].get("", {}).get("ready"))

    _poll(ready, f"{name}'s server to start", root)


def _nbgitpuller(session, hub: str, name: str, repo: Path) -> None:
    """Follow the course's nbgitpuller link, and do the pull its page asks the server for."""
    link = {"repo": repo.as_uri(), "branch": "main", "targetPath": "reading-the-news",
            "urlpath": f"lab/tree/reading-the-news/notebooks/{FIRST_NOTEBOOK}"}
    page = session.get(f"{hub}/hub/user-redirect/git-pull", params=link)
    page.raise_for_status()
    assert page.url.startswith(f"{hub}/user/{name}/git-pull"), page.url
    pull = {"repo": link["repo"], "branch": "main", "targetpath": "reading-the-news"}  # what the page's script sends
    events = session.get(f"{hub}/user/{name}/git-pull/api", params=pull).text
    phases = [json.loads(line[5:]).get("phase") for line in events.splitlines() if line.startswith("data:")]
    assert phases[-1:] == ["finished"], events[-2000:]
    session.get(f"{hub}/user/{name}/{link['urlpath']}").raise_for_status()  # where the link lands: the first lesson


def _run_in_notebook_kernel(session, hub: str, name: str, code: str) -> str:
    """Open the first lesson's kernel (as JupyterLab does), run ``code`` over its websocket; its output."""
    server = f"{hub}/user/{name}/"
    model = {"path": f"reading-the-news/notebooks/{FIRST_NOTEBOOK}", "type": "notebook", "name": FIRST_NOTEBOOK,
             "kernel": {"name": "python3"}}
    reply = session.post(f"{server}api/sessions", json=model, headers=_xsrf(session, server))
    reply.raise_for_status()
    channels = f"{server}api/kernels/{reply.json()['kernel']['id']}/channels".replace("http", "ws", 1)
    cookie = requests.cookies.get_cookie_header(session.cookies, requests.Request("GET", server))
    socket_ = websocket.create_connection(channels, cookie=cookie, header=_xsrf(session, server), timeout=WAIT)
    try:
        msg_id = uuid.uuid4().hex
        socket_.send(json.dumps({
            "header": {"msg_id": msg_id, "msg_type": "execute_request", "session": uuid.uuid4().hex,
                       "username": name, "version": "5.3"},
            "parent_header": {}, "metadata": {}, "channel": "shell", "buffers": [],
            "content": {"code": code, "silent": False, "store_history": True, "user_expressions": {},
                        "allow_stdin": False, "stop_on_error": True},
        }))
        output, replied, idle = [], None, False
        while replied is None or not idle:
            message = json.loads(socket_.recv())
            if message.get("parent_header", {}).get("msg_id") != msg_id:
                continue
            kind, content = message["msg_type"], message["content"]
            if kind == "stream":
                output.append(content["text"])
            elif kind == "error":
                output.append("\n".join(content["traceback"]))
            elif kind == "execute_reply":
                replied = content["status"]
            elif kind == "status":
                idle = content["execution_state"] == "idle"
    finally:
        socket_.close()
    text = "".join(output)
    assert replied == "ok", text
    return text


def test_two_learners_on_a_hub_answer_and_the_instructor_collects(hub: str, tmp_path: Path) -> None:
    repo = _course_repository(tmp_path)
    checkout_store = REPO / "notebooks" / "answers.json"
    before = checkout_store.read_bytes() if checkout_store.exists() else None
    homes = {name: tmp_path / "homes" / name for name in LEARNERS}
    for name, city in LEARNERS.items():
        with _browser() as session:
            _log_in_and_spawn(session, hub, name, tmp_path)
            _nbgitpuller(session, hub, name, repo)
            assert (homes[name] / "reading-the-news" / "notebooks" / FIRST_NOTEBOOK).is_file()
            shown = _run_in_notebook_kernel(session, hub, name, (
                "from lessons import answer, whoami\n"
                "from lessons.course.store import AnswerStore\n"
                f"whoami({name!r})\n"
                f"answer('start.city', {city!r})\n"
                "print('store:', AnswerStore().path)\n"
            ))
        store = homes[name] / "reading-the-news" / "notebooks" / "answers.json"
        assert f"Your learner id is now {name!r}" in shown, shown
        assert f"store: {store}" in shown, shown
        saved = json.loads(store.read_text(encoding="utf-8"))
        assert saved["learner"] == name and saved["answers"]["start.city"]["value"] == city

    after = checkout_store.read_bytes() if checkout_store.exists() else None
    assert after == before, "a learner's answer was written into the instructor's checkout"

    out = tmp_path / "submissions"
    out.mkdir()
    collected = subprocess.run([str(BIN / "lessons"), "collect", *map(str, homes.values()), "-o", str(out)],
                               capture_output=True, text=True, timeout=WAIT)
    assert collected.returncode == 0, collected.stdout + collected.stderr
    assert sorted(p.name for p in out.iterdir()) == [f"{name}.json" for name in sorted(LEARNERS)]
    for name, city in LEARNERS.items():
        submission = json.loads((out / f"{name}.json").read_text(encoding="utf-8"))
        assert submission["learner"] == name
        assert {k: v["value"] for k, v in submission["answers"].items()} == {"start.city": city}
