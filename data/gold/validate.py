"""Check the hand-made gold annotations in ``data/gold/`` against their articles.

Run from anywhere::

    python data/gold/validate.py            # every data/gold/*.json
    python data/gold/validate.py a.json ... # only these files

It prints one line per problem and exits with status 1 if there is any, else
prints a summary and exits 0. It needs only the standard library.

What is checked, for every gold file:

* it parses as JSON and has the keys of the gold format (see ``data/README.md``);
* the article file exists; its paragraphs are the last ``paragraphs`` units of the
  file (one line per paragraph, or, when the file has blank lines, blank-line
  separated blocks whose lines are joined with single spaces); whatever comes
  before them is the header;
* ``headline`` is the first header line, ``author`` follows "By " in the header,
  ``published``/``updated`` are ISO 8601 whose day, year and HH:MM are printed
  in the header; with no ``published``, a ``reference`` date is given;
* every sentence is stripped, non-empty and, paragraph by paragraph, the
  sentences joined with single spaces reproduce the paragraph (so they are exact
  substrings, in order, never spanning two paragraphs);
* every quote text, and every timex text, is an exact substring of the body, in
  document order; a quote sits between an opening mark and a closing mark (or
  the end of a paragraph whose next paragraph reopens the quote); ``kind`` is
  full/partial/continuation and only continuations lack a ``cue``;
* every timex has a valid TimeML type, a value shaped for that type, a known
  ``mod``; weekday and month names in the text agree with the value, and a
  weekday resolves to a date within a week of the publication (or reference) date;
* every acronym and its expansion occur in the body;
* when given, every entity is a labelled word sequence of the body, every alias cluster names two or more
  entities of its label, and the PERSON entities are exactly the mentions in ``people``.
"""

from __future__ import annotations

import json
import re
import sys
from datetime import date, datetime
from pathlib import Path

GOLD_DIR = Path(__file__).resolve().parent
DATA_DIR = GOLD_DIR.parent

KEYS = ("file", "headline", "author", "published", "updated", "paragraphs",
        "sentences", "quotes", "timexes", "acronyms")
OPENING = "“‘\"'"
CLOSING = "”’\"'"
KINDS = {"full", "partial", "continuation"}
MODS = {"START", "MID", "END", "APPROX", "BEFORE", "AFTER", "ON_OR_BEFORE", "ON_OR_AFTER",
        "LESS_THAN", "MORE_THAN", "EQUAL_OR_LESS", "EQUAL_OR_MORE"}
_DATE = (r"(\d{4}(-\d{2}(-\d{2})?)?|\d{3}|\d{2}|\d{4}-W\d{2}(-WE)?|\d{4}-(SP|SU|FA|WI)"
         r"|\d{4}-Q[1-4]|\d{4}-H[12]|PRESENT_REF|PAST_REF|FUTURE_REF)")
VALUE_PATTERNS = {
    "DATE": re.compile(rf"^{_DATE}$"),
    "TIME": re.compile(r"^(\d{4}-\d{2}-\d{2}|XXXX-XX-XX)T(\d{2}:\d{2}(:\d{2})?|MO|AF|EV|NI|DT)$"),
    "DURATION": re.compile(r"^P(\d+(\.\d+)?[YMWD])+(T(\d+(\.\d+)?[HMS])+)?$|^PT(\d+(\.\d+)?[HMS])+$|^PX[YMWD]$"),
    "SET": re.compile(r"^(XXXX-WXX-[1-7](T(MO|AF|EV|NI|\d{2}:\d{2}))?|XXXX-XX-\d{2}|XXXX-\d{2}(-\d{2})?"
                      r"|P\d+[YMWD]|PT\d+[HMS])$"),
}
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
MONTHS = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8,
          "sep": 9, "oct": 10, "nov": 11, "dec": 12}
MONTH_RE = re.compile(r"\b(Jan(uary|\.)?|Feb(ruary|\.)?|March|April|May|June|July|Aug(ust|\.)?"
                      r"|Sept(ember|\.)?|Oct(ober|\.)?|Nov(ember|\.)?|Dec(ember|\.)?)(?![\w])")


LABELS = {"PERSON", "GPE", "ORG", "LOC"}


