"""Lesson 2, exploring: count, find and plot the words of a news text (NLTK FreqDist, collocations, n-grams).

Built on :mod:`lessons.tokenizing`. Every figure has a title and axis labels, never relies on colour alone,
and comes with a ``describe_*`` function that says in one line what it shows (its alt text).
Figures are made with the OO API and closed in pyplot before they are returned, so a notebook shows
each one once: make the call the last line of a cell, or ``display(fig)``.

>>> body = "Kim met Noh. Kim said talks went well. Noh said talks went well too."
>>> top_words(body, top=3)
[('kim', 2), ('noh', 2), ('said', 2)]
>>> [str(line) for line in keyword_in_context(body, "talks", window=12)]
['Kim said [talks] went well.', 'Noh said [talks] went well']
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from nltk import FreqDist
from nltk.collocations import BigramCollocationFinder
from nltk.metrics import BigramAssocMeasures
from nltk.util import ngrams as nltk_ngrams

from lessons.errors import TokenizingError, one_line
from lessons.tokenizing import (  # _require_text: one message for non-text input across the stage
    StemmerName,
    _require_text,
    Token,
    is_punctuation,
    is_stopword,
    normal_form,
    normalize,
    words,
    words_by_sentence,
)

if TYPE_CHECKING:  # matplotlib loads only when a figure is drawn: importing the lessons stays fast
    from matplotlib.figure import Figure

__all__ = [
    "Collocation", "KwicLine", "Measure",
    "collocations", "describe_dispersion", "describe_frequencies", "dispersion_chart", "format_concordance",
    "frequencies", "frequency_chart", "keyword_in_context", "ngrams", "top_ngrams", "top_words", "word_positions",
]


@dataclass(frozen=True)
class KwicLine:
    """One keyword-in-context line: ``text[start:end] == match``, with the text around it on one line."""

    left: str
    match: str
    right: str
    start: int
    end: int

    def __str__(self) -> str:
        return f"{self.left} [{self.match}] {self.right}"


@dataclass(frozen=True)
class Collocation:
    """Two words found together more than chance predicts, with the association score and how often."""

    first: str
    second: str
    score: float
    count: int

    @property
    def pair(self) -> tuple[str, str]:
        """The two words as a tuple, as NLTK's finders give them."""
        return (self.first, self.second)


Measure = Literal["pmi", "likelihood"]
_MEASURES = {"pmi": BigramAssocMeasures.pmi, "likelihood": BigramAssocMeasures.likelihood_ratio}


def _plural(count: int, noun: str) -> str:
    """``count`` and ``noun``, with an s unless the count is one: '1 word', '3 most frequent words'."""
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def _require_positive(value: object, name: str, function: str) -> int:
    if isinstance(value, int) and not isinstance(value, bool) and value >= 1:
        return value
    raise TokenizingError(f"{function}() needs {name} to be a whole number of at least 1, got {one_line(value)}.")


# ---------------------------------------------------------------------------
# counting
# ---------------------------------------------------------------------------


def frequencies(
    text: str, *, drop_stopwords: bool = True, stem: StemmerName | None = None, keep_acronyms: bool = True
) -> FreqDist:
    """A FreqDist of the normalized words of ``text`` (case folded, punctuation dropped, stopwords dropped).

    >>> frequencies("The talks, the drills and the talks.").most_common(2)
    [('talks', 2), ('drills', 1)]
    """
    text = _require_text(text, "frequencies")
    return FreqDist(normalize(text, drop_stopwords=drop_stopwords, stem=stem, keep_acronyms=keep_acronyms))


def top_words(
    text: str, *, top: int = 10, drop_stopwords: bool = True, stem: StemmerName | None = None
) -> list[tuple[str, int]]:
    """The ``top`` most frequent normalized words with their counts, ties in alphabetical order.

    >>> top_words("Drills, drills and talks. The drill ended.", top=2, stem="porter")
    [('drill', 3), ('end', 1)]
    """
    top = _require_positive(top, "top", "top_words")
    counts = frequencies(text, drop_stopwords=drop_stopwords, stem=stem)
    # Sort by count, then alphabetically, so a tie never depends on the order words appear in.
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:top]


