"""Every page renders as a GOV.UK page, and each question page refuses bad answers clearly."""

from __future__ import annotations

import re

from pathway.catalogue import load_catalogue
from tests.webapp.conftest import CHILD, text, walk_needs
from webapp.journey.pages import needs_pages


def test_start_page_says_what_the_tool_is_for_and_its_ruleset(client):
    r = client.get("/")
    assert r.status_code == 200
    words = text(r)
    assert "does not replace, your professional judgement" in words
    assert load_catalogue().version in words
    assert "2014-07-02" in words
    assert 'href="/safety"' in r.get_data(as_text=True)


def test_safety_lists_every_immediate_indicator_and_an_exclusive_none(client):
    html = client.get("/safety").get_data(as_text=True)
    for ind in load_catalogue().indicators:
        assert (f'value="{ind.id}"' in html) == ind.immediate
    assert 'data-behaviour="exclusive"' in html
    assert "govuk-checkboxes__divider" in html


def test_safety_without_an_answer_shows_summary_and_inline_error(client):
    r = client.post("/safety", data={}, follow_redirects=True)
    html = r.get_data(as_text=True)
    assert r.status_code == 200
    assert "<title>Error: " in html
    assert "There is a problem" in html
    assert 'href="#immediate"' in html  # links to the first checkbox
    assert 'id="immediate"' in html
    assert html.count("Select if any of these apply") == 2  # summary and inline


def test_safety_refuses_none_with_another_indicator(client):
    r = client.post("/safety", data={"immediate": ["none", "immediate.significant_harm"]}, follow_redirects=True)
    assert "Select ‘None of these’ only if none of the others apply" in text(r)


def test_safety_refuses_a_value_not_offered(client):
    r = client.post("/safety", data={"immediate": ["additional.dental_decay_not_accessing"]}, follow_redirects=True)
    assert r.status_code == 200
    assert "There is a problem" in text(r)


def test_child_page_errors_name_each_missing_answer(client):
    client.post("/safety", data={"immediate": "none"})
    r = client.post("/child", data={"born": "yes"}, follow_redirects=True)
    words = text(r)
    for message in [
        "Enter the child's age in years",
        "Select whether the child has a disability",
        "Select whether a CAF is open",
        "Select the level the child is supported at now",
    ]:
        assert message in words
    assert 'href="#age_years"' in r.get_data(as_text=True)


def test_child_age_must_be_a_whole_number_in_range(client):
    client.post("/safety", data={"immediate": "none"})
    assert "as a whole number" in text(client.post("/child", data={**CHILD, "age_years": "eight"}, follow_redirects=True))
    assert "between 0 and 25" in text(client.post("/child", data={**CHILD, "age_years": "26"}, follow_redirects=True))
    assert "between 0 and 11" in text(client.post("/child", data={**CHILD, "age_months": "12"}, follow_redirects=True))
    r = client.post("/child", data={**CHILD, "born": "no"}, follow_redirects=True)
    assert "Leave the age blank for an unborn child" in text(r)


def test_needs_pages_follow_the_catalogue_grouped_by_dimension(client):
    client.post("/safety", data={"immediate": "none"})
    client.post("/child", data=CHILD)
    pages = needs_pages()
    assert [p.id for p in pages][-2:] == ["parents_carers", "family_environment"]
    r = client.get("/needs/parents_carers")
    legends = [
        re.sub(r"\s+", " ", x).strip() for x in re.findall(r'<legend class="govuk-fieldset__legend[^"]*">(.*?)</legend>', r.get_data(as_text=True), re.S)
    ]
    assert legends == [d.name for d in load_catalogue().dimensions if d.domain == "parents_carers"]
    assert "Needs 7 of 8" in text(r)


