"""``lessons analyze``: the pipeline as a command, on good files and bad ones."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from lessons.paths import COURSE_ARTICLE
from lessons.reading import read_file


def _lessons(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "lessons", *args], capture_output=True, text=True, timeout=120)


@pytest.mark.repo
def test_course_article_as_json() -> None:
    proc = _lessons("analyze", str(COURSE_ARTICLE), "--json")
    assert proc.returncode == 0, proc.stderr
    report = json.loads(proc.stdout)
    assert report["headline"].startswith("US holds no hostile intent toward North Korea")
    assert report["author"] == "Ahn Sung-mi"
    assert report["published"] == "2021-08-23T14:50:00+09:00"
    assert len(report["paragraphs"]) == 15
    assert len(report["sentences"]) == 22
    body = read_file(COURSE_ARTICLE).body
    assert len(report["quotes"]) == 12
    for quote in report["quotes"]:
        assert set(quote) == {"text", "start", "end", "speaker", "speaker_start", "speaker_end", "cue", "kind"}
        assert body[quote["start"]:quote["end"]] == quote["text"]
        if quote["speaker_start"] is not None:
            assert quote["speaker"].endswith(body[quote["speaker_start"]:quote["speaker_end"]].split()[-1])
    assert {q["speaker"] for q in report["quotes"]} == {"Sung Kim", "Noh Kyu-duk", "Pyongyang"}
    timexes = report["timexes"]
    assert timexes[0]["dct"] and timexes[0]["value"] == "2021-08-23T14:50" and timexes[0]["start"] is None
    assert all(body[t["start"]:t["end"]] == t["text"] for t in timexes[1:])
    assert [t["value"] for t in timexes[1:4]] == ["2021-08-23", "2021-08-23", "2021-08-26"]
    assert report["acronyms"] == {"ROK": "Republic of Korea", "DPRK": "Democratic People’s Republic of Korea"}
    assert report["acronym_flags"] == ["DRPK"]


@pytest.mark.repo
def test_human_readable_report_names_the_fields() -> None:
    proc = _lessons("analyze", str(COURSE_ARTICLE))
    assert proc.returncode == 0
    assert "author:     Ahn Sung-mi" in proc.stdout and "paragraphs: 15" in proc.stdout


@pytest.mark.repo
def test_several_files_give_json_lines(tmp_path: Path) -> None:
    other = tmp_path / "other.txt"
    other.write_text("Rain in Busan\nBy Jo Bloggs\nPublished : Sept. 3, 2021 - 9:05\nIt rained. Then it stopped.\n")
    proc = _lessons("analyze", str(COURSE_ARTICLE), str(other), "--json")
    lines = proc.stdout.splitlines()
    assert proc.returncode == 0 and len(lines) == 2
    second = json.loads(lines[1])
    assert second["author"] == "Jo Bloggs" and second["published"] == "2021-09-03T09:05:00+09:00"
    assert second["sentences"] == ["It rained.", "Then it stopped."]
    assert [t["value"] for t in second["timexes"]] == ["2021-09-03T09:05"]  # the stamp: no timex in the body


@pytest.mark.repo
def test_text_only_and_published_override(tmp_path: Path) -> None:
    proc = _lessons("analyze", str(COURSE_ARTICLE), "--json", "--text-only", "--published", "2021-08-24")
    report = json.loads(proc.stdout)
    assert report["headline"] is None and report["author"] is None
    assert len(report["paragraphs"]) == 17
    assert report["published"].startswith("2021-08-24")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "No article file"),
        (b"", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG"),
        (b"\x00\x01\x02\x03" * 100, "binary"),
    ],
)
def test_bad_input_gets_one_line_and_a_nonzero_exit(tmp_path: Path, content: bytes | None, message: str) -> None:
    path = tmp_path / "article.txt"
    if content is not None:
        path.write_bytes(content)
    proc = _lessons("analyze", str(path))
    assert proc.returncode == 2
    assert len(proc.stderr.strip().splitlines()) == 1 and message.lower() in proc.stderr.lower()
    assert "Traceback" not in proc.stderr


@pytest.mark.repo
def test_one_bad_file_does_not_stop_the_others(tmp_path: Path) -> None:
    proc = _lessons("analyze", str(tmp_path / "missing.txt"), str(COURSE_ARTICLE), "--json")
    assert proc.returncode == 2
    assert json.loads(proc.stdout)["author"] == "Ahn Sung-mi"


def test_bad_published_value_is_a_usage_error() -> None:
    proc = _lessons("analyze", str(COURSE_ARTICLE), "--published", "last Tuesday")
    assert proc.returncode == 2 and "not an ISO date" in proc.stderr and "Traceback" not in proc.stderr
