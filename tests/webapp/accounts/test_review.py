"""The managers' overrides page: downgrades marked, filters by team, direction and reviewed, and
recording a review."""

from __future__ import annotations

from rules import evaluate
from store.assessments import list_overrides, record_override, save_assessment
from tests.conftest import make_case
from tests.webapp.accounts.conftest import sign_in
from tests.webapp.conftest import text

DENTAL = "additional.dental_decay_not_accessing"


def _overrides(engine, people):
    case = make_case([DENTAL])
    decision = evaluate(case)
    down = save_assessment(engine, people["pat"], "FSP-0001", case, decision)
    up = save_assessment(engine, people["pat"], "FSP-0002", case, decision)
    record_override(engine, people["pat"], down.id, "universal", "Needs met at school")
    record_override(engine, people["pat"], up.id, "protection", "Disclosure after the visit")


def _shown(page: str) -> list[str]:
    return [ref for ref in ("FSP-0001", "FSP-0002") if ref in page]


def test_downgrades_are_marked_and_filters_narrow_the_list(client, people, engine):
    _overrides(engine, people)
    sign_in(client, "meg")
    r = client.get("/overrides")
    page = text(r)
    assert "Lower than the tool's" in page and "Higher than the tool's" in page
    assert r.get_data(as_text=True).count('govuk-tag--grey">Not reviewed') == 2 and "Showing 2 of 2" in page
    assert _shown(text(client.get("/overrides?direction=down"))) == ["FSP-0001"]
    assert _shown(text(client.get("/overrides?direction=up"))) == ["FSP-0002"]
    assert _shown(text(client.get("/overrides?team=North&reviewed=no"))) == ["FSP-0001", "FSP-0002"]
    assert _shown(text(client.get("/overrides?reviewed=yes"))) == []
    assert _shown(text(client.get("/overrides?team=Nowhere&direction=sideways"))) == ["FSP-0001", "FSP-0002"]


def test_a_manager_records_a_review(client, people, engine):
    _overrides(engine, people)
    sign_in(client, "meg")
    oid = next(o.id for e, o in list_overrides(engine, people["meg"]) if e.case_ref == "FSP-0001")
    form = text(client.get(f"/overrides/{oid}/review"))
    assert "Needs met at school" in form and "lower than the tool's" in form
    r = client.post(f"/overrides/{oid}/review", data={"note": "Agreed in supervision"})
    assert r.status_code == 302
    assert _shown(text(client.get("/overrides?reviewed=yes"))) == ["FSP-0001"]
    assert "Reviewed by meg" in text(client.get("/overrides")) and "Agreed in supervision" in text(client.get("/overrides"))
    too_long = client.post(f"/overrides/{oid}/review", data={"note": "x" * 2001})
    assert "Note must be 2000 characters or fewer" in text(too_long)


def test_review_is_for_the_teams_manager_only(client, people, engine):
    _overrides(engine, people)
    oid = list_overrides(engine, people["meg"])[0][1].id
    from store.users import create_user

    create_user(engine, "mo", "manager", "South", "correct horse battery")
    sign_in(client, "mo")
    assert client.get(f"/overrides/{oid}/review").status_code == 404
    sign_in(client, "pat")
    assert client.get(f"/overrides/{oid}/review").status_code == 403
