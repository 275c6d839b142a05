"""Where the course keeps its files: the repository's ``data/`` and ``notebooks/`` folders.

These are course material in a checkout of the course repository, not part of the installed package: from a
wheel they are absent, and reading one raises the reader's usual one-line error (``ArticleNotFoundError``).
Files the package's own code reads ship inside it (``lessons/data/``, read with ``importlib.resources``).

>>> (DATA_DIR / "article.txt").name
'article.txt'
"""

from __future__ import annotations

from pathlib import Path

REPO_DIR = Path(__file__).resolve().parent.parent
DATA_DIR = REPO_DIR / "data"
NOTEBOOKS_DIR = REPO_DIR / "notebooks"
COURSE_ARTICLE = DATA_DIR / "article.txt"
