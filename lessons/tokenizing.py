"""Lesson 2, tokenizing: split a news text into sentences and words, keeping where each one sits.

Sentences come from NLTK's Punkt configured for news without any download (see :mod:`lessons._punkt`);
words from NLTK's Treebank-style ``NLTKWordTokenizer``, with curly and straight quotes treated alike.
Every result carries ``start``/``end`` offsets into the text you passed: ``text[start:end] == item.text``.

>>> body = "“We discussed possible humanitarian assistance,” Kim said. Noh agreed."
>>> [s.text for s in sentences(body)]
['“We discussed possible humanitarian assistance,” Kim said.', 'Noh agreed.']
>>> [t.text for t in words("South Korea’s envoy met Noh Kyu-duk.")]
['South', 'Korea', '’s', 'envoy', 'met', 'Noh', 'Kyu-duk', '.']
>>> normalize("The US envoys’ talks.", drop_stopwords=True, stem="porter")
['US', 'envoy', 'talk']
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from os import PathLike
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from nltk.stem import PorterStemmer, SnowballStemmer
from nltk.stem.api import StemmerI
from nltk.tokenize import NLTKWordTokenizer

from lessons._memo import per_text
from lessons._punkt import paragraph_spans
from lessons.constants import FALLBACK_WORD_PATTERN, PARAGRAPH_PATTERN, PROTECTED_TOKEN_PATTERN, QUOTE_FOLD, STEMMERS
from lessons.errors import NotTextError, StopwordsError, TokenizingError, one_line

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

__all__ = [
    "STOPWORDS_PATH", "Sentence", "StemmerName", "Token",
    "is_punctuation", "is_stopword", "load_stopwords", "normal_form", "normalize", "sentences", "stem",
    "stopwords", "words", "words_by_sentence",
]


@dataclass(frozen=True)
class Sentence:
    """One sentence: ``text[start:end] == sentence.text``; ``paragraph`` counts the text's non-blank lines from 0."""

    text: str
    start: int
    end: int
    paragraph: int = 0


@dataclass(frozen=True)
class Token:
    """One word or punctuation mark: ``text[start:end] == token.text``."""

    text: str
    start: int
    end: int

    @property
    def is_punctuation(self) -> bool:
        """True for a token with no letter or digit in it (``,`` ``“`` ``—``)."""
        return is_punctuation(self.text)


StemmerName = Literal["porter", "snowball"]

#: The course's stopword list, shipped inside the package (written for the course; see its first line).
STOPWORDS_PATH: Traversable = files("lessons") / "data" / "stopwords_en.txt"

# One instance each: NLTK's tokenizer and stemmers keep no per-call state.
_WORD_TOKENIZER = NLTKWordTokenizer()


def _require_text(text: object, function: str) -> str:
    """The text itself, or a one-line NotTextError naming what came instead."""
    if isinstance(text, str):
        return text
    raise NotTextError(
        f"{function}() needs the article text as a str, got {type(text).__name__} {one_line(text)}; "
        "pass article.body (or any string)."
    )


# ---------------------------------------------------------------------------
# sentences
# ---------------------------------------------------------------------------


def sentences(text: str) -> list[Sentence]:
    """Split ``text`` into sentences, never across a line break (each line is a paragraph).

    >>> [(s.text, s.start, s.end) for s in sentences("He left. She stayed.\\nMr. Kim met U.S. officials.")]
    [('He left.', 0, 8), ('She stayed.', 9, 20), ('Mr. Kim met U.S. officials.', 21, 48)]
    """
    return list(_sentences(_require_text(text, "sentences")))


@per_text(maxsize=1024)  # a paragraph is split once, whether read alone or in its article's body
def _paragraph_spans(paragraph: str) -> tuple[tuple[int, int], ...]:
    return tuple(paragraph_spans(paragraph))


@per_text(maxsize=64)  # every stage splits the same paragraphs again: quotes, dates, names, the report
def _sentences(text: str) -> tuple[Sentence, ...]:
    result: list[Sentence] = []
    for paragraph, line in enumerate(m for m in PARAGRAPH_PATTERN.finditer(text) if not m.group().isspace()):
        offset = line.start()
        for start, end in _paragraph_spans(line.group()):
            result.append(Sentence(text[offset + start : offset + end], offset + start, offset + end, paragraph))
    return tuple(result)


