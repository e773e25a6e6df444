"""Tests written for the mutants of the last session's rule code that no test noticed (mut12's run,
docs/safety/mutation.md "The last session's rule and search code"). Each oracle is the document's words
(tests/data/threshold_document.txt) or arithmetic written here, never the catalogue's own words.
"""

from __future__ import annotations

import pathlib
import re

import pytest

from pathway import Case
from rules import evaluate
from tests.conftest import IN_HOURS, OUT_OF_HOURS

DOCUMENT = " ".join((pathlib.Path(__file__).resolve().parents[1] / "data" / "threshold_document.txt").read_text(encoding="utf-8").split())
CALLERS = ["professional", None, "parent_carer", "public"]


def _case(child, indicators=(), parent=None, **context):
    body = {"child": child, "indicators": list(indicators), "context": {k: v for k, v in context.items() if v is not None}}
    if parent is not None:
        body["parent"] = {"age_years": parent}
    return Case.parse(body)


# ---------------------------------------------------------------------------------------------------------
# Review 11 H1 (rules/resolved_actions.py `disability_uncertain`): the Protection action reads the disability
# as the route does. An unborn baby said to have a substantial, life-long disability is routed as one whose
# disability is uncertain (this tool's reading, assumptions.unborn_disability; the Disabled Children's Team
# serves children, p23), so p37's uncertainty exception gives the child protection enquiries to the Duty team.
# Mutant R2 (the entry reading the answer given, `c.context.disability == "uncertain"`) went unnoticed: every
# H1 test had a born child of 8, so the action named the Disabled Children's Team as the place for the
# referral while the route sent it to the Duty team.
def test_p37_gives_an_uncertain_disability_to_the_duty_team_while_the_dct_establishes_it():
    assert "Where there is uncertainty about the nature of the child's disability, the need to safeguard the child takes precedence" in DOCUMENT
    assert "the Duty team will be responsible for the resulting child protection enquiries" in DOCUMENT
    assert "whilst The Disabled Children's Team establish the nature of the disability" in DOCUMENT


@pytest.mark.parametrize("caller", CALLERS)
@pytest.mark.parametrize("moment", [IN_HOURS, OUT_OF_HOURS])
@pytest.mark.parametrize("sibling_group", [False, True])
def test_an_unborn_babys_protection_action_names_the_duty_team_as_its_route_does(sibling_group, moment, caller):
    context = {"disability": "substantial_lifelong", "large_sibling_group": sibling_group, "caller": caller, "contact_time": moment}
    d = evaluate(_case({"unborn": True}, ["immediate.significant_harm"], **context))
    assert d.level == "protection" and d.immediate
    assert d.route.team in ("Screening and Duty Team", "Emergency Duty Team"), d.route.team  # the route's reading
    assert any("Duty team" in a for a in d.actions), d.actions
    for s in (s for a in d.actions for s in re.split(r"(?<=[.;:])\s+", a)):
        if "Disabled Children's Team" in s:
            # only as p37 has it: establishing the nature of the disability (or the secondary worker)
            assert "establish" in s or "secondary worker" in s, s


# Mutant R4 (`_disability` reading every need of the case, not only those today's catalogue has) went
# unnoticed: a saved entry whose need was since renamed or removed is worded as far as today's catalogue
# has its needs (webapp/journey/present.py), and H1's entries read the needs for the disability. Today's
# catalogue is stood in for by one without a need the case names, as tests/webapp/accounts/test_reopen.py does.
def test_a_saved_entry_naming_a_need_todays_catalogue_lacks_is_worded_as_without_it():
    from pathway import load_catalogue
    from rules import resolved_actions

    gone = "additional.lack_routine"
    real = load_catalogue()

    class Later:  # today's catalogue, without the need
        def __getattr__(self, name):
            return getattr(real, name)

        def has_indicator(self, iid):
            return iid != gone and real.has_indicator(iid)

        def indicator(self, iid):
            if iid == gone:
                raise KeyError(iid)
            return real.indicator(iid)

    for disability in ("substantial_lifelong", "uncertain", "mild_moderate"):
        context = {"disability": disability, "caller": "professional", "contact_time": IN_HOURS}
        saved = _case({"age_years": 8}, ["immediate.significant_harm", gone], **context)
        today = _case({"age_years": 8}, ["immediate.significant_harm"], **context)
        actions = evaluate(today).actions
        assert resolved_actions.resolve(actions, saved, Later()) == resolved_actions.resolve(actions, today, real)


