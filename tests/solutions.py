"""Full-mark answers for the tests, built when the tests run: no answer is written down here.

A learner's copy of the course must hold no answer in plain text, and the tests are part of that
copy. So the tests find answers the way a grader would have to without a key in plain text:

- closed exercises (choice, multi, order, match): by trying every candidate, exactly one of which
  gets full marks;
- open ones about the course article: from the course's own helpers, run on the article here;
- variants: by trying candidates drawn from the learner's passage (counts, minutes around the
  printed stamp, runs of the byline's words);
- code exercises: a *lookup table* for the cases a grade runs, its values computed by the course's
  helper in this process and checked against the key's digests, plus, given a secret, the
  instructor cases made from it. Submitted through the sandbox it cannot import the helper, so it
  carries its values with it; without the secret it fails the instructor's cases, as a learner's
  table would.
"""

from __future__ import annotations

import itertools
import json
import random
import re
from collections import Counter
from datetime import datetime, timedelta, timezone
from functools import lru_cache
from typing import Any
from collections.abc import Callable

from lessons.course.checks import Exercise, Grader
from lessons.course.exercises import EXERCISES, get_exercise
from lessons.course.keys import CodeKey, digest
from lessons.course.secret import derive

_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


def _helpers() -> dict[str, Callable[..., Any]]:
    from lessons.dating import find_timexes
    from lessons.names import family_name, person_name
    from lessons.quoting import extract_quotes
    from lessons.reading import parse_stamp, split_byline
    from lessons.tokenizing import normalize, sentences

    def to_utc(stamp: str, offset_hours: float) -> str:
        zone = timezone(timedelta(hours=offset_hours))
        return parse_stamp(stamp, default_tz=zone).astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M+00:00")

    def count_words(text: str, stops: list[str]) -> dict[str, int]:
        # normalize()'s words (’ folded, acronyms kept), less the 's pieces, numbers and the given stopwords
        kept = [w for w in normalize(text) if w != "'s" and not any(ch.isdigit() for ch in w)]
        return dict(Counter(w for w in kept if (len(w) >= 2 and w.isupper()) or w not in stops))

    def resolve_speaker(mention: str, people: list[str]) -> str:
        name = person_name(mention)
        if name in people:
            return name
        matches = {p for p in people if family_name(p) == family_name(name)}
        return matches.pop() if len(matches) == 1 else name

    from lessons.contextualizing import acronyms

    return {
        "contextualizing.defined_acronyms": acronyms,
        "contextualizing.family_name": family_name,
        "reading.glued_byline": lambda line: list(split_byline(line)),
        "quoting.quoted_spans": lambda text: [[q.start, q.end] for q in extract_quotes(text)],
        "quoting.resolve_speaker": resolve_speaker,
        "dating.resolve_weekday": lambda name, anchor, tense: next(
            t.value for t in find_timexes(f"It {'will happen' if tense == 'future' else 'happened'} on {name}.",
                                          anchor=anchor)),
        "dating.duration_value": lambda phrase: find_timexes(f"It lasted {phrase}.")[0].value,
        "reading.to_utc": to_utc,
        "tokenizing.splitter": lambda text: [s.text for s in sentences(text)],
        "tokenizing.count_words": count_words,
    }


def closed_candidates(ex: Exercise) -> list[Any]:
    """Every answer a learner could give with the widget of a closed exercise."""
    if ex.kind == "choice":
        return list(ex.options)
    if ex.kind == "multi":
        return [list(c) for n in range(1, len(ex.options) + 1) for c in itertools.combinations(ex.options, n)]
    if ex.kind == "order":
        return [list(p) for p in itertools.permutations(ex.options)]
    if ex.kind == "match":
        return [dict(zip(ex.items, combo)) for combo in itertools.product(ex.options, repeat=len(ex.items))]
    raise ValueError(f"{ex.id} is not a closed exercise")


