"""Every error the course raises on purpose descends from :class:`LessonsError`.

Messages are one line, quote the offending input and say what to do next, so the
CLI, the widgets and the autograder can show them to a learner as they are.

>>> issubclass(ArticleNotFoundError, LessonsError) and issubclass(ArticleNotFoundError, ValueError)
True
"""

from __future__ import annotations


class LessonsError(ValueError):
    """Base class: a problem the learner can fix, with a one-line message."""


class ArticleError(LessonsError):
    """An article file or text that cannot be read."""


class ArticleNotFoundError(ArticleError):
    """The path given does not exist or is not a file."""


class ArticleTypeError(ArticleError, TypeError):
    """Something that is neither an article's text nor a path was given to read."""


class EmptyArticleError(ArticleError):
    """The article holds no text at all."""


class BinaryArticleError(ArticleError):
    """The file is not text (an image, a PDF, a zip ...)."""


class UndecodableArticleError(ArticleError):
    """The bytes are not UTF-8 or cp1252 text."""


class ArticleTooLargeError(ArticleError):
    """The text is larger than the course tools are meant to handle."""


class StampError(LessonsError):
    """A date or time stamp that cannot be read (a byline's ``Published :`` or a ``--published`` value)."""


class StoreError(LessonsError):
    """The answer store cannot be read or written."""


class StoreCorruptError(StoreError):
    """The answer file is not valid JSON; a backup copy has been kept."""


class SandboxError(LessonsError):
    """Code answers cannot run in the sandbox asked for (e.g. bubblewrap is missing or forbidden)."""


class LearnerIdError(LessonsError):
    """A learner id that is not one, or that cannot be changed here (on a JupyterHub)."""


class SecretError(LessonsError):
    """The instructor's secret file cannot be written or read."""


class UnknownExerciseError(LessonsError):
    """An exercise id that no lesson defines."""


class AnswerFormatError(LessonsError):
    """A learner's answer has the wrong shape for its exercise."""


class AskedFormError(AnswerFormatError):
    """A well-formed answer in another form than the question asks for (a time not in UTC): 'not yet'."""


class QuotingError(LessonsError, TypeError):
    """The quoting helpers need an :class:`~lessons.reading.Article` or its body text (a str)."""


class TokenizingError(LessonsError):
    """A tokenizing or exploring helper was called with something it cannot work on."""


class NotTextError(TokenizingError, TypeError):
    """The helper needs a ``str`` (the article body) and got something else."""


class StopwordsError(TokenizingError):
    """The stopword list shipped in the package (``lessons/data/``) is missing or unreadable."""


def one_line(text: object, limit: int = 60) -> str:
    """Quote ``text`` on one short line for an error message.

    >>> one_line("By Ahn\\nPublished : Aug. 23")
    "'By Ahn⏎Published : Aug. 23'"
    >>> len(one_line("x" * 500)) <= 64
    True
    """
    flat = str(text).replace("\r\n", "⏎").replace("\n", "⏎").replace("\r", "⏎")
    if len(flat) > limit:
        flat = flat[: limit - 1] + "…"
    return repr(flat)
