"""The call summary an adviser copies into the case system (pathway/call_summary.py)."""

from datetime import date, datetime, timezone

import pytest

from pathway.call_summary import call_summary, summarise_case, undecided_summary
from pathway.models import Case
from pathway.settings import OfficeHours
from rules import evaluate
from tests.ruleset_string import RULESET

SATURDAY = "2026-11-28T10:30:00+00:00"
TUESDAY_BST = "2026-07-07T10:30:00+00:00"


def case(indicators, caller="professional", when=SATURDAY, child=None):
    raw = {"indicators": indicators, "context": {"caller": caller, "contact_time": when}}
    if child is not None:
        raw["child"] = child
    return Case.parse(raw)


def summary(c, **kw):
    return summarise_case(c, evaluate(c), **kw)


def test_has_time_caller_indicators_level_route_and_reasons():
    text = summary(case(["immediate.unexplained_injuries", "additional.experiencing_bullying"]))
    assert "Time: Saturday 28 November 2026 at 10:30 (UK time, out of hours)" in text
    assert "Caller: Professional" in text
    assert "- Unexplained injuries or injuries where there is an inconsistent explanation of the injury (Protection;" in text
    assert "- Experiencing bullying (Additional; Levels of need: Additional Support, p13-14)" in text
    assert "Level: Protection - immediate referral" in text
    assert "Route: Emergency Duty Team on 0115 876 1000" in text
    assert "Indicators requiring an immediate referral to Social Care, p9)" in text.split("Reasons:")[1]
    # highest need first
    assert text.index("Unexplained injuries") < text.index("Experiencing bullying")


def test_time_is_london_time_with_its_zone():
    text = summary(case(["additional.experiencing_bullying"], "parent_carer", TUESDAY_BST))
    assert "Time: Tuesday 7 July 2026 at 11:30 (UK time)\n" in text
    assert "Caller: Parent or carer" in text
    assert "Route: Family Support Services, through Children and Families Direct on 0115 876 4800" in text


def test_time_can_be_given_and_must_be_aware():
    c = case(["additional.experiencing_bullying"])
    d = evaluate(c)
    text = call_summary(d, caller="public", indicators=c.indicators, time=datetime(2026, 1, 6, 9, 0, tzinfo=timezone.utc))
    assert "Time: Tuesday 6 January 2026 at 09:00 (UK time, out of hours)" in text and "Caller: Member of the public" in text
    with pytest.raises(ValueError, match="time zone"):
        call_summary(d, caller="public", indicators=c.indicators, time=datetime(2026, 1, 6, 9, 0))


def test_nothing_about_the_child_is_in_the_summary():
    a = summary(case(["additional.experiencing_bullying"], child={"age_years": 7, "age_months": 3}))
    b = summary(case(["additional.experiencing_bullying"], child={"age_years": 15}))
    assert a == b
    assert "7 years" not in a and "age" not in a.lower().replace("page", "")


def test_note_only_when_given():
    c = case(["additional.experiencing_bullying"])
    assert "Adviser note" not in summary(c)
    assert "Adviser note" not in summary(c, note="   ")
    text = summary(c, note="Caller will ring back.\r\nSchool informed.")
    assert "Adviser note:\n  Caller will ring back.\n  School informed.\n" in text
    # the note is added to the summary, never instead of it (the mutation run of 2026-12-02)
    assert text == summary(c).replace("Ruleset:", "Adviser note:\n  Caller will ring back.\n  School informed.\nRuleset:")


def test_clear_errors():
    c = case(["additional.experiencing_bullying"])
    d = evaluate(c)
    with pytest.raises(ValueError, match="unknown indicators: \\['no.such'\\]"):
        call_summary(d, caller="public", indicators=["no.such"])
    with pytest.raises(ValueError, match="caller must be one of"):
        call_summary(d, caller="neighbour", indicators=[])
    with pytest.raises(ValueError, match="to 2000 or fewer"):  # 2,000 itself is accepted: the message says so
        summary(c, note="x" * 2001)
    assert "x" * 2000 in summary(c, note="x" * 2000)
    with pytest.raises(TypeError):
        summary(c, note=42)


def test_no_caller_and_no_indicators():
    c = Case.parse({"context": {"contact_time": SATURDAY}})
    text = summary(c)
    assert "Caller: Not recorded" in text and "- none chosen" in text and "Level: Universal" in text
    assert "Route: Universal services and the Family Information Service on 0800 458 4114" in text


