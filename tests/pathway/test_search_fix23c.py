"""Review 23's search findings N1, N2 and N10 (fix23c; the synonyms file's `clause_reading`, `degrading_treatment` and
`under_13_sex`): a p9 fact said last after strengths (a contrast word, a list without commas, a second child's
sentence), degrading treatment and confinement, and a young person's words for sex under 13.

Oracles: the document's rows, written here by hand; the calls below were written by fix23c from the brief and the
document before the search was run on them (none copied from review 23's cases, which docs/review23-rules-cases.py runs):
- p11: Universal is "Child and family are doing well and there are no significant concerns"; p9: a referral "should be
  made ... without delay" where a criterion is met, however the clauses are joined.
- p9 "Child is at immediate risk or has suffered significant harm including physical, sexual, emotional harm or
  neglect": a child caged, chained, locked in a cellar or made to eat off the floor (this tool's reading).
- p17 "Sexual activity under 13"; p9's allegation line leads where the words find it."""

from __future__ import annotations

import copy

import pytest

from pathway.catalogue import load_catalogue
from pathway.levels import Level
from pathway.search import KEPT_PLACES, SearchDataError, SearchIndex, default_index, load_synonyms
from pathway.search_model import example_calls

CAT = load_catalogue()
SYNONYMS = load_synonyms()
P9 = {i.id for i in CAT.indicators if i.immediate}
BELOW_P9 = {i.id for i in CAT.indicators if not i.immediate and i.level in (Level.UNIVERSAL, Level.ADDITIONAL)}
HARM = "immediate.significant_harm"
UNEXPLAINED = "immediate.unexplained_injuries"
DISCLOSURE = "immediate.allegation_or_disclosure"
U13 = "protection.sexual_activity_under_13"
OFFENDING = "additional.involved_criminal_activity_offending"


def _ids(q: str, age: int | None, index: SearchIndex | None = None, limit: int = KEPT_PLACES) -> list[str]:
    return [h.id for h in (index or default_index()).search(q, age_in_months=age, limit=limit, finished=True)]


def _without(*keys: str) -> SearchIndex:
    return SearchIndex(CAT, {k: v for k, v in SYNONYMS.items() if k not in keys}, example_calls())


# ---------------------------------------------------------------- N1: a p9 fact said last, however joined


@pytest.mark.parametrize(
    "q, age, p9",
    [
        # a contrast word the clause reading did not cut at
        ("she's doing really well at school even though dad hits her", 96, HARM),
        ("great attendance and lovely manners except his stepdad punches him", 96, HARM),
        ("healthy happy child apart from the bruises on her arms nobody can explain", 96, UNEXPLAINED),
        ("he's clean, well fed and polite, although the bruises on his legs keep coming back", 72, UNEXPLAINED),
        # a list said without commas
        ("polite well dressed good attendance mum is supportive dad beats him", 96, HARM),
        ("happy boy good reader lots of friends uncle touched him", 96, DISCLOSURE),
        # one word of harm in its clause ("bruises")
        ("lovely manners and tidy uniform but she has bruises", 96, UNEXPLAINED),
        # each of these kept a Universal row first before fix23c (test_the_reading_is_what_moves_them)
        ("she's clean, tidy and well fed although she has bruises", 72, UNEXPLAINED),
        ("happy at school, healthy, apart from the burns", 96, UNEXPLAINED),
        ("well fed clean and happy oh and she has bruises on her back", 96, UNEXPLAINED),
        ("close family nice home mum works hard stepdad hits her", 108, HARM),
    ],
)
def test_a_p9_fact_said_last_leads_however_the_clauses_are_joined(q, age, p9):
    assert _ids(q, age)[0] == p9


def test_a_second_childs_p9_fact_leads_with_no_age_given():
    assert _ids("the older two are fine but the baby has a burn on her leg", None)[0] in P9


