"""Out of hours a day service is never offered as if open, whoever gives its words, and a service
the document gives no hours for is said to be one whose hours this tool assumed (review 6, F2, F9,
F14). The oracle is the document's Key contacts (p23): hours are given for the Emergency Duty Team
alone ("out of hours only"); the day service teams and social workers are the rest."""

from __future__ import annotations

import pytest

from pathway.catalogue import load_catalogue
from pathway.models import CaseError
from rules import evaluate
from tests.conftest import make_case

CAT = load_catalogue()
CLOSED = "Closed now (out of hours)"
# Key contacts, p23: services the document gives no hours for and does not count among "day service
# teams and social workers" (Children and Families Direct is the front door of day services, p4, p9;
# the Disabled Children's Team a social care team; the allocated social worker a social worker)
NO_HOURS_GIVEN = {"family_information_service", "dart", "camhs_spa"}
NIGHTS = ["2027-01-12T19:00:00+00:00", "2027-01-16T11:00:00+00:00", "2027-12-27T11:00:00+00:00"]  # a weekday evening, a Saturday, a substitute bank holiday


@pytest.mark.parametrize("moment", NIGHTS)
@pytest.mark.parametrize("disability", ["substantial_lifelong", "uncertain"])
def test_a_disabled_childs_protection_referral_at_night_says_the_day_team_is_closed(moment, disability):
    """Appendix 3 (p37) names the Disabled Children's Team (or the Duty team): both are day teams, so
    at night the decision rings the Emergency Duty Team, says the named team is closed now, and says
    so before the routing words ("Refer immediately to the Disabled Children's Team")."""
    d = evaluate(make_case(["protection.victim_crime"], age_years=12, disability=disability, contact_time=moment))
    assert d.contacts[0].id == "emergency_duty_team"
    team = next(c for c in d.contacts if c.id == "disabled_childrens_team")
    assert team.when.startswith(CLOSED)
    rules = [g.rule for g in d.guidance if g.rule.startswith("disabled_children.")]
    assert rules[0] == "disabled_children.closed_now" and len(rules) == 2


def test_in_hours_the_disabled_childrens_team_is_not_said_to_be_closed():
    d = evaluate(make_case(["protection.victim_crime"], age_years=12, disability="substantial_lifelong", contact_time="2027-01-12T10:00:00+00:00"))
    assert d.contacts[0].id == "disabled_childrens_team" and not d.contacts[0].when.startswith(CLOSED)
    assert "disabled_children.closed_now" not in {g.rule for g in d.guidance}


@pytest.mark.parametrize("moment", NIGHTS)
def test_an_early_help_routes_own_contact_at_night_says_it_is_closed(moment):
    """The route's own contact is the one the contract calls "the one to ring now": at night, for
    early help, it is a closed day service and must say so (it once went without)."""
    d = evaluate(make_case(["additional.lack_routine"], contact_time=moment))
    assert not d.route.available_now
    assert d.contacts[0].id == "children_families_direct" and d.contacts[0].when.startswith(CLOSED)


@pytest.mark.parametrize("moment", ["2027-01-12T10:00:00+00:00", NIGHTS[0]])
def test_a_decision_naming_a_service_with_no_hours_in_the_document_says_its_hours_are_assumed(moment):
    """For every need alone, in hours and at night: the contact_hours assumption is listed exactly
    when a listed contact is one the document gives no hours for, and it names each of them."""
    seen = set()
    for ind in CAT.indicators:
        try:
            d = evaluate(make_case([ind.id], age_years=16, contact_time=moment))
        except CaseError:  # a need with an age band 16 does not meet: not this test's business
            continue
        listed = {c.id for c in d.contacts} & NO_HOURS_GIVEN
        seen |= listed
        assumed = [a for a in d.assumptions if a.id == "contact_hours"]
        assert len(assumed) == (1 if listed else 0), ind.id
        for cid in listed:
            assert CAT.contact(cid).name in assumed[0].text, (ind.id, cid)
    assert seen == NO_HOURS_GIVEN, "every such service must be reached by some need, or this test proves less"
