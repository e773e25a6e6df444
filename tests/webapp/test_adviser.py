"""The adviser's call screen without JavaScript (plain form posts), and its JSON endpoints."""

from __future__ import annotations

import logging
import re
from datetime import datetime, timezone

import pytest
from markupsafe import escape

from pathway.catalogue import load_catalogue
from pathway.settings import OfficeHours
from tests.webapp.conftest import clocked_client, text
from webapp import create_app

URL = "/adviser/"
TUESDAY_MORNING = datetime(2026, 11, 24, 10, 30, tzinfo=timezone.utc)
TUESDAY_NIGHT = datetime(2026, 11, 24, 22, 30, tzinfo=timezone.utc)


def ind(iid: str) -> str:
    return load_catalogue().indicator(iid).text


def post(client, **data):
    """One press of a button on the screen, as a browser without JavaScript sends it."""
    response = client.post(URL, data=data)
    assert response.status_code == 303, text(response)
    assert response.headers["Location"].split("#")[0] == URL  # never answers in the address
    return client.get(URL)


def added(html: str) -> list[str]:
    return re.findall(r'name="remove" value="([^"]+)"', html)


def offered(html: str) -> list[str]:
    return re.findall(r'name="add" value="([^"]+)"', html)


@pytest.fixture
def clocked(tmp_path, clock):
    """An app with the real office hours (Mon-Fri 08:30-17:00 London) and a clock the test sets."""
    return clocked_client(tmp_path, clock, TUESDAY_MORNING)


def test_empty_screen_offers_every_immediate_question_and_a_decision(client):
    r = client.get(URL)
    assert r.status_code == 200
    html = r.get_data(as_text=True)
    for i in load_catalogue().indicators:
        assert (f'name="immediate" type="checkbox" value="{i.id}"' in html) == i.immediate
    words = text(r)
    assert "Put the call through now" not in words
    # issue 14: no route until there is a concern (the empty call once said "Ring now: Family Information Service")
    assert "No route yet" in words and "No concerns chosen yet" in words
    assert "Family Information Service" not in words and "Ring now" not in words and "Level Universal" not in words
    assert 'id="app-summary"' not in html
    assert 'method="post"' in html
    assert "<title>Call screen – Family Support Pathway</title>" in html
    assert 'href="/adviser/"' in client.get("/").get_data(as_text=True)  # linked from every page's navigation


def test_search_add_and_remove_without_javascript(client):
    page = post(client, q="no routine", action="search", age_years="7")
    html = page.get_data(as_text=True)
    assert "additional.lack_routine" in offered(html)
    assert "concerns found for ‘no routine’" in text(page)

    page = post(client, q="no routine", add="additional.lack_routine", age_years="7")
    html = page.get_data(as_text=True)
    assert added(html) == ["additional.lack_routine"]
    assert offered(html) == []  # the search is done once its result is added
    words = text(page)
    assert "Level Additional" in words
    assert "Put through to Family Support Services, through Children and Families Direct on 0115 876 4800" in words
    assert re.search(r'<textarea[^>]*id="app-summary"[^>]*readonly', html)
    assert "Indicator at Additional level" in words  # the reason
    assert 'value="7"' in html  # the age is kept

    page = post(client, q="", remove="additional.lack_routine", age_years="7")
    assert added(page.get_data(as_text=True)) == []
    assert "No route yet" in text(page)


def test_search_applies_the_childs_age(client):
    baby = offered(post(client, q="bruises", action="search", age_years="1").get_data(as_text=True))
    older = offered(post(client, q="bruises", action="search", age_years="8").get_data(as_text=True))
    assert baby[0] == "immediate.unexplained_bruising_under_2"
    assert "immediate.unexplained_bruising_under_2" not in older
    unborn = offered(post(client, q="harm", action="search", unborn="yes").get_data(as_text=True))
    assert "immediate.unborn_significant_harm" in unborn


def test_an_immediate_concern_turns_the_screen_to_put_through_now(client):
    page = post(client, immediate="immediate.significant_harm")
    words = text(page)
    assert "Put the call through now to the Screening and Duty Team, through Children and Families Direct on 0115 876 4800" in words
    # worded for the adviser: who to put the caller through to, never "ring" their own service
    assert "Immediate referral: put the caller through to the Screening and Duty Team" in words
    assert "Ring now" not in words
    assert "Level Protection (immediate referral)" in words
    html = page.get_data(as_text=True)
    assert re.search(r'value="immediate.significant_harm" checked', html)


