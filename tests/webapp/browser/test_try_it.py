"""The README's "Try it" steps, as a newcomer follows them, against the demo's seeded data.

Each test is one kind of user and reaches that user's main page by the README's steps; each takes
the README's picture of that page. Pictures go to test-artifacts/try-it/ in `make test`, and to
docs/img/ with `make screenshots` (FSP_SCREENSHOTS=docs/img), so a change to a page refreshes its
picture with one command. tests/test_docs.py fails if a picture the README shows is missing.

The pictures stay current: beside each, docs/img/NAME.txt holds the words the page showed when it
was taken (times and dates left out: they differ on every run), and a page whose words have changed since fails
here with "run make screenshots". The steps stay the README's: every **bold** label in its Try it
section (the buttons, links, answers and keys it names) is used by these tests.
"""

from __future__ import annotations

import difflib
import os
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from pathway.catalogue import load_catalogue
from tests.webapp.browser.conftest import ROOT, serving, tick_offered
from tests.webapp.conftest import ALWAYS_OPEN
from webapp import create_app, demo

# The README's worked example, as the practitioner's steps enter it.
TICKS = ["extensive.persistent_absenteeism_school_without", "additional.lack_routine"]
VIEWPORT = {"width": 1100, "height": 900}
IMG = ROOT / "docs" / "img"
# What differs between two runs of the same pages: the time, and the dates the demo's history is seeded at.
MONTH = "(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*"
WHEN = [
    (re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d(?::\d\d)?Z?"), "<when>"),
    (re.compile(rf"\b\d{{1,2}} {MONTH} \d{{4}}\b"), "<date>"),
    (re.compile(r"\b\d{1,2}:\d\d\b"), "<time>"),
    (re.compile(r"\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b"), "<day>"),
    # the fingerprint of the rules' decisions (docs/rules.md): any rule change moves it, not the page
    (re.compile(r"\bdecisions [0-9a-f]{12}\)"), "decisions <fingerprint>)"),
]


@pytest.fixture(scope="module")
def demo_server(tmp_path_factory):
    """The demo app, seeded. The search model is built first, as live_server does: from a cold cache
    it trains for longer than the call-screen test's first assertion waits."""
    from pathway.search import default_index

    default_index()
    app = create_app(
        {"SECRET_KEY": "try-it", "OFFICE_HOURS": ALWAYS_OPEN, "DEMO": True, "DATABASE_URL": f"sqlite:///{tmp_path_factory.mktemp('demo') / 'demo.sqlite3'}"}
    )
    seeded = demo.seed(app)
    with serving(app) as url:
        yield url, {a.role: a for a in seeded.accounts}, seeded.practice_code


@pytest.fixture
def page(browser, demo_server):
    context = browser.new_context(base_url=demo_server[0], viewport=VIEWPORT)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture(scope="module")
def pictures() -> Path:
    folder = Path(os.environ.get("FSP_SCREENSHOTS") or ROOT / "test-artifacts" / "try-it")
    folder = folder if folder.is_absolute() else ROOT / folder
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _take(page, pictures: Path, name: str, *, full_page: bool, code: str = "") -> None:
    """The README's picture NAME.png, with the words it shows beside it (NAME.txt); outside
    `make screenshots`, those words must still be the committed picture's."""
    page.screenshot(path=str(pictures / f"{name}.png"), full_page=full_page)
    shown = re.sub(r"[ \t]+\n", "\n", page.locator("body").inner_text()).strip() + "\n"
    shown = shown.replace(code, "<session code>") if code else shown  # made afresh on every start
    for moment, placeholder in WHEN:
        shown = moment.sub(placeholder, shown)
    (pictures / f"{name}.txt").write_text(shown, encoding="utf-8")
    if pictures.resolve() != IMG.resolve():
        committed = IMG / f"{name}.txt"
        was = committed.read_text(encoding="utf-8") if committed.exists() else ""
        change = "".join(difflib.unified_diff(was.splitlines(True), shown.splitlines(True), str(committed), "the page now"))
        assert not change, f"docs/img/{name}.png is out of date: run make screenshots and commit docs/img/\n{change}"


def _sign_in(page, account) -> None:
    """The README: "Sign in" under the header, with the name and password make demo printed."""
    page.goto("/")
    expect(page.locator(".govuk-phase-banner")).to_contain_text("Demo")
    page.get_by_role("navigation", name="Your account").get_by_role("link", name="Sign in").click()
    page.get_by_label("Username").fill(account.username)
    page.get_by_label("Password", exact=True).fill(account.password)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("navigation", name="Your account")).to_contain_text(f"Signed in as {account.username}")


def _choose(page, group, label):
    page.get_by_role("group", name=group).get_by_label(label, exact=True).first.check()


