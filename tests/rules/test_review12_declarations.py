"""Review 12, H4 and H7: readings said as the page's words.

H4: two readings are declared where they are routed (`routing.open_to_social_care`,
`routing.out_of_hours_social_care`) but were said as the document's words wherever else the decision says
them: (a) an open child's referral goes to the allocated social worker or the team holding the case (p37
says only that Children and Families Direct deals with children *not* already open); (b) below significant
harm, out of hours, refer when day services reopen and ring the Emergency Duty Team only if the needs cannot
safely wait (p23 says the Emergency Duty Team covers when day services are not available; p4 sends it
significant harm; neither names an out-of-hours route below it). Every text that says either reading must
say it is this tool's reading, in the decision itself.

H7: Protection's assessments list (p17) includes Multi-Agency Public Protection Arrangements and Asset Risk
of Serious Harm; p9 makes Children's Social Care the lead agency for child protection enquiries only.

The oracle is the document's text (tests/data/threshold_document.txt) and the words of each reading.
"""

from __future__ import annotations

import pathlib
import re

import pytest

from pathway import Case, load_catalogue
from rules import evaluate

CAT = load_catalogue()
DOCUMENT = " ".join((pathlib.Path(__file__).resolve().parents[1] / "data" / "threshold_document.txt").read_text(encoding="utf-8").split())
DOC = DOCUMENT.replace("’", "'").lower()
READING = re.compile(r"this tool's reading", re.I)

# the words by which each reading is said (the document says neither)
OPEN_ROUTE = re.compile(r"(allocated social worker or the team holding the case|to the allocated social worker)", re.I)
OUT_OF_HOURS = re.compile(r"(cannot safely wait|cannot wait for day services|can safely wait)", re.I)


def test_the_document_says_neither_reading():
    assert "allocated social worker or the team holding the case" not in DOC and "cannot safely wait" not in DOC and "can safely wait" not in DOC
    assert "aren't already open to children's services social care are initially dealt with by children and families direct" in DOC
    assert "when day service teams and social workers are not available (i.e. out of hours only)" in DOC


def _texts():
    """Every text of the catalogue a decision can say as an action, guidance or a contact's note."""
    for block in ("guidance", "actions", "contact_notes"):
        entries = getattr(CAT, block)
        for key in type(entries).model_fields:
            yield f"{block}.{key}", entries[key].text, entries[key].interpretation
    for level in CAT.levels:
        for n, text in enumerate(level.actions):
            yield f"levels.{level.id.value}.actions[{n}]", text, None
    for n, entry in enumerate(CAT.resolved_actions):
        if entry.text is not None:  # None: the action is left out
            yield f"resolved_actions[{n}] ({entry.when})", entry.text, None


SAID = [(where, text, flagged) for where, text, flagged in _texts() if OPEN_ROUTE.search(text) or OUT_OF_HOURS.search(text)]


def test_the_readings_are_said_in_many_places():
    wheres = {w for w, _, _ in SAID}
    assert {
        "guidance.open_to_social_care",
        "actions.open_case",
        "actions.social_care_out_of_hours",
        "contact_notes.edt_cannot_wait",
        "contact_notes.cfd_can_wait",
        "levels.child_in_need.actions[0]",
    } <= wheres


@pytest.mark.parametrize("where, text, flagged", SAID, ids=[w for w, _, _ in SAID])
def test_every_text_saying_either_reading_says_it_is_this_tools_reading(where, text, flagged):
    assert READING.search(text), where
    assert flagged in (None, True), f"{where} says a reading: flag it interpretation: true, with its why"


def _decide(child, indicators, moment, **context):
    return evaluate(Case.parse({"child": child, "indicators": indicators, "context": {"contact_time": moment, "caller": "professional", **context}}))


@pytest.mark.parametrize(
    "indicators, context, moment",
    [
        (["extensive.children_who_go_missing"], {"open_to_social_care": True}, "2027-01-12T10:00:00+00:00"),  # open, in hours
        ([], {"health_development_impaired_without_services": True}, "2027-01-12T22:00:00+00:00"),  # Child in Need at night
        ([], {"health_development_impaired_without_services": True, "open_to_social_care": True}, "2027-01-12T22:00:00+00:00"),
    ],
)
def test_the_decision_itself_says_each_reading_is_one(indicators, context, moment):
    d = _decide({"age_years": 9}, indicators, moment, **context)
    said = [a for a in d.actions] + [g.text for g in d.guidance] + [c.when for c in d.contacts]
    hits = [s for s in said if OPEN_ROUTE.search(s) or OUT_OF_HOURS.search(s)]
    assert hits
    for s in hits:
        assert READING.search(s), s


# ------------------------------------------------------------------------------------------- H7
def test_protections_assessments_intro_says_only_what_the_document_says():
    intro = CAT.level("protection").assessments_intro
    assert "decides on and leads these" not in intro
    # each sentence is the document's own (p17's heading, "such as:" introducing the list; p9's lead agency)
    for sentence in re.split(r"(?<=[.:])\s+", intro.replace(" (p9)", "").replace(" (p17)", "").replace("such as the following", "such as")):
        words = sentence.rstrip(".:").replace(",", "").lower()
        assert words in DOC.replace(",", ""), sentence
    assert "lead agency for undertaking child protection enquiries including section 47" in intro.lower()
