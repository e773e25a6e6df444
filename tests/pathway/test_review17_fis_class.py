"""Review 17 (rules), N7: the Family Information Service is defined by its subjects, not by a level.

p23: "Family Information Service. Provides information and support to parents in Nottingham City on childcare,
children's centres, activities for children and young people 0-19, working with children and young people and
national and local family support services. - 0800 458 4114". The tool offered it only as Universal's route,
never beside the Additional needs that are its subject ('Few opportunities to play / socialisation', 'Needs
assistance to access leisure activities', 'Few age appropriate toys/games ...', 'Child is not exposed to new
experiences', p13-14). Its class is stated once on the contact, as the CAMHS single point of access's is
(review 16, M3), each member with its why; the needs' related contacts are derived from it; no route changes.

The oracle is the document's text: p23's words and each need's own words and level (p11-17).
"""

from __future__ import annotations

import copy
import pathlib
import re

import pytest
from pydantic import ValidationError

from pathway import Case, load_catalogue, yaml_load
from pathway.catalogue import DATA_FILE, Catalogue
from rules import evaluate
from tests.conftest import IN_HOURS

CAT = load_catalogue()
FIS = "family_information_service"
DOCUMENT = " ".join((pathlib.Path(__file__).resolve().parents[1] / "data" / "threshold_document.txt").read_text(encoding="utf-8").split())
P23 = "Provides information and support to parents in Nottingham City on childcare, children's centres, activities for children and young people 0-19"
# the class's words (the brief's list, after p23's subjects), whole words: 'activities' (not 'criminal activity')
CLASS_WORDS = re.compile(r"\b(play|leisure|activities|toys|new experiences|childcare|children's centres?)\b")
# of them, the ones p23's own words name (activities; toys and games read with 'lack of activity outside of home')
P23_WORDS = re.compile(r"\b(activities|activity|childcare|children's centres?)\b")


def _class() -> list[str]:
    """The needs (above Universal: Universal's rows are strengths, and its route is the contact already) whose
    words are one of the class's."""
    return sorted(i.id for i in CAT.indicators if i.level.value != "universal" and not i.immediate and CLASS_WORDS.search(i.text.lower()))


def test_the_document_names_the_contacts_subjects_and_the_four_needs():
    assert P23 in DOCUMENT and "0800 458 4114" in DOCUMENT
    for words in (
        "Few opportunities to play / socialisation",
        "Needs assistance to access leisure activities",
        "Few age appropriate toys/games in house/lack of activity outside of home",
        "Child is not exposed to new experiences",
    ):
        assert words in DOCUMENT


def test_the_class_is_exactly_the_declared_members():
    members = sorted(m.indicator for m in CAT.contact(FIS).concerns.members)
    assert members == _class()
    assert len(members) == 4 and "additional.involved_criminal_activity_offending" not in members
    # derived onto exactly them: no other need lists the contact
    assert sorted(i.id for i in CAT.indicators if FIS in i.related_contacts) == members


@pytest.mark.parametrize("caller", ["professional", "parent_carer"])
@pytest.mark.parametrize("member", _class())
def test_every_member_is_offered_the_contact_with_p23s_number_and_the_route_is_unchanged(member, caller):
    d = evaluate(Case.parse({"child": {"age_years": 6}, "indicators": [member], "context": {"contact_time": IN_HOURS, "caller": caller}}))
    assert d.level == CAT.indicator(member).level.value == "additional"
    [c] = [c for c in d.contacts if c.id == FIS]
    assert c.phone == "0800 458 4114"
    assert d.contacts[0].id != FIS  # advice beside the decision, never the one to ring first
    assert d.route.team == CAT.routing["additional"].team  # Family Support Services (p25), as before
    assert any(g.rule == f"contact.{FIS}" for g in d.guidance)


def test_a_need_outside_the_class_is_not_offered_the_contact():
    d = evaluate(Case.parse({"child": {"age_years": 6}, "indicators": ["additional.lack_routine"], "context": {"contact_time": IN_HOURS}}))
    assert FIS not in [c.id for c in d.contacts]


def test_each_member_says_why_and_a_member_whose_words_p23_does_not_name_is_declared():
    for m in CAT.contact(FIS).concerns.members:
        assert m.why
        assert m.interpretation or P23_WORDS.search(CAT.indicator(m.indicator).text.lower()), m.indicator


def test_a_class_of_any_domain_still_refuses_a_p9_criterion_an_unknown_and_a_hand_listed_need():
    with open(DATA_FILE, encoding="utf-8") as fh:
        raw = yaml_load.load(fh)
    Catalogue.model_validate(copy.deepcopy(raw))
    criterion = next(i["id"] for i in raw["indicators"] if i.get("immediate"))
    for member, match in ((criterion, f"{criterion} is not a need of the Levels of need tables"), ("additional.no_such_need", "unknown indicator")):
        bad = copy.deepcopy(raw)
        next(c for c in bad["contacts"] if c["id"] == FIS)["concerns"]["members"].append({"indicator": member, "why": "a test"})
        with pytest.raises(ValidationError, match=match):
            Catalogue.model_validate(bad)
    hand = copy.deepcopy(raw)
    next(i for i in hand["indicators"] if i["id"] == "additional.lack_routine")["related_contacts"] = [FIS]
    with pytest.raises(ValidationError, match=f"related_contacts: {FIS} is derived from contacts.{FIS}.concerns"):
        Catalogue.model_validate(hand)
