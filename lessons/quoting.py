"""Lesson 3, quoting: who speaks in the story, and in whose words?

:func:`extract_quotes` finds every quoted passage (curly or straight marks, ‘British’ single quotes, quotes
nested inside quotes, quotes that run over several paragraphs) and tells who said it, reading the speech verb
on either side ("Kim told reporters", "said Noh", "She said:", "according to …"). :func:`reported_speech`
finds indirect speech ("Noh said the two sides …"); :mod:`lessons.audit` counts who gets quoted, and how much.
Names, titles, pronouns and "the spokesperson" are resolved by :mod:`lessons.names`.

>>> text = "“We will talk,” Sen. Ana Ruiz said. “Anywhere.”\\nThe council called it “a first step.”"
>>> [(q.text, q.speaker, q.cue, q.kind) for q in extract_quotes(text)]
[('We will talk,', 'Ana Ruiz', 'said', 'full'), ('Anywhere.', 'Ana Ruiz', None, 'continuation'), \
('a first step.', 'the council', 'called', 'partial')]
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from lessons._marks import _body, _Span, _spans, unmatched_marks
from lessons._memo import per_text
from lessons._words import _tokens, _Tok
from lessons.constants import (
    CUE_VERBS, DETERMINERS, INSTITUTION_NOUNS, INVERTED_CUES, PARTICIPLE_CUES, PERSON_NOUNS, PREPOSITIONS,
    REPORTING_VERBS,
)
from lessons.errors import QuotingError
from lessons.names import (
    Resolution, SpeakerPhrase, _as_written, _nearest, described, is_institution, resolve, resolve_pronoun,
)
from lessons.speakers import find_mentions, speaker_after, speaker_before
from lessons.reading import Article
from lessons.tokenizing import sentences

#: How far (in characters) from a quote its cue and speaker are looked for; bounds the work per quote.
CUE_WINDOW: int = 400

__all__ = ["CUE_WINDOW", "QuotingError", "Quote", "Reported", "extract_quotes", "reported_speech", "unmatched_marks"]

Kind = Literal["full", "partial", "continuation"]


@dataclass(frozen=True)
class Quote:
    """A quoted passage without its marks: ``body[start:end] == text``.

    ``body[speaker_start:speaker_end]`` is where the speaker is named (the full name's mention once it is
    resolved; "A senior official" for the speaker "a senior official").
    """

    text: str
    start: int
    end: int
    speaker: str | None  # the full name when the text resolves it, else the words as written
    speaker_start: int | None  # where the speaker is named (None when the text never writes it)
    speaker_end: int | None
    cue: str | None  # the speech verb as printed: "said", "told reporters", "according to"
    kind: Kind  # full / partial (a fragment inside a sentence) / continuation (no cue of its own)


@dataclass(frozen=True)
class Reported:
    """Indirect speech: what a speaker said, in the writer's words (``body[start:end] == text``)."""

    text: str
    start: int
    end: int
    speaker: str | None
    cue: str


# ---------------------------------------------------------------------------
# attribution
# ---------------------------------------------------------------------------


