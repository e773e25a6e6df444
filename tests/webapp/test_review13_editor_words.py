"""Review 13 surfaces, X3 and X4: the scenario editor says an immediate decision as every surface does,
"Protection (immediate referral)", and refuses in the journey's words, naming the field: never a catalogue
id, a band key, "0 months" for months left blank, or pydantic's "String should have at least 1 character"."""

from __future__ import annotations

import pytest

from tests.webapp.conftest import text
from tests.webapp.test_practice_library import post_editor

PRE_SCHOOL = (
    "‘Pre school child under stimulated so as to impair development’ does not fit the age you recorded (15 years; it is for a child pre-school (under 5))"
)
DEVELOPER_WORDS = ("immediate.", "extensive.", "band '", "0 months", "String should have")


@pytest.mark.parametrize("tick", ["immediate.allegation_or_disclosure", "protection.child_victim_trafficking"])
def test_the_preview_of_an_immediate_decision_says_immediate_referral(trainer, tick):
    page = text(post_editor(trainer, "preview", ticks=[tick]))
    assert "The rules' decision: Protection (immediate referral)" in page, page[:300]


@pytest.mark.parametrize(
    "tick, changes, words",
    [
        # the document's words (p9): "Under two years old and has unexplained bruising", for a child under 2
        (
            "immediate.unexplained_bruising_under_2",
            {"age_years": "8", "age_months": ""},
            "‘Under two years old and has unexplained bruising’ does not fit the age you recorded (8 years; it is for a child under 2 years old)",
        ),
        # p15-16: "Pre school child under stimulated so as to impair development"
        (
            "extensive.pre_school_under_stimulated",
            {"age_years": "15", "age_months": ""},
            PRE_SCHOOL,
        ),
    ],
)
def test_a_need_outside_the_age_is_refused_in_the_journeys_words(trainer, tick, changes, words):
    page = text(post_editor(trainer, "preview", ticks=[tick], **changes))
    assert f"Error: {words}" in page, page[:600]
    assert not any(w in page for w in DEVELOPER_WORDS), [w for w in DEVELOPER_WORDS if w in page]


@pytest.mark.parametrize("field, words", [("title", "Enter a title"), ("narrative", "Enter the narrative"), ("common_mistake", "Enter the common mistake")])
def test_a_text_of_spaces_is_refused_as_a_blank_one(trainer, field, words):
    page = text(post_editor(trainer, "preview", **{field: "   "}))
    assert f"Error: {words}" in page and "String should have" not in page
