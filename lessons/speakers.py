"""Lesson 3, quoting: the names in a text, and the phrase that names a speaker before or after a speech verb.

:func:`find_mentions` lists the capitalized names (titles off, roles kept apart); :func:`speaker_before` and
:func:`speaker_after` read "Sen. Ana Ruiz, chair of the panel, said" or "said an aide" around a cue verb.
:mod:`lessons.names` then resolves a surname or a pronoun to the full name.

>>> [m.text for m in find_mentions("Gov. Ana Ruiz met Pat Lee on Monday.")]
['Ana Ruiz', 'Pat Lee']
"""

from __future__ import annotations

from collections.abc import Sequence

from lessons._gazetteer import gazetteer
from lessons._memo import per_text
from lessons._words import _POSSESSIVE, _bare, _capitalized, _is_word, _Tok, _tokens
from lessons.constants import (
    CUE_ADVERBS, DETERMINERS, DOCUMENT_NOUNS, INDEFINITE_DETERMINERS, PERSON_NOUNS, PREPOSITIONS, SPEAKER_PRONOUNS,
    SUBORDINATORS,
)
from lessons.name_words import GENDERED_TITLES, NAME_TITLES, ORGANIZATION_WORDS
from lessons.names import (  # the word classes both modules read names with
    _CLAUSE_OPENERS, _HEADS, _NO_SUBJECT_AFTER, _NOT_A_VERB, _PHRASE_STOPS, _REACH, _ROLE_HEADS,
    _ROLE_STOPS, _ROLE_WORDS, _STARTERS, Mention, SpeakerPhrase, _kind, _run_end, _split_title,
)

__all__ = ["find_mentions", "speaker_after", "speaker_before"]

_GIVEN_LIKE = frozenset({"Jan", "Jun", "Jul", "Mar", "Dec"})  # month abbreviations without their period: given names


def _clause_start(toks: Sequence[_Tok], i: int) -> int:
    """The index where the clause holding token ``i`` begins (after punctuation or a subordinator)."""
    k = i
    while k > max(0, i - _REACH) and toks[k - 1].text not in {",", ";", ":", ".", "?", "!", "(", "—", "–"} \
            and toks[k - 1].text.lower() not in SUBORDINATORS:
        k -= 1
    return k


def _opens_insertion(toks: Sequence[_Tok], j: int) -> bool:
    """True when the comma at ``j`` opens an inserted clause: ", who …", ", 34,", ", the chair of …", ", in her …"."""
    if not (j + 1 < len(toks) and toks[j].text == ","):
        return False
    opener = toks[j + 1].text.lower()
    return opener in {"who", "which", "whose", "in"} | DETERMINERS or opener[:1].isdigit()


def _place_goes_on(toks: Sequence[_Tok], k: int) -> bool:
    """True at the comma or the abbreviation's full stop of "Toledo, Ohio," or "Evanston, Ill.," in an insertion."""
    if toks[k].text == "." and k > 0 and _capitalized(toks[k - 1]):
        return k + 1 < len(toks) and toks[k + 1].text == "," and k > 1 and toks[k - 2].text == ","
    if toks[k].text != "," or k + 2 >= len(toks) or not toks[k - 1].text[:1].isupper():
        return False
    return _capitalized(toks[k + 1]) and (toks[k + 2].text == "," or (
        toks[k + 2].text == "." and k + 3 < len(toks) and toks[k + 3].text == ","))


def _skip_insertion(toks: Sequence[_Tok], j: int) -> tuple[int, bool]:
    """After ", who …," or ", the chair of …," the index of what follows it, and whether a comma closed it.

    ``(j, False)`` when no insertion starts at ``j``; an insertion that runs to the end of its sentence
    stops at the sentence's final mark.
    """
    if not _opens_insertion(toks, j):
        return j, False
    k = j + 1
    while k < min(len(toks), j + _REACH) and (toks[k].text not in {",", ".", ";", "?", "!", "“", "”", '"'} or
                                              _place_goes_on(toks, k)):
        k += 1
    return (k + 1, True) if k < len(toks) and toks[k].text == "," else (k, False)


