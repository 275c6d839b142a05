"""Lesson 1, reading: headers, date stamps, paragraphs, and every kind of bad input, as tables."""

from __future__ import annotations

import json
import tempfile
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lessons import reading
from lessons.errors import (
    ArticleNotFoundError,
    ArticleTooLargeError,
    BinaryArticleError,
    EmptyArticleError,
    LessonsError,
    StampError,
    UndecodableArticleError,
)
from lessons.paths import COURSE_ARTICLE
from lessons.reading import Article, decode_article_bytes, parse_stamp, read_article, read_file, split_byline

COURSE_HEADLINE = "US holds no hostile intent toward North Korea, urges for dialogue: nuclear envoy"


def assert_offsets(article: Article) -> None:
    """Every paragraph sits at its offsets in the body, and the body is the paragraphs joined by newlines."""
    for paragraph in article.paragraphs:
        assert article.body[paragraph.start:paragraph.end] == paragraph.text
    assert article.body == "\n".join(p.text for p in article.paragraphs)


def assert_one_line(err: pytest.ExceptionInfo[BaseException]) -> None:
    """A learner-facing message is one line that says what to do (after a colon or semicolon)."""
    message = str(err.value)
    assert "\n" not in message and "\r" not in message
    assert ":" in message and len(message) < 300


# --- the course article ------------------------------------------------------------------------


@pytest.mark.repo
def test_course_article() -> None:
    article = read_article(COURSE_ARTICLE)
    assert article.headline == COURSE_HEADLINE
    assert article.author == "Ahn Sung-mi"
    assert article.published is not None and article.published.isoformat() == "2021-08-23T14:50:00+09:00"
    assert article.updated is None
    assert len(article.paragraphs) == 15
    assert article.paragraphs[0].text.startswith("The US holds no hostile intent toward Pyongyang")
    assert article.paragraphs[-1].text.endswith("the regime has rebuffed the diplomatic overtures.")
    assert "’" in article.body  # curly apostrophes survive decoding
    assert article.source == str(COURSE_ARTICLE)
    assert_offsets(article)


@pytest.mark.parametrize("read", [read_article, lambda path: read_file(str(path)),
                                  lambda path: read_article(path.read_text("utf-8")),
                                  lambda path: read_article(path.read_bytes())],
                         ids=["Path", "file name", "text", "bytes"])  # read when the test runs, not at import
@pytest.mark.repo
def test_course_article_from_every_kind_of_source(read: Any) -> None:
    article = read(COURSE_ARTICLE)
    assert (article.author, len(article.paragraphs)) == ("Ahn Sung-mi", 15)


@pytest.mark.repo
def test_to_dict_is_json_ready() -> None:
    data = json.loads(json.dumps(read_article(COURSE_ARTICLE).to_dict()))
    assert data["published"] == "2021-08-23T14:50:00+09:00"
    assert data["headline"] == COURSE_HEADLINE and len(data["paragraphs"]) == 15 and data["updated"] is None


# --- headers -----------------------------------------------------------------------------------

