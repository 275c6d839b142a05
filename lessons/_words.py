"""The words of a text as the name readers see them: each word and punctuation mark with its offsets.

A sentence's final period is cut off its word ("Seoul." gives "Seoul" and "."), but not off an abbreviation
("Sen.", "Corp."). The words of a whole text are read once and reused for every window into it.

>>> [t.text for t in _tokens("Sen. Ana Ruiz met Pat Lee in Seoul.")]
['Sen.', 'Ana', 'Ruiz', 'met', 'Pat', 'Lee', 'in', 'Seoul', '.']
>>> _bare("Korea’s"), _bare("Sen.")
('korea', 'sen')
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache
from typing import NamedTuple

from lessons._memo import per_text
from lessons.constants import ABBREVIATIONS
from lessons.name_words import NAME_SUFFIXES, NAME_TITLES


class _Tok(NamedTuple):
    """A word or punctuation mark and its offsets."""

    text: str
    start: int
    end: int


_TOKEN = re.compile(r"(?:[^\W\d_]\.){2,}|\w(?:[\w’'‐-]*\w)?(?:(?<=s)[’'](?!\w))?\.?|[^\w\s]")
_SPACE = re.compile(r"\s")
_LAST_SPACE = re.compile(r"\s\S*$")  # with an end position: the last space before it
_POSSESSIVE = re.compile(r"(?:[’']s|(?<=s)[’'])$")
_ARTICLE_NAME = re.compile(r"(?:al|el|ad|ash|as|at|ud|ul|bin|ibn)-[A-Z]")
_KEEP_PERIOD = ABBREVIATIONS | NAME_TITLES | NAME_SUFFIXES


@lru_cache(maxsize=8192)  # the same words come back in every text; a pure function of one word
def _bare(word: str) -> str:
    """A word lower-cased, without a final period or possessive: "Sen." → "sen", "Korea’s" → "korea"."""
    return _POSSESSIVE.sub("", word).rstrip(".").lower()


def _tokens(text: str, start: int = 0, end: int | None = None) -> list[_Tok]:
    """Words and punctuation of ``text[start:end]``; a sentence's final period is cut off a word."""
    toks, starts, ends = _text_tokens(text)
    stop = len(text) if end is None else min(end, len(text))
    if start >= stop:
        return []
    # No word runs over a space, so only a word the window cuts is read again, on its own; the rest is the
    # whole text's words.
    head: list[_Tok] = []
    if 0 < start < len(text) and not text[start - 1].isspace() and not text[start].isspace():
        space = _SPACE.search(text, start, stop)
        head, start = _window_tokens(text, start, space.start() if space else stop), space.start() if space else stop
    tail: list[_Tok] = []
    if start < stop < len(text) and not text[stop - 1].isspace() and not text[stop].isspace():
        space = _LAST_SPACE.search(text, start, stop)
        cut = space.start() + 1 if space else start
        tail, stop = _window_tokens(text, cut, stop), cut
    return head + list(toks[bisect_left(starts, start):bisect_right(ends, stop)]) + tail


@per_text(maxsize=8)  # quotes and names read the same text's words in many windows
def _text_tokens(text: str) -> tuple[tuple[_Tok, ...], list[int], list[int]]:
    toks = tuple(_window_tokens(text, 0, None))
    return toks, [t.start for t in toks], [t.end for t in toks]


def _window_tokens(text: str, start: int, end: int | None) -> list[_Tok]:
    result = []
    for match in _TOKEN.finditer(text, start, len(text) if end is None else end):
        word, first = match.group(), match.start()
        if (len(word) > 2 and word.endswith(".") and word.count(".") == 1
                and _bare(word) not in _KEEP_PERIOD):
            result += [_Tok(word[:-1], first, match.end() - 1), _Tok(".", match.end() - 1, match.end())]
        else:
            result.append(_Tok(word, first, match.end()))
    return result


def _capitalized(tok: _Tok) -> bool:
    """True for a token that starts with a capital letter, or with an Arabic article before one ("al-Jubouri")."""
    return tok.text[:1].isupper() or _ARTICLE_NAME.match(tok.text) is not None


def _is_word(tok: _Tok) -> bool:
    """True for a word or number, False for punctuation."""
    return tok.text[:1].isalnum()