def _is_subject(toks: Sequence[_Tok], i: int, j: int) -> bool:
    """True when the run ``toks[i:j]`` heads its clause and a verb follows it."""
    before = toks[_clause_start(toks, i):i]
    if any(t.text.lower() in _NO_SUBJECT_AFTER or t.text.lower().endswith("ed") and t.text != "named"
           for t in before):
        return False
    k = j
    while k + 1 < len(toks) and toks[k].text.lower() in {"of", "at", "from"}:  # "Lisa Moreno of the Fire Dept."
        m = k + 1 + (toks[k + 1].text.lower() == "the")
        if m >= len(toks) or not _capitalized(toks[m]):
            break
        k = m
        while k < len(toks) and (_capitalized(toks[k]) or toks[k].text in {"(", ")"}):
            k += 1
    for _ in range(3):  # ", 34, a painter who …, said": insertions can follow one another
        after, closed = _skip_insertion(toks, k)
        if after == k:
            break
        k = after - 1 if closed and after < len(toks) and _opens_insertion(toks, after - 1) else after
    if k + 1 < len(toks) and toks[k].text == "," and i > 0 and toks[i - 1].text == ",":
        k += 1  # the end of an appositive: "Her lawyer, Ruth Adeyemi-Clarke of the TJA, said"
    return k < len(toks) and toks[k].text[:1].islower() and toks[k].text.lower() not in \
        _NOT_A_VERB


def find_mentions(text: str, *, skip: Sequence[tuple[int, int]] = ()) -> list[Mention]:
    """Every capitalized name in ``text`` (persons, institutions, single words), outside the ``skip`` spans.

    >>> [(m.text, m.kind, m.title, m.possessive) for m in find_mentions("Dr. Ana Ruiz met Kim Jong-un’s aide.")]
    [('Ana Ruiz', 'person', 'Dr.', False), ('Kim Jong-un', 'person', '', True)]
    """
    if not skip and isinstance(text, str):
        return list(_all_mentions(text))
    return _find_mentions(text, skip)


@per_text(maxsize=8)  # quotes, people, entities and the network all read one text's names
def _all_mentions(text: str) -> tuple[Mention, ...]:
    return tuple(_find_mentions(text, ()))


def _find_mentions(text: str, skip: Sequence[tuple[int, int]]) -> list[Mention]:
    spans, k, found = sorted(skip), 0, []
    for run_start, mention in _runs(text):
        while k < len(spans) and spans[k][1] <= run_start:
            k += 1
        if not (k < len(spans) and spans[k][0] <= run_start):
            found.append(mention)
    institutions = {m.text for m in found if m.kind == "institution"}
    prefixes = {" ".join(t.split()[:n]) for t in institutions for n in range(1, len(t.split()))}
    return [m if m.kind == "institution" or m.text not in prefixes else
            Mention(m.text, m.start, m.end, "institution", m.title, m.role, m.possessive, m.subject)
            for m in found if m.text]


@per_text(maxsize=8)  # read with and without the quotes skipped: the runs are the same
def _runs(text: str) -> tuple[tuple[int, Mention], ...]:
    """Each run of capitalized words as (where the run starts, its mention)."""
    toks, found = _tokens(text), []
    i = 0
    while i < len(toks):
        if not _capitalized(toks[i]) or not _is_word(toks[i]):
            i += 1
            continue
        j = _run_end(toks, i, text)
        while j + 1 < len(toks) and toks[j].text == "&" and _capitalized(toks[j + 1]) and \
                text[toks[j - 1].end:toks[j + 1].start] == " & ":
            j = _run_end(toks, j + 1, text)  # "Thackeray & Booth", "Procter & Gamble": a firm
        joins = ("of", "for") if _bare(toks[j - 1].text) in ORGANIZATION_WORDS else ()
        while joins and j + 1 < len(toks) and toks[j].text in joins and _capitalized(toks[j + 1]) and \
                text[toks[j].end:toks[j + 1].start] == " ":
            j, joins = _run_end(toks, j + 1, text), (",", "and")  # "Ministry of Land, Infrastructure and Transport"
        first = i
        while first < j and _bare(toks[first].text) in _STARTERS and not (
                len(toks[first].text) > 1 and toks[first].text.isupper()) and toks[first].text not in _GIVEN_LIKE:
            first += 1  # "Who", "But" open a sentence; "WHO" is a name, and so is "Jun" (no period: no month)
        if j - first >= 3 and _completes_a_title(toks, first):
            first += 1  # "Ambassador to the Philippines Chung Eun-ha": the country ends the title
        if first < j:
            found.append((toks[i].start, _mention(text, toks, first, j)))
        i = j
    return tuple(found)


