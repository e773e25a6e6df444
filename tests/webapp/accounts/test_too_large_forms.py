"""A form POST over the body limit (review 12 surfaces, W7): a 100,000-character override reason (a
pasted email thread) got the generic "What was sent is too large. Go to the start page". The page
now names the form's free-text fields and their limits, says nothing was read or saved and that the
browser's Back button keeps what was typed; never a 500, and nothing is stored. The class: every
form with a free-text field (tests below post each one over the limit; the registry test keeps a
new form from being left out)."""

from __future__ import annotations

import pytest
from wtforms import TextAreaField
from wtforms.fields.core import UnboundField

from store.assessments import MAX_NOTE, MAX_REASON
from tests.webapp.accounts.conftest import put_answers, save, sign_in
from tests.webapp.conftest import post_drawn, signed_in_client, text
from webapp import too_large

HUGE = "x" * 100_000


def _entry_and_override(client, engine, people):
    from store.assessments import history, list_overrides

    sign_in(client, "pat")
    assert save(client, "FSP-0001").status_code == 302
    entry = history(engine, people["pat"], "FSP-0001")[0]
    assert post_drawn(client, f"/cases/FSP-0001/entries/{entry.id}/level", {"level": "extensive", "reason": "Seen at school"}).status_code == 302
    [(_, o)] = list_overrides(engine, people["meg"])
    return entry, o


def test_a_100000_character_override_reason_names_the_field_and_its_limit(client, engine, people):
    from store.assessments import history

    entry, _ = _entry_and_override(client, engine, people)
    r = post_drawn(client, f"/cases/FSP-0001/entries/{entry.id}/level", {"level": "protection", "reason": HUGE})
    words = text(r)
    assert r.status_code == 413
    assert f"Reason: ‘Why do you record a different level?’ (at most {MAX_REASON:,} characters)" in words
    assert "Nothing was saved" in words and "Back" in words
    assert len(history(engine, people["pat"], "FSP-0001")[0].overrides) == 1  # only the first


def test_a_review_note_over_the_limit_names_the_note(client, engine, people):
    _, o = _entry_and_override(client, engine, people)
    sign_in(client, "meg")
    r = client.post(f"/overrides/{o.id}/review", data={"note": HUGE})
    assert r.status_code == 413 and f"‘Note (optional)’ (at most {MAX_NOTE:,} characters)" in text(r)


@pytest.mark.parametrize(
    "who, url, field, words",
    [
        (None, "/note", "note", "‘Your note’ (at most 2,000 characters)"),
        ("trainer", "/practice/new", "cohort", "‘Cohort label (optional)’ (at most 80 characters)"),
        (None, "/practice/join", "name", "‘Your display name’ (at most 40 characters)"),
        ("trainer", "/practice/scenarios/new", "narrative", "‘Narrative’"),
        ("practitioner", "/save", "case_ref", "‘Case reference’"),
    ],
)
def test_every_form_with_free_text_names_its_fields_when_over_the_limit(app, client, who, url, field, words):
    c = signed_in_client(app, "tess", who) if who else client
    if url == "/save":
        put_answers(c)  # a result to save
    r = post_drawn(c, url, {field: HUGE})
    assert r.status_code == 413, r.status_code
    assert words in text(r) and "Nothing was saved" in text(r)


def test_a_post_over_the_limit_elsewhere_still_gets_a_page_not_a_500(client):
    r = client.post("/safety", data={"immediate": HUGE})
    assert r.status_code == 413 and "too large" in text(r)


def test_every_form_with_a_text_area_is_registered():
    """Each form class of the web app with a free-text area (the call screen's note is the adviser's
    blueprint, which imports no other) is registered for the page that posts it."""
    import webapp.cases.forms
    import webapp.journey.forms
    import webapp.practice.forms

    registered = {f for forms in too_large.FORMS.values() for f in forms}
    for module in (webapp.cases.forms, webapp.journey.forms, webapp.practice.forms):
        for cls in vars(module).values():
            if isinstance(cls, type) and any(isinstance(v, UnboundField) and issubclass(v.field_class, TextAreaField) for v in vars(cls).values()):
                assert cls in registered, cls