HEADERS = [  # text, headline, author, published, updated, paragraph count
    pytest.param("Envoys meet\nBy Ahn Sung-miPublished : Aug. 23, 2021 - 14:50\nP1.\nP2.",
                 "Envoys meet", "Ahn Sung-mi", "2021-08-23T14:50:00+09:00", None, 2, id="glued"),
    pytest.param("Envoys meet\nBy Jane Doe\nPublished : Sept. 3, 2021 - 9:05\nP1.",
                 "Envoys meet", "Jane Doe", "2021-09-03T09:05:00+09:00", None, 1, id="separate-lines"),
    pytest.param("Envoys meet\nBy Jane DoePublished : Jan 5, 2022 - 14:50Updated : Jan 5, 2022 - 16:28\nP1.",
                 "Envoys meet", "Jane Doe", "2022-01-05T14:50:00+09:00", "2022-01-05T16:28:00+09:00", 1,
                 id="updated-glued"),
    pytest.param("Envoys meet\nBy Jane Doe and John Roe\nPublished: June 30, 2020 - 9:05\n"
                 "Updated: June 30, 2020 - 2:50 p.m.\nP1.\nP2.",
                 "Envoys meet", "Jane Doe and John Roe", "2020-06-30T09:05:00+09:00",
                 "2020-06-30T14:50:00+09:00", 2, id="two-authors-updated-own-line"),
    pytest.param("Envoys meet\nBy Jane Doe | Published : Aug. 23, 2021 - 14:50 | Updated : Aug. 24, 2021\n"
                 "P1.",
                 "Envoys meet", "Jane Doe", "2021-08-23T14:50:00+09:00", "2021-08-24T00:00:00+09:00", 1,
                 id="pipes"),
    pytest.param("Envoys meet\nPosted : Sept. 3, 2021 - 2:50 PM\nP1.",
                 "Envoys meet", None, "2021-09-03T14:50:00+09:00", None, 1, id="posted-no-byline"),
    pytest.param("Envoys meet\n\nBy Jane Doe\n\nPublished : 2021-08-23T14:50:00-04:00\n\nP1.\n\nP2.",
                 "Envoys meet", "Jane Doe", "2021-08-23T14:50:00-04:00", None, 2, id="iso-with-blank-lines"),
    pytest.param("Envoys meet\nBy Jane Doe\nPublished : Aug. 23, 2021 - 14:50 EDT\nP1.",
                 "Envoys meet", "Jane Doe", "2021-08-23T14:50:00-04:00", None, 1, id="explicit-zone"),
    pytest.param("Envoys meet\nAugust 23, 2021\nP1.",
                 "Envoys meet", None, "2021-08-23T00:00:00+09:00", None, 1, id="bare-date-line"),
    pytest.param("By Jane Doe\nPublished : Aug. 23, 2021\nP1.",
                 None, "Jane Doe", "2021-08-23T00:00:00+09:00", None, 1, id="byline-first-no-headline"),
    pytest.param("Envoys meet\nA deck line under the headline\nBy Jane Doe\nP1.",
                 "Envoys meet", "Jane Doe", None, None, 2, id="deck-kept-in-body"),
    pytest.param("Envoys meet\nBy Ahn Sung-mi (sungmi@heraldcorp.com)\nP1.",
                 "Envoys meet", "Ahn Sung-mi", None, None, 1, id="byline-email"),
    pytest.param("Envoys meet\nBy Jane Doe, Korea Herald correspondent\nP1.",
                 "Envoys meet", "Jane Doe", None, None, 1, id="byline-role"),
    pytest.param("Envoys meet\nBy Jane Doe, AP\nP1.", "Envoys meet", "Jane Doe", None, None, 1, id="byline-wire"),
    pytest.param("Envoys meet\nBy Jane Doe and John Roe, Hudson Wire\nP1.",
                 "Envoys meet", "Jane Doe and John Roe", None, None, 1, id="byline-two-and-wire"),
    pytest.param("Envoys meet\nBy Kim Ji-hoon, Lee Su-jin\nP1.",
                 "Envoys meet", "Kim Ji-hoon, Lee Su-jin", None, None, 1, id="byline-comma-authors-kept"),
    pytest.param("Envoys meet\nBy Jane DoePublished : someday soon\nP1.",
                 "Envoys meet", "Jane Doe", None, None, 1, id="unreadable-stamp-left-unset"),
    pytest.param("Envoys meet\nBy Jane Doe\nPublished : Aug. 23, 2021\nUpdated : 10:00 XYZ, Aug. 24\nP1.",
                 "Envoys meet", "Jane Doe", "2021-08-23T00:00:00+09:00", None, 1,
                 id="unreadable-update-dropped"),
    pytest.param("Envoys meet\nBy Jane Doe\nLast updated: 23 August 2021 10:00 BST\nP1.",
                 "Envoys meet", "Jane Doe", None, "2021-08-23T10:00:00+01:00", 1, id="last-updated-bst"),
    pytest.param("Envoys meet\nSEOUL, Aug. 23 (Yonhap) -- The envoys met.\nP2.",
                 "Envoys meet", None, None, None, 2, id="dateline-opens-the-body"),
    pytest.param("Envoys meet\n\nWASHINGTON (AP) — The envoys met.\nP2.",
                 "Envoys meet", None, None, None, 2, id="ap-dateline"),
    pytest.param("Envoys meet\nLONDON, June 30 (Reuters) - The envoys met.\nP2.",
                 "Envoys meet", None, None, None, 2, id="reuters-dateline"),
    pytest.param("SEOUL, Aug. 23 (Yonhap) -- The envoys met.\nP2.",
                 None, None, None, None, 2, id="dateline-first-no-headline"),
    pytest.param("Envoys meet\nUS-ROK drills begin — officials said so.\nP2.",
                 None, None, None, None, 3, id="caps-word-is-no-dateline"),
    pytest.param("Updated: North Korea fires missile\nBy Jane Doe\nP1.",
                 "Updated: North Korea fires missile", "Jane Doe", None, None, 1, id="label-in-headline"),
    # negatives: no byline or stamp after the first line, so there is no header and nothing is lost
    pytest.param("The US holds no hostile intent.\nKim said so on Monday.\nHe left.",
                 None, None, None, None, 3, id="no-header"),
    pytest.param("Talks resume\nBy the end of the year, talks resumed.\nP2.", None, None, None, None, 3,
                 id="by-the-end-is-prose"),
    pytest.param("Talks resume\nBy Monday, the talks had stalled.\nP2.", None, None, None, None, 3,
                 id="by-monday-is-prose"),
    pytest.param("Talks resume\nThe report Published : Aug. 23, 2021 said so.\nP2.",
                 None, None, None, None, 3,
                 id="published-inside-prose"),
    pytest.param("Talks resume\n\nThe envoys met.", None, None, None, None, 2, id="headline-without-byline"),
    pytest.param(f"{'A very long first paragraph. ' * 10}\nBy Jane Doe\nP2.", None, None, None, None, 3,
                 id="long-first-line-is-no-headline"),
    pytest.param("Hello world", None, None, None, None, 1, id="one-line"),
]


