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



def _count(n: int, noun: str) -> str:
    """ "1 grade", "2 grades": a count with its noun."""
    return f"{n} {noun}{'' if n == 1 else 's'}"

def _iso_datetime(text: str) -> str:
    try:
        datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not an ISO date or date-time, e.g. 2021-08-23T14:50+09:00"
        ) from None
    return text


def _jobs_count(text: str) -> int:
    if not text.strip().isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"--jobs must be a whole number of at least 1, not {text!r}")
    return int(text)


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("reading-the-news")
    except PackageNotFoundError:
        return "(not installed)"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="lessons", description="Reading the News: course tools.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {_version()}")
    commands = parser.add_subparsers(dest="command", required=True)
    analyze = commands.add_parser("analyze", help="run the pipeline on article files",
                                  description="Read each FILE as a news article and report what the pipeline finds. "
                                  "Exit code 0: every file analyzed; 2: a file could not be read (one line each on "
                                  "stderr; the other files are still analyzed).")  # fmt: skip
    analyze.add_argument("files", nargs="+", metavar="FILE",
                         help="article files (UTF-8 or cp1252 text), folders (their *.txt), or - for paths on stdin")
    analyze.add_argument("--json", action="store_true", help="one JSON object per file (JSON Lines)")
    analyze.add_argument("--published", type=_iso_datetime, help="reference date (ISO), overrides the header")
    analyze.add_argument("--text-only", action="store_true", help="treat the whole file as body text")
    analyze.add_argument("--jobs", type=_jobs_count, default=1, help="processes to share the files among (default 1)")
    grade = commands.add_parser(
        "grade",
        help="grade your saved answers (runs the pytest autograder)",
        description="Grade your saved answers, in course order, with a next step for each exercise. With no "
        "answer file yet, every exercise is listed as not attempted. Exit code 0: every exercise correct; "
        "1: some not yet; 2: the answers could not be graded (unreadable file, unknown notebook).",
    )
    grade.add_argument("answers", nargs="?", help="answer file (default: notebooks/answers.json, or $LESSONS_ANSWERS)")
    grade.add_argument("--notebook", help="grade one notebook only, e.g. 01_reading")
    book = commands.add_parser(
        "gradebook",
        help="grade a folder of answer files into a CSV",
        description="Grade every learner's *.json answer file in FOLDER into one CSV row each (learner = the "
        "file's name as collected). A file that cannot be graded is an error row; the others are unaffected.",
        epilog="exit codes: 0 every learner file was graded; 1 some could not be graded (error rows, listed on "
        "stderr; the CSV is still written); 2 usage error, nothing graded (no folder, no answer files, output "
        "folder missing or not writable, unknown notebook, no sandbox for code answers)",
    )
    book.add_argument("folder", type=Path, help="folder holding the learners' answer files (*.json)")
    book.add_argument("-o", "--output", type=Path, default=Path("gradebook.csv"),
                      help="CSV to write (default gradebook.csv); its folder must exist")  # fmt: skip
    book.add_argument("--notebook", action="append", help="grade these notebooks only, as the lessons assigned so "
                      "far: repeat it (--notebook 00_start --notebook 01_reading) or separate names with commas")
    book.add_argument("--jobs", type=_jobs_count, default=4, help="answer files graded at once (default 4, at least 1)")
    book.add_argument("--sandbox", choices=("required", "off"), default="required",
                      help="required (default): refuse to run code answers unless bubblewrap works; "
                      "off: run them as plain processes (they could read other learners' files)")  # fmt: skip
    book.add_argument("--secret", type=Path, metavar="FILE",
                      help="the instructor's secret (from 'lessons keys init'): runs the instructor cases; "
                      "without it the grade is the learners' practice check, and the CSV says so")  # fmt: skip
    sheet = commands.add_parser("factsheet", help="write an article's fact sheet as one HTML page",
                                description="Write FILE's fact sheet (who's who, quotes by speaker, timeline, "
                                "network, acronyms) as one self-contained HTML page. Corrections you saved for this "
                                "text in the capstone notebook are applied.")  # fmt: skip
    sheet.add_argument("file", type=Path, metavar="FILE", help="the article (UTF-8 or cp1252 text)")
    sheet.add_argument("-o", "--output", type=Path, required=True, help="the HTML file to write")
    sheet.add_argument("--answers", type=Path,
                       help="answer file holding your corrections (default: notebooks/answers.json, or $LESSONS_ANSWERS)")
    sheet.add_argument("--published", type=_iso_datetime, help="reference date (ISO), overrides the header")
    sheet.add_argument("--text-only", action="store_true", help="treat the whole file as body text")
    gather = commands.add_parser(
        "collect", help="gather the learners' answer files from their home folders",
        description="Copy each HOME's answer file to OUT/<home's name>.json, ready for lessons gradebook. Links, "
        "pipes, devices and files over the size cap are refused with a reason, never followed or opened.",
        epilog="exit codes: 0 every home collected; 1 some refused (listed on stderr); 2 usage error")
    gather.add_argument("homes", nargs="+", type=Path, metavar="HOME", help="learners' home folders, e.g. /home/*")
    gather.add_argument("-o", "--output", type=Path, required=True, help="an existing folder to copy them into")
    gather.add_argument("--path", default="reading-the-news/notebooks/answers.json",
                        help="where the answer file is inside each home (default: %(default)s)")
    lms = commands.add_parser(
        "export", help="rewrite a gradebook CSV in the grade-import format of Canvas or Moodle",
        description="Write the total of each learner in GRADEBOOK (from lessons gradebook) in the import format of "
        "Canvas or Moodle, matching learners to the LMS through ROSTER (a CSV with a 'learner' column and the LMS's "
        "identity columns).", epilog="exit codes: 0 every graded learner exported; 1 some are not in the roster "
        "(listed); 2 usage error")
    lms.add_argument("gradebook", type=Path, help="the CSV lessons gradebook wrote")
    lms.add_argument("--roster", type=Path, required=True, help="CSV: learner, then the LMS's identity columns")
    lms.add_argument("--lms", choices=("canvas", "moodle"), required=True, help="the import format to write")
    lms.add_argument("-o", "--output", type=Path, required=True, help="the CSV to write")
    lms.add_argument("--assignment", default="Reading the News", help="the grade column's name (default: %(default)s)")
    lms.add_argument("--assignment-id", default="", help="Canvas: the id of an existing assignment to update")
    site = commands.add_parser("site", help="build the course as a website (offline), from the executed notebooks",
                               description="Execute every lesson and write it, with the glossary, the instructors' "
                               "guide and the licences, as HTML pages in OUT (new or empty).")  # fmt: skip
    site.add_argument("out", type=Path, metavar="OUT", help="the folder to write the site into")
    who = commands.add_parser("whoami", help="show or set your learner id (the name your instructor files you under)")
    who.add_argument("name", nargs="?", help="your learner id, e.g. ada.lovelace (letters, digits, . _ - @)")
    who.add_argument("--answers", type=Path, help="answer file (default: notebooks/answers.json, or $LESSONS_ANSWERS)")
    keys = commands.add_parser("keys", help="instructors: the secret that grades with instructor cases")
    key_commands = keys.add_subparsers(dest="keys_command", required=True)
    init = key_commands.add_parser("init", help="write a new secret file, outside any git checkout")
    init.add_argument("path", nargs="?", type=Path,
                      help="where to write it (default ~/.config/reading-the-news/instructor-secret.json)")  # fmt: skip
    init.add_argument("--force", action="store_true", help="replace an existing secret (changes every instructor case)")
    return parser


