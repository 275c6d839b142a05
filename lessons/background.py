"""Lesson 5, contextualizing: the background a reader needs and the story assumes.

The team wrote a short glossary of background (``lessons/data/background.json``, shipped in the package):
each entry names the words of a story it explains, says what happened in two or three sentences, gives its
sources (publication and date) and says how it was checked against the course article. :func:`background`
links the entries to the places a text mentions them.

>>> [(note.term, len(note.at)) for note in background("The talks stalled after the Hanoi summit in 2019.")]
[('The Hanoi summit (February 2019)', 1)]
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from lessons.contextualizing import _body

__all__ = ["Note", "background", "glossary"]


@dataclass(frozen=True)
class Note:
    """One background entry and the (start, end) offsets where the text mentions it."""

    term: str
    text: str
    sources: tuple[str, ...]  # "publication, YYYY-MM-DD"
    checked: str
    at: tuple[tuple[int, int], ...] = ()


@lru_cache(maxsize=1)
def glossary() -> tuple[tuple[Note, tuple[str, ...]], ...]:
    """Every entry of the background glossary, with the words that mention it."""
    raw = resources.files("lessons").joinpath("data", "background.json").read_text(encoding="utf-8")
    return tuple((Note(e["term"], e["text"], tuple(f"{s['publication']}, {s['date']}" for s in e["sources"]),
                       e["checked"]), tuple(e["mentions"])) for e in json.loads(raw))


def background(article_or_text: object) -> list[Note]:
    """The entries a text mentions, in the order of their first mention, each with where it is mentioned."""
    body = _body(article_or_text, "background")  # type: ignore[arg-type]
    found = []
    for note, words in glossary():
        at = sorted((k, k + len(w)) for w in words for k in _starts(body, w))
        if at:
            found.append(Note(note.term, note.text, note.sources, note.checked, tuple(at)))
    return sorted(found, key=lambda n: n.at[0])


def _starts(body: str, word: str) -> list[int]:
    out, k = [], body.find(word)
    while k >= 0:
        out.append(k)
        k = body.find(word, k + 1)
    return out
