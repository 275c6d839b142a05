"""The team's gazetteers: countries, cities, regions, geographic places and organizations news names.

They ship inside the package (``lessons/data/gazetteers/*.tsv``, read with :mod:`importlib.resources`) and are
read once. :func:`gazetteer` gives one lookup from a name as printed to what it is: its label (GPE, LOC or
ORG), the actor it names (a country's short name, a city's own name) and, for a capital, the country it
governs. Names are matched with curly and straight apostrophes alike and with their periods ("U.S." is "US").

>>> g = gazetteer()
>>> g.lookup("Pyongyang").label, g.lookup("Pyongyang").capital_of, g.lookup("DPRK").actor
('GPE', 'North Korea', 'North Korea')
>>> g.lookup("U.S.").actor, g.is_demonym("South Korean"), g.lookup("Korean Peninsula").label
('United States', True, 'LOC')
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

__all__ = ["Gazetteer", "Place", "gazetteer", "head_label", "key", "not_a_person"]

#: The last word of a name says what it names when no list holds it: "Hanbit Heavy Industries", "Han River".
ORG_HEADS = frozenset({
    "inc", "corp", "co", "cos", "ltd", "llc", "plc", "gmbh", "ag", "group", "holdings", "ministry", "department",
    "dept", "commission", "committee", "council", "court", "agency", "service", "services", "office", "bureau",
    "administration", "authority", "board", "party", "university", "institute", "institutes", "college", "school",
    "academy", "hospital", "center", "centre", "foundation", "association", "alliance", "union", "federation",
    "league", "club", "fc", "sc", "bank", "fund", "corporation", "company", "partnership", "organization",
    "organisation", "embassy", "parliament", "assembly", "congress", "senate", "government", "police", "army",
    "navy", "guard", "forces", "command", "network", "times", "news", "herald", "post", "press", "journal", "wire",
    "observatory", "laboratory", "laboratories", "lab", "labs", "coalition", "society", "systems", "technologies",
    "energy", "mobility", "motors", "electronics", "airlines", "industries", "securities", "capital", "partners",
    "biologics", "pharmaceuticals", "pharma", "optics", "foods", "transit", "library", "watch", "media", "studios",
    "ventures", "investments", "insurance", "logistics", "shipping", "shipbuilding", "engineering",
    "construction", "chemicals", "steel", "telecom", "semiconductor", "semiconductors", "utilities", "research",
    "reports", "review", "corps",
    "institution", "ilbo", "daily", "trust", "cooperative", "co-op", "brigade", "regiment", "division",
    "magistrates", "chamber", "confederation", "chiefs", "affairs", "tribunal", "ministries", "secretariat",
    "athletic", "athletics", "rovers", "wanderers", "constabulary", "air", "airways", "diagnostics",
    "therapeutics", "pharmaceuticals", "biosciences", "mart", "superstore", "supermarket", "infirmary"})
_ORG_FIRST_WORDS = frozenset({"banco", "banca", "banque", "grupo", "groupe", "gruppo", "instituto", "institut",
                              "fundación", "fondation", "universidad", "université", "università", "compañía"})
LOC_HEADS = frozenset({
    "river", "sea", "ocean", "peninsula", "mountain", "mountains", "valley", "bay", "gulf", "lake", "strait",
    "straits", "island", "islands", "desert", "coast", "forest", "hills", "canyon", "delta", "basin", "plateau",
    "channel", "creek", "stream", "falls", "glacier", "reef", "beach", "sands", "point", "cape", "bend", "side",
    "heights", "volcano", "highlands", "lowlands", "moor", "moors", "dales", "fens", "marshes", "wetlands"})
GPE_HEADS = frozenset({"province", "county", "prefecture", "district", "township", "borough", "municipality",
                       "parish", "state", "states", "republic", "kingdom"})
#: Facilities, events, laws and works are no entities of this lesson.
NO_ENTITY_HEADS = frozenset({
    "street", "st", "avenue", "ave", "road", "rd", "boulevard", "blvd", "square", "bridge", "airport", "station",
    "stadium", "arena", "ballpark", "speedway", "velodrome", "racecourse", "gymnasium", "park", "hall", "building",
    "tower", "plaza", "pier", "port", "harbor", "harbour", "highway", "expressway", "route", "interstate",
    "motorway", "freeway", "line", "terminal", "gate", "palace", "house", "church", "cathedral", "temple",
    "museum", "hotel", "mall", "path", "trail", "act", "law", "bill", "treaty", "accord", "agreement", "summit",
    "festival", "open", "cup", "championship", "games", "olympics", "conference", "expo", "forum", "award",
    "prize", "telescope", "program", "programme", "project", "initiative", "plan", "strategy", "policy",
    "statement", "declaration", "report", "area", "zone", "complex", "campus", "terminals"})


def head_label(name: str) -> str | None:
    """What a name's first or last word says it is — ORG, LOC, GPE or "NONE" (no entity) —, or None.

    >>> head_label("Hanbit Heavy Industries"), head_label("Han River"), head_label("Fair Housing Act")
    ('ORG', 'LOC', 'NONE')
    """
    words = name.split()
    last, first = key(words[-1]), key(words[0])
    if last in NO_ENTITY_HEADS and len(words) > 1:
        return "NONE"
    if last in ORG_HEADS or last.endswith("s") and last[:-1] in ORG_HEADS and len(words) > 1:
        return "ORG"  # "Premier Leagues", "Industries"
    body = re.search(r"(\S+)\s(?:of|for)\s", name)
    if body and key(body.group(1)) in ORG_HEADS:
        return "ORG"  # "Organization for the Development of the Senegal River", "Philippine Institute of …"
    if last in LOC_HEADS and len(words) > 1:
        return "LOC"
    if last in GPE_HEADS and len(words) > 1:
        return "GPE"
    if first in _ORG_FIRST_WORDS and len(words) > 1:
        return "ORG"  # "Banco Arrieta", "Grupo Olabarria"
    if first in ("mount", "mt", "lake", "gulf", "cape", "river", "loch") and len(words) > 1:
        return "LOC"
    return None


def not_a_person(name: str) -> bool:
    """True for a name no person bears: a listed place or body, a name with a head word, an acronym inside.

    >>> not_a_person("Would I"), not_a_person("Yeonhwa Securities"), not_a_person("Noh Kyu-duk")
    (True, True, False)
    """
    g = gazetteer()
    words = name.split()
    team = len(words) == 2 and re.fullmatch(r"[A-Z][a-z]+[^s]s", words[1]) and _is_city(words[0])
    return bool(g.lookup(name) or head_label(name) or team or len(words) > 1 and (
        any(w.isupper() and len(w.replace(".", "")) > 1 and (g.lookup(w) or not re.fullmatch(r"(?:[A-Z]\.)+", w))
            for w in words)
        # "U.S. Two", "KBS Radio" — but initials ("J.R. Castellanos") are a person's
        or g.is_no_entity(words[0]) or g.is_demonym(words[0]) or key(words[0]) in stopwords() | _TIME_WORDS))


_TIME_WORDS = frozenset({"last", "next", "this", "early", "late", "mid", "since", "until"})  # "Last August"


def _is_city(word: str) -> bool:
    """True for a listed city: "Suwon" in "Suwon Comets", a team named for its city."""
    place = gazetteer().lookup(word)
    return place is not None and place.kind in ("city", "capital")


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    """The course's English stopwords ("would", "last", "not"): words that open no name."""
    text = resources.files("lessons").joinpath("data", "stopwords_en.txt").read_text(encoding="utf-8")
    return frozenset(w.strip().lower() for w in text.splitlines() if w.strip() and not w.startswith("#"))


