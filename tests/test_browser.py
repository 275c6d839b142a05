"""The exercise widget in a real JupyterLab, driven by headless Debian Chromium.

Opens the course's own ``01_reading.ipynb`` (a copy, served by the ``jupyter_lab`` fixture of
``conftest.py``), runs it, answers ``reading.author`` wrongly then rightly, checks the feedback and the
answer store, restarts the kernel, runs it again and checks the saved answer comes back.

Run: ``pytest tests/test_browser.py -m browser -s`` (prints the screenshot's path). Skipped, with a
reason, where /usr/bin/chromium or playwright is missing; a failure instead when ``CI=true``.
"""

from __future__ import annotations

import json
import re
import time

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.repo]  # repo: serves a copy of notebooks/ and data/
try:  # a safety net above the per-step timeouts, when pytest-timeout is installed
    import pytest_timeout  # noqa: F401

    pytestmark.append(pytest.mark.timeout(180))
except ImportError:
    pass

NOTEBOOK = "01_reading.ipynb"
EXERCISE_ID = "reading.author"
KERNEL_IDLE = "Python 3 (ipykernel) | Idle"
WAIT_MS = 30_000


class _Steps:
    """Prints each step with the seconds since the test began (shown with ``pytest -s``)."""

    def __init__(self) -> None:
        self.start = time.monotonic()

    def __call__(self, what: str) -> None:
        print(f"[{time.monotonic() - self.start:5.1f} s] {what}")


def _menu(page, top: str, item: str) -> None:
    """Click a main-menu entry, e.g. Run → Run All Cells."""
    page.locator("#jp-MainMenu .lm-MenuBar-itemLabel", has_text=re.compile(rf"^{re.escape(top)}$")).click()
    page.locator(".lm-Menu .lm-Menu-itemLabel", has_text=re.compile(item)).click()


def _wait_kernel_idle(page) -> None:
    """The status bar's kernel item (the toolbar indicator goes idle too early)."""
    from playwright.sync_api import expect

    expect(page.locator("#jp-main-statusbar").get_by_text(KERNEL_IDLE, exact=True)).to_be_visible(timeout=WAIT_MS)


_PROMPTS = "[...document.querySelectorAll('.jp-Notebook .jp-CodeCell .jp-InputPrompt')].map(e => e.textContent)"


def _run_all(page) -> None:
    """Clear all outputs, Run → Run All Cells, and wait until every queued cell has finished.

    The kernel status flickers to Idle between cells, so "finished" is read from the prompts instead:
    after the clear no prompt has a number; Run All marks every cell [*] at once; when no [*] is left
    and some cell has a number, the run is over (an error un-queues the cells after it, also no [*]).
    """
    _menu(page, "Edit", r"^Clear Outputs of All Cells$")
    page.wait_for_function(f"() => !{_PROMPTS}.some(t => /\\d/.test(t))", timeout=WAIT_MS)
    _menu(page, "Run", r"^Run All Cells$")
    page.wait_for_function(
        f"() => {{ const p = {_PROMPTS}; return !p.some(t => t.includes('*')) && p.some(t => /\\d/.test(t)); }}",
        timeout=WAIT_MS,
    )
    _wait_kernel_idle(page)


_WATCH_KERNEL_STATUS = r"""() => {
    const bar = document.querySelector('#jp-main-statusbar');
    window.__lessonsKernelStates = [];
    const record = () => {
        for (const item of bar.querySelectorAll('span')) {
            const found = item.textContent.trim().match(/^Python 3 \(ipykernel\) \| (.+)$/);
            const states = window.__lessonsKernelStates;
            if (found && states[states.length - 1] !== found[1]) states.push(found[1]);
        }
    };
    record();
    new MutationObserver(record).observe(bar, {subtree: true, childList: true, characterData: true});
}"""


def _restart_kernel(page) -> list[str]:
    """Kernel → Restart Kernel…, accept, and wait until the status bar has left Idle and come back to it.

    A MutationObserver records every kernel state the status bar shows, so waiting for "Idle" cannot be
    satisfied by the Idle from before the restart. Returns the states seen, e.g. ['Restarting', 'Idle'].
    """
    from playwright.sync_api import expect

    page.evaluate(_WATCH_KERNEL_STATUS)
    _menu(page, "Kernel", r"^Restart Kernel(…|\.\.\.)?$")
    dialog = page.locator(".jp-Dialog")
    dialog.locator(".jp-Dialog-button.jp-mod-accept").click()
    expect(dialog).to_have_count(0, timeout=WAIT_MS)
    page.wait_for_function(
        "() => { const s = window.__lessonsKernelStates;"
        " return s.some(x => x !== 'Idle') && s[s.length - 1] === 'Idle'; }",
        timeout=WAIT_MS,
    )
    _wait_kernel_idle(page)
    return page.evaluate("() => window.__lessonsKernelStates")


