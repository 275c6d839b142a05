"""The tense of the clause around a temporal expression: is the day it names past, or still to come?

"Talks resumed Monday" (past) and "talks will resume Monday" (future) name different Mondays. The nearest cue
decides: a modal or a schedule verb makes the clause future, a past form past; "until", "by" or "before" right
before the expression make it future unless a past auxiliary governs the clause. News reports what happened, so
no cue means past.

>>> clause_tense("Talks will be held Monday.", 19, 25, (0, 26))
('future', 'will')
>>> clause_tense("Talks resumed Monday.", 14, 20, (0, 21))
('past', 'resumed')
"""

from __future__ import annotations

import re

__all__ = ["GAME", "RULE_TIME", "clause_tense"]

_FUTURE = re.compile(  # "had been set for", "had planned": a plan in the past says nothing of the future
    r"(?<!\bbeen )(?<!\bhad )\b(?:will|would|could|might|can|shall|should|’ll|'ll|scheduled|set to|plans?|planned|expects?|expected|due|"
    r"going to|upcoming|until|till|ahead of|as early as|as soon as|starting|beginning|is to|are to|next|"
    r"coming|tomorrow|later this|forecast for|forecast|likely to|likely|opens|begins|starts|runs out|expires|ends|closes|meets|resumes|arrives|departs|"
    r"launches|kicks off|takes effect|reopens|open|begin|expire|resume|reopen|take effect|kick off|reconvenes|convenes|is set|are set|set for|is at|are at|is on|are on|"
    r"to be)\b",
    re.IGNORECASE)  # present-tense verbs of a schedule; not those that are mostly nouns (heads, votes, rules)
_PAST = re.compile(r"(?<!\bbe )(?<!\bbeen )(?<!\bis )(?<!\bare )\b(?:[Ww]as|[Ww]ere|[Hh]ad|did|said|told|ago|"
                   r"[Ll]ast(?=\s+(?:week|month|year|night|weekend|season|time|spring|summer|fall|autumn|winter|decade|"
                   r"century|quarter|[A-Z][a-z]+day))|earlier|[Ss]ince|"
                   r"[Yy]esterday|broke|began|came|went|took|made|gave|got|met|left|held|found|saw|won|lost|fell|"
                   r"rose|ran|spoke|wrote|led|kept|sent|spent|built|brought|bought|thought|felt|stood|sat|grew|drew|"
                   r"(?!hundred|united|indeed)[a-z]+[^e\W]ed)\b")
# Case-sensitive: "United" is no verb, and "seed" no past. After "be" a past form is a passive, whose tense is
# its auxiliary's: "will be held" is future.
_DEADLINE = re.compile(r"\b(until|till|through|by|before|ahead of|past)\s+(?:the\s+)?$", re.IGNORECASE)
_PAST_GOVERNS = re.compile(r"\b(?:was|were|had|lasted|stayed|remained|ran|did)\b", re.IGNORECASE)
GAME = re.compile(r"\b(?:game|match|scored|goals?|minutes? left|buzzer|whistle|innings?|halftime|half-time|"
                   r"overtime|seconds? left|kickoff|season opener|lead|deficit)\b", re.IGNORECASE)
RULE_TIME = re.compile(  # "would bar classes after 10 p.m.": a limit that holds every day
    r"\b(?:would|must|should|can|cannot|can’t|can't|may|might|allowed|banned|barred|prohibited|curfew)\b"
    r"[^.;]*\b(?:after|before|past|until|by)\s+$", re.IGNORECASE)
_FRONTED = re.compile(r"\W*(?:(?:on|in|by|at|from|until|early|late|last|next|this|then|and|but|so)\s+)*",
                      re.IGNORECASE)  # nothing but a preposition before it: it opens the sentence
# Past verbs that cannot be adjectives ("combined drills", "registered towers" can): "grew … by Tuesday".
_PAST_VERB = re.compile(r"\b(?:grew|came|went|took|made|gave|got|met|left|found|saw|fell|rose|spoke|wrote|kept|"
                        r"sent|spent|brought|bought|began|broke|stood|drew)\b")
_DONE_IN = re.compile(r"(?<!\bbe )(?<!\bbeen )(?<!\bbeing )(?<!\bis )(?<!\bare )"
                      r"\b((?!(?:hundred|united|indeed|scheduled|expected|planned|slated|set|due)\b)[a-z]{3,}ed|began|"
                      r"came|went|took|made|gave|got|met|left|found|saw|fell|rose|spoke|wrote|kept|sent|spent|"
                      r"brought|bought|broke|stood|drew|won|lost|held)\s+(?:in|on|at|during)\s+(?:the\s+)?$")
_BACK_IN = re.compile(r"\bback\s+(?:in\s+|on\s+)?$", re.IGNORECASE)
_OTHER_TIME = re.compile(r"\b(?:[Ss]ince|ago|earlier|[Ll]ast)\b")
_CLAUSE_END = re.compile(r",|\s(?:and|but|while|when|as)\s")


def clause_tense(body: str, start: int, end: int, sentence: tuple[int, int]) -> tuple[str, str]:
    """"future" or "past" for the clause around ``body[start:end]`` in its sentence, and the word that decided it.

    The nearest cue wins: a modal or a schedule verb (will, would, is scheduled, opens, ahead of …) makes
    it future, a past form (said, was, -ed) past; "until", "by" or "before" right before it make it future
    unless a past auxiliary governs the clause. News reports what happened: no cue means past.
    """
    left, right = max(sentence[0], start - 160), min(sentence[1], end + 80)
    before = body[left:start]
    after = _CLAUSE_END.split(body[end:right])[0]  # after it, only its own clause
    if not after.strip() and _FRONTED.fullmatch(body[sentence[0]:start]):
        after = _CLAUSE_END.split(body[end:right].lstrip(", "))[0]  # "On Friday, Yoon is scheduled to …"
    window = before[-120:]
    if _BACK_IN.search(before):
        return "past", "back in"  # "starting back in March"
    done = _DONE_IN.search(before)
    if done and not _FUTURE.fullmatch(done.group(1)):
        return "past", done.group(1)  # "since the eruption began in July": what happened then, whatever follows
    own = _OTHER_TIME.split(after[:50])[0]  # "on Saturday for the first talks since June": "since" is June's
    future, past = _nearest_cue(_FUTURE, window, after[:50]), _nearest_cue(_PAST, window, own)
    prep = _DEADLINE.search(before)
    if prep:  # "by Friday", "until Friday": future, unless a past verb governs ("grew … by Tuesday")
        ahead = before[:prep.start()][-120:]
        ahead = re.split(r"\b(?:said|told|says|added)\b", ahead)[-1]  # the clause reported, not the report
        was, will = _nearest_cue(_PAST_VERB, ahead, ""), _nearest_cue(_FUTURE, ahead, "")
        if was and was[0] < 80 and (not will or was[0] < will[0]) and not _PAST_GOVERNS.search(before[-80:]):
            return "past", was[1]
        if not _PAST_GOVERNS.search(before[-80:]):
            return "future", prep.group(1).lower()
    if future and (not past or future[0] <= past[0]):
        return "future", future[1]
    return "past", past[1] if past else "news default"


def _nearest_cue(cue: re.Pattern[str], before: str, after: str) -> tuple[int, str] | None:
    """The cue word nearest the timex, before it or after it, and its distance in characters."""
    last = None
    for last in cue.finditer(before):
        pass
    first = cue.search(after)
    options = [(len(before) - last.end(), last.group().lower())] if last else []
    options += [(first.start(), first.group().lower())] if first else []
    return min(options) if options else None
