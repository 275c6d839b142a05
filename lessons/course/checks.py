"""Exercises and their pure check functions: answer in, :class:`CheckResult` out.

The widget's Check button and the autograder call the same ``Exercise.check``, so
what a learner sees in the notebook is exactly what the grade says.

>>> from lessons.course.keys import ValueKey, digest
>>> ex = Exercise("demo.capital", "text", "Which city stands for the North's government?",
...               ValueKey(frozenset({digest("demo.capital", "Pyongyang")})))
>>> ex.check("pyongyang").score, ex.check("Busan").status, ex.check("").status
(1.0, 'not yet', 'not attempted')
>>> ex.check(["a", "list"]).status, ex.check(Unreadable("a number with 5000 digits")).status
('could not be read', 'could not be read')

Who is graded, and with what, is a :class:`Grader`: the learner's self-check knows the learner
id; the instructor's grade also holds the instructor's secret, from which the instructor cases
of code exercises are generated (so the grade may add cases, and says so).
"""

from __future__ import annotations

import random
from dataclasses import dataclass, replace
from typing import Any, Literal
from collections.abc import Mapping, Sequence

from lessons.course import coderun
from lessons.course.secret import derive
from lessons.course.variants import Variant, choose_index, passage_text
from lessons.errors import AnswerFormatError, AskedFormError, one_line
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

Kind = Literal["choice", "multi", "text", "number", "date", "match", "order", "code", "capstone"]
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
class Grader:
    """Who is being graded (the learner id, which picks variants) and whether the instructor's secret is in hand."""

    learner: str | None = None
    secret: bytes | None = None

    @property
    def practice(self) -> bool:
        """True for the learner's self-check: instructor cases are not run."""
        return self.secret is None


SELF_CHECK = Grader()
#: Said wherever a practice check of an exercise with instructor cases is shown.
PRACTICE_NOTE = "Practice check: your instructor may run more cases."


@dataclass(frozen=True)
class CheckResult:
    """A score from 0 to 1, one line saying why, and hints for a next try."""

    score: float
    status: Status
    message: str
    hints: tuple[str, ...] = ()
    # Code answers: the sandbox limits that stopped them ("CPU time", "memory" …). The message may not say so
    # (it keeps three notes), and the instructor's summary names every learner whose code hit one.
    limits: tuple[str, ...] = ()

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
    variants: tuple[Variant, ...] = ()  # a pool of passages; the learner id picks one, with its own key

    def variant_for(self, learner: str | None) -> Variant | None:
        """The learner's variant (None without variants, or without a learner id to choose by)."""
        if not self.variants or not learner:
            return None
        return self.variants[choose_index(self.id, learner, len(self.variants))]

    def passage_for(self, learner: str | None) -> str:
        """The text this learner is asked about ('' without variants)."""
        variant = self.variant_for(learner)
        return passage_text(variant.passage) if variant else ""

    @property
    def has_instructor_cases(self) -> bool:
        """True when the instructor's grade runs cases the learner's copy does not hold."""
        return isinstance(self.key, CodeKey) and self.key.instructor_cases is not None

    @property
    def where(self) -> str:
        """Where a learner finds this exercise, e.g. '01_reading.ipynb, § 3'."""
        return ", ".join(part for part in (self.notebook, self.section) if part) or self.id

    def check(self, answer: Any, grader: Grader = SELF_CHECK) -> CheckResult:
        """Score ``answer``; never raises, whatever the answer holds.

        Blank is 'not attempted'; malformed or unreadable is 'could not be read'; a check that
        fails on its own is 'could not be checked' (score 0, still counted in the total).
        """
        result = self._check(answer, grader)
        if self.has_instructor_cases and grader.practice and result.status != "not attempted":
            return replace(result, message=f"{result.message} {PRACTICE_NOTE}")  # replace: keeps limits too
        return result

    def _check(self, answer: Any, grader: Grader) -> CheckResult:
        if isinstance(answer, Unreadable):
            return CheckResult(0.0, "could not be read", f"This answer could not be read: {answer.reason}.")
        try:
            if is_blank(answer, self):
                stop = "" if self.where.endswith(("?", "!", ".")) else "."  # "§ 3 Who is “Kim”?" ends itself
                return CheckResult(0.0, "not attempted", f"Not attempted yet: see {self.where}{stop}")
            variant = self.variant_for(grader.learner)
            if self.variants and variant is None:
                return CheckResult(0.0, "could not be checked", "Set your learner id first (whoami in 00_start): "
                                   "it chooses your passage for this exercise.")  # fmt: skip
            task = _Task(variant.key, f"{self.id}\x1f{variant.salt}") if variant else _Task(self.key, self.id)
            result = _CHECKERS[self.kind](self, task, answer, grader)
        except AnswerFormatError as err:
            return CheckResult(0.0, "could not be read", f"This answer could not be read: {err}.", self.hints[:1])
        except RecursionError:
            return CheckResult(0.0, "could not be read", "This answer could not be read: it is nested too deeply.")
        except Exception as err:  # noqa: BLE001 - one broken check must not take the grade down with it
            why = f"{type(err).__name__}: {one_line(err, 80)}"
            return CheckResult(0.0, "could not be checked", f"This answer could not be checked ({why}); tell your instructor.")
        if result.score < 1.0 and not result.hints:
            return replace(result, hints=self.hints)
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


