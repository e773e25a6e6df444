"""The guidance and routing rules against a plain statement of them, over every combination of
level, immediacy, office hours, caller, disability, consent, current level, sibling group and
open case: the route, every contact (and its own words where a rule gives them), every action,
every guidance item and the step must be exactly what the statement says.
(tests/rules/oracle.py states the routing and the step; the rest is stated here.)"""

from __future__ import annotations

import itertools

import pytest

from pathway.catalogue import load_catalogue
from pathway.levels import Level
from rules import engine, ensure_registered, guidance
from tests.rules.oracle import oracle_route, oracle_step

CAT = load_catalogue()


@pytest.fixture(autouse=True, scope="module")
def _registered():
    """This file runs the guidance ruleset directly, so it registers it (and runs alone too); in a
    fixture, not at import, so mutmut's fork server never registers the unmutated rules first."""
    ensure_registered()


CALLERS = ["professional", "parent_carer", "public", "unknown"]
DISABILITY = ["none", "mild_moderate", "substantial_lifelong", "uncertain", "unknown"]
CONSENT = ["yes", "no", "unknown"]
# the answers that say the child is disabled (review 17, N6)
DISABLED = ("mild_moderate", "substantial_lifelong", "uncertain")
P, CIN, E, A, U = Level.PROTECTION, Level.CHILD_IN_NEED, Level.EXTENSIVE, Level.ADDITIONAL, Level.UNIVERSAL
REOPEN = "When day services reopen, and for any follow-up."
# below significant harm out of hours: the document names no route, so the words say it is a reading (review 12, H4)
NO_ROUTE = " This tool's reading: the document names no out-of-hours route below significant harm (p4, p23)."
# an open child's immediate referral in hours (review 6, F3): the document's fallback after the
# social worker's own words (route 2, p18-21), and Children and Families Direct next (a reading)
SERVICE_MANAGER = (
    "If the social worker or team manager cannot be reached in time, contact the relevant service manager for that area (p18-21)."
    " This tool's reading: the document says this in its route for disagreements about a family already open (route 2), not of an immediate referral."
)
# a caller who is not CAF trained (p4: a concerned neighbour or volunteer; review 7, F2 and F8)
UNTRAINED = ("parent_carer", "public")
SOCIAL_WORKER_IF_KNOWN = (
    "If you know the child's social worker or the team holding the case, you may tell them too. This tool's reading: your call goes to "
    "Children and Families Direct or, out of hours, the Emergency Duty Team (p4, p9)."
)
DCT_OPEN_CASE = (
    "After the call to the team holding the case: if the Disabled Children's Team does not hold it, tell it too. This tool's reading: "
    "Appendix 3 (p37) does not address a child already open."
)
CASE_HOLDER_UNREACHABLE = (
    "If no one holding the case can be reached now: immediate concerns go via Children and Families Direct (p9, p23). This tool's reading: "
    "Appendix 3 (p37) sends only children not already open to social care here, so ring it only when the case holder cannot be reached."
)


def _fact(level, immediate, ooh, caller, disability, consent, current, sibling, open_case, **extra):
    return {
        "kind": "decision",
        "level": level.value,
        "level_rank": level.rank,
        "immediate": immediate,
        "out_of_hours": ooh,
        "consent": consent,
        "disability": disability,
        # the road by which the case says the child is disabled (review 17, N6): each answer of a disability its
        # own road; 'stated' (a chosen need's words, no disability answered) is given by `extra`
        "disabled_road": disability if disability in DISABLED else "none",
        "large_sibling_group": sibling,
        "current_rank": current,
        "caf": "unknown",  # the CAF answer's own rules (F10) are checked in test_guidance_rules.py
        "caller": caller,
        "open_case": open_case,
        # an open child whose support is not given at Child in Need or Protection is taken as supported at Child in
        # Need (rank 4) or above: the declared reading (catalogue open_from_current_level.taken_as; rules15)
        "open_support_rank": 4 if open_case and current < 4 else 0,
        "caf_single_need_not_improving": False,
        "age_unknown_crosswalk_count": 0,
        "age_entailment_unknown_count": 0,  # checked in test_young_pregnancy.py
        "age_entailment_possible": [],  # checked in test_review10_pregnancy_start_possible.py and below
        "age_entailment_possible_count": 0,
        "age_pointers": [],
        "age_pointer_count": 0,
        "unborn_pointers": [],  # checked in test_review7_ages.py
        "unborn_pointer_count": 0,
        "criterion_pointers": [],  # checked in test_review13_rules.py
        "criterion_pointer_count": 0,
        "twin_notes": [],
        "twin_count": 0,
        "disability_not_routed": False,  # a care leaver of 20 to 25: checked in test_review8_adult_scope.py
        "beyond_childhood": False,
        "unborn": False,  # an unborn baby at Protection: the pre-birth planning meeting (below; test_appendix3_in_decision.py)
        "young_adult": False,  # a young person of 18 or 19: the section 47 item's words (test_review16_protection_young_adult.py)
        **extra,
    }


