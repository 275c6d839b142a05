"""The exercise widget in a real JupyterLab, driven by headless Debian Chromium.

Opens the course's own ``01_reading.ipynb`` (a copy, served by the ``jupyter_lab`` fixture of
``conftest.py``), runs it, answers ``reading.author`` wrongly then rightly, checks the feedback and the
answer store, restarts the kernel, runs it again and checks the saved answer comes back. The capstone's
correction editors (``06_capstone.ipynb``) get the same round trip, through the fact sheet they make.

Run: ``pytest tests/test_browser.py -m browser -s`` (prints the screenshot's path). Skipped, with a
reason, where /usr/bin/chromium or playwright is missing; a failure instead when ``CI=true``.
"""

from __future__ import annotations

import json
import re
import time
from collections import Counter

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


def _run_all(page, timeout: int = WAIT_MS) -> None:
    """Clear all outputs, Run → Run All Cells, and wait until every queued cell has finished.

    The kernel status flickers to Idle between cells, so "finished" is read from the prompts instead:
    after the clear no prompt has a number; Run All marks every cell [*] at once; when no [*] is left
    and some cell has a number, the run is over (an error un-queues the cells after it, also no [*]).
    ``timeout`` (ms) bounds the run itself: a long notebook on a busy machine may need more than WAIT_MS.
    """
    _menu(page, "Edit", r"^Clear Outputs of All Cells$")
    page.wait_for_function(f"() => !{_PROMPTS}.some(t => /\\d/.test(t))", timeout=WAIT_MS)
    _menu(page, "Run", r"^Run All Cells$")
    page.wait_for_function(
        f"() => {{ const p = {_PROMPTS}; return !p.some(t => t.includes('*')) && p.some(t => /\\d/.test(t)); }}",
        timeout=timeout,
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


CAPSTONE = "06_capstone.ipynb"
LONG_MS = 120_000  # Run All of the capstone runs every stage and draws figures: room for a busy machine
_WIDGET_OUTPUT = ".jp-OutputArea-output:has(.jupyter-widgets)"  # a widget's output carries no MIME type
_CONTROL = re.compile(r'^\s*- (textbox|checkbox|button|combobox|spinbutton|radio)\b(?: "((?:[^"\\]|\\.)*)")?',
                      re.MULTILINE)


def _widget_output(page, showing: str):
    """The one widget output that shows ``showing`` (an editor's heading, a button's label), found by its text."""
    from playwright.sync_api import expect

    box = page.locator(_WIDGET_OUTPUT).filter(has_text=showing)
    try:
        expect(box).to_have_count(1, timeout=WAIT_MS)
    except AssertionError as err:
        shown = page.locator(".jp-OutputArea-output").evaluate_all("els => els.map(e => e.innerText.slice(0, 60))")
        raise AssertionError(f"no single widget showing {showing!r} after Run All. Error outputs in the notebook:\n"
                             f"{_error_outputs(page) or '(none)'}\nOutputs: {shown}") from err
    return box


_UNLABELLED = """els => els.filter(e => {
    const shown = l => l && l.checkVisibility() && l.innerText.trim();
    if ((e.getAttribute('aria-label') || '').trim()) return false;
    const by = (e.getAttribute('aria-labelledby') || '').split(/\\s+/).filter(Boolean);
    if (by.some(id => shown(document.getElementById(id)))) return false;
    return e.tagName === 'BUTTON' ? !e.innerText.trim() : ![...(e.labels || [])].some(shown);
}).map(e => e.outerHTML.slice(0, 160))"""


def _control_names(box) -> list[tuple[str, str]]:
    """(role, accessible name) of every form control in ``box``, in page order, as assistive technology gets them.

    Names are read from Playwright's ARIA snapshot (the browser's accessibility tree). As a placeholder or a
    tooltip can fill a name in too, each control must also have an ``aria-label``, a visible label of its own
    (``<label for>`` or a wrapping label) or, for a button, its text. Every input, button, select and textarea
    of the box must be in the tree, or one is hidden from assistive technology.
    """
    snapshot = box.aria_snapshot()
    found = [(role, name.replace('\\"', '"')) for role, name in _CONTROL.findall(snapshot)]
    controls = box.locator("input, button, select, textarea")
    assert len(found) == controls.count(), f"{controls.count()} controls, {len(found)} in the tree:\n{snapshot}"
    assert controls.evaluate_all(_UNLABELLED) == [], "controls with no label of their own"
    return found


def _default_article(notebook):
    """The article a notebook reads unless the learner changes it: its ``read_file("../data/…")`` line."""
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    source = "".join(line for cell in cells for line in cell["source"])
    found = re.search(r'^article = read_file\("([^"]+)"\)', source, re.MULTILINE)
    assert found, f"{notebook.name} reads no default article"
    return (notebook.parent / found[1]).resolve()


def _long(test):
    """A wider safety net for a test that runs a long notebook twice (when pytest-timeout is installed)."""
    return pytest.mark.timeout(480)(test) if any(mark.name == "timeout" for mark in pytestmark) else test


@_long
def test_capstone_speaker_correction_reaches_the_fact_sheet_and_survives_a_restart(jupyter_lab, lab_page):
    """Lesson 6's editors as a learner uses them: every control labelled; correct a speaker, save, make the fact
    sheet and open it; restart the kernel, run again, and find the correction kept (saved under the text's hash)."""
    from playwright.sync_api import expect

    from lessons.analyze import report_for
    from lessons.capstone import numbered
    from lessons.factsheet import CORRECTIONS, text_key
    from lessons.reading import read_file

    page, step = lab_page, _Steps()
    article = read_file(_default_article(jupyter_lab.root / CAPSTONE))  # the one the notebook opens with
    tools = report_for(article)
    found = {n: q["speaker"] for n, q in numbered(tools, "quotes")}
    number = max(found)  # the last quote: its speaker, corrected to a fuller description
    new_speaker = "a spokesperson for the county emergency management office"
    corrected = [*list(found.values())[:-1], new_speaker]
    assert found[number] != new_speaker
    sheet = jupyter_lab.root / "fact_sheet.html"  # the button writes it beside the notebook
    sheet.unlink(missing_ok=True)

    step(f"open {CAPSTONE}")
    # A workspace of its own: the default one would reopen the notebook an earlier test left in front.
    page.goto(f"{jupyter_lab.url}/lab/workspaces/capstone/tree/{CAPSTONE}", wait_until="domcontentloaded",
              timeout=WAIT_MS)
    expect(page.locator(".jp-Notebook .jp-CodeCell").first).to_be_visible(timeout=WAIT_MS)
    _wait_kernel_idle(page)
    step("kernel idle; Run All")
    _run_all(page, timeout=LONG_MS)
    speakers = _widget_output(page, "The speakers")
    editors = {"speakers": speakers, "dates": _widget_output(page, "The dates"),
               "people": _widget_output(page, "The people"), "fact sheet": _widget_output(page, "Make my fact sheet")}
    step("all cells run, editors shown; their labels")

    # Every control is labelled, and the label names its item (what a screen reader says on reaching it).
    timexes, people = numbered(tools, "timexes"), numbered(tools, "people")
    expected = {
        "speakers": [*(("textbox", f"Quote {n}, speaker:") for n in found), ("button", "Save speakers")],
        "dates": [*(c for n, t in timexes for c in (("textbox", f"{n}. “{t['text']}” ({t['type']}):"),
                                                     ("checkbox", f"{n} is no temporal expression"))),
                  ("button", "Save dates")],
        "people": [*(c for n, _ in people for c in (("textbox", f"Person {n}:"),
                                                     ("checkbox", f"person {n} is a person"))),
                   ("button", "Save people")],
        "fact sheet": [("button", "Make my fact sheet")],
    }
    for what, box in editors.items():
        assert _control_names(box) == expected[what], f"the {what} editor's controls"

    step(f"quote {number}: {found[number]!r} → {new_speaker!r}; Save")
    field = speakers.get_by_role("textbox", name=f"Quote {number}, speaker:", exact=True)
    expect(field).to_have_value(found[number])
    field.click()
    field.press("ControlOrMeta+a")
    field.press_sequentially(new_speaker)  # typed key by key, as a learner types, in JupyterLab's keymap
    expect(field).to_have_value(new_speaker)
    speakers.get_by_role("button", name="Save speakers", exact=True).click()
    expect(speakers.get_by_role("status")).to_have_text(
        "Saved: 1 speaker(s) differ from the tools'; step “quotes” done.", timeout=WAIT_MS)
    stored = json.loads(jupyter_lab.answers.read_text(encoding="utf-8"))["answers"][CORRECTIONS]["value"]
    mine = stored[text_key(article.body)]
    assert mine["edits"] == {"quotes": {str(number - 1): new_speaker}}, mine["edits"]  # quote n is position n-1
    assert [q["speaker"] for q in mine["quotes"]] == corrected  # what `lessons factsheet FILE` applies

    step("Make my fact sheet")
    maker = editors["fact sheet"]
    maker.get_by_role("button", name="Make my fact sheet", exact=True).click()
    expect(maker.get_by_role("status")).to_contain_text("step “factsheet” done", timeout=LONG_MS)
    assert sheet.is_file(), f"no {sheet.name} beside the notebook"
    # Opened as a learner opens it: the file browser's "Open in New Browser Tab" (a bare /files/ URL with no
    # referer is refused by a token-less server, so the tab must come from the lab).
    entry = page.locator(".jp-DirListing-item").filter(
        has=page.locator(".jp-DirListing-itemText", has_text=re.compile(rf"^{re.escape(sheet.name)}$")))
    expect(entry).to_have_count(1, timeout=WAIT_MS)  # the file browser polls the folder
    entry.click(button="right")
    with page.context.expect_page(timeout=WAIT_MS) as opened:
        page.locator(".lm-Menu .lm-Menu-itemLabel", has_text=re.compile(r"^Open in New Browser Tab$")).click()
    sheet_page = opened.value
    try:
        sheet_page.wait_for_load_state("domcontentloaded", timeout=WAIT_MS)
        expect(sheet_page.get_by_role("heading", level=2, name="Quotes by speaker")).to_have_count(1, timeout=WAIT_MS)
        expect(sheet_page.get_by_role("heading", level=3)).to_have_text(
            [f"{speaker} ({n})" for speaker, n in Counter(corrected).items()])  # in the sheet's order, counted
    finally:
        sheet_page.close()

    step("restart kernel")
    states = _restart_kernel(page)
    step(f"restarted (status bar: {' → '.join(states)}); Run All")
    _run_all(page, timeout=LONG_MS)
    expect(page.locator(".jp-CodeCell .jp-InputPrompt").first).to_have_text("[1]:", timeout=WAIT_MS)  # a new kernel
    speakers = _widget_output(page, "The speakers")
    field = speakers.get_by_role("textbox", name=f"Quote {number}, speaker:", exact=True)
    expect(field).to_have_value(new_speaker, timeout=WAIT_MS)
    printed = page.locator(".jp-OutputArea-output").filter(has_text="Quotes by speaker (")
    expect(printed).to_have_count(1, timeout=WAIT_MS)
    expect(printed).to_contain_text(f"{new_speaker} (1)")  # § 2's plain-text sheet, from the saved corrections
    # The graded record came back too: two steps done, and the sheet agrees with the corrections.
    record = _exercise_widget(page, "capstone.own_article")
    record.locator("button.widget-button", has_text="Check").click()
    expect(record.locator(".lessons-feedback")).to_contain_text("still to do: dates, people", timeout=WAIT_MS)
    field.scroll_into_view_if_needed()  # for the final screenshot
    step("kept after the restart: done")


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
