"""Lesson 5, contextualizing (first part): the people of a story, the acronyms it defines and the ones it misspells.

:func:`people` lists each person once, under the full name, with every mention that names them (full name,
surname, given name), their titles and roles, and how often they are quoted; it builds on
:mod:`lessons.names` and :mod:`lessons.quoting`, so "Kim said" is the same person here as there.

News defines an acronym once, in one of a few shapes, and then uses it bare: "Full Name (ABC)", "ABC (Full
Name)", "ABC stands for …", "ABC refers to …", "the ABC, or Full Name,". :func:`acronyms` reads those
definitions; :func:`acronym_flags` lists capitalized words that look like a misspelling of an acronym the
story uses (the course article's one "DRPK" for "DPRK").

>>> acronyms("The Hanbit Subcontract Workers Union (HSWU) struck. HSWU members cheered.")
{'HSWU': 'Hanbit Subcontract Workers Union'}
>>> acronyms("ROK stands for South Korea’s official name, the Republic of Korea, while NK refers to the North.")
{'ROK': 'Republic of Korea', 'NK': 'North'}
>>> acronym_flags("The DPRK said no. DPRK envoys left. Aid to the DRPK stopped.")
['DRPK']
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from lessons._gazetteer import ORG_HEADS, gazetteer, head_label, key, not_a_person
from lessons._memo import per_text
from lessons.constants import ABBREVIATIONS, INSTITUTION_NOUNS, PERSON_NOUNS, PREPOSITIONS
from lessons.name_words import NAME_TITLES, ROLE_MODIFIERS
from lessons.errors import LessonsError
from lessons.names import COMPOUND_ENDS, Mention, family_name, is_institution, resolve
from lessons.quoting import extract_quotes, speaker_references
from lessons.reading import Article
from lessons.speakers import find_mentions

__all__ = ["Alias", "Entity", "Person", "Tie", "acronym_flags", "acronyms", "aliases", "describe_network", "entities",
           "network", "network_chart", "people"]

_ABBR = r"[A-Z][A-Za-z&]*[A-Z](?:s\b)?"  # two capitals or more, maybe a plural s: DPRK, MOTIE, SMEs
_IN_PARENS = re.compile(r"\((?P<abbr>" + _ABBR + r"|[A-Z][a-z]{3,})\)")  # or a short name: (Korail)
_THEN_PARENS = re.compile(r"\b(?P<abbr>" + _ABBR + r")\s\((?P<name>[A-Z][^()]{3,80})\)")
_STANDS_FOR = re.compile(r"\b(?P<abbr>" + _ABBR + r")(?:,\s(?:which|that)\s|,\s|\s[—–]\s|\s)"
                         r"(?:stands for|refers to|"
                         r"is short for|short for|means|(?:the\s)?initials\s(?:of|for))\s"
                         r"(?P<name>[^.;:—–]{2,120}?)"
                         r"(?=,\s(?:while|and|which|but|though|although|even|as|so|because)\b"
                         r"|,\s(?!the\s[A-Z])[a-z]"  # ", in 1989", ", the state weather bureau"
                         r"|\s[—–]|[.;:]|$)")  # "the DPRK — the initials of …, the Democratic … —"
_OR_NAME = re.compile(r"\b(?:[Tt]he\s(?P<abbr>" + _ABBR + r"),\sor\s(?P<name>(?:the\s)?[A-Z][^,.;()]{3,80})|"
                      r"(?P<abbr2>" + _ABBR + r"),\sor\s(?P<lower>[a-z][a-z -]{3,60}?))(?=[,.;)])")
# "the PNV, or Basque Nationalist Party,", "PPAs, or power purchase agreements,"
# "… Research Organisation, or CSIRO"
_NAME_OR = re.compile(r",\s(?:or|known\sas|known\sby\sits\s(?:\w+\s)?initials)\s(?:the\s)?(?P<abbr>" + _ABBR +
                      r")\b(?=[,.;:)]|\s[—–]|$)")  # "…, known by its Turkish initials DSI,"
_NAME_WORD = re.compile(r"[^\s(),;:]+")
_CAPS_WORD = re.compile(r"\b[A-Z]{2,6}\b")
_IN_A_NAME = re.compile(r"\b(?!The\b|A\b|An\b)[A-Z][a-z]+\s(?P<word>[A-Z]{2,6})\b")  # "Chesapeake SC"
_SMALL_WORDS = frozenset({"of", "and", "for", "the", "on", "in", "to", "at", "&"})
_MAX_NAME_WORDS = 10
# Nouns set before a name that is no person's: "the band Harlan Pike", "the property firm Harlow Brandt".
THING_NOUNS = frozenset({
    "band", "firm", "company", "club", "team", "group", "label", "brand", "startup", "restaurant", "bar", "pub",
    "cafe", "venue", "chain", "studio", "store", "shop", "gallery", "theater", "theatre", "publisher", "newspaper",
    "magazine", "app", "outfit", "ensemble", "orchestra", "choir", "charity", "nonprofit", "fund", "developer",
    "lender", "bank", "insurer", "carrier", "airline", "retailer", "maker", "manufacturer", "producer", "contractor",
    "consultancy", "operator", "station", "school", "hospital", "clinic", "village", "town", "suburb", "district",
    "county", "neighborhood", "neighbourhood", "street", "road", "park", "river", "trail", "hotel", "ship", "vessel",
    "boat", "horse", "dog", "stadium", "arena", "festival", "show", "series", "film", "album", "song", "novel",
    "journal", "utility", "carrier", "operator", "insurer", "broadcaster", "regulator", "conglomerate", "ngo",
    "body"})
# Nouns a person's name qualifies after "the": "the Moon Jae-in administration", "the Ana Ruiz case".
NAME_QUALIFIED_NOUNS = frozenset({
    "administration", "government", "era", "years", "campaign", "case", "family", "camp", "presidency", "regime",
    "cabinet", "estate", "trial", "murder", "affair", "scandal", "doctrine", "rule", "visit", "interview"})
_LOCATIVE = re.compile(r"\b(?:in|near|outside|into|above|below|along|across|beyond|toward|towards|off)\s+"
                       r"(?:nearby\s|neighbou?ring\s|suburban\s|downtown\s)?$")
# "in Gilbert Plains", "in nearby Federal Way": a place, not a person
_THING_BEFORE = re.compile(r"(?:\b(?:the|The)|\b(?:" + "|".join(sorted(THING_NOUNS)) + r")(?:\sof)?)\s$")
_PERSON_HEADS = PERSON_NOUNS | NAME_TITLES | {"chief", "head", "elder", "boss", "veteran", "native"}
_PLACE_NOUN_AFTER = re.compile(r"(?:\s(?:and|or)\s[A-Z][\w’'-]*(?:\s[A-Z][\w’'-]*)?)?"
                               r"\s(?:highlands|regions?|valley|"
                               r"mountains|plateau|basin|delta|coast|peninsula|districts?|provinces?|count(?:y|ies)|"
                               r"area|river|lake|islands?|neighbou?rhood|suburb)\b")  # "Dhi Qar and Maysan provinces"
_LISTED = r"[A-Z][\w’'-]*(?:\s[A-Z][\w’'-]*)?"
_IN_A_LIST = re.compile(r"\b(?:in|from|across|near|to)\s(?:" + _LISTED + r",\s)*" + _LISTED + r",?\s(?:and|or)\s$")
_LIST_GOES_ON = re.compile(r"(?:,\s" + _LISTED + r")*,?\s(?:and|or)\s[A-Z]")  # "in Albay, Sorsogon and …"
_LOCATIVE_LIST_START = re.compile(r"\b(?:in|from|across|near|to)\s(?:" + _LISTED + r",\s)+$")
_APPOSITIVE = re.compile(r",\s(?:a|an|the|one\sof\sthe)\s(?P<words>[^,;.]*?)(?=,|\s(?:who|which|that|whose)\b|[;.]|$)")
_EVENT_WORDS = frozenset({"storm", "typhoon", "hurricane", "cyclone", "tropical", "depression", "alert", "level"})
_AND_BODY = re.compile(r"\s(?:and|&)\s(?:[A-Z][\w’'-]*\s){0,3}(?P<head>[A-Z][\w’'-]*)(?=[.,;:)]|$)")
_COMPOUND = re.compile(r"-(?:" + "|".join(sorted(COMPOUND_ENDS)) + r")$")  # "Hong Kong-based" is no one's name
# "the Marigny Seven", "property firm Harlow Brandt", "band Harlan Pike": a thing bearing a name, not a person.
# A person's name after "the" only qualifies a noun: "the Moon Jae-in administration".
_PERSON_AS_MODIFIER = re.compile(r"\s(?:" + "|".join(sorted(NAME_QUALIFIED_NOUNS)) + r")\b")
_NAMED_BODIES = frozenset({"department", "ministry", "office", "bureau", "secretary"})  # an acronym may leave out


def _body(article_or_text: Article | str, function: str) -> str:
    if isinstance(article_or_text, Article):
        return article_or_text.body
    if isinstance(article_or_text, str):
        return article_or_text
    raise LessonsError(f"{function} reads an Article or a str, not {type(article_or_text).__name__}")


def _letters(word: str) -> list[str]:
    """The initials a word gives an acronym: one per hyphen-joined part ("Korea-Australia" gives K and A)."""
    return [part[0].lower() for part in re.split(r"[-–]", word.replace("’s", "").replace("'s", "")) if part]


def _spells(abbr: str, words: list[str]) -> bool:
    """True when the acronym's letters are, in order, initials of the words, the first word giving the first;
    a word may give its first few letters ("Force to Korea (…FTOK)", "Korea Railroad (Korail)")."""
    wanted = "".join(c.lower() for c in (abbr[:-1] if abbr.endswith("s") and abbr[:-1].isupper() else abbr))
    parts = [p.lower() for word in words for p in re.split(r"[-–]", word.replace("’s", "").replace("'s", "")) if p]
    if not parts or not wanted or parts[0][:1] != wanted[0]:
        return False
    reachable = {0}  # how many of the acronym's letters the words so far can give
    for part in parts:
        reachable |= {k + n for k in reachable for n in range(1, len(part) + 1)
                      if wanted[k:k + n] == part[:n]}
    return len(wanted) in reachable


def _name_before(body: str, at: int, abbr: str) -> str | None:
    """The name that an acronym in parentheses at ``at`` abbreviates: the fewest words before it that spell it."""
    words = [(m.start(), m.group()) for m in _NAME_WORD.finditer(body, max(0, at - 200), at)]
    stop = max((k + 1 for k, (_, w) in enumerate(words) if w[-1:] in ".!?" and len(w) > 3
                and w[:-1].lower() not in ABBREVIATIONS), default=0)  # "Korea Railroad Corp. (Korail)"
    words = words[stop:][-_MAX_NAME_WORDS:]
    if re.fullmatch(r"[A-Z][a-z]+", abbr):
        return _body_named_before(words, body, at, abbr)  # a short name: "(Korail)", not "(Halvorsen)"
    candidates = [k for k in range(len(words) - 1, -1, -1)
                  if words[k][1][:1].isupper() and words[k][1].lower() not in _SMALL_WORDS]
    exact = [k for k in candidates if "".join(w[0] for _, w in words[k:] if w[:1].isupper()) == abbr.rstrip("s")]
    for first in exact or [k for k in candidates if _spells(abbr, [w.rstrip(",") for _, w in words[k:]])]:
        if first >= 2 and words[first - 1][1] == "of" and words[first - 2][1].lower() in _NAMED_BODIES:
            first -= 2  # "Department of Health and Human Services (HHS)": the body is part of the name
        return body[words[first][0]:at].strip().rstrip(",")  # capitals that spell it exactly, else the fewest
    return _common_noun_before(words, body, at, abbr) or _body_named_before(words, body, at, abbr)


def _body_named_before(words: list[tuple[int, str]], body: str, at: int, abbr: str) -> str | None:
    """A body's name that does not spell its acronym, which comes from another language ("Spanish Meteorological
    Agency (AEMET)") or shortens it ("Korea Railroad Corp. (Korail)"): the capitalized words just before, when
    their last word says they name a body."""
    if re.fullmatch(r"[A-Z][a-z]+", abbr):  # a short name ("Korail", "Phivolcs") may stand for a name with "and"
        return _short_name_before(words, body, at, abbr)
    first = len(words)
    while first > 0 and not re.search(r"[’']s$", words[first - 1][1]) and (words[first - 1][1][:1].isupper() or (
            words[first - 1][1] in ("of", "for", "&", "the") and first > 1 and (words[first - 2][1][:1].isupper() or
                                                                         words[first - 2][1] in ("of", "for"))) or (
            words[first - 1][1] == "and" and first > 2 and words[first - 2][1][:1].isupper()
            and (words[first - 3][1][:1].isupper() or words[first - 3][1] in ("of", "for"))
            and not _org_head(words[first - 2][1]))):  # "Markets and Competition", not "Oxfam and Doctors"
        first -= 1  # not past a possessor ("France’s National Center …") nor another body ("… Societies and …")
    while first < len(words) and words[first][1] in ("of", "for", "&", "the", "The"):
        first += 1
    if first < len(words) and words[first][1] == "The":
        first += 1
    name = body[words[first][0]:at].strip().rstrip(",") if first < len(words) else ""
    capitals = sum(w[:1].isupper() for w in name.split())
    if capitals < 2 or body[words[-1][0] + len(words[-1][1]):at].strip() or (
            head_label(name) != "ORG" and (capitals < 3 or not not_a_person(name) and len(name.split()) < 3)):
        return None  # "John Smith (AP)" defines nothing; "Doctors Without Borders (MSF)" does
    return name


def _org_head(word: str) -> bool:
    """True for a body's head word, also a plural in -ies: "Commission", "Societies" (not "Networks")."""
    k = key(word)
    return k in ORG_HEADS or k.endswith("ies") and k[:-3] + "y" in ORG_HEADS


