"""The result page shows what rules.evaluate decided: level, reasons, actions, contacts."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from pathway.catalogue import load_catalogue
from tests.webapp.conftest import CHILD, NEVER_OPEN, text, walk_needs
from webapp import create_app


def _needs_result(client, child, ticks):
    client.post("/safety", data={"immediate": "none"})
    assert client.post("/child", data=child).status_code == 302
    walk_needs(client, ticks)
    return client.get("/result")


def test_additional_result_has_level_reasons_actions_and_contacts(client):
    r = _needs_result(client, CHILD, {"health": ["additional.dental_decay_not_accessing"], "family_environment": ["additional.stress_factors_poor_housing"]})
    words = text(r)
    assert r.status_code == 200
    assert (
        '<h1 class="govuk-panel__title">\n    Additional' in r.get_data(as_text=True)
        or "govuk-panel__title" in r.get_data(as_text=True)
        and "Additional The level of support" in words
    )
    assert "Dental decay and not accessing treatment" in words
    assert load_catalogue().indicator("additional.dental_decay_not_accessing").source.cite() in words
    info = load_catalogue().level("additional")
    for action in info.actions:
        assert action in words
    assert "Who to contact" in words and "Contact first" in words
    assert "Ring now" not in words  # "Ring now" only for a contact to ring now (Protection)
    assert "Ruleset fsp-2014" in words


def test_child_in_need_by_substantial_lifelong_disability(client):
    r = _needs_result(
        client,
        {**CHILD, "disability": "substantial_lifelong", "large_sibling_group": "no"},
        {"health": ["extensive.substantial_lifelong_disability_short_breaks"]},
    )
    words = text(r)
    assert "Child in Need The level of support" in words
    assert "Make the referral to the Disabled Children's Team on 0115 883 8266" in words  # a disabled Child in Need (p23; p37)


def test_step_up_guidance_when_supported_at_a_lower_level(client):
    r = _needs_result(client, {**CHILD, "current_level": "universal"}, {"health": ["additional.dental_decay_not_accessing"]})
    words = text(r)
    assert "Stepping up" in words
    step = load_catalogue().guidance.step_up_early_help.text  # within early help (review 6, F7)
    assert step in words
    assert words.count(step) == 1  # not repeated under Guidance


def test_no_needs_is_universal(client):
    r = _needs_result(client, CHILD, {})
    assert "Universal The level of support" in text(r)


def test_immediate_indicator_goes_straight_to_ring_now(client):
    r = client.post("/safety", data={"immediate": ["immediate.significant_harm"]})
    assert r.headers["Location"] == "/result"
    r = client.get("/result")
    words = text(r)
    assert "Ring Children and Families Direct now" in words  # ALWAYS_OPEN office hours
    assert "govuk-panel" not in r.get_data(as_text=True)  # the panel is for neutral outcomes only
    warning = re.search(r'class="govuk-warning-text app-ring-now">(.*?)</div>', r.get_data(as_text=True), re.S).group(1)
    assert 'href="tel:01158764800">0115 876 4800</a>' in warning
    assert "0115 876 4800" in words
    assert "Confirm the referral in writing within 24 hours" in words
    assert "You are a professional referrer" not in words  # the guidance's words, not said again


def test_immediate_out_of_hours_rings_the_emergency_duty_team(tmp_path):
    app = create_app(
        {"TESTING": True, "WTF_CSRF_ENABLED": False, "SECRET_KEY": "t", "DATABASE_URL": f"sqlite:///{tmp_path / 'o.sqlite3'}", "OFFICE_HOURS": NEVER_OPEN}
    )
    client = app.test_client()
    client.post("/safety", data={"immediate": ["immediate.trafficking_victim"]})
    words = text(client.get("/result"))
    assert "Ring the Emergency Duty Team now" in words
    assert "0115 876 1000" in words
    assert "Day services are closed" in words


def test_immediate_unborn_concern_is_assessed_as_unborn(client):
    client.post("/safety", data={"immediate": ["immediate.unborn_significant_harm"]})
    r = client.get("/result")
    assert r.status_code == 200 and "Refer to Social Care now on" in text(r)


def test_unborn_with_born_child_concern_rings_now_and_says_which_it_was_decided_without(client):
    """Two p9 boxes for two children: refused whole once, so neither rang (review 13 surfaces, X1). The
    unborn baby's concern rings now; the born child's is named as decided without, for its age band."""
    r = client.post("/safety", data={"immediate": ["immediate.unborn_significant_harm", "immediate.unexplained_bruising_under_2"]}, follow_redirects=True)
    assert r.status_code == 200
    words = text(r)
    assert "Refer to Social Care now" in words and "Decided without ‘Under two years old and has unexplained bruising’" in words


def test_result_page_is_printable_without_navigation(client):
    html = _needs_result(client, CHILD, {}).get_data(as_text=True)
    assert 'media="print"' in html
    css = client.get("/static/app/print.css").get_data(as_text=True)
    for chrome in (".govuk-service-navigation", ".govuk-footer", ".govuk-back-link"):
        assert chrome in css


@pytest.mark.parametrize("path", ["/", "/safety", "/disagreements", "/accessibility"])
def test_every_page_links_stylesheet_and_module_script(client, path):
    html = client.get(path).get_data(as_text=True)
    assert "/static/govuk/govuk-frontend.min.css" in html
    assert re.search(
        r'<script type="module" src="/static/app/app\.js\?v=[0-9a-f]+"\s+'
        r'data-govuk-frontend="/static/govuk/govuk-frontend\.min\.js\?v=[0-9a-f]+"></script>',
        html,
    )


def test_ring_now_time_is_shown_in_uk_time(client, monkeypatch):
    from datetime import datetime, timezone

    import webapp.journey.decide as decide

    real = decide.decide_despite_refusals

    def at_summer_noon(case, **kwargs):
        return real(case, now=datetime(2026, 7, 1, 11, 0, tzinfo=timezone.utc), **kwargs)

    monkeypatch.setattr(decide, "decide_despite_refusals", at_summer_noon)
    client.post("/safety", data={"immediate": ["immediate.trafficking_victim"]})
    assert "Checked on 1 July 2026 at 12:00 (UK time)" in text(client.get("/result"))


def test_protection_for_a_disabled_child_in_a_large_sibling_group(client):
    client.post("/safety", data={"immediate": "none"})
    client.post("/child", data={**CHILD, "disability": "substantial_lifelong", "large_sibling_group": "yes"})
    protection = next(i for i in load_catalogue().indicators if i.level.value == "protection" and not i.immediate and not i.age_band)
    walk_needs(
        client, {next(p.id for p in __import__("webapp.journey.pages", fromlist=["x"]).needs_pages() if protection.id in p.indicator_ids()): [protection.id]}
    )
    words = text(client.get("/result"))
    assert "This is a Protection concern: refer to Social Care now on" in words
    assert "Secondary worker for the disabled child" in words and "part of a large sibling group" in words
    assert "Confirm the referral in writing within 24 hours" in words  # caller=professional, said once


def test_a_rules_failure_shows_who_to_ring_not_a_stack_trace(client, monkeypatch):
    import webapp.journey.decide as decide
    from rules import RulesError

    def broken(*_args, **_kwargs):
        raise RulesError("boom")

    monkeypatch.setattr(decide, "decide_despite_refusals", broken)
    client.post("/safety", data={"immediate": ["immediate.trafficking_victim"]})
    r = client.get("/result")
    assert r.status_code == 500
    words = text(r)
    assert "0115 876 4800" in words and "0115 876 1000" in words
    assert "Traceback" not in words and "boom" not in words


def test_twins_in_the_same_words_and_level_are_one_line_of_a_reason(client):
    """Young carers is listed at Additional under two dimensions: chosen twice, it is said once."""
    r = _needs_result(
        client, CHILD, {"family_environment": ["additional.young_carers_family"], "family_social_relationships": ["additional.young_carers_child"]}
    )
    words = text(r)
    why = words[words.index("Why") : words.index("What to do next")]
    assert why.count("Young carers (Additional)") == 1


def test_the_written_referral_has_each_part_and_blank_lines_for_what_is_never_stored(app):
    from tests.webapp.conftest import signed_in_client

    client = signed_in_client(app, "pat", "practitioner", "Early Help North")
    _needs_result(
        client,
        {**CHILD, "disability": "substantial_lifelong", "large_sibling_group": "no"},
        {"health": ["extensive.substantial_lifelong_disability_short_breaks"], "family_environment": ["additional.stress_factors_poor_housing"]},
    )
    client.post("/note", data={"note": "Seen at the surgery."})
    plain = client.get("/referral.txt").get_data(as_text=True)
    for line in [
        "Child's name: ____",
        "Date of birth: ____",
        "Address: ____",
        "Your role (from your account): practitioner, Early Help North",
        "Child's age: 8 years 2 months",
        "DECISION: Child in Need",
        "CHILD AND YOUNG PERSON'S HEALTH AND DEVELOPMENT",
        "PARENTS AND CARERS",
        "FAMILY AND ENVIRONMENTAL FACTORS",
        "Stress factors",
        "REASONS",
        "WHAT TO DO NEXT",
        "CONTACTS",
        "Seen at the surgery.",
    ]:
        assert line in plain, line
    assert "- None recorded" in plain.split("PARENTS AND CARERS")[1].split("FAMILY AND")[0]
    page = text(client.get("/referral"))
    assert "Referral summary" in page and "Download as PDF" in page
    # Appendix 3's timescales (p37), read from the catalogue's `timescales`
    for words in [
        "Confirm the referral in writing within 24 hours",
        "acknowledge it within one working day",
        "no acknowledgement within 3 working days",
        "decides and records next steps within one working day",
        "undertaken within a maximum of 10 working days of the date of the referral",
        "completed within a maximum of 45 working days",
    ]:
        assert words in page, words
    pdf = client.get("/referral.pdf")
    assert pdf.mimetype == "application/pdf" and pdf.data.startswith(b"%PDF")


def test_what_would_change_the_level_is_on_the_result(client):
    """Computed by the rules: with one Additional need a failing CAF changes nothing (the catalogue's
    min_needs), with two it makes the case Extensive."""
    one = text(_needs_result(client, CHILD, {"health": ["additional.dental_decay_not_accessing"]}))
    assert "What would change the level" in one
    assert "A CAF open and not improving outcomes would make" not in one
    assert "Without ‘Dental decay and not accessing treatment’ (Additional), this would be Universal" in one
    two = text(
        _needs_result(client, CHILD, {"health": ["additional.dental_decay_not_accessing"], "family_environment": ["additional.stress_factors_poor_housing"]})
    )
    assert "A CAF open and not improving outcomes would make this Extensive" in two


def test_what_would_change_the_level_reads_lower_and_higher_against_the_support_now(client):
    """Review 7, F4: supported at Protection, the page said 'Without Victim of crime (Protection), this
    would be Universal' with no word that step-down is a managed process (p5; Appendix 1, p24), and
    listed Extensive as 'a higher level' for a family at Protection with an Additional need."""
    page = text(_needs_result(client, {**CHILD, "current_level": "protection"}, {"parents_carers": ["protection.victim_crime"]}))
    section = page.split("What would change the level")[1]
    assert "Without ‘Victim of crime’ (Protection), this would be Universal" in section
    held = section.split("Staying at the same level")[0]  # the list, before the step guidance
    assert "step-down from Child in Need or Protection is a managed process" in held
    assert "agreed with the allocated social worker (the tool's reading" in held  # review 9 G4
    assert "Appendix 1, p24" in held
    client.post("/start-again")
    page = text(_needs_result(client, {**CHILD, "current_level": "protection"}, {"parents_carers": ["additional.lack_routine"]}))
    section = page.split("What would change the level")[1]
    listed = section.split("Assessments and services for this child")[0]
    assert "would make this Extensive" not in listed and "a higher level" not in listed
    assert "Without ‘Lack of routine’ (Additional), this would be Universal" in listed
    assert "agreed with the allocated social worker (the tool's reading" in listed


def test_without_pango_the_pdf_says_so_and_keeps_the_answers(client, monkeypatch):
    import builtins

    real_import = builtins.__import__

    def no_pango(name, *args, **kwargs):
        if name == "weasyprint":
            raise OSError("cannot load library 'libpango-1.0-0'")
        return real_import(name, *args, **kwargs)

    _needs_result(client, CHILD, {})
    monkeypatch.setattr(builtins, "__import__", no_pango)
    r = client.get("/referral.pdf")
    monkeypatch.undo()
    assert r.status_code == 503 and "The PDF cannot be made just now" in text(r)
    assert client.get("/referral").status_code == 200


def test_the_result_gives_the_level_threshold_and_further_information(client):
    """The level's threshold (p4) and the document's further information at that level (p13-16)."""
    words = text(_needs_result(client, CHILD, {"health": ["additional.dental_decay_not_accessing"]}))
    assert "Threshold: Common Assessment Framework (CAF) threshold" in words
    assert "Further information at this level" in words and "The Teenage Pregnancy Pathway" in words
    universal = text(_needs_result(client, CHILD, {}))
    assert "Threshold: No threshold" in universal and "Further information at this level" not in universal


def test_what_holds_the_level_reads_as_a_sentence_for_every_kind_of_change(client):
    """Audit of issue 13 (2026-12-02): a CAF change in "what holds the level" read "The CAF improving
    outcomes this would be Additional"; each line is now a sentence whatever the change is."""
    caf_failing = {**CHILD, "caf": "open_not_improving"}
    r = _needs_result(
        client, caf_failing, {"health": ["additional.dental_decay_not_accessing"], "education_learning": ["additional.poor_school_attendance_exclusion"]}
    )
    words = text(r)
    assert "Extensive The level of support" in words
    held = words.split("What holds the level where it is:")[1].split("Assessments and services")[0]
    assert "The CAF improving outcomes would make this Additional" in held
    assert "Without ‘Dental decay and not accessing treatment’ (Additional), this would be Additional" in held
    assert "outcomes this would be" not in held


