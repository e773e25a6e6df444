"""fix33c (stop 52; docs/adviser.md "Search33c"): mut32's probes of stop 50's readings (tests/pathway/
test_search_review31_mut.py, PROBES), each mended as a class, not as its example:

1. harm said of an adult or a thing read as harm to the child: a carer's blow to his own head ("dad hit his head on the
   door frame"), to another adult who is no carer ("dad punched his mate at the pub"), to a thing ("dad smashed her
   phone against the wall"), or a carer's neglect of himself ("dad takes drugs and neglects himself"): no p9
   significant harm first, nor p17's young carer;
2. a carer's own threat to kill himself beside his drinking: no p9 domestic violence first (no violence said); a carer
   violent to the other carer ("mum has mental health problems and is violent to dad"): p9's domestic violence first;
3. under-calls: a carer's partner banging "her head" off the floor, the carer whose partner he is named before
   ("mum's boyfriend"): a p9 row first; a baby handed to a man for money ("her baby": a child's noun that is also a
   describing word): p9's trafficking in the first three.

Oracles: tests/pathway/search_fix33c_cases.yaml, calls in words of my own written before the readings were changed,
each with what the document's rows say must hold, and controls (the child as the act's object) that must not change."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tests.pathway.cases import found_as_wanted, keyed, refused_where_set

CASES = yaml.safe_load((Path(__file__).parent / "search_fix33c_cases.yaml").read_text())

AS_ON_MAIN = "as on main 049c7c6, unchanged by this branch (word matching on 'sold' and a price, not the sale reading): "
KNOWN: dict[str, str] = {
    "mum sold her baby clothes for money": AS_ON_MAIN + "p9 trafficking first on 'sold' and 'money'",
    "we sold the baby bath to a man for 5 pounds": AS_ON_MAIN + "p9 trafficking third on 'sold', 'man' and a price",
    "mum has stopped eating and is neglecting herself": (
        "left: the young carer row's core ('not eat', search15b) is read in 'stopped eating', said of mum outside the"
        " reflexive this branch reads ('neglecting herself'); the subject reading does not carry a carer's own state"
    ),
}

GROUPS = (
    "head",
    "head_controls",
    "sold",
    "sold_controls",
    "own",
    "adult",
    "thing",
    "act_controls",
    "threat",
    "threat_controls",
    "violent_to",
    "violent_to_controls",
)
CALLS = keyed(CASES, KNOWN, *GROUPS)


@pytest.mark.parametrize(("q", "age", "want"), CALLS)
def test_fix33c_call(q: str, age: int | None, want: dict) -> None:
    found_as_wanted(q, age, want)


@pytest.mark.parametrize(
    ("path", "value"),
    [
        (("harm_to_child", "own_objects"), "himself"),
        (("harm_to_child", "thing_objects"), [""]),
        (("harm_to_child", "violent_leads"), ["additional.suspected_domestic_violence"]),
        (("harm_to_child", "violent_leads"), ["no.such_row"]),
    ],
)
def test_the_new_lists_are_checked(path: tuple[str, ...], value: object) -> None:
    """The synonyms file's new lists are refused where they are not as their readers read them (violent_leads: p9 rows)."""
    refused_where_set(path, value)


def test_the_readings_are_declared_in_the_synonyms_file() -> None:
    """Each new list is declared where it stands, naming this branch's adviser.md section."""
    text = (Path(__file__).parents[2] / "pathway" / "data" / "search_synonyms.yaml").read_text()
    assert text.count('docs/adviser.md "Search33c"') >= 1
    assert "fix33c (mut32's probe, lead50's KNOWN class)" in text
