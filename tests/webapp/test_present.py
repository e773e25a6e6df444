"""How a decision is worded for the child: resolved actions, fitting offers, document citations."""

from __future__ import annotations

import re
from pathlib import Path

from pathway.catalogue import Source, load_catalogue
from pathway.document import TEXT, sections
from pathway.models import Case
from rules import evaluate
from webapp.journey import present

ROOT = Path(__file__).resolve().parents[2]


def _case(**context):
    return Case.parse(
        {"child": {"age_years": 0, "age_months": 9}, "context": {"caller": "professional", **context}, "indicators": ["extensive.life_threatening_conditions"]}
    )


def test_every_resolved_action_still_matches_an_action_of_the_catalogue():
    """A reworded action in the YAML must not silently stop being resolved."""
    actions = [a for lv in load_catalogue().levels for a in lv.actions]
    for resolved in load_catalogue().resolved_actions:
        assert any(a.startswith(resolved.action) for a in actions), resolved.action
    assert set(present.WHEN) == {r.when for r in load_catalogue().resolved_actions}


def test_consent_refused_drops_the_caf_actions_and_a_failing_caf_is_said_as_known():
    refused = _case(consent_to_early_help=False, caf="none")
    shown = present.actions(evaluate(refused), refused)
    assert not any(a.startswith(("Continue a multi-agency CAF", "Initiate a CAF")) for a in shown)
    failing = _case(caf="open_not_improving", current_level="additional")
    shown = present.actions(evaluate(failing), failing)
    assert not any(a.startswith("If the CAF is not improving outcomes") for a in shown)


def test_a_babys_offer_leaves_out_youth_justice_and_school_with_the_reason_and_keeps_the_whole_list():
    case = _case()
    decision = evaluate(case)
    offer = present.offer(decision, case)
    everything = offer.assessments + offer.services + [item for item, _ in offer.left_out + offer.first]
    assert sorted(everything) == sorted(decision.assessments + decision.services)
    left = dict(offer.left_out)
    assert "Youth Offending Team (YOT)" in left and "10 and over" in left["Youth Offending Team (YOT)"]
    assert "Special Schools" in left
    assert "Health Visitors" not in left and "Paediatricians" in offer.services


def test_the_shipped_document_is_the_vendored_text_and_every_page_has_an_anchor():
    assert TEXT.read_bytes() == (ROOT / "tests" / "data" / "threshold_document.txt").read_bytes()
    anchored = sorted(p for s in sections() for p in s.anchors)
    assert anchored == list(range(3, 38))


def test_every_indicator_citation_points_at_a_page_that_holds_its_words(client):
    """The link's page anchor leads to a section whose text holds the indicator (the highlight)."""
    catalogue = load_catalogue()
    by_page = {}
    for s in sections():
        for p in range(s.first_page, s.last_page + 1):
            by_page.setdefault(p, []).append(" ".join(s.lines).replace("*", "").lower())
    with client.application.test_request_context():
        for ind in catalogue.indicators:
            anchor = present.page_anchor(ind.source.page)
            page = int(anchor.split("-")[1])
            words = (ind.document_text or ind.text).lower().rstrip(".")
            # the text of the section the link opens, or the page after it (a table running on)
            assert any(words in text for p in range(page, page + 2) for text in by_page.get(p, [])), ind.id


def test_what_answers_the_needs_chosen_comes_first_with_the_needs_named():
    case = Case.parse({"child": {"age_years": 12}, "context": {"caller": "professional"}, "indicators": ["extensive.suspected_domestic_violence"]})
    decision = evaluate(case)
    offer = present.offer(decision, case)
    first = dict(offer.first)
    assert first["Domestic Violence services"] == ["Suspected domestic violence"]
    assert first["Domestic Abuse Risk Identification Form"] == ["Suspected domestic violence"]
    assert "Domestic Violence services" not in offer.services
    assert "Youth Offending Team (YOT)" in offer.services  # 12: old enough, not chosen for


def test_every_offer_filter_and_ordering_names_items_the_levels_list():
    """Data that matches nothing would silently stop filtering after a rewording of the YAML."""
    catalogue = load_catalogue()
    items = [x for lv in catalogue.levels for x in lv.assessments + lv.services]
    for entry in catalogue.offer_filters + catalogue.offer_for_needs:
        for words in entry.contains:
            assert any(words.lower() in item.lower() for item in items), (entry.id, words)
    for entry in catalogue.offer_for_needs:
        for words in entry.needs_mention:
            assert any(words.lower() in i.text.lower() for i in catalogue.indicators), (entry.id, words)


# The mutation run of 2026-12-02 (docs/safety/mutation.md): what the offer leaves out, and why, for
# an unborn baby and for a child said to have no disability; the reasons are the catalogue's words.
NO_DISABILITY = "for a disabled child (you said the child has no disability)"
YOUTH_JUSTICE = "youth justice work, for children of 10 and over (the document gives no age for it)"  # review 7 surfaces F12


