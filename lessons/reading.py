"""Lesson 1, reading: turn a news article (a file, or its text) into an :class:`Article`.

The course article glues its byline to its time stamp (``By Ahn Sung-miPublished : Aug. 23, 2021 - 14:50``)
and gives that time in Korea; this module takes such headers apart, reads any text file a learner brings,
and records where every paragraph sits in the body text.

>>> article = read_article("Talks resume\\nBy Jane Doe\\nPublished : Sept. 3, 2021 - 9:05\\nThe envoys met.")
>>> article.author, article.published.isoformat(), article.paragraphs[0].text
('Jane Doe', '2021-09-03T09:05:00+09:00', 'The envoys met.')
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from datetime import date, datetime, tzinfo
from pathlib import Path

# Stamps and bylines are parsed in a sibling module; the lesson's helpers are re-exported from here.
from lessons._header import DEFAULT_TZ, Header, parse_stamp, split_byline, split_header
from lessons.errors import (
    ArticleError,
    ArticleNotFoundError,
    ArticleTypeError,
    ArticleTooLargeError,
    BinaryArticleError,
    EmptyArticleError,
    UndecodableArticleError,
    one_line,
)

__all__ = [
    "DEFAULT_TZ", "MAX_ARTICLE_BYTES", "Article", "Paragraph",
    "decode_article_bytes", "parse_stamp", "read_article", "read_file", "split_byline",
]


@dataclass(frozen=True)
class Paragraph:
    """One paragraph of an article's body: ``article.body[start:end] == text``."""

    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Article:
    """A news article: header fields (None when the file has none) and its body, paragraph by paragraph."""

    headline: str | None
    author: str | None
    published: datetime | None
    updated: datetime | None
    body: str
    paragraphs: tuple[Paragraph, ...]
    source: str | None = None  # the file it was read from; None when the text itself was passed

    def to_dict(self) -> dict[str, object]:
        """The article as JSON-ready values, dates in ISO 8601 with their UTC offset.

        >>> read_article("Hello.\\nBye.", published="2021-08-23").to_dict()["published"]
        '2021-08-23T00:00:00+09:00'
        """
        return {
            "headline": self.headline,
            "author": self.author,
            "published": self.published.isoformat() if self.published else None,
            "updated": self.updated.isoformat() if self.updated else None,
            "body": self.body,
            "paragraphs": [p.text for p in self.paragraphs],
            "source": self.source,
        }


# A news article is ~10 kB; 5 MB is a whole archive or the wrong file, and would make the lessons crawl.
MAX_ARTICLE_BYTES: int = 5_000_000
# Real text has next to no control characters; more than this share means binary data.
MAX_CONTROL_RATIO: float = 0.05
BINARY_SIGNATURES: dict[bytes, str] = {
    b"\x89PNG": "a PNG image", b"\xff\xd8\xff": "a JPEG image", b"GIF8": "a GIF image",
    b"%PDF": "a PDF document", b"PK\x03\x04": "a zip archive (a .docx or .epub is one too)",
    b"PK\x05\x06": "an empty zip archive", b"\x1f\x8b": "a gzip archive", b"Rar!": "a RAR archive",
    b"7z\xbc\xaf": "a 7-Zip archive", b"\xd0\xcf\x11\xe0": "an old Word or Excel document",
    b"{\\rtf": "an RTF document", b"\x7fELF": "a program", b"SQLite format": "an SQLite database",
}
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f\x80-\x84\x86-\x9f]")  # keeps \t and line breaks


def decode_article_bytes(data: bytes) -> str:
    """Decode an article file's bytes: UTF-8 (BOM or not), else Windows-1252; refuse binary data.

    >>> decode_article_bytes("Noh’s talks".encode("cp1252"))
    'Noh’s talks'
    """
    return _decode(data, f"The data {one_line(data[:60].decode('latin-1'))}")