def test_needs_pages_leave_out_indicators_outside_the_childs_age(client):
    client.post("/safety", data={"immediate": "none"})
    client.post("/child", data=CHILD)  # 8 years 2 months
    html = client.get("/needs/health").get_data(as_text=True)
    assert 'value="additional.pregnant_under_17"' in html  # under 17 admits 8
    client.post("/child", data={**CHILD, "age_years": "17", "age_months": "0"})
    too_old = [i for i in load_catalogue().indicators if i.age_band in ("pre_school", "sexual_activity_under_13")]
    page_html = "".join(client.get(f"/needs/{p.id}").get_data(as_text=True) for p in needs_pages())
    assert too_old
    for ind in too_old:
        assert f'value="{ind.id}"' not in page_html
    assert 'value="extensive.substantial_lifelong_disability_short_breaks"' in page_html
    # a parent's band is offered for a baby: the words are the young parent's age (issue 11)
    client.post("/child", data={**CHILD, "age_years": "0", "age_months": "6"})
    baby_html = "".join(client.get(f"/needs/{p.id}").get_data(as_text=True) for p in needs_pages())
    assert 'value="extensive.teenage_parents_with_concerns"' in baby_html


def test_unborn_child_is_not_offered_banded_indicators(client):
    client.post("/safety", data={"immediate": "none"})
    client.post("/child", data={**CHILD, "born": "no", "age_years": "", "age_months": ""})
    catalogue = load_catalogue()
    # the child's own bands (a parent's band, e.g. pregnant under 17, may be about an unborn baby's mother)
    banded = [
        i
        for i in catalogue.indicators
        if i.age_band and not i.immediate and catalogue.band(i.age_band).subject == "child" and catalogue.band(i.age_band).unborn != "only"
    ]
    page_html = "".join(client.get(f"/needs/{p.id}").get_data(as_text=True) for p in needs_pages())
    assert banded and all(f'value="{i.id}"' not in page_html for i in banded)


def test_level_setting_is_remembered_in_the_session(client):
    client.post("/safety", data={"immediate": "none"})
    client.post("/child", data=CHILD)
    hidden = text(client.get("/needs/health")).count("Level: ")  # twins show theirs always
    r = client.post("/settings", data={"show_levels": "yes", "next": "/needs/health"})
    assert r.headers["Location"] == "/needs/health"
    shown = text(client.get("/needs/health")).count("Level: ")
    assert shown > hidden and shown == len(
        [i for p in needs_pages() if p.id == "health" for g in p.groups for i in g.indicators if load_catalogue().admits(i, False, 98)]
    )
    assert "Level: Protection." in text(client.get("/needs/identity"))


def test_settings_never_redirects_off_site(client):
    r = client.post("/settings", data={"show_levels": "no", "next": "https://evil.example/"})
    assert r.headers["Location"] == "/"
    r = client.post("/settings", data={"show_levels": "no", "next": "//evil.example/"})
    assert r.headers["Location"] == "/"


def test_pages_out_of_order_send_you_back(client):
    for path in ("/child", "/needs/health", "/check", "/result", "/referral"):  # no answers at all: say so, do not redirect silently (review 18 S4)
        r = client.get(path)
        assert r.status_code == 200 and "Your answers have expired or were never given" in text(r), path
    client.post("/safety", data={"immediate": "none"})
    assert client.get("/check").headers["Location"] == "/child"  # part answered: the next question
    assert client.get("/needs/health").headers["Location"] == "/child"
    assert client.get("/needs/no_such_page").status_code == 404


def test_check_answers_lists_answers_with_change_links(client):
    client.post("/safety", data={"immediate": "none"})
    client.post("/child", data=CHILD)
    walk_needs(client, {"health": ["additional.dental_decay_not_accessing"]})
    r = client.get("/check")
    html, words = r.get_data(as_text=True), text(r)
    assert "Dental decay and not accessing treatment" in words
    assert "8 years 2 months" in words
    assert 'href="/child?change=1"' in html
    assert 'href="/needs/health?change=1"' in html
    assert re.search(r'Change<span class="govuk-visually-hidden"> the child(&#39;|\')s age</span>', html)


def test_change_link_returns_to_check_answers(client):
    client.post("/safety", data={"immediate": "none"})
    client.post("/child", data=CHILD)
    walk_needs(client)
    r = client.post("/child?change=1", data={**CHILD, "age_years": "9"})
    assert r.headers["Location"] == "/check"
    assert "9 years 2 months" in text(client.get("/check"))


