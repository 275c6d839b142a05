"""Lesson 3, quoting: who is named — person names, the phrase that names a speaker, and who "Kim" or "she" is.

News names a person in full once ("Sen. Ana Ruiz, chair of the panel,"), then by surname ("Ruiz said") or
pronoun ("she said"). :mod:`lessons.speakers` finds the names in a text and reads the phrase that names a speaker before
or after a speech verb; this module reads one name (titles and appositives off, family name) and resolves a
surname or pronoun to a full-name mention (:func:`resolve`). When the text does not decide, it keeps the name
as written instead of guessing.

>>> person_name("Sen. Ana Ruiz, chair of the energy committee")
'Ana Ruiz'
>>> family_name("Min Ji-hoon"), family_name("Ana Ruiz"), family_name("Tom Delgado-Ruiz")
('Min', 'Ruiz', 'Delgado-Ruiz')
>>> from lessons.speakers import find_mentions
>>> text = "Gov. Ana Ruiz met Pat Lee on Monday. Ruiz said the talks went well."
>>> resolve("Ruiz", find_mentions(text), at=text.index("Ruiz said")).name
'Ana Ruiz'
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from lessons._words import _POSSESSIVE, _bare, _capitalized, _Tok
from lessons.constants import (
    AFTER_TIME_WORDS, CUE_ADVERBS, CUE_VERBS, DETERMINERS, INSTITUTION_NOUNS, PERSON_NOUNS, PREPOSITIONS,
    SENTENCE_STARTERS, SPEAKER_PRONOUNS, SUBORDINATORS,
)
from lessons.name_words import (
    COMPASS_WORDS, EAST_ASIAN_FAMILY_NAMES, GOVERNMENT_PLACES, INSTITUTION_HEADS, IRREGULAR_PAST_VERBS,
    LEGAL_SUFFIXES, NAME_PARTICLES, NAME_SUFFIXES, NAME_TITLES, ORGANIZATION_WORDS, PLACE_WORDS, ROLE_MODIFIERS,
)

__all__ = [
    "Mention", "Resolution", "SpeakerPhrase", "described", "family_name", "is_institution",
    "person_name", "resolve", "resolve_pronoun",
]

Kind = Literal["person", "institution", "unknown"]
Form = Literal["name", "pronoun", "unnamed", "inherit"]


@dataclass(frozen=True)
class Mention:
    """A capitalized name in the text, without its title: ``text[start:end] == mention.text``."""

    text: str
    start: int
    end: int
    kind: Kind  # person, institution (also a capital standing for its government), or unknown (one word)
    title: str = ""  # "Deputy Foreign Minister", "Dr."
    role: str = ""  # the words around it that say who it is: "chief nuclear envoy", "the US envoy"
    possessive: bool = False  # "Kim Jong-un’s offer": never a speaker candidate
    subject: bool = False  # the subject of its clause ("Noh said", "Sung Kim, the envoy, held talks")
    gender: str | None = None  # "m" or "f" when a title or role says so


@dataclass(frozen=True)
class SpeakerPhrase:
    """The words that name a speaker next to a speech verb: a name, a pronoun or an unnamed description."""

    text: str
    start: int
    end: int
    form: Form  # "inherit": the verb has no subject of its own ("… and warned"), it takes the one before
    title: str = ""
    definite: bool = False  # "the spokesperson", "Seoul’s chief negotiator": someone named elsewhere


@dataclass(frozen=True)
class Resolution:
    """Who a speaker phrase means; ``start``/``end`` locate ``name`` in the text (None when not written)."""

    name: str
    start: int | None
    end: int | None
    how: str  # "full name", "surname", "title", "last speaker", "pronoun", "as written", …


_KOREAN_GIVEN = re.compile(r"[A-Z][a-z]*-[a-z]+")
_STARTERS = SENTENCE_STARTERS | AFTER_TIME_WORDS | {"said", "says", "asked"}
_VERBISH = CUE_VERBS | CUE_ADVERBS | IRREGULAR_PAST_VERBS | {"is", "are", "was", "were", "be", "been", "to"}
_PRONOUNS = frozenset(SPEAKER_PRONOUNS) | {"you", "me", "him", "her", "us", "them"}
_NO_SUBJECT_AFTER = PREPOSITIONS | _VERBISH | _PRONOUNS
_NOT_A_VERB = PREPOSITIONS | DETERMINERS | SUBORDINATORS
_ROLE_HEADS = PERSON_NOUNS | NAME_TITLES
_ROLE_WORDS = _ROLE_HEADS | ROLE_MODIFIERS
_ROLE_STOPS = PREPOSITIONS | SUBORDINATORS | _VERBISH | DETERMINERS
_PHRASE_STOPS = PREPOSITIONS | SUBORDINATORS | _VERBISH
_HEADS = PERSON_NOUNS | INSTITUTION_NOUNS
_CLAUSE_OPENERS = SUBORDINATORS - {"and", "or"} | CUE_VERBS  # "which Pyongyang", "Odile said her brother"
_NOT_PERSONS = ORGANIZATION_WORDS | PLACE_WORDS | GOVERNMENT_PLACES
COMPOUND_ENDS = frozenset({"based", "born", "like", "led", "run", "owned", "backed", "made", "wide", "style", "era",
                            "level", "class", "free", "bound", "funded", "linked", "area"})  # "Seoul-based"
_REACH = 40  # tokens a clause or an inserted clause is followed for (keeps the cost linear)


def _run_end(toks: Sequence[_Tok], i: int, text: str) -> int:
    """The index after the run of capitalized words (with particles and initials) that starts at ``i``."""
    j = i + 1
    while j < len(toks) and text[toks[j - 1].end:toks[j].start] == " " and (
            not _POSSESSIVE.search(toks[j - 1].text) or _plural_possessive_in_a_name(toks, j)):
        nxt = toks[j]
        if toks[j - 1].text.endswith(".") and _bare(nxt.text) in SENTENCE_STARTERS:
            break  # "… Lucien Batiste Jr. The church …": the abbreviation ended the sentence
        if _capitalized(nxt) or (nxt.text in NAME_PARTICLES and j + 1 < len(toks) and (_capitalized(toks[j + 1]) or (
                toks[j + 1].text in NAME_PARTICLES and j + 2 < len(toks) and _capitalized(toks[j + 2])))):
            # "Sousa e Castro", "Ortega de la Fuente"
            j += 1
        else:
            break
    return j


def _plural_possessive_in_a_name(toks: Sequence[_Tok], j: int) -> bool:
    """True when a plural possessive goes on into a body's name: "Railway Workers’ Union"."""
    return toks[j - 1].text[-1:] in "’'" and toks[j - 1].text[-2:-1] == "s" and _bare(toks[j].text) in ORGANIZATION_WORDS


