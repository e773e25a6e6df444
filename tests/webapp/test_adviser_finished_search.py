"""The call screen reads the words the adviser submits whole (search17c).

The live search (/adviser/search) runs while the adviser types, so a last word under four letters is left out
until a space or a stop follows ("GP" could still become "GPs" or anything else). The page drawn after the form's
Search button (no script) has the words as submitted: its last word is read as said. Oracle: the search of the
same words with a full stop typed after them, the reading the search already gives a finished call."""

from __future__ import annotations

import re

from pathway.search_offers import offered

Q = "mum has not taken him to the GP"  # search17c's own held-out phrasing


def _page_rows(page: str) -> list[str]:
    return re.findall(r'name="add" value="([a-z_]+\.[a-z0-9_]+)"', page)


def test_the_submitted_words_are_read_whole(client):
    client.post("/adviser/", data={"q": Q, "action": "search", "age_years": "0", "age_months": "6"})
    rows = _page_rows(client.get("/adviser/").get_data(as_text=True))
    whole = [o.id for o in offered(Q + ".", age_in_months=6)]
    assert rows and rows[0] == whole[0] == "additional.not_accessing_appropriate_health", rows


def test_the_live_search_still_reads_a_short_last_word_as_being_typed(client):
    live = [h["id"] for h in client.post("/adviser/search", data={"q": Q, "age_years": "0", "age_months": "6"}).json["hits"]]
    typing = [o.id for o in offered(Q, age_in_months=6)]
    assert live == typing and live[0] != "additional.not_accessing_appropriate_health", live
