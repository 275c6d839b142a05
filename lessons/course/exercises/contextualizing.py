"""Exercises of ``05_contextualizing.ipynb``. Keys are salted digests (see ``lessons.course.keys``)."""

from __future__ import annotations

from lessons.course.checks import Exercise
from lessons.course.exercises._contextualizing_cases import acronym_cases, family_cases
from lessons.course.keys import CodeCase, CodeKey, PairsKey, SetKey, ValueKey
from lessons.course.variants import Variant

NOTEBOOK = "05_contextualizing.ipynb"

_ACRONYM_TEMPLATE = '''import re


def defined_acronyms(text):
    """Return {acronym: name} for every acronym the text defines in one of two shapes, in order of definition:

    "Full Name (ABC)" -- the name is the capitalized words just before the parenthesis whose first letters
    spell ABC ("of", "and", "for", "the" between them are part of the name but give no letter);
    "ABC (Full Name)" -- the name inside the parentheses, whose capitalized words' first letters spell ABC.
    An acronym of two or more capital letters; a name of capitalized words, maybe with of/and/for between.
    Other parentheses ("(2019)", "(pictured)") and capitals used bare ("CEO", "NATO") define nothing.
    """
    # your code here
    return {}
'''

_FAMILY_TEMPLATE = '''def family_name(name):
    """Return the family name in a person's name as news prints it.

    A Korean name written family name first, before a hyphenated given name whose second part is lowercase
    ("Noh Kyu-duk", "Kim Jong-un"): the first word. Any other name: the last word ("Sung Kim", "Joe Biden",
    "Min-seo Park"; a hyphenated family name with capitals on both sides, "Delgado-Ruiz", is a last word too),
    not counting a suffix Jr., Sr., II or III ("Calvin Brooks Jr."); a middle initial ("Harold P. Quinn") is no
    family name. A single word is its own family name.
    """
    # your code here
    return name
'''


_LABEL_PAIRS = frozenset({'4b04dc148ea9c84f', '1eb5c226ed45bdf5', 'a5ad913f40513be5', '592b3fef213c4b5a'})

_NOT_ENTITIES = frozenset({'45052c104f3a9b47', '3a9f77b7e112116f', '1e1530060982a7db'})
_NOT_ENTITIES_WRONG = {'57215aa8d218c6e2': "One of your picks names a place or a newspaper: a name, so an entity.", '42902395358591da': "One of your picks names a place or a newspaper: a name, so an entity."}

_SHAPE = frozenset({'e545eff806c7965f'})
_SHAPE_WRONG = {'6fcbfbea02ca21d1': "Which comes first here, the acronym or the name it stands for?", '42b3dbd91a9f9b86': "No “stands for” here: what joins the acronym to its name?", '362034e377f5d24d': "No “or” here: what joins the acronym to its name?"}

_PARK = frozenset({'2e0bb001f88064a8'})
_PARK_WRONG = {'67cddfdf08be08df': "Who had left when Park spoke? Read the end of the sentence again.", '80fe2c44521ff0cb': "The sentence does tell: it says who had left."}

_METONYMY = frozenset({'d2e0634cbc10cc62', '210cc20e144f4ab6', '69809792c0664056'})
_METONYMY_WRONG = {'24c6aa181e0fb55e': "In one of your picks the city is a place people are in or travel on, not a government that acts.", '1d8b5215e3384d00': "In one of your picks the city is a place people are in or travel on, not a government that acts."}
_METONYMY_OPTIONS = ('Beijing rejected the proposal on Friday.', 'The delegation landed in Beijing at noon.', 'Talks between Seoul and Tokyo resumed after a year.', 'Tokyo’s subway was packed all morning.', 'Washington urged both sides to show restraint.')

_UK = frozenset({'2747b6f3ba722a44', '3ba3f80146c15b94', '1fe689fc4f04c464'})
_UK_WRONG = {'d200db212df10946': "One of your picks names another actor: another city, or the EU.", '837cb7af1328d62e': "One of your picks names another actor: another city, or the EU.", '367808d0abac3423': "One of your picks names another actor: another city, or the EU."}

_TIES = frozenset({'68c96d06b7304979'})
_TIES_WRONG = {'1754ca29a54d14b8': "Close: one sentence names two actors you have not tied yet — a place can be one.", '4730623395d1c679': "One of your ties is in no sentence of the passage: check each pair against one sentence.", 'f891bc70449d2745': "Count each pair once, and “the board” is no name."}