def _split_title(words: Sequence[str]) -> int:
    """How many of ``words`` are a title before the name: "Deputy Foreign Minister Igor Morgulov" → 3."""
    last = -1
    for k, word in enumerate(words[:-1]):
        if _bare(word) in NAME_TITLES or _bare(word) in PERSON_NOUNS:  # "Analyst Paul Moss"
            last = k
    return last + 1


def person_name(phrase: str) -> str:
    """A name without its title and appositive: "Dr. Min Ji-hoon, who …" → "Min Ji-hoon".

    >>> person_name("Deputy Foreign Minister Igor Morgulov"), person_name("Judge Harold P. Quinn Jr.")
    ('Igor Morgulov', 'Harold P. Quinn Jr.')
    """
    head = re.split(r",| (?:of|who|from|at)\b|\(", phrase, maxsplit=1)[0].split()
    head = head[_split_title(head):]
    return _POSSESSIVE.sub("", " ".join(head))


def family_name(name: str) -> str:
    """The family name: the first word before a Korean-style given name ("Noh Kyu-duk"); from the word before a
    particle in a compound one ("Ortega de la Fuente", "van Beethoven"); else the last word."""
    words = [w for w in name.split() if _bare(w) not in NAME_SUFFIXES and not re.fullmatch(r"[A-Z]\.", w)]
    if not words:
        return name
    if len(words) > 1 and _KOREAN_GIVEN.fullmatch(words[1]):
        return words[0]
    particle = next((k for k in range(1, len(words) - 1) if words[k] in NAME_PARTICLES), None)
    if particle is not None:  # "Javier Ortega de la Fuente", "Joana Sousa e Castro", "Ludwig van Beethoven"
        return " ".join(words[max(1, particle - 1) if particle > 1 and len(words) > 3 else particle:])
    return words[-1]