def _short_name_before(words: list[tuple[int, str]], body: str, at: int, abbr: str) -> str | None:
    """The fewest capitalized words just before a short name that hold its letters in order, start with its first
    letter, do not hold it as a word, and name a body: "Korea Railroad Corp. (Korail)"."""
    if body[words[-1][0] + len(words[-1][1]):at].strip() if words else True:
        return None
    first = len(words)
    while first > 0 and len(words) - first < _MAX_NAME_WORDS and not re.search(r"[’']s?$", words[first - 1][1]) and (
            words[first - 1][1][:1].isupper() or words[first - 1][1] in ("of", "for", "&", "and", "the")):
        first -= 1
        name = body[words[first][0]:at].strip().rstrip(",")
        letters = iter(name.lower())
        if words[first][1][:1].isupper() and abbr[0] == name[0] and all(c in letters for c in abbr.lower()) \
                and abbr not in name.split() and head_label(name) == "ORG":
            return name
    return None


def _common_noun_before(words: list[tuple[int, str]], body: str, at: int, abbr: str) -> str | None:
    """A lower-case expansion ("small and medium-sized enterprises (SMEs)"): the fewest words whose initials, the
    first and the last giving the acronym's first and last letters, spell it."""
    wanted = (abbr[:-1] if abbr.endswith("s") and abbr[:-1].isupper() else abbr).lower()
    for first in range(len(words) - 1, max(-1, len(words) - len(wanted) - 4), -1):
        chosen = [w.rstrip(",") for _, w in words[first:]]
        if not chosen[0][:1].islower() or chosen[0] in _SMALL_WORDS or any(w[:1].isupper() for w in chosen):
            continue
        if chosen[-1][0].lower() == wanted[-1] and _spells(abbr, chosen):
            return body[words[first][0]:at].strip().rstrip(",")
    return None