def _decode(data: bytes, what: str) -> str:
    """:func:`decode_article_bytes`, naming the input as ``what`` in its messages."""
    if len(data) > MAX_ARTICLE_BYTES:
        raise ArticleTooLargeError(f"{what} is {len(data):,} bytes, more than the course's limit of "
                                   f"{MAX_ARTICLE_BYTES:,} (MAX_ARTICLE_BYTES): read one article at a time.")
    for magic, kind in BINARY_SIGNATURES.items():
        if data.startswith(magic):
            raise BinaryArticleError(f"{what} looks like {kind}, not text: "
                                     "save or copy the article as plain text (.txt) and read that file.")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # Windows Notepad's "Unicode" is UTF-16 with a BOM
        try:
            return _check_controls(data.decode("utf-16"), what)
        except UnicodeDecodeError:
            pass
    if b"\x00" in data:
        raise BinaryArticleError(f"{what} contains NUL bytes, so it is binary data, not text: "
                                 "save the article as plain text (UTF-8 .txt) and read that file.")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:  # Windows editors save curly quotes as single cp1252 bytes, which are not valid UTF-8
            text = data.decode("cp1252")
        except UnicodeDecodeError as err:
            raise UndecodableArticleError(
                f"{what} is neither UTF-8 nor Windows-1252 text (byte 0x{data[err.start]:02x} at offset "
                f"{err.start}): open it in a text editor and save it as UTF-8.") from None
    return _check_controls(text, what)


def _check_controls(text: str, what: str) -> str:
    """Refuse text made largely of control characters (binary data that happened to decode)."""
    if "\x00" in text:
        raise BinaryArticleError(f"{what} contains NUL characters, so it is binary data, not text: "
                                 "pass plain text instead.")
    controls = len(_CONTROL.findall(text))
    if controls > MAX_CONTROL_RATIO * max(len(text), 40):  # a stray ^Z in a short text is no binary file
        raise BinaryArticleError(f"{what} has {controls} control characters in {len(text)}, so it is binary "
                                 "data, not text: save the article as plain text (.txt) and read that.")
    return text


def _paragraph_texts(lines: list[str]) -> list[str]:
    """One paragraph per line; or, when blank lines separate them, per block, its wrapped lines rejoined.

    >>> _paragraph_texts(["One.", "Two.  "]), _paragraph_texts(["One", "line.", "", "Two."])
    (['One.', 'Two.'], ['One line.', 'Two.'])
    """
    text = "\n".join(line.strip() for line in lines).strip("\n")
    blocks = re.split(r"\n{2,}", text) if "\n\n" in text else text.split("\n")
    return [" ".join(block.split("\n")) for block in blocks if block]


def _load(source: str | os.PathLike[str] | bytes) -> tuple[str, str | None]:
    """The raw text of ``source`` and the file it came from (None for text): a str is always text."""
    if isinstance(source, (bytes, bytearray)):
        return decode_article_bytes(bytes(source)), None
    if isinstance(source, os.PathLike):
        return _read_file(Path(source)), str(source)
    if not isinstance(source, str):
        raise ArticleTypeError(
            f"read_article() takes the article's text (a str) or a pathlib.Path, not {type(source).__name__}; "
            "to read a file by its name, use read_file('my_article.txt')"
        )
    return source, None


def _quote_path(path: object) -> str:
    """``path`` quoted on one line, shortened from the left so the file's name always shows."""
    text = str(path)
    return one_line(text if len(text) <= 60 else "…" + text[-59:])