def _family_names(name: str) -> tuple[str, str | None]:
    """The family name, and a second reading for East Asian order without a hyphen ("Kim Yo Jong")."""
    words = name.split()
    other = words[0] if len(words) > 1 and words[0].lower() in EAST_ASIAN_FAMILY_NAMES else None
    return family_name(name), other


def _kind(words: Sequence[str]) -> Kind:
    """Person, institution (an organization, a place, an acronym) or unknown (one word) for a name's words."""
    text = " ".join(words)
    if "&" in words:
        return "institution"  # "Thackeray & Booth"
    if any(_KOREAN_GIVEN.fullmatch(w) and w.split("-")[1] not in COMPOUND_ENDS for w in words):
        return "person"  # "Min-seo Park", "Noh Kyu-duk"; not "Seoul-based"
    parts = [_bare(p) for w in words for p in w.split("-")]
    if len(words) > 2 and any(w in NAME_PARTICLES for w in words[1:-1]) and words[0][:1].isupper() and \
            parts[-1] not in _NOT_PERSONS and _bare(text) not in GOVERNMENT_PLACES:
        return "person"  # "Beatriz Lima e Costa": a particle makes a person's name of a place's word
    if _bare(text) in GOVERNMENT_PLACES or any(p in _NOT_PERSONS for p in parts):
        return "institution"
    if len(words) > 1 and parts[0] in COMPASS_WORDS:
        return "institution"  # a place or a people: "North Korean", "South Jeolla"
    if all(w.replace(".", "").isupper() and len(w) > 1 for w in words):
        return "institution"  # an acronym: ROK, NEC
    return "person" if len(words) > 1 else "unknown"


def is_institution(name: str, mentions: Sequence[Mention] = ()) -> bool:
    """True for an organization, an acronym or a capital standing for a government.

    >>> is_institution("Pyongyang"), is_institution("Keystone Screening Inc."), is_institution("Ana Ruiz")
    (True, True, False)
    """
    words = name.split()
    if words and words[0].lower() in DETERMINERS:
        return words[-1].lower() in INSTITUTION_NOUNS
    return _kind(words) == "institution" or name in _index(mentions).institution_names




# ---------------------------------------------------------------------------
# resolution: a surname, a pronoun or a description to a full name
# ---------------------------------------------------------------------------


_NEAR = 250  # characters: a full name this close before a surname is the one it repeats
_LOOK_BACK = 50  # how many earlier subjects, speakers or descriptions a resolution weighs (keeps it linear)


class _Index:
    """Look-up tables over one list of mentions, built once per list."""

    def __init__(self, mentions: Sequence[Mention]) -> None:
        self.mentions = mentions
        self.spots: dict[str, list[int]] = {}
        for m in mentions:
            self.spots.setdefault(m.text, []).append(m.start)
        self.full = [m for m in mentions if m.kind == "person" and not m.possessive and len(m.text.split()) > 1]
        self.full_starts = [m.start for m in self.full]
        self.full_names = {m.text for m in self.full}
        self.families: tuple[dict[str, set[str]], dict[str, set[str]]] = ({}, {})
        for m in self.full:
            for reading, family in enumerate(_family_names(m.text)):
                if family:
                    self.families[reading].setdefault(family, set()).add(m.text)
        self.roles: dict[str, str] = {}
        for m in self.full:
            self.roles[m.text] = f"{self.roles.get(m.text, '')} {m.role}"
        self.subjects = [m for m in mentions if m.subject and m.kind != "institution"]
        self.subject_starts = [m.start for m in self.subjects]
        self.institutions = [m for m in mentions if m.kind == "institution"]
        self.institution_starts = [m.start for m in self.institutions]
        self.institution_names = {m.text for m in self.institutions}


_CACHE: list[object] = [None, None]


def _index(mentions: Sequence[Mention]) -> _Index:
    """The look-up tables of ``mentions``, kept for the last list asked about."""
    if _CACHE[0] is not mentions:
        _CACHE[:] = [mentions, _Index(mentions)]
    return _CACHE[1]  # type: ignore[return-value]


def _nearest(name: str, mentions: Sequence[Mention], at: int) -> tuple[int | None, int | None]:
    """The offsets of the mention of ``name`` nearest before ``at`` (else the first after)."""
    spots = _index(mentions).spots.get(name)
    if not spots:
        return None, None
    start = spots[max(0, bisect_right(spots, at) - 1)]
    return start, start + len(name)


