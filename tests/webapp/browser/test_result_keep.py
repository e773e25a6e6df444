"""Issue 13 in a real browser: the result to act on and keep (print, ring-now journey, twins,
levels, PRG, expired answers, babies' ages, the written referral, the document).

Answers are posted with the browser context's own request API (sharing its cookies) where the
test is about the result, and typed into the pages where the test is about the pages.
"""

from __future__ import annotations

import re
import subprocess

import pytest
from playwright.sync_api import expect

from pathway.catalogue import load_catalogue
from store.users import create_user
from tests.webapp.browser.conftest import serving, sign_in
from tests.webapp.conftest import ALWAYS_OPEN, CHILD, PASSWORD
from webapp import create_app
from webapp.journey.pages import needs_pages

A4_PRINT_WIDTH_PX = 680  # 210 mm less 2 x 15 mm margins (print.css @page) at 96 px per inch
PHONE = re.compile(r"0\d{3} \d{3} \d{4}")


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """CSRF off so the request API can post answers; the pages' own forms are tested with it on elsewhere."""
    app = create_app(
        {
            "SECRET_KEY": "browser-keep",
            "OFFICE_HOURS": ALWAYS_OPEN,
            "WTF_CSRF_ENABLED": False,
            "DATABASE_URL": f"sqlite:///{tmp_path_factory.mktemp('db') / 'keep.sqlite3'}",
        }
    )
    create_user(app.extensions["fsp_store"], "hv", "practitioner", "Health visiting", PASSWORD)
    with serving(app) as url:
        yield url


@pytest.fixture
def page(browser, server):
    context = browser.new_context(base_url=server)
    page = context.new_page()
    yield page
    context.close()


def answer(page, immediate=("none",), child=None, needs=()):
    """Post the journey's answers as its forms would."""
    post = page.context.request.post
    assert post("/safety", form={"immediate": list(immediate)[0]}, max_redirects=0).status in (302, 303)
    if child is None:
        return
    assert post("/child", form=child, max_redirects=0).status == 302
    cat = load_catalogue()
    for p in needs_pages():
        chosen = [i for i in needs if i in p.indicator_ids()]
        data = [(cat.indicator(i).dimension, i) for i in chosen]
        # the request API takes a dict; one tick per dimension is all these cases need
        assert post(f"/needs/{p.id}", form=dict(data), max_redirects=0).status == 302


KINDS = {
    "ring-now": dict(immediate=["immediate.significant_harm"]),
    "protection": dict(child=CHILD, needs=["protection.victim_crime"]),
    "child-in-need": dict(
        child={**CHILD, "disability": "substantial_lifelong", "large_sibling_group": "no"}, needs=["extensive.substantial_lifelong_disability_short_breaks"]
    ),
    "extensive": dict(child=CHILD, needs=["extensive.life_threatening_conditions"]),
    "additional": dict(child=CHILD, needs=["additional.dental_decay_not_accessing"]),
    "universal": dict(child=CHILD, needs=[]),
}

CONTRASTS = """() => {
  const lum = c => { const [r, g, b] = c.match(/[\\d.]+/g).slice(0, 3).map(Number).map(v => v / 255)
    .map(v => v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4)); return 0.2126*r + 0.7152*g + 0.0722*b; };
  const bg = el => { for (; el; el = el.parentElement) { const c = getComputedStyle(el).backgroundColor;
    const a = c.match(/[\\d.]+/g); if (a && (a.length < 4 || Number(a[3]) > 0)) return c; } return 'rgb(255, 255, 255)'; };
  const out = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const m = n.textContent.match(/0\\d{3} \\d{3} \\d{4}/); if (!m) continue;
    const el = n.parentElement; if (!el.getClientRects().length || getComputedStyle(el).visibility === 'hidden') continue;
    const [l1, l2] = [lum(getComputedStyle(el).color), lum(bg(el))];
    out.push([m[0], (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05)]);
  }
  return out;
}"""


