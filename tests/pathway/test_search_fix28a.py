"""Review 27's harm findings (fix28a; docs/adviser.md "Search28a"): who is harmed, and by whom. Q2: a carer's threat to
kill self said by its act with a child taken with it ("drive off a bridge with the kids in the car", "gas us all",
"take them with him when he goes"; the synonyms file's `carer_threat.with_child`, read by _takes_child_with_first)
leads with p9's significant harm; the other findings' calls (Q6 the child as the object a neighbour reports, a secret
an adult told the child to keep, Q10 a carer in crisis talking of hurting the baby)
are in the cases file with what the document says must hold, and strict xfails for what is left.

Oracles: tests/pathway/search_fix28a_cases.yaml, calls in words of my own written before the readings were changed,
each with what the document's p9 rows say must hold, and controls where the concern is not there."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
import yaml

from pathway.catalogue import load_catalogue
from pathway.search import SearchDataError, SearchIndex, load_synonyms
from tests.pathway.cases import check, found, keyed
from tests.pathway.synonyms_comment import comment_above

CASES = yaml.safe_load((Path(__file__).parent / "search_fix28a_cases.yaml").read_text())

AS_ON_MAIN = "as on main 96d81ce, not this branch's reading: "
LEFT = "left (Q10, arguable): `joined` reads the illness word only in a carer's clause; "
KNOWN: dict[str, str] = {
    "mum says the kids are killing her with their noise": AS_ON_MAIN + "an idiom of a concern word (fix28c's class); p9 on 'killing'",
    "dad says the kids drive him up the wall at bedtime": AS_ON_MAIN + "an idiom (fix28c's class); no act of this reading (no place)",
    "dad took the kids with him when he went to the shops": AS_ON_MAIN + "p9 on 'took ... with him' by the search's own order; no threat",
    "the neighbour says the little one is screaming and laughing in the garden all afternoon": (
        AS_ON_MAIN + "p9 on 'screaming' by the search's own order (an everyday sense: fix28c's class); no blow said"
    ),
    "she is keeping dad's birthday present a secret from him": AS_ON_MAIN + "p9's disclosure row second on 'secret' alone (the blend's order)",
    "she keeps her diary secret from her brother": AS_ON_MAIN + "p9's disclosure row first on 'secret' alone (the blend's order)",
    "the teacher said the class must keep the surprise for the head a secret": AS_ON_MAIN + "p9's disclosure row first on 'secret' alone",
    "the crisis team went out to dad last night, he was talking about hurting the baby": LEFT + "'the crisis team' opens its own clause",
    "the mental health team say mum has been talking about smothering the baby": LEFT + "'mental health' is a team's name here",
    "the psychiatric nurse said mum talked about harming the kids": LEFT + "'psychiatric' is the nurse's clause",
    "dad has been talking about hurting the baby since his breakdown": LEFT + "'since his breakdown' is a clause of its own ('since' opens it)",
    "mum is scared of hurting the baby's feelings by going back to work": AS_ON_MAIN + "p9 on 'hurting' (an everyday sense: fix28c's class)",
}

KEYS = ("q2", "q2_controls", "q6", "q6_controls", "secret", "secret_controls", "q10", "q10_controls")


@pytest.mark.parametrize(("q", "age", "want"), keyed(CASES, KNOWN, *KEYS))
def test_fix28a_call(q: str, age: int | None, want: dict) -> None:
    check(found(q, age), want)


def test_with_child_is_declared_and_checked() -> None:
    said = comment_above("pregnant_young")  # the comment block above the next key holds carer_threat's own lines
    text = (Path(__file__).parents[2] / "pathway" / "data" / "search_synonyms.yaml").read_text()
    block = text[text.index("\ncarer_threat:") : text.index("\npregnant_young:")]
    assert "fix28a (review 27 Q2, safety; this tool's reading" in block and "Search28a" in block
    assert said  # the next key's own declaration is untouched
    synonyms, cat = load_synonyms(), load_catalogue()
    for key, value in (("leads", "extensive.mental_physical_health_problems"), ("reach", 0), ("acts", [])):
        bad = copy.deepcopy(synonyms)
        bad["carer_threat"]["with_child"][key] = value
        with pytest.raises(SearchDataError):
            SearchIndex(cat, bad)


@pytest.mark.parametrize(
    "q",
    [
        "mum says she will drive the kids to the seaside on saturday",  # an outing: no place of this reading's
        "dad says he'll take the kids with him to the football",  # taken with no `gone`
        "mum said she will jump off the bridge",  # no child: the carer's own threat, Search19d's reading
        "mum says she will not set fire to anything with the kids in the house",  # denied
    ],
)
def test_with_child_not_read(q: str) -> None:
    from pathway.search import default_index, normalise

    assert not default_index()._takes_child_with(normalise(q).split())


def test_the_other_tables_are_checked() -> None:
    """`of_this_child.by_noun` names p9 rows only; `told_alone.secrecy` reads a reach of a word or more."""
    synonyms, cat = load_synonyms(), load_catalogue()
    bad = copy.deepcopy(synonyms)
    bad["of_this_child"]["by_noun"] = {"extensive.suspected_domestic_violence": ["getting hit"]}
    with pytest.raises(SearchDataError):
        SearchIndex(cat, bad)
    bad = copy.deepcopy(synonyms)
    bad["told_alone"]["secrecy"]["reach"] = 0
    with pytest.raises(SearchDataError):
        SearchIndex(cat, bad)


@pytest.mark.parametrize(
    ("q", "said"),
    [
        ("her uncle said never tell anyone", True),
        ("the man told her it was their secret", True),
        ("he told his sister not to tell mum about the surprise party", False),  # innocent: a surprise
        ("she keeps her diary secret", False),  # no reporting verb
    ],
)
def test_secret_said(q: str, said: bool) -> None:
    from pathway.search import default_index, normalise

    assert default_index()._secret_said(normalise(q).split()) is said