@dataclass(frozen=True)
class Place:
    """What a gazetteer name is: its label, the actor it names, and the country it is the capital of."""

    label: str  # GPE, LOC or ORG
    actor: str  # the name the actor is listed under ("North Korea" for "DPRK", "Pyongyang" for itself)
    capital_of: str | None = None
    kind: str = ""  # country, capital, region, city, location or organization: the list it comes from


@lru_cache(maxsize=8192)  # the same names come back in every text; a pure function of one name
def key(name: str) -> str:
    """The form names are compared in: straight apostrophes, no periods, no case.

    >>> key("U.S."), key("Democratic People’s Republic of Korea")
    ('us', "democratic people's republic of korea")
    """
    return name.replace("’", "'").replace(".", "").strip().lower()


@dataclass(frozen=True)
class Gazetteer:
    """Every gazetteer name (by :func:`key`), demonyms, and the words that look like names but are none."""

    places: dict[str, Place] = field(default_factory=dict)
    demonyms: frozenset[str] = frozenset()
    not_entities: frozenset[str] = frozenset()
    dotted: frozenset[str] = frozenset()

    def lookup(self, name: str) -> Place | None:
        return self.places.get(key(name))

    def is_demonym(self, name: str) -> bool:
        return key(name) in self.demonyms

    def is_no_entity(self, name: str) -> bool:
        return key(name) in self.not_entities

    def is_dotted(self, name: str) -> bool:
        """True when the name is listed with a final period ("Ore.", "Calif.") and was read without it."""
        return key(name) in self.dotted and not name.endswith(".")


def _rows(name: str) -> list[list[str]]:
    text = resources.files("lessons").joinpath("data", "gazetteers", name).read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]


def _values(column: list[str], k: int) -> list[str]:
    return [v.strip() for v in column[k].split("|") if v.strip()] if len(column) > k else []


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The gazetteers, read once. A name listed twice keeps its first meaning: countries, then regions,
    cities, places and organizations, so "Georgia" is the country and "Washington" the capital."""
    places: dict[str, Place] = {}
    demonyms: set[str] = set()

    dotted: set[str] = set()

    def add(name: str, place: Place) -> None:
        places.setdefault(key(name), place)
        if name.endswith(".") and name.count(".") == 1:
            dotted.add(key(name))

    countries = _rows("countries.tsv")
    for row in countries:
        country = row[0].strip()
        for name in [country, *_values(row, 1)]:
            add(name, Place("GPE", country, kind="country"))
        demonyms.update(key(d) for d in _values(row, 3))
    for row in countries:  # after every country, so a capital never shadows one
        for capital in _values(row, 2):
            add(capital, Place("GPE", capital, row[0].strip(), "capital"))
    for row in _rows("regions.tsv"):
        for name in [row[0], *_values(row, 3)]:
            add(name, Place("GPE", row[0].strip(), kind="region"))
    for row in _rows("cities.tsv"):
        for name in [row[0], *_values(row, 2)]:
            add(name, Place("GPE", row[0].strip(), kind="city"))
    for row in _rows("locations.tsv"):
        for name in [row[0], *_values(row, 2)]:
            add(name, Place("LOC", row[0].strip(), kind="location"))
    for row in _rows("organizations.tsv"):
        for name in [row[0], *_values(row, 1)]:
            add(name, Place("ORG", row[0].strip(), kind="organization"))
    text = resources.files("lessons").joinpath("data", "gazetteers", "not_entities.txt").read_text(encoding="utf-8")
    never = frozenset(key(w) for w in text.splitlines() if w.strip() and not w.startswith("#"))
    return Gazetteer(places, frozenset(demonyms - set(places)), never, frozenset(dotted))
