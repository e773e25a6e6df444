"""Recording a review for an id that is not an override the manager can see: one clear answer for every id shape.

Oracle: the words of the page a normal-sized unknown id already gave before tidy18 (webapp/cases/gone.py, review 16
surfaces N3), written here by hand: "Saved assessment not found" for a GET, "Nothing was recorded" and "not kept" for
a POST, status 404. Before tidy18 a huge id (over 2**63 - 1), a negative one or one that is not a number matched no
route and gave the generic "Page not found ... if you typed the web address", which a manager following a saved link
did not do. Nothing is recorded for any of them, and the manager check still comes first.
"""

from __future__ import annotations

import pytest

from store.assessments import list_overrides
from tests.webapp.accounts.conftest import sign_in
from tests.webapp.accounts.test_review import _overrides
from tests.webapp.conftest import text

NOT_OVERRIDES = [
    "999",  # normal-sized, unused
    "0",
    "-1",
    "-999",
    "abc",
    "1.5",
    "0x1",
    "1e3",
    "%20",
    "%C2%B2",  # a superscript two: a digit to str.isdigit, never a row id
    "2147483647",  # the largest id a path names (webapp.MAX_ROW_ID: PostgreSQL's INTEGER)
    "2147483648",  # one more: never sent to the database (PostgreSQL: integer out of range)
    "9223372036854775807",  # SQLite's largest integer
    "9223372036854775808",  # one more
    "9" * 40,
]
SENT = [("GET", None), ("POST", {}), ("POST", {"note": "Agreed in supervision"})]


def _reviews(engine, people) -> list:
    return [o.reviews for _, o in list_overrides(engine, people["meg"])]


@pytest.mark.parametrize("oid", NOT_OVERRIDES)
def test_any_id_that_is_not_an_override_says_so_and_records_nothing(client, people, engine, oid):
    _overrides(engine, people)
    sign_in(client, "meg")
    before = _reviews(engine, people)
    for method, data in SENT:
        r = client.open(f"/overrides/{oid}/review", method=method, data=data)
        page = text(r)
        assert r.status_code == 404, (method, data, r.status_code)
        assert "Page not found" not in page and "typed the web address" not in page
        if method == "GET":
            assert "Saved assessment not found" in page
        else:
            assert "Nothing was recorded" in page and "not kept" in page
    assert _reviews(engine, people) == before == [(), ()]


def test_an_id_with_leading_zeros_still_opens_the_override(client, people, engine):
    """As `<int:...>` read it before: 007 is row 7."""
    _overrides(engine, people)
    sign_in(client, "meg")
    oid = next(o.id for e, o in list_overrides(engine, people["meg"]) if e.case_ref == "FSP-0001")
    r = client.get(f"/overrides/000{oid}/review")
    assert r.status_code == 200 and "Needs met at school" in text(r)
    assert client.post(f"/overrides/000{oid}/review", data={"note": "Agreed"}).status_code == 302
    assert [r.note for r in next(o for _, o in list_overrides(engine, people["meg"]) if o.id == oid).reviews] == ["Agreed"]


@pytest.mark.parametrize("oid", ["abc", "-1", "9" * 40])
def test_the_manager_check_comes_first_for_any_id(client, people, engine, oid):
    _overrides(engine, people)
    r = client.get(f"/overrides/{oid}/review")
    assert r.status_code == 302 and "/sign-in" in r.location
    sign_in(client, "pat")
    assert client.get(f"/overrides/{oid}/review").status_code == 403
    assert client.post(f"/overrides/{oid}/review", data={"note": "x"}).status_code == 403
    assert _reviews(engine, people) == [(), ()]
