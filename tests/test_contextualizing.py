"""Lesson 5, contextualizing (first part): acronyms defined in the text, and their near-miss spellings."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lessons.contextualizing import acronym_flags, acronyms, people
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
    # a pronoun or a description that names a speaker is a reference to that person
    assert [r[0] for r in found["Noh Kyu-duk"].references] == ["The Korean envoy"]
    assert "he" in [r[0] for r in found["Sung Kim"].references] and found["Kim Jong-un"].references == ()


@pytest.mark.parametrize("function", ["acronyms", "acronym_flags", "people", "entities", "aliases", "network"])
def test_each_function_names_itself_when_given_what_is_not_text(function: str) -> None:
    import lessons.contextualizing as contextualizing

    with pytest.raises(LessonsError, match=f"^{function} reads an Article or a str"):
        getattr(contextualizing, function)(b"bytes")


def labels(text: str) -> list[tuple[str, str]]:
    from lessons.contextualizing import entities

    return [(e.text, e.label) for e in entities(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # gazetteers: countries, abbreviations, capitals, cities, places that are no polity
        ("Pyongyang rejected the offer, the DPRK envoy said in Geneva.",
         [("Pyongyang", "GPE"), ("DPRK", "GPE"), ("Geneva", "GPE")]),
        ("Ships crossed the Korean Peninsula and the Han River.", [("Korean Peninsula", "LOC"), ("Han River", "LOC")]),
        # head words say what an unlisted name is; facilities, laws and events are no entities
        ("Tamsin Bay Logistics sued Orrin County under the Clean Ports Act at Kell Stadium.",
         [("Tamsin Bay Logistics", "ORG"), ("Orrin County", "GPE")]),
        ("The Ministry of Land, Infrastructure and Transport met the Gulf of Corran Authority.",
         [("Ministry of Land, Infrastructure and Transport", "ORG"), ("Gulf of Corran Authority", "ORG")]),
        # compounds: each name counts; "-based" gives the place; a party code gives the state
        ("US-ROK drills angered a Seoul-based group, said Sen. Ann Moll (R-Neb.).",
         [("US", "GPE"), ("ROK", "GPE"), ("Seoul", "GPE"), ("Ann Moll", "PERSON"), ("Neb.", "GPE")]),
        # alias phrases; demonyms, pronoun runs, numbers and sentence-opening words are no entities
        ("North Korea fired. Specifically, the North said Korean troops would go on. Would I? No. Q2 fell.",
         [("North Korea", "GPE"), ("the North", "GPE")]),
        # a title after a place name is cut off
        ("The U.N. Secretary-General spoke.", [("U.N.", "ORG")]),
    ],
)
def test_entities(text: str, expected: list[tuple[str, str]]) -> None:
    assert labels(text) == expected


def test_entity_offsets_index_the_text() -> None:
    from lessons.contextualizing import entities

    text = "Sung Kim met Noh Kyu-duk in Seoul; the US-ROK talks went on, Yonhap said."
    for e in entities(text):
        assert text[e.start:e.end] == e.text


def test_aliases_say_why_each_name_joined() -> None:
    from lessons.contextualizing import aliases

    text = ("North Korea fired a missile. Pyongyang said the North would go on. Talks in Seoul stalled. "
            "The Democratic People’s Republic of Korea (DPRK) is its name. Aid to the DRPK stopped. The regime "
            "refused. Hanbit Motors Corp. said Hanbit would sell. Washington and Seoul agreed.")
    found = {a.name: dict(zip(a.names, a.why)) for a in aliases(text)}
    north = found["North Korea"]
    assert set(north) == {"North Korea", "Pyongyang", "the North", "Democratic People’s Republic of Korea", "DPRK",
                          "DRPK", "The regime"}
    assert "metonymy" in north["Pyongyang"] and "misspelling" in north["DRPK"]
    assert found["Hanbit Motors Corp."] == {"Hanbit Motors Corp.": "the name itself",
                                            "Hanbit": "the short name of Hanbit Motors Corp."}
    assert "United States" not in found and "South Korea" not in found  # no country named: no capital joins one


def test_a_capital_is_its_government_only_where_it_acts() -> None:
    from lessons.contextualizing import aliases

    def joined(text: str) -> bool:
        return any("Seoul" in a.names for a in aliases("South Korea hosted the talks. " + text))

    assert joined("Seoul said no.") and joined("Seoul’s offer stood.") and joined("Seoul and Tokyo agreed.")
    assert not joined("Envoys met in Seoul.") and not joined("The Seoul meeting ended.")


def test_the_network_ties_actors_named_in_one_sentence() -> None:
    from lessons.contextualizing import describe_network, network, network_chart

    ties = network("Sung Kim met Noh Kyu-duk. Kim and Noh urged Pyongyang to talk. North Korea refused.")
    assert [(t.first, t.second, t.sentences) for t in ties] == [("Sung Kim", "Noh Kyu-duk", 2),
                                                                 ("Sung Kim", "North Korea", 1),
                                                                 ("Noh Kyu-duk", "North Korea", 1)]
    assert "3 actors with 3 ties" in describe_network(ties)
    figure = network_chart(ties)
    assert sorted(t.get_text() for t in figure.axes[0].texts if t.get_text().isdigit()) == ["1", "1", "2"]
    assert network("Nobody is named here.") == [] and "no ties" in describe_network([])


@pytest.mark.repo
def test_development_gold_entities_and_aliases() -> None:
    """On the development gold, labelled entities and alias pairs are mostly right (measured, not hand-picked)."""
    import subprocess
    import sys

    from lessons.paths import REPO_DIR

    gold = sorted((DATA_DIR / "gold").glob("*.json"))
    proc = subprocess.run([sys.executable, str(REPO_DIR / "scripts" / "eval_entities.py"), *map(str, gold)],
                          capture_output=True, text=True, timeout=600, check=True)
    scores = {line.split(":")[0]: float(line.split("F1 ")[1].split()[0]) for line in proc.stdout.splitlines()
              if line.startswith(("entities (text, label)", "alias pairs"))}
    assert scores["entities (text, label)"] >= 0.85 and scores["alias pairs"] >= 0.8, proc.stdout


@pytest.mark.repo
def test_every_background_entry_is_sourced_dated_and_found_in_the_course_article() -> None:
    from datetime import date

    from lessons.background import background, glossary
    from lessons.paths import COURSE_ARTICLE

    article = read_file(COURSE_ARTICLE)
    for note, words in glossary():
        assert note.sources and all(", " in s for s in note.sources), note.term
        for source in note.sources:
            assert date.fromisoformat(source.rsplit(", ", 1)[1]) <= date(2021, 8, 26), source  # reports of the time
        assert any(w in article.body for w in words), f"{note.term}: checked against a text that never mentions it"
    linked = background(article)
    assert len(linked) == len(glossary())
    for note in linked:
        assert all(article.body[a:b] in dict(glossary())[next(n for n, _ in glossary() if n.term == note.term)]
                   for a, b in note.at)


def test_background_links_only_what_a_text_mentions() -> None:
    from lessons.background import background

    assert background("Nothing here happened in Hanoi.") == []
    [note] = background("Talks stalled after the Hanoi summit.")
    assert note.at == ((24, 36),) and note.sources


# --- names that a thing bears, and acronyms that do not spell their names ---------------------------------------

@pytest.mark.parametrize("text, thing", [
    ("Fans cheered as the Dunmore Otters took the cup. The Dunmore Otters won 2-1.", "Dunmore Otters"),
    ("The night ended with a set by the folk band Copper Wren, who toured all summer.", "Copper Wren"),
    ("She grew up in nearby Alder Heights and still lives there.", "Alder Heights"),
    ("Walkers were turned back along Whinny Brae after the slip.", "Whinny Brae"),
    ("Seoul’s Special Envoy met them later, officials said.", "Special Envoy"),
])
def test_a_thing_named_like_a_person_is_no_person(text, thing):
    assert thing not in [p.name for p in people(text)]


@pytest.mark.parametrize("text, person", [
    ("Critics of the Lee Min-ho administration said little. Lee Min-ho declined to comment.", "Lee Min-ho"),
    ("The team was rebuilt around Tomas Velde, a striker from Bergen, coach Ana Ruiz said.", "Tomas Velde"),
    ("“We will appeal,” said Dana Whitcombe, who runs the firm.", "Dana Whitcombe"),
])
def test_a_person_near_a_thing_word_stays_a_person(text, person):
    assert person in [p.name for p in people(text)]


@pytest.mark.parametrize("text, short, name", [
    ("Data from the Brazilian Space Research Institute (INPE) showed it.", "INPE", "Brazilian Space Research Institute"),
    ("Workers at Kyushu Railway Co. (Kyurail) walked out.", "Kyurail", "Kyushu Railway Co."),
    ("PHIVOLCS stands for Philippine Institute of Volcanology, Seismology and Hazards, though locals shorten it.",
     "PHIVOLCS", "Philippine Institute of Volcanology, Seismology and Hazards"),
])
def test_acronyms_that_do_not_spell_their_names_letter_for_letter(text, short, name):
    assert acronyms(text).get(short) == name


@pytest.mark.parametrize("text", [
    "The photo was taken by John Smith (AP) on Monday.",
    "Shares of Halvorsen Foods (Halvorsen) fell.",
    "He met Mara Quill (Dunmore) at the fair.",
])
def test_a_name_in_parentheses_that_defines_nothing_is_no_acronym(text):
    assert acronyms(text) == {}


@pytest.mark.parametrize(("text", "wanted"), [
    # an all-capital acronym is a name even where the word opens sentences ("Who …")
    ("The World Health Organization (WHO) met. Its members include the WHO and Oxfam.", ("WHO", "ORG")),
    # "&" joins a firm's names; a plural possessive runs on into a body's name
    ("Shares in Marsh & Dunlop fell.", ("Marsh & Dunlop", "ORG")),
    ("The Loggers’ Union walked out, the Forest Haulers’ Association said.", ("Forest Haulers’ Association", "ORG")),
    # a title word after "of" is part of the name, not a title: "Court of Justice"
    ("A ruling by the Alberta High Court of Justice stood.", ("Alberta High Court of Justice", "ORG")),
    # a town no list holds: named with its district, or listed with a town
    ("Cases rose in Dalwick and Brenmoor districts.", ("Brenmoor", "GPE")),
    ("Mills in nearby Oxley Bridge and Tarnby closed.", ("Tarnby", "GPE")),
    ("Mills in nearby Oxley Bridge and Tarnby closed.", ("Oxley Bridge", "GPE")),
    # "River X" is a river; a demonym joined to a lower-case word is no name
    ("Floods on the River Ouzel cut the road.", ("River Ouzel", "LOC")),
])
def test_entities_named_in_the_ways_news_names_them(text: str, wanted: tuple[str, str]) -> None:
    assert wanted in labels(text)


@pytest.mark.parametrize("text, absent", [
    ("The board of the province’s English-language schools met.", "English-language"),
    ("Several Western governments and Philippine officials cut aid.", "Philippine"),
])
def test_adjectives_of_peoples_and_places_are_no_entities(text: str, absent: str) -> None:
    assert absent not in [t for t, _ in labels(text)]


def test_a_capital_that_opens_a_sentence_with_a_verb_is_its_government() -> None:
    from lessons.contextualizing import aliases

    names = [a.names for a in aliases("The Philippines protested. Manila refers to the reef by another name.")]
    assert any({"Manila", "Philippines"} <= set(n) for n in names)


@pytest.mark.parametrize("text, person", [
    ("Japanese Ambassador to Kenya Sato Hiroshi, who arrived Monday, spoke. Sato left.", "Sato Hiroshi"),
    ("Ambassador to the Philippines Chung Eun-ha said so.", "Chung Eun-ha"),
])
def test_a_country_that_ends_a_title_is_not_part_of_the_name(text: str, person: str) -> None:
    assert person in [p.name for p in people(text)]


def test_a_given_name_that_is_a_city_stays_the_city() -> None:
    found = {p.name: [m[0] for m in p.mentions] for p in people(
        "Sydney Ngata scored twice. Ngata thanked the fans from Sydney and from Perth.")}
    assert found == {"Sydney Ngata": ["Sydney Ngata", "Ngata"]}


@pytest.mark.parametrize("text, short, name", [
    ("Delegates from ASEAN, short for the Association of Southeast Asian Nations, in 1989 met.", "ASEAN",
     "Association of Southeast Asian Nations"),
    ("The KFS, which stands for Korea Forest Service, said so.", "KFS", "Korea Forest Service"),
    ("A memorial to the Turkish Brigade to Korea (TBTOK) stands there.", "TBTOK", "Turkish Brigade to Korea"),
    ("Aid came from Oxfam and Doctors Without Borders (MSF) last week.", "MSF", "Doctors Without Borders"),
])
def test_acronyms_defined_in_more_of_the_ways_news_defines_them(text: str, short: str, name: str) -> None:
    assert acronyms(text).get(short) == name


def test_compound_surnames_with_particles_are_one_family_name():
    found = {p.name: [m[0] for m in p.mentions] for p in people(
        "Rafael Montes de Oca, the firm’s founder, spoke first. Montes de Oca said the plan was sound. "
        "Beatriz Lima e Costa, the minister, agreed. Lima e Costa left early.")}
    assert found == {"Rafael Montes de Oca": ["Rafael Montes de Oca", "Montes de Oca"],
                     "Beatriz Lima e Costa": ["Beatriz Lima e Costa", "Lima e Costa"]}


@pytest.mark.parametrize("text, thing", [
    ("Harrow Ridge, a utility serving towns in the valley, raised prices.", "Harrow Ridge"),
    ("Velta Mobile, which is based in Lyon, said nothing.", "Velta Mobile"),
    ("The crash was reported by Dorset Fire and Rescue Service.", "Dorset Fire"),
    ("Crowds gathered outside the village of Monte da Luz on Sunday.", "Monte da Luz"),
    ("Prices rose at Sunrise Capital, a Seoul-based lender, last year.", "Sunrise Capital"),
])
def test_an_appositive_or_a_name_that_goes_on_says_it_is_no_person(text, thing):
    assert thing not in [p.name for p in people(text)]


def test_an_appositive_headed_by_a_role_keeps_the_person():
    text = "Amos Phiri, the district health officer for Nsalu, said only five clinics were open."
    assert [p.name for p in people(text)] == ["Amos Phiri"]


@pytest.mark.parametrize("text, short, name", [
    ("The MTAA, or Malawi Tour Agents Association, which has 80 members, asked for help.", "MTAA",
     "Malawi Tour Agents Association"),
    ("Samples came from the National Water Research Institute, or NWRI. Tests followed.", "NWRI",
     "National Water Research Institute"),
    ("It warned that the ROK — the initials of the country’s official name, the Republic of Korea — would act.", "ROK",
     "Republic of Korea"),
])
def test_acronyms_defined_after_or_before_an_or_and_by_their_initials(text, short, name):
    assert acronyms(text).get(short) == name


def test_a_village_chief_is_a_person_and_a_named_highland_a_place():
    text = ("“The river rose fast,” said Ousmane Ba Diallo, the 67-year-old village chief. Rain in Guinea’s "
            "Koula Timbi highlands filled the reservoir.")
    assert [p.name for p in people(text)] == ["Ousmane Ba Diallo"]
    assert ("Koula Timbi", "LOC") in labels(text)


@pytest.mark.parametrize("text, short, name, label", [
    ("Water was released by the Organization for the Development of the Gambia River (OMVG), the regional body.",
     "OMVG", "Organization for the Development of the Gambia River", "ORG"),
    ("Data came from Italy’s National Research Council (CNR) last year.", "CNR", "National Research Council", "ORG"),
])
def test_a_foreign_acronym_names_a_body_without_its_possessor(text, short, name, label):
    assert acronyms(text).get(short) == name
    assert (name, label) in labels(text)


def test_a_ballpark_is_no_person():
    assert people("Fans packed Hwaseong Ballpark on Sunday as the Comets won.") == []


def test_names_with_an_arabic_article_and_given_names_like_month_abbreviations():
    text = ("Water Minister Samir al-Tikriti spoke on Monday. Talks will go on, al-Tikriti said. "
            "Weather specialist Jun Dela Rosa said seas would rise.")
    found = {p.name: [m[0] for m in p.mentions] for p in people(text)}
    assert found == {"Samir al-Tikriti": ["Samir al-Tikriti", "al-Tikriti"], "Jun Dela Rosa": ["Jun Dela Rosa"]}


@pytest.mark.parametrize("text, thing", [
    ("Grants went to farmers in Albay, Sorsogon and Camarines Norte last month.", "Camarines Norte"),
    ("People left Basra, Wadi Saleh and Maysan provinces.", "Wadi Saleh"),
    ("The agency kept the volcano at Alert Level 3 on Tuesday.", "Alert Level"),
    ("Severe Tropical Storm Karding weakened overnight.", "Severe Tropical Storm Karding"),
])
def test_places_in_lists_levels_and_storms_are_no_people(text, thing):
    assert thing not in [p.name for p in people(text)]


def test_back_in_a_place_then_a_person_is_still_a_person():
    assert [p.name for p in people("Back in Donaye, Awa Diallo, a mother of four, said she had borrowed money.")] \
        == ["Awa Diallo"]


@pytest.mark.parametrize("text, short, name", [
    ("Turkey’s State Water Works, known by its Turkish initials DSW, said so.", "DSW", "State Water Works"),
    ("The Philippine Institute of Volcanology and Seismology (Phivolcs) raised the alert.", "Phivolcs",
     "Philippine Institute of Volcanology and Seismology"),
])
def test_acronyms_known_by_their_initials_and_short_names_over_and(text, short, name):
    assert acronyms(text).get(short) == name


@pytest.mark.parametrize("text, short, name", [
    ("The coalition, led by the PNV, or Basque Nationalist Party, agreed.", "PNV", "Basque Nationalist Party"),
    ("The firm has signed PPAs, or power purchase agreements, with two utilities.", "PPAs", "power purchase agreements"),
    ("The Workers’ Commissions (CCOO) union objected.", "CCOO", "Workers’ Commissions"),
    ("Approval is due from the National Markets and Competition Commission (CNMC). Shares rose.", "CNMC",
     "National Markets and Competition Commission"),
    ("The Regulatory Authority for Energy, Networks and Environment (ARERA) is reviewing it.", "ARERA",
     "Regulatory Authority for Energy, Networks and Environment"),
])
def test_foreign_and_plural_acronyms_said_outright(text, short, name):
    assert acronyms(text).get(short) == name


@pytest.mark.parametrize("text, thing", [
    ("Carmen Ruiz, an analyst at Banco Arrieta in Madrid, said the price was fair.", "Banco Arrieta"),
    ("Daesung Mart and Geumgang Superstore will close on Sundays.", "Daesung Mart"),
    ("Royal Hallcroft Infirmary treated 214 children.", "Royal Hallcroft Infirmary"),
])
def test_banks_marts_and_infirmaries_are_no_people(text, thing):
    assert thing not in [p.name for p in people(text)]
