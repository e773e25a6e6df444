"""The JSON API's contract: decisions out, 422 with named fields for every bad input."""

from __future__ import annotations

import pytest

from pathway.indicator_rows import indicator_rows
from pathway.models import Decision


def test_assess_returns_a_decision(client):
    r = client.post(
        "/api/v1/assess", json={"child": {"age_years": 1, "age_months": 3}, "indicators": ["additional.dental_decay_not_accessing"], "context": {"caf": "none"}}
    )
    assert r.status_code == 200 and r.mimetype == "application/json"
    decision = Decision.model_validate(r.get_json())
    assert decision.level.value == "additional"
    assert decision.reasons[0].indicators == ["additional.dental_decay_not_accessing"]


@pytest.mark.parametrize(
    "moment, first",
    [
        ("2026-11-21T23:00:00+00:00", "emergency_duty_team"),  # Saturday night
        ("2026-11-23T10:00:00+00:00", "children_families_direct"),  # Monday morning
    ],
)
def test_assess_immediate_gives_the_ring_now_contact_of_the_moment(tmp_path, moment, first):
    from pathway.settings import OfficeHours
    from webapp import create_app

    app = create_app({"TESTING": True, "SECRET_KEY": "x", "OFFICE_HOURS": OfficeHours(), "DATABASE_URL": f"sqlite:///{tmp_path / 'h.sqlite3'}"})
    r = app.test_client().post("/api/v1/assess", json={"indicators": ["immediate.trafficking_victim"], "context": {"contact_time": moment}})
    body = r.get_json()
    assert body["immediate"] is True
    assert body["out_of_hours"] is (first == "emergency_duty_team")
    assert body["contacts"][0]["id"] == first


@pytest.mark.parametrize(
    "body, field, words",
    [
        ("{not json", "(body)", "not valid JSON"),
        ("[1, 2]", "(body)", "JSON object"),
        ('"text"', "(body)", "JSON object"),
        ("", "(body)", "JSON object"),
        ('{"child": {"age_years": -1}}', "child.age_years", ""),
        ('{"child": {"age_years": 30}}', "child.age_years", ""),
        ('{"indicators": ["no.such"]}', "indicators[0]", "unknown indicator"),
        ('{"colour": "red"}', "colour", "unknown field"),
        ('{"context": {"caf": "maybe"}}', "context.caf", ""),
        # a need refused for the age that is no p9 criterion (a p9 one is kept, decided without the age: left13)
        ('{"child": {"unborn": true}, "indicators": ["protection.frozen_watchfulness"]}', "indicators[0]", "unborn"),
        # office hours read the moment in local time: at the calendar's ends that overflowed (a 500)
        ('{"context": {"contact_time": "0001-01-01T00:00:00+00:00"}}', "context.contact_time", "between the years"),
        ('{"context": {"contact_time": "9999-12-31T23:59:59-01:00"}}', "context.contact_time", "between the years"),
        # review 6, F4: supported at Protection yet "not open": both fields named
        ('{"context": {"current_level": "protection", "open_to_social_care": false}}', "context.open_to_social_care", "context.current_level is Protection"),
    ],
)
def test_assess_refuses_bad_input_with_the_field_named(client, body, field, words):
    r = client.post("/api/v1/assess", data=body, content_type="application/json")
    assert r.status_code == 422
    errors = r.get_json()["errors"]
    assert any(e["field"] == field and words in e["message"] for e in errors), errors
    assert "Traceback" not in r.get_data(as_text=True)


def test_assess_refuses_a_body_that_is_too_large(client):
    r = client.post("/api/v1/assess", data="[" + "1," * 40000 + "1]", content_type="application/json")
    assert r.status_code == 413
    assert r.get_json()["errors"][0]["message"] == "the body is too large"


def test_api_errors_are_json(client):
    assert client.get("/api/v1/assess").status_code == 405
    assert client.get("/api/v1/assess").get_json()["errors"]
    assert client.get("/api/v1/nothing").get_json()["errors"][0]["field"] == "(request)"


def test_api_needs_no_csrf_token_even_when_csrf_is_on(tmp_path):
    from webapp import create_app

    app = create_app({"SECRET_KEY": "x", "DATABASE_URL": f"sqlite:///{tmp_path / 'c.sqlite3'}"})
    client = app.test_client()
    assert client.post("/api/v1/assess", json={"indicators": []}).status_code == 200
    assert client.post("/safety", data={"immediate": "none"}).status_code == 400  # forms do need it


def test_indicators_are_the_public_rows(client):
    rows = client.get("/api/v1/indicators").get_json()
    assert rows == indicator_rows()
    assert len(rows) == 178


def test_openapi_describes_the_endpoints_and_schemas(client):
    doc = client.get("/api/v1/openapi.json").get_json()
    assert doc["openapi"].startswith("3.1")
    assert set(doc["paths"]) == {"/api/v1/assess", "/api/v1/search", "/api/v1/indicators", "/api/v1/openapi.json"}
    schemas = doc["components"]["schemas"]
    assert {"Case", "Decision", "Errors", "Child", "Context"} <= set(schemas)
    assert "age_years" in schemas["Child"]["properties"]
    assert doc["paths"]["/api/v1/assess"]["post"]["responses"]["422"]["content"]["application/json"]["schema"] == {"$ref": "#/components/schemas/Errors"}


def test_a_rules_failure_is_a_json_500_without_details(client, monkeypatch):
    import webapp.api.views as views
    from rules import RulesError

    def broken(*_args, **_kwargs):
        raise RulesError("secret detail")

    monkeypatch.setattr(views, "evaluate_despite_refusals", broken)
    r = client.post("/api/v1/assess", json={})
    assert r.status_code == 500
    assert r.get_json() == {"errors": [{"field": "(server)", "message": "internal error in the rules; please report it"}]}


@pytest.mark.parametrize(
    "level, intro",
    [  # the document's words before each level's services list (lines 430, 588, 732 of the vendored text)
        ("universal", None),
        ("additional", "Relevant services at previous levels plus:"),
        ("extensive", "Relevant services at previous levels plus:"),
        ("protection", "Relevant support services at previous levels plus:"),
    ],
)
def test_the_services_list_says_it_adds_to_the_levels_below(client, level, intro):
    """Issue 11, item 15: the API's services list keeps the document's 'at previous levels plus'."""
    ids = [r["id"] for r in indicator_rows() if r["level"] == level and not r["immediate"]]
    decided = [client.post("/api/v1/assess", json={"child": {"age_years": 10}, "indicators": [i], "context": {"caf": "none"}}) for i in ids[:4]]
    at_level = [r.get_json() for r in decided if r.status_code == 200 and r.get_json()["level"] == level]
    assert at_level  # some of the level's first four indicators, alone, decide that level
    assert {d["services_intro"] for d in at_level} == {intro}
