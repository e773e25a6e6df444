"""The answers as the result page shows them (webapp/journey/summary.py): the mutation run of
2026-12-02 found neither the age row of a ring-now result nor an answer outside today's choices
pinned."""

from __future__ import annotations

from tests.webapp.conftest import CHILD, text
from webapp.journey.summary import answer_rows


def test_a_ring_now_result_says_the_age_is_not_recorded_yet(client):
    client.post("/safety", data={"immediate": ["immediate.unexplained_injuries"]})
    words = text(client.get("/result"))
    assert "Age Not recorded yet" in words
    assert words.count("Not recorded yet") == 1


def test_the_result_with_an_age_does_not_say_it_is_not_recorded(client):
    from tests.webapp.conftest import walk_needs

    client.post("/safety", data={"immediate": "none"})
    client.post("/child", data=CHILD)
    walk_needs(client)
    words = text(client.get("/result"))
    assert "Age 8 years 2 months" in words and "Not recorded yet" not in words


def test_an_answer_no_longer_among_the_choices_is_shown_as_stored(app):
    """A saved answer from before a choice was renamed is shown as it was stored, not as nothing."""
    with app.test_request_context():
        rows = answer_rows({"child": {**CHILD, "caf": "retired_choice"}, "immediate": []})
    assert {"key": "CAF", "values": ["retired_choice"], "href": None, "hidden": "caf"} in rows
