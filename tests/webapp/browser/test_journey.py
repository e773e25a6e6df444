"""The whole journey in a real browser, clicking as a person would, with and without JavaScript.

Every page on the way is checked with axe-core for WCAG 2.2 AA; result pages are saved as
screenshots under test-artifacts/.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from pathway.catalogue import load_catalogue

CASES = {
    # name: (child answers, indicators to tick on the needs pages, expected panel title)
    "additional": (
        {"disability": "No", "caf": "No", "consent": "Yes"},
        ["additional.dental_decay_not_accessing", "additional.stress_factors_poor_housing"],
        "Additional",
    ),
    "child_in_need": (
        {"disability": "Yes, substantial and lifelong", "sibling": "No", "caf": "No", "consent": "Yes"},
        ["extensive.substantial_lifelong_disability_short_breaks"],
        "Child in Need",
    ),
}


@pytest.fixture(params=[True, False], ids=["js", "no-js"])
def page(request, browser, live_server):
    context = browser.new_context(java_script_enabled=request.param, base_url=live_server)
    page = context.new_page()
    page.js = request.param
    yield page
    context.close()


def _choose(page, group, label):
    """Choose a radio in a fieldset; `.first` because a revealed question nests inside its answer."""
    page.get_by_role("group", name=group).get_by_label(label, exact=True).first.check()


def _continue(page):
    page.get_by_role("button", name="Continue").click()


def _check(page, axe, name):
    if page.js:  # axe runs as JavaScript in the page; the no-JS run serves the same HTML
        axe.check(page, name)


def _start(page, axe):
    page.goto("/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Find the level of support a child needs")
    _check(page, axe, "start")
    page.get_by_role("button", name="Start now").click()
    expect(page.get_by_role("group", name="Do any of these apply to the child?")).to_be_visible()
    _check(page, axe, "safety")


@pytest.mark.parametrize("case", CASES)
def test_needs_journey_to_the_level(page, axe, artifacts, case):
    answers, ticks, level = CASES[case]
    catalogue = load_catalogue()
    _start(page, axe)

    _continue(page)  # nothing selected: the error summary appears
    expect(page.get_by_role("alert")).to_contain_text("There is a problem")
    expect(page).to_have_title(re.compile("^Error: "))
    _check(page, axe, "safety-error")
    page.get_by_label("None of these").check()
    _continue(page)

    expect(page.get_by_role("heading", level=1)).to_have_text("About the child")
    _check(page, axe, "child")
    _choose(page, "Has the child been born?", "Yes")
    page.get_by_label("Years").fill("8")
    page.get_by_label("Months").fill("2")
    _choose(page, "Does the child have a disability?", answers["disability"])
    if "sibling" in answers:  # revealed by the answer (always shown without JavaScript)
        _choose(page, "Is the child part of a large sibling group?", answers["sibling"])
    _choose(page, re.compile("Is a CAF"), answers["caf"])
    _choose(page, re.compile("consented to early help"), answers["consent"])
    page.get_by_role("group", name="What level is the child supported at now?").get_by_label("None, or not known").check()
    _continue(page)

    wanted = {catalogue.indicator(i).text for i in ticks}
    seen_pages = 0
    while page.get_by_role("heading", level=1).inner_text() != "Check your answers":
        seen_pages += 1
        expect(page.locator(".govuk-caption-l")).to_contain_text("Needs")
        expect(page.get_by_role("heading", level=1)).to_have_count(1)
        _check(page, axe, f"needs-{seen_pages}")
        for text in list(wanted):
            box = page.get_by_label(text, exact=True)
            if box.count():
                box.check()
                wanted.discard(text)
        _continue(page)
    assert not wanted, f"never offered: {wanted}"
    assert seen_pages == 8

    _check(page, axe, "check")
    for i in ticks:
        expect(page.locator(".govuk-summary-list")).to_contain_text(catalogue.indicator(i).text)
    page.get_by_role("button", name="See the level").click()

    expect(page.locator(".govuk-panel__title")).to_have_text(level)
    for i in ticks:
        expect(page.locator("main")).to_contain_text(catalogue.indicator(i).text)
    expect(page.get_by_role("heading", name="What to do next")).to_be_visible()
    _check(page, axe, f"result-{case}")
    page.screenshot(path=str(artifacts / f"result-{case}-{'js' if page.js else 'nojs'}.png"), full_page=True)
    page.emulate_media(media="print")
    expect(page.locator(".govuk-service-navigation")).to_be_hidden()
    expect(page.locator(".govuk-panel__title")).to_be_visible()
    page.screenshot(path=str(artifacts / f"result-{case}-print.png"), full_page=True)


def test_immediate_concern_goes_straight_to_ring_now(page, axe, artifacts):
    _start(page, axe)
    page.get_by_label(load_catalogue().indicator("immediate.significant_harm").text).check()
    _continue(page)
    expect(page.get_by_role("heading", level=1)).to_have_text("Ring Children and Families Direct now")
    expect(page.locator(".app-ring-now")).to_contain_text("0115 876 4800")
    expect(page.locator("main")).to_contain_text("Confirm the referral in writing within 24 hours")
    _check(page, axe, "result-immediate")
    page.screenshot(path=str(artifacts / f"result-immediate-{'js' if page.js else 'nojs'}.png"), full_page=True)


def test_none_of_these_is_exclusive(page, axe):
    """With JavaScript GOV.UK Frontend unticks the others; without it the server says why."""
    _start(page, axe)
    page.get_by_label("Child victims of trafficking").check()
    page.get_by_label("None of these").check()
    if page.js:
        expect(page.get_by_label("Child victims of trafficking")).not_to_be_checked()
        _continue(page)
    else:
        _continue(page)
        expect(page.get_by_role("alert")).to_contain_text("only if none of the others apply")
        page.get_by_label("Child victims of trafficking").uncheck()
        _continue(page)
    expect(page.get_by_role("heading", level=1)).to_have_text("About the child")


def test_disagreements_and_settings_pages(page, axe):
    page.goto("/")
    page.get_by_role("link", name="Resolving disagreements").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Resolving disagreements between agencies")
    expect(page.locator("main").get_by_role("heading", level=2)).to_have_count(2)
    _check(page, axe, "disagreements")
    page.goto("/settings?next=/")
    _check(page, axe, "settings")
    page.goto("/accessibility")
    _check(page, axe, "accessibility")


def test_change_link_from_check_answers(page, axe):
    _start(page, axe)
    page.get_by_label("None of these").check()
    _continue(page)
    _choose(page, "Has the child been born?", "Yes")
    page.get_by_label("Years").fill("3")
    for group, answer in [
        ("Does the child have a disability?", "No"),
        (re.compile("Is a CAF"), "No"),
        (re.compile("consented to early help"), "Not asked yet"),
        ("What level is the child supported at now?", "None, or not known"),
    ]:
        _choose(page, group, answer)
    _continue(page)
    while page.get_by_role("heading", level=1).inner_text() != "Check your answers":
        _continue(page)
    expect(page.locator(".govuk-summary-list")).to_contain_text("3 years")
    page.get_by_role("link", name="Change the child's age").click()
    expect(page.get_by_label("Years")).to_have_value("3")
    page.get_by_label("Years").fill("4")
    _continue(page)
    expect(page.get_by_role("heading", level=1)).to_have_text("Check your answers")
    expect(page.locator(".govuk-summary-list")).to_contain_text("4 years")