def _cases():
    for level in Level:
        for immediate in [False, True] if level is P else [False]:
            yield from (
                (level, immediate) + rest for rest in itertools.product([False, True], CALLERS, DISABILITY, CONSENT, range(6), [False, True], [False, True])
            )


NOT_CAF_TRAINED_DCT = (
    "Serves children with a substantial and life-long disability: "
    "Children and Families Direct passes the concern to them (this tool's reading; Appendix 3, p37)."
)


def expected_contacts(level, ooh, disability, sibling, open_case, immediate=False, caller="professional") -> dict[str, str | None]:
    """Contacts the rules add beside the route's own, with the words a rule gives them (None: the
    contact's own words)."""
    out: dict[str, str | None] = {}
    social_care = level.rank >= 4
    untrained = caller in UNTRAINED
    if not open_case:
        if social_care and not ooh:
            out["children_families_direct"] = None
            out["emergency_duty_team"] = "Out of hours only, if the situation cannot wait for day services to reopen." + NO_ROUTE if level is CIN else None
        if social_care and ooh:
            out["children_families_direct"] = REOPEN if level is P else "When day services reopen, if the referral can safely wait until then." + NO_ROUTE
        if level in (A, E) and ooh:
            out["emergency_duty_team"] = "Only if at any point a child is suffering or likely to suffer significant harm."
        if level is U:
            out["children_families_direct"] = None
    elif untrained:  # the social worker if they know them; Children and Families Direct is theirs (p4)
        out["allocated_social_worker"] = SOCIAL_WORKER_IF_KNOWN
        if ooh:
            out["children_families_direct"] = REOPEN
        else:
            out["emergency_duty_team"] = "Out of hours only, when the social worker is not available."
    elif ooh:
        out["allocated_social_worker"] = REOPEN
    else:
        out["emergency_duty_team"] = "Out of hours only, when the social worker is not available."
        if immediate:
            out["children_families_direct"] = CASE_HOLDER_UNREACHABLE
    if open_case and level is P and disability in ("substantial_lifelong", "uncertain"):
        # one place to ring first, the route's; the Disabled Children's Team after (review 7, F3)
        if not untrained:
            out["disabled_childrens_team"] = DCT_OPEN_CASE
    elif level is P and disability == "substantial_lifelong":
        out["disabled_childrens_team"] = (
            "Secondary worker for the disabled child; the Duty team leads."
            if sibling
            else NOT_CAF_TRAINED_DCT
            if untrained  # review 10, H4: the caller rings Children and Families Direct, who pass it on
            else "Child protection concerns about a child with a substantial and life-long disability: the referral goes to the Disabled Children's Team."
        )
    elif level is P and disability == "uncertain":
        out["disabled_childrens_team"] = "Establishes the nature of the disability; the Duty team leads the child protection enquiries."
    if level.rank <= 4 and disability == "substantial_lifelong":  # Child in Need, or below it (review 6, F11)
        out["disabled_childrens_team"] = None
    return out


def expected_notes(immediate, ooh, open_case, caller="professional") -> dict[str, str]:
    """Words a rule adds after a listed contact's own (contact_note findings): route 2's fallback is a professional's (p18-21)."""
    return {"allocated_social_worker": SERVICE_MANAGER} if open_case and immediate and not ooh and caller not in UNTRAINED else {}


def expected_actions(level, immediate, ooh, consent, open_case, caller="professional") -> set[str]:
    social_care, early_help = level.rank >= 4, level in (A, E)
    out = set()
    if immediate:
        out.add("ring_now")
    if social_care and not immediate and (level is P or not ooh):
        out.add("refer_by_route")
    if level is CIN and ooh:
        out.add("social_care_out_of_hours")
    if open_case:
        out.add("open_case_not_caf_trained" if caller in UNTRAINED else "open_case")
    if consent == "no" and early_help and caller not in UNTRAINED:  # p7: the lead professional's judgement
        out.add("consent_refused_open" if open_case else "consent_refused")
    return out