def split_units(text: str) -> list[str]:
    """The file's paragraph units: lines, or blank-line blocks joined by spaces.

    >>> split_units("Head\\nBy X\\nOne.\\nTwo.")
    ['Head', 'By X', 'One.', 'Two.']
    >>> split_units("Head\\n\\nOne line\\nwrapped.\\n\\nTwo.\\n")
    ['Head', 'One line wrapped.', 'Two.']
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").strip()
    if re.search(r"\n[ \t]*\n", text):
        blocks = re.split(r"\n[ \t]*\n", text)
        return [" ".join(part.strip() for part in block.split("\n") if part.strip()) for block in blocks]
    return [line.strip() for line in text.split("\n") if line.strip()]


def _norm(s: str) -> str:
    return " ".join(s.split())


def _check_stamp(label: str, value, header: str, problems: list[str]) -> None:
    if value is None:
        return
    if not isinstance(value, str):
        problems.append(f"{label}: not a string")
        return
    try:
        if "T" in value:
            stamp = datetime.fromisoformat(value)
            if stamp.tzinfo is None:
                problems.append(f"{label}: {value!r} has no UTC offset")
            clock12 = f"{(stamp.hour - 1) % 12 + 1}:{stamp.minute:02d}"  # 23:52 is printed "11:52 p.m."
            if f"{stamp.hour:02d}:{stamp.minute:02d}" not in header and clock12 not in header:
                problems.append(f"{label}: time {stamp:%H:%M} not printed in the header")
        else:
            stamp = date.fromisoformat(value)
    except ValueError:
        problems.append(f"{label}: {value!r} is not ISO 8601")
        return
    day_month_year = f"{stamp.day} {stamp:%B} {stamp.year}"  # British order: "14 March 2024"
    if f"{stamp.day}, {stamp.year}" not in header and day_month_year not in header:
        problems.append(f"{label}: '{stamp.day}, {stamp.year}' not printed in the header")


def _find_in_order(items, body: str, what: str, problems: list[str]) -> list[int]:
    """Positions of each item's text in body, searched left to right."""
    positions, cursor = [], 0
    for i, item in enumerate(items):
        text = item.get("text") if isinstance(item, dict) else None
        if not isinstance(text, str) or not text or text != text.strip():
            problems.append(f"{what}[{i}]: text missing, empty or padded: {text!r}")
            positions.append(-1)
            continue
        pos = body.find(text, cursor)
        if pos < 0:
            where = "out of order" if text in body else "not in the article"
            problems.append(f"{what}[{i}] {where}: {text[:60]!r}")
            positions.append(-1)
            continue
        positions.append(pos)
        cursor = pos + 1
    return positions


def _check_quotes(quotes, paragraphs: list[str], body: str, problems: list[str]) -> None:
    starts, offset = [], 0
    for para in paragraphs:
        starts.append(offset)
        offset += len(para) + 1
    for i, (q, pos) in enumerate(zip(quotes, _find_in_order(quotes, body, "quotes", problems))):
        if q.get("kind") not in KINDS:
            problems.append(f"quotes[{i}]: kind {q.get('kind')!r} not one of {sorted(KINDS)}")
        if (q.get("cue") is None) != (q.get("kind") == "continuation"):
            problems.append(f"quotes[{i}]: only continuation quotes have no cue")
        for key in ("speaker", "cue"):
            val = q.get(key)
            if val is not None and val.lower() not in body.lower():
                problems.append(f"quotes[{i}]: {key} {val!r} not found in the article")
        if pos < 0:
            continue
        end = pos + len(q["text"])
        if pos == 0 or body[pos - 1] not in OPENING:
            problems.append(f"quotes[{i}]: not preceded by an opening quote mark")
        para_no = max(n for n, s in enumerate(starts) if s <= pos)
        para_end = starts[para_no] + len(paragraphs[para_no])
        if end > para_end:
            problems.append(f"quotes[{i}]: runs over a paragraph break (give one entry per paragraph)")
        elif end == para_end:
            reopened = para_no + 1 < len(paragraphs) and paragraphs[para_no + 1][:1] in OPENING
            if not reopened:
                problems.append(f"quotes[{i}]: no closing mark and the next paragraph does not reopen it")
        elif body[end] not in CLOSING:
            problems.append(f"quotes[{i}]: not followed by a closing quote mark")


def _check_timexes(timexes, body: str, reference: date | None, problems: list[str]) -> None:
    _find_in_order(timexes, body, "timexes", problems)
    for i, t in enumerate(timexes):
        typ, value, text = t.get("type"), t.get("value"), t.get("text") or ""
        pattern = VALUE_PATTERNS.get(typ)
        if pattern is None:
            problems.append(f"timexes[{i}]: type {typ!r} is not DATE/TIME/DURATION/SET")
            continue
        if not isinstance(value, str) or not pattern.match(value):
            problems.append(f"timexes[{i}] {text!r}: value {value!r} is not a {typ} value")
            continue
        if "mod" in t and t["mod"] not in MODS:
            problems.append(f"timexes[{i}] {text!r}: unknown mod {t['mod']!r}")
        full_date = re.match(r"^(\d{4}-\d{2}-\d{2})", value)
        lowered = text.lower()
        for n, name in enumerate(WEEKDAYS):
            if re.search(rf"\b{name}s?\b", lowered):
                if full_date and date.fromisoformat(full_date.group(1)).weekday() != n:
                    problems.append(f"timexes[{i}] {text!r}: {value} is not a {name.title()}")
                if full_date and reference and abs((date.fromisoformat(full_date.group(1)) - reference).days) > 7:
                    problems.append(f"timexes[{i}] {text!r}: {value} is more than a week from {reference}")
                if typ == "SET" and not value.endswith(f"-WXX-{n + 1}") and f"-WXX-{n + 1}T" not in value:
                    problems.append(f"timexes[{i}] {text!r}: SET value should name weekday {n + 1}")
        month = MONTH_RE.search(text)
        month_value = re.match(r"^\d{4}-(\d{2})(-|$)", value)
        if month and month_value and int(month_value.group(1)) != MONTHS[month.group(1)[:3].lower()]:
            problems.append(f"timexes[{i}] {text!r}: month does not match value {value}")


