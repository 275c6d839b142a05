"""Instructor cases for the code exercises of ``03_quoting.ipynb``, generated from the instructor's secret.

Like :mod:`lessons.course.exercises._instructor`, each generator builds its inputs *and* their right
answers together: a paragraph for ``quoted_spans`` is written piece by piece, so the offsets of each
quotation are known when it is written; a list of people for ``resolve_speaker`` is drawn so that the
mention matches one of them, several, or none, by construction. No solver is needed.

>>> import random
>>> (text,), spans, about = quoted_span_cases(random.Random(7))[0]
>>> all(text[start - 1] in "“\\"" and text[end] in "”\\"\\n" for start, end in spans)
True
>>> (mention, people), expected, about = speaker_cases(random.Random(7))[0]
>>> isinstance(mention, str) and isinstance(people, list) and isinstance(expected, str)
True
"""

from __future__ import annotations

import random

from lessons.course.exercises._instructor import Case

# Sentences of narration full of apostrophes, none of which is a quotation mark.
_NARRATION = (
    "Kim’s aide arrived late.", "O’Brien didn’t wait for the vote.", "The ’90s are back in fashion.",
    "Rock ’n’ roll filled the hall.", "The team's bus left at noon.", "Officials won't say more.",
    "The mayor’s office declined to comment.", "Rain fell on the workers’ picket line.",
    "It was the city's third strike since '08.", "Nobody’s sure when talks resume.",
)
# What people say: apostrophes inside, and a nested quotation ({n}...{m}) in some.
_SAID = (
    "We will not back down", "It’s too early to say", "Nobody told us anything", "We didn’t expect this",
    "I said {n}enough{m} and walked out", "They called it {n}a fair deal{m} and it isn’t",
    "Our members’ patience is gone", "The ’22 contract still holds", "Call it a pause, not a stop",
    "My father’s words were {n}keep going{m}",
)
_CUES = ("he said", "she said", "said Ana Ruiz", "Baek Ji-won told reporters", "the union said", "an aide said")
def _upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]


_MARKS = {"curly": ("“", "”", "‘", "’"), "straight": ('"', '"', "'", "'")}


def quoted_span_cases(rng: random.Random, count: int = 6) -> list[Case]:
    """Texts for ``quoted_spans``: curly or straight marks, nested quotes, apostrophes, unclosed marks, a
    quotation that runs over two paragraphs."""
    cases: list[Case] = []
    for index in range(count):
        style = "straight" if index % 3 == 2 else "curly"
        opening, closing, nested_open, nested_close = _MARKS[style]
        text, spans = "", []
        for _ in range(rng.randint(2, 4)):
            if text:
                text += " "
            if rng.random() < 0.4:
                text += rng.choice(_NARRATION)
                continue
            said = rng.choice(_SAID).format(n=nested_open, m=nested_close)
            if rng.random() < 0.5:  # “Quote,” cue.
                text += opening
                spans.append((len(text), len(text) + len(said) + 1))
                text += f"{said},{closing} {rng.choice(_CUES)}."
            else:  # Cue: “Quote.”
                text += f"{_upper_first(rng.choice(_CUES))}: {opening}"
                spans.append((len(text), len(text) + len(said) + 1))
                text += f"{said}.{closing}"
        about = f"{len(spans)} quotations in {style} marks"
        if index % 2 == 1:  # a quotation that never closes opens nothing
            text += f" {_upper_first(rng.choice(_CUES))}: {opening}{rng.choice(_SAID).format(n='', m='')} and"
            about += ", then an opening mark nothing closes"
            if rng.random() < 0.5:  # ... when the paragraph after it opens with no mark
                text += "\n" + rng.choice(_NARRATION)
                about += " before a new paragraph"
        elif index % 4 == 0:  # a quotation that runs on into the next paragraph: one span per paragraph
            said, more = rng.sample([x.format(n=nested_open, m=nested_close) for x in _SAID], 2)
            text += f" {_upper_first(rng.choice(_CUES))}: {opening}"
            spans.append((len(text), len(text) + len(said) + 1))
            text += f"{said}.\n{opening}"
            spans.append((len(text), len(text) + len(more) + 1))
            text += f"{more},{closing} {rng.choice(_CUES)}."
            about += ", and one that runs on into the next paragraph"
        cases.append(((text,), [list(span) for span in spans], about))
    return cases


_TITLES = ("Dr.", "Sen.", "Gov.", "Mr.", "Ms.", "Prof.", "Minister", "Mayor", "Judge", "Coach")
_WESTERN = (("Ana", "Ruiz"), ("Pat", "Lee"), ("Maria", "Okafor"), ("Tom", "Delgado-Ruiz"), ("Lena", "Marsh"),
            ("Kwame", "Asante"), ("Sung", "Kim"), ("Ray", "Dillard"), ("Ines", "Moreau"), ("Omar", "Haddad"))
_KOREAN = (("Noh", "Kyu-duk"), ("Baek", "Ji-won"), ("Kim", "Jong-un"), ("Lee", "Min-ho"), ("Han", "Do-yun"),
           ("Choi", "Ye-rin"), ("Park", "Min-ji"), ("Yoon", "Seo-yeon"))


def _person(rng: random.Random) -> tuple[str, str]:
    """A full name and its family name: Korean names (hyphenated given name) put the family name first."""
    if rng.random() < 0.45:
        family, given = rng.choice(_KOREAN)
        return f"{family} {given}", family
    given, family = rng.choice(_WESTERN)
    if rng.random() < 0.15:
        return f"{given} {family} Jr.", family
    return f"{given} {family}", family


def speaker_cases(rng: random.Random, count: int = 8) -> list[Case]:
    """Mentions and the people named so far, for ``resolve_speaker``: one match, several, none, a full name."""
    cases: list[Case] = []
    for index in range(count):
        people: dict[str, str] = {}
        while len(people) < rng.randint(2, 5):
            name, family = _person(rng)
            people.setdefault(name, family)
        names = list(people)
        shape = index % 4
        title = rng.choice(_TITLES) + " " if rng.random() < 0.6 else ""
        if shape == 0:  # the mention is already one of the full names
            target = rng.choice(names)
            mention, expected, about = target, target, "a full name already in the list"
        else:
            families = [people[n] for n in names]
            unique = [f for f in families if families.count(f) == 1]
            shared = sorted({f for f in families if families.count(f) > 1})
            if shape == 1 and unique:
                family = rng.choice(unique)
                expected = next(n for n in names if people[n] == family)
                mention, about = title + family, "a surname, after a title" if title else "a surname"
            elif shape == 2 or (shape == 1 and not unique):
                if not shared:  # add a second person with a family name already used
                    family = rng.choice(families)
                    pool = [f"{g} {family}" for g, f in _WESTERN if f == family] + \
                           [f"{family} {g}" for f, g in _KOREAN if f == family] + [f"Alex {family}", f"{family} Ha-neul"]
                    extra = next((p for p in pool if p not in people), f"Jordan {family}")
                    people[extra] = family
                    names.insert(rng.randrange(len(names) + 1), extra)
                    shared = [family]
                family = rng.choice(shared)
                mention, expected, about = title + family, family, "two people share the surname: keep it as written"
            else:  # nobody in the list has that family name
                used = set(people.values())
                family = rng.choice([f for _, f in _WESTERN if f not in used] + [f for f, _ in _KOREAN if f not in used])
                mention, expected, about = title + family, family, "nobody named so far has that surname"
        cases.append(((mention, list(names) * rng.choice((1, 1, 2))), expected, about))
    return cases