def _error_outputs(page) -> str:
    errors = page.locator('.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]')
    return "\n---\n".join(errors.all_inner_texts())[-3000:]


def _exercise_widget(page, exercise_id: str, *, containing: str = ""):
    """The ``.lessons-exercise`` box whose prompt names ``exercise_id``, found by that id, not by position."""
    from playwright.sync_api import expect

    box = page.locator(".lessons-exercise").filter(
        has=page.locator("code", has_text=re.compile(rf"^{re.escape(exercise_id)}$"))
    )
    if containing:
        box = box.filter(has_text=containing)
    # Called after _run_all: if a cell raised, the cells after it never ran, so do not wait long.
    errors = _error_outputs(page)
    try:
        expect(box).to_have_count(1, timeout=5_000 if "Traceback" in errors else WAIT_MS)
    except AssertionError as err:
        raise AssertionError(
            f"no single widget for {exercise_id}{f' showing {containing!r}' if containing else ''} "
            f"after Run All. Error outputs in the notebook:\n{_error_outputs(page) or '(none)'}"
        ) from err
    return box


def _stored_answer(path, exercise_id: str, expected, timeout: float = 10.0):
    """The answer store's value for ``exercise_id``, polled until it equals ``expected`` or time runs out."""
    deadline, value = time.monotonic() + timeout, None
    while time.monotonic() < deadline:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            value = data["answers"][exercise_id]["value"]
        except (OSError, ValueError, KeyError, TypeError):
            value = None
        if value == expected:
            break
        time.sleep(0.1)
    return value


def test_reading_author_widget_checks_saves_and_restores(jupyter_lab, lab_page, tmp_path):
    from playwright.sync_api import expect

    page, step = lab_page, _Steps()
    notebook = jupyter_lab.root / NOTEBOOK
    assert notebook.is_file(), f"notebooks/{NOTEBOOK} is missing"

    step(f"open {NOTEBOOK}")
    page.goto(f"{jupyter_lab.url}/lab/tree/{NOTEBOOK}", wait_until="domcontentloaded", timeout=WAIT_MS)
    # Loading JupyterLab is the slowest step on a busy machine: wait for it in stages, each bounded.
    expect(page.locator(".jp-Notebook .jp-CodeCell").first).to_be_visible(timeout=WAIT_MS)
    step("notebook shown")
    _wait_kernel_idle(page)
    step("kernel idle; Run All")
    _run_all(page)
    widget = _exercise_widget(page, EXERCISE_ID)
    step(f"all cells run, {EXERCISE_ID} shown; wrong answer")

    answer = widget.locator(".widget-text input")
    check = widget.locator("button.widget-button", has_text="Check")
    feedback = widget.locator(".lessons-feedback")

    # A wrong answer, with the byline's glued "Published": a targeted hint.
    answer.fill("Ahn Sung-miPublished")
    expect(widget).to_contain_text("saved at", timeout=WAIT_MS)
    check.click()
    expect(feedback).to_contain_text("Score 0/1", timeout=WAIT_MS)
    expect(feedback).to_contain_text("glued 'Published'")

    # The right answer: full marks, and saved to the answer store at once.
    step("right answer")
    answer.fill("Ahn Sung-mi")
    check.click()
    expect(feedback).to_contain_text("Score 1/1", timeout=WAIT_MS)
    expect(feedback).to_contain_text("(correct)")
    shot = tmp_path / f"{EXERCISE_ID}-checked.png"
    widget.screenshot(path=str(shot))
    step(f"checked: screenshot {shot}")
    assert _stored_answer(jupyter_lab.answers, EXERCISE_ID, "Ahn Sung-mi") == "Ahn Sung-mi", (
        f"{jupyter_lab.answers} does not hold the answer: "
        f"{jupyter_lab.answers.read_text() if jupyter_lab.answers.exists() else '(no file)'}"
    )

    # Restart the kernel, run everything again: the widget comes back with the saved answer.
    step("stored; restart kernel")
    states = _restart_kernel(page)
    step(f"restarted (status bar: {' → '.join(states)}); Run All")
    _run_all(page)
    widget = _exercise_widget(page, EXERCISE_ID, containing="restored")
    expect(widget.locator(".widget-text input")).to_have_value("Ahn Sung-mi", timeout=WAIT_MS)
    expect(widget).to_contain_text("restored your saved answer")
    # Proof the kernel really restarted: execution counts start again from 1.
    expect(page.locator(".jp-CodeCell .jp-InputPrompt").first).to_have_text("[1]:", timeout=WAIT_MS)
    widget.scroll_into_view_if_needed()  # for the final screenshot
    step("restored and idle: done")