@pytest.mark.parametrize(("text", "headline", "author", "published", "updated", "count"), HEADERS)
def test_headers(text: str, headline: str | None, author: str | None, published: str | None,
                 updated: str | None, count: int) -> None:
    article = read_article(text)
    assert (article.headline, article.author) == (headline, author)
    assert (article.published.isoformat() if article.published else None) == published
    assert (article.updated.isoformat() if article.updated else None) == updated
    assert len(article.paragraphs) == count
    assert_offsets(article)


def test_a_repeated_byline_stays_in_the_body() -> None:
    article = read_article("Talks\nBy Jane Doe\nBy John Roe\nP1.")
    assert article.author == "Jane Doe" and [p.text for p in article.paragraphs] == ["By John Roe", "P1."]


GOLD_FILES = sorted((COURSE_ARTICLE.parent / "gold").glob("*.json"))


@pytest.mark.parametrize("gold_file", GOLD_FILES, ids=[path.stem for path in GOLD_FILES])
@pytest.mark.repo
def test_header_agrees_with_the_gold_annotations(gold_file: Path) -> None:
    gold = json.loads(gold_file.read_text(encoding="utf-8"))
    article = read_article(COURSE_ARTICLE.parent / gold["file"])
    assert (article.headline, article.author, len(article.paragraphs)) == (
        gold["headline"], gold["author"], gold["paragraphs"])
    for ours, theirs in ((article.published, gold["published"]), (article.updated, gold["updated"])):
        # the gold gives a date alone when the stamp has no time; ours is that date at 00:00
        assert (ours.isoformat()[: len(theirs)] if ours else None) == theirs


# --- helpers the lesson teaches with -----------------------------------------------------------

BYLINES = [
    ("By Ahn Sung-miPublished : Aug. 23, 2021 - 14:50", "Ahn Sung-mi", "Aug. 23, 2021 - 14:50"),
    ("By Ahn Sung-mi", "Ahn Sung-mi", None),
    ("Published : Aug. 23, 2021 - 14:50", None, "Aug. 23, 2021 - 14:50"),
    ("By A and BPublished: Sept. 3, 2021Updated : Sept. 4, 2021", "A and B", "Sept. 3, 2021"),
    ("BY JANE DOE Posted on June 30, 2020", "JANE DOE", "June 30, 2020"),
    ("By: Jane Doe", "Jane Doe", None),
    ("Updated : Aug. 24, 2021", None, None),  # an update is not the publication stamp
    ("The envoys met on Monday.", None, None),
    ("By the end of August", None, None),
    ("Byron Kim", None, None),
    ("", None, None),
]


@pytest.mark.parametrize(("line", "author", "stamp"), BYLINES)
def test_split_byline(line: str, author: str | None, stamp: str | None) -> None:
    assert split_byline(line) == (author, stamp)


STAMPS = [
    ("Aug. 23, 2021 - 14:50", "2021-08-23T14:50:00+09:00"),
    ("Sept. 3, 2021", "2021-09-03T00:00:00+09:00"),
    ("Sep 3 2021", "2021-09-03T00:00:00+09:00"),
    ("Jan 5, 2022", "2022-01-05T00:00:00+09:00"),
    ("June 30, 2020 - 9:05", "2020-06-30T09:05:00+09:00"),
    ("Aug. 23, 2021 - 2:50 p.m.", "2021-08-23T14:50:00+09:00"),
    ("Aug. 23, 2021 2:50 PM", "2021-08-23T14:50:00+09:00"),
    ("Aug. 23, 2021 - 12:05 a.m.", "2021-08-23T00:05:00+09:00"),
    ("Aug. 23, 2021 - 12 p.m.", "2021-08-23T12:00:00+09:00"),
    ("Monday, August 23, 2021 at 14:50:30", "2021-08-23T14:50:30+09:00"),
    ("23 August 2021 14:50", "2021-08-23T14:50:00+09:00"),
    ("2021.08.23 14:50", "2021-08-23T14:50:00+09:00"),
    ("2021-08-23", "2021-08-23T00:00:00+09:00"),
    ("2021-08-23 14:50", "2021-08-23T14:50:00+09:00"),
    ("2021-08-23T14:50:00+09:00", "2021-08-23T14:50:00+09:00"),
    ("2021-08-23T05:50:00Z", "2021-08-23T05:50:00+00:00"),
    ("2021-08-23T14:50+0900", "2021-08-23T14:50:00+09:00"),
    ("Aug. 23, 2021 - 14:50 KST", "2021-08-23T14:50:00+09:00"),
    ("Aug. 23, 2021 05:50 UTC", "2021-08-23T05:50:00+00:00"),
    ("Aug. 23, 2021 05:50 GMT", "2021-08-23T05:50:00+00:00"),
    ("2:50 p.m. EDT, June 30, 2020", "2020-06-30T14:50:00-04:00"),
    ("Jan 5, 2022 9:00 EST", "2022-01-05T09:00:00-05:00"),
    ("Aug. 23, 2021 14:50 +09:00", "2021-08-23T14:50:00+09:00"),
    ("Aug. 23, 2021 14:50 GMT+9", "2021-08-23T14:50:00+09:00"),
    ("Aug. 23, 2021 - 14:50 KST (UTC+9)", "2021-08-23T14:50:00+09:00"),  # the zone twice, agreeing
    ("Aug. 22, 2021 - 11:00 p.m. EDT (UTC-4)", "2021-08-22T23:00:00-04:00"),
    ("Aug. 23, 2021 14:50 KST +0900", "2021-08-23T14:50:00+09:00"),
    ("Published : Aug. 23, 2021 - 14:50", "2021-08-23T14:50:00+09:00"),  # a label in front is fine
    ("Posted : June 30, 2020 - 9:05", "2020-06-30T09:05:00+09:00"),
]


