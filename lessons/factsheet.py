"""The capstone's product: one article's fact sheet — who's who, quotes by speaker, timeline, acronyms.

A fact sheet is written from an analysis report (:func:`lessons.analyze.report_for`, the JSON of ``lessons
analyze``), so a reader's corrections to that report show in it. :func:`fact_sheet_text` is what ``lessons
analyze`` prints; :func:`fact_sheet_html` is one self-contained, accessible HTML page (figures embedded as PNG,
each with alt text and the same description in words) that ``lessons factsheet`` writes.

>>> from lessons.analyze import analyze_text
>>> report = analyze_text("Talks resume\\nBy Jo Bloggs\\nPublished : Aug. 23, 2021 - 14:50\\n"
...                       "“We are ready,” said Sung Kim, the US envoy, on Monday.")
>>> print(fact_sheet_text(report).splitlines()[5])
  Sung Kim — the US envoy; quoted 1 time
"""

from __future__ import annotations

import base64
import hashlib
import html
import io
from collections import Counter, defaultdict
from typing import Any

from lessons.dating import Timex
from lessons.network import Tie, describe_network, network_chart
from lessons.timeline import describe_timeline, timeline, timeline_chart

__all__ = ["CORRECTIONS", "corrected", "events_of", "fact_sheet_html", "fact_sheet_text", "text_key"]


CORRECTIONS = "capstone.corrections"  # the answer-store entry: {text_key(body): {report key: corrected list}}
CORRECTABLE = ("quotes", "timexes", "people", "entities", "acronyms")


def text_key(body: str) -> str:
    """The key a text's corrections are filed under: a hash of its body, so they follow the text, not its file.

    >>> text_key("It rained.") == text_key("It rained.") != text_key("It snowed.")
    True
    """
    return hashlib.sha256(body.encode("utf-8")).hexdigest()[:16]


def corrected(report: dict[str, Any], body: str, corrections: object) -> dict[str, Any]:
    """The report with a reader's corrections for this very text applied (others, and malformed ones, ignored)."""
    mine = corrections.get(text_key(body)) if isinstance(corrections, dict) else None
    if not isinstance(mine, dict):
        return report
    fixed = dict(report)
    for name in CORRECTABLE:
        value = mine.get(name)
        if isinstance(value, type(report.get(name, []))):
            fixed[name] = value
    return fixed


def _times(count: int) -> str:
    return f"{count} time{'s' if count != 1 else ''}"


def _who(report: dict[str, Any]) -> list[tuple[str, str]]:
    """(name, what the sheet says of them) for each person, in order of first mention."""
    rows = []
    said = Counter(q.get("speaker") for q in report.get("quotes", []))  # the quotes as corrected, not as found
    for person in report.get("people", []):
        roles = person.get("roles") or []
        kept = [r for r in roles if not any(r != o and r in o for o in roles)]
        roles = "; ".join(kept) or "no role given"
        quoted = f"quoted {_times(said[person['name']])}" if said[person["name"]] else "not quoted"
        others = [m for m in dict.fromkeys(person.get("mentions") or []) if m != person["name"]]
        described = [r for r in dict.fromkeys(person.get("references") or []) if len(r.split()) > 1]
        rows.append((person["name"], f"{roles}; {quoted}" + (f"; also “{'”, “'.join(others)}”" if others else "")
                     + (f"; called “{'”, “'.join(described)}”" if described else "")))
    return rows


def _actors(report: dict[str, Any]) -> list[tuple[str, str, str]]:
    """(name, label, its other names and why) for each place or organization, aliases merged."""
    clustered = {alias["name"]: alias for alias in report.get("aliases", [])}
    rows, seen = [], set()
    for entity in report.get("entities", []):
        name = entity.get("cluster", entity["text"])
        if entity["label"] == "PERSON" or name in seen:
            continue
        seen.add(name)
        alias = clustered.get(name)
        others = "; ".join(f"{n} ({why})" for n, why in zip(alias["names"], alias["why"]) if n != name) if alias else ""
        rows.append((name, entity["label"], others))
    return rows


def _quotes_by_speaker(report: dict[str, Any]) -> dict[str, list[str]]:
    by = defaultdict(list)
    for quote in report.get("quotes", []):
        by[quote["speaker"] or "(speaker not found)"].append(quote["text"])
    return dict(by)


def events_of(report: dict[str, Any], body: str) -> tuple[list[Any], list[Timex]]:
    """The timeline of a report's (corrected) timexes: dated events in order, and the rest beside them."""
    fields = ("text", "start", "end", "type", "value", "mod", "anchor", "why")
    timexes = [Timex(**{f: t.get(f) for f in fields}) for t in report.get("timexes", []) if not t.get("dct")]
    return timeline(body, timexes=timexes)