def _completes_a_title(toks: Sequence[_Tok], i: int) -> bool:
    """True when token ``i`` is a country or city that ends a title: "Ambassador to the Philippines …"."""
    k = i - 1 if i and toks[i - 1].text == "the" else i
    if not (k >= 2 and toks[k - 1].text in ("to", "of", "in", "for")
            and _bare(toks[k - 2].text) in _HEADS | NAME_TITLES):
        return False
    place = gazetteer().lookup(toks[i].text)
    return place is not None and place.label == "GPE"


def _mention(text: str, toks: Sequence[_Tok], i: int, j: int) -> Mention:
    """The mention made of the capitalized run ``toks[i:j]``: its title split off, its role and kind read."""
    words = [t.text for t in toks[i:j]]
    cut = _split_title(words)
    if _kind([_POSSESSIVE.sub("", w) for w in words[cut:]]) == "institution":
        cut = 0  # "Tenant Justice Alliance" is no Justice named Alliance
    possessive = bool(_POSSESSIVE.search(words[-1]))
    start, end = toks[i + cut].start, toks[j - 1].end
    name = text[start:end]
    if possessive:
        name = _POSSESSIVE.sub("", name)
        end = start + len(name)
    name_words = name.split()
    kind = _kind(name_words) if cut == 0 else "person"
    k = i  # the role written before the name: "South Korea’s chief nuclear envoy Noh Kyu-duk"
    if k > 1 and toks[k - 1].text == "," and _bare(toks[k - 2].text) in PERSON_NOUNS:
        k -= 1  # "the spokesperson, Marisol Vega,"
    if k > 0 and _bare(toks[k - 1].text) in _ROLE_HEADS:
        while k > 0 and i - k < 6 and _is_word(toks[k - 1]) and toks[k - 1].text.lower() not in (
                _ROLE_STOPS):
            k -= 1
    role = " ".join(w for w in [text[toks[k].start:toks[i].start].strip(" ,"), " ".join(words[:cut])] if w)
    after, _ = _skip_insertion(toks, j)
    if after > j:
        role = f"{role} {text[toks[j + 1].start:toks[after - 1].start]}".replace(",", " ").strip()
    gender = next((GENDERED_TITLES[w] for w in map(_bare, role.split()) if w in GENDERED_TITLES), None)
    return Mention(name, start, end, kind, " ".join(words[:cut]), role, possessive,
                   not possessive and _is_subject(toks, i, j), gender)


# ---------------------------------------------------------------------------
# the phrase that names a speaker
# ---------------------------------------------------------------------------


def _role_then_name(text: str, toks: Sequence[_Tok], k: int) -> SpeakerPhrase | None:
    """The name after role words from token ``k``: "manager Gareth Pryce", "council member Luis Ortega"."""
    start = k  # lower-case words ending in a role: "weather specialist Jun Macaraeg"
    while k < len(toks) and k - start < 4 and toks[k].text[:1].islower() and _is_word(toks[k]) and \
            (_bare(toks[k].text) in _ROLE_WORDS or _bare(toks[k].text) not in _ROLE_STOPS):
        k += 1
    while k > start and _bare(toks[k - 1].text) not in _ROLE_WORDS:
        k -= 1
    if start < k < len(toks) and _capitalized(toks[k]) and text[toks[k - 1].end:toks[k].start] == " " and \
            _bare(toks[k - 1].text) in _ROLE_HEADS:
        inner = _phrase_at(text, toks, k)
        if inner is not None and inner.form == "name":
            return inner
    return None