def test_changing_age_refuses_a_need_no_longer_admitted_and_keeps_it(client):
    """It once dropped the need without a word (review 9 surfaces, V1): now the age is refused naming it."""
    client.post("/safety", data={"immediate": "none"})
    client.post("/child", data={**CHILD, "age_years": "15"})
    walk_needs(client, {"health": ["additional.pregnant_under_17"]})
    r = client.post("/child?change=1", data={**CHILD, "age_years": "18"})
    assert r.status_code == 200 and "Pregnant under 17" in text(r) and "does not fit 18 years 2 months" in text(r)
    assert "Pregnant under 17" in text(client.get("/check"))


def test_disagreements_page_shows_both_routes_with_stages(client):
    words = text(client.get("/disagreements"))
    d = load_catalogue().disagreements
    assert len(d.routes) == 2
    for route in d.routes:
        assert route.title in words
        assert route.timescale in words
        for stage in route.stages:
            assert stage.who in words


def test_accessibility_statement_and_404(client):
    assert "WCAG" in text(client.get("/accessibility"))
    r = client.get("/nowhere")
    assert r.status_code == 404 and "Page not found" in text(r)


def test_start_again_clears_the_answers(client):
    client.post("/safety", data={"immediate": "none"})
    client.post("/child", data=CHILD)
    assert client.post("/start-again").headers["Location"] == "/safety"
    assert "Your answers have expired or were never given" in text(client.get("/needs/health"))  # none kept, and said


def test_every_need_indicator_is_on_exactly_one_needs_page():
    on_pages = [i for p in needs_pages() for i in p.indicator_ids()]
    needs = [i.id for i in load_catalogue().indicators if not i.immediate]
    assert sorted(on_pages) == sorted(needs)


def test_needs_pages_show_the_documents_hints(client):
    client.post("/safety", data={"immediate": "none"})
    client.post("/child", data=CHILD)
    ind = load_catalogue().indicator("extensive.substantial_lifelong_disability_short_breaks")
    assert ind.hint in text(client.get("/needs/health"))


def test_expired_session_starts_again(app, client):
    from sqlalchemy import update

    from webapp import db

    client.post("/safety", data={"immediate": "none"})
    with app.app_context(), db.engine().begin() as conn:
        conn.execute(update(db.web_sessions).values(expires_at=db.utcnow().replace(year=2000)))
    r = client.get("/child")  # as if none, and said (review 18 surfaces, S4)
    assert r.status_code == 200 and "Your answers have expired" in text(r)


def test_odd_digits_in_the_age_are_refused_not_crashed(client):
    client.post("/safety", data={"immediate": "none"})
    for odd in ["²", "٣", "1e3", "-1", "4.5", "9999"]:
        r = client.post("/child", data={**CHILD, "age_years": odd}, follow_redirects=True)
        assert r.status_code == 200, odd
        assert "There is a problem" in text(r)


def test_a_need_from_another_page_is_refused(client):
    client.post("/safety", data={"immediate": "none"})
    client.post("/child", data=CHILD)
    r = client.post("/needs/health", data={"health": ["additional.stress_factors_poor_housing"]}, follow_redirects=True)
    assert r.status_code == 200 and "Select one of the answers to ‘" in text(r)  # naming the question (review 7 surfaces F10)


def _every_page(client) -> dict[str, str]:
    """The HTML of every page of a full journey, including an error page and the result."""
    pages = {}
    for path in ["/", "/safety", "/disagreements", "/accessibility", "/settings?next=/"]:
        pages[path] = client.get(path).get_data(as_text=True)
    pages["safety error"] = client.post("/safety", data={}, follow_redirects=True).get_data(as_text=True)
    client.post("/safety", data={"immediate": "none"})
    pages["/child"] = client.get("/child").get_data(as_text=True)
    pages["child error"] = client.post("/child", data={}, follow_redirects=True).get_data(as_text=True)
    client.post("/child", data={**CHILD, "current_level": "universal"})
    for p in needs_pages():
        pages[f"/needs/{p.id}"] = client.get(f"/needs/{p.id}").get_data(as_text=True)
    walk_needs(client, {"health": ["additional.dental_decay_not_accessing"]})
    pages["/check"] = client.get("/check").get_data(as_text=True)
    pages["/result"] = client.get("/result").get_data(as_text=True)
    pages["/referral"] = client.get("/referral").get_data(as_text=True)
    pages["/document"] = client.get("/document?highlight=additional.dental_decay_not_accessing").get_data(as_text=True)
    return pages