def fact_sheet_text(report: dict[str, Any], body: str = "") -> str:
    """The fact sheet as plain text, for a terminal."""
    lines = [f"Fact sheet: {report.get('headline') or '(no headline found)'}",
             f"By {report.get('author') or '(no byline found)'} · published {report.get('published') or '(no date found)'}"
             + (f" · updated {report['updated']}" if report.get("updated") else ""),
             f"{_count(len(report.get('paragraphs', [])), 'paragraph')}, "
             f"{_count(len(report.get('sentences', [])), 'sentence')}", "",
             f"Who's who ({len(report.get('people', []))} people)"]
    lines += [f"  {name} — {what}" for name, what in _who(report)] or ["  (no one named)"]
    lines += ["", "Places and organizations"]
    lines += [f"  {name} ({label})" + (f" — also {others}" if others else "") for name, label, others in _actors(report)]
    lines += ["", f"Quotes by speaker ({len(report.get('quotes', []))} quotes)"]
    for speaker, texts in _quotes_by_speaker(report).items():
        lines.append(f"  {speaker} ({len(texts)})")
        lines += [f"    “{_clip(t)}”" for t in texts[:_LIST]] + _more(len(texts))
    if body:
        events, _ = events_of(report, body)
        lines += ["", f"Timeline ({len(events)} dated events)"]
        lines += [f"  {e.timex.value:<17} {_clip(e.clause, 70)}" for e in events[:3 * _LIST]] + _more(len(events), 3)
    lines += ["", "Acronyms defined in the text"]
    lines += [f"  {k} = {v}" for k, v in report.get("acronyms", {}).items()] or ["  (none)"]
    if report.get("acronym_flags"):
        lines.append(f"  check the spelling of: {', '.join(report['acronym_flags'])}")
    return "\n".join(lines)


_LIST = 10  # a terminal sheet lists this many quotes per speaker (three times as many events), then counts the rest


def _more(count: int, times: int = 1) -> list[str]:
    return [f"    … and {count - times * _LIST:,} more"] if count > times * _LIST else []


def _count(n: int, noun: str) -> str:
    return f"{n:,} {noun}{'s' if n != 1 else ''}"


def _clip(text: str, width: int = 90) -> str:
    return f"{text[:width]}{'…' if len(text) > width else ''}"


def _png(figure: Any) -> str:
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=96)
    return base64.b64encode(buffer.getvalue()).decode("ascii")


def _figure(figure: Any, description: str) -> str:
    alt = html.escape(description)
    return (f'<figure><img src="data:image/png;base64,{_png(figure)}" alt="{alt}">'
            f"<figcaption>{alt}</figcaption></figure>")


def _table(caption: str, head: tuple[str, ...], rows: list[tuple[str, ...]]) -> str:
    cells = "".join(f'<th scope="col">{html.escape(h)}</th>' for h in head)
    body = "".join("<tr>" + f'<th scope="row">{html.escape(r[0])}</th>' +
                   "".join(f"<td>{html.escape(c)}</td>" for c in r[1:]) + "</tr>" for r in rows)
    return f"<table><caption>{html.escape(caption)}</caption><thead><tr>{cells}</tr></thead><tbody>{body}</tbody></table>"


_STYLE = ("body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.5;"
          "color:#111;background:#fff}table{border-collapse:collapse;margin:1rem 0}th,td{border:1px solid #555;"
          "padding:.3rem .6rem;text-align:left;vertical-align:top}caption{font-weight:bold;text-align:left}"
          "img{max-width:100%;height:auto}figcaption{font-size:.95rem}blockquote{margin:.3rem 0 .3rem 1.5rem}")


def fact_sheet_html(report: dict[str, Any], body: str, ties: list[Tie]) -> str:
    """The fact sheet as one self-contained HTML page: tables, the timeline and the network, with alt text."""
    title = html.escape(report.get("headline") or "Untitled article")
    events, _ = events_of(report, body)
    quotes = "".join(f"<h3>{html.escape(speaker)} ({len(texts)})</h3>" +
                     "".join(f"<blockquote>{html.escape(t)}</blockquote>" for t in texts)
                     for speaker, texts in _quotes_by_speaker(report).items())
    acronym_rows = [(k, v) for k, v in report.get("acronyms", {}).items()]
    parts = [
        f"<header><h1>Fact sheet: {title}</h1><p>By {html.escape(report.get('author') or '(no byline found)')}"
        f" · published {html.escape(str(report.get('published') or '(no date found)'))}</p></header><main>",
        "<h2>Who’s who</h2>", _table("People named in the article", ("Name", "Roles, quotes, other names"), _who(report)),
        "<h2>Places and organizations</h2>",
        _table("Places and organizations, with their other names", ("Name", "Kind", "Also called"), _actors(report)),
        "<h2>Who is named with whom</h2>", _figure(network_chart(ties), describe_network(ties)),
        f"<h2>Quotes by speaker</h2>{quotes or '<p>No quotes found.</p>'}",
        "<h2>Timeline</h2>", _figure(timeline_chart(events), describe_timeline(events)),
        "<h2>Acronyms</h2>", _table("Acronyms defined in the text", ("Acronym", "Stands for"), acronym_rows)
        if acronym_rows else "<p>The article defines no acronym.</p>",
    ]
    if report.get("acronym_flags"):
        parts.append(f"<p>Check the spelling of: {html.escape(', '.join(report['acronym_flags']))}.</p>")
    parts.append("</main><footer><p>Made with Reading the News (<code>lessons factsheet</code>).</p></footer>")
    return (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Fact sheet: {title}</title>'
            f'<meta name="viewport" content="width=device-width, initial-scale=1"><style>{_STYLE}</style></head>'
            f"<body>{''.join(parts)}</body></html>")
