"""NLTK's Punkt sentence splitter configured for news, offline, plus the few repairs Punkt cannot make.

Private machinery behind :func:`lessons.tokenizing.sentences`. Punkt normally learns its parameters
(abbreviations, frequent sentence starters, how words are capitalized) from a large corpus that
``nltk.download`` would fetch; we give it those parameters by hand instead, from the general news
conventions in :mod:`lessons.constants`. Five repairs then join Punkt's spans back together, each for a
pattern Punkt's token-pair view cannot see:

1. a break before a lower-case word or closing punctuation is undone (“Why now?” he asked. / “anytime.” he
   said / Sen. Roy Calder (R-Neb.), a co-chair);
2. a break after a title (Gen., Sen., Dr. ...) is undone: titles never end a sentence;
3. a break after `?”` or `!”` is undone before a bare attribution (“Why now?” Kim asked.);
4. a break after "No." / "Vol." ... is undone before a number or code (No. 1, model No. XR-5), the only
   place they abbreviate;
5. a break after "a.m." / "p.m." is undone before a weekday, a month, a time zone or "... time"
   (5 p.m. Monday, 9 a.m. EST, 9 a.m. Seoul time), and kept before anything else ("p.m. Turnout was").

and one split Punkt cannot see because it only looks at the quote mark after the period:

6. a listed abbreviation (not a title) followed by an opening quote, a capital and a clause (four words or
   more, or closing punctuation inside the marks) ends a sentence (... of Acme Ltd. “But one quarter ...).

>>> [text for text in split_paragraph("Gen. Kim met Sen. Lee at 5 p.m. The talks ended.")]
['Gen. Kim met Sen. Lee at 5 p.m.', 'The talks ended.']
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import Final

from nltk.tokenize.punkt import PunktLanguageVars, PunktParameters, PunktSentenceTokenizer

from lessons.constants import (
    ABBREVIATIONS,
    AFTER_TIME_WORDS,
    DOTTED_ABBREVIATION_TYPE,
    NUMBER_ABBREVIATIONS,
    OPENING_PUNCTUATION,
    SENTENCE_STARTERS,
    SPEECH_VERBS,
    TIME_ABBREVIATIONS,
    TITLE_ABBREVIATIONS,
)

# Punkt's orthographic-context bit flags (nltk.tokenize.punkt._ORTHO_*), restated so a private NLTK name
# can never break the import: "seen capitalized at a sentence start" and "seen lower-case mid-sentence".
_ORTHO_BEG_UC: Final[int] = 1 << 1
_ORTHO_MID_LC: Final[int] = 1 << 5

_QUOTES: Final[str] = "\"'“”‘’«»"
# Punctuation that closes or continues what came before, so can never open a sentence.
_CLOSING: Final[str] = ")]},;:"
# Punkt's "characters that cannot appear within words" (NLTK's list plus curly quotes and guillemets).
_NON_WORD: Final[str] = r"(?:[)\";}\]\*:@\'\({\[!?\u2018\u2019\u201c\u201d\xab\xbb])"

# The first word of the next chunk, after any opening quotes or brackets.
_FIRST_WORD: Final[re.Pattern[str]] = re.compile(r"[\s" + re.escape(OPENING_PUNCTUATION) + r"]*(?P<word>\S*)")
# The last whitespace-separated piece of the previous chunk.
_LAST_WORD: Final[re.Pattern[str]] = re.compile(r"(?P<word>\S+)\s*$")
# A question or exclamation closed by a quote: “Why now?” / “Go!’”
_QUESTION_IN_QUOTES: Final[re.Pattern[str]] = re.compile(r"[?!][" + re.escape(_QUOTES) + r"]+\s*$")
# What may follow a clock time without starting a sentence: "EST", "(0130 GMT)", "Seoul time", "New York time".
_TIME_CONTINUES: Final[re.Pattern[str]] = re.compile(r"(?:[A-Z]{2,5}\b|\(|\d|(?:[A-Z][\w.-]*\s+){1,3}time\b)")
# An abbreviation-like word, then an opening quote and a capital: the split of repair 6.
_QUOTE_AFTER_PERIOD: Final[re.Pattern[str]] = re.compile(r"(?<!\S)(?P<word>\S+\.)\s+(?=[“\"«]\s?[A-Z])")
# The quotation that follows: its words up to the closing mark (or to the end of the paragraph).
_QUOTED: Final[re.Pattern[str]] = re.compile(r"[“\"«](?P<inside>[^”\"»]*)")
# A bare attribution after a quotation: one to four capitalized words (a name, maybe a title) + a speech verb.
_ATTRIBUTION: Final[re.Pattern[str]] = re.compile(
    r"(?:[A-Z][\w’'.-]*\s+){1,4}(?:" + "|".join(sorted(SPEECH_VERBS)) + r")\b"
)


class _AbbreviationTypes(set[str]):
    """Punkt's abbreviation set, which also holds every dotted acronym (u.s, d.c) without listing it."""

    def __contains__(self, item: object) -> bool:
        return super().__contains__(item) or (
            isinstance(item, str)
            and item not in TIME_ABBREVIATIONS
            and DOTTED_ABBREVIATION_TYPE.fullmatch(item) is not None
        )


