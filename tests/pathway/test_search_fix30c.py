"""Review 29 Q4 and Q5 and mut29's probes 5-7 (fix30c; docs/adviser.md "Search30c"; docs/safety/mutation.md "Review 28
(stop 47)"): a child whose carers have not come for them (p9's home-alone rows, `not_collected`), a parent's own
words of ending her life told by a professional (the parents' rows, `carer_threat`), a carer keeping the child's
medicine or feed from the child and a feed refused with "do"/"never" (`care_withheld.kept_from`, `withhold`), a
refusal whose verb the carried reading took out (`care_withheld.refuse_reach`, SearchIndex._refused_carried_at) and a
child's personal care of a parent in other words (`personal_care.acts`).

Oracles: tests/pathway/search_fix30c_cases.yaml, calls in words of my own written before the readings were changed,
each with what the document's rows say must hold, and controls that must not move."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
import yaml

from pathway import search_collected
from pathway.catalogue import load_catalogue
from pathway.search import SearchDataError, SearchIndex, default_index, load_synonyms, normalise
from pathway.search_text import CLAUSE_WORDS
from tests.pathway.cases import check, found, keyed

CASES = yaml.safe_load((Path(__file__).parent / "search_fix30c_cases.yaml").read_text())

AS_ON_MAIN = "as on main 104703f, not this branch's reading: "
KNOWN = {
    "nobody came to the parents evening": (
        AS_ON_MAIN + "p9 'home alone at risk' leads on 'nobody' (the stated concept's word); a meeting is `ordinary_call`'s"
        " class (fix30b's, inflation), not read here"
    ),
    "mum keeps his tablets locked away from him": (
        AS_ON_MAIN + "p9 significant harm second ('locked'); `kept_from` does not read it (`stored`), the words find it"
    ),
    "they feed the baby every three hours": AS_ON_MAIN + "p9 significant harm leads on the words ('feed', 'baby'); no withholding read",
    "the midwife phoned to say mum told her she wants to kill herself, she is at home alone with the baby": (
        "the threat is read as mum's, but both p9 home-alone rows and 'Poor maternal health' (stated by 'midwife') fill the"
        " first three; review 8 S1 keeps both p9 rows, so the carers' rows find no room"
    ),
    "dad told the nurse he can't go on and he is alone with the two kids": (
        "'can't go on' is none of `carer_threat.acts` (left: 'go on' is everyday; a threat word before it is needed)"
    ),
    "the GP called, mum said she is suicidal and she is alone with the baby": (
        "'she is suicidal' after 'mum said' is a state with no threat word: it may be the child's (a mother telling of her"
        " daughter); `_reported_threat` reads only a threat ('wants to', 'will'); left to the practitioner"
    ),
    "the nursery phoned, mum told staff she wants to end it all and she is by herself with the baby": (
        "the carers' rows are in the first three; p9 'home alone aged 5 and under' stays first, stated by 'nursery' (a word beyond the threat and the company)"
    ),
}


@pytest.mark.parametrize(
    ("q", "age", "want"),
    keyed(
        CASES,
        KNOWN,
        "not_collected",
        "not_collected_controls",
        "parent_suicidal",
        "parent_suicidal_controls",
        "care_withheld",
        "care_withheld_controls",
        "refused",
        "refused_controls",
        "personal_care",
        "personal_care_controls",
    ),
)
def test_fix30c_call(q: str, age: int | None, want: dict) -> None:
    """`check`'s expectations, and `first`: that row is the first."""
    ids = found(q, age)
    check(ids, want)
    if want.get("first"):
        assert ids and ids[0] == want["first"], ids


def _collected(said: str) -> str | None:
    index = default_index()
    return search_collected.not_collected_at(index.not_collected, normalise(said).split(), index.subject.parents, index._child_words, CLAUSE_WORDS)


