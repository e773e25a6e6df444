"""Review 13 surfaces, X1: a journey page that refused a whole POST for one answer the rules cannot use
held back a ring-now reached by another answer on the same page. The oracle is p9's own list ("Allegations
or disclosures of abuse", "Child victims of trafficking" are immediate referrals, whatever else is answered)
and the document's age bands ("Under two years old and has unexplained bruising" is for a child under 2),
written here; each page now records the answers, goes to the ring-now result and says what the decision was
made without, and why, on the result, the child page and referral.txt."""

from __future__ import annotations

from tests.webapp.conftest import CHILD, text, walk_needs

BRUISING = "immediate.unexplained_bruising_under_2"
BRUISING_WORDS = "Under two years old and has unexplained bruising"
ALLEGATION = "immediate.allegation_or_disclosure"
UNBORN = "immediate.unborn_significant_harm"
TRAFFICKING = "protection.child_victim_trafficking"
OFFENDING = "additional.involved_criminal_activity_offending"  # a child of 1 cannot be offending
OFFENDING_WORDS = "Involved in criminal activity / offending"
DISABILITY_NEED = "extensive.substantial_lifelong_disability_short_breaks"  # its words: a substantial, life-long disability
PREGNANT_U16 = "extensive.pregnant_under_16"


def _complete(client, child=CHILD, ticks=None):
    assert client.post("/safety", data={"immediate": ["none"]}).status_code == 302
    assert client.post("/child", data=child).status_code == 302
    walk_needs(client, ticks)


def _rings(page: str) -> bool:
    return "Ring " in page and "now" in page and "Refer to Social Care now" in page


def test_the_safety_page_changed_with_an_age_recorded_rings_now_and_says_the_clash(client):
    _complete(client, ticks={"emotional_behavioural": ["additional.low_self_esteem"]})
    assert "Additional" in text(client.get("/result"))
    posted = client.post("/safety?change=1", data={"immediate": [BRUISING, ALLEGATION]})
    assert posted.status_code == 302 and posted.location.endswith("/result"), text(posted)  # refused whole before the fix

    result = text(client.get("/result"))
    assert _rings(result), result
    # a p9 box refused for the age keeps its place and the age is left out (left13, the call screen's reading)
    clash = f"Decided without the child's age (8 years 2 months; ‘{BRUISING_WORDS}’ does not fit it: it is for a child under 2 years old)"
    assert clash in result
    assert "Save this assessment" not in result and "first correct the answer it was decided without" in result

    referral = client.get("/referral.txt").get_data(as_text=True)
    assert "DECISION: Protection - immediate referral" in referral
    assert clash in referral and "Check it with the referrer" in referral  # a referral has no caller (review 14 surfaces, Y3)
    assert clash in text(client.get("/child?change=1"))
    assert clash in text(client.get("/referral"))


def test_the_unborn_baby_beside_a_child_under_2_on_the_first_pass_rings_now(client):
    """Two p9 boxes for two children: refused whole before the fix, so neither rang."""
    posted = client.post("/safety", data={"immediate": [UNBORN, BRUISING]})
    assert posted.status_code == 302 and posted.location.endswith("/result"), text(posted)
    result = text(client.get("/result"))
    # the unborn baby's criterion fits the child the page describes; the born child's box is set aside
    assert _rings(result) and f"Decided without ‘{BRUISING_WORDS}’ until it is corrected" in result


def test_a_needs_page_changed_with_a_stale_need_beside_trafficking_rings_now(client):
    """Age 1 recorded; a tab left open from an older age posts 'offending' beside trafficking (p9)."""
    _complete(client, child={**CHILD, "age_years": "1", "age_months": "0"})
    posted = client.post("/needs/emotional_behavioural?change=1", data={"emotional_behavioural": [TRAFFICKING, OFFENDING]})
    assert posted.status_code == 302 and posted.location.endswith("/result"), text(posted)
    result = text(client.get("/result"))
    assert _rings(result) and f"Decided without ‘{OFFENDING_WORDS}’" in result, result


def test_a_needs_page_refusal_with_no_ring_now_is_still_a_refusal(client):
    _complete(client, child={**CHILD, "age_years": "1", "age_months": "0"})
    posted = client.post("/needs/emotional_behavioural?change=1", data={"emotional_behavioural": [OFFENDING]})
    assert OFFENDING_WORDS in text(posted) and "There is a problem" in text(posted)
    assert "Level" in text(client.get("/result")) and not _rings(text(client.get("/result")))


def test_the_child_page_changed_to_an_age_that_entails_a_p9_criterion_is_not_refused_for_another_answer(client):
    """Pregnant under 16 at 12 is sexual activity under 13 (p17, by the catalogue's age entailment), an
    immediate referral. The same POST answers the disability 'No' beside a need whose words state a
    substantial and life-long disability, which the rules refuse. Before the fix the child page refused
    the whole POST, so the ring-now the new age entails was held back at the earlier age's level."""
    disabled = {**CHILD, "age_years": "14", "age_months": "0", "disability": "substantial_lifelong", "large_sibling_group": "no"}
    _complete(client, child=disabled, ticks={"parents_carers": [PREGNANT_U16], "health": [DISABILITY_NEED]})
    assert not _rings(text(client.get("/result")))
    posted = client.post("/child?change=1", data={**CHILD, "age_years": "12", "age_months": "0", "disability": "none"})
    assert posted.status_code == 302 and posted.location.endswith("/result"), text(posted)
    result = text(client.get("/result"))
    assert _rings(result) and "Decided without the answer to ‘Does the child have a disability?’" in result, result