@dataclass(frozen=True)
class _Task:
    """What this learner is checked against: the key (the exercise's or their variant's) and its salt."""

    key: Key
    salt: str


def _scored(score: float, message: str, hints: Sequence[str] = (), limits: Sequence[str] = ()) -> CheckResult:
    status: Status = "correct" if score >= 1.0 else "partly right" if score > 0 else "not yet"
    return CheckResult(round(score, 3), status, message, tuple(dict.fromkeys(hints)), tuple(dict.fromkeys(limits)))


def _as_list(answer: Any, what: str) -> list[str]:
    if isinstance(answer, str) or not isinstance(answer, (list, tuple, set, frozenset)):
        raise AnswerFormatError(f"expected a list of {what}, got {one_line(answer)}")
    if not all(isinstance(item, str) for item in answer):
        raise AnswerFormatError(f"expected a list of {what} (text), got {one_line(answer)}")
    return [item for item in answer if item.strip()]


def _check_value(ex: Exercise, task: _Task, answer: Any, grader: Grader) -> CheckResult:
    key = task.key
    assert isinstance(key, ValueKey)
    if ex.kind == "choice" and answer not in ex.options:
        raise AnswerFormatError(f"pick one of the options, not {one_line(answer)}")
    if isinstance(answer, (list, dict)):
        raise AnswerFormatError(f"expected a single value, got {one_line(answer)}")
    try:
        mine = digest(task.salt, answer, normalizer=key.normalizer)
    except AskedFormError as err:  # well formed, but not what was asked (a time not in UTC): not yet
        return _scored(0.0, f"Not quite: {one_line(answer)} is not in the form asked for.",
                       [_form_hint(task, answer, err)])  # fmt: skip
    if mine in key.accepted:
        return _scored(1.0, f"Correct: {one_line(answer)}.")
    if mine in key.partial:  # one of two authors, say: a part of the answer, counted as a part
        return _scored(key.partial[mine], f"Partly right: {one_line(answer)} is part of the answer.", ex.hints)
    hint = key.mistakes.get(mine)
    return _scored(0.0, f"Not quite: {one_line(answer)} is not the answer.", [hint] if hint else ex.hints)


def _form_hint(task: _Task, answer: Any, err: AskedFormError) -> str:
    """The hint for an answer in the wrong form: the targeted one if, read leniently, it is a known mistake."""
    key = task.key
    assert isinstance(key, ValueKey)
    lenient = digest(task.salt, answer, normalizer="datetime_utc")  # a zone-less time read as UTC
    if lenient in key.accepted:
        return "That is the right moment, written in another zone: give it in UTC, ending in +00:00 or Z."
    return key.mistakes.get(lenient, f"{str(err)[0].upper()}{str(err)[1:]}.")


