"""Review 13 surfaces, X5: months left blank are not "0 months". Review 12 H3 made "13 years" alone mean
13 to 14 (Child.months_given) and the API says "13 years (months not given)"; the journey stored 0 months
and the call screen sent them, so both said "13 years 0 months", an answer nobody gave. The oracle: the
decision of the case with the months left out, as the API is sent it, and the words written here."""

from __future__ import annotations

from pathway.models import Case
from rules import evaluate
from tests.webapp.conftest import CHILD, signed_in_client, text, walk_needs
from webapp.adviser import forms as call_forms

NEED = "extensive.pregnant_under_16"
NOT_GIVEN = "13 years (months not given)"


def test_the_api_reading_is_the_oracle():
    said = " ".join(g.text for g in evaluate(Case.parse({"child": {"age_years": 13}, "indicators": [NEED]})).guidance)
    assert NOT_GIVEN in said and "13 years 0 months" not in said


def test_the_journey_keeps_months_not_given(client):
    client.post("/safety", data={"immediate": ["none"]})
    assert client.post("/child", data={**CHILD, "age_years": "13", "age_months": ""}).status_code == 302
    walk_needs(client, {"parents_carers": [NEED]})
    page = text(client.get("/result"))
    assert NOT_GIVEN in page and "13 years 0 months" not in page
    assert "13 years" in text(client.get("/check"))


def test_the_journey_keeps_zero_months_when_given(client):
    client.post("/safety", data={"immediate": ["none"]})
    assert client.post("/child", data={**CHILD, "age_years": "13", "age_months": "0"}).status_code == 302
    walk_needs(client, {"parents_carers": [NEED]})
    assert NOT_GIVEN not in text(client.get("/result"))


def test_the_call_screen_keeps_months_not_given(app):
    adviser = signed_in_client(app, "ada", "adviser")
    adviser.post("/adviser/", data={"age_years": "13", "age_months": "", "add": NEED, "caller": "professional"})
    page = text(adviser.get("/adviser/"))
    assert NOT_GIVEN in page and "13 years 0 months" not in page


def test_the_call_screens_age_sends_no_months_when_none_were_given():
    assert call_forms.age("13", "", False).child() == {"age_years": 13}
    assert call_forms.age("13", "0", False).child() == {"age_years": 13, "age_months": 0}