def test_the_reading_is_what_moves_them():
    """Without fix23c's `clause_reading`, these kept a Universal or Additional row first (the independent check that the
    cases above test this reading, not another)."""
    before = _without("clause_reading")
    for q, age in [
        ("she's clean, tidy and well fed although she has bruises", 72),
        ("happy at school, healthy, apart from the burns", 96),
        ("well fed clean and happy oh and she has bruises on her back", 96),
        ("close family nice home mum works hard stepdad hits her", 108),
    ]:
        assert _ids(q, age, before)[0] in BELOW_P9, q


@pytest.mark.parametrize(
    "q, age",
    [
        ("lovely family close knit mum works hard dad is supportive", 108),  # strengths alone: no cut finds a need
        ("they set clear limits and explain why, he knows where he stands", None),  # "explain" alone says no harm
        ("happy at school although mum denies dad hits her", 108),  # "denies": the clause is not cut, the denial read
    ],
)
def test_controls_no_p9_row_leads_where_none_is_stated(q, age):
    assert _ids(q, age)[0] not in P9


def test_control_the_mothers_injury_keeps_the_domestic_abuse_row_first():
    """An Additional row of the carers' (suspected domestic violence) is not read clause by clause: the black eye is mum's."""
    assert _ids("mum had a bruise on her face, said she walked into a door", None)[0] == "additional.suspected_domestic_violence"


def test_the_run_on_cut_keeps_reported_and_hypothetical_words_with_their_clause():
    index = default_index()
    assert index._run_on_cut("lovely family close knit mum works hard dad hits her") == ["lovely family close knit", "mum works hard", "dad hits her"]
    assert index._run_on_cut("if mum works late dad hits her") == ["if mum works late dad hits her"]
    assert index._run_on_cut("nice lad says dad hits him") == ["nice lad says dad hits him"]
    assert index._run_on_cut("good manners mum's boyfriend hits him") == ["good manners", "mum's boyfriend hits him"]


# ---------------------------------------------------------------- N2: degrading treatment and confinement


@pytest.mark.parametrize(
    "q",
    [
        "they make the kids sleep in the dog cage",
        "she is kept in the cellar most days",
        "they chain him to the radiator",
        "he has to eat his tea from the dog bowl",
        "they make her sleep outside when she's naughty",
        "the 6 year old is locked in the shed all day",
    ],
)
def test_degrading_treatment_leads_with_p9_significant_harm(q):
    assert _ids(q, 96)[0] == HARM


def test_the_degrading_reading_is_what_moves_them():
    before = _without("degrading_treatment")
    assert HARM not in _ids("they make the kids sleep in the dog cage", 96, before)


def test_a_p9_row_first_stays_first_and_harm_comes_second():
    ids = _ids("he has bruises nobody can explain and they keep him in a cage", 96)
    assert ids[0] == UNEXPLAINED and HARM in ids[:KEPT_PLACES]


@pytest.mark.parametrize(
    "q",
    [
        "the dog sleeps in a cage",  # an animal
        "they keep the rabbit in a cage in his bedroom",  # the animal between the act and the place
        "he has a hamster in a cage",  # no act done to the child
        "she keeps her toys in the cupboard",  # the child is the one doing it, not done to
        "they keep his bike locked in the shed",
    ],
)
def test_controls_an_animal_or_a_thing_in_a_cage_is_no_degrading_treatment(q):
    index = default_index()
    assert index._degrading_said(q.split()) is None


def test_restraint_alone_is_not_read_as_degrading():
    """Restraint or a strap may be a disabled child's care (p17's disability row with safeguarding concerns is the
    document's); tying and chaining are read."""
    index = default_index()
    assert index._degrading_said("they restrain him".split()) is None
    assert index._degrading_said("they strap him into his wheelchair".split()) is None
    assert index._degrading_said("they tie him to his chair".split()) == "tied"


# ---------------------------------------------------------------- N10: a young person's words for sex under 13


def test_words_for_sex_under_13_offer_p17s_row_and_no_offending_row():
    """'told' alone is no disclosure (fix22c's reported_words): the allegation line stays offered, p17's row leads."""
    ids = _ids("she told me her and her boyfriend have done stuff, she is 12 and he is 16", 144, limit=5)
    assert ids[0] == U13
    assert DISCLOSURE in ids
    assert OFFENDING not in ids


