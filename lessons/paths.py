"""Where the course keeps its files: the repository's ``data/`` and ``notebooks/`` folders.

>>> (DATA_DIR / "article.txt").name
'article.txt'
"""

from __future__ import annotations

from pathlib import Path

REPO_DIR = Path(__file__).resolve().parent.parent
DATA_DIR = REPO_DIR / "data"
NOTEBOOKS_DIR = REPO_DIR / "notebooks"
COURSE_ARTICLE = DATA_DIR / "article.txt"