_ACRONYM_CASES = (
    CodeCase(('The Korea Meteorological Administration (KMA) issued a heat warning.',), 'f999df096f175ae9', shown={'KMA': 'Korea Meteorological Administration'}),
    CodeCase(('The FTC (Fair Trade Commission) said the fine would stand.',), '4f38cdddf077abdb', shown={'FTC': 'Fair Trade Commission'}),
    CodeCase(('The National Union of Rail Workers (NURW) and the CEO met (again) on Monday. NURW said no.',), '13a2eeab4c6481b6', about='“of” gives no letter; other parentheses and capitals'),
    CodeCase(('Exports rose 4% (2025). NATO and the UN were not involved.',), '65fe9cfc948739f0', about='no definition at all'),
    CodeCase(('The Pacific Fisheries Council (PFC) sued. PFC lawyers cited the Maritime Safety Board (MSB).',), '71c58871f226b3fe', about='two definitions, in order'),
    CodeCase(('NIS (National Intelligence Service) agents were there.',), 'bfea3ada26d3e27a', about='the name in the parentheses'),
)

_FAMILY_CASES = (
    CodeCase(('Noh Kyu-duk',), 'ec868b33558b8171', shown='Noh'),
    CodeCase(('Sung Kim',), 'f15799af3c2b0455', shown='Kim'),
    CodeCase(('Park Ji-sung',), 'f21908ed0e37e327', about='family name first'),
    CodeCase(('Maria Lopez Sr.',), 'e812481b0928a58a', about='a suffix'),
    CodeCase(('Lena K. Osei',), '9575d76b6250e398', about='a middle initial'),
    CodeCase(('Ji-won Baek',), '7d54aa8499a2b1e6', about='a hyphenated given name first'),
    CodeCase(('Lee',), '3dcedc9a5ca35bb7', about='one word'),
    CodeCase(('Tomás Fernández-Vega',), '7a65c5b40be70d32', about='a hyphenated family name last'),
)

_TOOL_SAYS = ("The tool labels that one right; another name in the passage is the one it gets wrong or misses: "
              "compare each label with what the name really is.")

# Variants: passages written for this course (lessons/data/passages/acronyms, …/entities), one per learner.
_PASSAGE_ACRONYMS: tuple[Variant, ...] = (
    Variant('acronyms/a01.txt', ValueKey(frozenset({'ce35be669d9baeba'}), normalizer="number", mistakes={'e6b8274431d83eb8': 'One of the acronyms you counted is only used, never defined: the text does not say what it stands for.', '3f40a18d13b83704': 'Close: one definition is in another shape — “stands for”, “refers to”, “the ABC, or …”, or the name in the parentheses.'})),
    Variant('acronyms/a02.txt', ValueKey(frozenset({'971317eb28f4f59c'}), normalizer="number", mistakes={'02998edd3ea59365': 'One of the acronyms you counted is only used, never defined: the text does not say what it stands for.', 'fa874938137ae330': 'Close: one definition is in another shape — “stands for”, “refers to”, “the ABC, or …”, or the name in the parentheses.'})),
    Variant('acronyms/a03.txt', ValueKey(frozenset({'f8ad92604b52cdfe'}), normalizer="number", mistakes={'973cb8350d864261': 'One of the acronyms you counted is only used, never defined: the text does not say what it stands for.', 'e1879a0a1d701753': 'Close: one definition is in another shape — “stands for”, “refers to”, “the ABC, or …”, or the name in the parentheses.'})),
    Variant('acronyms/a04.txt', ValueKey(frozenset({'fc0de540df9f2fb8'}), normalizer="number", mistakes={'b4306a80c87a8cd4': 'One of the acronyms you counted is only used, never defined: the text does not say what it stands for.', 'c5b30f62c65f1c41': 'Close: one definition is in another shape — “stands for”, “refers to”, “the ABC, or …”, or the name in the parentheses.'})),
    Variant('acronyms/a05.txt', ValueKey(frozenset({'5791e2d76e9225bd'}), normalizer="number", mistakes={'ca8611e784d7c68a': 'One of the acronyms you counted is only used, never defined: the text does not say what it stands for.'})),
    Variant('acronyms/a06.txt', ValueKey(frozenset({'5146054c204e04fd'}), normalizer="number", mistakes={'4a51b2bb2909f7d7': 'One of the acronyms you counted is only used, never defined: the text does not say what it stands for.', '83f6acb8bafd5af6': 'Close: one definition is in another shape — “stands for”, “refers to”, “the ABC, or …”, or the name in the parentheses.'})),
)
_TOOL_WRONG: tuple[Variant, ...] = (
    Variant('entities/t01.txt', ValueKey(frozenset({'40bd97f865a009cd'}), normalizer="text")),
    Variant('entities/t02.txt', ValueKey(frozenset({'f2666bc06d899e97'}), normalizer="text")),
    Variant('entities/t03.txt', ValueKey(frozenset({'d74d0a2fc9a43de5'}), normalizer="text")),
    Variant('entities/t04.txt', ValueKey(frozenset({'7b6141baab8a5ca5'}), normalizer="text")),
    Variant('entities/t05.txt', ValueKey(frozenset({'470422fde7247c65'}), normalizer="text")),
    Variant('entities/t06.txt', ValueKey(frozenset({'8eacf690e8535c56'}), normalizer="text")),
)