@pytest.mark.parametrize("kind", KINDS)
def test_every_result_prints_its_numbers_readably_on_a4(page, axe, artifacts, kind):
    answer(page, **KINDS[kind])
    page.set_viewport_size({"width": A4_PRINT_WIDTH_PX, "height": 1000})
    page.goto("/result")
    page.emulate_media(media="print")
    numbers = page.evaluate(CONTRASTS)
    assert numbers, "no phone number is printed"
    low = [(n, round(c, 2)) for n, c in numbers if c < 4.5]
    assert low == [], f"{kind}: numbers below 4.5:1 in print: {low}"
    width = page.evaluate("() => document.documentElement.scrollWidth")
    assert width <= A4_PRINT_WIDTH_PX, f"{kind}: {width}px is wider than A4 portrait's printable width"
    printed = page.locator("body").inner_text()
    assert "Sign in" not in printed
    assert re.search(r"Checked on \d+ \w+ \d{4} at \d\d:\d\d", printed)
    assert "Case reference" in printed and "Your answers" in printed and "Age" in printed
    if kind != "ring-now":
        assert "8 years 2 months" in printed
    axe.check(page, f"print-{kind}")
    pdf = artifacts / f"result-{kind}.pdf"
    page.pdf(path=str(pdf), format="A4")
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert PHONE.search(text), f"{kind}: no number in the printed PDF"


def test_urgent_uses_the_warning_pattern_and_neutral_the_panel(page):
    answer(page, **KINDS["ring-now"])
    page.goto("/result")
    expect(page.locator(".govuk-panel")).to_have_count(0)
    expect(page.locator(".govuk-warning-text").first).to_contain_text("0115 876 4800")
    page.context.request.post("/start-again")
    answer(page, **KINDS["additional"])
    page.goto("/result")
    expect(page.locator(".govuk-panel__title")).to_have_text("Additional")
    expect(page.locator("main")).not_to_contain_text("Ring now")


def _child_page(page, years="", months=""):
    page.get_by_role("group", name="Has the child been born?").get_by_label("Yes", exact=True).check()
    page.get_by_label("Years").fill(years)
    page.get_by_label("Months").fill(months)
    for group, label in [
        ("Does the child have a disability?", "No"),
        (re.compile("Is a CAF"), "No"),
        (re.compile("consented to early help"), "Yes"),
        ("What level is the child supported at now?", "None, or not known"),
    ]:
        page.get_by_role("group", name=group).get_by_label(label, exact=True).first.check()
    page.get_by_role("button", name="Continue").click()


def _through_needs(page, tick=()):
    while page.get_by_role("heading", level=1).inner_text() != "Check your answers":
        for text in tick:
            box = page.get_by_label(text, exact=True)
            if box.count():
                box.first.check()
        page.get_by_role("button", name="Continue").click()


def test_ring_now_comes_first_then_the_journey_carries_on(page, axe):
    cat = load_catalogue()
    page.goto("/safety")
    page.get_by_label(cat.indicator("immediate.significant_harm").text).check()
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Ring Children and Families Direct now")
    page.get_by_role("button", name="Record the age and other needs").click()
    _child_page(page, years="8")
    need = cat.indicator("additional.dental_decay_not_accessing").text
    _through_needs(page, [need])
    expect(page.locator(".govuk-summary-list")).to_contain_text(cat.indicator("immediate.significant_harm").text)
    page.get_by_role("button", name="See the level").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Ring Children and Families Direct now")
    expect(page.locator("main")).to_contain_text(need)  # the need joined the same decision
    expect(page.locator("main")).to_contain_text("8 years")
    axe.check(page, "result-ring-now-complete")


def test_ticking_an_immediate_concern_through_change_keeps_the_other_answers(page):
    cat = load_catalogue()
    answer(page, **KINDS["additional"])
    page.goto("/check")
    page.get_by_role("link", name="Change whether any immediate referral indicator applies").click()
    page.get_by_label("None of these").uncheck()
    page.get_by_label(cat.indicator("immediate.significant_harm").text).check()
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Ring Children and Families Direct now")
    expect(page.locator("main")).to_contain_text(cat.indicator("additional.dental_decay_not_accessing").text)
    expect(page.locator("main")).to_contain_text("8 years 2 months")


