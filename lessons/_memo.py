"""Answers kept for the last few texts: each stage asks one text what the stages before it asked.

Quotes, people, entities and the network all read one text's words, sentences and names; keeping those for the
last few texts read makes the pipeline several times faster, and memory stays bounded by ``maxsize`` texts.
:func:`forget_texts` empties every such cache, so a benchmark can time a text as if it were new.

>>> @per_text(maxsize=2)
... def shout(text: str) -> str:
...     return text.upper()
>>> shout("kim"), shout.cache_info().currsize
('KIM', 1)
>>> forget_texts(); shout.cache_info().currsize
0
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import Any, TypeVar

_F = TypeVar("_F", bound=Callable[..., Any])
_CACHES: list[Any] = []


def per_text(maxsize: int = 8) -> Callable[[_F], _F]:
    """``functools.lru_cache`` for a function of a text (its results must not be mutated), registered so that
    :func:`forget_texts` can empty it."""
    def decorate(function: _F) -> _F:
        cached = lru_cache(maxsize=maxsize)(function)
        _CACHES.append(cached)
        return cached  # type: ignore[return-value]
    return decorate


def forget_texts() -> None:
    """Empty every per-text cache (the gazetteers, word lists and Punkt model stay loaded)."""
    for cached in _CACHES:
        cached.cache_clear()