def _whoami(args: argparse.Namespace) -> int:
    from lessons.course.identity import learner_id, set_learner_id
    from lessons.course.store import AnswerStore

    store = AnswerStore(args.answers)
    if args.name is not None:
        print(f"Your learner id is now {set_learner_id(args.name, store)!r} (saved in {store.path}).")
        return 0
    current = learner_id(store)
    if current is None:
        print("No learner id yet: set the one your instructor gave you, e.g. lessons whoami ada.lovelace")
        return 1
    print(current)
    return 0


def _keys(args: argparse.Namespace) -> int:
    from lessons.course.secret import init_secret

    path = init_secret(args.path, force=args.force)
    print(f"Wrote a new instructor secret to {path} (readable by you only). Keep it out of the course repository;")
    print(f"grade with it: lessons gradebook SUBMISSIONS/ --secret {path}")
    return 0


def _analyze(args: argparse.Namespace) -> int:
    from tqdm import tqdm

    from lessons.analyze import analyze_many, article_paths
    from lessons.factsheet import fact_sheet_text
    from lessons.reading import read_article

    status = 0
    done = analyze_many(article_paths(args.files, sys.stdin), jobs=args.jobs, text_only=args.text_only,
                        published=args.published)
    for path, report, error in tqdm(done, desc="analyzing", unit="article", file=sys.stderr,
                                    disable=not sys.stderr.isatty(), leave=False):
        if report is None:
            tqdm.write(f"lessons analyze: {error}", file=sys.stderr)
            status = EXIT_BAD_INPUT
        elif args.json:
            print(json.dumps({"file": str(path), **report}, ensure_ascii=False), flush=not sys.stdout.isatty())
        else:
            print(fact_sheet_text(report, read_article(path, text_only=args.text_only,
                                                       published=args.published).body) + "\n")
    return status


