"""fix20d (review 20 rules N5-N10): words read as said (the synonyms file's `said_plainly`), both directions.

The oracle is the document's own rows: a pregnancy row needs a pregnancy said and a girl (p13, p16); p9's adult-risk
lines need a risk not denied; "Loss of significant adult" (p14) needs a loss; p9's banded lines their band; a carer's
low mood is p14's "Poor maternal health ... post natal depression", not the child's p13 row.
"""

from __future__ import annotations

import pytest

from pathway.search import _age_in_words, default_index, normalise


def ids(q: str, age: int | None = None, top: int = 3) -> list[str]:
    return [h.id for h in default_index().search(q, age_in_months=age, limit=top)]


PREGNANT = {"extensive.pregnant_under_16", "additional.pregnant_under_17"}
ADULT_RISK = {"immediate.contact_with_adults_risk", "immediate.adults_who_pose_risk"}


@pytest.mark.parametrize(
    "q",
    ["your son is fourteen and has been going missing overnight", "she is fifteen", "he is 14 and his girlfriend is 15"],
)
def test_no_pregnancy_row_without_a_pregnancy_or_for_a_boy(q):
    assert not PREGNANT & set(ids(q))


@pytest.mark.parametrize("q", ["she is fifteen and pregnant", "my daughter is 15 and expecting a baby"])
def test_a_girls_pregnancy_keeps_its_row(q):
    assert PREGNANT & set(ids(q))


@pytest.mark.parametrize(
    "q",
    ["dad is not on any register and has no convictions", "dad has no convictions and has never been in trouble", "mum's new fella has no criminal record"],
)
def test_denied_risk_offers_no_adult_risk_line(q):
    assert not ADULT_RISK & set(ids(q, 60)) and "extensive.history_concerns_around_offending" not in ids(q, 60)


@pytest.mark.parametrize("q", ["mum's new fella is a convicted sex offender", "dad has no convictions but mum's boyfriend is on the sex offenders register"])
def test_a_risk_said_keeps_the_adult_risk_line(q):
    assert ADULT_RISK & set(ids(q, 60))


@pytest.mark.parametrize("q", ["the lad lives with his nan and grandad and is doing grand at school", "he lives with his nan and grandad"])
def test_living_with_kin_is_no_loss_nor_risk(q):
    got = ids(q, 120)
    assert "additional.loss_significant_adult" not in got and not ADULT_RISK & set(got)


def test_a_loss_said_with_kin_keeps_the_loss_row():
    assert "additional.loss_significant_adult" in ids("he lives with his nan since his mum died", 120)


def test_nesh_is_feeling_the_cold():
    assert "extensive.risk_sexual_exploitation" not in ids("the lass is nesh and always cold, mum cannot afford heating", 84)


@pytest.mark.parametrize(
    ("said", "months"),
    [
        ("he is seven", 84),
        ("he is 7 and his brother is 12", 84),
        ("the baby is eighteen months old", 18),
        ("the six-month-old", 6),
        ("a four year old", 48),
        ("the 18 month old", 18),
    ],
)
def test_an_age_in_words_is_read(said, months):
    assert _age_in_words(default_index().said_plainly, normalise(said).split()) == months


@pytest.mark.parametrize("said", ["a 25 year old man", "her sister is 15", "he is 7 and she is 12", "six months ago", "mum is 19"])
def test_no_age_where_none_is_the_childs(said):
    assert _age_in_words(default_index().said_plainly, normalise(said).split()) is None


def test_seven_is_not_five_and_under():
    got = ids("he is seven and was left home alone for an hour after school")
    assert "immediate.home_alone_5_and_under" not in got and "immediate.home_alone_at_risk" in got


@pytest.mark.parametrize("q", ["she is four and was left home alone all night", "he is 3 and was left home alone"])
def test_five_and_under_said_keeps_its_line(q):
    assert "immediate.home_alone_5_and_under" in ids(q)


@pytest.mark.parametrize(
    "q", ["the baby is eighteen months old and has bruising nobody can explain", "the six-month-old has a bruise on his cheek nobody can explain"]
)
def test_under_two_bruising_leads_for_a_stated_age(q):
    assert ids(q, top=1) == ["immediate.unexplained_bruising_under_2"]


def test_an_entered_age_wins_over_the_words():
    assert "immediate.unexplained_bruising_under_2" not in ids("the baby is eighteen months old and has bruising nobody can explain", 36)


def test_you_feeling_low_is_the_mothers():
    got = ids("you said you have been feeling low since the baby was born", 3)
    assert got[0] == "additional.poor_maternal_health_not" and "additional.mental_health_concerns_about" not in got


def test_your_daughter_feeling_low_is_the_childs():
    assert "additional.mental_health_concerns_about" in ids("you said your daughter has been feeling low and crying", 150)


def test_the_other_twins_cuts_lead():
    assert ids("one twin is fine, the other has cuts on his arms", 156, top=1)[0] in {
        "extensive.behaviour_puts_life_risk",
        "protection.endangers_life_through_self",
        "immediate.unexplained_injuries",
    }


def test_a_fine_child_alone_is_searched_as_said():
    assert ids("your daughter is doing really well", 120) == ids("your daughter is doing really well.", 120)


def test_the_readings_are_declared_and_checked():
    import copy

    from pathway.catalogue import load_catalogue
    from pathway.search import SearchDataError, load_synonyms, normalise
    from pathway.search_tables import check_said_plainly

    data = load_synonyms()["said_plainly"]
    check_said_plainly(load_catalogue(), data, normalise)
    bad = copy.deepcopy(data)
    bad["kin"]["rows"].append("additional.no_such_row")
    with pytest.raises(SearchDataError, match="unknown indicators"):
        check_said_plainly(load_catalogue(), bad, normalise)
    worse = copy.deepcopy(data)
    worse["pregnancy"]["rows"].append("protection.pregnancy_where_there_have")
    with pytest.raises(SearchDataError, match="pregnancy moves no Protection need"):
        check_said_plainly(load_catalogue(), worse, normalise)


@pytest.mark.parametrize(
    "part, key, value, says",
    [
        ("kin", "kinship", ["nan"], "said_plainly must map"),  # a key the reader does not read (steps22: refused)
        ("you", "reach", 0, "you.reach must be a whole number"),
        ("other_child_well", "reach", "8", "other_child_well.reach must be a whole number"),
        ("regional", "nesh", None, "regional must map words"),
        ("ages", "units", {"years": -12}, "units must map words to months"),
        ("ages", "numbers", {"ten": 10.5}, "numbers must map words to whole numbers"),
        ("you", "leads", "additional.no_such_row", "unknown indicator"),
        ("pregnancy", "male", [], "said_plainly's lists"),
    ],
)
def test_a_said_plainly_not_as_read_is_refused(part, key, value, says):
    import copy

    from pathway.catalogue import load_catalogue
    from pathway.search import SearchDataError, load_synonyms, normalise
    from pathway.search_tables import check_said_plainly

    data = copy.deepcopy(load_synonyms()["said_plainly"])
    data[part][key] = value
    with pytest.raises(SearchDataError, match=says):
        check_said_plainly(load_catalogue(), data, normalise)
