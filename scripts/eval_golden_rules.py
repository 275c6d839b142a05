"""Score lessons.tokenizing.sentences on the English "Golden Rules" of the Pragmatic Segmenter (48 cases).

Run from the repository root (pysbd is in the ``test`` extra: ``.venv/bin/pip install -e ".[test]"``)::

    .venv/bin/python scripts/eval_golden_rules.py            # every case, with what we got for each failure
    .venv/bin/python scripts/eval_golden_rules.py --brief    # one line per case and the total

The Golden Rules are the public test set of the Pragmatic Segmenter (Kevin Dias), each a short text and
the sentences it should split into: abbreviations, numbers, quotations, lists, ellipses. The ``pysbd``
wheel ships them as ``benchmarks/english_golden_rules.py``; that file is loaded by its path inside the
pysbd distribution, because ``benchmarks`` is a generic top-level name another package or a checkout's
directory could shadow.

A case passes only when the whole list of sentences equals the expected list, in order. Each sentence is
compared with its whitespace normalized (runs of whitespace become one space, ends stripped), as the
Golden Rules ask: they judge where a sentence ends, not the spaces around it. Punctuation, quotes and case
are compared exactly. This is a measurement, not a target: the rules include classes news does not have
(numbered lists, "1.) The first item"), and the splitter is never tuned against these texts.
"""

from __future__ import annotations

import argparse
import importlib.util
import re
import sys
from importlib import metadata
from pathlib import Path
from types import ModuleType

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from lessons.tokenizing import sentences  # noqa: E402

RULES_FILE = "benchmarks/english_golden_rules.py"
# The comment above each case in the rules file: "# 5) One letter lower case abbreviations".
LABEL = re.compile(r"^\s*#\s*(?P<number>\d+)\)\s*(?P<label>.+?)\s*$", re.MULTILINE)


def rules_module() -> ModuleType:
    """pysbd's english_golden_rules.py, loaded by path from the installed distribution's files."""
    try:
        dist = metadata.distribution("pysbd")
    except metadata.PackageNotFoundError:
        sys.exit('eval_golden_rules: pysbd is not installed; run .venv/bin/pip install -e ".[test]"')
    found = [f for f in dist.files or () if str(f).replace("\\", "/") == RULES_FILE]
    if not found:
        sys.exit(f"eval_golden_rules: pysbd {dist.version} ships no {RULES_FILE}; install pysbd 0.3.x")
    path = Path(str(dist.locate_file(found[0])))
    spec = importlib.util.spec_from_file_location("pysbd_english_golden_rules", path)
    if spec is None or spec.loader is None:
        sys.exit(f"eval_golden_rules: cannot load {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def labels(module: ModuleType, count: int) -> list[str]:
    """The short label of each case, read from the comments in the rules file (its number if none)."""
    source = Path(module.__file__ or "").read_text(encoding="utf-8")
    by_number = {int(m.group("number")): m.group("label") for m in LABEL.finditer(source)}
    return [by_number.get(n, f"case {n}") for n in range(1, count + 1)]


def normalized(texts: list[str]) -> list[str]:
    """Each sentence with runs of whitespace made one space and its ends stripped; empty ones dropped."""
    return [" ".join(text.split()) for text in texts if text.strip()]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--brief", action="store_true", help="do not show expected and got for failures")
    args = parser.parse_args(argv)
    module = rules_module()
    cases: list[tuple[str, list[str]]] = module.GOLDEN_EN_RULES
    passed = 0
    for number, ((text, expected), label) in enumerate(zip(cases, labels(module, len(cases))), start=1):
        got = normalized([s.text for s in sentences(text)])
        ok = got == normalized(expected)
        passed += ok
        print(f"{'pass' if ok else 'FAIL'} {number:>2}  {label}")
        if not ok and not args.brief:
            print("\n".join([*(f"        expected: {s}" for s in expected), *(f"        got:      {s}" for s in got)]))
    print(f"\npassed {passed}/{len(cases)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