def _phrase_at(text: str, toks: Sequence[_Tok], i: int) -> SpeakerPhrase | None:
    """The speaker phrase that starts at token ``i``: a name, a pronoun or "a senior official"."""
    if i >= len(toks):
        return None
    tok, low = toks[i], toks[i].text.lower()
    if low in SPEAKER_PRONOUNS:
        return SpeakerPhrase(tok.text, tok.start, tok.end, "pronoun")
    if _capitalized(tok) and low not in DETERMINERS and _bare(tok.text) not in _STARTERS:
        j = _run_end(toks, i, text)
        words = [t.text for t in toks[i:j]]
        cut = _split_title(words)
        if _POSSESSIVE.search(words[-1]) and j < len(toks) and toks[j].text.islower():
            return _description(text, toks, i, definite=True)
        inner = _role_then_name(text, toks, j)  # "Rivermouth manager Gareth Pryce", "US envoy Sung Kim"
        if inner is not None:
            return inner
        after_title = _name_after_title(text, toks, j)  # "Korean Ambassador to the Philippines Chung Eun-ha"
        if after_title is not None:
            return after_title
        if cut >= len(words) or _bare(words[cut]) in _STARTERS:
            return None
        return SpeakerPhrase(text[toks[i + cut].start:toks[j - 1].end], toks[i + cut].start, toks[j - 1].end,
                             "name", " ".join(words[:cut]))
    if low == "the" and i + 1 < len(toks) and _capitalized(toks[i + 1]):
        inner = _phrase_at(text, toks, i + 1)  # "the Rev. Thomas Whitcomb Jr."
        if inner is not None and inner.form == "name" and inner.title:
            return inner
    inner = _role_then_name(text, toks, i) if not _capitalized(tok) else None
    if inner is not None:
        return inner
    if low in DETERMINERS or low in PERSON_NOUNS:
        return _description(text, toks, i, definite=low in DETERMINERS - INDEFINITE_DETERMINERS)
    return None


def _name_after_title(text: str, toks: Sequence[_Tok], j: int) -> SpeakerPhrase | None:
    """The name after a title's country: at ``j``, "to the Philippines Chung Eun-ha" → "Chung Eun-ha"."""
    if not (j and _bare(toks[j - 1].text) in _HEADS | NAME_TITLES and j < len(toks) and toks[j].text in ("to", "of")):
        return None
    k = j + 1 + (j + 1 < len(toks) and toks[j + 1].text == "the")
    if k >= len(toks) or not _capitalized(toks[k]) or _run_end(toks, k, text) - k < 3 or \
            not _completes_a_title(toks, k):
        return None
    inner = _phrase_at(text, toks, k + 1)
    return inner if inner is not None and inner.form == "name" else None


def _description(text: str, toks: Sequence[_Tok], i: int, *, definite: bool) -> SpeakerPhrase | None:
    """An unnamed speaker up to its head noun ("A senior official from …" → "A senior official").

    An appositive name wins ("the spokesperson, Marisol Vega,"), and a document leads to its author
    ("a memo Osei sent", "a statement from Dr. Helen Rourke").
    """
    head = None
    for k in range(i, min(len(toks), i + 7)):
        low = _bare(toks[k].text)
        if k > i and (not _is_word(toks[k]) or low in _PHRASE_STOPS):
            break
        if low in _HEADS or low in DOCUMENT_NOUNS:
            head = k
    if head is None:
        head = _unlisted_head(text, toks, i)
    if head is None:
        return None
    nxt = head + 1
    if nxt < len(toks) and _capitalized(toks[nxt]) and text[toks[head].end:toks[nxt].start] == " " \
            and toks[head].text.lower() not in DOCUMENT_NOUNS:
        inner = _phrase_at(text, toks, nxt)  # "the US envoy Sung Kim"
        if inner is not None and inner.form == "name":
            return inner
    if toks[head].text.lower() in DOCUMENT_NOUNS and nxt < len(toks):
        by = next((k for k in range(nxt, min(len(toks), nxt + 5)) if toks[k].text.lower() in {"from", "by"}), None)
        if by is not None and all(_is_word(t) for t in toks[nxt:by]):  # "a note to clients from Marta Sousa"
            return _phrase_at(text, toks, by + 1)
        if _capitalized(toks[nxt]):
            return _phrase_at(text, toks, nxt)
    if nxt + 1 < len(toks) and toks[nxt].text == "," and _capitalized(toks[nxt + 1]):
        inner = _phrase_at(text, toks, nxt + 1)
        if inner is not None and inner.form == "name":
            return inner
    start, end = toks[i].start, toks[head].end
    return SpeakerPhrase(text[start:end], start, end, "unnamed", definite=definite)


