"""Review 15, L6, on the surfaces that say it: the call screen gives p37's sharing sentence whole beside a
ring-now (the child's consent, the child's best interests as the overriding consideration), and never a
general duty to record sharing decisions. The oracle is p37's words, written here."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from tests.webapp.conftest import clocked_client, text

URL = "/adviser/"
TUESDAY_MORNING = datetime(2026, 11, 24, 10, 30, tzinfo=timezone.utc)
P37_CHILD_CONSENTS = "professionals can lawfully share information if the child consents or if there is a public interest of sufficient force"
P37_BEST_INTERESTS = "best interests are the overriding consideration in making decisions about the need to share information"


@pytest.mark.parametrize("criterion", ["immediate.significant_harm", "immediate.allegation_or_disclosure"])
def test_the_call_screen_says_p37s_sharing_sentence_whole_beside_a_ring_now(tmp_path, clock, criterion):
    client = clocked_client(tmp_path, clock, TUESDAY_MORNING)
    client.post(URL, data={"immediate": criterion, "age_years": "14", "caller": "professional", "consent": "no"})
    words = text(client.get(URL))
    assert "Put the call through now" in words
    assert P37_CHILD_CONSENTS in words and P37_BEST_INTERESTS in words, words
    assert "decisions about sharing" not in words