class _Reader:
    """The body read once: sentences, quotes and names, for attributing quotes and reported speech."""

    def __init__(self, body: str, paragraphs: Sequence[tuple[int, int]]) -> None:
        self.body = body
        self.spans, _ = _spans(body, paragraphs)
        self.sentences = [(s.start, s.end) for s in sentences(body)] or [(0, len(body))]
        self.sentence_starts = [s for s, _ in self.sentences]
        self.marks = [(s.open, (s.close if s.close is not None else s.end) + 1) for s in self.spans]
        self.mark_starts = [s.open for s in self.spans]
        self.closes = [s.close for s in self.spans if s.close is not None]
        self.mentions = find_mentions(body, skip=self.marks)
        self.mention_starts = [m.start for m in self.mentions]
        self.cues: set[int] = set()  # where the verbs that cue a quote stand (no indirect speech)
        self.descriptions = [SpeakerPhrase(m.group(), m.start(), m.end(), "unnamed")
                             for m in _INDEFINITE_PERSON.finditer(body)]

    def sentence(self, pos: int) -> tuple[int, int]:
        """The (start, end) of the sentence holding offset ``pos``."""
        return self.sentences[max(0, bisect_right(self.sentence_starts, pos) - 1)]

    def quoted(self, pos: int) -> bool:
        """True when offset ``pos`` lies inside a quote (its marks included)."""
        k = bisect_right(self.mark_starts, pos) - 1
        return k >= 0 and self.marks[k][0] <= pos < self.marks[k][1]

    def after_quote(self, first: int, pos: int) -> int:
        """Where the text after the last quote closed in ``[first, pos)`` starts (``first`` when none)."""
        k = bisect_right(self.closes, pos - 1) - 1
        return self.closes[k] + 1 if k >= 0 and self.closes[k] >= first else first

    def verbs(self, start: int, end: int, words: frozenset[str] = CUE_VERBS) -> list[_Tok]:
        """The speech verbs in ``body[start:end]`` outside quotes ("according" stands for "according to")."""
        toks = _tokens(self.body, start, end)
        return [t for n, t in enumerate(toks) if not self.quoted(t.start) and (t.text.lower() in words or (
            t.text.lower() == "according" and n + 1 < len(toks) and toks[n + 1].text == "to"))
            and not (n and toks[n - 1].text.lower() in _NOUN_BEFORE)  # "had no say", "a call": nouns
            and not (n and toks[n - 1].text.lower() in _PASSIVE_BEFORE and not t.text.endswith("ing"))]
        # "had been told" is no telling by the subject; "is warning" is

    def cue(self, verb: _Tok) -> str:
        """The cue as printed: "told reporters" keeps its object; "according" becomes "according to"."""
        if verb.text.lower() == "according":
            return "according to"
        nxt = _tokens(self.body, verb.end, min(len(self.body), verb.end + 30))[:1]
        if verb.text.lower() == "told" and nxt and nxt[0].text.isalpha() and nxt[0].text.islower() and \
                nxt[0].text not in _NOT_AN_OBJECT:
            return self.body[verb.start:nxt[0].end]
        return verb.text

    def subject(self, verb: _Tok, depth: int = 0) -> SpeakerPhrase | int | None:
        """Who the verb's speaker is: a phrase, or the index of an earlier quote in the sentence it continues."""
        first, last = self.sentence(verb.start)
        first, last = max(first, verb.start - CUE_WINDOW), min(last, verb.end + CUE_WINDOW)
        low = verb.text.lower()
        if low == "according":
            return speaker_after(self.body, verb.end + 4, last)
        region = self.after_quote(first, verb.start)
        phrase = None if low in PARTICIPLE_CUES else speaker_before(self.body, region, verb.start)
        before = self.body[region:verb.start].rstrip()
        if phrase is None and low in INVERTED_CUES and not before.strip(" ,"):
            phrase = speaker_after(self.body, verb.end, last)  # “…,” said Noh, adding …
        elif phrase is None and low in INVERTED_CUES and before.endswith(","):
            phrase = speaker_after(self.body, verb.end, last)  # The talks failed, said Noh, a negotiator.
            if phrase is not None and self.body[phrase.end:last].lstrip()[:1] not in {",", ".", ";", ""}:
                phrase = None  # "…, said regulators had no role": no inverted speaker, a clause
        if phrase is not None and phrase.form == "inherit" and not self.verbs(first, verb.start):
            phrase = self.sentence_subject(first, verb.start) or phrase  # "X met them and urged …"
        if phrase is not None and phrase.form != "inherit":
            return phrase
        if phrase is None and low not in PARTICIPLE_CUES:
            return None
        earlier = self.verbs(first, verb.start)  # "… and warned", ", adding": the verb before decides
        if earlier and depth < 3:
            return self.subject(earlier[-1], depth + 1)
        before = bisect_right(self.mark_starts, verb.start - 1) - 1
        return before if before >= 0 and self.spans[before].open >= first else None

    def sentence_subject(self, first: int, end: int) -> SpeakerPhrase | None:
        """The person or institution that is the subject of a clause in ``body[first:end]``, if any."""
        k = bisect_right(self.mention_starts, first - 1)
        for m in self.mentions[k:k + 8]:
            if m.start >= end:
                break
            if m.subject:
                return speaker_after(self.body, m.start, m.end)
        return None

    def after_cue(self, n: int) -> tuple[str, SpeakerPhrase] | None:
        """The cue and speaker right after quote ``n``: “…,” Kim said / said Noh / according to …"""
        span, body = self.spans[n], self.body
        if span.close is None or body[span.start:span.end].rstrip().endswith("."):
            return None
        end = min(self.sentence(span.close)[1], span.close + CUE_WINDOW,
                  self.spans[n + 1].open if n + 1 < len(self.spans) else len(body))
        toks = _tokens(body, span.close + 1, end)
        toks = toks[1:] if toks and toks[0].text == "," else toks
        verbs = [k for k, t in enumerate(toks[:16]) if t.text.lower() in CUE_VERBS or
                 (t.text.lower() == "according" and k + 1 < len(toks) and toks[k + 1].text == "to")]
        depth = [0]
        for t in toks[:verbs[0] if verbs else 0]:
            depth.append(depth[-1] + (t.text == "(") - (t.text == ")"))
        if not verbs or any(t.text in ".?!;:“”\"‘’" and d <= 0 for t, d in zip(toks, depth)):
            return None  # a sentence ends before the verb (a period inside "(D-Ore.)" does not)
        verb = toks[verbs[0]]
        self.cues.add(verb.start)
        if verbs[0] == 0:
            phrase = speaker_after(body, verb.end + 3 * (verb.text.lower() == "according"), end)
        else:
            phrase = speaker_before(body, toks[0].start, verb.start)
        return (self.cue(verb), phrase) if phrase is not None and phrase.form != "inherit" else None

    def attribute(self, n: int) -> tuple[Kind, str | None, SpeakerPhrase | int | None]:
        """The kind, cue and speaker (a phrase, or the index of the quote it continues) of quote ``n``."""
        span, body = self.spans[n], self.body
        after = self.after_cue(n)
        if span.continued:
            return ("continuation", *after) if after else ("continuation", None, n - 1)
        first = max(self.sentence(span.open)[0], span.open - CUE_WINDOW)
        head = body[first:span.open].strip(" “‘\"'([—–-")
        if after:
            return ("partial" if head else "full"), *after
        if head and head[-1] in ":,":  # She said: “…”
            verbs = self.verbs(max(first, span.open - CUE_WINDOW // 3), span.open)
            if verbs and n and verbs[-1].start in self.cues:
                return "continuation", None, n - 1  # “The first half,” Kim said, “and the second.”
            if verbs:
                self.cues.add(verbs[-1].start)
                return "full", self.cue(verbs[-1]), self.subject(verbs[-1])
        if head:
            verbs = self.verbs(first, span.open)
            return ("partial", self.cue(verbs[-1]), self.subject(verbs[-1])) if verbs else ("partial", None, None)
        introduced = self.introduced(span.open)  # Noh disagreed. “It is too early.”
        if introduced is not None:
            return "full", None, introduced
        return ("continuation", None, n - 1) if n else ("full", None, None)

    def introduced(self, pos: int) -> SpeakerPhrase | None:
        """The subject of the sentence before ``pos`` in its paragraph, when that sentence quotes no one."""
        first, _ = self.sentence(pos)
        prev_first, prev_last = self.sentence(first - 1) if first else (0, 0)
        if not first or prev_last >= pos or "\n" in self.body[prev_last:first] or self.after_quote(
                prev_first, first) > prev_first or self.quoted(prev_first):
            return None
        toks = _tokens(self.body, prev_first, min(prev_last, prev_first + CUE_WINDOW))
        if toks and toks[0].text.lower() in {"he", "she"}:
            return speaker_after(self.body, toks[0].start, toks[0].end)
        k = bisect_right(self.mention_starts, prev_first - 1)
        subject = next((m for m in self.mentions[k:k + 8] if m.start < prev_last and m.subject), None)
        if subject is None or subject.kind == "institution":
            return None
        return speaker_after(self.body, subject.start, subject.end)

    def reports(self) -> list[tuple[int, int, str, SpeakerPhrase, int]]:
        """Indirect speech: (start, end, cue, speaker phrase, verb offset) for "Noh said the two sides …",
        "…, the company said." and "…, according to X." (a quote's own cue is none)."""
        body, found = self.body, []
        for first, last in self.sentences:
            end = last - (body[first:last].rstrip()[-1:] in ".!?")
            for verb in self.verbs(first, last, REPORTING_VERBS):
                stop = min(end, verb.end + 4 * CUE_WINDOW)  # bounded, even in a sentence with no end
                phrase = self.subject(verb) if verb.start not in self.cues else None
                if not isinstance(phrase, SpeakerPhrase):
                    continue  # a quote's own cue, or no speaker
                cue, lo = self.cue(verb), max(first, verb.start - 4 * CUE_WINDOW)
                comma = body.rfind(",", lo, verb.start)
                rest = body[verb.start + len(cue):stop].split()
                if cue == "according to":  # "…, according to X." or "According to X, …"
                    comma_after = body.find(",", phrase.end, stop)
                    span = (lo, comma) if comma > lo else (comma_after + 1, stop) if comma_after > 0 else None
                elif comma > lo and phrase.start > comma and (len(rest) < 6 and "that" not in rest or
                                                              phrase.start >= verb.end or _adjunct(rest)):
                    span = (lo, comma)  # "No injuries were reported, the company said." / ", said Choi, a …"
                else:
                    toks = _tokens(body, verb.start + len(cue), stop)
                    that = next((k for k, t in enumerate(toks[:8]) if t.text.lower() == "that"), None)
                    if that is not None and not any(t.text.lower() in CUE_VERBS for t in toks[:that]):
                        toks = toks[that + 1:]  # "said in a statement that …"
                    while toks and toks[0].text.lower() in _TIME_WORDS:
                        toks = toks[1:]  # "said Tuesday the …"
                    clause = toks and toks[0].text[:1].isalnum() and toks[0].text.lower() not in PREPOSITIONS
                    span = (toks[0].start, stop) if clause else None  # "conceded in a statement": no content
                if span is not None and body[span[0]:span[1]].strip():
                    start = span[0] + len(body[span[0]:span[1]]) - len(body[span[0]:span[1]].lstrip())
                    found.append((start, span[1], cue, phrase, verb.start))
        return found


class _Resolver:
    """Resolves speaker phrases in document order, remembering who spoke last and their gender."""

    def __init__(self, reader: _Reader) -> None:
        self.reader = reader
        self.history: list[tuple[int, str]] = []
        self.genders: dict[str, str] = {}

    def __call__(self, phrase: SpeakerPhrase, at: int) -> Resolution | None:
        """The resolution of ``phrase`` (None for a description named only later: see :meth:`later`)."""
        mentions = self.reader.mentions
        if phrase.form == "name":
            result = resolve(phrase.text, mentions, at=phrase.start, title=phrase.title, speakers=self.history)
            if result.how == "as written":
                result = Resolution(result.name, phrase.start, phrase.start + len(result.name), "as written")
        elif phrase.form == "pronoun":
            result = resolve_pronoun(phrase.text, mentions, at=min(at, phrase.start), speakers=self.history,
                                     genders=self.genders, sentence_starts=self.reader.sentence_starts)
            if result.how == "pronoun":
                self.genders.setdefault(result.name, {"he": "m", "she": "f"}[phrase.text.lower()])
            else:
                result = Resolution(phrase.text, phrase.start, phrase.end, "as written")
        else:
            result = described(phrase, mentions, self.reader.descriptions) if phrase.definite else None
            first, head = phrase.text.split()[0].lower(), phrase.text.split()[-1].lower()
            if result is None and (not phrase.definite or head in INSTITUTION_NOUNS or first in _NOT_CATAPHORIC):
                result = Resolution(_as_written(phrase.text), phrase.start, phrase.end, "as written")
        if result is not None and (result.how != "as written" or phrase.form == "name" or (
                phrase.form == "unnamed" and not phrase.definite)):  # "One resident … said she": she is next
            self.history.append((phrase.start, result.name))
        return result

    def later(self, phrase: SpeakerPhrase) -> Resolution:
        """A description with no antecedent ("Seoul’s chief negotiator said …"): the next person named as
        speaking, as a lede names its speaker a paragraph or two later."""
        history = sorted(self.history)
        for pos, name in history[bisect_right(history, (phrase.start, "\uffff")):][:50]:
            if len(name.split()) > 1 and name[:1].isupper() and not is_institution(name, self.reader.mentions):
                return Resolution(name, *_nearest(name, self.reader.mentions, pos), "named later")
        return Resolution(_as_written(phrase.text), phrase.start, phrase.end, "as written")


def _attribute(source: Article | str) -> tuple[str, list[_Span], list[tuple[Kind, str | None, Resolution | None]],
                                              list[Reported], list[tuple[str, int, int, str]]]:
    """The body, its quotes with (kind, cue, speaker), its reported speech, and the pronouns and descriptions
    that named a speaker, resolved in one pass."""
    body, paragraphs = _body(source)
    return _attributed(body, tuple(paragraphs))


@per_text(maxsize=8)  # the lessons ask one text for quotes, reported speech, people and sources in turn
def _attributed(body: str, paragraphs: tuple[tuple[int, int], ...]) -> tuple[
        str, list[_Span], list[tuple[Kind, str | None, Resolution | None]], list[Reported],
        list[tuple[str, int, int, str]]]:
    reader = _Reader(body, paragraphs)
    said = [reader.attribute(n) for n in range(len(reader.spans))]
    for n, (kind, cue, who) in enumerate(said):  # a quote over paragraphs cued only at its end:
        if kind == "continuation" and isinstance(who, SpeakerPhrase):  # the cue goes to its first paragraph
            first = n
            while reader.spans[first].continued and first > 0:
                first -= 1
            if said[first][1] is None:
                said[first] = ("full" if said[first][0] == "continuation" else said[first][0], cue, who)
            said[n] = ("continuation", None, n - 1)
    reports = reader.reports()
    events = sorted([(s.open, 0, n) for n, s in enumerate(reader.spans)] +
                    [(r[4], 1, k) for k, r in enumerate(reports)])
    resolver, found, heard = _Resolver(reader), [None] * len(said), [None] * len(reports)
    for at, is_report, n in events:  # in text order, so that "the person last named as speaking" is known
        who = reports[n][3] if is_report else said[n][2]
        if isinstance(who, SpeakerPhrase):
            resolved = resolver(who, at)
        else:
            resolved = found[who] if isinstance(who, int) else None
        (heard if is_report else found)[n] = resolved
    for results, phrases in ((found, [w for _, _, w in said]), (heard, [r[3] for r in reports])):
        for n, phrase in enumerate(phrases):  # a lede's "Seoul’s chief negotiator" is named by those who follow
            if results[n] is None and isinstance(phrase, SpeakerPhrase):
                results[n] = resolver.later(phrase)
    for n, span in enumerate(reader.spans):  # "Hoa said the switch added “about a week”": the report's speaker
        if found[n] is None and said[n][0] == "partial":
            around = [k for k, r in enumerate(reports) if r[0] <= span.open < r[1] and heard[k] is not None]
            found[n] = heard[around[-1]] if around else None
    for n, (_, _, who) in enumerate(said):
        if isinstance(who, int):
            found[n] = found[who]
    quotes = [(kind, cue, resolved) for (kind, cue, _), resolved in zip(said, found)]
    reported = [Reported(body[s:e], s, e, r.name if r else None, cue) for (s, e, cue, _, _), r in zip(reports, heard)]
    referring = [(p.text, p.start, p.end, r.name) for p, r in
                 [*zip([w for _, _, w in said], found), *zip([r[3] for r in reports], heard)]
                 if isinstance(p, SpeakerPhrase) and p.form in ("pronoun", "unnamed") and p.definite | (p.form == "pronoun")
                 and r is not None]
    return body, reader.spans, quotes, reported, referring


def _adjunct(rest: list[str]) -> bool:
    """True when what follows a speech verb is where or when it was said, not what: "at a briefing …"."""
    words = [w.lower().strip(",.") for w in rest[:3]]
    while words and words[0] in _TIME_WORDS:
        words = words[1:]
    return bool(words) and words[0] in PREPOSITIONS and words[0] != "that" and "that" not in words[1:3]


def extract_quotes(article_or_text: Article | str) -> list[Quote]:
    """Every quoted passage of an article (or of its body text), with its speaker, cue and kind.

    Unbalanced marks never raise: a mark that nothing closes is left out (see :func:`unmatched_marks`).

    >>> [q.text for q in extract_quotes("Rock ’n’ roll in the ’90s: O’Brien’s ‘best’ year, he said.")]
    ['best']
    >>> q = extract_quotes("“Call me,” said Dr. Min Ji-hoon, who leads the team.")[0]
    >>> q.speaker, q.cue, q.kind
    ('Min Ji-hoon', 'said', 'full')
    """
    body, spans, quotes, _, _ = _attribute(article_or_text)
    return [Quote(body[s.start:s.end], s.start, s.end, who.name if who else None, who.start if who else None,
                  who.end if who else None, cue, kind) for s, (kind, cue, who) in zip(spans, quotes)]


def speaker_references(article_or_text: Article | str) -> list[tuple[str, int, int, str]]:
    """The pronouns and descriptions that name a speaker, with who they name: ("he", 120, 122, "Sung Kim").

    >>> speaker_references("“Soon,” said Sung Kim. “Very soon,” he added.")
    [('he', 36, 38, 'Sung Kim')]
    """
    return sorted(set(_attribute(article_or_text)[4]), key=lambda r: r[1])


def reported_speech(article_or_text: Article | str) -> list[Reported]:
    """Indirect speech: "Noh said the two sides talked …", "…, the company said." and "…, according to X."

    >>> [(r.text, r.speaker, r.cue) for r in reported_speech("Gov. Ana Ruiz said the dam would hold.")]
    [('the dam would hold', 'Ana Ruiz', 'said')]
    """
    return list(_attribute(article_or_text)[3])


_INDEFINITE_PERSON = re.compile(rf"\b(?:[Aa]n?|[Aa]nother|[Oo]ne)\s+(?:[\w’'-]+\s+){{0,3}}?"
                                rf"(?:{'|'.join(sorted(PERSON_NOUNS, key=len, reverse=True))})\b")
_NOT_AN_OBJECT = DETERMINERS | PREPOSITIONS | {"that"}
_NOUN_BEFORE = DETERMINERS - {"that", "one", "two", "three", "four"} | {"no", "final", "last", "any"}
_PASSIVE_BEFORE = frozenset({"been", "be", "being", "was", "were", "is", "are", "get", "got", "gets"})
_NOT_CATAPHORIC = DETERMINERS - {"the"}  # "her brother" is no lede's "Seoul’s chief negotiator"
_TIME_WORDS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
                         "today", "yesterday", "on", "late", "early", "evening", "morning", "afternoon",
                         "night"})


def __getattr__(name: str) -> object:
    # The audit builds on this module, so it lives in lessons.audit; the old names still work.
    if name in ("Source", "sourcing"):
        from lessons import audit

        return getattr(audit, name)
    raise AttributeError(f"module 'lessons.quoting' has no attribute {name!r}")