def test_words_for_sex_under_13_lead_where_no_p9_row_is_first():
    assert _ids("she's 12 and has done stuff with her boyfriend", 144)[0] == U13


@pytest.mark.parametrize(
    "q, age",
    [
        ("she's 15 and has done stuff with her boyfriend", 180),  # 13 or over: the row's band does not admit it
        ("she's 12, she's been doing stuff on tiktok", 144),  # no other person said
        ("he's 12 and has done stuff at school, arrested for shoplifting", 144),  # no one named; his own offence stays
        # the lead at the merge: "been with" is a mother's relationship here (a labelled call, the child 10)
        ("she's been with him 10 years, he's always been handy with his fists", 120),
    ],
)
def test_controls_no_under_13_row_from_these_words(q, age):
    assert U13 not in _ids(q, age)


def test_an_offence_said_keeps_the_offending_row():
    ids = _ids("he's 12 and has slept with a girl, and he was arrested for shoplifting", 144, limit=5)
    assert OFFENDING in ids


# ---------------------------------------------------------------- the tables refuse what the readings cannot read


@pytest.mark.parametrize(
    "key, change",
    [
        ("clause_reading", lambda t: t.update(p9_min_words=0)),
        ("clause_reading", lambda t: t.update(over_additional_domains=["somewhere"])),
        ("clause_reading", lambda t: t.pop("why")),
        ("degrading_treatment", lambda t: t.update(leads="protection.no_fixed_abode_homeless")),
        ("degrading_treatment", lambda t: t.update(reach=0)),
        ("under_13_sex", lambda t: t.update(not_offered=[HARM])),
        ("under_13_sex", lambda t: t.update(leads="protection.not_a_row")),
    ],
)
def test_the_tables_refuse_what_the_readings_cannot_read(key, change):
    data = copy.deepcopy(SYNONYMS)
    change(data[key])
    with pytest.raises(SearchDataError):
        SearchIndex(CAT, data)


# ---------------------------------------------------------------- N1's residual: a p9 row beyond the first three


@pytest.mark.parametrize(
    "q, age",
    [
        ("good family relationships mum very loving dad hits her", 108),  # fix23c's residual: no p9 row in five before
        ("good family relationships, mum very loving, dad hits her", None),
    ],
)
def test_a_p9_fact_said_last_leads_where_the_blend_put_no_p9_row_in_the_first_three(q, age):
    """The lead after fix23c: the clause "dad hits her" alone leads with the model's allegation line, which word matching
    did not find; its first p9 row word matching found (repeated domestic violence) now stands in, on "hits", a word that
    alone says harm done (`clause_reading.p9_words`). p9: a referral without delay where a criterion is met."""
    assert _ids(q, age)[0] in P9
    assert not P9 & set(_ids(q, age, _without("clause_reading"))), "the clause reading is what moves it"


@pytest.mark.parametrize(
    "q, age",
    [
        ("just switched off, sits there with her hood up, no work done", 168),  # a p9 row stood in on no word of harm done
        ("sits at the back with his hood up, does no work, doesnt care", 168),  # (a labelled call: trafficking led in a trial)
        ("she wont go to school, says her tummy hurts every morning, been off 3 weeks", 120),
    ],
)
def test_controls_no_p9_row_stands_in_without_a_word_of_harm_done(q, age):
    assert _ids(q, age)[0] not in P9


def test_the_under_13_row_never_pushes_a_p9_row_out_of_the_first_three(monkeypatch):
    """Where the first three are all p9 rows, the under-13 row is not offered among them (safety first)."""
    index = default_index()
    us = index.under_13_sex
    assert us is not None
    monkeypatch.setattr(index, "under_13_sex", us._replace(words=(*us.words, ("been", "with"))))
    got = _ids("she's been with him 10 years, he's always been handy with his fists", 120, index)
    assert U13 not in got and len(P9 & set(got)) == KEPT_PLACES