def _name_itself(name: str) -> str:
    """"South Korea’s official name, the Republic of Korea" → "Republic of Korea"; a leading "the" is dropped."""
    name = name.strip()
    appositive = re.search(r",\s(?:the\s)?(?P<name>[A-Z][^,]*)$", name)
    described = appositive and re.search(r"\b(?!(?:" + "|".join(_SMALL_WORDS) + r")\b)[a-z]", name[:appositive.start()])
    if described:  # "Korea’s official name, the Republic of Korea"; not "Philippine Atmospheric, Geophysical …"
        name = appositive.group("name")
    return re.sub(r"^the\s", "", name).strip()


def acronyms(article_or_text: Article | str) -> dict[str, str]:
    """The acronyms the text defines, each with its expansion as written, in the order they are defined."""
    return dict(_acronyms(_body(article_or_text, "acronyms")))


@per_text(maxsize=8)
def _acronyms(body: str) -> tuple[tuple[str, str], ...]:
    found: dict[str, str] = {}
    for m in (*_IN_PARENS.finditer(body), *_NAME_OR.finditer(body)):
        name = _name_before(body, m.start(), m.group("abbr"))
        if name:
            found.setdefault(m.group("abbr"), re.sub(r"^the\s", "", name))
    for pattern in (_THEN_PARENS, _STANDS_FOR, _OR_NAME):
        for m in pattern.finditer(body):
            abbr, raw = (m.group("abbr2"), m.group("lower")) if m.groupdict().get("abbr2") else (m.group("abbr"),
                                                                                                   m.group("name"))
            name = _name_itself(raw) if pattern is _STANDS_FOR else re.sub(r"^the\s", "", raw)
            spelled = _spells(abbr, name.split())
            if pattern is _THEN_PARENS and not spelled or pattern is _OR_NAME and not spelled and (
                    name[:1].islower() or sum(w[:1].isupper() for w in name.split()) < 2):
                continue  # "the PNV, or Basque Nationalist Party": said outright, in any language's letters
            found.setdefault(abbr, name)
    order = {abbr: re.search(r"\b" + re.escape(abbr) + r"\b", body).start() for abbr in found}  # type: ignore[union-attr]
    return tuple(sorted(found.items(), key=lambda item: order[item[0]]))


