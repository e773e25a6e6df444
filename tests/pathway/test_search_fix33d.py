"""fix33d (stop 52; docs/adviser.md "Search33d"; review 32 K4, review 31 Q7, mut32's denial probes): a concern the call
denies read as said, each mended as a class, not as its example:

1. an injury denied beside an ordinary question ("the baby has no marks on her at all, mum just wants advice about
   sleep"): no p9 row preselected;
2. violence denied, the parents' arguing said ("there's no violence in the house, they just argue a lot"): p13-14
   "Family conflicts" in the first three, no p9 row first;
3. the child denied a victim of bullying and said the one who bullies ("she isn't being bullied, she's the one doing
   the bullying"): no "Experiencing bullying" first, the bullying of others in the first three;
4. a carer's drink said, violence or abuse denied ("mum drinks but nobody has been hurt and there is no violence",
   "mum's partner drinks but there has been no abuse"): neither p9's domestic violence nor p17's persistent domestic
   abuse first.

Oracles: tests/pathway/search_fix33d_cases.yaml, calls in words of my own written before the readings were changed,
each with what the document's rows say must hold, and controls (the concern said, or denied beside a harm said) that
must keep their p9 rows."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tests.pathway.cases import found_as_wanted, keyed

CASES = yaml.safe_load((Path(__file__).parent / "search_fix33d_cases.yaml").read_text())

KNOWN: dict[str, str] = {
    "there are no marks or bruises on him, mum wants help with his sleep": (
        "left (review 12 H6): the first three are all p9 rows resting on the denial (bruising under 2, injuries, the"
        " disclosure row on 'bruises' and 'marks'); a new first row would push one out of sight, which no denial does"
    ),
    "dad drinks but nobody has been hit": (
        "left (review 12 H6): the first three are all p9 rows (significant harm on the denied 'hit', repeated domestic"
        " violence on 'drinks', home alone at risk on 'drinks' and 'nobody'); no denial pushes one out of sight"
    ),
    "there is no violence but mum and her partner argue every day": (
        "left: p13-14 'Suspected domestic violence' leads on 'argue' (its keyword 'arguments'); 'Family conflicts' is"
        " eighth, behind the denied rows and p9's repeated domestic violence, which _denied_in_sight never brings into"
        " sight for a denial"
    ),
    "he is not getting bullied, he's the one doing it to the younger kids": (
        "left: 'doing it to' names no act of `not_the_child.doers.acts`; 'doing' as an act would read 'doing well with other kids' as a doer"
    ),
}

CALLS = keyed(CASES, KNOWN, *(f"{group}{kind}" for group in ("marks", "argue", "bully", "drinks") for kind in ("", "_controls")))


@pytest.mark.parametrize(("q", "age", "want"), CALLS)
def test_fix33d_call(q: str, age: int | None, want: dict) -> None:
    found_as_wanted(q, age, want)


@pytest.mark.parametrize(
    ("said", "read"),
    [
        ("she isn't being bullied, she's the one doing the bullying", True),
        ("he's the bully", True),
        ("she is the one who bullies the others", True),
        ("he isn't the bully, he's the one being bullied", False),  # passive: the victim
        ("she's the one being bullied", False),
        ("the bully at school picks on him", False),  # another child the bully, this child the object
        ("she is being bullied at school", False),
    ],
)
def test_a_child_named_the_one_who_bullies_is_read_as_the_doer(said: str, read: bool) -> None:
    """`not_the_child.doers.named` (item 3): _doer_at finds the child's own act, or not."""
    from pathway.search import default_index, normalise

    assert bool(default_index()._doer_at(normalise(said).split())) == read


@pytest.mark.parametrize(
    ("said", "core_said"),
    [
        ("mum drinks but nobody has been hurt and there is no violence", False),
        ("there has been no abuse", False),
        ("dad is violent to mum", True),
        ("he says there is no violence but he hit mum last night", True),  # 'hit' said undenied
        ("there's no violence now but he used to beat her", True),
    ],
)
def test_a_harm_word_denied_is_no_core_said(said: str, core_said: bool) -> None:
    """`denial.unsays_core` (item 4): p9's repeated domestic violence's core, read by _core_said."""
    from pathway.search import default_index, normalise, stem

    index = default_index()
    words = normalise(said).split()
    row = next(n for n, e in enumerate(index.entries) if e.indicator.id == "immediate.repeated_domestic_violence")
    assert index._core_said(row, words, [stem(w) for w in words], False) == core_said