def variant_candidates(ex: Exercise, passage: str) -> list[Any]:
    """Every answer worth trying for one passage: counts, minutes around the stamp, byline spans."""
    normalizer = getattr(ex.key, "normalizer", "")
    if normalizer == "number":
        return list(range(0, 60))
    if normalizer == "date":  # days around the passage's Published stamp
        printed = _printed_date(passage)
        return [(printed + timedelta(days=d)).date().isoformat() for d in range(-120, 121)]
    if normalizer == "utc_instant":
        start = _printed_date(passage) - timedelta(days=1)
        return [(start + timedelta(minutes=m)).strftime("%Y-%m-%dT%H:%MZ") for m in range(3 * 24 * 60)]
    if ex.id.startswith(("quoting.", "contextualizing.")):  # a run of capitalized words: a name as written
        runs = [re.sub(r"[’']s$", "", run) for run in re.findall(r"[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*\.?)*", passage)]
        return sorted({" ".join(run.split()[i:j]) for run in runs
                       for i in range(len(run.split())) for j in range(i + 1, len(run.split()) + 1)})
    if ex.id == "tokenizing.passage_top_word":  # a word of the passage, as the course normalizes it
        from lessons.tokenizing import normalize

        return sorted(set(normalize(passage)))
    byline = next(ln for ln in passage.splitlines() if ln.startswith("By "))[3:].split("Published")[0]
    words = byline.replace(",", " ,").split()
    return [" ".join(words[:n]).replace(" ,", ",") for n in range(1, len(words) + 1)]


def _printed_date(passage: str) -> datetime:
    """The publication date printed in a header: "Aug. 23, 2021", "3 Jul 2023", "27/01/2024" (day first)."""
    line = next(ln for ln in passage.splitlines() if "Published" in ln)
    month = r"([A-Z][a-z]+)\.?"
    if found := re.search(month + r" (\d{1,2}), (\d{4})", line):
        name, day, year = found.groups()
    elif found := re.search(r"(\d{1,2}) " + month + r" (\d{4})", line):
        day, name, year = found.groups()
    else:
        day, number, year = re.search(r"(\d{1,2})/(\d{1,2})/(\d{4})", line).groups()  # type: ignore[union-attr]
        return datetime(int(year), int(number), int(day))
    return datetime(int(year), _MONTHS.index(name[:3].lower()) + 1, int(day))


def variant_answer(ex: Exercise, learner: str) -> Any:
    """An answer that gets full marks on ``learner``'s passage of a variant exercise."""
    grader = Grader(learner=learner)
    right = [c for c in variant_candidates(ex, ex.passage_for(learner)) if ex.check(c, grader).passed]
    if not right:
        raise AssertionError(f"{ex.id}: no candidate gets full marks for {learner!r}")
    return right[0]


def solution_source(exercise_id: str, secret: bytes | None = None) -> str:
    """Source code that passes every case a grade of this code exercise runs (a lookup table)."""
    ex = get_exercise(exercise_id)
    key = ex.key
    assert isinstance(key, CodeKey)
    solve = _helpers()[exercise_id]
    table: dict[str, Any] = {}
    for case in key.cases:
        value = case.shown if case.shown is not None else solve(*case.args)
        if digest(ex.id, value, normalizer="exact") != case.expected:
            raise AssertionError(f"{ex.id}: the course helper disagrees with the key on {case.args!r}")
        table[json.dumps(list(case.args))] = value
    if secret is not None and key.instructor_cases is not None:
        for args, expected, _about in key.instructor_cases(random.Random(derive(secret, "instructor cases", ex.id))):
            table[json.dumps(list(args))] = expected
    return (
        f"import json\n\nTABLE = json.loads({json.dumps(json.dumps(table))})\n\n\n"
        f"def {key.function}(*args):\n    return TABLE.get(json.dumps(list(args)))\n"
    )


def _quoted(ex: Exercise) -> str:
    """The text an exercise's prompt quotes after ``text = '``."""
    return ex.prompt.split("text = '", 1)[1].rsplit("'", 1)[0]