_ABBREVIATION_TYPES: Final[_AbbreviationTypes] = _AbbreviationTypes(ABBREVIATIONS)


class _NewsLanguageVars(PunktLanguageVars):
    """Punkt's English conventions with curly quotes and guillemets treated like straight quotes.

    Older NLTK releases know only ASCII quotes: a sentence ending `.”` would not be found, and “The would be
    one word that is neither upper- nor lower-case. Restating the three patterns pins the behaviour across
    NLTK versions.
    """

    re_boundary_realignment = re.compile(r"[\"')\]}\u2018\u2019\u201c\u201d\xab\xbb]+?(?:\s+|(?=--)|$)", re.MULTILINE)
    _re_word_start = r"[^\(\"\`{\[:;&\#\*@\)}\]\-,\u2018\u2019\u201c\u201d\xab\xbb]"
    _re_non_word_chars = _NON_WORD


@lru_cache(maxsize=1)
def news_punkt() -> PunktSentenceTokenizer:
    """The one configured Punkt tokenizer (built once: its regexes compile on first use)."""
    params = PunktParameters()
    params.abbrev_types = _ABBREVIATION_TYPES
    params.sent_starters = set(SENTENCE_STARTERS)
    for word in SENTENCE_STARTERS:
        # With this context Punkt's orthographic heuristic also breaks after an initial ("Plan B. The ...").
        params.add_ortho_context(word, _ORTHO_BEG_UC | _ORTHO_MID_LC)
    return PunktSentenceTokenizer(params, lang_vars=_NewsLanguageVars())


def _first_word(text: str) -> str:
    match = _FIRST_WORD.match(text)
    return match.group("word") if match else ""


def _last_word(text: str) -> str:
    match = _LAST_WORD.search(text)
    return match.group("word").lstrip(OPENING_PUNCTUATION) if match else ""


def _starts_lower_case(word: str) -> bool:
    # "iPhone", "eBay", "de Blasio"-like brand names start lower-case but have a capital inside: leave those.
    return bool(word) and word[0].islower() and not any(c.isupper() for c in word[1:])


def _keeps_going(previous: str, following: str) -> bool:
    """True when the break Punkt put between two chunks of one paragraph is not a sentence boundary."""
    if following.lstrip()[:1] in _CLOSING:
        return True  # "(R-Neb.), co-chairs ...": nothing starts a sentence with closing punctuation
    first = _first_word(following)
    if _starts_lower_case(first):
        return True
    last = _last_word(previous).lower()
    if last.endswith(".") and last[:-1] in TITLE_ABBREVIATIONS:
        return True
    if last.endswith(".") and last[:-1] in NUMBER_ABBREVIATIONS and any(char.isdigit() for char in first):
        return True
    if last.endswith(".") and last[:-1] in TIME_ABBREVIATIONS:
        return first.rstrip(".,").lower() in AFTER_TIME_WORDS or bool(_TIME_CONTINUES.match(following.lstrip()))
    return bool(_QUESTION_IN_QUOTES.search(previous) and _ATTRIBUTION.match(following.lstrip()))


def _splits_before_quote(paragraph: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Cut one span after each non-title abbreviation that an opening quote and a capital follow (repair 6)."""
    for match in _QUOTE_AFTER_PERIOD.finditer(paragraph, start, end):
        word = match.group("word").lstrip(OPENING_PUNCTUATION).lower()[:-1]
        if word in TITLE_ABBREVIATIONS or word not in _ABBREVIATION_TYPES:
            continue
        quoted = _QUOTED.match(paragraph, match.end(), end)
        if quoted is None or (len(quoted.group("inside").split()) < 4 and not quoted.group("inside").endswith(tuple(",.?!"))):
            continue  # a short scare quote such as the U.S. “Big Tech” firms runs on in the same sentence
        yield start, match.end("word")
        start = match.end()
    yield start, end


def paragraph_spans(paragraph: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each sentence of one paragraph (a text without line breaks), trimmed of whitespace."""
    merged: list[list[int]] = []
    for start, end in news_punkt().span_tokenize(paragraph):
        if merged and _keeps_going(paragraph[merged[-1][0] : merged[-1][1]], paragraph[start:end]):
            merged[-1][1] = end
        else:
            merged.append([start, end])
    spans = [piece for start, end in merged for piece in _splits_before_quote(paragraph, start, end)]
    for start, end in spans:
        piece = paragraph[start:end]
        stripped = piece.strip()
        if stripped:
            lead = len(piece) - len(piece.lstrip())
            yield start + lead, start + lead + len(stripped)


def split_paragraph(paragraph: str) -> list[str]:
    """The sentences of one paragraph as strings (for quick checks; the public API returns offsets)."""
    return [paragraph[start:end] for start, end in paragraph_spans(paragraph)]