def expected_guidance(level, ooh, caller, disability, consent, current, sibling, open_case) -> set[str]:
    social_care, early_help = level.rank >= 4, level in (A, E)
    out = {"scope.one_child"}  # every decision: the tool decides one child (p9; review 14, K1)
    step = oracle_step(level, current, open_case)
    if step:
        out.add(f"step.{step}")
    # below a social-care level supported at now; and an open child taken as supported at one, at every level (rules15)
    if (current >= 4 and level.rank < current) or (open_case and current < 4):
        out.add("step.social_care_managed")
    if consent == "no" and caller not in UNTRAINED:  # p7, p37: a professional's steps (review 7, F8)
        out |= {"consent.refused_early_help"} if early_help else set()
        out |= {"consent.refused_extensive"} if level is E else set()
        out |= {"consent.social_care"} if social_care else set()
    # p4: not CAF trained, contact Children and Families Direct, an open child too (review 7, F2)
    if caller in UNTRAINED and early_help:
        out.add("guidance.not_caf_trained")
    if caller == "professional" and social_care:
        out.add("referral.confirm_in_writing")
    # what follows a referral into Social Care (Appendix 3, p37), for every caller; the section 47 enquiry's
    # assessment at Protection; route 1 of the disagreements (p18) for an agency's referral of a child not open
    if social_care:
        out.add("referral.social_care_assessment")
    if level is P:
        out.add("referral.s47_assessment")
    if social_care and not open_case and caller not in UNTRAINED:
        out.add("disagreement.referral_not_accepted")
    if ooh and early_help and not open_case:
        out.add("guidance.day_services_closed")
    if open_case:
        out.add("route.open_to_social_care_not_caf_trained" if caller in UNTRAINED else "route.open_to_social_care")
    # Appendix 3's routing of a disabled child (p37) is for a child referred in; an open child's is
    # the route's, with how the Disabled Children's Team is involved (review 7, F3)
    if open_case and ((level is P and disability in ("substantial_lifelong", "uncertain")) or (social_care and disability == "mild_moderate")):
        out.add("disabled_children.open_case")
    elif level is P and disability == "substantial_lifelong":
        # review 10, H4: a caller not CAF trained rings Children and Families Direct and says the disability
        out.add("disabled_children.large_sibling_group" if sibling else "disabled_children.not_caf_trained" if caller in UNTRAINED else "disabled_children.dct")
    elif level is P and disability == "uncertain":
        out.add("disabled_children.uncertain")
    if level is P and disability in ("substantial_lifelong", "uncertain") and ooh:
        out.add("disabled_children.closed_now")  # the day teams Appendix 3 names are closed (p23)
    if social_care and disability == "mild_moderate" and not open_case:
        out.add("disabled_children.mild_moderate")
    # p4 and p37 said, the tables' level kept, on every road by which the case says the child is disabled (review 6
    # F11; review 17 N6: not only a substantial one); the words-only road is checked below
    if level.rank <= 3 and disability in DISABLED:
        out.add("disabled_children.below_child_in_need")
    return out


def run(fact):
    out = engine.run(guidance.NAME, [fact])
    routes = [f["key"] for f in out if f["type"] == "route"]
    route = routes[0] if len(routes) == 1 else routes  # the route rules exclude one another: a list never equals a key
    contacts = {f["id"]: f.get("when") for f in out if f["type"] == "contact"}
    notes = {f["id"]: f["text"] for f in out if f["type"] == "contact_note"}
    actions = {f["key"] for f in out if f["type"] == "action"}
    rules = {f["rule"] for f in out if f["type"] == "guidance"}
    steps = [f["value"] for f in out if f["type"] == "step"]
    return route, contacts, actions, rules, steps, out, notes


