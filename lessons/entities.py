"""Lesson 5, contextualizing: the named people, places and organizations of a story, and which names are one actor.

:func:`entities` labels every name in the body PERSON, GPE (countries, states, cities — also a capital that
stands for its government), ORG or LOC (places that are not polities), offline: the names come from
:func:`lessons.speakers.find_mentions` (the quoting lesson's names, titles left out), the people from
:func:`lessons.contextualizing.people`, and the rest from the team's gazetteers (:mod:`lessons._gazetteer`),
the words a name ends in ("Ministry", "Corp.", "River") and the acronyms the story defines.

:func:`aliases` groups the names of one actor: a country, its abbreviations and official name, its capital
when the text uses the capital for the government (metonymy: "Pyongyang rejected the offer"), "the North",
"the regime"; an acronym and its expansion; a company and its short name; "U.S." and "US". Each member says
why it joined.

>>> [(e.text, e.label) for e in entities("Pyongyang rejected the offer, the DPRK’s envoy said in Geneva.")]
[('Pyongyang', 'GPE'), ('DPRK', 'GPE'), ('Geneva', 'GPE')]
>>> [(a.name, a.names) for a in aliases("North Korea fired a missile. Pyongyang said the North would go on.")]
[('North Korea', ('North Korea', 'Pyongyang', 'the North'))]
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from lessons._gazetteer import GPE_HEADS, LOC_HEADS, NO_ENTITY_HEADS, ORG_HEADS, gazetteer, head_label, key, stopwords
from lessons._memo import per_text
from lessons.constants import PREPOSITIONS, SENTENCE_STARTERS
from lessons.name_words import NAME_TITLES
from lessons.contextualizing import _body, _one_off, acronym_flags, acronyms, people
from lessons.names import COMPOUND_ENDS
from lessons.speakers import find_mentions

__all__ = ["Alias", "Entity", "aliases", "entities"]


@dataclass(frozen=True)
class Entity:
    """One name in the body: ``text == body[start:end]``, its label, and the actor it names (``cluster``)."""

    text: str
    label: str  # PERSON, GPE, ORG or LOC
    start: int
    end: int
    cluster: str  # the name its alias cluster goes by, or its own text (a person's full name for a person)


@dataclass(frozen=True)
class Alias:
    """The names of one actor, in order of first use, and why each one joined (the first is the name itself)."""

    name: str
    label: str
    names: tuple[str, ...]
    why: tuple[str, ...]


_PLACE_BEFORE = re.compile(r"\b(?:in|at|from|near|outside|across|around|into|through|of|visit|visited|visiting|"
                           r"to|toward|towards|between)\s+(?:nearby\s+|neighbou?ring\s+)?$", re.IGNORECASE)
_PLACE_AFTER = re.compile(r"\s(?:and\s[A-Z]\w+\s)?(?:district|districts|province|county|village|town|township|"
                          r"prefecture|municipality|suburb)\b")
_LOC_AFTER = re.compile(r"\s(?:highlands|mountains|valley|plateau|basin|delta|coast|peninsula|hills)\b")
_WEAK_ORG = "ORG?"  # a name nothing but its capital letters marks: an organization unless another use says more
_ALIAS_PHRASE = re.compile(r"\b[Tt]he\s(?P<word>North|South|regime)\b(?!\s+[A-Z])")
_CALENDAR = re.compile(r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|"
                       r"June|July|August|September|October|November|December)s?")  # "May" may be a name
_CAPS = re.compile(r"[A-Z][A-Z&.]*[A-Z]\.?")


def _pieces(text: str, start: int) -> list[tuple[str, int]]:
    """A compound of names split into its names ("US-ROK" → US, ROK); anything else whole ("Noh Kyu-duk")."""
    parts = re.split(r"(?<=\w)[-–](?=[A-Z])", text)
    if len(parts) == 1 or not all(_CAPS.fullmatch(p) or gazetteer().lookup(p) for p in parts):
        return [(text, start)]
    out, at = [], start
    for part in parts:
        out.append((part, at))
        at += len(part) + 1
    return out


def _candidates(body: str) -> list[tuple[str, int, int]]:
    """Every name in the body as (text, start, end), in order, without titles, compounds split."""
    found: list[tuple[str, int, int]] = []
    for m in find_mentions(body):
        text, start = m.text, m.start
        based = re.match(r"(?P<name>[^-]+?)-(?P<end>[a-z]+)(?:\s|$)", text)
        if based and based.group("end") in COMPOUND_ENDS:  # "Seoul-based Hanul Institute": Seoul, and the rest
            found.append((based.group("name"), start, start + len(based.group("name"))))
            text, start = text[based.end():], start + based.end()
            if not text:
                continue
        title = next((k for k, w in enumerate(text.split()) if k and key(w).split("-")[0] in NAME_TITLES
                      and text.split()[k - 1] not in ("of", "for")), None)  # not "Court of Justice"
        if title is not None:  # "U.N. Secretary-General", "U.S. Ambassador": the name before the title
            text = " ".join(text.split()[:title])
        party = re.fullmatch(r"[DRI]-(?P<state>[A-Z][a-z]+)", text)  # "(R-Neb.)": the state
        if party:
            text, start = party.group("state"), start + 2
        if body[start + len(text):start + len(text) + 1] == "." and gazetteer().is_dotted(text):
            text = body[start:start + len(text) + 1]  # "Ore.", "Calif.": the period is part of the name
        for piece, at in _pieces(text, start):
            found.append((piece, at, at + len(piece)))
    found = _joined(body, sorted(found, key=lambda c: c[1]))
    whole = [(m.group(), m.start(), m.end()) for full in set(acronyms(body).values())  # "Democratic People’s …"
             for m in re.finditer(re.escape(full), body)]
    whole += [(m.group(), m.start(), m.end()) for m in _ALIAS_PHRASE.finditer(body)]  # "the North"
    kept: list[tuple[str, int, int]] = []
    for item in sorted(whole, key=lambda c: (c[1], c[1] - c[2])):  # one sweep: the longer wins an overlap
        if kept and item[1] < kept[-1][2]:
            continue
        kept.append(item)
    out, k = [], 0
    for item in found:  # both in text order: a name inside a whole name gives way to it (linear)
        while k < len(kept) and kept[k][2] <= item[1]:
            k += 1
        if not (k < len(kept) and kept[k][1] < item[2]):
            out.append(item)
    return sorted(out + kept, key=lambda c: c[1])


def _joined(body: str, found: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """Names joined by "of" or "for" after a head word: "Gulf of Mexico", "Hanul Institute for Trade Policy"."""
    out: list[tuple[str, int, int]] = []
    for text, start, end in found:
        if out and body[out[-1][2]:start] in (" of ", " for ") and \
                key(out[-1][0].split()[-1]) in ORG_HEADS | LOC_HEADS | {"gulf", "bay", "sea", "port", "isle"}:
            out[-1] = (body[out[-1][1]:end], out[-1][1], end)
        else:
            out.append((text, start, end))
    return out


def _sentence_initial(body: str, start: int) -> bool:
    before = body[max(0, start - 4):start]
    return start == 0 or bool(re.search(r"(?:[.!?][”’\"']?\s+|\n|[“\"]\s*)$", before))


def _label(text: str, start: int, body: str, persons: set[str], defined: dict[str, str],
           capitalized_inside: set[str], short_names: frozenset[str] = frozenset()) -> str | None:
    """The label of one name where it stands, or None when it is no entity (a demonym, a word opening a sentence)."""
    g = gazetteer()
    if _ALIAS_PHRASE.fullmatch(text):
        return "GPE"
    if text in persons and " " not in text:
        return "PERSON"  # "Lima" for Ricardo Lima: a surname the text has given in full
    place = g.lookup(text)
    if place is not None:
        return place.label
    if text in persons:
        return "PERSON"
    if text in defined:
        if defined[text][:1].islower():
            return None  # "video assistant referee (VAR)": a thing, not a name
        return _label(defined[text], start, body, persons, {}, capitalized_inside) or "ORG"
    if text[:1].islower() and text in defined.values():
        return None
    words = text.split()
    if len(words) == 1 and key(text) in NAME_TITLES:
        return None  # "the Speaker", "the Chancellor": a role
    if "I" in words or len(words) == 1 and key(text) in ORG_HEADS | LOC_HEADS | GPE_HEADS | NO_ENTITY_HEADS:
        return None  # "Would I", "the Council": no name
    if g.is_demonym(text) or g.is_no_entity(text) or g.is_demonym(words[0]) and len(words) == 1 or \
            re.fullmatch(r"[A-Z][a-z]+-(?:language|speaking|born|style|made|led|owned|backed|era)", text):
        return None  # "Philippine", "English-language"
    if "&" in words:
        return "ORG"  # "Marsh & Dunlop", wherever it is
    if len(words) == 1 and text in short_names and not _PLACE_BEFORE.search(body, max(0, start - 12), start):
        return "ORG"  # "Hanbit", first word of "Hanbit Motors" (but "in Brandon" is a town, not its university)
    if any(c.isdigit() for c in text) or re.search(r"[’'](?:m|ll|re|ve|d|t)$", text) or key(text) in stopwords() \
            or _CALENDAR.fullmatch(text):
        return None  # "Q2", "I’m", "Don’t", "No", "Saturdays"
    head = head_label(text)
    place_before = _PLACE_BEFORE.search(body, max(0, start - 20), start)
    if head == "NONE" and key(words[-1]) == "bridge" and \
            re.search(r"\b(?:in|nearby)\s+$", body[max(0, start - 8):start]):
        return "GPE"  # "in Sowerby Bridge": a town named for its bridge
    if head:
        return None if head == "NONE" else head
    if len(words) > 1 and g.lookup(words[0]) and g.lookup(words[0]).label == "GPE":  # type: ignore[union-attr]
        return "ORG"  # "Fresno Condors", "Seoul Metropolitan Government": a body of a place
    if _CAPS.fullmatch(text) and len(text.replace(".", "")) >= 2:
        return "ORG"
    if len(words) == 1 and _sentence_initial(body, start) and text not in capitalized_inside:
        return None  # "Specifically, …": a word that opens a sentence, capitalized nowhere else
    if key(text) in SENTENCE_STARTERS:
        return None
    after = body[start + len(text):start + len(text) + 14]
    if _LOC_AFTER.match(after):
        return "LOC"  # "the Fouta Djallon highlands"
    if place_before or re.match(r",\s[A-Z][a-z]*\.?(?:,|\s)", after) or _PLACE_AFTER.match(after):
        return "GPE"  # "in Millbrook", "Toledo, Ohio,", "Nsanje district": a town no list holds
    return _WEAK_ORG


def _classify(body: str) -> list[tuple[str, str, int, int]]:
    """(text, label, start, end) for every name, one label per text: the first its mentions agree on."""
    persons = {m[0] for p in people(body) for m in p.mentions}
    defined = {short: full for short, full in acronyms(body).items()}
    cands = _candidates(body)
    inside = {t for t, s, _ in cands if not _sentence_initial(body, s)}
    short = frozenset(t.split()[0] for t, s, _ in cands if len(t.split()) > 1 and head_label(t) == "ORG")
    flags = {f: k for f in acronym_flags(body) for k in defined if len(k) == len(f)}
    votes: dict[str, Counter[str]] = {}
    labelled = []
    previous = ("", "", 0)
    for text, start, end in cands:
        label = _label(flags.get(text, text), start, body, persons, defined, inside, short)
        if label == _WEAK_ORG and previous[1] == "GPE" and body[previous[2]:start] in (" and ", ", "):
            label = "GPE"  # "Hebden Bridge and Todmorden": a town listed with a town
        if label is not None:
            votes.setdefault(text, Counter())[label] += 1
            labelled.append((text, start, end))
        previous = (text, label or "", end)
    return [(t, _vote(votes[t]), s, e) for t, s, e in labelled]


def _vote(votes: Counter[str]) -> str:
    """The label most uses give, where a use that says something beats a bare capitalized word."""
    said = Counter({label: n for label, n in votes.items() if label != _WEAK_ORG})
    return (said or Counter({"ORG": 1})).most_common(1)[0][0]


class _Clusters:
    """Union-find over names, remembering why each name joined its cluster."""

    def __init__(self, names: list[str]) -> None:
        self.parent = {n: n for n in names}
        self.why: dict[str, str] = {}

    def root(self, name: str) -> str:
        while self.parent[name] != name:
            self.parent[name] = self.parent[self.parent[name]]
            name = self.parent[name]
        return name

    def join(self, name: str, other: str, why: str) -> None:
        if name in self.parent and other in self.parent and self.root(name) != self.root(other):
            self.parent[self.root(name)] = self.root(other)
            self.why.setdefault(name, why)
            self.why.setdefault(other, why)


_LOCATIVE = re.compile(r"\b(?:in|at|from|near|outside|across|around|into|through|visit|visited|visiting|"
                       r"to|toward|towards|arrived|arrive)\s+$", re.IGNORECASE)
_ACTS = re.compile(r"(?:[’']s\b|[,.;:)”’\"]|$|\s(?:and|or|but|said|says|has|have|had|is|was|will|would|could|"
                   r"should|must|may|might|did|does|wants|seeks|sees|hopes|plans|remains|continues|insists|"
                   r"[a-z]+ed)\b|\s(?:" + "|".join(sorted(PREPOSITIONS)) + r")\b)")


def _governs(body: str, start: int, end: int) -> bool:
    """True when a capital stands for its government here: an actor that says or does, owns, or is paired with
    another — not a place one is in or goes to, nor a modifier ("the Seoul meeting")."""
    if _LOCATIVE.search(body, max(0, start - 12), start) or re.match(r",\s[A-Z]", body[end:end + 3]):
        return False  # "in Seoul", "Seoul, South Korea": the city
    opens = _sentence_initial(body, start) and re.match(r"\s(?!(?:is|was|has)\b)[a-z]+s\b", body[end:end + 20])
    return bool(_ACTS.match(body, end) or opens)  # "Manila refers to …": the subject of a verb


def _link(body: str, found: list[tuple[str, str, int, int]]) -> _Clusters:
    g = gazetteer()
    labels = {t: lab for t, lab, _, _ in found}
    names = list(dict.fromkeys(t for t, lab, _, _ in found if lab != "PERSON"))
    clusters = _Clusters(names)
    by_key: dict[str, str] = {}
    by_actor: dict[str, str] = {}
    for name in names:
        if key(name) in by_key:
            clusters.join(name, by_key[key(name)], "the same name, spelled differently")
        by_key.setdefault(key(name), name)
        place = g.lookup(name)
        if place and not place.capital_of:
            if place.actor in by_actor:
                clusters.join(name, by_actor[place.actor], f"another name of {place.actor}")
            by_actor.setdefault(place.actor, name)
    defined = acronyms(body)
    for short, full in defined.items():
        clusters.join(short, full, f"defined in the text: {short} for {full}")
    for flag in acronym_flags(body):  # "DRPK": a misspelling of the acronym it is one letter off
        for short in (k for k in by_key.values() if _one_off(k, flag)):
            clusters.join(flag, short, f"a misspelling of {short}")
    for text, label, start, end in found:
        place = g.lookup(text)
        if place and place.capital_of and place.capital_of in by_actor and _governs(body, start, end):
            clusters.join(text, by_actor[place.capital_of],
                          f"metonymy: the capital standing for the government of {place.capital_of}")
    countries = [t for t, lab, _, _ in found if lab == "GPE" and getattr(g.lookup(t), "kind", "") == "country"]
    sides = {side: Counter(t for t in countries if key(t).startswith(side + " ")) for side in ("north", "south")}
    last_country = None
    for text, label, start, end in found:  # in text order, so "the regime" meets the country named just before
        if label == "GPE" and getattr(g.lookup(text), "kind", "") == "country":
            last_country = text
        elif text.lower() in ("the north", "the south") and sides[text.split()[1].lower()]:
            named = sides[text.split()[1].lower()].most_common(1)[0][0]
            clusters.join(text, named, f"“{text}” for {named}")
        elif text.lower() == "the regime" and last_country:
            clusters.join(text, last_country, f"“the regime” for the country named just before, {last_country}")
    orgs = [n for n in names if labels[n] == "ORG" and not g.lookup(n)]
    longer: dict[str, list[str]] = {}
    for name in orgs:  # each name under its first words: a dictionary, not a comparison of every pair
        words = name.split()
        for j in range(1, len(words)):
            longer.setdefault(" ".join(words[:j]), []).append(name)
    for name in orgs:  # "Hanbit" for "Hanbit Motors", "Westbrook Holdings" for "Westbrook Holdings Inc."
        wholes = longer.get(name, [])
        if wholes and len({clusters.root(n) for n in wholes}) == 1:
            clusters.join(name, wholes[0], f"the short name of {wholes[0]}")
    tails: dict[str, list[str]] = {}
    for name in orgs:  # "Unity Party" for "Manitoba Unity Party", "Rovers" for "Port Angeles Rovers"
        words = name.split()
        for j in range(1, len(words)):
            tail = " ".join(words[j:])
            if j == 1 and g.lookup(words[0]) or g.lookup(" ".join(words[:j])) or len(words) - j == 1 and \
                    re.fullmatch(r"[A-Z][a-z]+[^s]s", tail):
                tails.setdefault(tail, []).append(name)
    for name in names:
        wholes = tails.get(name, [])
        if len(wholes) == 1:
            clusters.join(name, wholes[0], f"the short name of {wholes[0]}")
    return clusters


def _actor_name(members: list[str]) -> str:
    """The name a cluster goes by: the gazetteer's actor, else its longest name."""
    for name in members:
        place = gazetteer().lookup(name)
        if place and not place.capital_of and place.label != "ORG":
            return place.actor if place.actor in members else name
    return max(members, key=lambda n: (len(n.split()), len(n)))


