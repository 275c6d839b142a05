"""Ellipses in news text (``...``, ``…``, ``. . .``): which of them end a sentence, judged before Punkt reads it.

AP and Chicago style: an ellipsis ends a sentence when it carries the sentence's own mark (``ended....``,
``ended . . . .``, ``Why?...``) or a capitalized sentence starter follows (``Wait... The``; not ``I``); right
after a finished sentence it opens the next (``ended. . . . The``); elsewhere it marks words left out
(``said ... Kim``, ``mean...well``). Punkt, which would end a sentence at each dot of ``. . .``, reads a copy
with them hidden (:func:`masked`).

>>> masked("Prices rose ... and fell. . . . The end.", is_abbreviation=lambda word: False)
'Prices rose ……… and fell. … … … The end.'
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Final

from lessons.constants import CLOSING_PUNCTUATION, OPENING_PUNCTUATION, SENTENCE_STARTERS

# How much text before an ellipsis is read for the word it follows (bounded, so the cost stays linear).
_LOOK_BACK: Final[int] = 400
_DOT_SPACE: Final[str] = "[ \u00a0\u2009\u202f]"  # set between the dots of ". . .": plain, no-break, thin
# An ellipsis: three periods or more, "…" with any periods next to it, or spaced periods whose first is not
# glued to a word ("ended. . . ." ends on its own period). No branch backtracks more than two characters.
_ELLIPSIS: Final[re.Pattern[str]] = re.compile(
    r"\.{3,}[.…]*|\.{0,2}…[.…]*|(?<!\w)\.(?:" + _DOT_SPACE + r"\.){2,}"
)
_TWO_DOTS: Final[re.Pattern[str]] = re.compile(r"\." + _DOT_SPACE + r"?\.")  # in every ellipsis but "…"
# What follows an ellipsis: closing marks, whitespace, opening marks, then the next word's letters.
_AFTER_ELLIPSIS: Final[re.Pattern[str]] = re.compile(
    f"[{re.escape(CLOSING_PUNCTUATION)}]*\\s+[{re.escape(OPENING_PUNCTUATION)}]*(?P<word>[^\\W\\d_]+)"
)
_HIDE_DOTS: Final[dict[int, str]] = str.maketrans(".", "…")


def last_word(text: str) -> str:
    """The last whitespace-separated piece of ``text``, without opening quotes or brackets."""
    pieces = text.rsplit(None, 1)  # read from the right: as long as the last piece, however long the text
    return pieces[-1].lstrip(OPENING_PUNCTUATION) if pieces else ""


def _follows_sentence_end(paragraph: str, start: int, is_abbreviation: Callable[[str], bool]) -> bool:
    """True for an ellipsis at ``start`` first in the paragraph or after a space and a sentence's own ? ! or ."""
    before = paragraph[max(0, start - _LOOK_BACK) : start]
    if before[-1:] and not before[-1].isspace():
        return False  # glued to the word before: "ended...." carries that sentence's period
    last = last_word(before).rstrip(CLOSING_PUNCTUATION)
    if not last or last[-1] in "?!":
        return True
    return last[-1] == "." and not is_abbreviation(last[:-1].lower())


def _ends_sentence(paragraph: str, match: re.Match[str], is_abbreviation: Callable[[str], bool]) -> bool:
    """True when the ellipsis ``match`` ends its sentence (see the module docstring for the style rules)."""
    ellipsis, start, end = match.group(), match.start(), match.end()
    if _follows_sentence_end(paragraph, start, is_abbreviation):
        # It opens the next sentence ("ended. ... The") unless it trails the one that ended ("over. . . .”", or
        # last in the paragraph: "" is in every string).
        return paragraph[end : end + 1] in CLOSING_PUNCTUATION
    own_mark = ellipsis.count(".") >= 4 or ("…" in ellipsis and "." in ellipsis)
    if own_mark or paragraph[start - 1 : start] in ("?", "!"):
        return True  # it carries the sentence's own mark: "ended....", "ended . . . .", "Why?..."
    after = _AFTER_ELLIPSIS.match(paragraph, end)
    word = after.group("word") if after else ""
    # A capitalized function word starts a sentence; "I" is capitalized anywhere, so it tells nothing.
    return bool(word) and word != "I" and word[0].isupper() and word.lower() in SENTENCE_STARTERS


def masked(paragraph: str, *, is_abbreviation: Callable[[str], bool]) -> str:
    """The paragraph as Punkt reads it: each ellipsis hidden, its last dot a period if it ends a sentence.

    Only dots change, one character for one: offsets and whitespace (where windows cut) stay put.
    """
    if "…" not in paragraph and not _TWO_DOTS.search(paragraph):
        return paragraph  # most paragraphs: a plain scan for what every ellipsis has is much faster
    pieces, done = [], 0
    for match in _ELLIPSIS.finditer(paragraph):
        hidden = match.group().translate(_HIDE_DOTS)
        pieces += [paragraph[done : match.start()], hidden[:-1] + "." if _ends_sentence(paragraph, match, is_abbreviation) else hidden]
        done = match.end()
    return "".join([*pieces, paragraph[done:]])
