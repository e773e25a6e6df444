"""Review 9, G4 and G5: two readings the decision gave as the document's words.

G4: step-down from Child in Need or Protection 'agreed with the allocated social worker' (p5 says only
that the process ensures a well managed transfer). G5: the Child in Need services and assessments are
composed from the Extensive and Protection lists (the document's tables have no Child in Need column,
p11-18). The oracle is the document's text: the phrase the tool adds is not in it, so where the decision
says it, it says it is the tool's reading.
"""

from __future__ import annotations

import pathlib

from pathway import Case, load_catalogue
from rules import evaluate
from rules.what_if import nearby
from tests.conftest import IN_HOURS

CAT = load_catalogue()
DOCUMENT = " ".join((pathlib.Path(__file__).resolve().parents[1] / "data" / "threshold_document.txt").read_text(encoding="utf-8").split())


def _decide(indicators, **context):
    case = Case.parse({"child": {"age_years": 9}, "indicators": indicators, "context": {"contact_time": IN_HOURS, **context}})
    return case, evaluate(case)


def test_agreed_with_the_allocated_social_worker_is_not_the_documents_words():
    assert "agreed with the allocated social worker" not in DOCUMENT
    assert "well managed transfer between Protection and Extensive/Additional" in DOCUMENT


def test_step_down_from_a_social_care_level_says_who_agrees_it_is_the_tools_reading():
    for current in ("child_in_need", "protection"):
        case, d = _decide(["additional.lack_routine"], current_level=current)
        [g] = [g for g in d.guidance if g.rule == "step.social_care_managed"]
        assert "agreed with the allocated social worker" in g.text and "This tool's reading" in g.text, g.text
        assert "well managed transfer" in g.text
        for change in nearby(case, d).down:
            assert change.step and "agreed with the allocated social worker (the tool's reading" in change.step, change.step
    entry = CAT.guidance.step_social_care
    assert entry.interpretation and "well managed transfer" in (entry.why or "")
    for words in (CAT.what_if.support_now.social_care, CAT.what_if.support_now.open_level_unknown):
        assert words.interpretation and "review 9, G4" in (words.why or "")


# ------------------------------------------------------------------------------------------- G5
def _strip(item: str) -> str:
    item = item.removeprefix("For a disabled child: ")
    return item.split(" (")[0]


def test_the_document_has_no_child_in_need_list_and_each_item_is_from_extensive_protection_or_appendix_3():
    extensive, protection = CAT.level("extensive"), CAT.level("protection")
    cin = CAT.level("child_in_need")
    drawn = [_strip(x) for x in (*extensive.services, *extensive.assessments, *protection.services, *protection.assessments)]
    for item in (*cin.services, *cin.assessments):
        name = _strip(item)
        assert any(d.startswith(name) for d in drawn) or name in DOCUMENT, item
        assert name in DOCUMENT, item  # the document's own words for each
    assert "10 working days" in DOCUMENT and "maximum of 45 working days" in DOCUMENT  # the timescales (p37)


def test_the_child_in_need_lists_say_they_are_composed_as_the_tools_reading():
    _, d = _decide(["additional.lack_routine"], health_development_impaired_without_services=True)
    assert d.level.value == "child_in_need"
    assert d.services_intro and "This tool's reading: the document has no Child in Need table" in d.services_intro
    for page in ("p11-18", "p15-16", "p17", "p37"):
        assert page in d.services_intro, page
    reading = CAT.level("child_in_need").lists_reading
    assert reading is not None and reading.interpretation and reading.why
    assert CAT.level("child_in_need").assessments_intro == d.services_intro
    for other in ("universal", "additional", "extensive", "protection"):  # the document's own lists say nothing of the kind
        assert CAT.level(other).lists_reading is None and "reading" not in (CAT.level(other).services_intro or "")
