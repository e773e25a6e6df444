"""A parent's psychosis with words of harm to a baby keeps p9's "Child is at immediate risk or has
suffered significant harm" in sight (review 8, surfaces S2). The fix is training data only (example
calls in pathway/data/search_examples/written_2026-12-02h.yaml, written from p9); the review's own
words are not among them, so these check what the model learned, not what it was shown."""

from __future__ import annotations

from pathway.search import KEPT_PLACES, search
from pathway.search_model import example_calls

HARM = "immediate.significant_harm"


def test_the_reviews_words_are_not_training_data():
    said = {c.said for c in example_calls()}
    assert not said & {"mum hearing voices telling her to hurt the baby", "mum is psychotic and says the baby is the devil"}


def test_voices_telling_a_parent_to_hurt_the_baby_put_immediate_risk_first():
    # before: Extensive's parental mental health first, immediate risk 4th (0.37)
    assert search("mum hearing voices telling her to hurt the baby", age_in_months=2, limit=1)[0].id == HARM


def test_a_psychotic_parents_delusion_about_the_baby_keeps_immediate_risk_in_the_top_three():
    # before: not in the first five. Additional's "Child perceived to be a problem by parent" still
    # leads: its own phrasings say "devil child", and the model reads words, not that the psychosis
    # makes the same words a delusion (docs/adviser.md)
    assert HARM in [h.id for h in search("mum is psychotic and says the baby is the devil", age_in_months=2, limit=KEPT_PLACES)]


def test_the_same_threat_without_the_illness_still_puts_immediate_risk_first():
    assert search("mum said she wants to hurt him", age_in_months=48, limit=1)[0].id == HARM
