"""Instructor cases for the code exercises of ``05_contextualizing.ipynb``, generated from the instructor's secret.

Like :mod:`lessons.course.exercises._instructor`, each generator builds its inputs *and* their right answers
together: for ``defined_acronyms`` it draws organizations' names, makes each acronym from their capitalized
words, and writes sentences that define them in one of the two shapes (with parentheses and capitals that
define nothing beside them); for ``family_name`` it draws a family name first and writes the full name around
it, in the order the name's shape calls for. No solver is needed.

>>> import random
>>> (text,), expected, about = acronym_cases(random.Random(7))[0]
>>> all(short in text and name in text for short, name in expected.items())
True
>>> (name,), family, about = family_cases(random.Random(7))[0]
>>> family in name
True
"""

from __future__ import annotations

import random

from lessons.course.exercises._instructor import Case

_FIRST = ("National", "Korea", "Pacific", "Northern", "Eastern", "Central", "United", "Federal", "Coastal", "Metro")
_MIDDLE = ("Maritime", "Energy", "Housing", "Transport", "Health", "Water", "Rail", "Steel", "Fisheries", "Textile",
           "Research", "Safety", "Labor", "Trade", "Forest")
_HEAD = ("Agency", "Board", "Council", "Union", "Institute", "Federation", "Commission", "Authority", "Service",
         "Association")
_SMALL = ("of", "for", "and")
_NOISE = ("The CEO declined to comment.", "Results are due in the third quarter (Q3).", "GDP grew 2.1% (2025).",
          "Its head, Lee Min-ji (pictured), spoke first.", "Shares rose on the KOSPI.", "Talks began (again) Monday.")
_GIVEN_HYPHEN = ("Ji-won", "Min-seo", "Tae-yang", "Hye-jin", "Sung-ho", "Eun-ji", "Do-hyun", "Seo-yeon")
_GIVEN = ("Maria", "Kwame", "Aoife", "Tomás", "Priya", "Daniel", "Yuki", "Fatima", "Sung", "Lena")
_FAMILY = ("Baek", "Hwang", "Noh", "Osei", "Moreau", "Natarajan", "Quinn", "Okafor", "Lindqvist", "Sato", "Kim")
_SUFFIX = ("Jr.", "Sr.", "III")


def _organization(rng: random.Random) -> tuple[str, str]:
    """A name of two to four capitalized words (a small word may sit between two) and its acronym."""
    words = [rng.choice(_FIRST), *rng.sample(_MIDDLE, rng.randint(0, 2)), rng.choice(_HEAD)]
    if len(words) > 2 and rng.random() < 0.4:
        words.insert(rng.randrange(1, len(words)), rng.choice(_SMALL))
    if words[-1] in ("Agency", "Service", "Authority") and rng.random() < 0.5:
        words += ["for", rng.choice(_MIDDLE)]
    return " ".join(words), "".join(w[0] for w in words if w[0].isupper())


def acronym_cases(rng: random.Random, count: int = 6) -> list[Case]:
    """Texts for ``defined_acronyms``: one to three definitions, "Name (ABC)" or "ABC (Name)", among noise."""
    cases: list[Case] = []
    for index in range(count):
        expected: dict[str, str] = {}
        sentences = []
        for _ in range(1 + index % 3):
            name, short = _organization(rng)
            if short in expected:
                continue
            expected[short] = name
            if rng.random() < 0.5:
                sentences.append(f"The {name} ({short}) said on Monday it would review the plan.")
            else:
                sentences.append(f"{short} ({name}) officials met on Tuesday.")
            sentences.append(f"{short} will report again next week.")
        sentences.insert(rng.randrange(len(sentences) + 1), rng.choice(_NOISE))
        about = f"{len(expected)} definition{'s' if len(expected) > 1 else ''} among other capitals and parentheses"
        cases.append(((" ".join(sentences),), expected, about))
    return cases


def family_cases(rng: random.Random, count: int = 8) -> list[Case]:
    """Names for ``family_name``: family first before a hyphenated given name, else last (before a suffix)."""
    cases: list[Case] = []
    shapes = ("korean", "western", "suffix", "initial", "korean", "western", "single", "western")
    for index in range(count):
        family = rng.choice(_FAMILY)
        shape = shapes[index % len(shapes)]
        if shape == "korean":
            name = f"{family} {rng.choice(_GIVEN_HYPHEN)}"
        elif shape == "western":
            name = f"{rng.choice(_GIVEN + _GIVEN_HYPHEN)} {family}"
        elif shape == "suffix":
            name = f"{rng.choice(_GIVEN)} {family} {rng.choice(_SUFFIX)}"
        elif shape == "initial":
            name = f"{rng.choice(_GIVEN)} {rng.choice('ABCDEHJKLMPRST')}. {family}"
        else:
            name = family
        cases.append(((name,), family, f"a {shape} name"))
    return cases
