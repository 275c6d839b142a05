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
def test_without_json_analyze_prints_the_fact_sheet() -> None:
    proc = _lessons("analyze", str(COURSE_ARTICLE))
    assert proc.returncode == 0
    sheet = proc.stdout
    assert "By Ahn Sung-mi · published 2021-08-23T14:50:00+09:00" in sheet
    assert "Who's who (7 people)" in sheet and "Sung Kim — the US special representative for North Korea" in sheet
    assert "Quotes by speaker (12 quotes)" in sheet and "Timeline (" in sheet and "DPRK = Democratic" in sheet


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


def _articles(folder: Path, count: int) -> list[Path]:
    folder.mkdir(exist_ok=True)
    paths = []
    for k in range(count):
        path = folder / f"a{k:02d}.txt"
        path.write_text(f"Story {k}\nBy Jo Bloggs\nPublished : Sept. {k % 28 + 1}, 2021 - 9:05\nIt rained {k} times.\n")
        paths.append(path)
    return paths


def test_a_folder_gives_its_txt_files_in_order_and_not_its_subfolders(tmp_path: Path) -> None:
    paths = _articles(tmp_path / "news", 3)
    (tmp_path / "news" / "notes.md").write_text("not an article")
    _articles(tmp_path / "news" / "deeper", 1)
    proc = _lessons("analyze", str(tmp_path / "news"), "--json")
    assert proc.returncode == 0, proc.stderr
    assert [json.loads(line)["file"] for line in proc.stdout.splitlines()] == [str(p) for p in paths]


def test_paths_on_stdin_with_several_jobs_keep_their_order(tmp_path: Path) -> None:
    paths = _articles(tmp_path / "news", 12)
    listing = "\n".join(str(p) for p in reversed(paths)) + f"\n{tmp_path / 'missing.txt'}\n"
    proc = subprocess.run([sys.executable, "-m", "lessons", "analyze", "-", "--json", "--jobs", "2"],
                          input=listing, capture_output=True, text=True, timeout=300)
    reports = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [r["file"] for r in reports] == [str(p) for p in reversed(paths)]
    assert reports[0]["sentences"] == ["It rained 11 times."]
    assert proc.returncode == 2 and proc.stderr.count("\n") == 1 and "missing.txt" in proc.stderr
    assert "analyzing" not in proc.stderr  # no progress bar when stderr is no terminal


@pytest.mark.parametrize("jobs", ["0", "two", "-1"])
def test_jobs_must_be_a_whole_number(jobs: str) -> None:
    proc = _lessons("analyze", "x.txt", "--jobs", jobs)
    assert proc.returncode == 2 and "--jobs must be a whole number" in proc.stderr


def _page_structure(page: str) -> tuple[list[str], list[str]]:
    from html.parser import HTMLParser

    class Outline(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.headings: list[str] = []
            self.alts: list[str] = []

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            if tag in ("h1", "h2", "h3", "h4"):
                self.headings.append(tag)
            if tag == "img":
                self.alts.append(dict(attrs).get("alt") or "")

    outline = Outline()
    outline.feed(page)
    return outline.headings, outline.alts


def test_factsheet_writes_one_accessible_page_with_the_learner_s_corrections(tmp_path: Path) -> None:
    from lessons.factsheet import CORRECTIONS, text_key

    article = tmp_path / "story.txt"
    article.write_text("Ferry adds late boats\nBy Jo Bloggs\nPublished : June 3, 2025 - 9:00\n"
                       "“We are ready,” said Wendy Aldous, the operations manager, on Monday. Seoul said no.\n")
    body = read_file(article).body
    corrections = {text_key(body): {"quotes": [{"text": "We are ready,", "speaker": "A reader's fix", "cue": "said",
                                                "kind": "full", "start": 1, "end": 14}]}}
    from lessons.course.store import AnswerStore

    answers = tmp_path / "answers.json"
    AnswerStore(answers).save(CORRECTIONS, corrections)
    out = tmp_path / "sheet.html"
    proc = _lessons("factsheet", str(article), "-o", str(out), "--answers", str(answers))
    assert proc.returncode == 0, proc.stderr
    page = out.read_text(encoding="utf-8")
    headings, alts = _page_structure(page)
    assert headings.count("h1") == 1 and headings[0] == "h1"
    assert all(int(b[1]) - int(a[1]) <= 1 for a, b in zip(headings, headings[1:]))  # no level skipped
    assert len(alts) == 2 and all(len(alt) > 20 for alt in alts)  # the network and the timeline, described
    assert '<html lang="en">' in page and "http" not in page.split("<footer>")[0]  # self-contained
    assert "A reader&#x27;s fix" in page and "Wendy Aldous" in page  # the correction, and the rest as found


@pytest.mark.parametrize("problem", ["missing", "unwritable"])
def test_factsheet_bad_input_is_one_line(tmp_path: Path, problem: str) -> None:
    article = tmp_path / "story.txt"
    if problem != "missing":
        article.write_text("Title\nBy Jo Bloggs\nIt rained.\n")
    out = tmp_path / "no-such-folder" / "sheet.html" if problem == "unwritable" else tmp_path / "sheet.html"
    proc = _lessons("factsheet", str(article), "-o", str(out))
    assert proc.returncode == 2 and proc.stderr.count("\n") == 1 and "Traceback" not in proc.stderr


def test_the_gradebook_grades_the_lessons_assigned_so_far(tmp_path: Path) -> None:
    import csv

    from lessons.cli import main
    from lessons.course.gradebook import select_exercises

    folder = tmp_path / "class"
    folder.mkdir()
    (folder / "ada.json").write_text('{"format": "reading-the-news/answers", "version": 1, "answers": {}}',
                                     encoding="utf-8")
    out = tmp_path / "gb.csv"
    assert main(["gradebook", str(folder), "-o", str(out), "--notebook", "00_start", "--notebook", "01_reading"]) == 0
    header = next(csv.reader(out.open(encoding="utf-8")))
    chosen = {ex.id for ex in select_exercises(notebook="00_start,01_reading")}
    assert chosen <= set(header) and not any(h.startswith(("quoting.", "dating.")) for h in header)
    row = next(csv.DictReader(out.open(encoding="utf-8")))
    assert float(row["possible"]) == sum(ex.points for ex in select_exercises(notebook="00_start,01_reading"))


def test_a_site_page_fetches_nothing_from_the_network() -> None:
    import nbformat

    from lessons.course.site import _notebook_page

    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("# A lesson\n\nSome text.")])
    page = _notebook_page(nb)
    assert "Some text." in page and "cdnjs" not in page and 'src="http' not in page


def test_the_site_needs_the_course_checkout_and_says_so(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from lessons.course import site
    from lessons.errors import LessonsError

    monkeypatch.setattr(site, "NOTEBOOKS_DIR", tmp_path / "no-notebooks")
    with pytest.raises(LessonsError, match="checkout of its repository"):
        site.build_site(tmp_path / "out")
    assert not (tmp_path / "out").exists()