def set_score(hits: int, extras: int, key_size: int, other_options: int | None) -> float:
    """COURSE.md's set score, which ticking everything cannot game.

    Picked from options: ``hits/|key| - extras/|other options|``; typed: ``(hits - extras)/|key|``;
    never below 0.

    >>> set_score(3, 0, 3, 5), set_score(3, 5, 3, 5), set_score(2, 1, 4, None)
    (1.0, 0.0, 0.25)
    """
    if key_size == 0:
        return 1.0 if extras == 0 else 0.0
    if other_options is not None:
        penalty = extras / other_options if other_options else 0.0
        return max(0.0, hits / key_size - penalty)
    return max(0.0, (hits - extras) / key_size)


def _check_set(ex: Exercise, task: _Task, answer: Any, grader: Grader) -> CheckResult:
    key = task.key
    assert isinstance(key, SetKey)
    picked = list(dict.fromkeys(_as_list(answer, "choices")))
    if ex.options:
        unknown = [p for p in picked if p not in ex.options]
        if unknown:
            raise AnswerFormatError(f"{one_line(unknown[0])} is not one of the options")
    mine = {p: digest(task.salt, p, normalizer=key.normalizer) for p in picked}
    hits = len({mine[p] for p in picked if mine[p] in key.members})
    extra = [p for p in picked if mine[p] not in key.members]
    others = len(ex.options) - len(key.members) if ex.options else None
    score = set_score(hits, len(extra), len(key.members), others)
    # Counts, not names: naming the extras would turn the exercise into trial and error.
    message = f"Found {hits} of {len(key.members)}" + (f", {len(extra)} extra" if extra else "") + "."
    hints = [key.mistakes[mine[e]] for e in extra if mine[e] in key.mistakes]
    return _scored(score, message, hints or (ex.hints if score < 1 else ()))


def _check_match(ex: Exercise, task: _Task, answer: Any, grader: Grader) -> CheckResult:
    key = task.key
    assert isinstance(key, PairsKey)
    if not isinstance(answer, Mapping):
        raise AnswerFormatError(f"expected one answer per item, got {one_line(answer)}")
    right = sum(pair_digest(task.salt, i, str(answer.get(i) or "")) in key.pairs for i in ex.items)
    # A count, not the items: naming the wrong ones would let a learner cycle the options until it fits.
    return _scored(right / key.size, f"{right} of {len(ex.items)} matched.")


def _check_order(ex: Exercise, task: _Task, answer: Any, grader: Grader) -> CheckResult:
    key = task.key
    assert isinstance(key, PairsKey)
    order = _as_list(answer, "items in order")
    if sorted(order) != sorted(ex.options):
        raise AnswerFormatError("put every item in exactly one place")
    agreeing = sum(
        pair_digest(task.salt, earlier, later) in key.pairs
        for i, earlier in enumerate(order)
        for later in order[i + 1 :]
    )
    return _scored(agreeing / key.size, f"{agreeing} of {key.size} pairs are in the right order.")


@dataclass(frozen=True)
class _Case:
    """One call to check: its arguments, how to tell a right value, and what to say when it fails."""

    args: tuple[Any, ...]
    right: Any  # a digest (self-check cases) or a plain value (instructor cases, made from the secret)
    shown: Any = None
    about: str = ""
    instructor: bool = False


def _cases(ex: Exercise, key: CodeKey, grader: Grader) -> list[_Case]:
    cases = [_Case(c.args, c.expected, c.shown, c.about) for c in key.cases]
    if grader.secret is not None and key.instructor_cases is not None:
        rng = random.Random(derive(grader.secret, "instructor cases", ex.id))
        cases += [_Case(tuple(args), value, None, about, True) for args, value, about in key.instructor_cases(rng)]
    return cases


def _is_right(ex: Exercise, case: _Case, value: Any) -> bool:
    if case.instructor:
        return normalize_exact(value) == normalize_exact(case.right)
    return digest(ex.id, value, normalizer="exact") == case.right


def _shown_argument(value: Any) -> str:
    """An argument as the learner would type it: text quoted and cut short, numbers as numbers.

    >>> _shown_argument("July 14, 2021 - 9:05"), _shown_argument(-4), _shown_argument(5.5)
    ("'July 14, 2021 - 9:05'", '-4', '5.5')
    """
    return one_line(value, 50) if isinstance(value, str) else one_line(normalize_exact(value), 50)[1:-1]