def check(gold_path: Path) -> list[str]:
    """All problems found in one gold file (empty list when it is clean)."""
    try:
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        return [f"cannot read JSON: {exc}"]
    problems = [f"missing key {k!r}" for k in KEYS if k not in gold]
    if problems:
        return problems
    article = DATA_DIR / gold["file"]
    try:
        text = article.read_text(encoding="utf-8")
    except OSError as exc:
        return [f"cannot read article {gold['file']}: {exc}"]

    units = split_units(text)
    n = gold["paragraphs"]
    if not isinstance(n, int) or not 0 < n <= len(units):
        return [f"paragraphs={n!r} but the file has {len(units)} paragraph units"]
    header_units, paragraphs = units[:-n], units[-n:]
    header = "\n".join(header_units)
    body = "\n".join(paragraphs)

    if gold["headline"] is not None and (not header_units or gold["headline"] != header_units[0].split("\n")[0]):
        problems.append(f"headline is not the first header line: {gold['headline']!r}")
    if gold["headline"] is None and gold["author"] is None and gold["published"] is None and header_units:
        problems.append("no headline/author/published, yet the file has a header")
    if gold["author"] is not None and f"By {gold['author']}" not in header:
        problems.append(f"author {gold['author']!r} does not follow 'By ' in the header")
    _check_stamp("published", gold["published"], header, problems)
    _check_stamp("updated", gold["updated"], header, problems)
    reference = None
    if gold["published"] is not None:
        try:
            reference = date.fromisoformat(gold["published"][:10])
        except ValueError:
            pass  # already reported by _check_stamp
    else:
        try:
            reference = date.fromisoformat(gold.get("reference", ""))
        except (TypeError, ValueError):
            problems.append("no published stamp and no ISO 'reference' date to resolve against")

    sentences = gold["sentences"]
    for i, s in enumerate(sentences):
        if not isinstance(s, str) or not s or s != s.strip():
            problems.append(f"sentences[{i}]: empty or padded: {s!r}")
    k = 0
    for p_no, para in enumerate(paragraphs, 1):
        joined = []
        while k < len(sentences) and len(_norm(" ".join(joined))) < len(_norm(para)):
            joined.append(sentences[k])
            k += 1
        if _norm(" ".join(joined)) != _norm(para):
            problems.append(f"paragraph {p_no}: sentences do not reproduce it; got {' | '.join(joined)[:120]!r}")
            return problems
    if k != len(sentences):
        problems.append(f"{len(sentences) - k} sentence(s) left over after the last paragraph")

    _check_quotes(gold["quotes"], paragraphs, body, problems)
    _check_timexes(gold["timexes"], body, reference, problems)
    for short, full in gold["acronyms"].items():
        for part in (short, full):
            if part not in body:
                problems.append(f"acronym part {part!r} not in the article")
    _check_entities(gold.get("entities"), gold.get("aliases"), gold.get("people"), body, problems)
    return problems


def _check_entities(entities, aliases, people, body: str, problems: list[str]) -> None:
    """Entities are in the body, labelled, in order; alias clusters name entities; people agree."""
    if entities is None:
        return
    labels: dict[str, set[str]] = {}
    for i, e in enumerate(entities):
        if not isinstance(e, dict) or set(e) != {"text", "label"} or e["label"] not in LABELS:
            problems.append(f"entities[{i}]: want {{'text', 'label'}} with a label in {sorted(LABELS)}: {e!r}")
            continue
        if not re.search(r"(?<!\w)" + re.escape(e["text"]) + r"(?!\w)", body):
            problems.append(f"entities[{i}]: {e['text']!r} is not a word sequence of the body")
        labels.setdefault(e["text"], set()).add(e["label"])
    for i, cluster in enumerate(aliases or []):
        names = cluster.get("names", []) if isinstance(cluster, dict) else []
        if len(set(names)) < 2:
            problems.append(f"aliases[{i}]: a cluster names at least two distinct entity texts")
        for name in names:
            if cluster.get("label") not in labels.get(name, set()):
                problems.append(f"aliases[{i}]: {name!r} is no {cluster.get('label')} entity")
    persons = {t for t, ls in labels.items() if "PERSON" in ls}
    mentions = {m for person in people or [] for m in person.get("mentions", [])}
    if people is not None and persons != mentions:
        problems.append(f"PERSON entities and people's mentions differ: {sorted(persons ^ mentions)[:6]}")


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    paths = [Path(a) for a in args] or sorted(GOLD_DIR.glob("*.json"))
    failed = 0
    for path in paths:
        problems = check(path)
        for problem in problems:
            print(f"{path.name}: {problem}")
        failed += bool(problems)
    if failed:
        print(f"{failed} of {len(paths)} gold file(s) have problems")
        return 1
    print(f"{len(paths)} gold file(s): these checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