def _read_file(path: Path) -> str:
    """The decoded text of the file at ``path``."""
    what = f"The file {_quote_path(path)}"
    try:
        if not path.exists():
            where = "" if path.is_absolute() else f" (relative paths start in {_quote_path(Path.cwd())})"
            raise ArticleNotFoundError(f"No article file at {_quote_path(path)}{where}: check the file's name "
                                       "and its folder.")
        if path.is_dir():
            raise ArticleNotFoundError(f"{_quote_path(path)} is a folder, not a file: "
                                       "pass the path of the article's .txt file inside it.")
        if not path.is_file():
            raise ArticleNotFoundError(f"{_quote_path(path)} is not a regular file: "
                                       "pass the path of a .txt file.")
        with path.open("rb") as handle:  # read one byte past the limit, so a huge file is never loaded whole
            data = handle.read(MAX_ARTICLE_BYTES + 1)
    except (OSError, ValueError) as err:
        if isinstance(err, ArticleError):
            raise
        raise ArticleError(f"{what} cannot be read ({err.__class__.__name__}): "
                           "check that it exists and that you may open it.") from None
    if len(data) > MAX_ARTICLE_BYTES:
        raise ArticleTooLargeError(f"{what} is larger than the course's limit of {MAX_ARTICLE_BYTES:,} bytes "
                                   "(MAX_ARTICLE_BYTES): read one article at a time.")
    return _decode(data, what)


def _reference_date(value: datetime | date | str, *, default_tz: tzinfo) -> datetime:
    """An aware datetime from a ``published=`` override (a naive one is taken to be in ``default_tz``)."""
    if isinstance(value, str):
        return parse_stamp(value, default_tz=default_tz)
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=default_tz)
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day, tzinfo=default_tz)
    raise TypeError(f"published= takes a datetime, a date or an ISO string, not {type(value).__name__}")


def read_file(path: str | os.PathLike[str], *, text_only: bool = False,
              published: datetime | date | str | None = None, default_tz: tzinfo = DEFAULT_TZ) -> Article:
    """Read the news article in the file at ``path`` (a name or a ``Path``) into an :class:`Article`.

    >>> from lessons.paths import COURSE_ARTICLE
    >>> article = read_file(COURSE_ARTICLE)
    >>> article.published.isoformat(), len(article.paragraphs)
    ('2021-08-23T14:50:00+09:00', 15)
    """
    return read_article(Path(path), text_only=text_only, published=published, default_tz=default_tz)


def read_article(source: str | os.PathLike[str] | bytes, *, text_only: bool = False,
                 published: datetime | date | str | None = None, default_tz: tzinfo = DEFAULT_TZ) -> Article:
    """Read a news article from its text (a ``str`` is always the text itself) into an :class:`Article`.

    A ``pathlib.Path`` is read as a file, like :func:`read_file`; bytes are decoded first.

    >>> article = read_article("Talks resume\\nBy Jo Bloggs\\nPublished : Mar. 9, 2024 - 09:15\\nThey met.")
    >>> article.headline, article.author, article.published.isoformat()
    ('Talks resume', 'Jo Bloggs', '2024-03-09T09:15:00+09:00')
    >>> read_article("notes.txt").body  # a str is text, even when it looks like a file name
    'notes.txt'
    """
    raw, origin = _load(source)
    what = f"The file {_quote_path(origin)}" if origin else f"The text {one_line(raw)}"
    if origin is None and len(raw) > MAX_ARTICLE_BYTES:
        raise ArticleTooLargeError(f"{what} is {len(raw):,} characters, more than the course's limit of "
                                   f"{MAX_ARTICLE_BYTES:,} (MAX_ARTICLE_BYTES): read one article at a time.")
    text = _CONTROL.sub("", _check_controls(raw, what).lstrip("\ufeff"))  # a stray ^Z or BOM is no content
    if not text.strip():
        state = "holds only whitespace" if text else "is empty"
        raise EmptyArticleError(f"{what} {state}: pass an article with a headline and paragraphs.")
    lines = text.splitlines()  # \r\n, lone \r, \n and Unicode line breaks alike
    headline, header, deck, rest = (None, Header(), [], lines) if text_only else split_header(
        lines, default_tz=default_tz)
    paragraphs, start = [], 0
    for part in [*deck, *_paragraph_texts(rest)]:
        paragraphs.append(Paragraph(part, start, start + len(part)))
        start += len(part) + 1
    stamped, updated = header.finish()
    return Article(
        headline=headline,
        author=header.author,
        published=stamped if published is None else _reference_date(published, default_tz=default_tz),
        updated=updated,
        body="\n".join(p.text for p in paragraphs),
        paragraphs=tuple(paragraphs),
        source=origin,
    )