class _PagesOutsideLinks(HTMLParser):
    """Text naming a document page ("p9", "p13-14") that is not inside a link (forms' text aside)."""

    def __init__(self):
        super().__init__()
        self.inside = {"a": 0, "textarea": 0, "script": 0}
        self.loose: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in self.inside:
            self.inside[tag] += 1

    def handle_endtag(self, tag):
        if tag in self.inside:
            self.inside[tag] -= 1

    def handle_data(self, data):
        if not any(self.inside.values()):
            self.loose += re.findall(r"\bp\d+", data)


@pytest.mark.parametrize("immediate", ["immediate.significant_harm", "none"])
def test_every_page_cited_on_the_result_and_the_referral_opens_the_document(client, immediate):
    """Audit of issue 13 (2026-12-02): 'Every citation links to the document's own words for that
    page'. The ring-now result's how-to-confirm-in-writing (Appendix 3, p37; the email, p4) and its
    'what would change' (p9), and the referral page's needs and reasons, were plain text."""
    client.post("/safety", data={"immediate": immediate})
    if immediate == "none":
        assert client.post("/child", data=CHILD).status_code == 302
        walk_needs(client, {"health": ["additional.dental_decay_not_accessing"]})
    for path in ("/result", "/referral"):
        found = _PagesOutsideLinks()
        found.feed(client.get(path).get_data(as_text=True))
        assert found.loose == [], (path, found.loose)


