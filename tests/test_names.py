"""Lesson 3, quoting (names): person names, speaker phrases, and who a surname, pronoun or description means."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lessons.names import described, family_name, is_institution, person_name, resolve, resolve_pronoun
from lessons.speakers import find_mentions, speaker_after, speaker_before


@pytest.mark.parametrize(
    ("phrase", "name"),
    [
        ("Sen. Ana Ruiz, chair of the energy committee", "Ana Ruiz"),
        ("President Joe Biden", "Joe Biden"),
        ("Deputy Foreign Minister Igor Morgulov", "Igor Morgulov"),
        ("Dr. Min Ji-hoon, who leads the team", "Min Ji-hoon"),
        ("Gov. Ellen Ashby", "Ellen Ashby"),
        ("Capt. Lisa Moreno of the fire department", "Lisa Moreno"),
        ("Rep. Dana Cole (D-Ore.)", "Dana Cole"),
        ("Brig. Gen. Tom Kessler", "Tom Kessler"),
        ("Judge Harold P. Quinn Jr.", "Harold P. Quinn Jr."),
        ("Dr Isla Graham", "Isla Graham"),  # British style: no period
        ("Maria Delgado-Ruiz", "Maria Delgado-Ruiz"),  # no title: unchanged
        ("Noh Kyu-duk", "Noh Kyu-duk"),
    ],
)
def test_person_name_strips_titles_and_appositives(phrase: str, name: str) -> None:
    assert person_name(phrase) == name


@pytest.mark.parametrize(
    ("name", "family"),
    [
        ("Sung Kim", "Kim"),  # Western order
        ("Kim Jong-un", "Kim"),  # Korean order: a hyphenated given name follows the family name
        ("Noh Kyu-duk", "Noh"),
        ("Min Ji-hoon", "Min"),
        ("Maria Delgado-Ruiz", "Delgado-Ruiz"),  # a hyphenated family name
        ("Harold P. Quinn Jr.", "Quinn"),  # initials and suffixes are not the family name
        ("Ana Ruiz", "Ruiz"),
        ("Lucien Batiste Jr.", "Batiste"),
    ],
)
def test_family_name(name: str, family: str) -> None:
    assert family_name(name) == family


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sung Kim, the US envoy, held talks.", [("Sung Kim", "person", False, True), ("US", "institution", False, True)]),
        ("He rejected Kim Jong-un’s offer.", [("Kim Jong-un", "person", True, False)]),
        ("He talked with envoy Noh Kyu-duk in Seoul.",
         [("Noh Kyu-duk", "person", False, False), ("Seoul", "institution", False, False)]),
        ("Pyongyang denounced the drills.", [("Pyongyang", "institution", False, True)]),
        ("Keystone Screening Inc. sued. Keystone Screening lost.",
         [("Keystone Screening Inc.", "institution", False, True), ("Keystone Screening", "institution", False, True)]),
        ("The Ministry of Land, Infrastructure and Transport said so.",
         [("Ministry of Land, Infrastructure and Transport", "institution", False, True)]),
        ("He met the North Korean side.", [("North Korean", "institution", False, False)]),
        ("Vireo Corp. and Kestrel Inc. signed.", [("Vireo Corp.", "institution", False, False),
                                                  ("Kestrel Inc.", "institution", False, True)]),
        ("Min-seo Park has run the shop.", [("Min-seo Park", "person", False, True)]),
    ],
)
def test_find_mentions(text: str, expected: list[tuple[str, str, bool, bool]]) -> None:
    assert [(m.text, m.kind, m.possessive, m.subject) for m in find_mentions(text)] == expected


def test_mention_offsets_title_role_and_gender() -> None:
    text = "On Monday, Ms. Ana Ruiz, the chair of the panel, met South Korea’s chief envoy Noh Kyu-duk."
    ruiz, korea, noh = find_mentions(text)
    assert text[ruiz.start:ruiz.end] == "Ana Ruiz" and ruiz.title == "Ms." and ruiz.gender == "f"
    assert "chair" in ruiz.role and korea.possessive
    assert "chief envoy" in noh.role and text[noh.start:noh.end] == "Noh Kyu-duk"


@pytest.mark.parametrize(
    ("text", "speaker", "form"),
    [
        ("Sen. Ana Ruiz, chair of the panel, said", "Ana Ruiz", "name"),
        ("Sung Kim, the US special representative, told", "Sung Kim", "name"),
        ("Kwon Mi-rae, a senior researcher at the institute, said", "Kwon Mi-rae", "name"),
        ("Ray Dillard Jr., 64, said", "Ray Dillard Jr.", "name"),
        ("Her lawyer, Ruth Adeyemi-Clarke of the Tenant Justice Alliance (TJA), said", "Ruth Adeyemi-Clarke", "name"),
        ("Keystone Screening, which is owned by Calder Ridge Corp., said", "Keystone Screening", "name"),
        ("Capt. Lisa Moreno of the Cedar Ford Fire Department said", "Lisa Moreno", "name"),
        ("Rivermouth manager Gareth Pryce said", "Gareth Pryce", "name"),
        ("the spokesperson, Marisol Vega,", "Marisol Vega", "name"),
        ("A senior official from the ruling party described", "A senior official", "unnamed"),
        ("an aide to Choi said", "an aide", "unnamed"),
        ("An Australian embassy spokesperson said", "An Australian embassy spokesperson", "unnamed"),
        ("President Joe Biden’s point man on North Korea said", "President Joe Biden’s point man", "unnamed"),
        ("Seoul’s chief negotiator said", "Seoul’s chief negotiator", "unnamed"),
        ("the drills, which Pyongyang denounced", "Pyongyang", "name"),
        ("when Kim had offered", "Kim", "name"),
        ("She", "She", "pronoun"),
        ("officials said", "officials", "unnamed"),
    ],
)
def test_speaker_before(text: str, speaker: str, form: str) -> None:
    verb = text.rfind(" ") if text.count(" ") and text.split()[-1].isalpha() and text.split()[-1].islower() else len(text)
    phrase = speaker_before(text, 0, verb)
    assert phrase is not None and (phrase.text, phrase.form) == (speaker, form)
    assert text[phrase.start:phrase.end] == phrase.text


@pytest.mark.parametrize(
    "text",
    [
        "the allies of a security crisis and",  # "… and warned": the verb takes the subject before it
        "that the records were sealed, and",
    ],
)
def test_speaker_before_inherits_after_a_conjunction(text: str) -> None:
    phrase = speaker_before(text, 0, len(text))
    assert phrase is not None and phrase.form == "inherit"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("said Dr. Min Ji-hoon, who leads the team.", "Min Ji-hoon"),
        ("said Noh.", "Noh"),
        ("said a Rivermouth staff member, who asked not to be named", "a Rivermouth staff member"),
        ("said Lee Ji-an, a political scientist", "Lee Ji-an"),
        ("according to a statement from Vireo’s chief executive, Dr. Helen Rourke.", "Helen Rourke"),
        ("according to a memo Osei sent to department heads", "Osei"),
        ("said one resident, Maria Lopez.", "Maria Lopez"),
    ],
)
def test_speaker_after(text: str, speaker: str) -> None:
    start = text.index(" ", text.index("according") + 10 if text.startswith("according") else 0) + 1
    phrase = speaker_after(text, start)
    assert phrase is not None and phrase.text == speaker


# --- resolution --------------------------------------------------------------------------------------


def test_surname_resolves_to_the_one_full_name() -> None:
    text = "City Manager Alan Osei spoke first. Later, Osei said the freeze would end."
    result = resolve("Osei", find_mentions(text), at=text.index("Osei said"))
    assert (result.name, result.how) == ("Alan Osei", "surname")
    assert text[result.start:result.end] == "Alan Osei"


def test_a_possessive_is_no_speaker_candidate() -> None:
    """ "Kim Jong-un’s offer" does not make "Kim said" his."""
    text = "Sung Kim met envoys. Trump rejected Kim Jong-un’s offer. “No,” Kim said."
    assert resolve("Kim", find_mentions(text), at=text.index("Kim said")).name == "Sung Kim"


def test_shared_surname_decided_by_title() -> None:
    text = "Envoy Sung Kim and Chairman Kim Jong-un met. Envoy Kim said nothing."
    result = resolve("Kim", find_mentions(text), at=text.index("Kim said"), title="Envoy")
    assert (result.name, result.how) == ("Sung Kim", "title")


def test_shared_surname_decided_by_the_last_speaker() -> None:
    text = "Sung Kim met Kim Jong-un. “Yes,” Sung Kim said. “No,” Kim said."
    at = text.rindex("Kim said")
    result = resolve("Kim", find_mentions(text), at=at, speakers=[(text.index("Sung Kim said"), "Sung Kim")])
    assert (result.name, result.how) == ("Sung Kim", "last speaker")


def test_shared_surname_decided_by_news_style() -> None:
    """When two share a surname, news calls one of them by the given name alone."""
    text = "Lucien Batiste Jr. and his sister Odile Batiste came. Odile laughed. Batiste said no."
    assert resolve("Batiste", find_mentions(text), at=text.index("Batiste said")).name == "Lucien Batiste Jr."


@pytest.mark.parametrize(
    "text",
    [
        "Sung Kim met Kim Jong-un on Monday. “No,” Kim said.",  # nothing decides
        "Lopez said the vote was fair.",  # no full name at all
    ],
)
def test_undecided_surname_is_kept_as_written(text: str) -> None:
    surname = "Kim" if "Kim said" in text else "Lopez"
    result = resolve(surname, find_mentions(text), at=text.index(f"{surname} said"))
    assert (result.name, result.how) == (surname, "as written")


@pytest.mark.parametrize(
    ("text", "pronoun", "speaker"),
    [
        ("Gov. Ellen Ashby spoke. She said: “Go.”", "She", "Ellen Ashby"),
        ("Ms. Ana Ruiz met Pat Lee. “No,” he said.", "he", "Pat Lee"),  # gender from the title
        ("Choi Dong-seok lost. Choi conceded. “I accept,” he said.", "he", "Choi Dong-seok"),
        ("Sung Kim met Noh Kyu-duk in Seoul. “Yes,” he said.", "he", "Sung Kim"),  # the subject, not the object
    ],
)
def test_pronoun_resolution(text: str, pronoun: str, speaker: str) -> None:
    at = text.index("“")
    assert resolve_pronoun(pronoun, find_mentions(text), at=at).name == speaker


def test_pronoun_without_antecedent_is_kept() -> None:
    assert resolve_pronoun("she", find_mentions("“Go,” she said."), at=0).how == "as written"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("A spokesperson for the office said no. The spokesperson said yes.", "a spokesperson"),
        ("He met South Korea’s chief nuclear envoy Noh Kyu-duk. The Korean envoy said yes.", "Noh Kyu-duk"),
        ("Vireo Corp. and Kestrel Inc. signed. Vireo grew. Kestrel left. The company said yes.", "Vireo"),
    ],
)
def test_described(text: str, name: str) -> None:
    second = text.rindex(". ") + 2
    phrase = speaker_before(text, second, text.rindex(" said"))
    first = speaker_before(text, 0, text.index(" said"))
    result = described(phrase, find_mentions(text), [first] if first and first.form == "unnamed" else [])
    assert result is not None and result.name == name


def test_description_with_no_antecedent_is_none() -> None:
    text = "The US envoy said yes."
    assert described(speaker_before(text, 0, text.index(" said")), find_mentions(text)) is None


@pytest.mark.parametrize(
    ("name", "institution"),
    [("Pyongyang", True), ("Washington", True), ("NEC", True), ("Keystone Screening Inc.", True),
     ("the ministry", True), ("Ana Ruiz", False), ("an aide", False), ("Lopez", False)],
)
def test_is_institution(name: str, institution: bool) -> None:
    assert is_institution(name) is institution


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from([*"AKNaek ’'.,-\n“”\"", "Kim", "Sen.", " said", "she", "the", "Jong-un"]),
                max_size=40).map("".join))
def test_mentions_never_raise_and_keep_offsets(text: str) -> None:
    for mention in find_mentions(text):
        assert text[mention.start:mention.end] == mention.text


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="Ab .’'-,“”\n1", max_size=60), st.integers(0, 70), st.integers(0, 70))
def test_words_of_a_window_are_those_the_window_alone_gives(text, start, length):
    # Windows reuse the whole text's words unless they cut one; either way the result is what reading the
    # window alone gives.
    from lessons._words import _tokens, _window_tokens
    assert _tokens(text, start, start + length) == _window_tokens(text, start, start + length)
    assert _tokens(text) == _window_tokens(text, 0, None)


def test_words_of_windows_over_real_passages_are_those_the_window_alone_gives():
    import random
    from importlib.resources import files

    from lessons._words import _tokens, _window_tokens
    root = files("lessons") / "data" / "passages"
    texts = [p.read_text(encoding="utf-8") for d in root.iterdir() if d.is_dir() for p in d.iterdir()
             if p.name.endswith(".txt")]
    pick = random.Random(7)
    for text in texts:
        for _ in range(40):
            start = pick.randrange(len(text))
            end = start + pick.randrange(120)
            assert _tokens(text, start, end) == _window_tokens(text, start, end), (start, end)
