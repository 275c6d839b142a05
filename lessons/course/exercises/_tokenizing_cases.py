"""Instructor cases for the code exercises of ``02_tokenizing.ipynb``, generated from the instructor's secret.

Like :mod:`lessons.course.exercises._instructor`, each generator builds its inputs *and* their right
answers together: a text for ``count_words`` is put together from parts whose counted form is known
when the part is chosen (a name with a possessive, an acronym, a stopword, a number ...), so the
expected counts are added up while the text is written, and no solver is needed.

>>> import random
>>> cases = count_words_cases(random.Random(7))
>>> all(isinstance(text, str) and isinstance(stops, list) and isinstance(counts, dict)
...     for (text, stops), counts, about in cases)
True
"""

from __future__ import annotations

import random
from collections import Counter

from lessons.course.exercises._instructor import Case

# Plain content words (counted as written), names (counted lower-cased), acronyms (kept in capitals,
# never stopwords, even WHO and IT), hyphenated compounds (one word), and function words: a case's
# stopword list holds some of them, and the others are then counted like any word.
_CONTENT = ("envoy", "talks", "drills", "aid", "troops", "summit", "hotline", "sanctions", "ceasefire", "border",
            "treaty", "ministers", "budget", "harbor", "election", "ballots", "crews", "bridge", "council", "tariffs")  # fmt: skip
_NAMES = ("Kim", "Noh", "Osei", "Moreau", "Pyongyang", "Seoul", "Hanoi", "Geneva", "Baek", "Nakamura", "Mensah",
          "Lucía", "Müller", "Tokyo", "Lagos")  # fmt: skip
_ACRONYMS = ("US", "UN", "ROK", "DPRK", "WHO", "EU", "IT", "NATO", "IMF")
_COMPOUNDS = ("inter-Korean", "cross-border", "long-standing", "Kyu-duk", "follow-up", "six-party")
_FUNCTION = ("the", "a", "of", "to", "and", "in", "on", "with", "may", "us", "who", "it", "i", "was", "for", "don't",
             "won't", "their")  # fmt: skip
_NUMBERS = ("$85", "3,000", "2021", "10.5", "40", "$2.3", "1,200", "19")
_ENDS = (".", ".", ".", "?", "!")


def _part(rng: random.Random, stops: set[str]) -> tuple[str, str | None]:
    """One word of a sentence as written, and what count_words counts it as (None: nothing)."""
    kind = rng.choice(("content", "content", "content", "name", "possessive", "acronym", "compound",
                       "function", "function", "number"))  # fmt: skip
    if kind == "content":
        word = rng.choice(_CONTENT)
        return word, word
    if kind == "name":
        name = rng.choice(_NAMES)
        return name, name.lower()
    if kind == "possessive":
        owner = rng.choice(_NAMES + _ACRONYMS + ("envoy", "council"))
        counted = owner if owner.isupper() else owner.lower()
        return owner + rng.choice(("’s", "'s")), counted
    if kind == "acronym":
        acronym = rng.choice(_ACRONYMS)
        return acronym, acronym
    if kind == "compound":
        compound = rng.choice(_COMPOUNDS)
        return compound, compound.lower()
    if kind == "number":
        return rng.choice(_NUMBERS), None
    word = rng.choice(_FUNCTION)
    written = word.replace("'", "’") if "'" in word and rng.random() < 0.6 else word
    return written, (None if word in stops else word)


def _capitalized(written: str) -> str:
    """The first word of a sentence, as a newspaper prints it."""
    return written[0].upper() + written[1:] if written[:1].isalpha() else written


def _sentence(rng: random.Random, stops: set[str], counts: Counter[str]) -> str:
    parts = [_part(rng, stops) for _ in range(rng.randint(4, 9))]
    written: list[str] = []
    for index, (word, counted) in enumerate(parts):
        word = "I" if word == "i" else word
        if index == 0:
            word = _capitalized(word)
        if counted is not None:
            counts[counted] += 1
        if index < len(parts) - 1 and rng.random() < 0.15:
            word += rng.choice((",", ";", ":", " —"))
        written.append(word)
    sentence = " ".join(written) + rng.choice(_ENDS)
    if rng.random() < 0.3:  # a quotation, curly or straight
        sentence = rng.choice((f"“{sentence}”", f'"{sentence}"'))
    return sentence


def count_words_cases(rng: random.Random, count: int = 6) -> list[Case]:
    """Texts for ``count_words(text, stopwords)`` with their counts: possessives, acronyms, numbers, quotes."""
    cases: list[Case] = []
    for _ in range(count):
        stops = set(rng.sample(_FUNCTION, rng.randint(6, len(_FUNCTION) - 2)))
        counts: Counter[str] = Counter()
        text = " ".join(_sentence(rng, stops, counts) for _ in range(rng.randint(2, 4)))
        about = f"a text of {len(text.split())} words: possessives, acronyms, numbers, a stopword list of {len(stops)}"
        cases.append(((text, sorted(stops)), dict(sorted(counts.items())), about))
    return cases

