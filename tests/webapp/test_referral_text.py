"""The written referral's words (webapp/journey/referral.py): each part of the plain text, as the
practitioner copies it into an email or a case system (Appendix 3, p37: confirmed in writing).

The expected texts are written out here from the catalogue's words (the needs' texts, levels,
dimensions and pages, the contacts' numbers): the mutation run of 2026-12-02 found the plain text
checked only for its headings, so a need's level, dimension or citation, the immediate concerns,
the "immediate referral" mark or the numbering of the actions could go missing unnoticed."""

from __future__ import annotations

import functools
from datetime import datetime

from pathway.models import Case
from rules import evaluate
from tests.conftest import make_case
from tests.ruleset_string import RULESET
from tests.webapp.conftest import CHILD, text, walk_needs
from webapp.journey import referral

TUESDAY = "2026-11-24T10:30:00+00:00"  # in office hours
WRITTEN = datetime(2026, 11, 24, 10, 30)


def _text(indicators, actions, note="", role="", age="8 years 2 months"):
    case = Case.parse({"child": {"age_years": 8, "age_months": 2}, "context": {"caller": "professional", "contact_time": TUESDAY}, "indicators": indicators})
    return referral.as_text(referral.build(case, evaluate(case), age, actions, note, WRITTEN, **({"role": role} if role else {})))  # signed out: the default


def test_an_immediate_referral_reads_in_full():
    got = _text(["immediate.unexplained_injuries", "additional.experiencing_bullying", "extensive.suspected_domestic_violence"], ["Ring them", "Write it down"])
    assert got == (
        "REFERRAL SUMMARY (Family Support Pathway)\n"
        "Written: 24 November 2026 at 10:30 (UK time)\n"
        "\n"
        "Child's name: ______________________\n"
        "Date of birth: ______________________\n"
        "Address: ______________________\n"
        "Your name and role: ______________________\n"
        "Your phone number: ______________________\n"
        "Child's age: 8 years 2 months\n"
        "\n"
        "DECISION: Protection - immediate referral\n"
        "\n"
        # the page's opening paragraphs, whole (review 22, N12): p37's 24 hours, one and 3 working days, the next
        # steps in one working day and the Children's Assessment's 10 and 45 working days; p4's email
        "IN WRITING, AND WHAT FOLLOWS\n"
        "Confirm the referral in writing within 24 hours; the Common Assessment Framework (CAF) gives the structure, and a missing CAF does not stop a referral"
        " (Appendix 3, p37). The document names no form, and does not say where the written referral goes. This tool's reading: send"
        " the written referral to Children and Families Direct, where you made the referral (the document gives"
        " CandF.direct@nottinghamcity.gcsx.gov.uk, p4) unless they tell you otherwise, and ask them if unsure. Social Care should"
        " acknowledge it within one working day; if you have no acknowledgement within 3 working days, contact them again.\n"
        "Children's Social Care decides and records next steps within one working day. Where a Children's Assessment is needed, it is"
        " undertaken within a maximum of 10 working days of the date of the referral and completed within a maximum of 45 working days"
        " (Appendix 3, p37).\n"
        "\n"
        "Immediate concerns:\n"
        "- Unexplained injuries or injuries where there is an inconsistent explanation of the injury\n"
        "\n"
        "CHILD AND YOUNG PERSON'S HEALTH AND DEVELOPMENT\n"
        "- Experiencing bullying (Additional; Emotional and behavioural development; Levels of need: Additional Support, p13-14)\n"
        "\n"
        "PARENTS AND CARERS\n"
        "- Suspected domestic violence (Extensive; Basic care and protection; Levels of need: Extensive Support, p15-16)\n"
        "\n"
        "FAMILY AND ENVIRONMENTAL FACTORS\n"
        "- None recorded\n"
        "\n"
        "REASONS\n"
        "- An indicator requiring an immediate referral to Social Care: there are immediate concerns about the child's safety and a view that"
        " the child is suffering or likely to suffer significant harm. Refer without delay and without the need for a CAF."
        " (Indicators requiring an immediate referral to Social Care, p9)\n"
        "- Indicator at Extensive level: Children and families who are experiencing a range of increasing problems; with extensive"
        " multi-agency support to meet the needs of the whole family, crises are likely to be prevented. (Levels of need: Extensive Support, p15-16)\n"
        "- Indicator at Additional level: Child and family are experiencing problems requiring universal services to work together"
        " with other support services to prevent problems increasing. (Levels of need: Additional Support, p13-14)\n"
        "\n"
        "ROUTE\n"
        "Screening and Duty Team, through Children and Families Direct on 0115 876 4800. A safeguarding concern is put through"
        " immediately to the Screening and Duty Team. (Appendix 2 - Access: Children and Families Direct, p25-36)\n"
        "\n"
        "WHAT TO DO NEXT\n"
        "1. Ring them\n"
        "2. Write it down\n"
        "\n"
        "CONTACTS\n"
        "- Children and Families Direct: 0115 876 4800 (For all concerns, support and safeguarding requirements"
        " for children and young people in Nottingham (office hours).)\n"
        "- Domestic Abuse Referral Team (DART): 0115 915 0494 (Safeguarding concerns for children and young people in Nottingham regarding domestic abuse.)\n"
        "- Emergency Duty Team: 0115 876 1000 (Out of hours only: help, advice and assistance when day service teams and social workers are not available.)\n"
        "\n"
        "OTHER CHILDREN IN THE FAMILY\n"
        "This tool decides one child at a time: decide each child in the family on their own answers. The immediate referral criteria for a baby under 1,"
        " a child under 2, a child of 5 or under left home alone and an unborn baby may fit a brother or sister, or a pregnancy in the family, when they"
        " do not fit this child (p9). This tool's reading: page 9 speaks of the child(ren) and does not say how a family of several children is"
        " assessed. (Indicators requiring an immediate referral to Social Care, p9; this tool's reading of the document)\n"
        "\n"
        "NOTE\n"
        "(none)\n"
        "\n"
        f"Ruleset {RULESET}. The tool supports, and does not replace, professional judgement.\n"
    )


