"""NLTK's Punkt sentence splitter configured for news, offline, plus the few repairs Punkt cannot make.

Private machinery behind :func:`lessons.tokenizing.sentences`. Punkt normally learns its parameters
(abbreviations, frequent sentence starters, how words are capitalized) from a large corpus that
``nltk.download`` would fetch; we give it those parameters by hand instead, from the general news
conventions in :mod:`lessons.constants`.

Ellipses (``...``, ``…``, ``. . .``) are judged first, as AP and Chicago style write them: one ends a
sentence when it carries the sentence's own mark (``ended....``, ``ended . . . .``, ``Why?...``) or a
capitalized sentence starter follows (``Wait... The``; not ``I``); right after a finished sentence it opens
the next (``ended. . . . The``); elsewhere it marks words left out (``said ... Kim``, ``mean...well``).
Punkt, which would end a sentence at each dot of ``. . .``, reads a copy with them hidden
(:func:`lessons._ellipsis.masked`).

Five repairs then join Punkt's spans back together, each for a pattern Punkt's token-pair view cannot see:

1. a break before a lower-case word or closing punctuation is undone (“Why now?” he asked. / “anytime.” he
   said / Sen. Roy Calder (R-Neb.), a co-chair / ended. ... and then);
2. a break after a title (Gen., Sen., Dr. ...) is undone: titles never end a sentence;
3. a break after `?”` or `!”` is undone before a bare attribution (“Why now?” Kim asked.);
4. a break after an abbreviation of a number is undone before a number (No. 1, model No. XR-5, p. 55,
   pp. 10, ch. 3, N°. 7): "No." / "Vol." ... are listed, and a lower-case letter, a word without a vowel
   or a word with a numero sign is an abbreviation by its shape;
5. a break after "a.m." / "p.m." is undone before a weekday, a month, a time zone or "... time"
   (5 p.m. Monday, 9 a.m. EST, 9 a.m. Seoul time), and kept before anything else ("p.m. Turnout was").

and one split Punkt cannot see because it only looks at the quote mark after the period:

6. a listed abbreviation (not a title) followed by an opening quote, a capital and a clause (four words or
   more, or closing punctuation inside the marks) ends a sentence (... of Acme Ltd. “But one quarter ...).

Last, a piece with no letter or digit (a stray ellipsis or quote mark) joins the sentence before it.

Punkt reads a long paragraph through windows of at most :data:`PUNKT_WINDOW_CHARS` characters, and the
repairs read only a bounded stretch around each break, so the cost stays linear in the paragraph's length
(NLTK also gives each Punkt call a few seconds before it raises ``TimeoutError``).

>>> [text for text in split_paragraph("Gen. Kim met Sen. Lee at 5 p.m. The talks ended.")]
['Gen. Kim met Sen. Lee at 5 p.m.', 'The talks ended.']
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import Final

from nltk.tokenize.punkt import PunktLanguageVars, PunktParameters, PunktSentenceTokenizer

from lessons.constants import (
    ABBREVIATIONS, AFTER_TIME_WORDS, DOTTED_ABBREVIATION_TYPE, NUMBER_ABBREVIATIONS, OPENING_PUNCTUATION,
    SENTENCE_STARTERS, SPEECH_VERBS, TIME_ABBREVIATIONS, TITLE_ABBREVIATIONS,
)
from lessons._ellipsis import last_word as _last_word, masked
from lessons.errors import TokenizingError, one_line

#: The most characters one Punkt call reads. A longer paragraph is read window by window (see
#: :func:`_punkt_spans`); news paragraphs are far shorter (the longest in the course's articles is 480), so
#: this only bounds the work on an archive pasted as one line. At least 200; ``window=None`` turns it off.
PUNKT_WINDOW_CHARS: Final[int] = 20_000
# How much of the text before a break the repairs read: its last word and a closing `?”` (a longer last
# "word" is no abbreviation), so a sentence joined from many pieces is never re-read whole.
_TAIL_CHARS: Final[int] = 400

# Punkt's orthographic-context bit flags (nltk.tokenize.punkt._ORTHO_*), restated so a private NLTK name
# can never break the import: "seen capitalized at a sentence start" and "seen lower-case mid-sentence".
_ORTHO_BEG_UC: Final[int] = 1 << 1
_ORTHO_MID_LC: Final[int] = 1 << 5

_QUOTES: Final[str] = "\"'“”‘’«»"
# Punctuation that closes or continues what came before, so can never open a sentence.
_CLOSING: Final[str] = ")]},;:"
# Punkt's "characters that cannot appear within words" (NLTK's list plus curly quotes and guillemets).
_NON_WORD: Final[str] = r"(?:[)\";}\]\*:@\'\({\[!?\u2018\u2019\u201c\u201d\xab\xbb])"

# The first word of the next chunk, after any opening quotes or brackets and any ellipsis dots.
_FIRST_WORD: Final[re.Pattern[str]] = re.compile(r"[\s." + re.escape(OPENING_PUNCTUATION) + r"]*(?P<word>\S*)")
_NUMERO: Final[re.Pattern[str]] = re.compile(r"[^\W\d_]+[°º]")  # N°, Nº: "number" abbreviated by its shape
_WORD_CHAR: Final[re.Pattern[str]] = re.compile(r"[^\W_]")
# A question or exclamation closed by a quote: “Why now?” / “Go!’”
_QUESTION_IN_QUOTES: Final[re.Pattern[str]] = re.compile(r"[?!][" + re.escape(_QUOTES) + r"]+\s*$")
# What may follow a clock time without starting a sentence: "EST", "(0130 GMT)", "Seoul time", "New York time".
_TIME_CONTINUES: Final[re.Pattern[str]] = re.compile(r"(?:[A-Z]{2,5}\b|\(|\d|(?:[A-Z][\w.-]*\s+){1,3}time\b)")
# An abbreviation-like word, then an opening quote and a capital: the split of repair 6.
_QUOTE_AFTER_PERIOD: Final[re.Pattern[str]] = re.compile(r"(?<!\S)(?P<word>\S+\.)\s+(?=[“\"«]\s?[A-Z])")
# A mark that closes the quotation of repair 6 (a straight quote closes as well as opens).
_CLOSING_QUOTE: Final[re.Pattern[str]] = re.compile(r"[”\"»]")
# Four words or more (possessive, so a shorter quotation fails without trying every way to cut a word).
_FOUR_WORDS: Final[re.Pattern[str]] = re.compile(r"\s*+\S++(?:\s++\S++){3}")
# Where a window may end or start: at ASCII whitespace, the only kind Punkt looks back for when it finds the
# word before a period (its regexes take any Unicode space, so a no-break space sits inside a "word" here).
_GAP: Final[str] = " \t\n\r\x0b\x0c"
_WORD_END: Final[re.Pattern[str]] = re.compile(f"\\S(?=[{_GAP}])")
_WORD_START: Final[re.Pattern[str]] = re.compile(f"[^{_GAP}]")
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


def _starts_lower_case(word: str) -> bool:
    # "iPhone", "eBay", "de Blasio"-like brand names start lower-case but have a capital inside: leave those.
    return bool(word) and word[0].islower() and not any(c.isupper() for c in word[1:])


def _abbreviates_by_shape(word: str) -> bool:
    """True for a word whose shape says abbreviation before a number: p (page), c (circa), pp, ch, N°.

    A lone lower-case letter is no initial (those are capitals); an English word has a vowel, so "pp" or "Ch"
    is short for something. All capitals are left out: an acronym (NFL, BBC) may end a sentence.
    """
    if len(word) == 1:
        return word.islower()
    if _NUMERO.fullmatch(word):
        return True
    return word.isalpha() and not word.isupper() and not any(char in "aeiouy" for char in word.lower())


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
    if last.endswith(".") and first[:1].isdigit() and _abbreviates_by_shape(_last_word(previous)[:-1]):
        return True
    if last.endswith(".") and last[:-1] in TIME_ABBREVIATIONS:
        return first.rstrip(".,").lower() in AFTER_TIME_WORDS or bool(_TIME_CONTINUES.match(following.lstrip()))
    return bool(_QUESTION_IN_QUOTES.search(previous) and _ATTRIBUTION.match(following.lstrip()))


def _with_words(paragraph: str, spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """The spans, a piece with no letter or digit (an ellipsis, a quote) joined to the one before (or after)."""
    result: list[tuple[int, int]] = []
    worded = False  # whether result[-1] has a word: each piece is searched once
    for start, end in spans:
        has_word = _WORD_CHAR.search(paragraph, start, end) is not None
        if result and not (has_word and worded):
            result[-1], worded = (result[-1][0], end), worded or has_word
        else:
            result.append((start, end))
            worded = has_word
    return result


class _ClosingQuotes:
    """Where the next closing quote mark is, for positions that never decrease: each stretch is searched once."""

    def __init__(self, paragraph: str) -> None:
        self._paragraph = paragraph
        self._next = -1

    def at_or_after(self, position: int) -> int:
        """The first closing mark at ``position`` or later (the paragraph's length when there is none)."""
        if self._next < position:
            match = _CLOSING_QUOTE.search(self._paragraph, position)
            self._next = match.start() if match else len(self._paragraph)
        return self._next


def _splits_before_quote(
    paragraph: str, start: int, end: int, closing: _ClosingQuotes
) -> Iterator[tuple[int, int]]:
    """Cut one span after each non-title abbreviation that an opening quote and a capital follow (repair 6)."""
    for match in _QUOTE_AFTER_PERIOD.finditer(paragraph, start, end):
        word = match.group("word").lstrip(OPENING_PUNCTUATION).lower()[:-1]
        if word in TITLE_ABBREVIATIONS or word not in _ABBREVIATION_TYPES:
            continue
        # The quotation runs from after the opening mark to the closing one, or to the end of the span; only
        # its first four words and its last character are read, so an unclosed quote costs no rescan.
        inside, close = match.end() + 1, min(closing.at_or_after(match.end() + 1), end)
        long_enough = _FOUR_WORDS.match(paragraph, inside, close) is not None
        if not long_enough and not (close > inside and paragraph[close - 1] in ",.?!"):
            continue  # a short scare quote such as the U.S. “Big Tech” firms runs on in the same sentence
        yield start, match.end("word")
        start = match.end()
    yield start, end


def _window_end(paragraph: str, start: int, window: int) -> tuple[int, int]:
    """Where the window from ``start`` ends, and where the next one starts if no sentence ends in its second half.

    The window ends at whitespace after a word in its second half, so every token in it is whole; the next
    window starts at the last word at the latest: a period in it was judged without the token after it. With
    a single word end in the second half the next window starts after it; with none (one huge "word") the
    window is cut hard at ``window`` characters.
    """
    half, limit = start + window // 2, start + window
    ends = [m.end() for m in _WORD_END.finditer(paragraph, half, limit)]
    if not ends:
        return limit, limit
    if len(ends) == 1:
        return ends[0], ends[0]
    last_word = _WORD_START.search(paragraph, ends[-2])
    return ends[-1], last_word.start() if last_word else ends[-1]


def _punkt(text: str) -> list[tuple[int, int]]:
    """Punkt's raw (start, end) spans of ``text`` (one bounded window); NLTK's TimeoutError becomes one line."""
    try:
        return list(news_punkt().span_tokenize(text, realign_boundaries=False))
    except TimeoutError:  # NLTK gives each regex a few seconds; one window needs a few hundredths
        raise TokenizingError(
            f"NLTK's sentence splitter ran out of time on the text near {one_line(text)}; "
            "split the text into shorter paragraphs (one per line) and try again."
        ) from None


def _realigned(paragraph: str, spans: Iterable[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    """Punkt's raw spans with the closing quotes and brackets after each break moved to the sentence before.

    What Punkt's own ``realign_boundaries`` does, run once over the whole paragraph rather than per window
    (the quotes after a break may lie in the next window), and matched in place rather than on a copy.
    """
    realignment = _NewsLanguageVars.re_boundary_realignment
    shift, previous = 0, None
    for following in spans:
        if previous is not None:
            start, end = previous[0] + shift, previous[1]
            match = realignment.match(paragraph, following[0], following[1])
            if match:
                yield start, following[0] + len(match.group().rstrip())
                shift = match.end() - following[0]
            else:
                shift = 0
                if start < end:
                    yield start, end
        previous = following
    if previous is not None and previous[0] + shift < previous[1]:
        yield previous[0] + shift, previous[1]


def _punkt_spans(paragraph: str, *, window: int | None = PUNKT_WINDOW_CHARS) -> Iterator[tuple[int, int]]:
    """Punkt's sentence spans of one paragraph, read through windows of at most ``window`` characters.

    Punkt judges each period by the word before it and the token after it, so a window that ends at
    whitespace judges every break inside it as the whole paragraph would; only its last sentence may run on,
    and the next window starts where that sentence starts. A window with no break in its second half hands
    its open sentence on to the next one, which starts at the window's last word: no break is invented.
    Each window moves on by at least half a window, so the work stays linear in the paragraph's length.
    Only a "word" longer than half a window is cut where it need not be, and a period next to that cut may
    be judged otherwise than in one reading. ``window=None`` reads the paragraph in one call.
    """
    window = len(paragraph) if window is None else max(window, 200)
    start, carried = 0, None  # carried: the start of a sentence an earlier window handed on
    while start < len(paragraph):
        end = next_start = len(paragraph)
        if end - start > window:
            end, next_start = _window_end(paragraph, start, window)
        spans = [(start + s, start + e) for s, e in _punkt(paragraph[start:end])]
        handed_on = None
        if end < len(paragraph) and spans:
            while len(spans) > 1 and spans[-2][1] > next_start:
                spans.pop()  # a period in the last word was judged without what follows it: read it again
            # Read again from the last sentence that starts late in the window after whitespace (Punkt
            # judges a period inside a word such as "!!!" by the one before it, which a new window loses).
            last = len(spans) - 1
            while last > 0 and spans[last][0] > start + window // 2 and paragraph[spans[last][0] - 1] not in _GAP:
                last -= 1
            if last > 0 and spans[last][0] > start + window // 2:
                next_start = spans[last][0]
                del spans[last:]
            else:
                handed_on = spans.pop()[0]  # no break late in the window: the last sentence runs on
        if spans and carried is not None:
            spans[0], carried = (carried, spans[0][1]), None
        yield from spans
        if handed_on is not None and carried is None:
            carried = handed_on  # (else the window's one sentence continues the one already carried)
        after = _WORD_START.search(paragraph, next_start)
        start = after.start() if after else len(paragraph)
    if carried is not None:  # only whitespace after the sentence handed on: it ends where the text does
        yield carried, len(paragraph.rstrip())


def paragraph_spans(paragraph: str, *, window: int | None = PUNKT_WINDOW_CHARS) -> Iterator[tuple[int, int]]:
    """(start, end) of each sentence of one paragraph (a text without line breaks), trimmed of whitespace.

    ``window`` bounds the characters each Punkt call reads (see :data:`PUNKT_WINDOW_CHARS`; None: no bound).
    """
    merged: list[list[int]] = []
    for start, end in _realigned(paragraph, _punkt_spans(masked(paragraph, is_abbreviation=_ABBREVIATION_TYPES.__contains__), window=window)):
        # Only the end of the text before the break is read, however many pieces it was joined from.
        previous = paragraph[max(merged[-1][0], merged[-1][1] - _TAIL_CHARS) : merged[-1][1]] if merged else ""
        if merged and _keeps_going(previous, paragraph[start:end]):
            merged[-1][1] = end
        else:
            merged.append([start, end])
    closing = _ClosingQuotes(paragraph)
    spans = [piece for start, end in merged for piece in _splits_before_quote(paragraph, start, end, closing)]
    for start, end in _with_words(paragraph, spans):
        piece = paragraph[start:end]
        stripped = piece.strip()
        if stripped:
            lead = len(piece) - len(piece.lstrip())
            yield start + lead, start + lead + len(stripped)


def split_paragraph(paragraph: str) -> list[str]:
    """The sentences of one paragraph as strings (for quick checks; the public API returns offsets)."""
    return [paragraph[start:end] for start, end in paragraph_spans(paragraph)]
