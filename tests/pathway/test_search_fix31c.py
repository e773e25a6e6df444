"""Search31c (fix31c; docs/adviser.md "Search31c"): review 30's inflations Q5, Q6, Q10, Q12 in other words: a lone
carer "on her own" with the children, a young person in education said by its stage, "teenage" said of the children, a
family using Children and Families Direct, the early help team or a children's centre.

Oracles: tests/pathway/search_fix31c_cases.yaml, calls in words of my own written before the readings were changed,
with what the document's rows say must hold (tests/pathway/cases.py's check), and controls in the same words where the
concern is said and must keep its p9 row or its row."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tests.pathway import cases
from tests.pathway.test_search_fix29c import check  # cases.check and `first_at_most` (the first row's level)

CASES = yaml.safe_load((Path(__file__).parent / "search_fix31c_cases.yaml").read_text())
LEFT = "left (fix31c): "
KNOWN: dict[str, str] = {
    "dad is struggling to cope with his two teenagers": LEFT + "'struggling' and 'cope' are words of the teenage parents"
    " row's own phrasings ('young parents struggling', 'young mum cannot cope'): the row does not rest on 'teenagers' alone",
    "mum says her teenage daughter will not listen to her": LEFT + "'not' (of 'will not listen') also matched the teenage"
    " parents row ('not coping'): a row another word supports stays (second; not first)",
    "the parents want advice on how to manage their teenager": LEFT + "'parents' matched the row's own 'teenage parents'",
    "dad contacted the early help team for some support with her behaviour": LEFT + "'support' also matched p13-14"
    " 'History of involvement with statutory services': a row another word supports stays",
    "the school referred the family to early help for parenting support": LEFT + "'family' also matched p17 'Families"
    " with history of statutory involvement and repeat referrals': a row another word supports stays",
}


@pytest.mark.parametrize(("q", "age", "want"), cases.keyed(CASES, KNOWN, "lone_carer"))
def test_a_lone_carer_with_the_children_is_no_child_left(q: str, age: int | None, want: dict) -> None:
    """Q5 (inflation): a carer who has the children "on her own" is with them: no p9 home-alone row in three."""
    check(q, age, want)


@pytest.mark.parametrize(("q", "age", "want"), cases.keyed(CASES, KNOWN, "lone_carer_controls"))
def test_a_child_on_its_own_keeps_home_alone(q: str, age: int | None, want: dict) -> None:
    """Q5's controls: the child on its own, left by a carer, or a child minding children: p9's home-alone rows stay."""
    check(q, age, want)


@pytest.mark.parametrize(("q", "age", "want"), cases.keyed(CASES, KNOWN, "in_education"))
def test_education_said_by_its_stage_is_no_neet(q: str, age: int | None, want: dict) -> None:
    """Q6 (inflation): at college, in sixth form, on a course: not 'Not in employment, education and training' first."""
    check(q, age, want)


@pytest.mark.parametrize(("q", "age", "want"), cases.keyed(CASES, KNOWN, "in_education_controls"))
def test_education_left_keeps_neet(q: str, age: int | None, want: dict) -> None:
    """Q6's controls: college left, stopped, or none: the NEET row stays in three."""
    check(q, age, want)


@pytest.mark.parametrize(("q", "age", "want"), cases.keyed(CASES, KNOWN, "teenage_children"))
def test_teenage_children_are_no_teenage_parents(q: str, age: int | None, want: dict) -> None:
    """Q10 (inflation): "her teenagers", "his teenage son": the children's age, not 'Teenage parents with concerns'."""
    check(q, age, want)


@pytest.mark.parametrize(("q", "age", "want"), cases.keyed(CASES, KNOWN, "teenage_children_controls"))
def test_a_teenage_parent_keeps_the_row(q: str, age: int | None, want: dict) -> None:
    """Q10's controls: a teenager with a baby: 'Teenage parents with concerns' stays in three."""
    check(q, age, want)


@pytest.mark.parametrize(("q", "age", "want"), cases.keyed(CASES, KNOWN, "services_used"))
def test_a_family_using_the_documents_services_is_engaging(q: str, age: int | None, want: dict) -> None:
    """Q12 (inflation): Children and Families Direct, the early help team, a children's centre used or referred to: no
    poor engagement, refusal, repeat referrals or domestic abuse row first, no p9 row first."""
    check(q, age, want)


@pytest.mark.parametrize(("q", "age", "want"), cases.keyed(CASES, KNOWN, "services_used_controls"))
def test_refusal_referrals_and_harm_keep_their_rows(q: str, age: int | None, want: dict) -> None:
    """Q12's controls: a refusal, repeat referrals to social care, harm told to the service: their rows stay."""
    check(q, age, want)
