"""The call screen takes its facts from the decision (review 7, surfaces F2 and F6).

F2: an immediate referral reached through a cross-walked table need ("Persistent domestic abuse",
"Sexual activity under 13", ...) got no "Put the call through now": the screen read the ticked p9
boxes, not the decision. F6: out of hours the status line (role="status") and the call summary's
"Route:" line left out the "closed now" the visible route says.

The oracle is rules.evaluate on the same case (the call screen's case, built here independently), and
the catalogue's own cross-walks enumerate the needs: every one of them, not one example.
"""

from __future__ import annotations

import re
from datetime import datetime, timezone
from html import unescape

import pytest

from pathway.catalogue import load_catalogue
from pathway.levels import Level
from pathway.models import Case
from pathway.settings import OfficeHours
from rules import evaluate
from tests.webapp.conftest import clocked_client

URL = "/adviser/"
TUESDAY_MORNING = datetime(2026, 11, 24, 10, 30, tzinfo=timezone.utc)
TUESDAY_NIGHT = datetime(2026, 11, 24, 22, 30, tzinfo=timezone.utc)
BOXING_DAY_SUBSTITUTE = datetime(2026, 12, 28, 10, 0, tzinfo=timezone.utc)  # a Monday bank holiday
SATURDAY = datetime(2026, 11, 28, 11, 0, tzinfo=timezone.utc)
MOMENTS = {"in hours": TUESDAY_MORNING, "night": TUESDAY_NIGHT}
MAX_MONTHS = 19 * 12 + 11


@pytest.fixture
def clocked(tmp_path, clock):
    return clocked_client(tmp_path, clock, TUESDAY_MORNING)


def words(html: str) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