def test_an_immediate_concern_found_by_search_ticks_its_question(client):
    page = post(client, q="trafficked", add="immediate.trafficking_victim")
    assert re.search(r'value="immediate.trafficking_victim" checked', page.get_data(as_text=True))
    assert "Put the call through now" in text(page)
    assert added(page.get_data(as_text=True)) == []  # shown as its ticked question, not twice


def test_out_of_hours_the_emergency_duty_team(clocked):
    clocked.clock.set(TUESDAY_NIGHT)
    words = text(post(clocked, immediate="immediate.allegation_or_disclosure"))
    assert "Put the call through now to the Emergency Duty Team on 0115 876 1000" in words
    assert "Out of hours" in words
    assert "Tuesday 24 November 2026 at 22:30 (UK time): out of hours" in words
    clocked.clock.set(TUESDAY_MORNING)
    words = text(clocked.get(URL))
    assert "Put the call through now to the Screening and Duty Team, through Children and Families Direct on 0115 876 4800" in words
    assert "Tuesday 24 November 2026 at 10:30 (UK time): office hours" in words


def test_the_clock_moves_the_call_to_the_emergency_duty_team_on_a_bank_holiday(clocked):
    """The app's one clock decides the route: a Friday morning that is Christmas Day goes out of hours."""
    clocked.clock.set(datetime(2026, 12, 25, 10, 30, tzinfo=timezone.utc))
    words = text(post(clocked, immediate="immediate.allegation_or_disclosure"))
    assert "Put the call through now to the Emergency Duty Team on 0115 876 1000" in words
    assert "Friday 25 December 2026 at 10:30 (UK time): out of hours" in words
    clocked.clock.advance(days=-3)  # Tuesday 22 December, an ordinary working day
    words = text(clocked.get(URL))
    assert "Put the call through now to the Screening and Duty Team, through Children and Families Direct on 0115 876 4800" in words
    assert "Tuesday 22 December 2026 at 10:30 (UK time): office hours" in words


def test_caller_type_changes_the_guidance(client):
    confirm = "confirm the referral in writing within 24 hours"
    not_caf = "should contact Children and Families Direct rather than start a CAF"
    professional = text(post(client, immediate="immediate.significant_harm", caller="professional"))
    assert confirm in professional
    parent = text(post(client, immediate="immediate.significant_harm", caller="parent_carer"))
    assert confirm not in parent
    for caller in ("parent_carer", "public"):
        words = text(post(client, add="additional.lack_routine", caller=caller, age_years="7"))
        assert not_caf in words
    assert not_caf not in text(post(client, caller="professional", age_years="7"))
    page = post(client, caller="public", age_years="7")
    assert re.search(r'value="public" checked', page.get_data(as_text=True))


def test_call_summary_has_the_call_and_nothing_identifying_the_child(client):
    page = post(client, add="additional.lack_routine", age_years="7", age_months="3", caller="professional")
    summary = re.search(r'<textarea[^>]*id="app-summary"[^>]*>(.*?)</textarea>', page.get_data(as_text=True), re.S).group(1)
    assert "Caller: Professional" in summary
    assert f"- {ind('additional.lack_routine')} (Additional;" in summary
    assert "Level: Additional" in summary
    assert "Route: Family Support Services, through Children and Families Direct on 0115 876 4800" in summary
    assert "7 years" not in summary and "Adviser note" not in summary
    page = post(client, add="additional.lack_routine", age_years="7", note="Caller will ring back at 3pm")
    summary = re.search(r'id="app-summary"[^>]*>(.*?)</textarea>', page.get_data(as_text=True), re.S).group(1)
    assert "Adviser note:\n  Caller will ring back at 3pm" in summary


def test_a_new_age_sets_aside_concerns_it_rules_out(client):
    """Set aside, not taken off: named, and counted again once the age admits it (review 12 surfaces, W2)."""
    post(client, add="extensive.pre_school_under_stimulated", age_years="2")
    page = post(client, age_years="9")
    html = page.get_data(as_text=True)
    assert added(html.split("app-set-aside")[0]) == []  # not counted
    assert added(html.split("app-set-aside")[1]) == ["extensive.pre_school_under_stimulated"]  # still in the call
    assert "Set aside because they do not fit the child's age as given" in text(page)
    assert added(post(client, age_years="2").get_data(as_text=True)) == ["extensive.pre_school_under_stimulated"]