def ngrams(text: str, *, n: int = 2, drop_stopwords: bool = False) -> list[tuple[str, ...]]:
    """The n-grams of normalized words, sentence by sentence (none spans two sentences or a punctuation mark).

    >>> ngrams("Kim met Noh. Noh met Choi, then left.", n=2)
    [('kim', 'met'), ('met', 'noh'), ('noh', 'met'), ('met', 'choi'), ('then', 'left')]
    """
    text = _require_text(text, "ngrams")
    n = _require_positive(n, "n", "ngrams")
    result: list[tuple[str, ...]] = []
    for sentence in words_by_sentence(text):
        # A punctuation mark or a dropped stopword ends a run, so no n-gram jumps over it.
        run: list[str] = []
        for token in sentence:
            if is_punctuation(token.text) or (drop_stopwords and is_stopword(token.text)):
                result.extend(nltk_ngrams(run, n))
                run = []
            else:
                run.append(normal_form(token.text))
        result.extend(nltk_ngrams(run, n))
    return result


def top_ngrams(text: str, *, n: int = 2, top: int = 10, drop_stopwords: bool = False) -> list[tuple[tuple[str, ...], int]]:
    """The ``top`` most frequent n-grams with their counts, ties in alphabetical order.

    >>> top_ngrams("Kim met Noh. Kim met Choi.", n=2, top=1)
    [(('kim', 'met'), 2)]
    """
    top = _require_positive(top, "top", "top_ngrams")
    counts = FreqDist(ngrams(text, n=n, drop_stopwords=drop_stopwords))
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:top]


def collocations(
    text: str, *, top: int = 10, measure: Measure = "pmi", min_count: int = 2, drop_stopwords: bool = True
) -> list[Collocation]:
    """Word pairs that occur together more than chance predicts (NLTK's BigramCollocationFinder).

    ``measure`` is "pmi" (pointwise mutual information: rare, tight pairs) or "likelihood" (the log-likelihood
    ratio: frequent pairs). Pairs never span two sentences or a punctuation mark, and ``min_count`` drops
    the pairs seen fewer times. Stopwords come from the course list, not the NLTK corpus.

    >>> [c.pair for c in collocations("North Korea met South Korea. North Korea left. South Korea stayed.")]
    [('north', 'korea'), ('south', 'korea')]
    """
    text = _require_text(text, "collocations")
    top = _require_positive(top, "top", "collocations")
    min_count = _require_positive(min_count, "min_count", "collocations")
    if measure not in _MEASURES:
        raise TokenizingError(f"collocations() measure must be 'pmi' or 'likelihood', got {one_line(measure)}.")
    # Punctuation stays in each sentence's word list, so that filtering it afterwards leaves no pair
    # that jumped over a comma; documents = sentences, so no pair crosses a sentence boundary.
    documents = [[normal_form(token.text) for token in sentence] for sentence in words_by_sentence(text)]
    finder = BigramCollocationFinder.from_documents(documents)
    finder.apply_word_filter(lambda word: is_punctuation(word) or (drop_stopwords and is_stopword(word)))
    finder.apply_freq_filter(min_count)
    scored = finder.score_ngrams(_MEASURES[measure])
    # Ties in score are broken alphabetically so the list is the same on every machine.
    scored.sort(key=lambda item: (-round(item[1], 9), item[0]))
    return [
        Collocation(first, second, round(score, 3), finder.ngram_fd[(first, second)])
        for (first, second), score in scored[:top]
    ]


# ---------------------------------------------------------------------------
# finding
# ---------------------------------------------------------------------------


def _phrase_matches(tokens: Sequence[Token], phrase: str) -> list[tuple[int, int]]:
    """Indexes (first, last) of the token runs that spell ``phrase``, case-insensitively."""
    wanted = [normal_form(token.text, keep_acronyms=False) for token in words(phrase)]
    if not wanted:
        raise TokenizingError(f"the keyword {one_line(phrase)} holds no word to look for; give a word such as 'Kim'.")
    folded = [normal_form(token.text, keep_acronyms=False) for token in tokens]
    size = len(wanted)
    return [(i, i + size - 1) for i in range(len(folded) - size + 1) if folded[i : i + size] == wanted]


