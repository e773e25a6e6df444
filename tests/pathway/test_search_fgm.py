"""Review 9, G6: the call screen's search found no p9 criterion for female genital mutilation ("fgm" alone
returned nothing). The document does not name it; p9's 'Child is at immediate risk or has suffered
significant harm including physical, sexual, emotional harm or neglect' is its words for it, and the
search vocabulary says so as this tool's reading (search_synonyms.yaml, immediate.significant_harm).

The oracle is a hand list of how a caller says it; 'cut' alone stays self-harm's word.
"""

from __future__ import annotations

import pytest

from pathway.search import SYNONYMS_FILE, search

SIGNIFICANT_HARM = "immediate.significant_harm"
SAID = [
    "fgm",
    "FGM",
    "female genital mutilation is planned for her",
    "genital mutilation",
    "female circumcision",
    "mum says she will be circumcised",
    "she is going to be cut",
    "they are taking her abroad to be cut",
    "worried about fgm in the summer holidays",
]


@pytest.mark.parametrize("words", SAID)
@pytest.mark.parametrize("age_months", [18, 120, 180])
def test_each_way_of_saying_fgm_offers_p9s_significant_harm_in_the_first_three(words, age_months):
    ids = [h.id for h in search(words, age_in_months=age_months, limit=5)]
    assert SIGNIFICANT_HARM in ids[:3], (words, ids)


@pytest.mark.parametrize("words", ["she cuts herself", "she has been cutting herself", "cut herself with a razor"])
def test_cutting_oneself_still_leads_with_self_harm(words):
    ids = [h.id for h in search(words, age_in_months=168, limit=3)]
    assert ids[0] in ("extensive.behaviour_puts_life_risk", "protection.endangers_life_through_self"), ids


def test_the_words_are_declared_as_the_tools_reading():
    text = SYNONYMS_FILE.read_text(encoding="utf-8")
    block = text.split("review 9, G6")[1].split("immediate.unexplained_injuries:")[0]
    assert "This tool's reading" in block and "does not name female genital mutilation" in block
    assert "- fgm" in block and "- female circumcision" in block
