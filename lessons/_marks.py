"""Lesson 3, quoting: where the quotation marks are — spans between an opening and a closing mark.

Curly and straight double quotes, single quotes as outer marks, nested quotes inside double ones, and
quotes that run over paragraphs (a paragraph opens a quote, the next reopens it) become spans with offsets;
apostrophes (’s, ’90s, O’Brien) are never taken for marks. An opening mark nothing closes is reported by
:func:`unmatched_marks`, never an error. One pass over the text: the cost is linear in its length.

>>> text = "“We are ready,” he said. Kim’s aide said ‘soon.’"
>>> [text[s.start:s.end] for s in _spans(text, [(0, len(text))])[0]]
['We are ready,', 'soon.']
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from lessons.constants import (
    DOUBLE_CLOSERS, DOUBLE_OPENERS, ELISION_PATTERN, PARAGRAPH_PATTERN, SINGLE_CLOSERS, SINGLE_OPENERS,
)
from lessons.name_words import TITLE_SMALL_WORDS
from lessons.errors import QuotingError, one_line
from lessons.reading import Article


@dataclass(frozen=True)
class _Span:
    """A pair of quote marks: ``open``/``close`` are the marks (close None when it runs on), start/end the text."""

    open: int
    start: int
    end: int
    close: int | None
    continued: bool  # the later paragraph of a quote that runs over paragraphs


def _body(source: Article | str) -> tuple[str, list[tuple[int, int]]]:
    """The body text and its paragraphs' (start, end) offsets."""
    if isinstance(source, Article):
        return source.body, [(p.start, p.end) for p in source.paragraphs]
    if isinstance(source, str):
        return source, [m.span() for m in PARAGRAPH_PATTERN.finditer(source) if not m.group().isspace()]
    raise QuotingError(f"Quotes are read from an Article or its body text (a str), not {type(source).__name__} "
                       f"{one_line(source)}: pass read_file(path) or article.body.")


# ---------------------------------------------------------------------------
# quote marks
# ---------------------------------------------------------------------------


def _opens(body: str, i: int, first: int, last: int) -> bool:
    """True when the mark at ``i`` can open a quote: before a word, after a space (or a curly opener)."""
    mark, nxt = body[i], body[i + 1] if i + 1 < last else " "
    prev = body[i - 1] if i > first else " "
    if nxt.isspace() or (mark in "‘'" and (prev.isalnum() or ELISION_PATTERN.match(body, i))):
        return False
    return mark not in "\"'" or prev.isspace() or prev in "([{—–-/“‘\"'"


def _closes(body: str, j: int, first: int, last: int) -> bool:
    """True when the mark at ``j`` can close a quote: after a non-space, before a non-letter."""
    return j > first and not body[j - 1].isspace() and (j + 1 >= last or not body[j + 1].isalnum())


def _scan(body: str, first: int, last: int, next_opens: str) -> tuple[list[_Span], list[int], str]:
    """The quotes of one paragraph, the marks left unmatched, and the family ("double", "single" or "")
    of a quote left open at its end that the next paragraph continues (``next_opens`` is its first mark)."""
    spans, stray, i = [], [], first
    no_single = no_nested = last  # from here on no closing mark exists (keeps the scan linear)
    strong = -1  # the last unambiguous closing single mark of the paragraph, found once when needed
    while i < last:
        mark = body[i]
        if mark in DOUBLE_OPENERS and _opens(body, i, first, last):
            j, curly = i + 1, mark != '"'
            while j < last:
                c = body[j]
                if c in DOUBLE_CLOSERS and (c != '"' or not curly) and _closes(body, j, first, last):
                    break
                if c in DOUBLE_OPENERS and (c != '"') == curly and _opens(body, j, first, last):
                    j = -j  # a new opening mark: this one was stray
                    break
                j += 1
            if j < 0:
                stray.append(i)
                i = -j
                continue
            if j >= last:  # open at the end of the paragraph
                if next_opens and next_opens in DOUBLE_OPENERS:
                    spans.append(_Span(i, i + 1, len(body[i + 1:last].rstrip()) + i + 1, None, False))
                    return spans, stray, "double"
                return spans, [*stray, i], ""
            spans.append(_Span(i, i + 1, j, j, False))
            i = j + 1
        elif mark in SINGLE_OPENERS and i < no_single and _opens(body, i, first, last):
            if strong < 0:
                strong = max((k for k in range(first, last) if body[k] in SINGLE_CLOSERS and
                              _closes(body, k, first, last) and body[k - 1] not in "sSnN"), default=first)
            j = i + 1
            while j < last:
                c = body[j]
                if c in DOUBLE_OPENERS and j < no_nested and _opens(body, j, first, last):
                    k = next((k for k in range(j + 1, last) if body[k] in DOUBLE_CLOSERS and
                              _closes(body, k, first, last)), None)
                    if k is None:
                        no_nested = j
                    else:
                        j = k + 1
                        continue
                if c in SINGLE_CLOSERS and j > i + 1 and _closes(body, j, first, last) and (
                        body[j - 1] not in "sSnN" or j + 1 >= last or body[j + 1] != " " or strong <= j):
                    break
                j += 1
            if j >= last:
                if next_opens and next_opens in SINGLE_OPENERS:
                    spans.append(_Span(i, i + 1, len(body[i + 1:last].rstrip()) + i + 1, None, False))
                    return spans, stray, "single"
                stray.append(i)
                no_single = i
                i += 1
                continue
            spans.append(_Span(i, i + 1, j, j, False))
            i = j + 1
        else:
            i += 1
    return spans, stray, ""


def _work_title(body: str, span: _Span) -> bool:
    """True for the title of a work or a nickname set mid-sentence in quotes: “Kind of Blue”, Lucien “Satch”."""
    words = body[span.start:span.end].split()
    return (span.close is not None and len(words) <= 8 and body[span.open - 1:span.open].isspace()
            and not any(ch in body[span.start:span.end] for ch in ",.?!;:…")
            and all(w[:1].isupper() or w.lower() in TITLE_SMALL_WORDS for w in words)
            and body[max(0, span.open - 20):span.open].rstrip()[-1:].isalnum())


def _spans(body: str, paragraphs: Sequence[tuple[int, int]]) -> tuple[list[_Span], list[int]]:
    """Every quote of the body, in order, with quotes that run on split at paragraph ends."""
    result, stray, running = [], [], ""
    for n, (first, last) in enumerate(paragraphs):
        lead = len(body[first:last]) - len(body[first:last].lstrip())
        nxt = paragraphs[n + 1][0] if n + 1 < len(paragraphs) else None
        next_opens = body[nxt:paragraphs[n + 1][1]].lstrip()[:1] if nxt is not None else ""
        found, lost, family = _scan(body, first, last, next_opens)
        if running and found and found[0].open == first + lead:
            found[0] = _Span(found[0].open, found[0].start, found[0].end, found[0].close, True)
        result += [s for s in found if any(ch.isalnum() for ch in body[s.start:s.end]) and not _work_title(body, s)]
        stray += lost
        running = family
    return result, stray


def unmatched_marks(article_or_text: Article | str) -> list[int]:
    """Offsets of opening quote marks that no closing mark answers (a typo, or an unclosed quote).

    >>> unmatched_marks("He said “yes and left.")
    [8]
    """
    body, paragraphs = _body(article_or_text)
    return _spans(body, paragraphs)[1]