def _quoted_in_double(ex: Exercise) -> str:
    """The text an exercise's prompt quotes after ``text = "``."""
    return ex.prompt.split('text = "', 1)[1].rsplit('"', 1)[0]


def _own_article_record(article: Any) -> dict[str, Any]:
    """The record the capstone's steps write when a learner does them all on ``article``."""
    from lessons.analyze import report_for
    from lessons.capstone import STEPS, summary
    from lessons.factsheet import text_key

    return {"text": text_key(article.body), "article": {"body": article.body, "published": article.published.isoformat()},
            "edits": {}, "steps": dict.fromkeys(STEPS, True), "factsheet": summary(report_for(article))}


def _passage_in_quotes(ex: Exercise) -> str:
    """The passage an exercise's prompt quotes between “ and ”."""
    return ex.prompt.split("“", 1)[1].rsplit("”", 1)[0]


@lru_cache(maxsize=8)
def _reference(learner: str) -> dict[str, Any]:
    from lessons.audit import sourcing
    from lessons.contextualizing import acronyms
    from lessons.course.exercises.capstone import PASSAGE
    from lessons.network import network
    from lessons.dating import find_timexes
    from lessons.exploring import keyword_in_context
    from lessons.paths import COURSE_ARTICLE
    from lessons.quoting import extract_quotes
    from lessons.reading import read_article
    from lessons.tokenizing import sentences

    article = read_article(COURSE_ARTICLE)
    assert article.published is not None
    sources = sourcing(article)
    answers: dict[str, Any] = {
        "start.city": "Seoul",
        "reading.author": article.author,
        "reading.paragraphs": str(len(article.paragraphs)),
        "reading.published_date": article.published.date().isoformat(),
        "reading.published_utc": article.published.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M+00:00"),
        "tokenizing.sentence_count": len(sentences(article.body)),
        # the lesson's regex, on the text the prompt quotes
        "tokenizing.regex_split": len(re.split(r"(?<=[.!?])\s+", _quoted(get_exercise("tokenizing.regex_split")))),
        "quoting.apostrophe_regex": len(re.findall(r"'(.+?)'", _quoted_in_double(get_exercise("quoting.apostrophe_regex")))),
        "dating.regex_dates": len(re.findall(r"\b[A-Z][a-z]+\.? \d{1,2}\b",
                                             _quoted_in_double(get_exercise("dating.regex_dates")))),
        "dating.relative_value": next(t.value for t in find_timexes("Prices rose last week.", anchor="2024-11-03")),
        "quoting.partial_count": sum(q.kind == "partial" for q in extract_quotes(article)),
        "quoting.pyongyang_share": round(100 * next(s.words for s in sources if s.speaker == "Pyongyang")
                                         / sum(s.words for s in sources)),
        "capstone.passage_acronym": acronyms(PASSAGE)["BFWU"],
        "capstone.own_article": _own_article_record(article),
        "contextualizing.network_ties": len(network(_passage_in_quotes(get_exercise("contextualizing.network_ties")))),
        "tokenizing.the_north": sum(
            not line.right.lower().startswith("korea") for line in keyword_in_context(article.body, "north")
        ),
    }
    for ex in EXERCISES.values():
        if ex.variants:
            answers[ex.id] = variant_answer(ex, learner)
        elif ex.kind == "code":
            answers[ex.id] = solution_source(ex.id)
        elif ex.kind in ("choice", "multi", "order", "match"):
            full = [c for c in closed_candidates(ex) if ex.check(c).passed]
            if len(full) != 1:
                raise AssertionError(f"{ex.id}: {len(full)} answers get full marks, expected exactly one")
            answers[ex.id] = full[0]
    missing = set(EXERCISES) - set(answers)
    if missing:
        raise AssertionError(f"no reference answer for {sorted(missing)}: teach tests/solutions.py how to find one")
    return answers


def reference_answers(learner: str) -> dict[str, Any]:
    """Full-mark answers to every exercise for ``learner`` (a fresh copy each call)."""
    return dict(_reference(learner))
