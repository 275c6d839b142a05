"""The course notebooks: stored clean, accessible, and executable top to bottom."""

from __future__ import annotations

import re
import shutil
import time
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from lessons.course.exercises import EXERCISES
from lessons.paths import DATA_DIR, NOTEBOOKS_DIR

pytestmark = pytest.mark.repo  # every test here reads the checkout's notebooks/ (and data/)

NOTEBOOKS = sorted(NOTEBOOKS_DIR.glob("[0-9][0-9]_*.ipynb"))
CELL_TIMEOUT_S = 120
EXERCISE_CALL = re.compile(r"exercise\(\"(?P<id>[\w.]+)\"\)")


def _read(path: Path) -> nbformat.NotebookNode:
    return nbformat.read(path, as_version=4)


def _headings(nb: nbformat.NotebookNode) -> list[tuple[int, str]]:
    found = []
    for cell in nb.cells:
        if cell.cell_type != "markdown":
            continue
        in_code = False
        for line in cell.source.splitlines():
            in_code ^= line.startswith("```")
            match = re.match(r"^(#{1,6}) (.+)", line)
            if match and not in_code:
                found.append((len(match.group(1)), match.group(2)))
    return found


def test_the_course_has_its_first_notebooks() -> None:
    assert [p.name for p in NOTEBOOKS][:3] == ["00_start.ipynb", "01_reading.ipynb", "02_tokenizing.ipynb"]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_is_stored_without_outputs(path: Path) -> None:
    nb = _read(path)
    nbformat.validate(nb)
    dirty = [i for i, c in enumerate(nb.cells) if c.cell_type == "code" and (c.outputs or c.execution_count)]
    assert not dirty, f"cells {dirty} have outputs: clear them before committing"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_one_h1_and_headings_in_order(path: Path) -> None:
    levels = [level for level, _ in _headings(_read(path))]
    assert levels[0] == 1 and levels.count(1) == 1
    assert all(b - a <= 1 for a, b in zip(levels, levels[1:])), f"a heading level is skipped: {levels}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_lesson_anatomy(path: Path) -> None:
    nb = _read(path)
    text = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
    for part in ("**Time**", "**Difficulty**", "**Prerequisites**", "**`lessons` functions used**",
                 "## Questions this lesson answers", "## Key points", "## Further reading"):  # fmt: skip
        assert part in text, f"{path.name} lacks {part}"
    assert "Your turn" in text


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_every_exercise_is_in_its_notebook_and_nowhere_else(path: Path) -> None:
    shown = EXERCISE_CALL.findall("\n".join(c.source for c in _read(path).cells if c.cell_type == "code"))
    assert len(shown) == len(set(shown)), "an exercise is shown twice"
    expected = [ex.id for ex in EXERCISES.values() if ex.notebook == path.name]
    assert sorted(shown) == sorted(expected)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_every_figure_is_followed_by_a_text_description(path: Path) -> None:
    cells = _read(path).cells
    figures = 0
    for i, cell in enumerate(cells):
        if cell.cell_type == "code" and ("plt.show()" in cell.source or "display(fig" in cell.source):
            figures += 1
            after = cells[i + 1] if i + 1 < len(cells) else None
            assert after is not None and after.cell_type == "markdown"
            assert after.source.startswith("*Figure description:*"), f"cell {i}: describe the figure after it"
            if "plt.show()" in cell.source:  # the helpers' charts are checked in their own tests
                assert "ax.set_title" in cell.source and "ax.set_xlabel" in cell.source
    assert figures >= (0 if path.name == "00_start.ipynb" else 1), "every lesson has at least one figure"


@pytest.mark.notebook
@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_runs_top_to_bottom(path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # A copy, so that running never touches the repo; the notebooks read ../data/.
    shutil.copytree(DATA_DIR, tmp_path / "data")
    (tmp_path / "notebooks").mkdir()
    copy = tmp_path / "notebooks" / path.name
    shutil.copy(path, copy)
    monkeypatch.setenv("LESSONS_ANSWERS", str(tmp_path / "answers.json"))
    monkeypatch.setenv("MPLBACKEND", "Agg")
    nb = _read(copy)
    client = NotebookClient(nb, timeout=CELL_TIMEOUT_S, kernel_name="python3",
                            resources={"metadata": {"path": str(copy.parent)}})  # fmt: skip
    started = time.perf_counter()
    client.execute()
    print(f"{path.name}: executed in {time.perf_counter() - started:.1f} s")
    errors = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"]
    assert not errors
    shown = "".join(o.get("text", "") for c in nb.cells if c.cell_type == "code" for o in c.outputs)
    assert "Traceback" not in shown
    assert not (tmp_path / "answers.json").exists(), "running the notebook must not write answers by itself"