def _one_off(a: str, b: str) -> bool:
    """True for two words of one length that differ by one letter or by two neighbours swapped."""
    if len(a) != len(b) or a == b:
        return False
    diff = [k for k in range(len(a)) if a[k] != b[k]]
    return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]]
                              and a[diff[1]] == b[diff[0]])


def acronym_flags(article_or_text: Article | str) -> list[str]:
    """Capitalized words used once that are one letter off an acronym the text defines or uses more often."""
    body = _body(article_or_text, "acronym_flags")
    counts = Counter(_CAPS_WORD.findall(body))
    in_names = {m.group("word") for m in _IN_A_NAME.finditer(body)}  # part of a name, not a typo
    known = set(acronyms(body)) | {word for word, n in counts.items() if n >= 2}
    return [word for word, n in counts.items()
            if n == 1 and word not in known | in_names and any(_one_off(word, other) for other in known)]


@dataclass(frozen=True)
class Person:
    """One person of the story: the full name, each mention as (text, start, end), roles, and quotes."""

    name: str
    mentions: tuple[tuple[str, int, int], ...]
    roles: tuple[str, ...]  # titles and roles as written: "Deputy Foreign Minister", "chief nuclear envoy"
    quoted: int  # how many quotations extract_quotes gives them
    references: tuple[tuple[str, int, int], ...] = ()  # pronouns and descriptions: "he", "The Korean envoy"