def _given(name: str) -> str:
    """The given name: "Odile" of "Odile Batiste", "Kyu-duk" of "Noh Kyu-duk"."""
    words = name.split()
    return words[1] if words[0] == family_name(name) else words[0]


def resolve(surface: str, mentions: Sequence[Mention], *, at: int, title: str = "",
            speakers: Sequence[tuple[int, str]] = ()) -> Resolution:
    """The full name that ``surface`` (a name as written before a speech verb) means at offset ``at``.

    A surname resolves to the one full-name mention with that family name (a possessive such as
    "Kim Jong-un’s offer" is no candidate). When several people share it, the title or role written with
    it decides; then news style (the one never called by a given name alone: "Odile said" leaves "Batiste"
    to her brother); then the person last named as speaking (``speakers``: offset and name of each earlier
    speaker). Otherwise the surname is kept as written.

    >>> from lessons.speakers import find_mentions, speaker_before
    >>> text = "Sung Kim met Kim Jong-un. “Yes,” Kim said."
    >>> resolve("Kim", find_mentions(text), at=text.index("Kim said")).how
    'as written'
    >>> resolve("Kim", find_mentions(text), at=36, speakers=[(30, "Sung Kim")]).name
    'Sung Kim'
    """
    name, index = person_name(surface), _index(mentions)
    compound = [c for c in index.families[0].get(name, ()) if c != name] if " " in name else []
    if len(compound) == 1 and (_nearest(compound[0], mentions, at)[0] or 0) < at:
        return Resolution(compound[0], *_nearest(compound[0], mentions, at), "surname")  # "Ortega de la Fuente"
    if len(name.split()) > 1 or not name:
        return Resolution(name, *_nearest(name, mentions, at), "full name")
    candidates = sorted(index.families[0].get(name) or index.families[1].get(name) or ())
    earlier = [c for c in candidates if (_nearest(c, mentions, at)[0] or 0) < at]
    candidates = earlier  # a surname points back to someone named before it
    if not candidates:
        candidates = sorted(c for c in index.full_names if _given(c) == name and (_nearest(c, mentions, at)[0] or 0)
                            < at and not is_institution(c, mentions))
        if len(candidates) == 1:  # "Zoe didn’t hesitate": a given name alone, as news uses for children
            return Resolution(candidates[0], *_nearest(candidates[0], mentions, at), "given name")
    picks: list[tuple[str, list[str]]] = [("surname", candidates)]
    if len(candidates) > 1:
        picks.append(("title", [c for c in candidates if title and _bare(title) in map(_bare, index.roles[c].split())]))
        picks.append(("news style", [c for c in candidates if _given(c) not in index.spots]))
        recent = [n for p, n in list(speakers)[::-1][:_LOOK_BACK] if p < at and n in candidates][:1]
        picks.append(("last speaker", recent))
        near = [c for c in candidates if (_nearest(c, mentions, at)[0] is not None and
                                          at - _nearest(c, mentions, at)[0] < _NEAR)]  # type: ignore[operator]
        subjects = {m.start for m in index.subjects}
        if len(near) == 1 and _nearest(near[0], mentions, at)[0] in subjects:  # the only one named in full
            picks.insert(2, ("just named", near))  # lately: "Park Ji-hoon, …, sided with …. “…,” Park said."
    for how, chosen in picks:
        if len(chosen) == 1:
            return Resolution(chosen[0], *_nearest(chosen[0], mentions, at), how)
    return Resolution(name, None, None, "as written")


