"""Exercises and their pure check functions: answer in, :class:`CheckResult` out.

The widget's Check button and the autograder call the same ``Exercise.check``, so
what a learner sees in the notebook is exactly what the grade says.

>>> from lessons.course.keys import ValueKey, digest
>>> ex = Exercise("demo.city", "text", "Where did the envoys meet?",
...               ValueKey(frozenset({digest("demo.city", "Seoul")})))
>>> ex.check("seoul").score, ex.check("Busan").status, ex.check("").status
(1.0, 'not yet', 'not attempted')
>>> ex.check(["a", "list"]).status, ex.check(Unreadable("a number with 5000 digits")).status
('could not be read', 'could not be read')
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal
from collections.abc import Mapping, Sequence

from lessons.course import coderun
from lessons.errors import AnswerFormatError, one_line
from lessons.course.keys import (
    CodeKey,
    Key,
    PairsKey,
    SetKey,
    ValueKey,
    digest,
    normalize_exact,
    pair_digest,
)

Kind = Literal["choice", "multi", "text", "number", "date", "match", "order", "code"]
Tier = Literal["warm-up", "core", "challenge"]
#: The words a learner reads, the same in the notebook, the grade report and the gradebook.
Status = Literal["correct", "partly right", "not yet", "not attempted", "could not be read", "could not be checked"]
STATUSES: tuple[Status, ...] = (
    "correct", "partly right", "not yet", "not attempted", "could not be read", "could not be checked",
)  # fmt: skip


@dataclass(frozen=True)
class Unreadable:
    """A saved answer the store could not read back (too deep, a 5,000-digit number, a lone surrogate ...)."""

    reason: str


@dataclass(frozen=True)
class CheckResult:
    """A score from 0 to 1, one line saying why, and hints for a next try."""

    score: float
    status: Status
    message: str
    hints: tuple[str, ...] = ()

    @property
    def passed(self) -> bool:
        """Full marks."""
        return self.score >= 1.0


@dataclass(frozen=True)
class Exercise:
    """One exercise: a stable id, what to ask, how to answer and the hashed key."""

    id: str
    kind: Kind
    prompt: str
    key: Key
    tier: Tier = "core"
    notebook: str = ""
    section: str = ""
    options: tuple[str, ...] = ()  # choice/multi/order: what to pick from; match: the answers
    items: tuple[str, ...] = ()  # match: the things to match
    hints: tuple[str, ...] = ()  # shown after a wrong or partial answer
    template: str = ""  # code: the starting source
    points: float = 1.0

    @property
    def where(self) -> str:
        """Where a learner finds this exercise, e.g. '01_reading.ipynb, § 3'."""
        return ", ".join(part for part in (self.notebook, self.section) if part) or self.id

    def check(self, answer: Any) -> CheckResult:
        """Score ``answer``; never raises, whatever the answer holds.

        Blank is 'not attempted'; malformed or unreadable is 'could not be read'; a check that
        fails on its own is 'could not be checked' (score 0, still counted in the total).
        """
        if isinstance(answer, Unreadable):
            return CheckResult(0.0, "could not be read", f"This answer could not be read: {answer.reason}.")
        try:
            if is_blank(answer, self):
                return CheckResult(0.0, "not attempted", f"Not attempted yet: see {self.where}.")
            result = _CHECKERS[self.kind](self, answer)
        except AnswerFormatError as err:
            return CheckResult(0.0, "could not be read", f"This answer could not be read: {err}.", self.hints[:1])
        except RecursionError:
            return CheckResult(0.0, "could not be read", "This answer could not be read: it is nested too deeply.")
        except Exception as err:  # noqa: BLE001 - one broken check must not take the grade down with it
            why = f"{type(err).__name__}: {one_line(err, 80)}"
            return CheckResult(0.0, "could not be checked", f"This answer could not be checked ({why}); tell your instructor.")
        if result.score < 1.0 and not result.hints:
            return CheckResult(result.score, result.status, result.message, self.hints)
        return result


def is_blank(answer: Any, exercise: Exercise | None = None) -> bool:
    """True for None, empty strings, empty collections and untouched code templates.

    >>> is_blank("  "), is_blank([]), is_blank({"a": None}), is_blank(0)
    (True, True, True, False)
    """
    if answer is None:
        return True
    if isinstance(answer, str):
        untouched = exercise is not None and exercise.kind == "code" and answer.strip() == exercise.template.strip()
        return not answer.strip() or untouched
    if isinstance(answer, Mapping):
        return all(is_blank(v) for v in answer.values())
    if isinstance(answer, (list, tuple, set, frozenset)):
        return all(is_blank(v) for v in answer)
    return False


def _scored(score: float, message: str, hints: Sequence[str] = ()) -> CheckResult:
    status: Status = "correct" if score >= 1.0 else "partly right" if score > 0 else "not yet"
    return CheckResult(round(score, 3), status, message, tuple(dict.fromkeys(hints)))


def _as_list(answer: Any, what: str) -> list[str]:
    if isinstance(answer, str) or not isinstance(answer, (list, tuple, set, frozenset)):
        raise AnswerFormatError(f"expected a list of {what}, got {one_line(answer)}")
    if not all(isinstance(item, str) for item in answer):
        raise AnswerFormatError(f"expected a list of {what} (text), got {one_line(answer)}")
    return [item for item in answer if item.strip()]


def _check_value(ex: Exercise, answer: Any) -> CheckResult:
    key = ex.key
    assert isinstance(key, ValueKey)
    if ex.kind == "choice" and answer not in ex.options:
        raise AnswerFormatError(f"pick one of the options, not {one_line(answer)}")
    if isinstance(answer, (list, dict)):
        raise AnswerFormatError(f"expected a single value, got {one_line(answer)}")
    mine = digest(ex.id, answer, normalizer=key.normalizer)
    if mine in key.accepted:
        return _scored(1.0, f"Correct: {one_line(answer)}.")
    hint = key.mistakes.get(mine)
    return _scored(0.0, f"Not quite: {one_line(answer)} is not the answer.", [hint] if hint else ex.hints)


def _check_set(ex: Exercise, answer: Any) -> CheckResult:
    key = ex.key
    assert isinstance(key, SetKey)
    picked = list(dict.fromkeys(_as_list(answer, "choices")))
    if ex.options:
        unknown = [p for p in picked if p not in ex.options]
        if unknown:
            raise AnswerFormatError(f"{one_line(unknown[0])} is not one of the options")
    mine = {p: digest(ex.id, p, normalizer=key.normalizer) for p in picked}
    found = [p for p in picked if mine[p] in key.members]
    extra = [p for p in picked if mine[p] not in key.members]
    missing = len(key.members) - len({mine[p] for p in found})
    precision = len(found) / len(picked) if picked else 0.0
    recall = (len(key.members) - missing) / len(key.members) if key.members else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    message = f"{len(key.members) - missing} of {len(key.members)} found"
    if extra:
        message += f", {len(extra)} extra: " + ", ".join(one_line(e, 30) for e in extra)
    hints = [key.mistakes[mine[e]] for e in extra if mine[e] in key.mistakes]
    return _scored(f1, message + f" (F1 {f1:.2f}).", hints or (ex.hints if f1 < 1 else ()))


def _check_match(ex: Exercise, answer: Any) -> CheckResult:
    key = ex.key
    assert isinstance(key, PairsKey)
    if not isinstance(answer, Mapping):
        raise AnswerFormatError(f"expected one answer per item, got {one_line(answer)}")
    wrong = [item for item in ex.items if pair_digest(ex.id, item, str(answer.get(item) or "")) not in key.pairs]
    right = len(ex.items) - len(wrong)
    message = f"{right} of {len(ex.items)} matched"
    if wrong:
        message += "; look again at " + ", ".join(one_line(w, 40) for w in wrong)
    return _scored(right / key.size, message + ".")


def _check_order(ex: Exercise, answer: Any) -> CheckResult:
    key = ex.key
    assert isinstance(key, PairsKey)
    order = _as_list(answer, "items in order")
    if sorted(order) != sorted(ex.options):
        raise AnswerFormatError("put every item in exactly one place")
    agreeing = sum(
        pair_digest(ex.id, earlier, later) in key.pairs
        for i, earlier in enumerate(order)
        for later in order[i + 1 :]
    )
    return _scored(agreeing / key.size, f"{agreeing} of {key.size} pairs are in the right order.")


def _check_code(ex: Exercise, answer: Any) -> CheckResult:
    key = ex.key
    assert isinstance(key, CodeKey)
    if not isinstance(answer, str):
        raise AnswerFormatError(f"expected Python source code, got {one_line(answer)}")
    outcomes = coderun.run_function(answer, key.function, [c.args for c in key.cases], cpu_s=key.cpu_s)
    unchecked = [o.error for o in outcomes if o.unchecked]
    if unchecked:
        return CheckResult(0.0, "could not be checked", f"Your code could not be checked: {unchecked[0]}.", ex.hints)
    whole_run = {o.error for o in outcomes if not o.ok}
    if len(whole_run) == 1 and all(not o.ok for o in outcomes) and len(outcomes) > 1:
        # One failure of the whole run (an endless loop, a crash, a syntax error): say it once.
        return _scored(0.0, f"0 of {len(key.cases)} cases passed: {whole_run.pop()}.", ex.hints)
    passed, notes = 0, []
    for case, outcome in zip(key.cases, outcomes):
        if outcome.ok and digest(ex.id, outcome.value, normalizer="exact") == case.expected:
            passed += 1
            continue
        call = f"{key.function}({', '.join(one_line(a, 50) for a in case.args)})"
        got = f"returned {normalize_exact(outcome.value)}" if outcome.ok else (
            f"was {outcome.error}" if outcome.error.startswith(coderun.LIMIT_PREFIX) else f"raised {outcome.error}")
        if case.shown is not None:
            notes.append(f"{call} {got}; expected {normalize_exact(case.shown)}")
        else:
            # Say how, not what: the returned value would give the hidden input away.
            how = f"raised {outcome.error.split(':')[0]}" if not outcome.ok else "returned something else"
            notes.append(f"a hidden case ({case.about or 'not shown'}) failed: it {how}")
    message = f"{passed} of {len(key.cases)} cases passed"
    return _scored(passed / len(key.cases), message + (". " + notes[0] if notes else "."), notes[1:3])


_CHECKERS = {
    "choice": _check_value,
    "text": _check_value,
    "number": _check_value,
    "date": _check_value,
    "multi": _check_set,
    "match": _check_match,
    "order": _check_order,
    "code": _check_code,
}
