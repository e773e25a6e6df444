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
    assert {"key": "Common Assessment Framework (CAF)", "values": ["retired_choice"], "href": None, "hidden": "whether a CAF is open for the child"} in rows


def test_check_your_answers_lists_every_answer_with_its_question_and_change_link(app):
    """The rows written out from the questions' words and the choices' labels (webapp/journey/forms.py):
    an answer that changes the route (open to Children's Social Care) or the level (a child unlikely
    to reach a reasonable standard without services, an immediate concern) must never drop out."""
    from webapp.journey.summary import check_rows

    child = {**CHILD, "disability": "substantial_lifelong", "large_sibling_group": "yes"}
    child |= {"open_to_social_care": "yes", "health_development_impaired_without_services": "yes"}
    answers = {
        "immediate": ["immediate.unexplained_injuries"],
        "child": child,
        "needs": {"health": ["additional.dental_decay_not_accessing"], "family_environment": []},
    }
    with app.test_request_context():
        rows = check_rows(answers)
    unlikely = "Unlikely to reach a reasonable standard of health or development without services"
    assert rows == [
        {
            "key": "Immediate referral indicators",
            "values": ["Unexplained injuries or injuries where there is an inconsistent explanation of the injury"],
            "href": "/safety?change=1",
            "hidden": "whether any immediate referral indicator applies",
        },
        {"key": "Age", "values": ["8 years 2 months"], "href": "/child?change=1", "hidden": "the child's age"},
        {"key": "Disability", "values": ["Yes, substantial and lifelong"], "href": "/child?change=1", "hidden": "whether the child has a disability"},
        {"key": "Large sibling group", "values": ["Yes"], "href": "/child?change=1", "hidden": "whether the child is part of a large sibling group"},
        {"key": "Common Assessment Framework (CAF)", "values": ["No"], "href": "/child?change=1", "hidden": "whether a CAF is open for the child"},
        {"key": "Consent to early help", "values": ["Yes"], "href": "/child?change=1", "hidden": "whether the parents or carers consented to early help"},
        {"key": "Level supported at now", "values": ["None, or not known"], "href": "/child?change=1", "hidden": "the level the child is supported at now"},
        {
            "key": "Open to Children's Social Care",
            "values": ["Yes, a social worker is allocated"],
            "href": "/child?change=1",
            "hidden": "whether the child is open to Children's Social Care",
        },
        {
            "key": unlikely,
            "values": ["Yes"],
            "href": "/child?change=1",
            "hidden": "whether the child is unlikely to reach a reasonable standard of health or development without services",
        },
        {
            "key": "Health",
            "values": ["Dental decay and not accessing treatment (Additional)"],
            "href": "/needs/health?change=1",
            "hidden": "the needs under Health",
        },
        {
            "key": "Family and environmental factors",
            "values": ["None selected"],
            "href": "/needs/family_environment?change=1",
            "hidden": "the needs under Family and environmental factors",
        },
    ]
    with app.test_request_context():
        assert check_rows({"immediate": ["none"]})[0]["values"] == ["None of these"]


def test_no_change_link_reads_a_label_lower_cased(app):
    """Review 18 surfaces, S3: the Change links' hidden text is written for each row, never the row's
    label lower-cased ("Change caf" read aloud as a word): an initialism keeps its capitals, and no hidden
    text is its label lower-cased."""
    from webapp.journey.summary import check_rows

    child = {**CHILD, "large_sibling_group": "yes", "open_to_social_care": "yes", "health_development_impaired_without_services": "yes"}
    with app.test_request_context():
        rows = check_rows({"immediate": ["none"], "child": child, "needs": {"health": []}})
    assert len(rows) == 10
    for row in rows:
        assert row["hidden"] != row["key"].lower(), row
        for initialism in ("CAF", "EDT", "CIN"):
            assert initialism.lower() not in row["hidden"].split(), row
    assert [r["hidden"] for r in rows if r["key"] == "Common Assessment Framework (CAF)"] == ["whether a CAF is open for the child"]