@pytest.mark.parametrize(("text", "expected"), STAMPS)
def test_parse_stamp(text: str, expected: str) -> None:
    assert parse_stamp(text).isoformat() == expected


def test_parse_stamp_default_zone() -> None:
    implicit = parse_stamp("June 30, 2020 - 9:05", default_tz=timezone.utc)
    assert implicit.isoformat() == "2020-06-30T09:05:00+00:00"
    explicit = parse_stamp("June 30, 2020 - 9:05 KST", default_tz=timezone.utc)
    assert explicit.isoformat() == "2020-06-30T09:05:00+09:00"  # a zone in the stamp wins


@pytest.mark.parametrize("text", ["yesterday", "", "14:50", "Aug 23", "Aug. 32, 2021", "Feb. 29, 2021",
                                  "Aug. 23, 2021 - 25:00", "Aug. 23, 2021 banana", "08/23/2021",
                                  "2021-13-01", "Mayor 5, 2021", "Aug. 23, 2021 14:50 KST (UTC-4)",
                                  "Aug. 23, 2021 14:50 UTC+99", "Aug. 23, 2021 14:50 XYZ"])
def test_parse_stamp_refuses_nonsense(text: str) -> None:
    with pytest.raises(StampError) as err:
        parse_stamp(text)
    assert_one_line(err)


def test_parse_stamp_says_why_a_numeric_date_is_ambiguous() -> None:
    with pytest.raises(StampError, match="month/day or day/month"):
        parse_stamp("08/03/2021")


@pytest.mark.parametrize(("data", "expected"), [
    ("Noh’s “talks”".encode(), "Noh’s “talks”"),
    ("\ufeffNoh’s talks".encode(), "Noh’s talks"),
    ("Noh’s “talks”".encode("cp1252"), "Noh’s “talks”"),
    ("Noh’s talks".encode("utf-16"), "Noh’s talks"),
    (b"", ""),
])
def test_decode_article_bytes(data: bytes, expected: str) -> None:
    assert decode_article_bytes(data) == expected


# --- paragraphs and line endings -----------------------------------------------------------------

PARAGRAPHS = [
    ("P1.\nP2.  \n\tP3.\t\n", ["P1.", "P2.", "P3."]),
    ("P1.\n\nP2.\n\n\nP3.\n\n", ["P1.", "P2.", "P3."]),
    ("A paragraph that\nwraps over lines.\n\nAnother one\nthat wraps.", ["A paragraph that wraps over lines.",
                                                                        "Another one that wraps."]),
    ("P1 has\nlong lines.\n\nP2.", ["P1 has long lines.", "P2."]),
    pytest.param("P1.\nP2.\n\nP3.", ["P1.", "P2.", "P3."], marks=pytest.mark.xfail(
        reason="one blank line makes the whole body blank-line separated, so P1 and P2 become one paragraph",
        strict=True)),
    ("P1.\r\nP2.\r\n", ["P1.", "P2."]),
    ("P1.\rP2.\r", ["P1.", "P2."]),
    ("\ufeffP1.\nP2.", ["P1.", "P2."]),
    ("P1.\x1a\nP2.", ["P1.", "P2."]),  # a DOS end-of-file mark is not content
]


@pytest.mark.parametrize(("text", "expected"), PARAGRAPHS)
def test_paragraphs(text: str, expected: list[str]) -> None:
    article = read_article(text)
    assert [p.text for p in article.paragraphs] == expected
    assert_offsets(article)


HEADER_BYTES = ("Envoys meet\nBy Ahn Sung-miPublished : Aug. 23, 2021 - 14:50\n"
                "“We met,” Kim said.\nIt’s over.\n")