def test_twins_show_their_level_and_what_tells_them_apart(page):
    cat = load_catalogue()
    answer(page, child=CHILD, needs=["additional.suspected_domestic_violence"])
    twin = cat.indicator("additional.suspected_domestic_violence")
    page.goto("/needs/parents_carers")
    boxes = page.get_by_label(twin.text, exact=True)
    expect(boxes).to_have_count(2)
    hints = [page.locator(f"#{boxes.nth(n).get_attribute('aria-describedby')}").inner_text() for n in range(2)]
    assert hints[0] != hints[1]
    assert {h.split(".")[0] for h in hints} == {"Level: Additional", "Level: Extensive"}
    page.goto("/check")
    expect(page.locator(".govuk-summary-list")).to_contain_text(f"{twin.text} (Additional)")


def test_show_levels_keeps_the_ticks(page):
    cat = load_catalogue()
    answer(page, child=CHILD)
    page.goto("/needs/health")
    need = cat.indicator("additional.dental_decay_not_accessing").text
    page.get_by_label(need, exact=True).check()
    page.get_by_role("button", name="Show levels").click()
    expect(page.get_by_label(need, exact=True)).to_be_checked()
    expect(page.locator("main")).to_contain_text("Level: Additional.")
    expect(page.get_by_role("button", name="Hide levels")).to_be_visible()


def test_a_refused_form_comes_back_by_get_so_back_never_resubmits(page):
    page.goto("/safety")
    page.get_by_label("None of these").check()
    page.get_by_role("button", name="Continue").click()
    with page.expect_response(lambda r: r.url.endswith("/child") and r.request.method == "GET") as shown:
        page.get_by_role("button", name="Continue").click()  # nothing answered
    assert shown.value.status == 200
    expect(page.get_by_role("alert")).to_contain_text("There is a problem")
    page.reload()  # a GET: no "Confirm Form Resubmission"
    expect(page.get_by_role("heading", level=1)).to_have_text("About the child")
    page.go_back()
    expect(page.get_by_role("heading", level=1)).to_have_text("About the child")


def test_no_answers_says_they_expired_or_were_never_given(page, axe):
    for path in ("/result", "/check", "/referral"):
        page.goto(path)
        expect(page.get_by_role("heading", level=1)).to_have_text("There are no answers to show")
        expect(page.locator("main")).to_contain_text("expired or were never given")
    axe.check(page, "no-answers")


@pytest.mark.parametrize("months, said", [("9", "9 months"), ("14", "1 year 2 months")])
def test_months_alone_for_a_baby(page, months, said):
    page.goto("/safety")
    page.get_by_label("None of these").check()
    page.get_by_role("button", name="Continue").click()
    _child_page(page, months=months)
    _through_needs(page)
    expect(page.locator(".govuk-summary-list")).to_contain_text(said)


def test_a_baby_is_offered_only_what_the_age_admits(page):
    cat = load_catalogue()
    answer(page, child={**CHILD, "age_years": "", "age_months": "9"})
    shown = []
    for p in needs_pages():
        page.goto(f"/needs/{p.id}")
        shown.append(page.locator("main").inner_text())
    words = " ".join(shown)
    for iid in ("universal.attends_school_sense_educational", "protection.forced_marriage_under_18"):
        assert cat.indicator(iid).text not in words
    assert cat.indicator("additional.dental_decay_not_accessing").text in words


def test_written_referral_page_pdf_and_text(page, axe, artifacts):
    answer(page, **KINDS["child-in-need"])
    page.goto("/result")
    page.get_by_label("Add a note (kept with these answers only)").fill("Seen at home visit; mother asked for help.")
    page.get_by_role("button", name="Save note").click()
    expect(page.locator("main")).to_contain_text("Seen at home visit")
    page.get_by_role("link", name="Write the referral").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Referral summary")
    axe.check(page, "referral")
    page.set_viewport_size({"width": A4_PRINT_WIDTH_PX, "height": 1000})
    page.emulate_media(media="print")
    assert [c for _n, c in page.evaluate(CONTRASTS) if c < 4.5] == []
    assert page.evaluate("() => document.documentElement.scrollWidth") <= A4_PRINT_WIDTH_PX
    assert "Sign in" not in page.locator("body").inner_text()
    axe.check(page, "referral-print")
    page.emulate_media(media="screen")
    pdf = page.context.request.get("/referral.pdf")
    assert pdf.headers["content-type"] == "application/pdf"
    path = artifacts / "referral.pdf"
    path.write_bytes(pdf.body())
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    cat = load_catalogue()
    for part in [
        "Referral summary",
        "Child's name",
        "Date of birth",
        "Address",
        "8 years 2 months",
        "Child in Need",
        cat.domains[0].name,
        cat.domains[1].name,
        cat.domains[2].name,
        "Seen at home visit",
        "0115 876 4800",
        "Reasons",
        "What to do next",
    ]:
        assert part in " ".join(text.split()), part
    subprocess.run(["pdftoppm", "-png", "-r", "50", "-f", "1", "-l", "1", str(path), str(artifacts / "referral")], check=True)
    assert list(artifacts.glob("referral-*1.png"))
    plain = page.context.request.get("/referral.txt").text()
    assert "CHILD AND YOUNG PERSON'S HEALTH AND DEVELOPMENT" in plain and "Seen at home visit" in plain