def test_summarise_case_passes_the_time_and_zone_it_is_given():
    """The mutation run of 2026-12-02: dropping them went unnoticed (the decision's own time was used)."""
    c = case(["additional.experiencing_bullying"])
    text = summarise_case(c, evaluate(c), time=datetime(2026, 1, 6, 9, 0, tzinfo=timezone.utc), timezone="America/New_York")
    assert "\nTime: Tuesday 6 January 2026 at 04:00 (EST, out of hours)" in text


def test_the_whole_summary_for_an_open_case_and_for_no_needs():
    """Written out from the document's words (the mutation run of 2026-12-02 found the header, the
    "Indicators:" line, the level's "immediate referral" mark and a route without a number unpinned:
    the allocated social worker has no number in the document, Appendix 3 p37)."""
    from tests.conftest import make_case

    open_case = make_case(["additional.experiencing_bullying"], open_to_social_care=True)
    assert summary(open_case) == (
        "Children and Families Direct: call summary\n"
        "Time: Tuesday 24 November 2026 at 10:30 (UK time)\n"
        "Caller: Not recorded\n"
        "Indicators:\n"
        "- Experiencing bullying (Additional; Levels of need: Additional Support, p13-14)\n"
        "Level: Additional\n"
        "Route: Allocated social worker, or the team holding the case\n"
        "  The child is already open to Children's Social Care: Children and Families Direct deals with enquiries about children who are"
        " not already open (Appendix 3, p37), so this tool's reading is that a professional's concern goes to the allocated social worker"
        " or the team holding the case; the document does not name them as the route in so many words. A caller who is not CAF trained"
        " goes to Children and Families Direct instead (p4). (Appendix 3 - Referrals into Social Care, p37; this tool's reading of the document)\n"
        "Reasons:\n"
        "- Indicator at Additional level: Child and family are experiencing problems requiring universal services to work together"
        " with other support services to prevent problems increasing. (Levels of need: Additional Support, p13-14)\n"
        f"{OTHER_CHILDREN}\n"
        f"Ruleset: {RULESET}\n"
    )
    nothing = summary(Case.parse({"context": {"contact_time": "2026-11-24T10:30:00+00:00"}}))
    assert "\nIndicators:\n- none chosen\nLevel: Universal\nRoute: Universal services and the Family Information Service on 0800 458 4114\n" in nothing
    assert nothing.endswith(f"\nReasons:\n- no indicators: universal services\n{OTHER_CHILDREN}\nRuleset: {RULESET}\n")


# review 14, K1: the tool decides one child; p9's age-banded criteria named (its words: under two, under 1,
# an unborn baby, "aged 5 years old and under" home alone), declared as this tool's reading
OTHER_CHILDREN = (
    "Other children: This tool decides one child at a time: decide each child in the family on their own answers. The immediate referral criteria for a baby"
    " under 1, a child under 2, a child of 5 or under left home alone and an unborn baby may fit a brother or sister, or a pregnancy in the"
    " family, when they do not fit this child (p9). This tool's reading: page 9 speaks of the child(ren) and does not say how a family of several"
    " children is assessed. (Indicators requiring an immediate referral to Social Care, p9; this tool's reading of the document)"
)


def test_needs_are_listed_highest_level_first_and_a_note_of_the_limit_is_kept():
    text = summary(case(["additional.experiencing_bullying", "extensive.suspected_domestic_violence"]))
    assert text.index("- Suspected domestic violence (Extensive;") < text.index("- Experiencing bullying (Additional;")
    c = case(["additional.experiencing_bullying"])
    assert "  " + "x" * 2000 + "\n" in summary(c, note="x" * 2000)  # "under 2000" refuses 2001 (test_clear_errors)


def test_a_reading_is_marked_beside_its_reason_and_the_route():
    """Review 7 surfaces F5: the summary repeats the reasons and the route; where one is this tool's
    reading (interpretation: true) it says so beside it, as the result page does."""
    from tests.conftest import make_case

    c = make_case(["protection.persistent_domestic_abuse"])  # immediate by a cross-walk: a reading
    d = evaluate(c)
    text = summary(c)
    crosswalk = next(r for r in d.reasons if r.rule == "immediate.crosswalk")
    assert crosswalk.interpretation
    assert f"- {crosswalk.explanation} ({crosswalk.source}; this tool's reading of the document)\n" in text
    universal = make_case(["universal.physically_well"])
    assert evaluate(universal).route.interpretation
    assert "we route there. (Appendix 2 - Universal Support; Key contacts, p25, 23; this tool's reading of the document)\n" in summary(universal)


