"""The adviser's call screen in a real browser, by keyboard alone, with and without JavaScript.

No clicks: every step is a key press, as an adviser on a headset would work. axe-core checks the
page (WCAG 2.2 AA) empty, with the live results open, in the put-through-now state and with an error.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from pathway.catalogue import load_catalogue

URL = "/adviser/"


def text(iid: str) -> str:
    return load_catalogue().indicator(iid).text


@pytest.fixture
def context_for(browser, live_server):
    contexts = []

    def make(js: bool):
        context = browser.new_context(java_script_enabled=js, base_url=live_server, permissions=["clipboard-read", "clipboard-write"] if js else [])
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()


def tab_to(page, selector: str, backwards: bool = False, limit: int = 60) -> None:
    """Press Tab (or Shift+Tab) until the element matching `selector` has the focus."""
    for _ in range(limit):
        if page.evaluate("s => { const e = document.activeElement; return !!e && e.matches(s) }", selector):
            return
        page.keyboard.press("Shift+Tab" if backwards else "Tab")
    raise AssertionError(f"Tab never reached {selector}")


def test_a_whole_call_by_keyboard_with_javascript(context_for, axe):
    page = context_for(True)
    page.goto(URL)
    expect(page.get_by_role("heading", level=1)).to_have_text(re.compile("Call screen"))
    expect(page.locator("#app-route")).to_contain_text("No route yet")
    axe.check(page, "adviser-empty")

    tab_to(page, "#age_years")
    page.keyboard.type("7")
    tab_to(page, 'input[name="caller"]')
    page.keyboard.press("ArrowRight")  # Parent or carer -> Professional
    expect(page.get_by_label("Professional")).to_be_checked()

    tab_to(page, "#q")
    page.keyboard.type("no routine")
    options = page.get_by_role("listbox", name="Concerns found").get_by_role("option")
    expect(options.first).to_contain_text(text("additional.lack_routine"))
    expect(page.locator("#q")).to_have_attribute("aria-expanded", "true")
    axe.check(page, "adviser-results")
    page.keyboard.press("Enter")
    expect(page.locator("#app-chosen")).to_contain_text(text("additional.lack_routine"))
    expect(page.locator("#app-level")).to_contain_text("Additional")
    expect(page.locator("#app-route")).to_contain_text("Family Support Services")
    expect(page.locator("#app-status")).to_have_text(
        "Level: Additional. Put through to Family Support Services, through Children and Families Direct on 0115 876 4800."
    )
    expect(page.locator("#q")).to_be_focused()
    expect(page.locator("#q")).to_have_value("")

    # arrows move through the results; Enter adds the highlighted one (here an immediate concern)
    page.keyboard.type("injur")
    expect(options.first).to_be_visible()
    wanted = text("immediate.unexplained_injuries")
    expect(options.filter(has_text=wanted)).to_have_count(1)  # the results for the whole word are in
    texts = page.eval_on_selector_all("#app-search-options [role=option]", "els => els.map(e => e.textContent)")
    target = next(i for i, t in enumerate(texts) if wanted in t)
    expect(options.first).to_have_attribute("aria-selected", "true")  # the first is preselected: Enter adds it
    for _ in range(max(target, 1)):
        page.keyboard.press("ArrowDown")
    if target == 0:
        page.keyboard.press("ArrowUp")
    expect(options.nth(target)).to_have_attribute("aria-selected", "true")
    active = page.locator("#q").get_attribute("aria-activedescendant")
    assert active == options.nth(target).get_attribute("id")
    page.keyboard.press("Enter")
    panel = page.locator("#app-put-through")
    expect(panel).to_contain_text("Put the call through now")
    expect(panel).to_contain_text("Screening and Duty Team")
    expect(panel).to_contain_text("0115 876 4800")
    expect(page.get_by_label(wanted)).to_be_checked()
    expect(page.locator("#app-decision")).to_contain_text("confirm the referral in writing within 24 hours")
    axe.check(page, "adviser-put-through")

    # copy the summary
    tab_to(page, "#app-copy")
    page.keyboard.press("Enter")
    expect(page.locator("#app-copy-status")).to_have_text("Copied.")
    copied = page.evaluate("() => navigator.clipboard.readText()")
    assert "Caller: Professional" in copied and "Children and Families Direct: call summary" in copied

    # remove the first concern with Delete on its Remove button
    tab_to(page, "[data-app-remove]")
    page.keyboard.press("Delete")
    expect(page.locator("#app-chosen")).not_to_contain_text(text("additional.lack_routine"))
    expect(page.locator("#q")).to_be_focused()

    # untick the immediate question by keyboard: the put-through state goes
    tab_to(page, 'input[value="immediate.unexplained_injuries"]', backwards=True)
    page.keyboard.press("Space")
    expect(panel).not_to_contain_text("Put the call through now")
    expect(page.locator("#app-route")).to_contain_text("No route yet")

    # a wrong age: the error shows at once, and axe still passes
    tab_to(page, "#age_years", backwards=True)
    page.keyboard.press("Backspace")
    page.keyboard.type("x")
    expect(page.locator("#app-errors")).to_contain_text("Enter the child's age in years as a whole number")
    expect(page.locator("#age_years-error")).to_be_visible()
    expect(page).to_have_title(re.compile("^Error: Call screen"))
    axe.check(page, "adviser-error")


def test_a_whole_call_by_keyboard_without_javascript(context_for):
    page = context_for(False)
    page.goto(URL)
    tab_to(page, "#age_years")
    page.keyboard.type("7")
    tab_to(page, "#q")
    page.keyboard.type("no routine")
    page.keyboard.press("Enter")  # the form's first button is Search
    expect(page.locator("#app-results")).to_contain_text("concerns found for ‘no routine’")
    expect(page.locator("#age_years")).to_have_value("7")
    tab_to(page, 'button[name="add"][value="additional.lack_routine"]')
    page.keyboard.press("Enter")
    expect(page.locator("#app-chosen")).to_contain_text(text("additional.lack_routine"))
    expect(page.locator("#app-level")).to_contain_text("Additional")
    expect(page.locator("#app-route")).to_contain_text("Family Support Services, through Children and Families Direct on 0115 876 4800")
    expect(page.locator("#app-copy")).to_be_hidden()  # copying needs JavaScript; the text can still be selected

    page.locator("body").focus()
    tab_to(page, 'input[value="immediate.significant_harm"]')
    page.keyboard.press("Space")
    tab_to(page, "#app-update")
    page.keyboard.press("Enter")
    expect(page.locator("#app-put-through")).to_contain_text(
        "Put the call through now to the Screening and Duty Team, through Children and Families Direct on 0115 876 4800"
    )
    expect(page.locator("#app-chosen")).to_contain_text(text("additional.lack_routine"))

    tab_to(page, "[data-app-remove]")
    page.keyboard.press("Enter")
    expect(page.locator("#app-chosen")).to_contain_text("None yet besides the immediate referral")
    expect(page.locator("#app-put-through")).to_contain_text("Put the call through now")
    assert "immediate" not in page.url and "routine" not in page.url


def test_a_question_ticked_while_an_update_is_on_its_way_stays_ticked(context_for):
    """A reply to an older state must not undo a newer tick (found by benchmarks/call_speed.py)."""
    page = context_for(True)
    page.goto(URL)
    tab_to(page, "#age_years")
    page.keyboard.type("6")
    tab_to(page, 'input[value="immediate.trafficking_victim"]', backwards=True)
    page.keyboard.press("Space")
    expect(page.locator("#app-put-through")).to_contain_text("Put the call through now")
    expect(page.get_by_label(text("immediate.trafficking_victim"))).to_be_checked()
    expect(page.locator("#app-level")).to_contain_text("Protection")


def test_two_tabs_on_one_call_do_not_overwrite_each_other(browser, live_server, axe):
    context = browser.new_context(base_url=live_server)
    first, second = context.new_page(), context.new_page()
    try:
        first.goto(URL)
        second.goto(URL)
        first.locator("#q").fill("no routine")
        expect(first.get_by_role("option").first).to_contain_text(text("additional.lack_routine"))
        first.locator("#q").press("Enter")
        expect(first.locator("#app-chosen")).to_contain_text(text("additional.lack_routine"))
        # this tab still shows the empty call. One click, not Playwright's check(): the refused change
        # reloads the page, and check() may click again on the reloaded page (the server then rightly
        # takes that second, up-to-date click), which made this test flaky.
        second.get_by_label(text("immediate.trafficking_victim")).evaluate("box => box.click()")
        expect(second.get_by_role("alert")).to_contain_text("This call was changed in another tab or window")
        axe.check(second, "adviser-conflict")
        expect(second.locator("#app-chosen")).to_contain_text(text("additional.lack_routine"))
        expect(second.get_by_label(text("immediate.trafficking_victim"))).not_to_be_checked()
        second.get_by_label(text("immediate.trafficking_victim")).check()
        expect(second.locator("#app-put-through")).to_contain_text("Put the call through now")
    finally:
        context.close()


def test_a_reload_shows_the_call_as_saved_not_the_browsers_memory_of_the_form(context_for):
    """The conflict path reloads the page; the browser must not tick back what the server never took."""
    page = context_for(js=True)
    page.goto(URL)

    def lose_updates(route):  # the change never reaches the server
        route.abort() if route.request.method == "POST" else route.continue_()

    page.route("**/adviser/", lose_updates)
    box = page.get_by_label(text("immediate.trafficking_victim"))
    box.check()
    expect(page.get_by_text("The decision shown may be out of date")).not_to_have_count(0)
    page.unroute("**/adviser/")
    page.reload()
    expect(page.get_by_label(text("immediate.trafficking_victim"))).not_to_be_checked()
    expect(page.locator("#app-put-through")).not_to_contain_text("Put the call through now")
