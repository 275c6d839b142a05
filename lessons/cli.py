"""The ``lessons`` command: analyze articles, grade your answers, grade a class.

Every failure a user can cause ends in one line on stderr and a non-zero exit code.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import datetime
from pathlib import Path
from collections.abc import Sequence

from lessons.errors import LessonsError

EXIT_BAD_INPUT = 2


def _iso_datetime(text: str) -> str:
    try:
        datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not an ISO date or date-time, e.g. 2021-08-23T14:50+09:00"
        ) from None
    return text


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="lessons", description="Reading the News: course tools.")
    commands = parser.add_subparsers(dest="command", required=True)
    analyze = commands.add_parser("analyze", help="run the pipeline on article files")
    analyze.add_argument("files", nargs="+", type=Path, metavar="FILE")
    analyze.add_argument("--json", action="store_true", help="one JSON object per file (JSON Lines)")
    analyze.add_argument("--published", type=_iso_datetime, help="reference date (ISO), overrides the header")
    analyze.add_argument("--text-only", action="store_true", help="treat the whole file as body text")
    grade = commands.add_parser("grade", help="grade your saved answers (runs the pytest autograder)")
    grade.add_argument("answers", nargs="?", help="answer file (default: notebooks/answers.json)")
    grade.add_argument("--notebook", help="grade one notebook only, e.g. 01_reading")
    book = commands.add_parser("gradebook", help="grade a folder of answer files into a CSV")
    book.add_argument("folder", type=Path)
    book.add_argument("-o", "--output", type=Path, default=Path("gradebook.csv"))
    book.add_argument("--notebook", help="grade one notebook only, e.g. 01_reading")
    book.add_argument("--jobs", type=int, default=4, help="answer files graded at once (default 4)")
    return parser


def _analyze(args: argparse.Namespace) -> int:
    from lessons.analyze import analyze_file, format_report

    status = 0
    for path in args.files:
        try:
            report = analyze_file(path, text_only=args.text_only, published=args.published)
        except LessonsError as err:
            print(f"lessons analyze: {err}", file=sys.stderr)
            status = EXIT_BAD_INPUT
            continue
        if args.json:
            print(json.dumps({"file": str(path), **report}, ensure_ascii=False))
        else:
            print(format_report(report, name=str(path)))
    return status


def _grade(args: argparse.Namespace) -> int:
    from lessons.course import autograder
    from lessons.course.store import AnswerStore

    path = autograder.main_store_path(args.answers)
    if not path.is_file():
        print(f"lessons grade: no answer file at {path}; answer an exercise in a notebook first", file=sys.stderr)
        return EXIT_BAD_INPUT
    AnswerStore(path).load()  # an unreadable file gets one clear line, not a pytest report
    return autograder.run(path, notebook=args.notebook)


def _gradebook(args: argparse.Namespace) -> int:
    from lessons.course.grading import grade_folder, write_gradebook

    rows = grade_folder(args.folder, notebook=args.notebook, jobs=args.jobs)
    write_gradebook(rows, args.output)
    broken = [row for row in rows if row.error]
    print(f"graded {len(rows) - len(broken)} answer files into {args.output}", file=sys.stderr)
    for row in broken:
        print(f"lessons gradebook: skipped {row.file}: {row.error}", file=sys.stderr)
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``lessons`` console script and ``python -m lessons``."""
    args = _parser().parse_args(argv)
    handler = {"analyze": _analyze, "grade": _grade, "gradebook": _gradebook}[args.command]
    try:
        return handler(args)
    except LessonsError as err:
        print(f"lessons {args.command}: {err}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        print(f"lessons {args.command}: interrupted", file=sys.stderr)
        return 130