def test_invalid_age_is_shown_with_its_error_and_search_still_works(client):
    page = post(client, q="bruises", action="search", age_years="eight")
    html = page.get_data(as_text=True)
    assert "<title>Error: Call screen" in html
    assert text(page).count("Enter the child's age in years as a whole number, like 4") == 2
    assert 'href="#age_years"' in html and 'value="eight"' in html
    assert offered(html)  # searched as if no age were given


def test_immediate_concern_outside_the_age_is_flagged_and_still_put_through(client):
    page = post(client, immediate="immediate.unexplained_bruising_under_2", age_years="8")
    words = text(page)
    assert "Put the call through now to the Screening and Duty Team" in words
    assert "does not fit the child's age as entered (it is for: under 2 years old): check the child's age" in words
    assert "Decided without the child's age" in words


def test_over_long_note_is_refused_and_left_out_of_the_summary(client):
    page = post(client, note="x" * 2001, add="additional.lack_routine")
    assert "The note must be 2,000 characters or fewer" in text(page)
    assert "Adviser note" not in re.search(r'id="app-summary"[^>]*>(.*?)</textarea>', page.get_data(as_text=True), re.S).group(1)


def test_values_not_on_the_page_are_ignored(client):
    page = post(client, add="no.such.indicator", caller="alien", immediate="additional.lack_routine")
    assert added(page.get_data(as_text=True)) == []
    assert "Put the call through now" not in text(page)


def test_new_call_clears_the_screen(client):
    post(client, add="additional.lack_routine", immediate="immediate.significant_harm")
    r = client.post("/adviser/new")
    assert r.status_code == 303
    page = client.get(URL)
    assert added(page.get_data(as_text=True)) == [] and "Put the call through now" not in text(page)


def test_new_call_can_be_undone_until_the_new_call_changes(client):
    post(client, add="additional.lack_routine", note="rang back", age_years="6")
    client.post("/adviser/new")
    page = client.get(URL)
    assert "The last call was cleared" in text(page) and 'action="/adviser/undo"' in page.get_data(as_text=True)
    assert client.post("/adviser/undo").status_code == 303
    page = client.get(URL)
    html = page.get_data(as_text=True)
    assert added(html) == ["additional.lack_routine"] and "rang back" in html and 'value="6"' in html
    assert "The last call was cleared" not in text(page)
    # once the new call is changed, the old one is gone for good
    client.post("/adviser/new")
    post(client, add="additional.experiencing_bullying")
    assert "The last call was cleared" not in text(client.get(URL))
    client.post("/adviser/undo")
    assert added(client.get(URL).get_data(as_text=True)) == ["additional.experiencing_bullying"]


def test_new_call_sits_apart_from_update(client):
    html = client.get(URL).get_data(as_text=True)
    assert html.index('id="app-new-call"') < html.index('id="app-call-form"')  # by the heading, not under "Update"


def test_a_wrong_answer_lands_on_the_error_summary(client):
    r = client.post(URL, data={"age_years": "30", "q": "bruise", "action": "search"})
    assert r.headers["Location"] == URL + "#app-errors"
    assert 'id="app-errors"' in client.get(URL).get_data(as_text=True)


@pytest.mark.parametrize(
    "answers, context",
    [
        ({"disability": "substantial_lifelong"}, {"disability": "substantial_lifelong"}),
        ({"consent": "no"}, {"consent_to_early_help": False}),
        ({"current_level": "extensive", "caf": "open_not_improving"}, {"current_level": "extensive", "caf": "open_not_improving"}),
        ({"social_care": "yes"}, {"open_to_social_care": True}),
    ],
)
def test_optional_questions_reach_the_decision(clocked, answers, context):
    """The screen shows the route and guidance the rules give for the same case (the oracle: evaluate)."""
    from pathway.models import Case
    from rules import evaluate

    concern = "additional.child_disabilities_whose_needs"
    r = clocked.post(URL, data={"add": concern, "age_years": "8", "caller": "professional", **answers}, headers={"X-Requested-With": "fetch"})
    expected = evaluate(
        Case.parse(
            {
                "child": {"age_years": 8, "age_months": 0},
                "indicators": [concern],
                "context": {"caller": "professional", "contact_time": TUESDAY_MORNING.isoformat(), **context},
            }
        ),
        office_hours=OfficeHours(),
    )
    assert expected.route.team in r.json["status"]
    if "open_to_social_care" in context:  # the route changes: to whoever holds the case, no number of ours
        assert r.json["status"] == f"Level: {expected.level_name}. Put through to {expected.route.team}."
    assert expected.guidance  # each of these answers brings guidance of its own
    for g in expected.guidance:
        assert str(escape(g.text)) in r.json["parts"]["decision"]
    page = clocked.get(URL).get_data(as_text=True)
    for value in answers.values():
        assert re.search(rf'value="{value}"(?: checked| selected)', page)


