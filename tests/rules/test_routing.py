"""The route a Children and Families Direct adviser puts a call through to, and the guidance
each caller type gets (Appendix 2 "Access: Children and Families Direct", p25-36; Thresholds p4;
Key contacts p23; Appendix 3 p37).

Expected teams and numbers are written out here from the document, not read from the catalogue,
so a wrong edit to the catalogue's routing block fails.
"""

from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from pathway.models import Case
from pathway.settings import OfficeHours
from rules import evaluate

LONDON = ZoneInfo("Europe/London")
TUESDAY_1030 = datetime(2026, 11, 24, 10, 30, tzinfo=LONDON)  # GMT, in hours
SATURDAY_1030 = datetime(2026, 11, 28, 10, 30, tzinfo=LONDON)
TUESDAY_2200 = datetime(2026, 11, 24, 22, 0, tzinfo=LONDON)

CFD = "0115 876 4800"
EDT = "0115 876 1000"
FIS = "0800 458 4114"
DCT = "0115 883 8266"

# one indicator that on its own reaches each level
BY_LEVEL = {
    "protection": ["immediate.unexplained_injuries"],
    "child_in_need": ["extensive.substantial_lifelong_disability_short_breaks"],
    "extensive": ["extensive.family_child_homeless"],
    "additional": ["additional.experiencing_bullying"],
    "universal": ["universal.physically_well"],
}
IN_HOURS_ROUTE = {
    "protection": ("Screening and Duty Team", CFD),
    "child_in_need": ("Disabled Children's Team", DCT),  # a Child in Need because of disability (p23; p37)
    "extensive": ("Locality Access Point for Targeted Family Support Services", CFD),
    "additional": ("Family Support Services", CFD),
    "universal": ("Universal services and the Family Information Service", FIS),
}


def decide(level, when, caller=None, office_hours=None):
    context = {"contact_time": when.isoformat()}
    if caller:
        context["caller"] = caller
    decision = evaluate(Case.parse({"indicators": BY_LEVEL[level], "context": context}), office_hours=office_hours)
    assert decision.level.value == level  # the fixture reaches the level it claims
    return decision


def rules_of(decision):
    return {g.rule for g in decision.guidance}


@pytest.mark.parametrize("level", list(IN_HOURS_ROUTE))
def test_in_hours_route_by_level(level):
    d = decide(level, TUESDAY_1030)
    assert not d.out_of_hours
    assert (d.route.team, d.route.phone) == IN_HOURS_ROUTE[level]
    assert d.route.why


@pytest.mark.parametrize("when", [SATURDAY_1030, TUESDAY_2200], ids=["saturday", "tuesday-22:00"])
def test_protection_out_of_hours_goes_to_emergency_duty_team(when):
    d = decide("protection", when)
    assert d.out_of_hours
    assert (d.route.team, d.route.phone) == ("Emergency Duty Team", EDT)
    assert d.contacts[0].phone == EDT


@pytest.mark.parametrize("level", ["extensive", "additional", "universal"])
def test_below_social_care_the_route_does_not_change_out_of_hours(level):
    d = decide(level, SATURDAY_1030)
    assert d.out_of_hours
    assert (d.route.team, d.route.phone) == IN_HOURS_ROUTE[level]


def test_a_child_in_need_without_a_disability_goes_to_screening_and_duty_in_hours():
    d = evaluate(
        Case.parse({"indicators": ["extensive.children_who_go_missing"], "context": {"caf": "open_not_improving", "contact_time": TUESDAY_1030.isoformat()}})
    )
    assert d.level == "child_in_need"
    assert (d.route.team, d.route.phone) == ("Screening and Duty Team", CFD)
    assert d.route.interpretation is True  # Appendix 2 names no team for this level