@pytest.mark.parametrize(
    ("said", "read"),
    [
        ("nobody has come to collect her from school for three days running", "collect her"),
        ("no one has been to pick the twins up from after school club for days", "pick the twins"),
        ("mum has not come back for her", "come back for her"),
        ("mum dropped her at my house on saturday and has not come back for her", "come back for her"),
        ("she has not been collected from school all week", "she has not been collected"),
        # no time of days: one afternoon's lateness is left to the practitioner
        ("nobody picked him up from school today", None),
        # a thing, not the child
        ("no one has collected the parcel for days", None),
        ("mum has not come back for her coat", None),
        ("dad has not come back for his things since friday", None),
        # collected, not denied
        ("picked up from school by nan every day for days", None),
        # the child's own act ("she has not collected"): no carer, no passive
        ("she has not collected her prescription for days", None),
    ],
)
def test_a_child_not_collected_is_read(said: str, read: str | None) -> None:
    assert _collected(said) == read


@pytest.mark.parametrize(
    ("said", "kept"),
    [
        ("mum keeps his epilepsy tablets from him", "keeps his epilepsy tablets from him"),
        ("dad hides her inhaler from her", "hides her inhaler from her"),
        ("they keep her seizure medicine from the baby", "keep her seizure medicine from the"),
        ("mum keeps his tablets locked away from him", None),  # stored safely
        ("mum keeps his tablets in the kitchen", None),  # no "from"
        ("mum keeps her tablets from her", None),  # "her" of a mother: her own
        ("mum keeps her own tablets from him", None),  # the carer's own medicine
        ("he keeps his inhaler from his mum", None),  # the child's act
    ],
)
def test_a_carer_keeping_the_childs_care_from_the_child_is_read(said: str, kept: str | None) -> None:
    assert default_index()._kept_from_at(normalise(said).split()) == kept


@pytest.mark.parametrize(
    ("said", "refused"),
    [
        ("nan refuses to take him to the dentist", True),
        ("dad won't take him to the doctor", True),
        ("they refuse to take the baby to the clinic", True),
        ("dad won't take her to the doctor", False),  # "her" may own a noun: the carried reading keeps "take", `refuse` reads it
        ("he refuses to go to the dentist", False),  # the child's own refusal
        ("nan takes him to the dentist", False),
        ("mum has taken him to the gp", False),
    ],
)
def test_a_refusal_whose_verb_was_carried_is_read(said: str, refused: bool) -> None:
    index = default_index()
    words = normalise(said).split()
    carried = index._carried(words)
    assert (index._refused_carried_at([w for i, w in enumerate(words) if i not in carried]) is not None) is refused


def test_not_collected_leads_only_with_p9_rows_and_moves_none_out() -> None:
    data = copy.deepcopy(load_synonyms())
    data["not_collected"]["leads"] = ["universal.accesses_health_services"]
    with pytest.raises(SearchDataError, match="not_collected.leads must be immediate"):
        SearchIndex(load_catalogue(), data)
    data = copy.deepcopy(load_synonyms())
    data["not_collected"]["not_the_call"] = ["immediate.home_alone_at_risk"]
    with pytest.raises(SearchDataError, match="not_the_call must be no immediate"):
        SearchIndex(load_catalogue(), data)
    data = copy.deepcopy(load_synonyms())
    del data["not_collected"]["days"]
    with pytest.raises(SearchDataError, match="not_collected must map"):
        SearchIndex(load_catalogue(), data)


def test_the_gang_row_leaves_and_p9_leads_where_the_words_found_it() -> None:
    """Review 29 Q4's own call: the rows it offered on main (missing, gangs) were none of the call's."""
    ids = found("nobody has come to collect her from school for three days running", 72)
    assert ids[0] == "immediate.home_alone_at_risk", ids
    assert "extensive.involved_gang_culture" not in ids[:3], ids
    assert "extensive.children_who_go_missing" not in ids[:3], ids
    # at 4 years the age-banded row leads
    assert found("nobody has come to collect her from nursery for three days", 48)[0] == "immediate.home_alone_5_and_under"


def test_review_29_q5_reads_the_mothers_words_as_hers() -> None:
    """Review 29 Q5's own call: the toddler's own 'Behaviour puts own life at risk' was preselected."""
    ids = found("the GP called, mum told her she wants to end it all and she is alone with the toddler", 24)
    assert ids[0] == "extensive.mental_physical_health_problems", ids
    assert "extensive.behaviour_puts_life_risk" not in ids[:3], ids
    assert any(i.startswith("immediate.") for i in ids[:3]), ids  # a p9 row word matching found stays (S1)