# ---------------------------------------------------------------------------------------------------------
# Review 11 H4 (`outside_parent`): a parent's band refused for the parent's age given names the needs that fit
# that age. Mutant Y1 (the hint for a parent of 16 given to 17 too: `max_months` 203 to 215) went unnoticed:
# the tests checked that the needs that fit are named, never that no need named is one the age is outside.
# The young parents' needs and the parent's ages the document gives them, by hand (p13-17):
FITS = {
    "protection.sexual_activity_under_13": (0, 12),  # 'Sexual activity under 13' (p17): the young parent as the child
    "extensive.pregnant_under_16": (0, 15),  # 'Pregnant under 16' (p15-16)
    "additional.pregnant_under_17": (0, 16),  # 'Pregnant under 17' (p13-14)
    "extensive.teenage_parents_with_concerns": (13, 19),  # 'Teenage parents with concerns' (p15-16): 13 to 19
    "extensive.pregnant_care_leavers": (16, 25),  # 'Pregnant care-leavers ... (25yrs)' (p15-16): a care leaver, 16 to 25
}
PARENTS_NEEDS = [i for i in FITS if i != "protection.sexual_activity_under_13"]


@pytest.mark.parametrize("unborn", [True, False])
@pytest.mark.parametrize("indicator", PARENTS_NEEDS)
def test_a_refused_parents_band_names_no_need_the_parents_age_is_outside(indicator, unborn):
    from pathway import CaseError

    child = {"unborn": True} if unborn else {"age_years": 0, "age_months": 3}
    refused = 0
    for parent in range(10, 31):
        try:
            evaluate(_case(child, [indicator], parent, contact_time=IN_HOURS))
        except CaseError as exc:
            refused += 1
            message = str(exc)
            named = set(re.findall(r"\b(?:protection|extensive|additional)\.[a-z0-9_]+", message)) - {indicator}
            outside = {i for i in named if i in FITS and not FITS[i][0] <= parent <= FITS[i][1]}
            assert not outside, (parent, outside, message)
    low, high = FITS[indicator]
    assert refused == 21 - (min(high, 30) - max(low, 10) + 1)  # refused exactly outside the need's own ages


# mutmut's `_out_of_band` 13, 14, 19 (the words asking for the parent's age, and the separator before each hint,
# could be anything): the tests looked for the words inside the message. Each hint is its own sentence, after
# the case's own answer; the ask for the parent's age is said whole, only when the parent's age was not given.
def test_each_parent_hint_is_its_own_sentence_and_the_ask_is_said_whole():
    from pathway import CaseError

    with pytest.raises(CaseError) as no_age:
        evaluate(_case({"age_years": 17}, ["extensive.pregnant_under_16"], contact_time=IN_HOURS))
    assert str(no_age.value).endswith("; this child is 17 years 0 months. If the assessment is about the baby, give the parent's age as parent.age_years")
    with pytest.raises(CaseError) as aged:
        evaluate(_case({"unborn": True}, ["extensive.pregnant_under_16"], 18, contact_time=IN_HOURS))
    message = str(aged.value)
    head, _, hints = message.partition("; the parent is 18 years. ")
    assert head and hints[:1].isupper(), message  # a sentence of its own
    assert "extensive.teenage_parents_with_concerns" in hints and "extensive.pregnant_care_leavers" in hints
    assert "XX" not in message and ". . " not in message
    # two hints (the under-13 pointer first, then the band's own): each its own sentence
    with pytest.raises(CaseError) as two:
        evaluate(_case({"unborn": True}, ["extensive.pregnant_care_leavers"], 12, contact_time=IN_HOURS))
    message = str(two.value)
    assert "; the parent is 12 years. A parent under 13 meets 'Sexual activity under 13'" in message, message
    assert ". For a pregnant young person under 16: 'Pregnant under 16'" in message, message
    assert "XX" not in message and ". . " not in message