def test_code_and_multiple_choice_widgets_check_in_the_browser(jupyter_lab, lab_page):
    """A code answer typed into its box runs in its own process; ticked boxes score as a set."""
    from playwright.sync_api import expect

    page, step = lab_page, _Steps()
    page.goto(f"{jupyter_lab.url}/lab/tree/{NOTEBOOK}", wait_until="domcontentloaded", timeout=WAIT_MS)
    expect(page.locator(".jp-Notebook .jp-CodeCell").first).to_be_visible(timeout=WAIT_MS)
    _wait_kernel_idle(page)
    _run_all(page)
    step("all cells run; code exercise")

    import solutions

    right = solutions.solution_source("reading.glued_byline")  # built now: no solution is written down
    code = _exercise_widget(page, "reading.glued_byline")
    code.locator("textarea").fill(right)
    code.locator("button.widget-button", has_text="Check").click()
    expect(code.locator(".lessons-feedback")).to_contain_text("Score 1/1", timeout=WAIT_MS)
    expect(code.locator(".lessons-feedback")).to_contain_text("5 of 5 cases passed. Practice check")
    assert "split_byline" in (_stored_answer(jupyter_lab.answers, "reading.glued_byline", right) or "")

    step("multiple selection: two right, one wrong")
    multi = _exercise_widget(page, "reading.non_ascii")
    for label in ["’", "“", ":"]:
        multi.locator(f'.widget-checkbox:has(span[title="{label}"]) input').check()
    multi.locator("button.widget-button", has_text="Check").click()
    feedback = multi.locator(".lessons-feedback")
    expect(feedback).to_contain_text("Found 2 of 3, 1 extra.", timeout=WAIT_MS)
    expect(feedback).to_contain_text("(partly right)")
    expect(feedback).to_contain_text("One of your picks is plain ASCII")  # the kind of mistake, not which
    step("done")


def test_ordering_and_matching_widgets_check_in_the_browser(jupyter_lab, lab_page):
    """Lesson 4's drop-down widgets: an ordering scored by pairs, a matching scored by items."""
    from playwright.sync_api import expect

    import solutions
    from lessons.course.exercises import get_exercise

    page, step = lab_page, _Steps()
    # A workspace of its own: the default one would reopen the notebook an earlier test left in front.
    page.goto(f"{jupyter_lab.url}/lab/workspaces/lesson4/tree/04_dating.ipynb", wait_until="domcontentloaded",
              timeout=WAIT_MS)
    expect(page.locator(".jp-Notebook .jp-CodeCell").first).to_be_visible(timeout=WAIT_MS)
    _wait_kernel_idle(page)
    _run_all(page)
    step("all cells run; ordering")

    ex = get_exercise("dating.order_events")
    right = next(c for c in solutions.closed_candidates(ex) if ex.check(c).passed)  # found now, not written down
    order = _exercise_widget(page, "dating.order_events")
    selects = order.locator("select")
    expect(selects).to_have_count(len(right), timeout=WAIT_MS)
    for position, event in enumerate(reversed(right)):  # the reverse order first: no pair right
        selects.nth(position).select_option(label=event)
    order.locator("button.widget-button", has_text="Check").click()
    feedback = order.locator(".lessons-feedback")
    expect(feedback).to_contain_text("0 of 6 pairs are in the right order.", timeout=WAIT_MS)
    for position, event in enumerate(right):
        selects.nth(position).select_option(label=event)
    order.locator("button.widget-button", has_text="Check").click()
    expect(feedback).to_contain_text("Score 1/1", timeout=WAIT_MS)
    assert _stored_answer(jupyter_lab.answers, "dating.order_events", right) == right

    step("matching: every type DATE")
    match = _exercise_widget(page, "dating.timex_types")
    menus = match.locator("select")
    expect(menus).to_have_count(5, timeout=WAIT_MS)
    for k in range(5):
        menus.nth(k).select_option(label="DATE")
    match.locator("button.widget-button", has_text="Check").click()
    expect(match.locator(".lessons-feedback")).to_contain_text("(partly right)", timeout=WAIT_MS)
    step("done")


