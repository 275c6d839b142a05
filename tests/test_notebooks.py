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
    assert [p.name for p in NOTEBOOKS][:4] == ["00_start.ipynb", "01_reading.ipynb", "02_tokenizing.ipynb", "03_quoting.ipynb"]


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


_EXECUTED: dict[str, tuple[nbformat.NotebookNode, Path]] = {}


def _execute(path: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[nbformat.NotebookNode, Path]:
    """The notebook run top to bottom in a copy of the course (once per test session), and the copy's root."""
    if path.name not in _EXECUTED:
        root = tmp_path_factory.mktemp(path.stem)
        shutil.copytree(DATA_DIR, root / "data")  # the notebooks read ../data/
        (root / "notebooks").mkdir()
        copy = root / "notebooks" / path.name
        shutil.copy(path, copy)
        with pytest.MonkeyPatch.context() as env:
            env.setenv("LESSONS_ANSWERS", str(root / "answers.json"))
            env.setenv("MPLBACKEND", "Agg")
            env.delenv("JUPYTERHUB_USER", raising=False)
            nb = _read(copy)
            client = NotebookClient(nb, timeout=CELL_TIMEOUT_S, kernel_name="python3",
                                    resources={"metadata": {"path": str(copy.parent)}})  # fmt: skip
            started = time.perf_counter()
            client.execute()
            print(f"{path.name}: executed in {time.perf_counter() - started:.1f} s")
        _EXECUTED[path.name] = (nb, root)
    return _EXECUTED[path.name]


def _shown(cell: nbformat.NotebookNode) -> str:
    """Everything a learner sees printed under a code cell (text, plain and HTML outputs)."""
    parts = []
    for output in cell.get("outputs", []):
        parts.append(output.get("text", ""))
        data = output.get("data", {})
        parts += [data.get("text/plain", ""), data.get("text/html", "")]
    return "".join(p if isinstance(p, str) else "".join(p) for p in parts)


@pytest.mark.notebook
@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_runs_top_to_bottom(path: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    nb, root = _execute(path, tmp_path_factory)
    errors = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"]
    assert not errors
    shown = "".join(_shown(c) for c in nb.cells if c.cell_type == "code")
    assert "Traceback" not in shown
    assert not (root / "answers.json").exists(), "running the notebook must not write answers by itself"


@pytest.mark.notebook
@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_no_core_or_challenge_answer_is_printed_above_its_question(
    path: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    import solutions

    nb, _root = _execute(path, tmp_path_factory)
    answers = solutions.reference_answers("notebook.reader")
    above, leaks = "", []
    for index, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        for match in EXERCISE_CALL.finditer(cell.source):
            ex = EXERCISES[match.group("id")]
            answer = answers.get(ex.id)
            # Warm-ups may ask about what the lesson shows; variants are not shown without a learner id; a
            # choice's options are words of the article, printed in many places for other reasons.
            if ex.tier == "warm-up" or ex.variants or ex.kind not in ("text", "date"):
                continue
            if isinstance(answer, str) and len(answer.strip()) >= 4 and answer.strip() in above:
                leaks.append((index, ex.id, answer))
        above += _shown(cell)
    assert leaks == [], "an answer is printed above its question"
