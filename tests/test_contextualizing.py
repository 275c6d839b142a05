"""Lesson 5, contextualizing (first part): acronyms defined in the text, and their near-miss spellings."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lessons.contextualizing import acronym_flags, acronyms
from lessons.errors import LessonsError
from lessons.paths import DATA_DIR
from lessons.reading import read_file


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Tenant Justice Alliance (TJA) sued. The TJA won.", {"TJA": "Tenant Justice Alliance"}),
        ("Officials of the Ministry of Trade, Industry and Energy (MOTIE) met.",
         {"MOTIE": "Ministry of Trade, Industry and Energy"}),  # "of" gives the O, commas inside the name
        ("The Korea-Australia Critical Minerals Partnership (KACMP) stalled.",
         {"KACMP": "Korea-Australia Critical Minerals Partnership"}),  # each part of a hyphenated word
        ("Seoul joined the Pacific Legislators’ Dialogue (PLD) in May.", {"PLD": "Pacific Legislators’ Dialogue"}),
        ("Loans to Small and Medium Enterprises (SMEs) grew.", {"SMEs": "Small and Medium Enterprises"}),
        ("OSHA (Occupational Safety and Health Administration) said no.",
         {"OSHA": "Occupational Safety and Health Administration"}),
        ("ROK stands for South Korea’s official name, the Republic of Korea.", {"ROK": "Republic of Korea"}),
        ("GCHD refers to the Granger County Health Department.", {"GCHD": "Granger County Health Department"}),
        ("Members of the NEC, or National Election Commission, met.", {"NEC": "National Election Commission"}),
        # no definition: an acronym used bare, a party label, a name in parentheses that spells nothing
        ("The US and UN agreed.", {}),
        ("Sen. Dana Cole (D-Ore.) voted no.", {}),
        ("The team beat Rivermouth (RFC) on Sunday.", {}),
    ],
)
def test_acronyms(text: str, expected: dict[str, str]) -> None:
    assert acronyms(text) == expected


@pytest.mark.parametrize(
    ("text", "flags"),
    [
        ("The DPRK said no. DPRK envoys left. Aid to the DRPK stopped.", ["DRPK"]),  # two letters swapped
        ("The Tenant Justice Alliance (TJA) won; the TJB appealed.", ["TJB"]),  # one letter off a defined one
        ("The US, the UN and the EU met.", []),  # different acronyms, each used once
        ("Rivermouth FC beat Chesapeake SC; FC fans sang, FC players bowed.", []),  # a club's name, not a typo
    ],
)
def test_acronym_flags(text: str, flags: list[str]) -> None:
    assert acronym_flags(text) == flags


def test_refuses_what_is_not_text() -> None:
    with pytest.raises(LessonsError):
        acronyms(42)  # type: ignore[arg-type]


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ABCDE abcde()-,.’sof")), max_size=120))
def test_never_raises_and_every_expansion_is_in_the_text(text: str) -> None:
    for short, expansion in acronyms(text).items():
        assert short in text and expansion in text
    acronym_flags(text)


@pytest.mark.repo
@pytest.mark.parametrize("path", sorted((DATA_DIR / "gold").glob("*.json")), ids=lambda p: p.stem)
def test_development_gold_acronyms(path) -> None:
    gold = json.loads(path.read_text(encoding="utf-8"))
    article = read_file(DATA_DIR / gold["file"])
    assert acronyms(article) == gold["acronyms"]
    assert acronym_flags(article) == gold["acronym_flags"]


# --- people ------------------------------------------------------------------------------------------


def test_people_are_listed_once_under_the_full_name() -> None:
    from lessons.contextualizing import people

    text = ("Gov. Ana Ruiz met Dr. Omar Haddad on Monday. “We will rebuild,” Ruiz said. Haddad agreed.\n"
            "Mr. Lopez, a farmer, watched. Ruiz left early; Omar stayed.")
    found = {p.name: p for p in people(text)}
    assert list(found) == ["Ana Ruiz", "Omar Haddad", "Lopez"]
    assert [m[0] for m in found["Ana Ruiz"].mentions] == ["Ana Ruiz", "Ruiz", "Ruiz"]
    assert [m[0] for m in found["Omar Haddad"].mentions] == ["Omar Haddad", "Haddad", "Omar"]  # a given name too
    assert found["Ana Ruiz"].quoted == 1 and found["Omar Haddad"].quoted == 0
    assert "Gov." in found["Ana Ruiz"].roles and "Dr." in found["Omar Haddad"].roles
    assert all(text[s:e] == t for p in found.values() for t, s, e in p.mentions)


def test_a_shared_surname_goes_where_the_text_says_or_nowhere() -> None:
    from lessons.contextualizing import people

    text = "Sung Kim met Kim Jong-un. Kim said nothing."  # nothing decides which Kim
    found = {p.name: [m[0] for m in p.mentions] for p in people(text)}
    assert found == {"Sung Kim": ["Sung Kim"], "Kim Jong-un": ["Kim Jong-un"]}


def test_places_and_institutions_are_no_people() -> None:
    from lessons.contextualizing import people

    assert people("The Ministry of Finance met North Korea in Seoul. Pyongyang said no.") == []


@pytest.mark.repo
def test_the_course_article_s_people() -> None:
    from lessons.contextualizing import people

    found = {p.name: p for p in people(read_file(DATA_DIR / "article.txt"))}
    assert set(found) == {"Joe Biden", "Sung Kim", "Noh Kyu-duk", "Igor Morgulov", "Choi Young-joon",
                          "Donald Trump", "Kim Jong-un"}
    assert [m[0] for m in found["Sung Kim"].mentions].count("Kim") == 4  # never Kim Jong-un's
    assert (found["Sung Kim"].quoted, found["Noh Kyu-duk"].quoted) == (7, 2)


@pytest.mark.parametrize("function", ["acronyms", "acronym_flags", "people"])
def test_each_function_names_itself_when_given_what_is_not_text(function: str) -> None:
    import lessons.contextualizing as contextualizing

    with pytest.raises(LessonsError, match=f"^{function} reads an Article or a str"):
        getattr(contextualizing, function)(b"bytes")