@pytest.mark.parametrize("article", ["article.txt", "practice/minerals-talks.txt", "practice/webb-water-disk.txt"])
def test_the_fact_sheet_page_has_no_serious_accessibility_violation(browser_page, tmp_path, article):
    """axe-core (shipped in the axe-playwright-python wheel, offline) on the page `lessons factsheet` writes."""
    from axe_playwright_python.sync_playwright import Axe

    from lessons.analyze import report_for
    from lessons.factsheet import fact_sheet_html
    from lessons.network import network
    from lessons.paths import DATA_DIR
    from lessons.reading import read_file

    story = read_file(DATA_DIR / article)
    page_file = tmp_path / "sheet.html"
    page_file.write_text(fact_sheet_html(report_for(story), story.body, network(story)), encoding="utf-8")
    browser_page.goto(page_file.as_uri())
    results = Axe().run(browser_page).response
    serious = [(v["id"], v["impact"], len(v["nodes"])) for v in results["violations"]
               if v["impact"] in ("serious", "critical")]
    assert serious == [], serious
    assert results["passes"], "axe ran no rule at all"
    alts = browser_page.eval_on_selector_all("img", "imgs => imgs.map(i => i.alt)")
    assert len(alts) == 2 and all(len(alt) > 30 for alt in alts)  # the figures are described
    assert browser_page.eval_on_selector_all("h1", "h => h.length") == 1


def test_a_learner_s_feedback_page_has_no_serious_accessibility_violation(browser_page, tmp_path):
    from axe_playwright_python.sync_playwright import Axe

    from lessons.course.feedback import feedback_page
    from lessons.course.grading import grade_answers

    page_file = tmp_path / "ada.html"
    grades = grade_answers({"reading.author": "Ahn Sung-miPublished", "start.city": "Seoul"})
    page_file.write_text(feedback_page("ada", grades, grading="Practice check."), encoding="utf-8")
    browser_page.goto(page_file.as_uri())
    results = Axe().run(browser_page).response
    assert [v["id"] for v in results["violations"] if v["impact"] in ("serious", "critical")] == []
    assert browser_page.eval_on_selector_all("h2", "h => h.length") >= 7  # one section per notebook


def test_the_course_website_builds_offline_and_every_page_is_accessible(browser_page, tmp_path):
    """`lessons site`: every lesson executed into a page; links resolve, figures described, no serious axe finding."""
    import subprocess
    import sys

    from axe_playwright_python.sync_playwright import Axe

    site = tmp_path / "site"
    proc = subprocess.run([sys.executable, "-m", "lessons", "site", str(site)], capture_output=True, text=True,
                          timeout=900)
    assert proc.returncode == 0, proc.stderr[-2000:]
    pages = sorted(site.glob("*.html"))
    assert {"index.html", "glossary.html", "instructors.html", "05_contextualizing.html"} <= {p.name for p in pages}
    figures = 0
    for page in pages:
        browser_page.goto(page.as_uri())
        hrefs = browser_page.eval_on_selector_all("a[href]", "a => a.map(x => x.getAttribute('href'))")
        local = [h.split("#")[0] for h in hrefs if not re.match(r"(https?:|mailto:|#)", h)]
        assert [h for h in local if not (site / h).is_file()] == [], page.name
        alts = browser_page.eval_on_selector_all("img", "i => i.map(x => x.alt)")
        assert all(len(a) > 30 and "No description" not in a for a in alts), page.name
        figures += len(alts)
        results = Axe().run(browser_page).response
        assert [v["id"] for v in results["violations"] if v["impact"] in ("serious", "critical")] == [], page.name
    assert figures >= 7  # every lesson's figures, drawn by the kernel
    lesson = (site / "05_contextualizing.html").read_text(encoding="utf-8")
    assert "No widgets? Answer in code" in lesson and "glossary.html" in lesson  # widgets as text; links relinked