@pytest.mark.parametrize("when", [TUESDAY_2200, SATURDAY_1030, datetime(2026, 12, 25, 10, 30, tzinfo=LONDON)], ids=["night", "weekend", "christmas"])
def test_child_in_need_out_of_hours_goes_to_the_emergency_duty_team_never_a_closed_day_team(when):
    d = decide("child_in_need", when)
    assert (d.route.team, d.route.phone) == ("Emergency Duty Team", EDT)
    assert d.contacts[0].phone == EDT and d.route.interpretation is True
    assert d.actions[0].startswith("Day services are closed. If the child's needs cannot safely wait, ring the Emergency Duty Team")
    # the Disabled Children's Team is a day team: offered for when it reopens, never as if open now
    dct = next(c for c in d.contacts if c.phone == DCT)
    assert dct.when.startswith("Closed now (out of hours)")
    assert not any("Disabled Children's Team" in a.split(" on ")[0] and a.startswith(("Make the referral to", "Ring ")) for a in d.actions)


@pytest.mark.parametrize("level", ["extensive", "additional"])
def test_early_help_out_of_hours_says_the_day_service_is_closed_now(level):
    d = decide(level, TUESDAY_2200)
    assert d.route.available_now is False
    assert "guidance.day_services_closed" in rules_of(d)
    assert decide(level, TUESDAY_1030).route.available_now is True


# ---------------------------------------------------------------- caller guidance
CONFIRM = "referral.confirm_in_writing"
NOT_CAF = "guidance.not_caf_trained"


@pytest.mark.parametrize("level", list(BY_LEVEL))
@pytest.mark.parametrize("caller", ["professional", "parent_carer", "public", None])
def test_caller_guidance(level, caller):
    got = rules_of(decide(level, TUESDAY_1030, caller))
    assert (CONFIRM in got) == (caller == "professional" and level in ("child_in_need", "protection"))
    assert (NOT_CAF in got) == (caller in ("parent_carer", "public") and level in ("additional", "extensive"))


def test_written_confirmation_guidance_says_24_hours_and_cites_appendix_3():
    g = next(g for g in decide("protection", TUESDAY_1030, "professional").guidance if g.rule == CONFIRM)
    assert "within 24 hours" in g.text and "Appendix 3" in g.source


def test_not_caf_trained_guidance_points_to_children_and_families_direct():
    g = next(g for g in decide("additional", TUESDAY_1030, "public").guidance if g.rule == NOT_CAF)
    assert "Children and Families Direct" in g.text and g.source.endswith("p4")


# ---------------------------------------------------------------- office-hours boundary
def at(y, mo, d, h, mi, tz=LONDON):
    return datetime(y, mo, d, h, mi, tzinfo=tz)


@pytest.mark.parametrize(
    "when, out",
    [
        (at(2026, 11, 24, 8, 29), True),
        (at(2026, 11, 24, 8, 30), False),
        (at(2026, 11, 24, 16, 59), False),
        (at(2026, 11, 24, 17, 0), True),
        (at(2026, 11, 27, 16, 59), False),  # Friday
        (at(2026, 11, 28, 10, 30), True),  # Saturday
        (at(2026, 11, 29, 10, 30), True),  # Sunday
        (at(2026, 11, 30, 8, 30), False),  # Monday
    ],
    ids=lambda v: v.strftime("%a-%H:%M") if isinstance(v, datetime) else str(v),
)
def test_office_hours_boundary(when, out):
    d = decide("protection", when)
    assert d.out_of_hours is out
    assert d.route.phone == (EDT if out else CFD)


@pytest.mark.parametrize(
    "utc, out",
    [
        # British Summer Time: 08:30 in London is 07:30 UTC
        (at(2026, 7, 7, 7, 29, timezone.utc), True),
        (at(2026, 7, 7, 7, 30, timezone.utc), False),
        (at(2026, 7, 7, 15, 59, timezone.utc), False),
        (at(2026, 7, 7, 16, 0, timezone.utc), True),
        # Greenwich Mean Time: London is UTC
        (at(2026, 1, 6, 8, 29, timezone.utc), True),
        (at(2026, 1, 6, 8, 30, timezone.utc), False),
        (at(2026, 1, 6, 16, 59, timezone.utc), False),
        (at(2026, 1, 6, 17, 0, timezone.utc), True),
    ],
)
def test_office_hours_are_london_time_in_summer_and_winter(utc, out):
    assert decide("protection", utc).out_of_hours is out