@pytest.mark.parametrize("data", [
    HEADER_BYTES.encode(),
    b"\xef\xbb\xbf" + HEADER_BYTES.encode(),
    HEADER_BYTES.replace("\n", "\r\n").encode(),
    HEADER_BYTES.replace("\n", "\r").encode(),
    HEADER_BYTES.encode("cp1252"),
    HEADER_BYTES.encode("utf-16"),
], ids=["utf8", "bom", "crlf", "cr", "cp1252", "utf16"])
def test_encodings_and_line_endings(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "article.txt"
    path.write_bytes(data)
    article = read_article(path)
    assert (article.headline, article.author) == ("Envoys meet", "Ahn Sung-mi")
    assert [p.text for p in article.paragraphs] == ["“We met,” Kim said.", "It’s over."]
    assert_offsets(article)


# --- sources and bad input -------------------------------------------------------------------------

BAD_FILES = [
    ("missing", None, ArticleNotFoundError),
    ("empty", b"", EmptyArticleError),
    ("whitespace", b" \n\t\r\n  ", EmptyArticleError),
    ("bom-only", b"\xef\xbb\xbf", EmptyArticleError),
    ("png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", BinaryArticleError),
    ("pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", BinaryArticleError),
    ("docx", b"PK\x03\x04\x14\x00\x06\x00", BinaryArticleError),
    ("nul", b"Envoys meet\x00\nBy Jane Doe\n", BinaryArticleError),
    ("controls", b"a\x01\x02\x03\x04\x05b\n", BinaryArticleError),
    ("undecodable", b"Envoys \x81\x8d meet \xc3\n", UndecodableArticleError),
    ("too-large", b"a" * (reading.MAX_ARTICLE_BYTES + 1), ArticleTooLargeError),
]


@pytest.mark.parametrize(("name", "data", "error"), BAD_FILES, ids=[row[0] for row in BAD_FILES])
def test_bad_files(tmp_path: Path, name: str, data: bytes | None, error: type[LessonsError]) -> None:
    path = tmp_path / f"{name}.txt"
    if data is not None:
        path.write_bytes(data)
    for read in (lambda: read_article(path), lambda: read_file(path), lambda: read_file(str(path))):
        with pytest.raises(error) as err:
            read()
        assert_one_line(err)
        assert path.name in str(err.value)  # the message quotes the file


def test_a_directory_is_not_an_article(tmp_path: Path) -> None:
    with pytest.raises(ArticleNotFoundError, match="folder") as err:
        read_article(tmp_path)
    assert_one_line(err)


@pytest.mark.parametrize(("text", "error"), [
    ("", EmptyArticleError),
    ("   \n\t\n", EmptyArticleError),
    ("Envoys\x00meet\nP1.", BinaryArticleError),
])
def test_bad_text(text: str, error: type[LessonsError]) -> None:
    with pytest.raises(error) as err:
        read_article(text)
    assert_one_line(err)


@pytest.mark.parametrize("name", ["missing-article.txt", "notes/missing", "./missing"])
def test_a_missing_file_is_named_and_nothing_else_is_suggested(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    monkeypatch.chdir(tmp_path)
    with pytest.raises(ArticleNotFoundError) as err:
        read_file(name)
    assert_one_line(err)
    assert "text" not in str(err.value)  # the CLI cannot take an article's text, so it is not suggested


@pytest.mark.parametrize("text", ["Seoul/Washington talks resume", "The envoys met.", "article.txt", "~/x.txt"])
def test_a_str_is_always_text(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "article.txt").write_text("From the file.\n", encoding="utf-8")
    assert [p.text for p in read_article(text).paragraphs] == [text]  # even when a file of that name exists
    assert read_file("article.txt").body == "From the file."


def test_text_too_large() -> None:
    with pytest.raises(ArticleTooLargeError) as err:
        read_article("a\n" * (reading.MAX_ARTICLE_BYTES // 2 + 1))
    assert_one_line(err)


def test_wrong_type_is_a_type_error() -> None:
    with pytest.raises(TypeError):
        read_article(42)  # type: ignore[arg-type]


# --- options ----------------------------------------------------------------------------------------


@pytest.mark.repo
def test_text_only_keeps_every_line_as_body() -> None:
    article = read_article(COURSE_ARTICLE, text_only=True)
    assert (article.headline, article.author, article.published) == (None, None, None)
    assert len(article.paragraphs) == 17 and article.paragraphs[0].text == COURSE_HEADLINE
    assert_offsets(article)


@pytest.mark.parametrize(("published", "expected"), [
    ("2021-08-24", "2021-08-24T00:00:00+09:00"),
    ("2021-08-24T09:30", "2021-08-24T09:30:00+09:00"),
    ("2021-08-24T09:30:00-04:00", "2021-08-24T09:30:00-04:00"),
    (datetime(2021, 8, 24, 9, 30), "2021-08-24T09:30:00+09:00"),
    (datetime(2021, 8, 24, 9, 30, tzinfo=timezone.utc), "2021-08-24T09:30:00+00:00"),
    (date(2021, 8, 24), "2021-08-24T00:00:00+09:00"),
])
@pytest.mark.repo
def test_published_overrides_the_header(published: object, expected: str) -> None:
    for text_only in (False, True):
        article = read_article(COURSE_ARTICLE, published=published,  # type: ignore[arg-type]
                               text_only=text_only)
        assert article.published is not None and article.published.isoformat() == expected


def test_published_sets_a_date_for_headerless_text() -> None:
    assert read_article("The envoys met.", published="2021-08-23").published == datetime(
        2021, 8, 23, tzinfo=reading.DEFAULT_TZ)


@pytest.mark.repo
def test_bad_published_value() -> None:
    with pytest.raises(StampError) as err:
        read_article(COURSE_ARTICLE, published="next Tuesday")
    assert_one_line(err)


@pytest.mark.repo
def test_default_tz_option() -> None:
    article = read_article(COURSE_ARTICLE, default_tz=timezone.utc)
    assert article.published is not None and article.published.isoformat() == "2021-08-23T14:50:00+00:00"


# --- properties: nothing but a LessonsError, and offsets always hold ----------------------------------

HEADERISH = st.sampled_from(["By Jane Doe", "By Ahn Sung-miPublished : Aug. 23, 2021 - 14:50", "Published :",
                             "Updated : Sept. 3, 2021 - 2:50 p.m.", "Aug. 23, 2021", "", "  ", "\r", "\ufeff",
                             "By A and BPosted: 2021-08-23T14:50+09:00Updated : 25:00"])
LINES = st.lists(st.one_of(HEADERISH, st.text(max_size=40)), max_size=12).map("\n".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.one_of(st.text(max_size=200), LINES), text_only=st.booleans())
def test_any_text_reads_or_raises_a_lessons_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                  text: str, text_only: bool) -> None:
    monkeypatch.chdir(tmp_path)  # a one-line string is looked up as a file name: keep the lookups here
    try:
        article = read_article(text, text_only=text_only)
    except LessonsError as err:
        assert "\n" not in str(err)
        return
    assert_offsets(article)
    assert all(p.text and p.text == p.text.strip() for p in article.paragraphs)


@settings(max_examples=300, deadline=None)
@given(data=st.one_of(st.binary(max_size=200), LINES.map(lambda t: t.encode("utf-8", "surrogatepass")),
                      LINES.map(lambda t: t.encode("cp1252", "ignore"))))
def test_any_bytes_in_a_file_read_or_raise_a_lessons_error(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "article.txt"
        path.write_bytes(data)
        try:
            article = read_article(path)
        except LessonsError as err:
            assert "\n" not in str(err)
            return
    assert_offsets(article)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60))
def test_parse_stamp_raises_only_stamp_errors(text: str) -> None:
    try:
        when = parse_stamp(text)
    except StampError:
        return
    assert when.tzinfo is not None


@settings(max_examples=100, deadline=None)
@given(st.lists(st.text(st.characters(codec="ascii", categories=["L", "N", "P", "Zs"]), min_size=1,
                        max_size=30).map(str.strip).filter(bool), min_size=1, max_size=8))
def test_text_only_paragraphs_are_the_stripped_lines(lines: list[str]) -> None:
    article = read_article("\n".join(lines) + "\n", text_only=True)
    assert [p.text for p in article.paragraphs] == lines  # the obvious version: one paragraph per line


# --- the lesson's exercises (01_reading.ipynb): issue 8's rules --------------------------------------
# No answer is written here: each test finds it from the text the exercise is about, with the course's
# helpers, or from a cell of the notebook.

import itertools  # noqa: E402
import random  # noqa: E402
import re  # noqa: E402
import unicodedata  # noqa: E402
from datetime import timedelta  # noqa: E402

import nbformat  # noqa: E402

from lessons.course import coderun  # noqa: E402
from lessons.course.exercises import exercises_in, get_exercise  # noqa: E402
from lessons.course.exercises._reading_cases import AP_MONTHS, stamp_cases  # noqa: E402
from lessons.course.keys import CodeKey, digest  # noqa: E402
from lessons.paths import NOTEBOOKS_DIR  # noqa: E402

LESSON = "01_reading.ipynb"


def _lesson_cells() -> list[nbformat.NotebookNode]:
    return nbformat.read(NOTEBOOKS_DIR / LESSON, as_version=4).cells


def _code_sources() -> str:
    return "\n".join(c.source for c in _lesson_cells() if c.cell_type == "code")


def _utc(stamp: str) -> datetime:
    return parse_stamp(stamp).astimezone(timezone.utc)


def test_lesson_one_has_ten_graded_exercises_over_three_tiers_two_of_them_code() -> None:
    exercises = exercises_in(LESSON)
    assert len(exercises) >= 10
    assert {ex.tier for ex in exercises} == {"warm-up", "core", "challenge"}
    assert sum(ex.kind == "code" for ex in exercises) >= 2


@pytest.mark.repo
def test_every_exercise_names_the_section_it_sits_under() -> None:
    heading, placed = None, {}
    for cell in _lesson_cells():
        if cell.cell_type == "markdown":
            for line in cell.source.splitlines():
                if line.startswith("## "):
                    heading = line[3:].strip()
        for exercise_id in re.findall(r'exercise\("([\w.]+)"\)', cell.source if cell.cell_type == "code" else ""):
            placed[exercise_id] = heading
    assert set(placed) == {ex.id for ex in exercises_in(LESSON)}
    for exercise_id, section in placed.items():
        assert get_exercise(exercise_id).section == f"§ {section}", exercise_id
    assert [ex.id for ex in exercises_in(LESSON)] == list(placed)  # the grade report lists them in notebook order


def _pasted() -> str:
    """The line the § 1 exercises ask about, as the notebook defines it."""
    return re.search(r'^pasted = "(.*)"$', _code_sources(), flags=re.M)[1]  # type: ignore[index]


@pytest.mark.repo
def test_non_ascii_is_about_the_pasted_line_not_the_text_the_lesson_counted() -> None:
    ex = get_exercise("reading.non_ascii")
    right = [option for option in ex.options if option in _pasted() and ord(option) > 127]
    assert ex.check(right).passed
    counted = {ch for ch in read_file(COURSE_ARTICLE).body if ord(ch) > 127}  # what § 1 prints for the article
    assert not ex.check(sorted(counted & set(ex.options))).passed


@pytest.mark.repo
def test_apostrophe_is_about_the_pasted_line_of_the_notebook() -> None:
    ex = get_exercise("reading.apostrophe")
    pasted = _pasted()
    mark = pasted[pasted.index("90s") - 1]
    assert ex.check(f"U+{ord(mark):04X} {unicodedata.name(mark)} ({mark})").passed
    shown = read_file(COURSE_ARTICLE).body  # the lesson's worked example is the course's apostrophe: not this one
    worked = shown[shown.index("Biden") + 5]
    assert not ex.check(f"U+{ord(worked):04X} {unicodedata.name(worked)} ({worked})").passed


@pytest.mark.repo
@pytest.mark.parametrize("form", ["{utc}+00:00", "{utc}Z", "{utc}:00+00:00", "{utc_space}Z"])
def test_published_utc_takes_the_instant_written_as_utc(form: str) -> None:
    moment = read_file(COURSE_ARTICLE).published.astimezone(timezone.utc)  # type: ignore[union-attr]
    answer = form.format(utc=moment.strftime("%Y-%m-%dT%H:%M"), utc_space=moment.strftime("%Y-%m-%d %H:%M"))
    assert get_exercise("reading.published_utc").check(answer).passed


@pytest.mark.repo
@pytest.mark.parametrize("zone", [timedelta(hours=9), timedelta(hours=-8), timedelta(hours=2), None])
def test_published_utc_refuses_the_same_instant_in_another_zone_or_none(zone: timedelta | None) -> None:
    moment = read_file(COURSE_ARTICLE).published  # type: ignore[union-attr]
    assert moment is not None
    answer = (moment.astimezone(timezone(zone)).isoformat(timespec="minutes") if zone is not None
              else moment.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M"))
    result = get_exercise("reading.published_utc").check(answer)
    assert result.score == 0 and result.status == "not yet" and "+00:00 or Z" in " ".join(result.hints)


def test_stamp_order_only_the_zone_conversion_decides_each_pair() -> None:
    ex = get_exercise("reading.stamp_order")
    printed = {s: parse_stamp(s).replace(tzinfo=None) for s in ex.options}  # the clock face, zone ignored
    for a, b in itertools.combinations(ex.options, 2):
        assert (printed[a] < printed[b]) != (_utc(a) < _utc(b)), (a, b)  # every scored pair needs the conversion
    right = sorted(ex.options, key=_utc)
    assert ex.check(right).passed
    assert ex.check(sorted(ex.options, key=printed.__getitem__)).score == 0.0  # skipping the conversion


def test_stamp_order_gives_partial_credit_for_each_conversion_done_right() -> None:
    ex = get_exercise("reading.stamp_order")

    def moved_wrong_way(stamp: str) -> datetime:  # one stamp's offset added instead of taken away
        when = parse_stamp(stamp)
        local, offset = when.replace(tzinfo=None), when.utcoffset()
        assert offset is not None
        return local + offset if "EDT" in stamp else _utc(stamp).replace(tzinfo=None)

    result = ex.check(sorted(ex.options, key=moved_wrong_way))
    assert result.status == "partly right" and 0 < result.score < 1


@pytest.mark.repo
def test_stamp_match_does_not_give_away_published_utc() -> None:
    ex = get_exercise("reading.stamp_match")
    course_stamp = split_byline(COURSE_ARTICLE.read_text(encoding="utf-8").splitlines()[1])[1]
    assert course_stamp is not None and all(course_stamp not in item for item in ex.items)
    course_utc = _utc(course_stamp).strftime("%Y-%m-%d %H:%M")
    assert all(course_utc not in option for option in ex.options)
    right = {item: _utc(item).strftime("%Y-%m-%d %H:%M UTC") for item in ex.items}
    assert ex.check(right).passed


# The lesson's demo cells, as a learner would wrap them into an answer: they must not pass.
BYLINE_DEMOS = {
    "partition": '''
def split_byline(line):
    before, label, after = line.partition("Published")
    author = before.removeprefix("By ").strip()
    stamp = after.strip(" :")
    return author, stamp
''',
    "regex": '''
import re

BYLINE = re.compile(r"^By (?P<author>.+?)Published\\s*:\\s*(?P<stamp>.+)$")

def split_byline(line):
    match = BYLINE.match(line)
    return match.group("author"), match.group("stamp")
''',
}
TO_UTC_DEMOS = {
    "as shown": '''
from datetime import datetime, timezone
from zoneinfo import ZoneInfo

def to_utc(stamp, offset_hours):
    naive = datetime.strptime(stamp, "%b. %d, %Y - %H:%M")
    seoul = naive.replace(tzinfo=ZoneInfo("Asia/Seoul"))
    return seoul.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M+00:00")
''',
    "with the offset": '''
from datetime import datetime, timedelta, timezone

def to_utc(stamp, offset_hours):
    naive = datetime.strptime(stamp, "%b. %d, %Y - %H:%M")
    zone = timezone(timedelta(hours=offset_hours))
    return naive.replace(tzinfo=zone).astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M+00:00")
''',
}


@pytest.mark.repo
def test_the_demos_are_the_notebooks_cells() -> None:
    code = _code_sources()
    for line in ('before, label, after = other_byline.partition("Published")',
                 'author = before.removeprefix("By ").strip()', 'stamp = after.strip(" :")',
                 'BYLINE = re.compile(r"^By (?P<author>.+?)Published\\s*:\\s*(?P<stamp>.+)$")',
                 'naive = datetime.strptime(updated_stamp, "%b. %d, %Y - %H:%M")',
                 'seoul = naive.replace(tzinfo=ZoneInfo("Asia/Seoul"))'):  # fmt: skip
        assert line in code, line


def _hidden_failures(exercise_id: str, source: str) -> tuple[int, int]:
    """How many of the exercise's hidden (self-check) cases the source gets wrong, of how many."""
    ex = get_exercise(exercise_id)
    assert isinstance(ex.key, CodeKey)
    hidden = [case for case in ex.key.cases if case.shown is None]
    outcomes = coderun.run_function(source, ex.key.function, [case.args for case in hidden])
    wrong = sum(not o.ok or digest(ex.id, o.value, normalizer="exact") != case.expected
                for case, o in zip(hidden, outcomes))
    return wrong, len(hidden)


def _instructor_failures(exercise_id: str, source: str, secret: bytes) -> int:
    from lessons.course.secret import derive

    ex = get_exercise(exercise_id)
    assert isinstance(ex.key, CodeKey) and ex.key.instructor_cases is not None
    cases = ex.key.instructor_cases(random.Random(derive(secret, "instructor cases", ex.id)))
    outcomes = coderun.run_function(source, ex.key.function, [args for args, _, _ in cases])
    return sum(not o.ok or o.value != expected for (_, expected, _), o in zip(cases, outcomes))


@pytest.mark.parametrize("demo", sorted(BYLINE_DEMOS))
def test_the_byline_demos_fail_the_hidden_and_instructor_cases(demo: str) -> None:
    source = BYLINE_DEMOS[demo]
    wrong, hidden = _hidden_failures("reading.glued_byline", source)
    assert wrong >= 2 and hidden == 3
    assert _instructor_failures("reading.glued_byline", source, b"k" * 32) >= 1  # at least the byline with no stamp
    assert not get_exercise("reading.glued_byline").check(source).passed


@pytest.mark.parametrize("demo", sorted(TO_UTC_DEMOS))
def test_the_strptime_demos_fail_the_hidden_and_instructor_cases(demo: str) -> None:
    source = TO_UTC_DEMOS[demo]
    wrong, hidden = _hidden_failures("reading.to_utc", source)
    assert hidden == 4 and wrong >= (4 if demo == "as shown" else 3)
    for secret in (b"k" * 32, b"m" * 32):
        assert _instructor_failures("reading.to_utc", source, secret) >= 3  # the fixed kinds: zone, day, half hour
    assert not get_exercise("reading.to_utc").check(source).passed


def test_to_utc_hidden_and_instructor_cases_are_not_the_visible_ones() -> None:
    ex = get_exercise("reading.to_utc")
    assert isinstance(ex.key, CodeKey)
    visible = {case.args for case in ex.key.cases if case.shown is not None}
    hidden = {case.args for case in ex.key.cases if case.shown is None}
    assert len(visible) == 2 and len(hidden) == 4 and not visible & hidden
    made = {args for args, _, _ in stamp_cases(random.Random(1))}
    assert not made & (visible | hidden)


@pytest.mark.parametrize("seed", range(40))
def test_instructor_stamps_agree_with_the_course_helper(seed: int) -> None:
    cases = stamp_cases(random.Random(seed))
    assert len(cases) == 6
    for (stamp, offset), expected, about in cases:
        assert stamp.split()[0] in AP_MONTHS and about
        zone = timezone(timedelta(hours=offset))
        assert parse_stamp(stamp, default_tz=zone).astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M+00:00") == expected
    (first, _), first_utc, _ = cases[0]
    assert first.split()[1] == "1," and first_utc[8:10] != "01"  # back into the previous month
    (second, _), second_utc, _ = cases[1]
    assert second_utc[8:10] != second.split()[1].rstrip(",").zfill(2)  # forward into the next day
    assert cases[2][0][1] != int(cases[2][0][1])  # a half-hour offset
