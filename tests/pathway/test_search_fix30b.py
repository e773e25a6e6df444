"""Search30b (fix30b; docs/adviser.md "Search30b"): ordinary words read as a concern (review 29 Q7-Q10, mut29's
over-calls): a child's ordinary words quoted, a sleepover, parents split up, a concern past and resolved, an adult's blow
to another adult or to his own body, a belonging grabbed.

Oracles: tests/pathway/search_fix30b_cases.yaml, calls in words of my own written before the readings were changed
(`quoted_kiss` after the first, said there), with what the document's rows say must hold (tests/pathway/cases.py's
check, and `first_at_most`: the first row's level), and controls in the same shape where the concern is said and must
keep its rows."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tests.pathway import cases
from tests.pathway.test_search_fix29c import check  # cases.check and `first_at_most` (the first row's level)

CASES = yaml.safe_load((Path(__file__).parent / "search_fix30b_cases.yaml").read_text())
LEFT = "left (fix30b): "
FILLS = LEFT + "the reading's rows leave the first three; what stays or fills is another word's or the learned model's own"
FILLS += " share, which fix30b's readings (bounded to the rows their words reached) do not move"
SAID = LEFT + "'said' is no verb of `told_alone`: what follows 'said' is what was said, not whom it was told to (tried:"
SAID += " with 'said'/'says' among its verbs p9's disclosure row left the first three of 8 labelled calls, 'my 14 yr old"
SAID += " says her stepdad comes in her room at night', and was taken out)"
KNOWN: dict[str, str] = {
    'he said "mummy kisses me goodnight"': SAID,
    'he said "nanna blew me a kiss"': SAID,
    'she told me "grandma kissed me on the cheek"': FILLS + " (p9 'Unexplained injuries' on 'cheek', a body part)",
    # "he is sleeping over at his mate's on saturday for his birthday" passes since stop 55's merge (Search55m)
    "the kids are staying over at their nan's this weekend": FILLS + " (p9 'home alone' from the model, no word for it)",
    # "she stayed over at her cousin's house last night for a film night" (FILLS) passes since fix32b's whereabouts_said (stop 51)
    "he is having a sleepover at his friend's house on friday": FILLS + " (p17 'Sexual activity under 13', the model's on 'sleepover')",
    "the girls are having a birthday sleepover at our house": FILLS + " (the same)",
    "her friend is staying over at ours tonight": FILLS + " (p9 significant harm, the model's, no word for it)",
    "his parents have split up but they are both still very involved": LEFT + "p9 'Unexplained injuries' stays second (not traced this session)",
    "we split up when she was a baby and her dad has her on tuesdays": FILLS + " (p9 harm on 'baby' and 'when she was')",
    "mum and her partner split up amicably in the summer": FILLS + " (p9 contact with adults on 'partner')",
    "she used to be left on her own but now goes to after school club every day": LEFT + "'club' (said after the ended"
    " clause) also matched p9 home alone at risk: a row another word supports stays",
    "he self harmed three years ago and has been well since with camhs support": LEFT + "'camhs' is said outside the"
    " ended clause ('and' ends it) and keeps p15-16's mental health row first",
    "they were homeless years ago but have had their council house for six years": LEFT + "'council' and 'house' said"
    " after the ended clause keep the homeless row first",
    "she used to go missing a lot but has not been missing for two years": LEFT + "'missing' is said again after 'but'"
    " (denied: 'not been missing'), so the row does not rest on the ended words alone",
    "they used to be in temporary accommodation before he was born": LEFT + "the homeless row leaves first place (a"
    " Universal row the words matched leads) but stays second: 'temporary accommodation' is its own phrasing and"
    " `not_now`'s reordering keeps it in sight, by design",
    # "her uncle punched a bouncer outside a club" holds since fix33c (stop 52: _act_on_no_child_below, a blow to
    # another adult, `harm_to_child.adult_objects`): its strict xfail is taken off
    "she grabbed her phone and ran upstairs laughing": LEFT + "'phone' is a `persons`/`property` word to everyday_senses"
    " (it may not be an object); 'upstairs' keeps p9 injuries",
}


@pytest.mark.parametrize(("q", "age", "want"), cases.keyed(CASES, KNOWN, "quoted", "quoted_kiss"))
def test_ordinary_words_quoted_are_no_disclosure(q: str, age: int | None, want: dict) -> None:
    """Q7 (inflation): a child's ordinary words quoted ('he said "I hate maths"', a carer's kiss of affection told):
    no p9 row first, no p15-17 need first."""
    check(q, age, want)


@pytest.mark.parametrize(("q", "age", "want"), cases.keyed(CASES, KNOWN, "quoted_controls", "quoted_kiss_controls"))
def test_a_harm_quoted_keeps_the_disclosure(q: str, age: int | None, want: dict) -> None:
    """Q7's controls: a touch, a burn, a secret, a kiss that hurts or in bed, told: p9 leads."""
    check(q, age, want)


@pytest.mark.parametrize(("q", "age", "want"), cases.keyed(CASES, KNOWN, "sleepover", "split", "past", "adults"))
def test_ordinary_news_preselects_no_need(q: str, age: int | None, want: dict) -> None:
    """Q8-Q10 and mut29's over-calls (inflation): a sleepover, parents split up, a concern past and resolved, an adult's
    blow to another adult or to his own body, a belonging grabbed."""
    check(q, age, want)


@pytest.mark.parametrize(("q", "age", "want"), cases.keyed(CASES, KNOWN, "sleepover_controls", "split_controls", "past_controls", "adults_controls"))
def test_the_concern_said_keeps_its_rows(q: str, age: int | None, want: dict) -> None:
    """The controls: put out of home, a split lip, a concern still now, a blow to the child: their rows stay."""
    check(q, age, want)