def _unlisted_head(text: str, toks: Sequence[_Tok], i: int) -> int | None:
    """The head noun of a description whose noun no list holds, where its position shows it names a speaker.

    "a reporter asked", "said one regular, who …": an indefinite phrase that fills the subject slot
    (nothing follows it but a comma or the end of the clause). "the city's building commissioner, Ray
    Tolliver,": a definite one only with an appositive name after it, which then names the speaker.
    """
    k = i + 1
    while k < len(toks) and k - i <= 4 and toks[k].text[:1].islower() and _is_word(toks[k]) and \
            _bare(toks[k].text) not in _PHRASE_STOPS | DETERMINERS:
        k += 1
    if k == i + 1:
        return None
    ends = k == len(toks) or toks[k].text in {",", ".", ";", "—"}
    if toks[i].text.lower() in INDEFINITE_DETERMINERS and ends:
        return k - 1
    named_after = k + 1 < len(toks) and toks[k].text == "," and _capitalized(toks[k + 1]) and \
        text[toks[k].end:toks[k + 1].start] == " "
    return k - 1 if named_after else None


def _segments(toks: Sequence[_Tok]) -> list[tuple[int, int]]:
    """Comma-separated stretches of ``toks`` (commas inside parentheses do not count)."""
    result, first, depth = [], 0, 0
    for k, tok in enumerate(toks):
        depth += (tok.text == "(") - (tok.text == ")")
        if tok.text == "," and depth <= 0:
            result.append((first, k))
            first = k + 1
    return [*result, (first, len(toks))]


def speaker_before(text: str, start: int, end: int) -> SpeakerPhrase | None:
    """The subject of a speech verb at ``end``, read in ``text[start:end]`` (its clause, or more).

    Inserted clauses are skipped ("Sung Kim, the US envoy, said"; "Kwon, who …, said"); a verb that
    continues the one before ("… and warned") gets ``form="inherit"``.

    >>> t = "Sen. Ana Ruiz, chair of the panel, said"
    >>> speaker_before(t, 0, t.index("said")).text
    'Ana Ruiz'
    >>> t = "A senior official from the party described"
    >>> speaker_before(t, 0, t.index("described")).text
    'A senior official'
    """
    toks = _tokens(text, start, end)
    while toks and toks[-1].text.lower() in CUE_ADVERBS:
        toks.pop()
    if not toks:
        return None
    segments = _segments(toks)
    if len(segments) > 1 and segments[-1][0] == segments[-1][1]:
        segments.pop()
        while len(segments) > 1:  # skip ", who …," ", 64," ", the envoy," before the verb
            first, last = segments[-1]
            opener = toks[first].text.lower() if first < last else ""
            before = segments[-2]
            named = before[1] > before[0] and _capitalized(toks[before[1] - 1])
            described = before[1] > before[0] and _bare(toks[before[1] - 1].text) in _HEADS
            if opener in {"who", "which", "whose", "whom", "where"} or opener[:1].isdigit() or (
                    named and (opener in DETERMINERS or toks[first].text[:1].islower())) or (
                    described and opener.endswith("ing")):  # "A … official, speaking on condition …, said"
                segments.pop()
            else:
                break
    first, last = segments[-1]
    clause = list(toks[first:last])
    while clause and clause[-1].text.lower() in CUE_ADVERBS:
        clause.pop()
    if clause and clause[-1].text.lower() in {"and", "but", "or", "then"}:
        return SpeakerPhrase("", clause[-1].end, clause[-1].end, "inherit")
    cut = max((k for k, t in enumerate(clause) if t.text.lower() in _CLAUSE_OPENERS), default=-1)
    clause = clause[cut + 1:]
    while len(clause) > 1 and clause[0].text.lower() in ("and", "but", "or", "so", "yet"):
        clause = clause[1:]  # "…, and Labor Minister Kim Hye-rin urged": a second clause's subject
    if not clause:
        return SpeakerPhrase("", end, end, "inherit")
    phrase = _phrase_at(text, clause, 0)
    rest = [t for t in clause if phrase is not None and t.start >= phrase.end]
    if phrase is not None and phrase.form == "name" and rest and rest[0].text[:1].islower() and \
            rest[0].text.lower() not in PREPOSITIONS:  # "Dr. Lee of the University of Tokyo said" is fine
        return None  # "Rents are rising everywhere, said …": a capital that opens a clause is no subject
    return phrase


def speaker_after(text: str, start: int, end: int | None = None) -> SpeakerPhrase | None:
    """The speaker named after an inverted verb: "said Dr. Min Ji-hoon, who …" → "Min Ji-hoon".

    >>> speaker_after("said a Rivermouth staff member, who asked", 5).text
    'a Rivermouth staff member'
    """
    return _phrase_at(text, _tokens(text, start, end), 0)
