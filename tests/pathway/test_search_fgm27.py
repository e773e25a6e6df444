"""Review 27 Q1 (fgm27): FGM said by the names families who practise it use ("sunna", "tahur"/"tahara", "khatna",
"khafz", "gudniin"; "made clean/pure") is read as `fgm` is: p9's "Child is at immediate risk or has suffered
significant harm" (p9) leads (the synonyms file's `named_rows` readings `fgm_named`, `fgm_made_clean`; this tool's
reading, declared there: the 2014 document does not name FGM).

Oracle: the document's row, written here by hand for calls written before the reading changed (11 of 13 led with
another row on main d0f2b66, and one control, the denied "no worries about sunna for her", led with it). Controls:
the same words as religious practice, with no girl and act named, and "cut" said of a finger or hair: p9's harm row
is not first."""

from __future__ import annotations

import pytest

from pathway.search import default_index

HARM = "immediate.significant_harm"

CALLS = [
    ("her aunties want to do the sunna on her this summer", 84),
    ("nan says she is old enough for the sunna now", 96),
    ("family are planning her khatna when they go back to egypt", 96),
    ("mum told school her daughter had the sunna cut as a baby", 120),
    ("worried the elders will do the tahur on the younger girls", 72),
    ("grandmother talks about her tahara being arranged abroad", 84),
    ("she said she is going to be made clean like her sisters", 96),
    ("they want the girls made pure before they marry", 108),
    ("the family talk about gudniin for the girls this summer", 96),
    ("she has had sunna circumcision back home", 120),
    ("mum wants khatna for her daughter but dad says no", 84),
    ("aunt arranging for her to be cut in the summer, they call it sunna", 96),
    ("worried about sunnah on the girls, trip to somalia planned", 84),
]
CONTROLS = [
    ("the family follow the sunnah and pray five times a day", 96),
    ("he learns about tahara and wudu at the mosque", 108),
    ("her brother had his khitan as a baby", 96),
    ("she goes to the madrasa after school and loves it", 96),
    ("she needs her hair cut before the holidays", 96),
    ("she cut her finger making dinner", 120),
    ("she is learning the sunnah prayers with her dad", 108),
    ("her family follow the sunnah and she wears a headscarf", 120),
    ("she reads about tahara at the madrasa on saturdays", 96),
    ("no worries about sunna for her, mum is against it", 96),
]
LEFT = [
    pytest.param("dad says the girls will have khitan done in the holidays", 108, id="khitan"),  # most often a boy's circumcision: not read
    pytest.param("girl says the cutting will happen when they visit nan", 96, id="the-cutting"),  # "the cutting" alone: self-harm too
]


def _ids(q: str, age: int) -> list[str]:
    return [h.id for h in default_index().search(q, age_in_months=age, limit=5, finished=True)]


@pytest.mark.parametrize(("q", "age"), CALLS)
def test_fgm_said_by_its_community_name_leads_with_significant_harm(q: str, age: int) -> None:
    assert _ids(q, age)[:1] == [HARM]


@pytest.mark.parametrize(("q", "age"), CONTROLS)
def test_the_same_words_as_practice_or_an_ordinary_cut_do_not(q: str, age: int) -> None:
    assert _ids(q, age)[:1] != [HARM]


@pytest.mark.xfail(strict=True, reason="fgm27 leaves these out on purpose (the synonyms file's fgm_named note): khitan and 'the cutting' alone")
@pytest.mark.parametrize(("q", "age"), LEFT)
def test_left_out_on_purpose(q: str, age: int) -> None:
    assert _ids(q, age)[:1] == [HARM]