def test_a_configured_closed_date_is_out_of_hours():
    tuesday = at(2026, 12, 1, 10, 30)
    assert not decide("protection", tuesday).out_of_hours
    closed = OfficeHours(closed_dates=frozenset({date(2026, 12, 1)}))
    d = decide("protection", tuesday, office_hours=closed)
    assert d.out_of_hours and d.route.phone == EDT
    assert "a locally set closed date" in " ".join(a.text for a in d.assumptions)
    # the standing assumption names the closures the decision used (mutation run, 2026-12-01: unnamed, unnoticed)
    assert "1 December 2026" in next(a.text for a in d.assumptions if a.id == "bank_holidays")  # in words (review 19 surfaces, S1)
    assert not decide("protection", tuesday + timedelta(days=1), office_hours=closed).out_of_hours


# England's bank holidays, from the holidays calendar: written out here from the published dates
@pytest.mark.parametrize(
    "day, name",
    [
        ((2026, 12, 25), "Christmas Day"),
        ((2026, 12, 28), "Boxing Day (observed)"),
        ((2027, 3, 29), "Easter Monday"),
        ((2027, 5, 3), "May Day"),
        ((2026, 8, 31), "Summer Bank Holiday"),
        ((2027, 1, 1), "New Year's Day"),
    ],
)
@pytest.mark.parametrize("level", ["protection", "child_in_need"])
def test_a_bank_holiday_at_10_am_goes_to_the_emergency_duty_team(day, name, level):
    d = decide(level, at(*day, 10, 0))
    assert d.out_of_hours and (d.route.team, d.route.phone) == ("Emergency Duty Team", EDT)
    assert d.contacts[0].phone == EDT
    closed = next(a for a in d.assumptions if a.id == "closed_today")
    assert name in closed.text and "p23" in closed.source


def test_the_day_after_a_bank_holiday_is_a_working_day():
    assert not decide("protection", at(2026, 12, 29, 10, 0)).out_of_hours


def test_bank_holidays_can_be_turned_off_only_by_setting_it_explicitly():
    assert OfficeHours.from_env({}).bank_holidays == "ENG"
    off = OfficeHours.from_env({"FSP_BANK_HOLIDAYS": "none"})
    assert not decide("protection", at(2026, 12, 25, 10, 0), office_hours=off).out_of_hours


@pytest.mark.parametrize("level", list(BY_LEVEL))
def test_every_decision_lists_the_office_hours_it_assumed(level):
    d = decide(level, TUESDAY_1030)
    by_id = {a.id: a for a in d.assumptions}
    assert "Monday to Friday, 08:30 to 17:00 (UK time)" in by_id["office_hours"].text
    assert "confirmed" in by_id["office_hours"].text and "bank_holidays" in by_id
    assert "closed_today" not in by_id


def test_closed_dates_are_london_dates():
    # 00:30 BST on Tuesday 2 June is still Monday 1 June in UTC; the closed date is the London one
    closed = OfficeHours(closed_dates=frozenset({date(2026, 6, 2)}), opens=datetime.min.time())
    just_after_midnight = at(2026, 6, 1, 23, 30, timezone.utc)
    assert not decide("protection", just_after_midnight, office_hours=OfficeHours(opens=datetime.min.time())).out_of_hours
    d = decide("protection", just_after_midnight, office_hours=closed)
    assert d.out_of_hours
    # and the assumption says which day is closed, the London date (mutation run, 2026-12-01: the
    # machine's own zone, or no date at all, went unnoticed)
    assert next(a.text for a in d.assumptions if a.id == "closed_today").startswith("2 June 2026 is ")


def test_closed_dates_from_environment():
    hours = OfficeHours.from_env({"FSP_CLOSED_DATES": "2026-12-25, 2026-12-28"})
    assert hours.closed_dates == {date(2026, 12, 25), date(2026, 12, 28)}


def test_now_is_used_when_the_case_has_no_contact_time():
    case = Case.parse({"indicators": BY_LEVEL["protection"]})
    assert evaluate(case, now=SATURDAY_1030).out_of_hours
    assert not evaluate(case, now=TUESDAY_1030).out_of_hours


def test_contact_time_wins_over_now():
    case = Case.parse({"indicators": BY_LEVEL["protection"], "context": {"contact_time": TUESDAY_1030.isoformat()}})
    assert not evaluate(case, now=SATURDAY_1030).out_of_hours