def test_every_page_has_one_h1_a_title_and_unique_ids(client):
    for name, html in _every_page(client).items():
        assert len(re.findall(r"<h1[\s>]", html)) == 1, name
        assert re.search(r"<title>[^<]+ – Family Support Pathway</title>", html), name
        ids = re.findall(r'\sid="([^"]+)"', html)
        assert len(ids) == len(set(ids)), (name, sorted({i for i in ids if ids.count(i) > 1}))
        assert "Traceback" not in html


def test_reason_sources_are_listed_once_each(client):
    client.post("/safety", data={"immediate": "none"})
    client.post("/child", data={**CHILD, "disability": "substantial_lifelong", "large_sibling_group": "no"})
    walk_needs(client, {"health": ["extensive.substantial_lifelong_disability_short_breaks"]})
    sources = re.findall(r"Source: ([^.]*)\.", text(client.get("/result")))
    assert len(sources) == 2
    for source in sources:
        parts = source.split("; ")
        assert len(parts) == len(set(parts)), source


def test_back_link_returns_to_check_answers_when_changing(client):
    client.post("/safety", data={"immediate": "none"})
    client.post("/child", data=CHILD)
    assert 'class="govuk-back-link" href="/safety"' in client.get("/child").get_data(as_text=True) or 'href="/safety" class="govuk-back-link"' in client.get(
        "/child"
    ).get_data(as_text=True)
    html = client.get("/child?change=1").get_data(as_text=True)
    assert re.search(r'<a[^>]*href="/check"[^>]*class="govuk-back-link"|<a[^>]*class="govuk-back-link"[^>]*href="/check"', html)


def test_large_sibling_group_is_asked_only_with_substantial_lifelong_disability(client):
    client.post("/safety", data={"immediate": "none"})
    html = client.get("/child").get_data(as_text=True)
    assert "Answer only if the child has a substantial and lifelong disability" in html
    r = client.post("/child", data={**CHILD, "disability": "substantial_lifelong"}, follow_redirects=True)
    assert "Select whether the child is part of a large sibling group" in text(r)
    assert client.post("/child", data=CHILD).status_code == 302  # not needed without that disability
    client.post("/child", data={**CHILD, "disability": "substantial_lifelong", "large_sibling_group": "yes"})
    walk_needs(client)
    assert "Large sibling group Yes" in text(client.get("/check"))


def test_no_page_template_carries_a_phone_number_of_its_own():
    """Numbers come from the catalogue (the document's Key contacts), never typed into a template."""
    import re
    from pathlib import Path

    templates = Path(__file__).resolve().parents[2] / "webapp" / "templates"
    for path in templates.rglob("*.html"):
        assert not re.search(r"\b(0\d{3} ?\d{3} ?\d{4}|999)\b", path.read_text()), path.name


def test_the_child_page_asks_the_two_optional_questions_and_they_reach_the_rules(client):
    client.post("/safety", data={"immediate": "none"})
    assert client.post("/child", data=CHILD).status_code == 302  # both may be left unanswered
    words = text(client.get("/child"))
    assert "already open to Children's Social Care? (optional)" in words
    assert "reasonable standard of health or development without services? (optional)" in words
    client.post("/child", data={**CHILD, "open_to_social_care": "yes", "health_development_impaired_without_services": "yes"})
    walk_needs(client)
    result = text(client.get("/result"))
    assert "Level: Child in Need" in result  # p4's test, answered yes
    assert "allocated social worker" in result  # open to social care: not the front door
    r = client.post("/child", data={**CHILD, "open_to_social_care": "perhaps"}, follow_redirects=True)
    assert "Select one of the answers to ‘Is the child already open to Children's Social Care? (optional)’, or leave it unanswered" in text(r)