def test_a_practitioner_assesses_the_worked_example_and_sees_the_result(page, pictures, axe):
    catalogue = load_catalogue()
    page.goto("/")
    page.get_by_role("button", name="Start now").click()
    page.get_by_label("None of these").check()
    page.get_by_role("button", name="Continue").click()
    _choose(page, "Has the child been born?", "Yes")
    page.get_by_label("Years").fill("7")
    _choose(page, "Does the child have a disability?", "No")
    _choose(page, re.compile("Is a CAF"), "Yes, but things are not improving")
    _choose(page, re.compile("consented to early help"), "Yes")
    _choose(page, "What level is the child supported at now?", "Extensive")
    page.get_by_role("button", name="Continue").click()
    wanted = {catalogue.indicator(i).text for i in TICKS}
    while page.get_by_role("heading", level=1).inner_text() != "Check your answers":
        tick_offered(page, wanted)
        page.get_by_role("button", name="Continue").click()
    assert not wanted, f"never offered: {wanted}"
    page.get_by_role("button", name="See the level").click()
    expect(page.locator(".govuk-panel__title")).to_have_text("Child in Need")
    axe.check(page, "demo-result")  # the demo banner too passes WCAG 2.2 AA
    _take(page, pictures, "result", full_page=False)


def test_a_practitioner_opens_a_saved_cases_history(page, demo_server, pictures, axe):
    _sign_in(page, demo_server[1]["practitioner"])
    page.get_by_role("link", name="Your cases").click()
    page.get_by_role("link", name="DEM-0001").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("DEM-0001")
    expect(page.locator("main")).to_contain_text("Child in Need")
    axe.check(page, "demo-case-history")
    _take(page, pictures, "case-history", full_page=True)


def test_an_adviser_finds_a_concern_on_the_call_screen(page, pictures):
    page.goto("/")
    page.get_by_role("link", name="Call screen (advisers)").click()
    page.wait_for_load_state("load")  # the screen's script listens for typing once it has loaded
    page.locator("#age_years").fill("7")
    page.locator("#q").click()
    page.keyboard.type("no routine")  # key by key, as an adviser types: each key runs the live search
    options = page.get_by_role("listbox", name="Concerns found").get_by_role("option")
    expect(options.first).to_contain_text(load_catalogue().indicator("additional.lack_routine").text)
    page.keyboard.press("Enter")
    expect(page.locator("#app-level")).to_contain_text("Additional")
    _take(page, pictures, "call-screen", full_page=True)


def test_a_trainer_opens_the_finished_practice_sessions_summary(page, demo_server, pictures):
    _sign_in(page, demo_server[1]["trainer"])
    page.goto("/demo/practice-summary")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Summary")
    expect(page.locator("main")).to_contain_text("kappa")
    _take(page, pictures, "practice-summary", full_page=True, code=demo_server[2])
    page.get_by_role("link", name="Practice", exact=True).click()  # "Practice starts a new session"
    expect(page.get_by_role("heading", level=1)).to_be_visible()


def test_a_manager_sees_the_teams_overrides(page, demo_server):
    _sign_in(page, demo_server[1]["manager"])
    page.get_by_role("link", name="Overrides").click()
    expect(page.locator("main")).to_contain_text("DEM-0002")
    expect(page.locator("main")).to_contain_text(demo.OVERRIDE_REASON)
    page.get_by_role("link", name="Your cases").click()  # the team's cases, the adviser's too
    for ref in ("DEM-0001", "DEM-0002", "DEM-0003"):
        expect(page.get_by_role("link", name=ref)).to_be_visible()


def test_an_admin_lands_on_trying_a_change_to_the_document(page, demo_server):
    _sign_in(page, demo_server[1]["admin"])
    expect(page.get_by_role("heading", level=1)).to_have_text("Try a change to the threshold document")


def _try_it_section() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    return readme.split("\n## Try it\n", 1)[1].split("\n## ", 1)[0]


def test_these_tests_take_the_readmes_steps():
    """Every bold label of the README's Try it section (a button, link, answer or key it tells a
    newcomer to use) is in this file, except the kind of user each bullet starts with; and the
    demo accounts it names are the ones demo mode makes."""
    section = _try_it_section()
    kinds = set(re.findall(r"^- \*\*([^*]+)\*\*", section, re.M))
    labels = {" ".join(label.split()) for label in re.findall(r"\*\*([^*]+)\*\*", section)} - kinds  # as one line
    assert len(labels) >= 15, labels
    here = Path(__file__).read_text(encoding="utf-8")
    assert sorted(label for label in labels if label not in here) == []
    assert set(re.findall(r"`(demo-[a-z]+)`", section)) == set(demo.USERNAMES.values())