def _full_names(mentions: list[Mention], body: str) -> list[Mention]:
    """Mentions that name a person in full (two words or more, not an institution, not part of what an acronym
    stands for, and not only ever a place one is in or comes from)."""
    expansions = " ".join(full for _, full in _acronyms(body))
    titled = {m.text for m in mentions if m.title}
    things = {m.text for m in mentions if not m.title and _names_a_thing(body, m)} - titled
    return [m for m in mentions if m.kind == "person" and len(m.text.split()) > 1
            and not is_institution(m.text, mentions) and not not_a_person(m.text) and m.text not in expansions
            and m.text not in things and not _all_role_words(m.text) and not _COMPOUND.search(m.text)
            and not _EVENT_WORDS & {w.lower() for w in m.text.split()}]  # "Severe Tropical Storm Kristine"


def _names_a_thing(body: str, m: Mention) -> bool:
    """True where a name is used as a place's or a thing's: after "in", "the" or a noun like "firm", or
    followed by ", which" or by an appositive that says what thing it is (", a Hanoi-based advocacy group")."""
    if not m.possessive and _LOCATIVE.search(body, max(0, m.start - 30), m.start):
        return True
    after = body[m.end:m.end + 80]
    if re.match(r",\s(?:which|that)\b", after):
        return True
    if _PLACE_NOUN_AFTER.match(after) or re.match(r"\s\d", after):
        return True  # "Guinea’s Fouta Djallon highlands": a place's name; "Alert Level 3", "Route 9": a thing's
    if _IN_A_LIST.search(body, max(0, m.start - 80), m.start) or (
            _LOCATIVE_LIST_START.search(body, max(0, m.start - 80), m.start) and _LIST_GOES_ON.match(after)):
        return True  # "in Albay, Sorsogon and Camarines Sur": the places listed after "in"
    joined = _AND_BODY.match(after)  # "Cumbria Fire and Rescue Service": the first half of a body's name
    if joined and key(joined.group("head")) in ORG_HEADS:
        return True
    appositive = _APPOSITIVE.match(after)
    if appositive:  # its last noun of a known kind before any preposition, not a possessor ("the firm’s …")
        known = None
        for word in re.findall(r"[\w’'-]+", appositive.group("words")):
            low = word.lower()
            if low in PREPOSITIONS:
                break
            if low in THING_NOUNS or low in INSTITUTION_NOUNS or low in _PERSON_HEADS:
                known = low
        if known is not None:
            return known not in _PERSON_HEADS  # "the district health officer", "the village chief": persons
    return bool(_THING_BEFORE.search(body, max(0, m.start - 30), m.start)) and not \
        _PERSON_AS_MODIFIER.match(body, m.end, m.end + 30)


def _all_role_words(name: str) -> bool:
    """True for a name made only of role words: "Special Representative" is a title, no one's name."""
    return all(w.lower() in PERSON_NOUNS | ROLE_MODIFIERS for w in name.split())


