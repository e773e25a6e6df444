"""Review 16 (rules), M3: the CAMHS single point of access is defined by a class of concern, not a list.

p23: "Mental Health single point of access (Child and Adolescent Mental Health): For all emotional/mental
health concerns or support needs regarding children and young people in Nottingham." The tool offered it
beside six needs chosen one by one: not beside the child's own emotional rows ("Low self esteem", "Poor sense
of self", "Significantly low self esteem", "Significantly distorted self image", "Alienates self from
others"), and beside a Parents-and-Carers row. The class is stated once, on the contact (`concerns`), each
member with its why, and the needs' related_contacts are derived from it; a hand-listed camhs_spa is refused.

The oracle is the document's text: the class's words (p23, Appendix 2's ME-Source group) and each row's
own words and its CAF domain (p11-17).
"""

from __future__ import annotations

import copy
import pathlib

import pytest
from pydantic import ValidationError

from pathway import Case, load_catalogue, yaml_load
from pathway.catalogue import DATA_FILE, Catalogue
from rules import evaluate
from tests.conftest import IN_HOURS

CAT = load_catalogue()
DOCUMENT = " ".join((pathlib.Path(__file__).resolve().parents[1] / "data" / "threshold_document.txt").read_text(encoding="utf-8").split())
CAMHS = "camhs_spa"
# a row of the child's own whose words are one of these is an emotional or mental-health concern (p23's class;
# 'self esteem' after Appendix 2's 'building self esteem and resilience' group): the oracle, not the catalogue's list
CLASS_WORDS = ("mental health", "emotional", "self esteem", "self image", "sense of self", "self harm", "alienates self")


def _raw() -> dict:
    with open(DATA_FILE, encoding="utf-8") as fh:
        return yaml_load.load(fh)


def _concerns() -> list[str]:
    """The rows the document's words put in p23's class: a concern (not Universal) of the child's own domain."""
    return [i.id for i in CAT.indicators if i.domain == "child_development" and i.level.value != "universal" and any(w in i.text.lower() for w in CLASS_WORDS)]


def test_the_document_defines_the_contact_by_a_class_for_children_and_young_people():
    assert "For all emotional/mental health concerns or support needs regarding children and young people in Nottingham" in DOCUMENT
    assert "ME-Source (building self esteem and resilience group for young adolescents)" in DOCUMENT
    # the five rows review 16 found without it, in the document's words
    for words in ("Low self esteem", "Poor sense of self", "Significantly low self esteem", "Significantly distorted self image", "Alienates self from others"):
        assert words in DOCUMENT


def test_every_row_whose_words_are_in_the_class_carries_the_contact():
    rows = _concerns()
    assert {"additional.low_self_esteem", "additional.poor_sense_self", "protection.alienates_self_others"} <= set(rows)
    assert [i for i in rows if CAMHS not in CAT.indicator(i).related_contacts] == []


@pytest.mark.parametrize("member", [m.indicator for m in CAT.contact(CAMHS).concerns.members])
def test_every_member_is_offered_the_contact_in_the_decision_with_p23s_number(member):
    d = evaluate(Case.parse({"child": {"age_years": 14}, "indicators": [member], "context": {"contact_time": IN_HOURS}}))
    [c] = [c for c in d.contacts if c.id == CAMHS]
    assert c.phone == "0115 915 8900" and "0115 915 8900" in DOCUMENT
    assert any(g.rule == f"contact.{CAMHS}" for g in d.guidance)


def test_no_parents_and_carers_or_family_row_carries_the_contact():
    # the contact is for children and young people (p23): a parent's or the family's row is not the child's own
    assert [i.id for i in CAT.indicators if CAMHS in i.related_contacts and i.domain != "child_development"] == []
    assert CAMHS not in CAT.indicator("protection.inconsistent_parenting_highly_critical").related_contacts


def test_each_member_says_why_and_a_member_whose_words_do_not_name_the_class_is_declared():
    for m in CAT.contact(CAMHS).concerns.members:
        words = CAT.indicator(m.indicator).text.lower()
        assert m.why
        assert m.interpretation or "mental" in words or "emotional" in words, m.indicator


def test_a_hand_listed_contact_a_member_of_another_domain_and_an_unknown_member_are_refused():
    raw = _raw()
    Catalogue.model_validate(copy.deepcopy(raw))  # the shipped data loads

    hand = copy.deepcopy(raw)
    ind = next(i for i in hand["indicators"] if i["id"] == "protection.inconsistent_parenting_highly_critical")
    ind["related_contacts"] = [CAMHS]
    # the error names the field, the need and where to state it (mut16: the need's id was lost unnoticed)
    with pytest.raises(
        ValidationError,
        match="related_contacts: camhs_spa is derived from contacts.camhs_spa.concerns; state protection.inconsistent_parenting_highly_critical there",
    ):
        Catalogue.model_validate(hand)

    for member, match in (
        ("protection.inconsistent_parenting_highly_critical", "is not a need of domain 'child_development'"),
        ("additional.no_such_need", "unknown indicator"),
    ):
        other = copy.deepcopy(raw)
        contact = next(c for c in other["contacts"] if c["id"] == CAMHS)
        contact["concerns"]["members"].append({"indicator": member, "why": "a test"})
        with pytest.raises(ValidationError, match=match):
            Catalogue.model_validate(other)

    twice = copy.deepcopy(raw)
    contact = next(c for c in twice["contacts"] if c["id"] == CAMHS)
    contact["concerns"]["members"].append(dict(contact["concerns"]["members"][0]))
    with pytest.raises(ValidationError, match="listed twice"):
        Catalogue.model_validate(twice)


def test_a_member_keeps_its_own_contacts_a_p9_criterion_is_never_a_member_and_a_malformed_entry_is_a_field_error():
    """mut16 (the loader's survivors): the contact derived onto a member replaced the member's own related
    contacts; a p9 criterion given the class's domain was taken as a member (a ring-now offered beside the
    advice line as a concern like the others); an indicator or member that is not a mapping stopped the
    loader with an AttributeError, not the field error the owners' draft page shows."""
    raw = _raw()
    other = next(c["id"] for c in raw["contacts"] if c["id"] != CAMHS)
    own = copy.deepcopy(raw)
    member = next(m["indicator"] for c in own["contacts"] if c["id"] == CAMHS for m in c["concerns"]["members"])
    next(i for i in own["indicators"] if i["id"] == member)["related_contacts"] = [other]
    assert Catalogue.model_validate(own).indicator(member).related_contacts == [other, CAMHS]

    p9 = copy.deepcopy(raw)
    criterion = next(i for i in p9["indicators"] if i.get("immediate"))
    criterion["domain"] = "child_development"
    next(c for c in p9["contacts"] if c["id"] == CAMHS)["concerns"]["members"].append({"indicator": criterion["id"], "why": "a test"})
    with pytest.raises(ValidationError, match=f"{criterion['id']} is not a need of domain"):
        Catalogue.model_validate(p9)

    for where in ("indicator", "member"):
        bad = copy.deepcopy(raw)
        if where == "indicator":
            bad["indicators"].append("not a mapping")
        else:
            next(c for c in bad["contacts"] if c["id"] == CAMHS)["concerns"]["members"].append("not a mapping")
        with pytest.raises(ValidationError) as raised:
            Catalogue.model_validate(bad)
        assert "indicators" in str(raised.value) or "concerns" in str(raised.value), str(raised.value)
