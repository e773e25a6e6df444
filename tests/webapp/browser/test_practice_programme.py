"""The trainers' new pages in a real browser, each under axe-core: the library grouped with
"Select all in this group", a cohort label, the trainee's find box and the empty-answer nudge,
the summary's new tables, the cohort page and a scenario's versions."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from tests.webapp.browser.conftest import TRAINER, sign_in
from tests.webapp.browser.test_practice import _join, _level, _tick


def test_a_programme_session(browser, live_server, axe):
    trainer = browser.new_context(base_url=live_server).new_page()
    trainer.goto("/practice/new?group_by=age")
    sign_in(trainer, TRAINER)
    trainer.goto("/practice/new?group_by=age")
    trainer.get_by_role("button", name=re.compile(r"Select all in this group\W+Under 2")).click()
    expect(trainer.get_by_label("Bruises on a baby who is not yet crawling")).to_be_checked()
    axe.check(trainer, "practice-new-grouped")
    # another part of the library: Show keeps what is ticked (audit of issue 15)
    trainer.get_by_label("Level of the model answer").select_option("universal")
    trainer.get_by_role("button", name="Show", exact=True).click()
    expect(trainer.locator('input[type="hidden"][name="scenarios"][value="age-under-2-bruising"]')).to_have_count(1)
    axe.check(trainer, "practice-new-filtered")
    trainer.get_by_label("Cohort label (optional)").fill("Browser cohort")
    trainer.get_by_role("button", name="Start the session").click()
    code = re.search(r"Practice session ([A-Z2-9]{6})", trainer.get_by_role("heading", level=1).inner_text()).group(1)

    trainee = browser.new_context(base_url=live_server).new_page()
    _join(trainee, code, "Robin")
    trainee.get_by_role("link", name=re.compile("Bruises on a baby")).click()
    trainee.get_by_label("Find indicators").fill("bruising")
    trainee.get_by_role("button", name="Find", exact=True).click()
    expect(trainee.locator("#found")).to_contain_text("Showing the indicators that match")
    axe.check(trainee, "practice-answer-found")
    _level(trainee, "Universal")
    trainee.get_by_role("button", name="Check my answer").click()
    expect(trainee.get_by_text("You have not selected any indicator")).to_be_visible()
    axe.check(trainee, "practice-answer-nudge")
    _tick(trainee, "immediate.unexplained_bruising_under_2")
    _level(trainee, "Protection")
    trainee.get_by_role("button", name="Check my answer").click()
    expect(trainee.get_by_text("That is the model answer").first).to_be_visible()

    trainer.get_by_role("button", name="End the session and see the summary").click()
    expect(trainer.locator("#trainees")).to_contain_text("Robin")
    axe.check(trainer, "practice-summary-full")
    trainer.goto("/practice/cohorts")
    axe.check(trainer, "practice-cohorts")
    trainer.get_by_role("link", name="Browser cohort").click()
    expect(trainer.get_by_role("img", name=re.compile("Agreement with the model answer in each session"))).to_be_visible()
    axe.check(trainer, "practice-cohort")