def _role(words: str) -> str:
    """A role as a label: "counterpart, who is also in" → "counterpart" (a relative clause says more than a role)."""
    return re.split(r"\s(?:who|which|that|whose|where)\b", words)[0].strip(" ,")


def people(article_or_text: Article | str) -> list[Person]:
    """Each person once, in order of first mention, under the fullest name the text gives.

    A surname or a given name alone joins the one person it can name; when two share it, the text decides
    (as in :func:`lessons.names.resolve`), and an undecided mention is left out rather than guessed.

    >>> [(p.name, [m[0] for m in p.mentions], p.quoted) for p in people(
    ...     "Sung Kim met Kim Jong-un’s envoy. “We talked,” said Sung Kim. Kim left.")]
    [('Sung Kim', ['Sung Kim', 'Sung Kim', 'Kim'], 1), ('Kim Jong-un', ['Kim Jong-un'], 0)]
    """
    return list(_people(_body(article_or_text, "people")))


@per_text(maxsize=8)
def _people(body: str) -> tuple[Person, ...]:
    mentions = find_mentions(body)
    full = _full_names(mentions, body)
    names = list(dict.fromkeys(m.text for m in full))
    compound = {family_name(n): n for n in names if " " in family_name(n)}  # "Montes de Oca" for Rafael Montes de Oca
    names = [n for n in names if n not in compound]
    families = Counter(family_name(n) for n in names)
    found: dict[str, list[tuple[str, int, int]]] = {n: [] for n in names}
    roles: dict[str, list[str]] = {n: [] for n in names}
    for m in mentions:
        if m.text in compound:
            found[compound[m.text]].append((m.text, m.start, m.end))
            continue
        if m.text in found:
            found[m.text].append((m.text, m.start, m.end))
            roles[m.text] += [_role(r) for r in (m.title, m.role) if r and not r[:1].isdigit()]
            continue
        if len(m.text.split()) != 1 or is_institution(m.text, mentions) or "&" in (
                body[m.start - 2:m.start] + body[m.end:m.end + 2]):
            continue  # "Thackeray & Booth" is a firm, whoever Samuel Booth is
        owner = _owner(m, names, families, mentions)
        if owner is None and m.title and not head_label(f"{m.title} {m.text}"):
            # "Mr. Lopez", never named in full: a person all the same (not "National Premier Leagues")
            owner = m.text
            found.setdefault(owner, [])
            roles.setdefault(owner, [])
        if owner is not None:
            found[owner].append((m.text, m.start, m.end))
            roles[owner] += [m.title] if m.title else []
    quoted = Counter(q.speaker for q in extract_quotes(body))
    referring: dict[str, list[tuple[str, int, int]]] = {}
    for text, start, end, name in speaker_references(body):  # "he", "the Korean envoy": the speaker resolved
        referring.setdefault(name, []).append((text, start, end))
    order = sorted(found, key=lambda n: min((s for _, s, _ in found[n]), default=len(body)))
    return tuple(Person(n, tuple(sorted(found[n], key=lambda x: x[1])), tuple(dict.fromkeys(roles[n])), quoted[n],
                        tuple(referring.get(n, ()))) for n in order if found[n])


def _owner(m: Mention, names: list[str], families: Counter[str], mentions: list[Mention]) -> str | None:
    """The full name a one-word mention names: the one with that family (or given) name, or the text's pick."""
    by_family = [n for n in names if family_name(n) == m.text]
    if len(by_family) == 1:
        return by_family[0]
    if len(by_family) > 1:
        resolved = resolve(m.text, mentions, at=m.start)
        return resolved.name if resolved.name in by_family else None
    by_given = [n for n in names if n.split()[0] == m.text and family_name(n) != m.text]
    if gazetteer().lookup(m.text) is not None:
        return None  # "Sydney's south-west" is the city, whoever Sydney Ferrante is
    return by_given[0] if len(by_given) == 1 else None


def __getattr__(name: str) -> object:
    # Entities and the network build on this module's people and acronyms, so they live in their own modules;
    # the lesson's one import still reaches them: ``from lessons.contextualizing import entities``.
    if name in ("Entity", "Alias", "entities", "aliases"):
        from lessons import entities as module
    elif name in ("Tie", "network", "network_chart", "describe_network"):
        from lessons import network as module
    else:
        raise AttributeError(f"module 'lessons.contextualizing' has no attribute {name!r}")
    return getattr(module, name)