EXERCISES = (
    Exercise(
        "contextualizing.label_kinds",
        "match",
        "Warm-up: “Officials from Hanra Shipping met Gov. Paek Ji-won in Busan on Tuesday, then toured the Yeongsan "
        "River delta.” Give each name its label.",
        PairsKey(_LABEL_PAIRS, size=4),
        tier="warm-up",
        notebook=NOTEBOOK,
        section="§ 1 Who, where, which organization",
        items=("Hanra Shipping", "Paek Ji-won", "Busan", "Yeongsan River"),
        options=("PERSON", "GPE", "ORG", "LOC"),
        hints=("GPE is a place with a government (a country, a city); LOC a place without one (a river, a sea).",),
    ),
    Exercise(
        "contextualizing.not_entities",
        "multi",
        "Warm-up: “On Monday, Korean and Japanese envoys met in Tokyo, the Asahi Shimbun reported.” Which of these "
        "capitalized words name no entity?",
        SetKey(_NOT_ENTITIES, normalizer="exact", mistakes=_NOT_ENTITIES_WRONG),
        tier="warm-up",
        notebook=NOTEBOOK,
        section="§ 1 Who, where, which organization",
        options=("Monday", "Korean", "Japanese", "Tokyo", "Asahi Shimbun"),
        hints=("A capital letter is not enough: ask whether the word names one person, place or organization.",),
    ),
    Exercise(
        "contextualizing.acronym_shape",
        "choice",
        "Warm-up: “The FSS (Financial Supervisory Service) fined the bank 2 billion won.” In which shape does the "
        "sentence define FSS?",
        ValueKey(_SHAPE, normalizer="exact", mistakes=_SHAPE_WRONG),
        tier="warm-up",
        notebook=NOTEBOOK,
        section="§ 3 Acronyms the text defines",
        options=("Full Name (ABC)", "ABC (Full Name)", "ABC stands for …", "the ABC, or Full Name,"),
        hints=("Read what stands between the acronym and the name it abbreviates.",),
    ),
    Exercise(
        "contextualizing.which_park",
        "choice",
        "Core: “Mayor Park Min-ho toured the ward with nurse Park Ji-yeon. ‘We need twenty more beds,’ Park said "
        "after the mayor had left.” Who is the Park who speaks?",
        ValueKey(_PARK, normalizer="exact", mistakes=_PARK_WRONG),
        tier="core",
        notebook=NOTEBOOK,
        section="§ 2 Who’s who: two people, one surname",
        options=("Park Min-ho", "Park Ji-yeon", "The text cannot tell"),
        hints=("A surname alone names someone the text has named in full; here two share it, so read the rest of "
               "the sentence.",),  # fmt: skip
    ),
    Exercise(
        "contextualizing.metonymy",
        "multi",
        "Core: in which sentences does a capital stand for its government (metonymy), not for the city?",
        SetKey(_METONYMY, normalizer="exact", mistakes=_METONYMY_WRONG),
        tier="core",
        notebook=NOTEBOOK,
        section="§ 4 Aliases and metonymy",
        options=_METONYMY_OPTIONS,
        hints=("Ask of each sentence: could the place itself, its streets and buildings, do what the sentence "
               "says? If only its government could, the name stands for the government.",),  # fmt: skip
    ),
    Exercise(
        "contextualizing.uk_aliases",
        "multi",
        "Core: “Britain’s trade minister flew to Brussels on Monday. London wants a deal this year, and the UK will "
        "not wait, she said, as fans in Manchester booed. The EU said the bloc was ready.” Which names stand for "
        "the United Kingdom as an actor?",
        SetKey(_UK, normalizer="exact", mistakes=_UK_WRONG),
        tier="core",
        notebook=NOTEBOOK,
        section="§ 4 Aliases and metonymy",
        options=("Britain", "Brussels", "London", "the UK", "Manchester", "the bloc"),
        hints=("An alias cluster holds every name of one actor: its names, its abbreviation, its capital when the "
               "capital acts for it.",),  # fmt: skip
    ),
    Exercise(
        "contextualizing.passage_acronyms",
        "number",
        "Core: how many acronyms does the passage below define (not merely use)?",
        ValueKey(frozenset(), normalizer="number"),
        tier="core",
        notebook=NOTEBOOK,
        section="§ 3 Acronyms the text defines",
        hints=("acronyms(read_article(passage)) lists the definitions it finds; check each one in the text, and "
               "look for capitals the text never defines.",),  # fmt: skip
        variants=_PASSAGE_ACRONYMS,
    ),
    Exercise(
        "contextualizing.network_ties",
        "number",
        "Core: “Mayor Ana Ruiz met Rep. Tom Hale in Denver on Friday. Ruiz and Hale then called the Colorado Water "
        "Board. Nobody answered, and Hale left for Boulder.” In the co-occurrence network of this passage (every "
        "named person, place and organization is an actor; two actors are tied when one sentence names both), how "
        "many ties are there?",
        ValueKey(_TIES, normalizer="number", mistakes=_TIES_WRONG),
        tier="core",
        notebook=NOTEBOOK,
        section="§ 5 Who is named with whom",
        hints=("List the actors sentence by sentence (a surname is its person), then the pairs in each sentence; "
               "count each pair once.",),  # fmt: skip
    ),
    Exercise(
        "contextualizing.defined_acronyms",
        "code",
        "Challenge (code): write defined_acronyms(text), which finds the acronyms a text defines in the shapes "
        "“Full Name (ABC)” and “ABC (Full Name)”, with the names they stand for.",
        CodeKey("defined_acronyms", _ACRONYM_CASES, instructor_cases=acronym_cases),
        tier="challenge",
        notebook=NOTEBOOK,
        section="§ 3 Acronyms the text defines",
        template=_ACRONYM_TEMPLATE,
        hints=(
            "re.finditer(r\"\\(([A-Z]{2,})\\)\", text) finds “(ABC)”; the name is then the words just before it.",
            "Walk back from the parenthesis one word at a time and keep the capitalized words' first letters until "
            "they spell the acronym.",
        ),
    ),
    Exercise(
        "contextualizing.family_name",
        "code",
        "Challenge (code): write family_name(name), a name-shape recognizer that finds the family name in a "
        "person's name as news prints it: Korean names family name first, other names family name last.",
        CodeKey("family_name", _FAMILY_CASES, instructor_cases=family_cases),
        tier="challenge",
        notebook=NOTEBOOK,
        section="§ 2 Who’s who: two people, one surname",
        template=_FAMILY_TEMPLATE,
        hints=(
            "Split the name into words; drop a suffix at the end first.",
            "A Korean given name is hyphenated with a lowercase second part (Kyu-duk): re.fullmatch(r\"[A-Z][a-z]+-"
            "[a-z]+\", word).",
        ),
    ),
    Exercise(
        "contextualizing.tool_wrong",
        "text",
        "Challenge: the course’s entities() labels one name in the passage below wrong, or misses it. Which name? "
        "Type it exactly as the passage writes it.",
        ValueKey(frozenset(), normalizer="text"),
        tier="challenge",
        notebook=NOTEBOOK,
        section="§ 7 Where the tool gets it wrong",
        hints=("Run entities(read_article(passage)) and go through its list with the passage beside it: is every "
               "name there, with the label a reader would give it?",),  # fmt: skip
        variants=_TOOL_WRONG,
    ),
)
