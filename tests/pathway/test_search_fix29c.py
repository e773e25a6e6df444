"""Search29c (fix29c; docs/adviser.md "Search29c"): ordinary family news read as a concern by one word.

Oracles: tests/pathway/search_fix29c_cases.yaml, calls in words of my own written before the readings were changed, with
what the document's rows say must hold (tests/pathway/cases.py's check, and this file's `first_at_most`: the first row's
level), and controls in the same shape where the concern is said and must keep its rows."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tests.pathway import cases

CASES = yaml.safe_load((Path(__file__).parent / "search_fix29c_cases.yaml").read_text())
LEFT = "left (fix29c): "
OTHER = LEFT + "the happy words are read; another word of the call reaches a p17 row on its own ('school': no educational"
OTHER += " provision, 'move': persistent transient families, 'medicine': fabricated illness): the same class, not read this session"
FILLS = LEFT + "the concern row leaves the first three; the rows filling its place are other single words' or the model's own"
FILLS += " weak shares (a p9 or p15-17 row rising): fix29c's readings move only the rows their words reached, and leave the rest"
KNOWN: dict[str, str] = {
    "he's never been happier since he started at the new school": OTHER,
    # "they are both much happier since the move" (OTHER) passes since fix32b's one_move reading (stop 51)
    "the baby is much happier since the reflux medicine": OTHER,
    "the baby sat quietly watching the bubbles, completely fascinated": LEFT + "'sat quietly' with 'watching' after it is not"
    " read (the verb's object is the only structure fix25b reads): p17 Frozen watchfulness stays first",
    "she watched the magician without moving a muscle, spellbound": FILLS + " ('moving': persistent transient families)",
    # "the toddler was frozen to the spot watching the diggers, he loves them" passes since stop 55's merge (fix39a_watching
    # and _named_rows_below's fill keeping out what was moved; docs/adviser.md Search55m)
    "he lost his wallet at the cinema and someone handed it back": FILLS + " (p9's allegation, the model's)",
    "she lost her school bag and found it under her bed": FILLS + " ('lost' with 'under': sexual activity under 13; 'bed': p9's allegation)",
    "he hangs about with the lads from the boxing club": LEFT + "a companion at a club ('the lads from the boxing club') is not"
    " read: no structure of everyday_senses reads a group by the place it meets",
    "she's having her grommets put in at the hospital next week": FILLS + " ('put': inconsistent parenting)",
    "mum smashed her time at the half marathon": FILLS + " (suspected domestic violence, the model's)",
    "dad beat his best time at the 10k and we all cheered": LEFT + "'beat' is read by the model as the blow it usually is: p9's"
    " domestic violence leads on the model's share alone",
    "her step dad showed her how to tie her laces": FILLS + " (p9's allegation, the model's, on 'step dad ... her')",
    "we're a bit short this month after christmas": FILLS + " (multiple attendance, the model's)",
    "a bit skint till payday after the car repairs": FILLS + " (p9's trafficking on 'car', the model's)",
}
HEIGHT = {"universal": 0, "additional": 1, "extensive": 2, "protection": 3, "immediate": 3}


def check(q: str, age: int | None, want: dict) -> None:
    """cases.check, and `first_at_most`: the first row is of that level or lower (a call with no row passes)."""
    ids = cases.found(q, age)
    rest = {k: v for k, v in want.items() if k != "first_at_most"}
    cases.check(ids, rest)
    if "first_at_most" in want and ids:
        assert HEIGHT[ids[0].split(".")[0]] <= HEIGHT[want["first_at_most"]], ids


@pytest.mark.parametrize(("q", "age", "want"), cases.keyed(CASES, KNOWN, "happy", "happy_controls"))
def test_happier_is_a_strength(q: str, age: int | None, want: dict) -> None:
    """Q8's probe, Q9 (inflation): "the happiest he has ever been", "never been happier" is no abuse and no low self esteem."""
    check(q, age, want)


@pytest.mark.parametrize(
    ("q", "age", "want"),
    cases.keyed(
        CASES, KNOWN, "watching", "watching_controls", "lost", "lost_controls", "clubs", "clubs_controls", "hospital",
        "hospital_controls", "best", "best_controls", "taught", "taught_controls", "money", "money_controls",
    ),
)  # fmt: skip
def test_ordinary_news_preselects_no_need(q: str, age: int | None, want: dict) -> None:
    """Q8 (inflation): a show watched spellbound, a thing lost and found, a club, an operation, a personal best, a skill
    taught, a short month: no p15-17 row first, no p9 row in the first three."""
    check(q, age, want)