def test_supported_at_a_social_care_level_is_taken_as_open_and_not_open_is_asked_again_on_the_page(client):
    """Review 6, F4: the level supported at now is required, the open-case question optional. Supported
    at Protection with the optional question skipped went to Children and Families Direct and early help."""
    client.post("/safety", data={"immediate": "none"})
    client.post("/child", data={**CHILD, "current_level": "protection"})
    walk_needs(client)
    result = text(client.get("/result"))
    assert "allocated social worker" in result.lower()
    r = client.post("/child", data={**CHILD, "current_level": "protection", "open_to_social_care": "no"}, follow_redirects=True)
    assert r.status_code == 200
    words = text(r)
    assert "There is a problem" in words and "You said the child is supported at Protection now" in words
    assert client.post("/child", data={**CHILD, "current_level": "protection", "open_to_social_care": "yes"}).status_code == 302


def test_saved_answers_the_rules_refuse_are_kept_and_shown_on_their_page(client, monkeypatch):
    """Answers saved before the page asked about the contradiction: the result page neither fails nor
    clears them (it once cleared any refused answers); it sends the person to the page that asks
    them, with the error shown, and the rest of the answers are still there."""
    from webapp.journey.forms import ChildForm

    client.post("/safety", data={"immediate": "none"})
    with monkeypatch.context() as saved_before:  # as a session saved by an earlier release would hold them
        saved_before.setattr(ChildForm, "_open_fits_current_level", lambda self: True)
        assert client.post("/child", data={**CHILD, "current_level": "protection", "open_to_social_care": "no"}).status_code == 302
    walk_needs(client)
    r = client.get("/result")
    assert r.status_code == 302 and "/child" in r.headers["Location"]
    page = client.get(r.headers["Location"])
    assert page.status_code == 200 and "You said the child is supported at Protection now" in text(page)
    assert client.get("/check").status_code == 200  # the answers are kept


def test_months_alone_are_accepted_below_two_years_and_said_as_people_say_them(client):
    client.post("/safety", data={"immediate": "none"})
    assert client.post("/child", data={**CHILD, "age_years": "", "age_months": "14"}).status_code == 302
    walk_needs(client)
    assert "Age 1 year 2 months" in text(client.get("/check"))
    r = client.post("/child", data={**CHILD, "age_years": "", "age_months": "30"}, follow_redirects=True)
    assert "For a child of 2 or over, enter the age in years and months" in text(r)
    r = client.post("/child", data={**CHILD, "age_years": "", "age_months": ""}, follow_redirects=True)
    assert "Enter the child's age in years, or in months for a child under 2" in text(r)


def test_a_concern_chosen_first_must_fit_the_age_given_later(client):
    """Ring-now first, then the age: an under-1 concern and an age of 3 are refused, never dropped."""
    client.post("/safety", data={"immediate": ["immediate.substance_use_under_1"]})
    r = client.post("/child", data={**CHILD, "age_years": "3", "age_months": ""}, follow_redirects=True)
    assert "was chosen on the safety page and does not fit 3 years" in text(r)
    assert client.post("/child", data={**CHILD, "age_years": "", "age_months": "9"}).status_code == 302
    walk_needs(client)
    result = text(client.get("/result"))
    assert "Ring Children and Families Direct now" in result and "9 months" in result


def test_a_level_whose_lists_are_composed_says_so_once_above_both_lists(client):
    """Child in Need's assessments and services are the tool's composition (review 9 G5): the reading is said
    once, before "Assessments at this level", not again inside each list."""
    from pathway.catalogue import load_catalogue

    reading = load_catalogue().level("child_in_need").lists_reading
    assert reading is not None and reading.text.startswith("This tool's reading: the document has no Child in Need table")
    client.post("/safety", data={"immediate": "none"})
    client.post("/child", data={**CHILD, "health_development_impaired_without_services": "yes"})
    walk_needs(client)
    result = text(client.get("/result"))
    assert "Level: Child in Need" in result
    said = "the document has no Child in Need table"
    assert result.count(said) == 1
    assert result.index(said) < result.index("Assessments at this level") < result.index("Services at this level")
