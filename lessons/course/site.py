"""The course as a website, built offline: every lesson executed and converted to HTML, with the glossary, the
instructors' guide and the licences, and an index page.

nbconvert (no remote template service) renders each executed notebook; an exercise widget appears as its text
fallback (the prompt, the options, and how to answer in code), and each figure gets as alt text the description
the lesson gives right after it. Links between lessons and to the glossary point at the site's own pages.

>>> _relinked('see [the glossary](glossary.md) and [lesson 2](02_tokenizing.ipynb)')
'see [the glossary](glossary.html) and [lesson 2](02_tokenizing.html)'
"""

from __future__ import annotations

import html
import os
import re
import shutil
import tempfile
from pathlib import Path

from lessons.errors import LessonsError
from lessons.paths import DATA_DIR, NOTEBOOKS_DIR, REPO_DIR

__all__ = ["build_site"]

_WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
_STYLE = ("body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.5;"
          "color:#111;background:#fff}a{color:#0645ad;text-decoration:underline}code,pre{background:#f4f4f4}")


# Contrast for every reader (WCAG AA): code in one dark colour on its light ground, links underlined.
_READABLE = (".highlight pre, .highlight pre span, .jp-RenderedText pre, .jp-RenderedText pre span "
             "{color:#1a1a1a !important} a, .jp-RenderedHTMLCommon a {text-decoration:underline !important}")


def _relinked(text: str) -> str:
    """Links to notebooks, the glossary and the licences, pointed at the site's pages."""
    text = re.sub(r"\]\((?:\.\./)?([\w-]+)\.ipynb\)", r"](\1.html)", text)
    text = re.sub(r"\]\((?:\.\./)?(glossary|LICENSE-lessons)\.md\)", r"](\1.html)", text)
    return text.replace("](../LICENSE)", "](LICENSE.html)")


def _page(title: str, body: str) -> str:
    return (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{html.escape(title)}</title>'
            f'<meta name="viewport" content="width=device-width, initial-scale=1"><style>{_STYLE}</style></head>'
            f'<body><main>{body}</main><footer><p><a href="index.html">Reading the News: all lessons</a></p>'
            "</footer></body></html>")


def _markdown_page(title: str, markdown: str) -> str:
    from nbconvert.filters.markdown import markdown2html

    return _page(title, markdown2html(_relinked(markdown)))


def _executed(path: Path, workdir: Path):  # type: ignore[no-untyped-def]
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.read(path, as_version=4)
    NotebookClient(nb, timeout=300, kernel_name="python3",
                   resources={"metadata": {"path": str(workdir)}}).execute()
    return nb


def _descriptions(nb) -> list[str]:  # type: ignore[no-untyped-def]
    """One alt text per image output, in order: the figure description that follows its cell."""
    found = []
    cells = nb.cells
    for k, cell in enumerate(cells):
        images = [o for o in cell.get("outputs", []) if "image/png" in o.get("data", {})]
        if not images:
            continue
        after = next((c.source for c in cells[k + 1:] if c.cell_type == "markdown"), "")
        text = after.split("*Figure description:*", 1)[1] if "*Figure description:*" in after else after
        text = " ".join(re.sub(r"[*_`]", "", text).split())[:600] or "A figure of the lesson."
        found += [text] * len(images)
    return found


# The exporter's scripts that reach the network: RequireJS and MathJax from a CDN, MathJax's set-up, and the
# module that would fetch Mermaid for a diagram (the lessons have none).
_OFFLINE_ONLY = re.compile(r'<script src="https?://[^"]*"[^>]*>\s*</script>|<script type="text/x-mathjax-config">.*?'
                           r'</script>|<script type="module">.*?</script>', re.DOTALL)


def _notebook_page(nb) -> str:  # type: ignore[no-untyped-def]
    from nbconvert import HTMLExporter

    for cell in nb.cells:
        if cell.cell_type == "markdown":
            cell.source = _relinked(cell.source)
        for output in cell.get("outputs", []):
            output.get("data", {}).pop(_WIDGET_VIEW, None)  # the widget's text fallback stands in for it
    alts = _descriptions(nb)
    exporter = HTMLExporter(template_name="lab", exclude_input_prompt=True, exclude_output_prompt=True)
    page, _ = exporter.from_notebook_node(nb)
    page = _OFFLINE_ONLY.sub("", page)  # no math, no live widgets, no diagrams: nothing to fetch from a CDN
    page = page.replace("</head>", f"<style>{_READABLE}</style></head>", 1)
    pieces = re.split(r'<img(?: alt="[^"]*")?(?: class="[^"]*")? src="data:image/png', page)
    out = pieces[0]
    for k, piece in enumerate(pieces[1:]):  # nbconvert writes a placeholder alt: each gets its lesson's description
        alt = html.escape(alts[k] if k < len(alts) else "A figure of the lesson.", quote=True)
        out += f'<img alt="{alt}" src="data:image/png' + piece
    return out