def resolve_pronoun(pronoun: str, mentions: Sequence[Mention], *, at: int,
                    speakers: Sequence[tuple[int, str]] = (), genders: dict[str, str] | None = None,
                    sentence_starts: Sequence[int] = ()) -> Resolution:
    """The person a "he" or "she" before offset ``at`` means: the latest subject or speaker of that gender.

    Given the sentences' start offsets, the latest *sentence* wins, and within it the first subject or
    speaker: "Kim, a painter, said she quit after a supervisor told her crew …" makes "she" Kim, not the
    supervisor of the clause inside.

    >>> from lessons.speakers import find_mentions, speaker_before
    >>> text = "Ana Ruiz met Pat Lee. Lee left early. “No,” he said."
    >>> resolve_pronoun("he", find_mentions(text), at=text.index("“No"), genders={"Ana Ruiz": "f"}).name
    'Pat Lee'
    """
    want, index = SPEAKER_PRONOUNS.get(pronoun.lower()), _index(mentions)
    if pronoun.lower() not in {"he", "she"}:
        return Resolution(pronoun, None, None, "as written")
    genders = dict(genders or {})
    candidates = [(p, n) for p, n in list(speakers)[::-1][:_LOOK_BACK] if p < at]
    last = bisect_right(index.subject_starts, at)
    for m in index.subjects[max(0, last - _LOOK_BACK):last]:
        if m.end <= at:
            resolved = resolve(m.text, mentions, at=m.start, speakers=speakers)
            if resolved.how != "as written" or m.kind == "person":
                candidates.append((m.start, resolved.name))
                if m.gender:
                    genders.setdefault(resolved.name, m.gender)
    last = bisect_right(index.full_starts, at)  # then any person named before: "Ana Ruiz met Pat Lee."
    others = [(-1, m.text) for m in index.full[max(0, last - _LOOK_BACK):last][::-1] if m.end <= at]
    def latest_sentence_first(candidate: tuple[int, str]) -> tuple[int, int]:
        return -bisect_right(sentence_starts, candidate[0]), candidate[0]

    ordered = sorted(candidates, key=latest_sentence_first) if sentence_starts else sorted(candidates, reverse=True)
    for _, name in [*ordered, *others]:
        if genders.get(name) in (None, want) and not is_institution(name, mentions):  # "she" is no ministry
            return Resolution(name, *_nearest(name, mentions, at), "pronoun")
    return Resolution(pronoun, None, None, "as written")


def described(phrase: SpeakerPhrase, mentions: Sequence[Mention],
              descriptions: Sequence[SpeakerPhrase] = ()) -> Resolution | None:
    """Who "the spokesperson", "the Korean envoy" or "the company" is, or None when the text does not say.

    An earlier "a spokesperson" (``descriptions``, in text order), a person whose role fits ("South Korea’s
    chief nuclear envoy Noh Kyu-duk") or an institution of that kind ("Vireo Corp."): the latest one.

    >>> from lessons.speakers import find_mentions, speaker_before
    >>> text = "A spokesperson for the office said no. The spokesperson said yes."
    >>> first = speaker_before(text, 0, text.index(" said"))
    >>> second = speaker_before(text, text.index("The"), text.rindex(" said"))
    >>> described(second, find_mentions(text), [first]).name
    'a spokesperson'
    """
    words, index = [_bare(w) for w in phrase.text.split()], _index(mentions)
    head, modifiers = words[-1], [w for w in words[1:-1] if w not in DETERMINERS]

    def fits(role: str) -> bool:
        """True when ``role`` has the head noun and every modifier ("Korean" fits "South Korea’s")."""
        role_words = [_bare(w) for w in role.split()]
        return head in role_words and all(any(r[:5] == m[:5] for r in role_words) for m in modifiers)

    last = bisect_right([d.start for d in descriptions], phrase.start - 1)
    found = [(d.start, _as_written(d.text), d.start, d.end) for d in descriptions[max(0, last - _LOOK_BACK):last]
             if not d.definite and fits(d.text)]
    last = bisect_right(index.full_starts, phrase.start - 1)
    found += [(m.start, m.text, m.start, m.end) for m in index.full[max(0, last - _LOOK_BACK):last] if fits(m.role)]
    if found:
        _, name, start, end = max(found)
        return Resolution(name, start, end, "description")
    kinds = INSTITUTION_HEADS.get(head, frozenset())
    last = bisect_right(index.institution_starts, phrase.start - 1)
    earlier = index.institutions[max(0, last - _LOOK_BACK):last]
    named = [m for m in earlier if kinds & {_bare(w) for w in m.text.split()}]
    if not named:
        return None  # "the company" is the story's company: the one named most often so far
    counts = {m.text: sum(e.text.split()[0] == m.text.split()[0] for e in earlier) for m in named}
    best = max(named, key=lambda m: (counts[m.text], -m.start))
    short = " ".join(w for w in best.text.split() if _bare(w) not in LEGAL_SUFFIXES) or best.text
    return Resolution(short, best.start, best.start + len(short) if best.text.startswith(short) else best.end,
                      "description")


def _as_written(phrase: str) -> str:
    """An unnamed speaker as cited mid-sentence: "A senior official" → "a senior official"."""
    first, _, rest = phrase.partition(" ")
    return f"{first.lower()} {rest}" if first.lower() in DETERMINERS and rest else phrase