def _run_apart(source: str, key: CodeKey, cases: Sequence[_Case]) -> list[coderun.CallOutcome]:
    """Each case's outcome, the cases whose results are shown run in one interpreter and the hidden and
    instructor cases in another, after them: code that keeps what it is called with (a global, the runner's
    frames) can then never show a hidden input in a shown case's result, nor carry one over in a file."""
    shown = [k for k, c in enumerate(cases) if c.shown is not None]
    hidden = [k for k, c in enumerate(cases) if c.shown is None]
    outcomes: list[coderun.CallOutcome | None] = [None] * len(cases)
    for group in (shown, hidden):
        if group:
            ran = coderun.run_function(source, key.function, [cases[k].args for k in group], cpu_s=key.cpu_s)
            for k, outcome in zip(group, ran):
                outcomes[k] = outcome
    return [o for o in outcomes if o is not None]


def _check_code(ex: Exercise, task: _Task, answer: Any, grader: Grader) -> CheckResult:
    key = task.key
    assert isinstance(key, CodeKey)
    if not isinstance(answer, str):
        raise AnswerFormatError(f"expected Python source code, got {one_line(answer)}")
    cases = _cases(ex, key, grader)
    outcomes = _run_apart(answer, key, cases)
    unchecked = [o.error for o in outcomes if o.unchecked]
    if unchecked:
        return CheckResult(0.0, "could not be checked", f"Your code could not be checked: {unchecked[0]}.", ex.hints)
    added = sum(c.instructor for c in cases)
    said = f" ({added} of them your instructor's)" if added else ""
    limits = [name for o in outcomes if (name := coderun.limit_named(o.error))]
    whole_run = {o.error for o in outcomes if not o.ok}
    if len(whole_run) == 1 and all(not o.ok for o in outcomes) and len(outcomes) > 1:
        # One failure of the whole run (an endless loop, a crash, a syntax error): say it once.
        return _scored(0.0, f"0 of {len(cases)} cases passed{said}: {whole_run.pop()}.", ex.hints, limits)
    passed, notes = 0, []
    for case, outcome in zip(cases, outcomes):
        if outcome.ok and _is_right(ex, case, outcome.value):
            passed += 1
            continue
        call = f"{key.function}({', '.join(_shown_argument(a) for a in case.args)})"
        got = f"returned {normalize_exact(outcome.value)}" if outcome.ok else (
            f"was {outcome.error}" if outcome.error.startswith(coderun.LIMIT_PREFIX) else
            outcome.error if outcome.error.startswith("it ") else f"raised {outcome.error}")  # "it returned …"
        if case.shown is not None:
            notes.append(f"{call} {got}; expected {normalize_exact(case.shown)}")
        else:
            # Say how, not what: the returned value would give the hidden input away.
            how = ("returned something else" if outcome.ok else f"was {outcome.error}"
                   if outcome.error.startswith(coderun.LIMIT_PREFIX) else f"raised {outcome.error.split(':')[0]}")
            kind = "an instructor case" if case.instructor else "a hidden case"
            notes.append(f"{kind} ({case.about or 'not shown'}) failed: it {how}")
    # Each note a sentence of its own (a call keeps its function's name as written).
    notes = [(note[0].upper() + note[1:] if note.startswith(("a ", "an ")) else note) + "." for note in notes]
    message = f"{passed} of {len(cases)} cases passed{said}."
    return _scored(passed / len(cases), " ".join([message, *notes[:1]]), notes[1:3], limits)


def _check_capstone(ex: Exercise, task: _Task, answer: Any, grader: Grader) -> CheckResult:
    from lessons.capstone import check_record

    try:
        score, message, hints = check_record(answer)
    except ValueError as err:
        raise AnswerFormatError(str(err)) from None
    return _scored(score, message, hints)


_CHECKERS = {
    "capstone": _check_capstone,
    "choice": _check_value,
    "text": _check_value,
    "number": _check_value,
    "date": _check_value,
    "multi": _check_set,
    "match": _check_match,
    "order": _check_order,
    "code": _check_code,
}