def test_supported_at_protection_but_not_open_is_said_beside_the_question_never_a_failure(clocked):
    """Review 6, F4: the rules refuse this pair of answers; the call screen names it beside the open-case
    question and decides as if that were not answered (taken as open: the allocated social worker)."""
    r = clocked.post(
        URL,
        data={"add": "additional.lack_routine", "age_years": "8", "caller": "professional", "current_level": "protection", "social_care": "no"},
        headers={"X-Requested-With": "fetch"},
    )
    assert r.status_code == 200
    assert "Allocated social worker" in r.json["status"]
    page = clocked.get(URL).get_data(as_text=True)
    assert 'id="social_care-error"' in page and "You said the child is supported at Protection now" in page


def test_the_best_matchs_twin_is_shown_beside_it_with_what_tells_them_apart(client):
    page = post(client, q="suspected domestic violence", action="search")
    assert offered(page.get_data(as_text=True))[:2] == ["extensive.suspected_domestic_violence", "additional.suspected_domestic_violence"]
    assert "What tells them apart" in text(page)
    hits = client.post("/adviser/search", data={"q": "suspected domestic violence"}).json["hits"]
    assert hits[1]["twin_of"] == hits[0]["id"] and hits[1]["tells_apart"]
    later = [h for h in hits[2:] if h["twin_of"]]
    assert later and all(h["tells_apart"] is None for h in later)  # the group's words said once, on the first twin


def test_nothing_found_is_said_on_the_screen(client):
    assert "No concerns found. Try other words, or fewer." in text(post(client, q="xylophone", action="search"))


def test_live_search_endpoint(client):
    assert client.get("/adviser/search?q=bruises").status_code == 405  # the query is never in an address
    hits = client.post("/adviser/search", data={"q": "bru", "age_years": "1"}).json["hits"]
    assert hits[0]["id"] == "immediate.unexplained_bruising_under_2"
    assert {"id", "text", "level", "level_label", "immediate"} <= set(hits[0])
    older = client.post("/adviser/search", data={"q": "bru", "age_years": "8"}).json["hits"]
    assert "immediate.unexplained_bruising_under_2" not in [h["id"] for h in older]
    assert client.post("/adviser/search", data={"q": " "}).json["hits"] == []
    post(client, add="additional.lack_routine")
    again = client.post("/adviser/search", data={"q": "no routine"}).json["hits"]
    assert "additional.lack_routine" not in [h["id"] for h in again]  # already chosen


def test_script_update_returns_the_changed_parts(client):
    r = client.post(URL, data={"add": "additional.lack_routine", "caller": "parent_carer", "age_years": "7"}, headers={"X-Requested-With": "fetch"})
    assert r.status_code == 200
    body = r.json
    assert set(body["parts"]) == {"errors", "put_through", "route_bar", "chosen", "decision"}
    assert body["status"] == "Level: Additional. Put through to Family Support Services, through Children and Families Direct on 0115 876 4800."
    assert "put through to Family Support Services" in body["parts"]["route_bar"]
    assert "rather than start a CAF" in body["parts"]["decision"]
    r = client.post(URL, data={"immediate": "immediate.significant_harm"}, headers={"X-Requested-With": "fetch"})
    assert r.json["immediate"] == ["immediate.significant_harm"]
    assert r.json["status"].startswith("Put the call through now: Screening and Duty Team")
    r = client.post(URL, data={"age_years": "x"}, headers={"X-Requested-With": "fetch"})
    assert r.json["errors"] == [{"field": "age_years", "message": "Enter the child's age in years as a whole number, like 4"}]


def test_posts_need_the_csrf_token(tmp_path):
    app = create_app({"SECRET_KEY": "test", "DATABASE_URL": f"sqlite:///{tmp_path / 'csrf.sqlite3'}"})
    client = app.test_client()
    assert client.post("/adviser/search", data={"q": "bruises"}).status_code == 400
    assert client.post(URL, data={"immediate": "immediate.significant_harm"}).status_code == 400
    assert client.post("/adviser/new").status_code == 400