def test_the_role_and_the_note_are_given_and_nothing_immediate_is_said_when_there_is_none():
    got = _text(["additional.experiencing_bullying"], ["Ring them"], note="Seen at school.\nTwice.", role="practitioner, Early Help North", age="8 years")
    head, rest = got.split("DECISION: ")
    assert head.endswith("Your phone number: ______________________\nYour role (from your account): practitioner, Early Help North\nChild's age: 8 years\n\n")
    # below the social-care threshold: not a referral into Social Care, none of Appendix 3's timescales (left9)
    assert rest.startswith(
        "Additional\n\nNOT A REFERRAL TO CHILDREN'S SOCIAL CARE\nThis is not a referral to Children's Social Care: at Additional the needs"
        " are below the social-care threshold of Child in Need or Protection (p4), so Appendix 3's timescales for a referral into Social Care"
        " (p37) do not apply. At Additional the document's step is to initiate a CAF, the early help assessment, to establish an action plan"
        " (p13-14); a call about additional support is directed to Family Support Services for an early help offer (Appendix 2, p25)."
        " Send this summary to Children and Families Direct, where you made the contact: the document names no form or timescale for it."
    )
    assert "\n\nCHILD AND YOUNG PERSON'S HEALTH AND DEVELOPMENT\n" in rest and "within one working day" not in rest
    # p9's section, cited for its advice in doubt, and for the one-child words every summary ends with (review 14, K1)
    # ...and the one-child words naming those criteria by the document's name for them (review 22 surfaces, S7)
    cited = (
        "Responsive immediate protection",
        "(Indicators requiring an immediate referral to Social Care, p9;",
        "The immediate referral criteria for a baby under 1",
    )
    assert "mmediate" not in functools.reduce(lambda words, c: words.replace(c, ""), cited, got)
    assert got.endswith(f"\n\nNOTE\nSeen at school.\nTwice.\n\nRuleset {RULESET}. The tool supports, and does not replace, professional judgement.\n")
    assert "Your role" not in _text(["additional.experiencing_bullying"], [])


def test_a_contact_the_document_gives_no_number_is_never_written_with_one():
    """The allocated social worker (Appendix 3, p37) has no number in the document: the referral
    must not print "None" where a number would be (it did, in the text and on the page, until
    2026-12-02)."""
    case = make_case(["immediate.unexplained_injuries"], open_to_social_care=True)
    decision = evaluate(case)
    assert decision.contacts[0].phone is None  # the case this test is about
    got = referral.as_text(referral.build(case, decision, "8 years", [], "", WRITTEN))
    contacts = got.split("\nCONTACTS\n")[1].split("\n\n")[0].splitlines()
    worker = decision.contacts[0]
    assert worker.name == "Allocated social worker (or the team holding the case)"
    assert contacts[0] == f"- {worker.name} ({worker.when})"  # no number written where the document gives none
    # every other contact with its number (review 6, F3: Children and Families Direct follows in hours)
    assert contacts[1:] == [f"- {c.name}: {c.phone} ({c.when})" for c in decision.contacts[1:]]
    assert [c.id for c in decision.contacts[1:]] == ["children_families_direct", "emergency_duty_team"]
    assert ": None" not in got


def test_the_referral_page_never_shows_none_for_a_number(client):
    client.post("/safety", data={"immediate": "none"})
    assert client.post("/child", data={**CHILD, "open_to_social_care": "yes"}).status_code == 302
    walk_needs(client, {"health": ["extensive.suspected_domestic_violence"]})
    for path in ("/referral", "/referral.txt"):
        words = text(client.get(path))
        assert "Allocated social worker (or the team holding the case)" in words, path
        assert "None" not in words.replace("None recorded", ""), path


def test_a_route_closed_at_this_moment_is_said_closed_as_every_surface_says_it():
    """Review 7 (surfaces), F6: one wording of "closed now" wherever the route is given; the
    written referral's route line is one of those places."""
    night = "2026-11-24T22:30:00+00:00"
    case = Case.parse({"child": {"age_years": 8}, "context": {"contact_time": night}, "indicators": ["additional.lack_routine"]})
    got = referral.as_text(referral.build(case, evaluate(case), "8 years", [], "", WRITTEN))
    assert "ROUTE\nFamily Support Services, through Children and Families Direct on 0115 876 4800 (closed now: when day services reopen). " in got