def _context(text: str, start: int, end: int, *, side: Literal["left", "right"]) -> str:
    """``text[start:end]`` on one line, without the word fragment cut by the window's outer edge."""
    start, end = max(0, start), min(len(text), end)
    pieces = text[start:end].split()
    if side == "left" and pieces and 0 < start < end and not text[start - 1].isspace() and not text[start].isspace():
        pieces = pieces[1:]
    if side == "right" and pieces and start < end < len(text) and not text[end].isspace() and not text[end - 1].isspace():
        pieces = pieces[:-1]
    # Line breaks become spaces so that every concordance line prints on one line.
    return " ".join(pieces)


def keyword_in_context(text: str, keyword: str, *, window: int = 35) -> list[KwicLine]:
    """Every occurrence of ``keyword`` (a word or phrase, any case) with ``window`` characters either side.

    >>> [(line.match, line.start, line.end) for line in keyword_in_context("Kim met Noh. Noh left.", "noh")]
    [('Noh', 8, 11), ('Noh', 13, 16)]
    """
    text = _require_text(text, "keyword_in_context")
    keyword = _require_text(keyword, "keyword_in_context")
    window = _require_positive(window, "window", "keyword_in_context")
    tokens = words(text)
    lines = []
    for first, last in _phrase_matches(tokens, keyword):
        start, end = tokens[first].start, tokens[last].end
        left = _context(text, start - window, start, side="left")
        right = _context(text, end, end + window, side="right")
        lines.append(KwicLine(left, text[start:end], right, start, end))
    return lines


def format_concordance(lines: Sequence[KwicLine]) -> str:
    """Concordance lines aligned on the keyword, ready to print (like NLTK's ``Text.concordance``).

    >>> print(format_concordance(keyword_in_context("Kim met Noh. Then Noh left.", "Noh", window=9)))
    Kim met [Noh] . Then
       Then [Noh] left.
    """
    if not lines:
        return "(no matches)"
    width = max(len(line.left) for line in lines)
    return "\n".join(f"{line.left:>{width}} [{line.match}] {line.right}" for line in lines)


def word_positions(text: str, targets: Sequence[str]) -> dict[str, list[int]]:
    """For each target word or phrase, the word offsets (token indexes) where it occurs, any case.

    >>> word_positions("Kim met Noh. Kim left.", ["Kim", "Noh", "drills"])
    {'Kim': [0, 4], 'Noh': [2], 'drills': []}
    """
    text = _require_text(text, "word_positions")
    if isinstance(targets, str) or not all(isinstance(target, str) for target in targets):
        raise TokenizingError(f"word_positions() needs a list of words such as ['Kim', 'Noh'], got {one_line(targets)}.")
    tokens = words(text)
    return {target: [first for first, _ in _phrase_matches(tokens, target)] for target in targets}


# ---------------------------------------------------------------------------
# plotting
# ---------------------------------------------------------------------------


def describe_frequencies(text: str, *, top: int = 15, drop_stopwords: bool = True, stem: StemmerName | None = None) -> str:
    """The alt text of :func:`frequency_chart`: what it shows, in one line, computed from the counts.

    >>> describe_frequencies("Kim met Noh. Kim left.", top=2)
    'Bar chart of the 2 most frequent words (case folded, punctuation and stopwords removed): kim 2, left 1.'
    """
    pairs = top_words(text, top=top, drop_stopwords=drop_stopwords, stem=stem)
    removed = "punctuation and stopwords removed" if drop_stopwords else "punctuation removed"
    stemmed = f", {stem} stems" if stem else ""
    if not pairs:
        return f"Empty bar chart: no words are left once punctuation{' and stopwords are' if drop_stopwords else ' is'} removed."
    listing = ", ".join(f"{word} {count}" for word, count in pairs)
    return f"Bar chart of the {_plural(len(pairs), 'most frequent word')} (case folded, {removed}{stemmed}): {listing}."


