"""left14: p9's unborn baby's criterion ("Where there are serious concerns regarding the risk of significant
harm to an unborn baby") ticked with no age given, and no other p9 criterion, is an immediate referral on
every surface. The rules' checks refuse it for a child not said to be unborn; rules.refusals left it out,
found nothing immediate left, and refused the whole case (the API 422, the command line exit 2): a p9 box
refused. It is now decided for the unborn baby its words name, and the decision names `child.unborn` as
the answer it was decided without.

Whom to ring is p23 and p4's, copied by hand: Children and Families Direct 0115 876 4800 in office hours,
the Emergency Duty Team 0115 876 1000 out of hours (a bank holiday included).
"""

from __future__ import annotations

import pytest

from pathway.models import Case, CaseError
from pathway.settings import OfficeHours
from rules import evaluate, evaluate_despite_refusals

UNBORN = "immediate.unborn_significant_harm"
IN_HOURS = "2027-01-12T10:00:00+00:00"  # a Tuesday morning
BANK_HOLIDAY_NIGHT = "2026-12-28T22:00:00+00:00"  # the Boxing Day substitute, at night
RING = {IN_HOURS: ("Children and Families Direct", "0115 876 4800"), BANK_HOLIDAY_NIGHT: ("Emergency Duty Team", "0115 876 1000")}


@pytest.mark.parametrize("moment", sorted(RING))
@pytest.mark.parametrize("child", [None, {}], ids=["no child", "child of no age"])
@pytest.mark.parametrize("others", [[], ["additional.lack_routine"]], ids=["alone", "beside a need"])
def test_the_unborn_babys_box_with_no_age_rings_now(child, others, moment):
    raw = {"indicators": [UNBORN, *others], "context": {"contact_time": moment}} | ({} if child is None else {"child": child})
    with pytest.raises(CaseError):  # the premise: the checks refuse it for a child not said to be unborn
        evaluate(Case.parse(raw), office_hours=OfficeHours())
    decision = evaluate_despite_refusals(Case.parse(raw), office_hours=OfficeHours())
    assert decision.immediate and decision.level.value == "protection"
    assert (decision.contacts[0].name, decision.contacts[0].phone) == RING[moment]
    assert UNBORN in [i for reason in decision.reasons for i in reason.indicators]
    [without] = decision.decided_without
    assert without.field == "child.unborn" and "indicators[0] kept" in without.message and "unborn baby" in without.message