def test_what_the_caller_said_is_not_logged(client, caplog):
    caplog.set_level(logging.DEBUG)
    client.post("/adviser/search", data={"q": "trafficked", "age_years": "17"})
    post(client, add="immediate.trafficking_victim", age_years="17", note="uncle's flat")
    client.post(URL, data={"q": "trafficked", "age_years": "17"}, headers={"X-Requested-With": "fetch"})
    assert "17" not in caplog.text and "traffick" not in caplog.text and "uncle" not in caplog.text


def test_every_state_has_one_h1_a_title_and_unique_ids(client):
    states = {"empty": client.get(URL)}
    states["results"] = post(client, q="bruises", action="search", age_years="1")
    states["chosen"] = post(client, add="additional.lack_routine", age_years="1")
    states["put through"] = post(client, immediate="immediate.significant_harm", age_years="1", caller="professional")
    states["errors"] = post(client, immediate="immediate.unexplained_bruising_under_2", age_years="x", note="y" * 2001, q="left alone", action="search")
    for name, r in states.items():
        html = r.get_data(as_text=True)
        assert len(re.findall(r"<h1[\s>]", html)) == 1, name
        assert re.search(r"<title>(Error: )?Call screen – Family Support Pathway</title>", html), name
        ids = re.findall(r'\sid="([^"]+)"', html)
        assert len(ids) == len(set(ids)), (name, sorted({i for i in ids if ids.count(i) > 1}))
        for target in re.findall(r'href="#([^"]+)"', html):
            assert f'id="{target}"' in html, (name, target)  # every error link lands on a field


def test_a_change_from_an_older_page_is_not_made(client):
    """Two tabs on one call, or a page from the browser's history: the older page changes nothing."""
    assert 'name="rev" value="0"' in client.get(URL).get_data(as_text=True)
    page = post(client, add="additional.lack_routine", rev="0")
    assert 'name="rev" value="1"' in page.get_data(as_text=True)
    page = post(client, immediate="immediate.significant_harm", rev="0")  # the other tab still shows 0
    words = text(page)
    assert "This call was changed in another tab or window, so your last change was not made" in words
    assert "Put the call through now" not in words
    assert added(page.get_data(as_text=True)) == ["additional.lack_routine"]
    assert "changed in another tab" not in text(client.get(URL))  # said once
    assert "Put the call through now" in text(post(client, immediate="immediate.significant_harm", rev="1"))
    r = client.post(URL, data={"age_years": "3", "rev": "0"}, headers={"X-Requested-With": "fetch"})
    assert r.json["conflict"] is True and r.json["rev"] == 2


@pytest.mark.parametrize(
    "concern, answers, team",
    [
        # Appendix 3 (p37): a disabled child's protection concerns go to the Disabled Children's Team ...
        ("protection.substantial_lifelong_disability_safeguarding", {"disability": "substantial_lifelong"}, "Disabled Children's Team"),
        # ... except where the child is part of a large sibling group: the Duty team
        ("protection.substantial_lifelong_disability_safeguarding", {"disability": "substantial_lifelong", "siblings": "yes"}, "Screening and Duty Team"),
        ("protection.substantial_lifelong_disability_safeguarding", {"disability": "substantial_lifelong", "siblings": "no"}, "Disabled Children's Team"),
        # p4: unlikely to achieve a reasonable standard of health or development without services is a Child in Need
        ("additional.lack_routine", {"cin_test": "yes"}, "Screening and Duty Team"),
        ("additional.lack_routine", {"cin_test": "no"}, "Family Support Services"),
    ],
)
def test_the_sibling_group_and_child_in_need_questions_reach_the_call_screen(clocked, concern, answers, team):
    """Issue 11, items 5 and 7, on the call screen as in the journey and the API (audit11): the screen
    once had neither question, so a disabled child in a large sibling group went to the Disabled
    Children's Team and the Child in Need test could not be answered there."""
    r = clocked.post(URL, data={"add": concern, "age_years": "8", "caller": "professional", **answers}, headers={"X-Requested-With": "fetch"})
    assert team in r.json["status"], r.json["status"]
    if answers.get("cin_test") == "yes":
        assert r.json["status"].startswith("Level: Child in Need.")
    page = clocked.get(URL).get_data(as_text=True)
    for value in answers.values():
        assert re.search(rf'value="{value}"(?: checked| selected)', page)