def _analyse(article_or_text: object, function: str) -> tuple[list[tuple[str, str, int, int]], _Clusters]:
    return _analysed(_body(article_or_text, function))  # type: ignore[arg-type]


@per_text(maxsize=8)  # entities, aliases and the network read one text in turn; nothing mutates the result
def _analysed(body: str) -> tuple[list[tuple[str, str, int, int]], _Clusters]:
    found = _classify(body)
    return found, _link(body, found)


def aliases(article_or_text: object) -> list[Alias]:
    """Each actor the text names in more than one way, with its names in order of first use and why each joined."""
    return _aliases(*_analyse(article_or_text, "aliases"))


def _aliases(found: list[tuple[str, str, int, int]], clusters: _Clusters) -> list[Alias]:
    groups: dict[str, list[str]] = {}
    labels: dict[str, Counter[str]] = {}
    for text, label, _, _ in found:
        if label != "PERSON":
            members = groups.setdefault(clusters.root(text), [])
            if text not in members:
                members.append(text)
            labels.setdefault(clusters.root(text), Counter())[label] += 1
    out = []
    for root, members in groups.items():
        if len(members) > 1:
            name = _actor_name(members)
            why = tuple("the name itself" if m == name else clusters.why.get(m, f"joined with {name}")
                        for m in members)
            out.append(Alias(name, labels[root].most_common(1)[0][0], tuple(members), why))
    return out


def entities(article_or_text: object) -> list[Entity]:
    """Every name in the body, labelled, in order, each with the actor it names.

    >>> [(e.text, e.label, e.cluster) for e in entities("US-ROK drills angered the North, North Korea’s KCNA said.")]
    [('US', 'GPE', 'US'), ('ROK', 'GPE', 'ROK'), ('the North', 'GPE', 'North Korea'), \
('North Korea', 'GPE', 'North Korea'), ('KCNA', 'ORG', 'KCNA')]
    """
    found, clusters = _analyse(article_or_text, "entities")
    named = {}
    for alias in _aliases(found, clusters):
        named.update({m: alias.name for m in alias.names})
    persons = {m[0]: p.name for p in people(_body(article_or_text, "entities")) for m in p.mentions}  # type: ignore[arg-type]
    return [Entity(t, lab, s, e, persons.get(t, t) if lab == "PERSON" else named.get(t, t)) for t, lab, s, e in found]