def _export(args: argparse.Namespace) -> int:
    from lessons.course.lms import export_grades
    from lessons.course.safeio import printable

    done = export_grades(args.gradebook, args.roster, args.output, lms=args.lms, assignment=args.assignment,
                         assignment_id=args.assignment_id)
    for learner in done.unmatched:
        print(f"lessons export: {printable(learner, limit=60)} is graded but not in the roster: not exported",
              file=sys.stderr)
    for why in done.skipped:
        print(f"lessons export: roster {why}", file=sys.stderr)
    print(f"wrote {_count(done.rows, 'roster row')} to {args.output} ({len(done.ungraded)} with no grade); learners matched on "
          f"{done.identity}; grades are points out of {done.possible or '?'} — set the LMS column's maximum to that")
    return 1 if done.unmatched or done.skipped else 0


def _site(args: argparse.Namespace) -> int:
    from lessons.course.site import build_site

    pages = build_site(args.out)
    print(f"wrote {len(pages)} pages into {args.out}; open {args.out / 'index.html'}")
    return 0


def _collect(args: argparse.Namespace) -> int:
    from lessons.course.collect import collect

    results = collect(args.homes, args.output, path=args.path)
    for result in results:
        if result.refused:
            print(f"lessons collect: {result.home}: {result.refused}", file=sys.stderr)
    done = sum(bool(r.written) for r in results)
    print(f"collected {done} of {len(results)} homes into {args.output}")
    return 0 if done == len(results) else 1


def _factsheet(args: argparse.Namespace) -> int:
    from lessons.analyze import report_for
    from lessons.capstone import corrected_network
    from lessons.course.safeio import printable
    from lessons.course.store import AnswerStore
    from lessons.factsheet import CORRECTIONS, corrected, fact_sheet_html
    from lessons.reading import read_article

    article = read_article(args.file, text_only=args.text_only, published=args.published)
    store = AnswerStore(args.answers)
    report = corrected(report_for(article), article.body, store.get(CORRECTIONS))
    page = fact_sheet_html(report, article.body, corrected_network(article, store=store))
    try:
        args.output.write_text(page, encoding="utf-8")
    except OSError as err:
        raise LessonsError(f"cannot write {printable(args.output)} ({err.strerror}): choose a writable file") from None
    print(f"Wrote the fact sheet of {printable(args.file)} to {printable(args.output)}.")
    return 0


def _grade(args: argparse.Namespace) -> int:
    from lessons.course import autograder
    from lessons.course.store import default_store_path

    path = Path(args.answers) if args.answers else default_store_path()
    if not path.exists():
        print("No answer file yet: every exercise is listed as not attempted.")
        print(f"(Looked for {path}.)")
        return autograder.run_on_answers({}, notebook=args.notebook, source="no answers yet")
    return autograder.run(path, notebook=args.notebook)