def test_the_note_is_kept_with_the_answers_and_never_logged_or_put_in_an_address(client, caplog):
    """Issue 13: the note is 'kept in the session and in the print and referral, never in logs'."""
    import logging

    caplog.set_level(logging.DEBUG)
    secret = "NOTE-SECRET-5521 seen at home"
    client.post("/safety", data={"immediate": ["immediate.significant_harm"]})
    kept = client.post("/note", data={"note": secret})
    refused = client.post("/note", data={"note": secret + "x" * 2000})
    assert secret not in kept.location and secret not in refused.location
    pages = [client.get(path).get_data(as_text=True) for path in ("/result", "/referral", "/referral.txt")]
    assert all(secret in page for page in pages)
    assert secret not in caplog.text


def test_a_protection_result_reads_a_twin_as_its_other_reading_and_never_as_a_way_out(client):
    """Review 7 surfaces F4: under 'Ring ... now', 'Without No fixed abode or homeless (Protection),
    this would be Universal' was the only line; the page's own twin guidance gives 'Family / child
    homeless' (Extensive, p15-16) as the other reading of the same fact."""
    page = text(_needs_result(client, {**CHILD, "age_years": "10", "age_months": "0"}, {"family_environment": ["protection.no_fixed_abode_homeless"]}))
    assert "now" in page.split("What would change the level")[0]
    section = page.split("What would change the level")[1].split("Assessments and services for this child")[0]
    assert "Without ‘No fixed abode or homeless’" not in section and "this would be Universal" not in section
    assert "Read as ‘Family / child homeless’ (Extensive, p15-16) instead of ‘No fixed abode or homeless’ (Protection, p17): this would be Extensive" in section
    assert "suffering or likely to suffer significant harm" in section
    assert "professional judgement" in section and "with your reason" in section
    assert "discuss it with your line manager and/or agency safeguarding lead" in section
