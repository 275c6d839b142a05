"""Exercises of ``00_start.ipynb``: practise answering, checking and saving."""

from __future__ import annotations

from lessons.course.checks import Exercise
from lessons.course.keys import ValueKey

NOTEBOOK = "00_start.ipynb"

EXERCISES = (
    Exercise(
        "start.next_lesson",
        "choice",
        "Practice: which lesson comes right after tokenizing?",
        ValueKey(frozenset({"3194acbae5f03e28"}), normalizer="exact"),
        tier="warm-up",
        notebook=NOTEBOOK,
        section="§ 3 Your first answer",
        options=("Reading", "Quoting", "Dating", "Contextualizing"),
        hints=("The lesson list at the top of this notebook gives the order.",),
    ),
    Exercise(
        "start.city",
        "text",
        "Practice: in which city did the two envoys meet? (Type one word.)",
        ValueKey(
            frozenset({"08ab721e354fd1d1"}),
            mistakes={
                "23b889d259bc4adf": "Pyongyang is the North's capital; the envoys were trying to get it to talk.",
                "8e2e41cee05fd81b": "Washington sent the envoy; the article's second paragraph (data/article.txt) says where they met.",
            },
        ),
        tier="warm-up",
        notebook=NOTEBOOK,
        section="§ 3 Your first answer",
        hints=("The article's second paragraph (data/article.txt) says where the talks were held.",),
    ),
)