def _gradebook(args: argparse.Namespace) -> int:
    import dataclasses

    from lessons.course import gradebook as grading
    from lessons.course import regrade
    from lessons.course.safeio import printable
    from lessons.course.submissions import check_folder
    from lessons.course.secret import load_secret

    # Every usage error is found before the first file is read or graded (exit 2, one line).
    args.notebook = ",".join(args.notebook) if args.notebook else None  # --notebook given several times
    exercises = grading.select_exercises(notebook=args.notebook)
    check_folder(args.folder)
    grading.check_output(args.output)
    secret = load_secret(args.secret) if args.secret else None
    mode = grading.prepare_sandbox(args.sandbox, exercises)
    overrides = regrade.read_overrides(_beside(args.output, "overrides.csv"))  # a bad file stops here, graded nothing
    book = grading.grade_class(args.folder, notebook=args.notebook, jobs=args.jobs, secret=secret)
    rows, unused = regrade.apply_overrides(book.rows, overrides)
    book = dataclasses.replace(book, rows=tuple(rows))
    done = grading.GRADING_INSTRUCTOR if book.instructor else grading.GRADING_PRACTICE
    changed = regrade.compare_runs(args.output, book.rows, _beside(args.output, "changes.csv"))
    keys = regrade.record_keys(_beside(args.output, "keys.json"), exercises)
    grading.write_gradebook(book.rows, args.output, notebook=args.notebook, sandbox=mode, grading=done)
    for line in grading.summary_lines(book, sandbox=mode, output=args.output):
        print(f"lessons gradebook: {line}", file=sys.stderr)
    notes = [f"{_count(len(overrides) - len(unused), 'override')} applied"] + [
        f"override for {printable(o.learner, limit=60)} / {o.exercise} matches no graded learner" for o in unused]
    if keys:
        notes.append(f"keys changed since the last grading: {', '.join(keys)}")
    if changed:
        notes.append(f"regrade: {_count(changed, 'grade')} changed since the last run, listed in "
                     f"{_beside(args.output, 'changes.csv').name}")
    for line in notes:
        print(f"lessons gradebook: {line}", file=sys.stderr)
    for line in _class_reports(book, args.output, done):
        print(f"lessons gradebook: {line}", file=sys.stderr)
    return 1 if any(row.error for row in book.rows) else 0


def _beside(output: Path, suffix: str) -> Path:
    """A file kept beside the gradebook CSV: book.csv → book-overrides.csv."""
    return output.with_name(f"{output.stem}-{suffix}")


def _class_reports(book: object, output: Path, grading_mode: str) -> list[str]:
    """Beside the CSV: a feedback page per learner, and the item statistics (table, chart and its description)."""
    from lessons.course.feedback import feedback_page, write_feedback
    from lessons.course.itemstats import item_statistics, write_item_statistics
    from lessons.course.safeio import printable

    graded = [row for row in book.rows if not row.error]  # type: ignore[attr-defined]
    folder = output.with_name(output.stem + "-feedback")
    written = write_feedback(folder, {row.learner: feedback_page(row.learner, row.grades, grading=grading_mode)
                                      for row in graded})
    stats = item_statistics([row.grades for row in graded], learners=[row.learner for row in graded])
    table, chart = output.with_name(output.stem + "-items.csv"), output.with_name(output.stem + "-items.png")
    description = write_item_statistics(stats, table, chart) if stats else "no learner graded: no item statistics"
    return [f"{_count(written, 'feedback page')} in {printable(folder)}/",
            f"item statistics in {printable(table)}, chart {printable(chart)}: {description}"]


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``lessons`` console script and ``python -m lessons``."""
    args = _parser().parse_args(argv)
    handler = {"analyze": _analyze, "collect": _collect, "export": _export, "factsheet": _factsheet, "grade": _grade,
               "gradebook": _gradebook, "site": _site,
               "whoami": _whoami, "keys": _keys}[
        args.command
    ]
    try:
        return handler(args)
    except LessonsError as err:
        from lessons.course.safeio import printable

        print(f"lessons {args.command}: {printable(err)}", file=sys.stderr)  # a file name may hold escapes
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        print(f"lessons {args.command}: interrupted", file=sys.stderr)
        return 130
