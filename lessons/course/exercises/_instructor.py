"""Instructor cases for code exercises, generated from the instructor's secret.

Each generator builds its inputs *and* their right answers together from parts it chose (a
byline from a name and a stamp; a paragraph from sentences), so no solver is needed and no
learner's copy holds the cases a grade will use: the random generator is seeded from the
instructor's secret (see ``lessons.course.checks``). What the learner can read here is the kind
of case, which the exercise states anyway.

>>> import random
>>> cases = byline_cases(random.Random(7))
>>> all(isinstance(line, str) and len(expected) == 2 for (line,), expected, about in cases)
True
>>> (text,), expected, about = sentence_cases(random.Random(7))[0]
>>> " ".join(expected) == text
True
"""

from __future__ import annotations

import random
from typing import Any

Case = tuple[tuple[Any, ...], Any, str]

_GIVEN = ("Seo-yeon", "Min-jun", "Ji-ho", "Hye-won", "Ama", "Kwame", "Lucía", "Jean-Luc", "Priya", "Tomás", "Aoife")
_FAMILY = ("Yoon", "Baek", "Hwang", "Osei", "Mensah", "Fernández", "Moreau", "Natarajan", "O'Connell", "Nakamura")
_MONTHS = ("Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec.")


def _name(rng: random.Random) -> str:
    given, family = rng.choice(_GIVEN), rng.choice(_FAMILY)
    return f"{family} {given}" if "-" in given and rng.random() < 0.7 else f"{given} {family}"


def _stamp(rng: random.Random) -> str:
    hour = f"{rng.randint(0, 23):02d}" if rng.random() < 0.6 else str(rng.randint(1, 12))
    return f"{rng.choice(_MONTHS)} {rng.randint(1, 28)}, {rng.randint(2015, 2026)} - {hour}:{rng.randint(0, 59):02d}"


def byline_cases(rng: random.Random, count: int = 6) -> list[Case]:
    """Bylines for ``split_byline``: one, two or three authors, glued stamps, Updated, no stamp."""
    cases: list[Case] = []
    for index in range(count):
        authors = [_name(rng) for _ in range(rng.choice((1, 1, 2, 3)))]
        author = authors[0] if len(authors) == 1 else ", ".join(authors[:-1]) + " and " + authors[-1]
        if index == 0:  # every class gets a byline without a stamp
            cases.append(((f"By {author}",), (author, None), "a byline with no stamp"))
            continue
        stamp, colon = _stamp(rng), rng.choice((" : ", " :", ": ", ":"))
        line = f"By {author}Published{colon}{stamp}"
        about = f"{len(authors)} author{'s' if len(authors) > 1 else ''}, 'Published{colon}'"
        if rng.random() < 0.4:
            line += f"Updated{rng.choice((' : ', ':'))}{_stamp(rng)}"
            about += ", an Updated stamp"
        cases.append(((line,), (author, stamp), about))
    return cases


_OPENERS = (
    "Dr. {family} told reporters the plan was ready.",
    "Talks resumed on Aug. {day} after a short pause.",
    "Gen. {family} arrived at {hour} p.m. on a military flight.",
    "The vote is set for Sept. {day}, officials said.",
    "“We will not wait any longer,” {given} {family} said.",
    "“Is this the end?” asked a reporter.",
    "Ms. {family} declined to comment.",
    "Shares fell 3.5 percent in early trading.",
    "The meeting ended at {hour} a.m. without a statement.",
    "“Nothing has been decided.” {given} left the room.",
)


def sentence_cases(rng: random.Random, count: int = 6) -> list[Case]:
    """Paragraphs for ``split_sentences``, made of sentences with abbreviations, decimals and quotes."""
    cases: list[Case] = []
    for _ in range(count):
        picked = rng.sample(_OPENERS, rng.randint(2, 5))
        filled = [
            template.format(family=rng.choice(_FAMILY), given=rng.choice(_GIVEN).split("-")[0],
                            day=rng.randint(1, 28), hour=rng.randint(1, 11))  # fmt: skip
            for template in picked
        ]
        # “Nothing has been decided.” {given} left the room. is two sentences.
        sentences = [part for s in filled for part in _split_known(s)]
        cases.append(((" ".join(sentences),), sentences, f"{len(sentences)} sentences with abbreviations and quotes"))
    return cases


def _split_known(sentence: str) -> list[str]:
    head, mark, tail = sentence.partition(".” ")
    return [head + ".”", tail] if mark else [sentence]
