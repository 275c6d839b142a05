"""Lesson 5, contextualizing: who appears with whom — a co-occurrence network of a story's actors, by sentence.

Two actors are tied when one sentence names both (under any of their names: "Pyongyang" and "the North" are
North Korea's); the tie's weight is the number of such sentences. The chart draws the actors on a circle, each
tie as a line as thick as its weight and labelled with its number, so the figure never depends on colour; the
description says the same in words.

>>> ties = network("Sung Kim met Noh Kyu-duk in Seoul. Kim and Noh urged North Korea to talk. Pyongyang refused.")
>>> [(t.first, t.second, t.sentences) for t in ties]
[('Sung Kim', 'Noh Kyu-duk', 2), ('Sung Kim', 'Seoul', 1), ('Noh Kyu-duk', 'Seoul', 1), \
('Sung Kim', 'North Korea', 1), ('Noh Kyu-duk', 'North Korea', 1)]
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass
from itertools import combinations
from typing import TYPE_CHECKING

from lessons.contextualizing import _body
from lessons.entities import entities
from lessons.tokenizing import sentences

if TYPE_CHECKING:
    from matplotlib.figure import Figure

__all__ = ["Tie", "describe_network", "network", "network_chart"]


@dataclass(frozen=True)
class Tie:
    """Two actors named in the same sentences, and in how many (``first`` is the one named first in the text)."""

    first: str
    second: str
    sentences: int


def network(article_or_text: object, *, labels: tuple[str, ...] = ("PERSON", "GPE", "ORG")) -> list[Tie]:
    """Every pair of actors named in one sentence, heaviest first (then in order of first mention)."""
    body = _body(article_or_text, "network")  # type: ignore[arg-type]
    named = [e for e in entities(body) if e.label in labels]
    first_seen = {}
    for e in named:
        first_seen.setdefault(e.cluster, e.start)
    weights: Counter[tuple[str, str]] = Counter()
    k = 0
    for sentence in sentences(body):
        actors = []
        while k < len(named) and named[k].start < sentence.end:
            if named[k].start >= sentence.start and named[k].cluster not in actors:
                actors.append(named[k].cluster)
            k += 1
        for a, b in combinations(sorted(actors, key=first_seen.__getitem__), 2):
            weights[(a, b)] += 1
    ranked = sorted(weights.items(), key=lambda item: (-item[1], first_seen[item[0][1]], first_seen[item[0][0]]))
    return [Tie(a, b, n) for (a, b), n in ranked]


def describe_network(ties: list[Tie], *, top: int = 5) -> str:
    """The chart's text description: how many actors and ties, and the strongest ties in words."""
    if not ties:
        return "No sentence names two actors, so the network has no ties."
    actors = {name for t in ties for name in (t.first, t.second)}
    strongest = "; ".join(f"{t.first} and {t.second} ({t.sentences} sentence{'s' if t.sentences > 1 else ''})"
                          for t in ties[:top])
    return (f"A network of {len(actors)} actors with {len(ties)} tie{'s' if len(ties) != 1 else ''}, one per pair "
            "named in the same sentence. "
            f"The strongest: {strongest}.")


def network_chart(ties: list[Tie], *, title: str = "Who is named with whom") -> Figure:
    """The actors on a circle, each tie a grey line as thick as its sentence count and labelled with it.

    >>> figure = network_chart(network("Ana Ruiz met Bo Lee in Lima. Ruiz and Lee talked."))
    >>> figure.axes[0].get_title(), sorted(t.get_text() for t in figure.axes[0].texts)[:3]
    ('Who is named with whom', ['1', '1', '2'])
    """
    import matplotlib.pyplot as plt

    order = list(dict.fromkeys(name for t in ties for name in (t.first, t.second)))
    figure, axes = plt.subplots(figsize=(9, 6.5), layout="constrained")
    where = {name: (math.cos(math.pi / 2 - 2 * math.pi * k / max(len(order), 1)),
                    math.sin(math.pi / 2 - 2 * math.pi * k / max(len(order), 1))) for k, name in enumerate(order)}
    heaviest = max((t.sentences for t in ties), default=1)
    for t in ties:
        (x1, y1), (x2, y2) = where[t.first], where[t.second]
        axes.plot([x1, x2], [y1, y2], color="0.45", linewidth=1 + 5 * t.sentences / heaviest, zorder=1)
        axes.text((x1 + x2) / 2, (y1 + y2) / 2, str(t.sentences), ha="center", va="center", fontsize=9,
                  bbox={"boxstyle": "circle,pad=0.2", "facecolor": "white", "edgecolor": "0.45"}, zorder=3)
    for name, (x, y) in where.items():
        axes.scatter([x], [y], s=120, color="black", zorder=2)
        axes.annotate(name, (x, y), xytext=(x * 1.12, y * 1.12), ha="left" if x > 0.05 else "right" if x < -0.05
                      else "center", va="center", fontsize=10)
    axes.set_xlim(-1.8, 1.8)
    axes.set_ylim(-1.35, 1.35)
    axes.set_aspect("equal")
    axes.axis("off")
    axes.set_title(title if ties else "No two actors share a sentence")
    plt.close(figure)
    return figure
