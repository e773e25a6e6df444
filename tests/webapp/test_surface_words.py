"""Words the surfaces say beside a decision's facts (pathway/surfaces.py, the catalogue's `surfaces`):
review 7 (surfaces) F6 on the result page and F8, the ring-now page shown before the child's details."""

from __future__ import annotations

import re
from datetime import datetime, timezone
from html import unescape

import pytest

from pathway.catalogue import load_catalogue
from pathway.models import Case
from pathway.settings import OfficeHours
from rules import evaluate
from tests.webapp.conftest import CHILD, clocked_client, text, walk_needs

MONDAY_MORNING = datetime(2026, 12, 7, 10, 0, tzinfo=timezone.utc)
MONDAY_NIGHT = datetime(2026, 12, 7, 19, 30, tzinfo=timezone.utc)
TICK = "immediate.allegation_or_disclosure"


@pytest.fixture
def clocked(tmp_path, clock):
    """The real office hours (Mon-Fri 08:30-17:00 London) and a clock the test sets."""
    return clocked_client(tmp_path, clock, MONDAY_MORNING)


def _before_details() -> str:
    return load_catalogue().surfaces.before_details.text


def _said(page: str) -> str:
    """Words as read: tags gone, spaces collapsed, none before punctuation (a page link ends "p37")."""
    return re.sub(r"\s+([).,;:])", r"\1", " ".join(unescape(re.sub(r"<[^>]+>", " ", page)).split()))


def test_the_ring_now_page_before_the_details_says_near_the_top_that_the_team_may_change(clocked):
    """F8: the page names Children and Families Direct before the child's details are asked; Appendix 3
    (p37) gives an open child to the allocated social worker and a disabled child's protection concerns
    to the Disabled Children's Team. The page says so under the warning, before anything else."""
    clocked.post("/safety", data={"immediate": [TICK]})
    r = clocked.get("/result")
    said = _said(r.get_data(as_text=True))
    assert "Ring Children and Families Direct now" in said
    sentence = _said(_before_details())
    assert sentence in said
    # near the top: straight after the ring-now warning, before the route's why and "Why"
    warning = "Do not wait and do not start a Common Assessment Framework (CAF) first"
    assert said.index(warning) < said.index(sentence) < said.index("When you have made the call")
    # its words are the document's: both teams it names are Appendix 3's, cited
    for words in ("allocated social worker", "Disabled Children's Team", "substantial and life-long disability", "Appendix 3, p37"):
        assert words in sentence


def test_the_sentence_is_not_said_once_the_details_name_the_team(clocked):
    """With every page answered the page already rings the right team: the sentence is not repeated."""
    clocked.post("/safety", data={"immediate": [TICK]})
    clocked.post("/child", data={**CHILD, "disability": "substantial_lifelong", "large_sibling_group": "no"})
    walk_needs(clocked)
    said = _said(clocked.get("/result").get_data(as_text=True))
    assert "Ring the Disabled Children's Team now" in said
    assert _said(_before_details()) not in said


def test_out_of_hours_the_sentence_is_not_said_the_emergency_duty_team_covers_every_child(clocked):
    """At night the page rings the Emergency Duty Team, for an open or a disabled child as well
    (the oracle: rules.evaluate with those details): the sentence would be wrong, and is not said."""
    clocked.clock.set(MONDAY_NIGHT)
    for context in ({"disability": "substantial_lifelong"}, {"open_to_social_care": True}):
        case = Case.parse(
            {"child": {"age_years": 9}, "indicators": [TICK], "context": {"contact_time": MONDAY_NIGHT.isoformat(), "caller": "professional", **context}}
        )
        assert evaluate(case, office_hours=OfficeHours()).contacts[0].id == "emergency_duty_team"
    clocked.post("/safety", data={"immediate": [TICK]})
    said = _said(clocked.get("/result").get_data(as_text=True))
    assert "Ring the Emergency Duty Team now" in said
    assert _said(_before_details()) not in said


def test_the_result_page_says_a_closed_route_in_the_words_the_call_screen_uses(clocked):
    """F6 on the result page: the route's "closed now" in the one wording (pathway.surfaces.closed_now)."""
    clocked.clock.set(MONDAY_NIGHT)
    clocked.post("/safety", data={"immediate": "none"})
    clocked.post("/child", data=CHILD)
    walk_needs(clocked, {"health": ["additional.dental_decay_not_accessing"]})
    said = text(clocked.get("/result"))
    route = re.search(r"Route: (.*?)\. ", said).group(1)
    assert route.endswith("(closed now: when day services reopen)"), route
