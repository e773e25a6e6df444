"""Review 8 (rules), F1, on the journey: the child page asks a young person of 20 to 25 (covered only
as a care leaver) no answer that exists only for a child, naming it and pointing to the unborn baby,
and a care leaver's disability is listed with no Disabled Children's Team (0-19, p23)."""

from __future__ import annotations

import pytest

from tests.webapp.conftest import CHILD, text, walk_needs

ADULT = {**CHILD, "age_years": "22", "age_months": "0"}
REFUSED = [
    ("caf", "open_not_improving"),
    ("health_development_impaired_without_services", "yes"),
    ("current_level", "child_in_need"),
    ("current_level", "protection"),
    ("open_to_social_care", "yes"),
]


@pytest.mark.parametrize("field, value", REFUSED)
def test_a_child_only_answer_for_a_young_person_of_22_is_asked_again_on_the_child_page(client, field, value):
    client.post("/safety", data={"immediate": "none"})
    r = client.post("/child", data={**ADULT, field: value}, follow_redirects=True)
    assert r.status_code == 200
    words = text(r)
    assert "There is a problem" in words and "For a young person of 22 this answer cannot be used" in words
    assert "No, the child is unborn" in words


@pytest.mark.parametrize("field, value", REFUSED)
def test_the_same_answer_at_19_is_accepted(client, field, value):
    client.post("/safety", data={"immediate": "none"})
    data = {**ADULT, "age_years": "19", "age_months": "11", field: value}
    if field == "current_level":
        data["open_to_social_care"] = "yes"
    assert client.post("/child", data=data).status_code == 302


def test_a_care_leavers_disability_is_said_not_routed_on_the_result(client):
    client.post("/safety", data={"immediate": "none"})
    assert client.post("/child", data={**ADULT, "disability": "substantial_lifelong", "large_sibling_group": "no"}).status_code == 302
    walk_needs(client, {"parents_carers": ["extensive.pregnant_care_leavers"]})
    result = text(client.get("/result"))
    assert "Level: Extensive" in result
    assert "0115 883 8266" not in result.split("Show all")[0]
    assert "is not used to route a young person of 20 to 25" in result


def test_saved_answers_refused_for_a_young_person_of_22_are_shown_on_the_child_page(client, monkeypatch):
    """Answers saved before the page asked (an earlier release): the result sends the person to the
    child page with the refusal shown, and the answers are kept."""
    from webapp.journey.forms import ChildForm

    client.post("/safety", data={"immediate": "none"})
    with monkeypatch.context() as saved_before:
        saved_before.setattr(ChildForm, "_fits_childhood", lambda self: True)
        assert client.post("/child", data={**ADULT, "caf": "open_not_improving"}).status_code == 302
    walk_needs(client, {"parents_carers": ["extensive.pregnant_care_leavers"]})
    r = client.get("/result")
    assert r.status_code == 302 and "/child" in r.headers["Location"]
    page = client.get(r.headers["Location"])
    assert page.status_code == 200 and "For a young person of 22 this answer cannot be used" in text(page)
    assert client.get("/check").status_code == 200


@pytest.mark.parametrize("disability", [None, "substantial_lifelong", "uncertain"])
def test_the_disabled_childrens_team_is_listed_apart_for_a_young_person_of_22_with_its_ages(disability):
    """The Extensive level lists the Disabled Children's Team among its services and assessments (p15-16);
    it serves 0-19 (p23): for a care leaver of 22 it is left apart, with that reason, at 19 it is not."""
    from pathway import Case
    from rules import evaluate
    from webapp.journey.present import offer

    context = {"disability": disability} if disability else {}

    def apart(years):
        case = Case.parse({"child": {"age_years": years}, "indicators": ["extensive.pregnant_care_leavers"], "context": context})
        return {item: why for item, why in offer(evaluate(case), case).left_out if "Disabled Children's Team" in item}

    left = apart(22)
    assert left and all("0-19" in why and "p23" in why for why in left.values())
    assert not apart(19)


CALL_QUESTIONS = [("caf", "open_not_improving"), ("cin_test", "yes"), ("current_level", "child_in_need"), ("social_care", "yes")]


@pytest.fixture
def clocked(tmp_path, clock):
    from datetime import datetime, timezone

    from tests.webapp.conftest import clocked_client

    return clocked_client(tmp_path, clock, datetime(2026, 11, 24, 10, 30, tzinfo=timezone.utc))


@pytest.mark.parametrize("question, value", CALL_QUESTIONS)
def test_the_call_screen_says_a_child_only_answer_for_a_care_leaver_of_22_beside_it_and_decides_without_it(clocked, question, value):
    """The call screen decides as the rules do: for a care leaver of 22 the answer is named beside its
    question (never a failure, never a silent drop to an empty case), and the care-leaver need is decided."""
    r = clocked.post(
        "/adviser/",
        data={"add": "extensive.pregnant_care_leavers", "age_years": "22", "caller": "professional", question: value},
        headers={"X-Requested-With": "fetch"},
    )
    assert r.status_code == 200
    page = clocked.get("/adviser/").get_data(as_text=True)
    assert f'id="{question}-error"' in page and "For a young person of 22 this answer cannot be used" in text_of(page)
    assert "Level: Extensive" in text_of(page) or "Extensive" in r.json["status"]


def text_of(html: str) -> str:
    import re
    from html import unescape

    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", html)))
