"""Score lessons.dating.find_timexes against the gold timexes in data/gold/*.json (and, with --peer, dateparser).

Run from the repository root::

    .venv/bin/python scripts/eval_timexes.py             # the development gold (data/gold/*.json)
    .venv/bin/python scripts/eval_timexes.py --show      # also list every mismatch
    .venv/bin/python scripts/eval_timexes.py --peer      # the same run for dateparser.search_dates
    .venv/bin/python scripts/eval_timexes.py --bench     # is the cost linear? (0.5, 1 and 2 MB of dated text)
    .venv/bin/python scripts/eval_timexes.py data/heldout/gold/blind5-*.json   # a blind batch: once, at the end

*Extraction* (overlap): a system timex matches a gold one when their extents overlap in the body (each is
matched once, in document order); precision, recall and F1 count those matches. *Value*: a match whose value
(and type) equals the gold's counts for value precision/recall/F1 (an overlap with a wrong value counts as
a miss). Counts are summed over the files first (micro-average). The anchor is the gold's ``published``
stamp, else its ``reference`` date. ``--peer`` runs ``dateparser.search_dates`` with ``RELATIVE_BASE`` set to
the anchor: its datetimes agree with a gold value when they fall inside the gold's period at the gold's
granularity (``2021-07`` holds any day of July 2021); it finds no durations or sets. Speeds are CPU time.
*Timeline*: of the pairs of matched DATE/TIME timexes whose gold values are in a strict order (by the first
and then the last day of their periods), the share the system's values put in the same order.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from dataclasses import dataclass
from datetime import date, datetime, time as clock
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from lessons.dating import find_timexes  # noqa: E402
from lessons.timeline import period  # noqa: E402
from lessons.paths import DATA_DIR  # noqa: E402
from lessons.reading import read_file  # noqa: E402


@dataclass
class Score:
    found: int = 0
    gold: int = 0
    matched: int = 0
    valued: int = 0

    def __iadd__(self, other: "Score") -> "Score":
        self.found += other.found
        self.gold += other.gold
        self.matched += other.matched
        self.valued += other.valued
        return self

    @staticmethod
    def f1(hits: int, found: int, gold: int) -> tuple[float, float, float]:
        p = hits / found if found else 1.0
        r = hits / gold if gold else 1.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    def row(self, name: str) -> str:
        p, r, f = self.f1(self.matched, self.found, self.gold)
        vp, vr, vf = self.f1(self.valued, self.found, self.gold)
        return f"{name:<34} {p:6.3f} {r:6.3f} {f:6.3f}   {vp:6.3f} {vr:6.3f} {vf:6.3f}  {self.found:>3}/{self.gold:<3}"


def gold_spans(body: str, gold: list[dict]) -> list[tuple[int, int, dict]]:
    """Each gold timex located in the body, in order (the gold lists them in document order)."""
    spans, at = [], 0
    for item in gold:
        start = body.find(item["text"], at)
        if start < 0:
            start = body.find(item["text"])
        if start < 0:
            raise SystemExit(f"gold timex {item['text']!r} is not in the body")
        spans.append((start, start + len(item["text"]), item))
        at = start + 1
    return spans


def order_agreement(pairs: list[tuple[str, str]]) -> tuple[int, int]:
    """Of the pairs of matched DATE/TIME timexes that the gold puts in a strict order, how many the system
    orders the same way (by the first day of each value's period): the timeline's pairwise agreement."""
    placed = [(period(g), period(s)) for g, s in pairs]
    placed = [(g, s) for g, s in placed if g and s]
    agree = total = 0
    for k, (g1, s1) in enumerate(placed):
        for g2, s2 in placed[k + 1:]:
            if g1 != g2:  # tuples of (first day, last day) compare in that order
                total += 1
                agree += (g1 < g2) == (s1 < s2) and s1 != s2
    return agree, total


def score(system: list[tuple[int, int, str, str]], gold: list[tuple[int, int, dict]],
          agrees=lambda value, item: False, pairs: list | None = None) -> tuple[Score, list[str]]:
    result, notes, used = Score(found=len(system), gold=len(gold)), [], set()
    for start, end, text, value in system:
        hit = next((k for k, (gs, ge, _) in enumerate(gold) if k not in used and gs < end and start < ge), None)
        if hit is None:
            notes.append(f"  extra    {text!r} = {value}")
            continue
        used.add(hit)
        result.matched += 1
        item = gold[hit][2]
        if pairs is not None and item["type"] in ("DATE", "TIME"):
            pairs.append((item["value"], value.split()[1] if " " in value else value))
        if agrees(value, item):
            result.valued += 1
        else:
            notes.append(f"  value    {text!r} = {value}   gold {item['text']!r} = {item['value']} {item.get('mod', '')}")
    notes += [f"  missed   {gold[k][2]['text']!r} = {gold[k][2]['value']}" for k in range(len(gold)) if k not in used]
    return result, notes


def anchor_of(gold: dict) -> str:
    return gold.get("published") or gold["reference"]


def ours(article, anchor: str) -> list[tuple[int, int, str, str]]:
    return [(t.start, t.end, t.text, f"{t.type} {t.value} {t.mod or ''}".strip())
            for t in find_timexes(article, anchor=anchor)]


def same_value(value: str, item: dict) -> bool:
    return value == f"{item['type']} {item['value']} {item.get('mod', '')}".strip()


def peer(article, anchor: str) -> list[tuple[int, int, str, str]]:
    from dateparser.search import search_dates

    base = datetime.fromisoformat(anchor) if "T" in anchor else datetime.combine(date.fromisoformat(anchor), clock())
    found, at = [], 0
    for text, moment in search_dates(article.body, settings={"RELATIVE_BASE": base.replace(tzinfo=None)}) or []:
        start = article.body.find(text, at)
        if start >= 0:
            found.append((start, start + len(text), text, moment.isoformat()))
            at = start + len(text)
    return found


def peer_agrees(value: str, item: dict) -> bool:
    """A dateparser datetime agrees with a DATE/TIME gold value when it lies in the gold's period."""
    gold = item["value"]
    if item["type"] not in ("DATE", "TIME") or not gold[:1].isdigit():
        return False
    if "W" in gold or "Q" in gold or "H" in gold[5:6] or gold[5:7] in ("SP", "SU", "FA", "WI"):
        return False
    if "T" in gold and gold.split("T")[1][:1].isalpha():  # a part of day: the day must agree
        gold = gold.split("T")[0]
    return value.startswith(gold.replace("T", "T")[:len(gold)]) if len(gold) != 3 else value.startswith(gold)


BENCH_UNIT = ("Kim said Monday the drills run until Thursday. Last month, three years ago, at 5 p.m. on Aug. 10, "
              "2021, prices rose 5% in the second quarter. May may march; “May I?” he asked on 10 May 2020. ")
MAX_DOUBLING_RATIO = 2.6  # linear cost doubles the time (2.0) plus noise; quadratic cost quadruples it


def bench() -> int:
    """Time find_timexes on 0.5, 1 and 2 MB of dated text (CPU time); 1 when a doubling costs too much."""
    times = []
    for size in (500_000, 1_000_000, 2_000_000):
        text = BENCH_UNIT * (size // len(BENCH_UNIT))
        started = time.process_time()
        found = len(find_timexes(text, anchor="2021-08-23"))
        times.append(time.process_time() - started)
        print(f"{size / 1e6:4.1f} MB: {found:>7} timexes in {times[-1]:6.2f} s of CPU time")
    worst = max(b / a for a, b in zip(times, times[1:]))
    print(f"worst doubling ratio {worst:.2f} (at most {MAX_DOUBLING_RATIO})")
    return 1 if worst > MAX_DOUBLING_RATIO else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", action="store_true", help="list every mismatch")
    parser.add_argument("--peer", action="store_true", help="score dateparser.search_dates the same way")
    parser.add_argument("--bench", action="store_true", help="check that the cost grows linearly (no score)")
    parser.add_argument("gold", nargs="*", type=Path, help="gold files (default: data/gold/*.json)")
    args = parser.parse_args(argv)
    if args.bench:
        return bench()
    files = args.gold or sorted((DATA_DIR / "gold").glob("*.json"))
    tools = [("lessons.dating", ours, same_value)] + ([("dateparser", peer, peer_agrees)] if args.peer else [])
    for name, run, agrees in tools:
        total, lines, seconds, pairs, agreed, ordered = Score(), [], 0.0, [], 0, 0
        print(f"== {name}\n{'file':<34} {'P':>6} {'R':>6} {'F1':>6}   {'valP':>6} {'valR':>6} {'valF1':>6}  found/gold")
        for path in files:
            gold = json.loads(path.read_text(encoding="utf-8"))
            article = read_file(DATA_DIR / gold["file"])
            started = time.process_time()
            system = run(article, anchor_of(gold))
            seconds += time.process_time() - started
            pairs = []
            result, notes = score(system, gold_spans(article.body, gold["timexes"]), agrees, pairs)
            if name == "lessons.dating":
                a, t = order_agreement(pairs)
                agreed, ordered = agreed + a, ordered + t
            total += result
            print(result.row(path.stem))
            if notes:
                lines += [f"--- {path.stem}", *notes]
        print(total.row("MICRO-AVERAGE"))
        if ordered:
            print(f"timeline: {agreed} of {ordered} ordered pairs of matched DATE/TIME timexes in the gold's order "
                  f"({agreed / ordered:.3f})")
        print(f"speed: {len(files)} articles in {seconds:.3f} s of CPU time ({seconds / max(len(files), 1) * 1000:.1f} ms each)")
        if args.show and lines:
            print("\n".join(lines))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