def test_every_combination_agrees_with_the_plain_statement():
    checked = 0
    for level, immediate, ooh, caller, disability, consent, current, sibling, open_case in _cases():
        where = (level, immediate, ooh, caller, disability, consent, current, sibling, open_case)
        route, contacts, actions, rules, steps, out, notes = run(_fact(level, immediate, ooh, caller, disability, consent, current, sibling, open_case))
        assert route == oracle_route(level, ooh, disability, sibling, open_case, caller), where
        assert contacts == expected_contacts(level, ooh, disability, sibling, open_case, immediate, caller), where
        assert notes == expected_notes(immediate, ooh, open_case, caller), where
        assert actions == expected_actions(level, immediate, ooh, consent, open_case, caller), where
        assert rules == expected_guidance(level, ooh, caller, disability, consent, current, sibling, open_case), where
        assert steps == ([oracle_step(level, current, open_case)] if oracle_step(level, current, open_case) else []), where
        # a step up to a social-care level is Appendix 1's (p4, p5); within early help, the Family
        # Community Team's Case Management Guidance (Appendix 2), never Appendix 1 (review 6, F7);
        # Child in Need to Protection, and Universal (no CAF) to social care, declared readings (review 7,
        # F7; review 8, F5); a caller not CAF trained is told the step is the professionals' (review 7,
        # F8). Beside an immediate referral "After the call:" is evaluate()'s, for every item alike
        # (review 8, F4: tests/rules/test_review8_counting_and_order.py), not the ruleset's
        for f in out:
            if f.get("rule") == "step.up":
                trained = caller not in UNTRAINED
                assert ("Appendix 1, kept online" in f["text"]) == (trained and level.rank >= 4 and current in (2, 3)), where
                assert ("Case Management Guidance" in f["text"]) == (trained and level.rank <= 3), where
                assert ("This tool's reading: the document keeps its step-up process" in f["text"]) == (trained and level.rank >= 4 and current in (1, 4)), (
                    where
                )
                assert ("is for the professionals who support the family" in f["text"]) == (not trained), where
            if f.get("rule", "").startswith("step."):
                assert not f["text"].startswith("After the call:"), where
        # out of hours the route never sends anyone to a day team
        if ooh and (level.rank >= 4 or open_case):
            assert CAT.contact(CAT.routing[route].via).hours == "out_of_hours", where
        checked += 1
    assert checked == 6 * 2 * 4 * 5 * 3 * 6 * 2 * 2


def test_the_flags_computed_from_the_case_each_bring_their_guidance_and_nothing_else():
    base = dict(level=A, immediate=False, ooh=False, caller="unknown", disability="unknown", consent="unknown", current=0, sibling=False, open_case=False)
    one_child = {"scope.one_child"}  # on every decision (review 14, K1)
    assert run(_fact(**base))[3] == one_child
    ind, link = next((i, link) for i in CAT.indicators for link in CAT.twins_of(i.id))
    note = {"group": link.group, "chosen": [ind.id], "others": [link.other.id]}
    flags = {
        "escalation.caf_single_need": {"caf_single_need_not_improving": True},
        "immediate.crosswalk_age_unknown": {"age_unknown_crosswalk_count": 1},
        "age.pointer.extensive.pregnant_under_16": {"age_pointers": ["extensive.pregnant_under_16"], "age_pointer_count": 1},
        f"twins.{link.group}": {"twin_notes": [note], "twin_count": 1},
        "age.disability_not_routed": {"disability_not_routed": True},
        "age.entailment_pregnancy_start_possible": {"age_entailment_possible": ["the ages"], "age_entailment_possible_count": 1},
    }
    for rule, extra in flags.items():
        assert run(_fact(**base, **extra))[3] == {rule} | one_child, rule
    assert run(_fact(**base, beyond_childhood=True))[3] == one_child  # it changes words only (consent at Extensive)
    # an age pointer to an immediate-referral twin says so, with p9's page (review 6, F6)
    pointed = run(_fact(**base, age_pointers=["immediate.substance_use_under_1"], age_pointer_count=1))[5]
    [g] = [f for f in pointed if f["type"] == "guidance" and f["rule"] != "scope.one_child"]
    assert g["rule"] == "age.pointer.immediate.substance_use_under_1" and "(immediate referral, p9)" in g["text"]