# ---------------------------------------------------------------------------
# words
# ---------------------------------------------------------------------------


def _treebank_spans(segment: str) -> list[tuple[int, int]]:
    """Treebank token spans of one sentence, read on the quote-folded text (same length, same offsets)."""
    folded = segment.translate(QUOTE_FOLD)
    try:
        return list(_WORD_TOKENIZER.span_tokenize(folded))
    except (ValueError, IndexError, LookupError):
        # Treebank rewrites some character runs (`` '' ...) and then cannot find its tokens in the input again.
        return [m.span() for m in FALLBACK_WORD_PATTERN.finditer(segment)]


def _with_protected(segment: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Replace the Treebank pieces of a web address, $85, U.S. ... by one token each."""
    protected = [m.span() for m in PROTECTED_TOKEN_PATTERN.finditer(segment)]
    if not protected:
        return spans
    protected_ends = [p_end for _, p_end in protected]  # matches run left to right: ends are sorted too
    result = list(protected)
    for start, end in spans:
        pieces = [(start, end)]
        # Only the protected spans that overlap this token can cut it: the first that ends after its start on.
        index = bisect_right(protected_ends, start)
        while index < len(protected) and protected[index][0] < end:
            p_start, p_end = protected[index]
            index += 1
            # Keep the parts of each Treebank token that lie outside every protected span.
            pieces = [
                part
                for s, e in pieces
                for part in ((s, min(e, p_start)), (max(s, p_end), e))
                if part[0] < part[1]
            ]
        result.extend((s, e) for s, e in pieces if not segment[s:e].isspace())
    return sorted(set(result))


def words_by_sentence(text: str) -> list[list[Token]]:
    """The tokens of ``text``, one list per sentence (n-grams and collocations never cross a sentence).

    >>> [[t.text for t in s] for s in words_by_sentence("Kim left. Noh stayed.")]
    [['Kim', 'left', '.'], ['Noh', 'stayed', '.']]
    """
    text = _require_text(text, "words_by_sentence")
    result: list[list[Token]] = []
    for sentence in sentences(text):
        segment = sentence.text
        spans = _with_protected(segment, _treebank_spans(segment))
        base = sentence.start
        result.append([Token(text[base + s : base + e], base + s, base + e) for s, e in spans])
    return result


def words(text: str) -> list[Token]:
    """Split ``text`` into word and punctuation tokens, sentence by sentence (Treebank conventions).

    >>> [t.text for t in words("The US-ROK drills cost $85 million, he said in the U.S.")]
    ['The', 'US-ROK', 'drills', 'cost', '$85', 'million', ',', 'he', 'said', 'in', 'the', 'U.S.']
    """
    text = _require_text(text, "words")
    return [token for sentence in words_by_sentence(text) for token in sentence]


# ---------------------------------------------------------------------------
# normalization
# ---------------------------------------------------------------------------


def is_punctuation(token: str) -> bool:
    """True when ``token`` has no letter and no digit: a punctuation mark (or a run of them).

    >>> [is_punctuation(t) for t in (",", "“", "—", "’s", "3,000")]
    [True, True, True, False, False]
    """
    token = _require_text(token, "is_punctuation")
    return not any(char.isalnum() for char in token)


@lru_cache(maxsize=8)
def load_stopwords(path: str | PathLike[str] | Traversable = STOPWORDS_PATH) -> frozenset[str]:
    """The stopword list at ``path`` (one word a line, ``#`` comments), read once and cached.

    >>> {"the", "of", "n't"} <= load_stopwords()
    True
    """
    try:
        source = Path(path) if isinstance(path, (str, PathLike)) else path  # a Traversable reads itself
        lines = source.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        fix = ("it ships inside the lessons package: reinstall the course, or restore lessons/data/stopwords_en.txt"
               if path == STOPWORDS_PATH else "pass the path of a UTF-8 text file with one word a line")
        raise StopwordsError(
            f"cannot read the stopword list {one_line(str(path))} ({type(error).__name__}); {fix}."
        ) from None
    words_ = frozenset(line.strip().translate(QUOTE_FOLD).lower() for line in lines)
    return words_ - {"", *(w for w in words_ if w.startswith("#"))}


def stopwords() -> frozenset[str]:
    """The course's English stopword list (about 190 function words; see lessons/data/stopwords_en.txt).

    >>> "the" in stopwords() and "kim" not in stopwords()
    True
    """
    return load_stopwords(STOPWORDS_PATH)


@lru_cache(maxsize=len(STEMMERS))
def _stemmer(name: str) -> StemmerI:
    if name == "porter":
        return PorterStemmer()
    if name == "snowball":
        return SnowballStemmer("english")
    raise TokenizingError(f"unknown stemmer {one_line(name)}; choose one of {', '.join(STEMMERS)} (or None).")


def stem(word: str, *, stemmer: StemmerName = "porter") -> str:
    """The stem of one word with NLTK's Porter or Snowball stemmer (both lower-case their output).

    >>> [stem(w) for w in ("drills", "humanitarian", "talks")], stem("organizations", stemmer="snowball")
    (['drill', 'humanitarian', 'talk'], 'organ')
    """
    word = _require_text(word, "stem")
    return _stemmer(stemmer).stem(word)


def is_stopword(word: str) -> bool:
    """True when ``word`` is on the course stopword list, any case; an acronym (US, IT, WHO) never is.

    >>> [is_stopword(w) for w in ("The", "us", "US", "I", "n’t", "Kim")]
    [True, True, False, True, True, False]
    """
    word = _require_text(word, "is_stopword")
    if len(word) >= 2 and word.isupper():
        return False
    return word.translate(QUOTE_FOLD).casefold() in stopwords()


def normal_form(word: str, *, lowercase: bool = True, keep_acronyms: bool = True, stem: StemmerName | None = None) -> str:
    """One word normalized: curly apostrophes straightened, case folded (acronyms kept), maybe stemmed.

    Both stemmers lower-case what they stem, so ``lowercase=False`` only shows with ``stem=None``.

    >>> normal_form("South"), normal_form("US"), normal_form("US", keep_acronyms=False), normal_form("’s")
    ('south', 'US', 'us', "'s")
    """
    word = _require_text(word, "normal_form").translate(QUOTE_FOLD)
    if keep_acronyms and len(word) >= 2 and word.isupper():
        return word
    if lowercase:
        word = word.casefold()
    return word if stem is None else _stemmer(stem).stem(word)


def normalize(
    text: str | Sequence[Token],
    *,
    lowercase: bool = True,
    keep_acronyms: bool = True,
    drop_punctuation: bool = True,
    drop_stopwords: bool = False,
    stem: StemmerName | None = None,
) -> list[str]:
    """The words of ``text`` (or of tokens from :func:`words`) as normalized strings, ready to count.

    Case folding lower-cases every word except acronyms of two or more capitals (US stays apart from "us");
    stopwords are matched case-insensitively, but an acronym is never a stopword (US, IT, WHO).

    >>> normalize("The US holds no hostile intent toward Pyongyang.")
    ['the', 'US', 'holds', 'no', 'hostile', 'intent', 'toward', 'pyongyang']
    >>> normalize("The US holds no hostile intent.", drop_stopwords=True, stem="snowball")
    ['US', 'hold', 'hostil', 'intent']
    """
    if isinstance(text, str):
        tokens: Iterable[str] = (token.text for token in words(text))
    elif isinstance(text, Sequence) and all(isinstance(token, Token) for token in text):
        tokens = (token.text for token in text)
    else:
        raise NotTextError(
            f"normalize() needs a str or a list of Token from words(), got {type(text).__name__} {one_line(text)}."
        )
    if stem is not None and stem not in STEMMERS:
        raise TokenizingError(f"unknown stemmer {one_line(stem)}; choose one of {', '.join(STEMMERS)} (or None).")
    result = []
    for token in tokens:
        if (drop_punctuation and is_punctuation(token)) or (drop_stopwords and is_stopword(token)):
            continue
        result.append(normal_form(token, lowercase=lowercase, keep_acronyms=keep_acronyms, stem=stem))
    return result
