"""Exercises of ``06_capstone.ipynb``. Keys are salted digests (see ``lessons.course.keys``).

The practice passage's exercises are graded like every other; the learner's own article is graded on its own
terms, from the record its steps write (see :mod:`lessons.capstone`).
"""

from __future__ import annotations

from lessons.course.checks import Exercise
from lessons.course.keys import PairsKey, RecordKey, ValueKey

NOTEBOOK = "06_capstone.ipynb"

PASSAGE = (
    "Ferry crews in Busan returned to work on Thursday after a two-day strike, their union said. “We got what we "
    "came for,” said Choi Min-seo, who leads the Busan Ferry Workers Union (BFWU). The operator, Haeundae Marine "
    "Co., said sailings would be back to normal by Saturday. “It was an expensive week,” its chief executive, Tom "
    "Baek, told reporters."
)
_INTRO = "Practice passage, published Thursday, Oct. 9, 2025, 18:30 (see § 7). "

EXERCISES = (
    Exercise(
        "capstone.passage_speakers",
        "match",
        _INTRO + "Who says each quotation?",
        PairsKey(frozenset({'6e29176c0a613b54', '1c73358cea141a53'}), size=2),
        tier="core",
        notebook=NOTEBOOK,
        section="§ 7 Practice: one passage, every stage",
        items=('“We got what we came for”', '“It was an expensive week”'),
        options=("Choi Min-seo", "Tom Baek", "Haeundae Marine Co.", "the union"),
        hints=("A speaker named after the quote (“…,” said X) or in an appositive (its chief executive, X,) is the "
               "one who said it.",),
    ),
    Exercise(
        "capstone.passage_dates",
        "match",
        _INTRO + "Give each temporal expression its TIMEX3 value.",
        PairsKey(frozenset({'faa170f329643e31', '68d12c0c89027068', '94b639c1e1893254'}), size=3),
        tier="core",
        notebook=NOTEBOOK,
        section="§ 7 Practice: one passage, every stage",
        items=('Thursday', 'Saturday', 'two-day'),
        options=("2025-10-02", "2025-10-09", "2025-10-11", "2025-10-04", "P2D", "P2W"),
        hints=("Past clause: the last such day (the publication day itself when it matches); future: the next.",),
    ),
    Exercise(
        "capstone.passage_entities",
        "match",
        _INTRO + "Give each name its label.",
        PairsKey(frozenset({'03d3ea723a64b112', 'bfe163ce89a2942a', '7b71fef1d38ccb46', '711be4d0f26ae7fd'}), size=4),
        tier="warm-up",
        notebook=NOTEBOOK,
        section="§ 7 Practice: one passage, every stage",
        items=('Busan', 'Choi Min-seo', 'BFWU', 'Haeundae Marine Co.'),
        options=("PERSON", "GPE", "ORG", "LOC"),
        hints=("An acronym takes the label of the name it stands for.",),
    ),
    Exercise(
        "capstone.passage_acronym",
        "text",
        _INTRO + "What does the passage say BFWU stands for? Type the full name as the passage writes it.",
        ValueKey(frozenset({'294ca55761ab75a6'}), normalizer="text"),
        tier="warm-up",
        notebook=NOTEBOOK,
        section="§ 7 Practice: one passage, every stage",
        hints=("Look for the shape “Full Name (ABC)”.",),
    ),
    Exercise(
        "capstone.own_article",
        "capstone",
        "Your own article: every step done (§ 3 quotes, § 4 dates, § 5 people, § 6 fact sheet), and a fact sheet "
        "that agrees with your corrected analysis.",
        RecordKey(),
        tier="challenge",
        notebook=NOTEBOOK,
        section="§ 6 Your fact sheet",
        points=5.0,
        hints=("Run the steps in order on one article; make the fact sheet again after your last correction.",),
    ),
)