def test_a_need_stating_the_disability_declares_the_reading_below_child_in_need_and_changes_no_route_or_contact():
    """Review 17, N6: the words-only road (disabled_road 'stated': a chosen need says the child is disabled,
    no disability answered, or 'No disability'). Below Child in Need it adds the reading, in its own words, and
    nothing else; at Child in Need or Protection nothing; the route and every contact are the road-less fact's."""
    stated = CAT.guidance.disabled_below_child_in_need.stated
    for level, immediate, ooh, caller, disability, consent, current, sibling, open_case in _cases():
        if disability not in ("none", "unknown") or consent != "unknown" or current not in (0, 3):
            continue
        args = (level, immediate, ooh, caller, disability, consent, current, sibling, open_case)
        route, contacts, actions, rules, steps, out, notes = run(_fact(*args, disabled_road="stated"))
        plain = run(_fact(*args))
        assert (route, contacts, actions, steps, notes) == (plain[0], plain[1], plain[2], plain[4], plain[6]), args
        assert rules == plain[3] | ({"disabled_children.below_child_in_need"} if level.rank <= 3 else set()), args
        said = [f["text"] for f in out if f.get("rule") == "disabled_children.below_child_in_need"]
        assert said == ([stated.text.format(level=CAT.level(level).name)] if level.rank <= 3 else []), args


def test_an_unborn_baby_adds_the_pre_birth_planning_meeting_at_protection_only():
    """Appendix 3 (p37): a pre-birth assessment where there are identified safeguarding risks is commissioned
    at a planning meeting, which identifies the timescales; read at Protection (a declared reading), in the place of
    the section 47 item, every other guidance unchanged."""
    for level, immediate, ooh, caller, disability, consent, current, sibling, open_case in _cases():
        args = (level, immediate, ooh, caller, disability, consent, current, sibling, open_case)
        if disability != "none" or consent != "unknown" or current not in (0, 5):
            continue
        rules = run(_fact(*args, unborn=True))[3]
        want = expected_guidance(level, ooh, caller, disability, consent, current, sibling, open_case)
        # and in the place of the section 47 item's Children's Assessment timescales (p37: the meeting identifies them; review 14, K4)
        assert rules == ((want - {"referral.s47_assessment"}) | {"unborn.pre_birth_planning"} if level is P else want), args


def test_the_oracle_states_the_fact_evaluate_builds_attribute_for_attribute():
    """The oracle's facts carry exactly the attributes `decision_fact` gives the guidance ruleset:
    one it lacks would go untested, one only it has would test nothing (an attribute no rule read,
    `cin_by_disability`, stood in both until the mutation run of 2026-12-01)."""
    from rules.facts import decision_fact
    from tests.conftest import make_case

    case = make_case(["additional.lack_routine"])
    built = decision_fact(case, Level.ADDITIONAL, False, False, [load_catalogue().indicator("additional.lack_routine")], load_catalogue(), 1)
    assert set(built) == set(_fact(Level.ADDITIONAL, False, False, "professional", "none", "unknown", 0, False, False))


CLOSED_NOW = "Closed now (out of hours): contact when day services reopen."  # the document's Key contacts, p23: day services


def test_the_decisions_contacts_are_the_routes_then_the_rules_in_the_rules_words():
    """What the decision lists, for every combination: the route's contact first (in its own words),
    then exactly the contacts the rules add, each in the words the rule gives it or else its own, a
    day service's own words out of hours behind 'Closed now'. The oracle is `expected_contacts`.
    (Mutation run, 2026-12-01: dropping the rules' words, dropping their contacts, or writing
    'Closed now' in hours or before the route's own contact changed 2,200-2,700 of 3,000 varied
    decisions, and no test noticed: the tests above check the rules' output, not the list.)"""
    from rules.evaluate import _contacts

    for level, immediate, ooh, caller, disability, consent, current, sibling, open_case in _cases():
        where = (level, immediate, ooh, disability, sibling, open_case)
        out = run(_fact(level, immediate, ooh, caller, disability, consent, current, sibling, open_case))[5]
        first = CAT.routing[oracle_route(level, ooh, disability, sibling, open_case, caller)].via
        listed = _contacts(out, [], CAT, first, ooh)
        after = expected_notes(immediate, ooh, open_case, caller)
        route_own = CAT.contact(first)
        own = " ".join([closed_if_day_service(route_own.when, route_own.hours, ooh)] + ([after[first]] if first in after else []))
        assert listed[0]["id"] == first and listed[0]["when"] == own, where
        wanted = {cid: when for cid, when in expected_contacts(level, ooh, disability, sibling, open_case, immediate, caller).items() if cid != first}
        assert {c["id"] for c in listed[1:]} == set(wanted), where
        for c in listed[1:]:
            own = CAT.contact(c["id"])
            words = closed_if_day_service(wanted[c["id"]] or own.when, own.hours, ooh)
            assert c["when"] == words and (c["name"], c["phone"]) == (own.name, own.phone), (where, c["id"])