def test_citations_open_the_document_at_the_page_with_the_indicator_marked(page, axe):
    answer(page, **KINDS["additional"])
    page.goto("/result")
    cat = load_catalogue()
    ind = cat.indicator("additional.dental_decay_not_accessing")
    page.get_by_role("link", name=ind.source.cite()).first.click()
    assert page.url.endswith("#page-13")
    expect(page.locator("mark.app-highlight")).to_contain_text(ind.text.rstrip("."))
    expect(page.locator("#page-13")).to_be_attached()
    axe.check(page, "document")


def test_a_refused_note_is_summarised_at_the_top_of_the_result(page, axe):
    """Audit of issue 13 (2026-12-02): a note over the limit came back with its error only beside
    the box at the foot of a long page; no error summary, no 'Error:' in the title."""
    answer(page, **KINDS["additional"])
    page.goto("/result")
    page.get_by_label("Add a note (kept with these answers only)").evaluate("box => box.value = 'x'.repeat(2001)")
    page.get_by_role("button", name="Save note").click()
    expect(page).to_have_title(re.compile("^Error: Level: Additional"))
    summary = page.get_by_role("alert")
    expect(summary).to_contain_text("Your note must be 2000 characters or fewer")
    summary.get_by_role("link").click()
    expect(page.get_by_label("Add a note (kept with these answers only)")).to_be_focused()
    axe.check(page, "result-note-error")
    page.reload()  # a GET (post/redirect/get): the refused note is not resubmitted, nor shown again
    expect(page).to_have_title(re.compile("^Level: Additional"))


def test_a_refused_case_reference_comes_back_by_get_so_back_never_resubmits(page):
    """Audit of issue 13 (2026-12-02): 'Save this assessment', the way to keep a result, rendered its
    error in answer to the POST, so Reload or Back offered to resubmit the form."""
    answer(page, **KINDS["additional"])
    page.goto("/result")
    page.get_by_role("button", name="Save this assessment").click()
    sign_in(page, "hv")
    expect(page.get_by_role("heading", level=1)).to_have_text("Save this assessment")
    page.get_by_label("Case reference").fill("Jane Smith")
    with page.expect_navigation() as shown:
        page.get_by_role("button", name="Save this assessment").click()
    assert shown.value.request.method == "GET" and shown.value.request.redirected_from.method == "POST"
    expect(page.get_by_role("alert")).to_contain_text("must not contain spaces")
    expect(page.get_by_label("Case reference")).to_have_value("Jane Smith")
    page.get_by_label("Case reference").fill("FSP-0013")
    page.get_by_role("button", name="Save this assessment").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Case FSP-0013")


@pytest.mark.parametrize(
    "kind, path",
    [
        ("child-in-need", "/document"),
        ("child-in-need", "/result"),
        ("child-in-need", "/referral"),
        ("child-in-need", "/check"),
        ("ring-now", "/result"),
        ("ring-now", "/referral"),
    ],
)
def test_the_pages_to_keep_reflow_at_320_pixels(page, kind, path):
    """WCAG 2.2 1.4.10 (Reflow): no sideways scrolling at 320 CSS pixels. Audit of issue 13
    (2026-12-02): the document's own long web addresses pushed /document to 504 pixels at a phone's
    375, and Children and Families Direct's email address pushed the referral and ring-now result to 372 at 320."""
    answer(page, **KINDS[kind])
    page.set_viewport_size({"width": 320, "height": 800})
    page.goto(path)
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 320
