"""The call screen says how a child looked after now is routed (review 14 K3; search14b).

The document has no row for a child who is looked after, fostered or in a children's home now: the search
finds no row from those words (tests/pathway/test_search_search14b.py), and the screen says, as this tool's
reading, that the open-to-social-care answer routes such a child (Appendix 3, p37). Oracle: the words the
catalogue holds for it, and the document's own facts written here (p37: those holding the case)."""

from __future__ import annotations

import pytest

from pathway.catalogue import load_catalogue
from tests.webapp.conftest import text

NOTE = load_catalogue().surfaces.child_in_care_search


def test_the_note_is_a_declared_reading_citing_p37():
    assert NOTE.interpretation and NOTE.why and NOTE.source.page == "37"
    assert "This tool's reading" in NOTE.text and "open to social care" in NOTE.text and "hold the case" in NOTE.text


@pytest.mark.parametrize("q", ["she is in foster care", "he is a looked after child in a children's home"])
def test_the_screen_says_it_without_javascript(client, q):
    client.post("/adviser/", data={"q": q, "action": "search", "age_years": "12"})
    page = client.get("/adviser/")
    assert NOTE.text in text(page)
    assert 'value="additional.parent_previously_looked_after"' not in page.get_data(as_text=True)


def test_the_live_search_says_it(client):
    answer = client.post("/adviser/search", data={"q": "she is in foster care", "age_years": "12"}).json
    assert answer["note"] == NOTE.text
    assert [h["id"] for h in answer["hits"]][:1] != ["additional.parent_previously_looked_after"]


@pytest.mark.parametrize("q", ["mum was in care as a child", "bruises on his arm", "she was in foster care until 18 and is now pregnant"])
def test_not_said_for_a_parents_history_or_other_words(client, q):
    assert client.post("/adviser/search", data={"q": q, "age_years": "12"}).json["note"] is None
    client.post("/adviser/", data={"q": q, "action": "search", "age_years": "12"})
    assert NOTE.text not in text(client.get("/adviser/"))