def _age_for(*band_ids: str | None) -> dict | None:
    """An age (the call screen's fields) inside every band named, or None if they do not meet."""
    catalogue = load_catalogue()
    bands = [catalogue.band(b) for b in band_ids if b]
    if any(b.unborn == "only" for b in bands):
        return {"unborn": "yes"}
    lo = max([b.min_months or 0 for b in bands] + [0])
    hi = min([b.max_months if b.max_months is not None else MAX_MONTHS for b in bands] + [MAX_MONTHS])
    if lo > hi:
        return None
    months = (lo + hi) // 2
    return {"age_years": str(months // 12), "age_months": str(months % 12)}


def _crosswalked() -> list:
    """(indicator, age) for every need the catalogue cross-walks to a p9 criterion, at an age inside
    the cross-walk's band; a cross-walk by level gives every need at that level its band admits."""
    catalogue = load_catalogue()
    out = []
    for walk in catalogue.crosswalks:
        ids = walk.indicators or [i.id for i in catalogue.indicators if i.level == walk.level and not i.immediate]
        for iid in ids:
            age = _age_for(catalogue.indicator(iid).age_band, walk.age_band)
            unborn = bool(age and age.get("unborn"))
            months = None if unborn or not age else int(age["age_years"]) * 12 + int(age["age_months"])
            if age and catalogue.admits(iid, unborn, months):
                out.append(pytest.param(iid, age, id=f"{walk.id}:{iid}"))
    return out


CROSSWALKED = _crosswalked()


def _case(iid: str, age: dict, moment: datetime, **context) -> Case:
    child = {"unborn": True} if age.get("unborn") else {"age_years": int(age["age_years"]), "age_months": int(age["age_months"])}
    return Case.parse({"child": child, "indicators": [iid], "context": {"caller": "professional", "contact_time": moment.isoformat(), **context}})


def _screen(client, iid: str, age: dict, **extra) -> dict:
    r = client.post(URL, data={"add": iid, "caller": "professional", **age, **extra}, headers={"X-Requested-With": "fetch"})
    assert r.status_code == 200
    return r.json


def test_the_cross_walks_give_needs_to_test():
    """The enumeration is not empty: every cross-walk gives at least one need at an age it admits."""
    walks = {p.id.split(":")[0] for p in CROSSWALKED}
    assert walks == {w.id for w in load_catalogue().crosswalks}
    assert len(CROSSWALKED) >= 8


@pytest.mark.parametrize("when", list(MOMENTS))
@pytest.mark.parametrize("iid, age", CROSSWALKED)
def test_a_cross_walked_immediate_referral_puts_the_call_through_now(clocked, iid, age, when):
    """Whatever the need that makes the decision immediate, the screen says so in all four places:
    the panel, the route bar, the decision's key and the screen-reader status."""
    moment = MOMENTS[when]
    clocked.clock.set(moment)
    expected = evaluate(_case(iid, age, moment), office_hours=OfficeHours())
    assert expected.immediate, f"the oracle: {iid} at {age} is an immediate referral (p9 by cross-walk)"
    body = _screen(clocked, iid, age)
    assert body["immediate"] == []  # no p9 box is ticked: the need came from the table
    assert body["put_through_now"] is True
    panel = words(body["parts"]["put_through"])
    assert f"Put the call through now to the {expected.route.team}" in panel
    assert "Immediate referral: put the caller through" in panel
    assert words(body["parts"]["route_bar"]).startswith("Put the call through now")
    decision = words(body["parts"]["decision"])
    assert "Put the call through now to" in decision
    assert "Protection (immediate referral)" in decision
    assert body["status"].startswith(f"Put the call through now: {expected.route.team}")
    assert "Protection (immediate referral)" in body["status"]


def _protection_not_immediate() -> list[str]:
    """Protection-table needs that, at 10 years old in hours, make a Protection decision that is not
    an immediate referral (the oracle decides which)."""
    catalogue = load_catalogue()
    out = []
    for ind in catalogue.indicators:
        if ind.level != Level.PROTECTION or ind.immediate or not catalogue.admits(ind.id, False, 120):
            continue
        d = evaluate(_case(ind.id, {"age_years": "10", "age_months": "0"}, TUESDAY_MORNING), office_hours=OfficeHours())
        if d.level == Level.PROTECTION and not d.immediate:
            out.append(ind.id)
    return out


PROTECTION = _protection_not_immediate()


def test_there_are_protection_needs_that_are_not_immediate():
    assert "protection.no_fixed_abode_homeless" in PROTECTION


@pytest.mark.parametrize(
    "iid, when", [(i, "in hours") for i in PROTECTION] + [("protection.no_fixed_abode_homeless", "night"), ("protection.victim_crime", "night")]
)
def test_a_protection_decision_that_is_not_immediate_is_put_through_now_as_a_safeguarding_concern(clocked, iid, when):
    """As the journey's ring_now (Protection: "refer to Social Care now"): a safeguarding concern is put
    through immediately (Appendix 2, p25). Its warning says Protection concern, never the p9 words
    (it is not an immediate referral), and the level is never called an immediate referral."""
    moment = MOMENTS[when]
    clocked.clock.set(moment)
    age = {"age_years": "10", "age_months": "0"}
    expected = evaluate(_case(iid, age, moment), office_hours=OfficeHours())
    body = _screen(clocked, iid, age)
    panel = words(body["parts"]["put_through"])
    assert f"Put the call through now to the {expected.route.team}" in panel
    assert "Protection concern: put the caller through" in panel and "Appendix 2, p25" in panel
    assert "Immediate referral" not in panel and "without the need for a CAF" not in panel
    assert body["status"].startswith(f"Put the call through now: {expected.route.team}")
    level = words(re.search(r'id="app-level">(.*?)</dd>', body["parts"]["decision"], re.S).group(1))
    assert level == "Protection" and "immediate referral" not in body["status"]


def test_below_protection_the_screen_says_put_through_not_now(clocked):
    body = _screen(clocked, "extensive.beyond_parental_control", {"age_years": "10", "age_months": "0"})
    assert body["put_through_now"] is False
    assert "Put the call through now" not in words(body["parts"]["put_through"]) + body["status"] + words(body["parts"]["route_bar"])
    assert body["status"].startswith("Level: Extensive. Put through to")


# --- F6: "closed now" said the same way wherever the route is given -------------------------------------

CLOSED = [
    pytest.param("additional.lack_routine", TUESDAY_NIGHT, {}, id="additional-night"),
    pytest.param("additional.lack_routine", SATURDAY, {"caller": "parent_carer"}, id="additional-parent-saturday"),
    pytest.param("extensive.beyond_parental_control", BOXING_DAY_SUBSTITUTE, {}, id="extensive-bank-holiday"),
    pytest.param("extensive.beyond_parental_control", datetime(2027, 1, 1, 10, 0, tzinfo=timezone.utc), {}, id="extensive-new-year"),
    pytest.param("additional.child_disabilities_whose_needs", SATURDAY, {"disability": "substantial_lifelong"}, id="disabled-saturday"),
]


def _summary_route(summary_html: str) -> str:
    summary = unescape(re.search(r'id="app-summary"[^>]*>(.*?)</textarea>', summary_html, re.S).group(1))
    return re.search(r"^Route: (.*)$", summary, re.M).group(1)


@pytest.mark.parametrize("iid, moment, extra", CLOSED)
def test_a_closed_route_is_said_closed_in_the_status_the_bar_and_the_call_summary(clocked, iid, moment, extra):
    """The oracle: the decision says the route's line is not available now, and the visible route on
    the screen says so; the status line, the bar and the summary's Route line say it in the same words."""
    clocked.clock.set(moment)
    age = {"age_years": "10", "age_months": "0"}
    expected = evaluate(_case(iid, age, moment, **extra), office_hours=OfficeHours())
    assert not expected.route.available_now and expected.level != Level.PROTECTION
    body = _screen(clocked, iid, age, **extra)
    visible = re.search(r'id="app-route">(.*?)<br>', body["parts"]["decision"], re.S).group(1)
    said = re.search(r"\((closed now[^)]*)\)", words(visible)).group(1)
    assert said == "closed now: when day services reopen"
    assert f"({said})" in body["status"]
    assert f"({said})" in words(body["parts"]["route_bar"])
    assert _summary_route(body["parts"]["decision"]).endswith(f"({said})")


@pytest.mark.parametrize("iid", ["additional.lack_routine", "extensive.beyond_parental_control"])
def test_an_open_route_is_never_said_closed(clocked, iid):
    body = _screen(clocked, iid, {"age_years": "10", "age_months": "0"})
    for part in (body["status"], words(body["parts"]["route_bar"]), words(body["parts"]["decision"])):
        assert "closed now" not in part
