"""Binder and conda: environment.yml is checked statically (conda-forge is out of reach here)."""

from __future__ import annotations

import re
import tomllib

import pytest
import yaml

from lessons.paths import REPO_DIR

pytestmark = pytest.mark.repo

#: PyPI names whose conda-forge package is called otherwise.
CONDA_NAMES = {"tzdata": "python-tzdata"}


def _name(requirement: str) -> str:
    return re.split(r"[<>=!~\[;\s]", requirement.strip(), maxsplit=1)[0].lower()


def _environment() -> dict:
    return yaml.safe_load((REPO_DIR / "environment.yml").read_text(encoding="utf-8"))


def test_environment_yml_parses_and_names_every_runtime_dependency() -> None:
    env = _environment()
    assert env["name"] and "conda-forge" in env["channels"]
    listed = {_name(d) for d in env["dependencies"] if isinstance(d, str)}
    runtime = tomllib.loads((REPO_DIR / "pyproject.toml").read_text(encoding="utf-8"))["project"]["dependencies"]
    missing = [r for r in runtime if CONDA_NAMES.get(_name(r), _name(r)) not in listed]
    assert missing == [], f"environment.yml lacks {missing}"
    python = next(d for d in env["dependencies"] if isinstance(d, str) and d.startswith("python="))
    assert tuple(map(int, python.split("=")[1].split("."))) >= (3, 10)


def test_environment_yml_installs_the_course_itself() -> None:
    env = _environment()
    pip = next(d["pip"] for d in env["dependencies"] if isinstance(d, dict) and "pip" in d)
    assert "-e ." in pip or "." in pip
    assert "pip" in [d for d in env["dependencies"] if isinstance(d, str)]