def build_site(out: Path) -> list[Path]:
    """Build the site into ``out`` (created; must be empty or new); returns the pages written."""
    if not (NOTEBOOKS_DIR.is_dir() and DATA_DIR.is_dir()):
        raise LessonsError("lessons site builds the course from a checkout of its repository (its notebooks/ and "
                           "data/): run it from a clone, with the package installed from it (pip install -e .)")
    if out.exists() and any(out.iterdir()):
        raise LessonsError(f"{out} is not empty: build the site into a new or empty folder")
    out.mkdir(parents=True, exist_ok=True)
    notebooks = sorted(NOTEBOOKS_DIR.glob("0*.ipynb"))
    written = []
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        shutil.copytree(DATA_DIR, root / "data")
        (root / "notebooks").mkdir()
        saved = {k: os.environ.get(k) for k in ("LESSONS_ANSWERS", "MPLBACKEND", "JUPYTERHUB_USER")}
        os.environ.update(LESSONS_ANSWERS=str(root / "answers.json"))  # the kernel's own backend draws figures
        os.environ.pop("MPLBACKEND", None)
        os.environ.pop("JUPYTERHUB_USER", None)
        try:
            for path in notebooks:
                copy = root / "notebooks" / path.name
                shutil.copy(path, copy)
                page = out / f"{path.stem}.html"
                page.write_text(_notebook_page(_executed(copy, copy.parent)), encoding="utf-8")
                written.append(page)
        finally:
            for k, v in saved.items():
                if v is None:
                    os.environ.pop(k, None)
                else:
                    os.environ[k] = v
    readme = (REPO_DIR / "README.md").read_text(encoding="utf-8")
    guide = readme.split("## For instructors", 1)[1].split("\n## Your own article", 1)[0]
    extra = {"glossary": ("Glossary", (NOTEBOOKS_DIR / "glossary.md").read_text(encoding="utf-8")),
             "instructors": ("For instructors", "# For instructors" + guide),
             "LICENSE-lessons": ("Licence of the lessons", (REPO_DIR / "LICENSE-lessons.md").read_text(encoding="utf-8")),
             "LICENSE": ("Licence of the code", "# Licence of the code\n\n```\n"
                         + (REPO_DIR / "LICENSE").read_text(encoding="utf-8") + "\n```")}
    for stem, (title, markdown) in extra.items():
        page = out / f"{stem}.html"
        page.write_text(_markdown_page(title, markdown), encoding="utf-8")
        written.append(page)
    items = "".join(f'<li><a href="{p.name}">{html.escape(_title(nb))}</a></li>' for p, nb in
                    zip(written, notebooks))
    index = (f"<h1>Reading the News</h1><p>A course in reading one news article with Python: reading, tokenizing, "
             f"quoting, dating and contextualizing it. The lessons, executed; their exercises are shown as text — "
             f"install the course to answer them.</p><h2>Lessons</h2><ol>{items}</ol><h2>More</h2><ul>"
             '<li><a href="glossary.html">Glossary</a></li><li><a href="instructors.html">For instructors</a></li>'
             '<li><a href="LICENSE-lessons.html">Licence of the lessons</a> and <a href="LICENSE.html">of the code'
             "</a>. The Korea Herald article the lessons read (Aug. 23, 2021, by Ahn Sung-mi) is © The Korea Herald, "
             "quoted for teaching, and covered by neither licence.</li></ul>")
    (out / "index.html").write_text(_page("Reading the News", index), encoding="utf-8")
    return [out / "index.html", *written]


def _title(path: Path) -> str:
    first = path.read_text(encoding="utf-8")
    found = re.search(r"# (Lesson[^\\\n\"]*|[^\\\n\"]*Start[^\\\n\"]*)", first)
    return found.group(1).strip() if found else path.stem
