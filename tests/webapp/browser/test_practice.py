"""Practice mode in a real browser: a trainer starts a session, a trainee joins and answers one
scenario right and one wrong (axe-core WCAG 2.2 AA on every practice page); a second trainee
answers without JavaScript."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from pathway.catalogue import load_catalogue
from tests.webapp.browser.conftest import TRAINER, sign_in


def _tick(page, indicator_id):
    page.get_by_label(load_catalogue().indicator(indicator_id).text, exact=True).check()


def _level(page, label):
    page.get_by_role("group", name="Which level of need does this child's situation meet?").get_by_label(label, exact=True).check()


def _join(page, code, name, axe=None):
    page.goto("/practice/")
    if axe:
        axe.check(page, "practice-index")
    page.get_by_role("button", name="Join a practice session").click()
    page.get_by_role("button", name="Join").click()
    expect(page.get_by_role("alert")).to_contain_text("There is a problem")
    if axe:
        axe.check(page, "practice-join-error")
    page.get_by_label("Join code").fill(code.lower())
    page.get_by_label("Your display name").fill(name)
    page.get_by_role("button", name="Join").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your scenarios")


def test_trainee_answers_right_and_wrong(browser, live_server, axe):
    trainer = browser.new_context(base_url=live_server).new_page()
    trainer.goto("/")
    trainer.get_by_role("link", name="Practise with training scenarios").click()
    trainer.get_by_role("button", name="Start a practice session").click()
    expect(trainer.get_by_role("heading", level=1)).to_have_text("Sign in")
    sign_in(trainer, TRAINER)
    axe.check(trainer, "practice-new")
    trainer.get_by_label("Bruises on a baby who is not yet crawling").check()
    trainer.get_by_label("Missing Mondays").check()
    trainer.get_by_role("button", name="Start the session").click()
    code = re.search(r"Practice session ([A-Z2-9]{6})", trainer.get_by_role("heading", level=1).inner_text()).group(1)
    axe.check(trainer, "practice-trainer")

    trainee = browser.new_context(base_url=live_server).new_page()
    _join(trainee, code, "Alex", axe)
    axe.check(trainee, "practice-trainee")

    # right: the bruised baby
    trainee.get_by_role("link", name=re.compile("Bruises on a baby")).click()
    expect(trainee.get_by_text("The child: 8 months old")).to_be_visible()
    trainee.get_by_role("button", name="Check my answer").click()  # no level: an error
    expect(trainee.get_by_role("alert")).to_contain_text("Select the level of need")
    axe.check(trainee, "practice-answer-error")
    _tick(trainee, "immediate.unexplained_bruising_under_2")
    _level(trainee, "Protection")
    trainee.get_by_role("button", name="Check my answer").click()
    expect(trainee.locator(".govuk-panel")).to_contain_text("That is the model answer")
    expect(trainee.locator("#missed")).to_contain_text("None")
    axe.check(trainee, "practice-feedback-right")

    # wrong: Missing Mondays
    trainee.get_by_role("button", name="Next scenario").click()
    expect(trainee.get_by_role("heading", level=1)).to_have_text("Missing Mondays")
    axe.check(trainee, "practice-answer")
    _tick(trainee, "additional.poor_school_attendance_exclusion")
    _tick(trainee, "extensive.persistent_absenteeism_school_without")
    _level(trainee, "Extensive")
    trainee.get_by_role("button", name="Check my answer").click()
    expect(trainee.locator(".govuk-panel")).to_contain_text("The model answer is Additional")
    expect(trainee.locator("#missed")).to_contain_text(load_catalogue().indicator("additional.not_achieving_key_stage").text)
    expect(trainee.locator("#over-called")).to_contain_text(load_catalogue().indicator("extensive.persistent_absenteeism_school_without").text)
    expect(trainee.locator("#teaching")).to_contain_text("persistent absenteeism")
    axe.check(trainee, "practice-feedback-wrong")

    # a second trainee, without JavaScript
    nojs = browser.new_context(base_url=live_server, java_script_enabled=False).new_page()
    _join(nojs, code, "Sam")
    nojs.get_by_role("link", name="2. Missing Mondays").click()
    _tick(nojs, "additional.poor_school_attendance_exclusion")
    _tick(nojs, "additional.not_achieving_key_stage")
    _level(nojs, "Additional")
    nojs.get_by_role("button", name="Check my answer").click()
    expect(nojs.locator(".govuk-panel")).to_contain_text("That is the model answer")

    trainer.reload()
    expect(trainer.get_by_role("heading", name="Trainees (2)")).to_be_visible()
    trainer.get_by_role("button", name="End the session and see the summary").click()
    expect(trainer.locator("#agreement")).to_contain_text("67% (2 of 3 answers chose the model level)")
    # only Missing Mondays has two answers: one scenario, so kappa is not defined (it was -1.00 "poor")
    expect(trainer.locator("#kappa")).to_contain_text("Not defined: it needs at least two scenarios")
    axe.check(trainer, "practice-summary")
    trainer.get_by_role("link", name="your practice sessions").click()  # the session, kept with the account (review 19 surfaces, S3)
    expect(trainer.locator("#your-sessions")).to_contain_text(f"{code}, started")
    axe.check(trainer, "practice-sessions")
    for context in (trainer.context, trainee.context, nojs.context):
        context.close()


def test_library_pages_are_accessible(browser, live_server, axe):
    page = browser.new_context(base_url=live_server).new_page()
    page.goto("/practice/scenarios")
    sign_in(page, TRAINER)
    expect(page.get_by_role("heading", level=1)).to_have_text("Scenario library")
    axe.check(page, "practice-library")
    page.get_by_role("button", name="Write a new scenario").click()
    page.get_by_role("button", name="Save to the library").click()
    expect(page.get_by_role("alert")).to_contain_text("Enter a title")
    axe.check(page, "practice-write-error")
    page.get_by_label("Title").fill("Toothache and a cold house")
    page.get_by_label("Narrative").fill("Mia, 8, has had toothache for weeks; the flat is cold.")
    for group, choice in [
        ("Has the child been born?", "Yes"),
        ("Does the child have a disability?", "No"),
        (re.compile("Is a CAF"), "No"),
        (re.compile("consented to early help"), "Yes"),
        ("What level is the child supported at now?", "None, or not known"),
        ("Is the child part of a large sibling group?", "Not known or not relevant"),
        ("Who is asking?", "A professional"),
    ]:
        page.get_by_role("group", name=group).get_by_label(choice, exact=True).check()
    page.get_by_label("Years", exact=True).fill("8")
    _tick(page, "additional.dental_decay_not_accessing")
    page.get_by_label("Why (teaching point)").fill("An Additional need.")
    page.get_by_label("Pages of the threshold document").fill("13-14")
    page.get_by_label("Common mistake").fill("Calling it Universal.")
    page.get_by_role("button", name="Preview the decision").click()
    expect(page.locator("#preview-decision")).to_contain_text("The rules' decision: Additional")
    axe.check(page, "practice-write-preview")
    page.get_by_role("button", name="Save to the library").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Saved ‘Toothache and a cold house’")
    axe.check(page, "practice-library-saved")
    page.get_by_role("link", name="Every version of Toothache and a cold house").click()  # issue 15's versions page
    expect(page.locator("#versions")).to_contain_text(TRAINER)
    axe.check(page, "practice-versions")
    page.goto("/practice/scenarios/import")
    page.get_by_role("button", name="Import").click()
    expect(page.get_by_role("alert")).to_contain_text("Select a scenario file")
    axe.check(page, "practice-import-error")
    page.context.close()
