"""Benchmark the whole pipeline (what ``lessons analyze`` computes) on the course and practice articles.

Run from the repository root::

    .venv/bin/python scripts/bench_pipeline.py              # articles/s per core, each stage's cost
    .venv/bin/python scripts/bench_pipeline.py --files 2000 # also: memory over a long batch (streamed)
    .venv/bin/python scripts/bench_pipeline.py --notebooks  # also: every notebook executed headless

It prints numbers; it asserts nothing. Times are CPU seconds of this process (``time.process_time``), so a busy
machine does not change them much. What the stages keep per text is forgotten before each article, so the same
articles coming round again cost what a new one would. Stage costs are measured apart, each on freshly read articles, in pipeline
order; a later stage that reuses an earlier one's work (entities reuse people, people reuse quotes) includes
only what it adds when the earlier one ran first.
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from lessons._memo import forget_texts  # noqa: E402
from lessons.analyze import analyze_many, report_for  # noqa: E402
from lessons.contextualizing import acronym_flags, acronyms, people  # noqa: E402
from lessons.dating import find_timexes  # noqa: E402
from lessons.entities import aliases, entities  # noqa: E402
from lessons.paths import DATA_DIR, NOTEBOOKS_DIR  # noqa: E402
from lessons.quoting import extract_quotes  # noqa: E402
from lessons.reading import read_article  # noqa: E402
from lessons.tokenizing import sentences  # noqa: E402

STAGES = (
    ("reading", lambda text: read_article(text)),
    ("tokenizing", lambda a: [sentences(p.text) for p in a.paragraphs]),
    ("quoting", lambda a: extract_quotes(a)),
    ("dating", lambda a: find_timexes(a)),
    ("people + acronyms", lambda a: (people(a), acronyms(a), acronym_flags(a))),
    ("entities + aliases", lambda a: (entities(a), aliases(a))),
)


def _texts() -> list[str]:
    paths = [DATA_DIR / "article.txt", *sorted((DATA_DIR / "practice").glob("*.txt"))]
    return [p.read_text(encoding="utf-8") for p in paths]


def stage_costs(texts: list[str], rounds: int) -> None:
    print(f"{'stage':<22} {'ms per article':>15}")
    total = 0.0
    for name, run in STAGES:
        spent = 0.0
        for _ in range(rounds):
            for text in texts:
                forget_texts()  # as if each article were new: the same texts come round again
                article = read_article(text)
                for _, earlier in STAGES[1:]:  # the stages before this one, as the pipeline runs them
                    if earlier is run:
                        break
                    earlier(article)
                began = time.process_time()
                run(text if name == "reading" else article)
                spent += time.process_time() - began
        per = 1000 * spent / (rounds * len(texts))
        total += per
        print(f"{name:<22} {per:>15.2f}")
    print(f"{'sum of stages':<22} {total:>15.2f}")


def whole(texts: list[str], rounds: int) -> None:
    report_for(read_article(texts[0]))  # start-up: imports, gazetteers, Punkt
    spent = 0.0
    for _ in range(rounds):
        for text in texts:
            forget_texts()  # as if each article were new: the same texts come round again
            began = time.process_time()
            report_for(read_article(text))
            spent += time.process_time() - began
    n = rounds * len(texts)
    print(f"whole pipeline (report_for): {n} articles in {spent:.2f} s CPU: {n / spent:.0f} articles/s per core "
          f"({1000 * spent / n:.1f} ms each)")


def memory(texts: list[str], files: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        paths = []
        for k in range(files):
            path = Path(folder) / f"a{k:05d}.txt"
            path.write_text(texts[k % len(texts)], encoding="utf-8")
            paths.append(path)
        marks = {}
        for done, (_, report, _) in enumerate(analyze_many(iter(paths)), 1):
            assert report is not None
            if done in (files // 10, files // 2, files):
                marks[done] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print("peak memory (max RSS) while streaming: " + ", ".join(f"{mb:.0f} MB after {n} files" for n, mb in marks.items()))


def notebooks() -> None:
    began = time.perf_counter()
    for notebook in sorted(NOTEBOOKS_DIR.glob("0*.ipynb")):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "jupyter", "nbconvert", "--to", "notebook", "--execute", "--stdout",
                        str(notebook)], check=True, capture_output=True, cwd=NOTEBOOKS_DIR)
        print(f"  {notebook.name:<26} {time.perf_counter() - start:6.1f} s wall")
    print(f"all notebooks, headless, one after another: {time.perf_counter() - began:.1f} s wall")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5, help="passes over the articles (default 5)")
    parser.add_argument("--files", type=int, default=0, help="also stream this many files and report memory")
    parser.add_argument("--notebooks", action="store_true", help="also execute every notebook headless")
    args = parser.parse_args(argv)
    texts = _texts()
    print(f"{len(texts)} articles (the course article and the practice articles), {args.rounds} rounds")
    whole(texts, args.rounds)
    stage_costs(texts, args.rounds)
    if args.files:
        memory(texts, args.files)
    if args.notebooks:
        notebooks()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