# Review 17 (surfaces), S2: out of hours, the Time line names a day closed all day, in the words the decision's
# closed_today assumption gives. Oracle: GOV.UK's England bank holidays by hand (Monday 27 December 2027 is the
# substitute for Christmas Day, a Saturday); "a locally set closed date" is the settings' own name for FSP_CLOSED_DATES.
ENGLAND = OfficeHours(opens="08:30", closes="17:00", weekdays=frozenset(range(5)), timezone="Europe/London", bank_holidays="ENG", closed_dates=frozenset())
CLOSED_29TH = ENGLAND.model_copy(update={"closed_dates": frozenset({date(2027, 12, 29)})})


@pytest.mark.parametrize(
    "when, hours, line",
    [
        ("2027-12-27T10:00:00+00:00", ENGLAND, "Time: Monday 27 December 2027 at 10:00 (UK time, out of hours: Christmas Day (observed), a bank holiday)"),
        ("2027-12-29T10:00:00+00:00", CLOSED_29TH, "Time: Wednesday 29 December 2027 at 10:00 (UK time, out of hours: a locally set closed date)"),
        ("2027-12-29T10:00:00+00:00", ENGLAND, "Time: Wednesday 29 December 2027 at 10:00 (UK time)"),
        ("2027-12-29T18:00:00+00:00", ENGLAND, "Time: Wednesday 29 December 2027 at 18:00 (UK time, out of hours)"),
        ("2027-12-25T22:00:00+00:00", ENGLAND, "Time: Saturday 25 December 2027 at 22:00 (UK time, out of hours: Christmas Day, a bank holiday)"),
    ],
)
def test_the_time_line_names_a_day_closed_all_day(when, hours, line):
    c = case(["immediate.allegation_or_disclosure"], when=when)
    decision = evaluate(c, office_hours=hours)
    assert line in summarise_case(c, decision, office_hours=hours).splitlines()
    # the summary of a call with nothing usable has the same head
    assert line in undecided_summary(decision, caller="professional", without=["the age"], held=False, office_hours=hours).splitlines()


def test_a_closure_the_decision_did_not_rest_on_is_not_named():
    """The decision made without a calendar (bank holidays not applied) was out of hours at 18:00 for the clock
    alone: the summary does not add a bank holiday the decision never used."""
    c = case(["immediate.allegation_or_disclosure"], when="2027-12-27T18:00:00+00:00")
    decision = evaluate(c, office_hours=ENGLAND.model_copy(update={"bank_holidays": None}))
    assert "Time: Monday 27 December 2027 at 18:00 (UK time, out of hours)" in summarise_case(c, decision, office_hours=ENGLAND).splitlines()


# --- mut18 (docs/safety/mutation.md, review 18): the route line out of hours says the line is closed now, in the
# words of the catalogue the summary is given (pathway.surfaces.route_words). Oracle: Children and Families Direct is
# a day service (Key contacts, p23), so on a Saturday its number is not answered; the words are the catalogue's
# `surfaces.route_closed_now` ("closed now: when day services reopen"), or a copy's own.


def test_out_of_hours_the_route_line_says_its_day_service_is_closed_now():
    text = summary(case(["additional.experiencing_bullying"]))  # Saturday 10:30
    assert "Route: Family Support Services, through Children and Families Direct on 0115 876 4800 (closed now: when day services reopen)\n" in text
    in_hours = summary(case(["additional.experiencing_bullying"], when=TUESDAY_BST))
    assert "Route: Family Support Services, through Children and Families Direct on 0115 876 4800\n" in in_hours


def test_the_route_line_says_closed_in_the_words_of_the_catalogue_it_is_given():
    from pathway.catalogue import load_catalogue

    shipped = load_catalogue()
    words = shipped.surfaces.route_closed_now.model_copy(update={"text": "shut: a test's own words"})
    other = shipped.model_copy(update={"surfaces": shipped.surfaces.model_copy(update={"route_closed_now": words})})
    c = case(["additional.experiencing_bullying"])
    text = call_summary(evaluate(c), caller="professional", indicators=c.indicators, catalogue=other)
    assert "through Children and Families Direct on 0115 876 4800 (shut: a test's own words)\n" in text