def frequency_chart(
    text: str, *, top: int = 15, drop_stopwords: bool = True, stem: StemmerName | None = None, title: str | None = None
) -> Figure:
    """A horizontal bar chart of the ``top`` most frequent words, each bar labelled with its count.

    >>> figure = frequency_chart("Kim met Noh. Kim left.", top=2)
    >>> figure.axes[0].get_title(), figure.axes[0].get_xlabel()
    ('The 2 most frequent words', 'Count')
    """
    import matplotlib.pyplot as plt

    pairs = top_words(text, top=top, drop_stopwords=drop_stopwords, stem=stem)
    labels = [word for word, _ in pairs]
    counts = [count for _, count in pairs]
    figure, axes = plt.subplots(figsize=(7.5, 1.2 + 0.36 * max(len(pairs), 6)), layout="constrained")
    bars = axes.barh(range(len(pairs)), counts, color="#4a6fa5", edgecolor="black", linewidth=0.6)
    axes.set_yticks(range(len(pairs)), labels)
    axes.set_ylim(len(pairs) - 0.4, -0.6)  # most frequent on top, read like a ranked list
    # The count written at each bar's end carries the data without relying on colour or bar length alone.
    axes.bar_label(bars, padding=3)
    axes.set_xlim(0, max(counts, default=1) * 1.12 + 0.5)
    axes.xaxis.get_major_locator().set_params(integer=True)
    axes.set_title(title or (f"The {_plural(len(pairs), 'most frequent word')}" if pairs else "No words to count"))
    axes.set_xlabel("Count")
    axes.set_ylabel("Word (case folded" + (", no stopwords" if drop_stopwords else "") + (f", {stem} stems)" if stem else ")"))
    axes.spines[["top", "right"]].set_visible(False)
    plt.close(figure)
    return figure


def describe_dispersion(text: str, targets: Sequence[str]) -> str:
    """The alt text of :func:`dispersion_chart`: each word's count and where it first and last occurs.

    >>> describe_dispersion("Kim met Noh. Kim left.", ["Kim", "drills"])
    'Lexical dispersion plot of 2 words over 7 word positions: Kim 2 times (words 0 to 4); drills not found.'
    """
    positions = word_positions(text, targets)
    total = len(words(text))
    parts = []
    for target, found in positions.items():
        if not found:
            parts.append(f"{target} not found")
        elif len(found) == 1:
            parts.append(f"{target} once (word {found[0]})")
        else:
            parts.append(f"{target} {len(found)} times (words {found[0]} to {found[-1]})")
    return (
        f"Lexical dispersion plot of {_plural(len(positions), 'word')} over {_plural(total, 'word position')}: "
        f"{'; '.join(parts)}."
    )


def dispersion_chart(text: str, targets: Sequence[str], *, title: str | None = None) -> Figure:
    """A lexical dispersion plot: one row per target word, a mark at each word offset where it occurs.

    >>> figure = dispersion_chart("Kim met Noh. Kim left.", ["Kim", "Noh"])
    >>> [label.get_text() for label in figure.axes[0].get_yticklabels()]
    ['Kim (2)', 'Noh (1)']
    """
    import matplotlib.pyplot as plt

    positions = word_positions(text, targets)
    total = len(words(text))
    rows = list(positions.items())
    figure, axes = plt.subplots(figsize=(9, 1.3 + 0.45 * max(len(rows), 2)), layout="constrained")
    for row, (_, found) in enumerate(rows):
        # One shape and one colour for every word: the rows, labelled with the word, tell them apart.
        axes.plot(found, [row] * len(found), linestyle="none", marker="|", markersize=18, markeredgewidth=1.6, color="black")
    axes.set_yticks(range(len(rows)), [f"{target} ({len(found)})" for target, found in rows])
    axes.set_ylim(len(rows) - 0.5, -0.5)  # first word on top, in the order given
    axes.set_xlim(-0.01 * total - 1, max(total - 1, 1) + 0.01 * total + 1)  # marks at the ends stay whole
    axes.grid(axis="y", color="0.85", linewidth=0.8)
    axes.set_title(title or "Where the words occur (lexical dispersion)")
    axes.set_xlabel(f"Word offset (0 to {max(total - 1, 0)}: position in the text, in tokens)")
    axes.set_ylabel("Word (occurrences)")
    plt.close(figure)
    return figure

