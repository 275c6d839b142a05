"""Regular expressions that skip quickly to where a match can begin.

Python's ``re`` tries a pattern that opens with ``\\b`` or an optional word at every position of the text. A
lookahead for the characters a match can start with lets it reject most positions at once, which makes the
dating recognizers about twice as fast. The set is read from the parsed pattern and errs on the side of more
characters, so the anchored pattern finds exactly what the plain one finds.

>>> first_chars(r"\\b(?:in )?(?P<core>May|June)")
'JMi'
>>> first_chars(r"\\w+") is None   # could start anywhere: no gain, no lookahead
True
>>> [m.group() for m in anchored(r"\\b(?:in )?(?:May|June)\\b").finditer("in May, not in june or June")]
['in May', 'June']
"""

from __future__ import annotations

import re

try:  # Python 3.11+; the module's old name is kept for 3.10
    from re import _constants as _c, _parser as _p  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as _c  # type: ignore[no-redef]
    import sre_parse as _p  # type: ignore[no-redef]

_ANY = None  # a sequence that can start with any character
_CATEGORIES = {
    _c.CATEGORY_DIGIT: "0123456789",
}


class _Unknown(Exception):
    """The pattern holds something this reader does not follow: use the plain pattern."""


def _cased(chars: set[str], ignore_case: bool) -> set[str]:
    return chars | {c.swapcase() for c in chars} if ignore_case else chars


def _chars_of_set(items: list) -> set[str]:
    chars: set[str] = set()
    for op, arg in items:
        if op is _c.LITERAL:
            chars.add(chr(arg))
        elif op is _c.RANGE and arg[1] - arg[0] < 512:
            chars.update(map(chr, range(arg[0], arg[1] + 1)))
        elif op is _c.CATEGORY and arg in _CATEGORIES:
            chars.update(_CATEGORIES[arg])
        else:  # a negated set, a wide range, \w, \s …: anything
            raise _Unknown
    return chars


def _first(items: list, ignore_case: bool) -> tuple[set[str], bool]:
    """The characters a match of this sequence can start with, and whether it can match nothing."""
    chars: set[str] = set()
    for op, arg in items:
        if op is _c.AT or op in (_c.ASSERT, _c.ASSERT_NOT):
            continue  # zero width: the next item decides
        if op is _c.LITERAL:
            return chars | _cased({chr(arg)}, ignore_case), False
        if op is _c.IN:
            return chars | _cased(_chars_of_set(arg), ignore_case), False
        if op is _c.SUBPATTERN:
            flags = arg[1]
            inner, empty = _first(list(arg[3]), ignore_case or bool(flags & _c.SRE_FLAG_IGNORECASE))
        elif op is _c.BRANCH:
            inner, empty = set(), False
            for branch in arg[1]:
                found, can_be_empty = _first(list(branch), ignore_case)
                inner |= found
                empty = empty or can_be_empty
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT):
            inner, empty = _first(list(arg[2]), ignore_case)
            empty = empty or arg[0] == 0
        else:  # any character, a back-reference, a conditional …
            raise _Unknown
        chars |= inner
        if not empty:
            return chars, False
    return chars, True


def first_chars(pattern: str) -> str | None:
    """The characters a match of ``pattern`` can start with (sorted), or None when it could start anywhere."""
    try:
        parsed = _p.parse(pattern)
        ignore_case = bool(parsed.state.flags & _c.SRE_FLAG_IGNORECASE)
        chars, empty = _first(list(parsed), ignore_case)
    except (_Unknown, AttributeError, TypeError):
        return None
    if empty or not chars:
        return None
    return "".join(sorted(chars))


def anchored(pattern: str) -> re.Pattern[str]:
    """``pattern`` compiled behind a lookahead for its first characters, when they are known."""
    chars = first_chars(pattern)
    if chars is None:
        return re.compile(pattern)
    return re.compile(f"(?=[{re.escape(chars)}])(?:{pattern})")