def _offer(child: dict, **context):
    case = Case.parse({"child": child, "context": {"caller": "professional", **context}, "indicators": ["extensive.suspected_domestic_violence"]})
    return present.offer(evaluate(case), case)


def test_an_unborn_babys_offer_leaves_out_what_needs_an_age_and_says_no_disability_only_when_told():
    """Before 2026-12-02 every unborn baby's disabled-children's services were left out "because you
    said the child has no disability", even when the practitioner had said the opposite."""
    disabled = _offer({"unborn": True}, disability="substantial_lifelong")
    left = dict(disabled.left_out)
    assert left["Youth Offending Team (YOT)"] == YOUTH_JUSTICE
    assert left["Special Schools"] == "for children at school (from 4)"
    assert NO_DISABILITY not in left.values()
    assert "Disabled Children's Team" in disabled.services
    assert dict(_offer({"unborn": True}, disability="none").left_out)["Disabled Children's Team"] == NO_DISABILITY


def test_a_child_said_to_have_no_disability_is_not_offered_the_disabled_childrens_team_with_the_reason():
    said_none = dict(_offer({"age_years": 9}, disability="none").left_out)
    assert said_none["Disabled Children's Team"] == NO_DISABILITY
    assert said_none["Short breaks/ continuing care services"] == NO_DISABILITY
    disabled = _offer({"age_years": 9}, disability="substantial_lifelong")
    assert "Disabled Children's Team" in disabled.services and NO_DISABILITY not in dict(disabled.left_out).values()


def test_each_resolved_action_is_said_in_the_catalogues_words_for_the_answers_given():
    """The words come from the catalogue's `resolved_actions` (fsp_2014.yaml), typed here. (Its
    "CAF not improving" wording replaces an Extensive action, and an Extensive need with a CAF not
    improving is a Child in Need: no decision of the shipped rules reaches it.)"""
    additional = Case.parse(
        {"child": {"age_years": 9}, "context": {"caller": "professional", "caf": "open_improving"}, "indicators": ["additional.experiencing_bullying"]}
    )
    shown = present.actions(evaluate(additional), additional)
    assert shown[0] == "A CAF is already open: record the evidence of assessment on it and review the action plan."
    extensive = _case(caf="none")
    shown = present.actions(evaluate(extensive), extensive)
    assert "Start a multi-agency CAF and consider more support services." in shown
    assert None not in shown


def test_the_results_citations_open_the_document_at_their_page(client):
    """Each need under "Why" links to its page (the need is highlighted there from the session's
    answers, never named in the address: review 7 surfaces F9), the reason's source and the
    level's threshold to theirs; the words are the citation's (dental decay: p13, the Additional level's
    threshold: p4, Thresholds / Levels of support)."""
    from tests.webapp.conftest import CHILD, walk_needs

    client.post("/safety", data={"immediate": "none"})
    client.post("/child", data=CHILD)
    walk_needs(client, {"health": ["additional.dental_decay_not_accessing"]})
    html = client.get("/result").get_data(as_text=True)
    links = re.findall(r'<a class="govuk-link" href="(/document[^"]*)">([^<]*)</a>', html)
    need = ("/document#page-13", "Levels of need: Additional Support, p13-14")
    assert links.count(need) == 2  # the need's own citation and the reason's source
    assert not [href for href, _ in links if "?" in href]
    assert ("/document#page-13", "Levels of need: Additional Support, p13-14") in links  # the reason's source
    assert ("/document#page-4", "Thresholds / Levels of support; Levels of need: Additional Support, p4, 13-14") in links


def test_a_citation_without_a_page_number_is_its_words_not_a_link(app):
    with app.test_request_context():
        shown = present.cite(Source(section="Foreword", page="ii"))
        assert str(shown) == "Foreword, pii"
        assert (
            str(present.cite_text("Foreword, pii; Key contacts, p23")) == 'Foreword, pii; <a class="govuk-link" href="/document#page-23">Key contacts, p23</a>'
        )


def test_a_baby_or_unborn_child_is_not_offered_schools_or_school_nurses_at_universal():
    """Audit of issue 13 (2026-12-02): a 9-month-old's and an unborn baby's Universal result listed
    'Schools' and 'School Nurses' among the services for this child; the school filter named only
    the later levels' school services."""
    for child in ({"age_years": 0, "age_months": 9}, {"unborn": True}):
        case = Case.parse({"child": child, "context": {"caller": "professional"}, "indicators": []})
        offer = present.offer(evaluate(case), case)
        left = dict(offer.left_out)
        assert left.get("Schools") == left.get("School Nurses") == "for children at school (from 4)", child
        assert "Health Visitors" in offer.services
    school_age = Case.parse({"child": {"age_years": 8}, "context": {"caller": "professional"}, "indicators": []})
    assert {"Schools", "School Nurses"} <= set(present.offer(evaluate(school_age), school_age).services)