def closed_if_day_service(words: str, hours: str, ooh: bool) -> str:
    """Out of hours a day service is said to be closed now, whoever gives its words (review 6, F2:
    a rule's own words for the Disabled Children's Team at night went without it), unless the
    words already say to contact it when day services reopen."""
    if ooh and hours == "office" and not words.startswith("When day services reopen"):
        return f"{CLOSED_NOW} {words}"
    return words


CAF_ANSWERS = ["none", "open_improving", "open_not_improving"]


def expected_caf_guidance(caf: str, current: int, consent: str = "unknown") -> set[str]:
    """The CAF answer's own guidance (review 6, F10), stated from the document: a CAF open and not
    improving while supported at Universal (the CAF threshold is Additional, p4, p5), and supported
    at Extensive with no CAF (Extensive continues a multi-agency CAF, p15-16). current: 1 Universal,
    3 Extensive (pathway.levels ranks; 0 is not given)."""
    out = set()
    if current == 1 and caf == "open_not_improving":
        out.add("context.caf_failing_at_universal")
    if current == 3 and caf == "none":
        out.add("context.extensive_without_caf")
    # supported at Child in Need or Protection, with a CAF open: p6 keeps the CAF from significant
    # child-protection concerns, whatever its progress (review 8, n01); not improving, the p15-16
    # referral is the Extensive CAF's (review 7, F9)
    if current >= 4 and caf in ("open_improving", "open_not_improving"):
        out.add("context.caf_at_social_care_level")
    # consent to early help refused beside a CAF open: named, not refused (p7; review 10, H5)
    if consent == "no" and caf in ("open_improving", "open_not_improving"):
        out.add("context.consent_refused_caf_open")
    return out


def test_every_combination_with_each_caf_answer_agrees_with_the_plain_statement():
    """The issue's oracle over CAF too (audit11): the combinations above once held the CAF answer at
    'unknown'. Each answer adds only its own guidance; route, contacts, actions and step do not move."""
    checked = 0
    for level, immediate, ooh, caller, disability, consent, current, sibling, open_case in _cases():
        for caf in CAF_ANSWERS:
            where = (level, immediate, ooh, caller, disability, consent, current, sibling, open_case, caf)
            fact = _fact(level, immediate, ooh, caller, disability, consent, current, sibling, open_case)
            fact["caf"] = caf
            route, contacts, actions, rules, steps, _, notes = run(fact)
            assert route == oracle_route(level, ooh, disability, sibling, open_case, caller), where
            assert contacts == expected_contacts(level, ooh, disability, sibling, open_case, immediate, caller), where
            assert actions == expected_actions(level, immediate, ooh, consent, open_case, caller), where
            wanted = expected_guidance(level, ooh, caller, disability, consent, current, sibling, open_case) | expected_caf_guidance(caf, current, consent)
            assert rules == wanted, where
            assert steps == ([oracle_step(level, current, open_case)] if oracle_step(level, current, open_case) else []), where
            checked += 1
    assert checked == 6 * 2 * 4 * 5 * 3 * 6 * 2 * 2 * 3


def test_a_probable_pregnancy_under_13_names_whom_an_immediate_referral_would_ring_now():
    """Review 10, H1 follow-up: the level is not raised, and the words name the contact the route of an
    immediate referral (Protection) of the same case rings now, for every combination; beside an
    immediate referral already, no one new: it is said in that call."""
    words = CAT.guidance.age_entailment_pregnancy_start_possible
    checked = 0
    for level, immediate, ooh, caller, disability, consent, current, sibling, open_case in _cases():
        probable = {"age_entailment_possible": ["the ages"], "age_entailment_possible_count": 1}
        fact = _fact(level, immediate, ooh, caller, disability, consent, current, sibling, open_case, **probable)
        [g] = [f for f in run(fact)[5] if f.get("rule") == "age.entailment_pregnancy_start_possible"]
        if immediate:
            assert words.in_the_call in g["text"] and " ring " not in g["text"], (level, ooh, open_case)
        else:
            via = CAT.contact(CAT.routing[oracle_route(P, ooh, disability, sibling, open_case, caller)].via)
            phone = f" on {via.phone}" if via.phone else ""
            assert f"If it did, ring {via.named_in_a_sentence()} now{phone}:" in g["text"], (level, ooh, disability, sibling, open_case, caller)
        checked += 1
    assert checked
