"""Review 19 surfaces, S4: an optional field with nothing visible in it (spaces, zero-width spaces)
is empty, by the one check (pathway.written_text.or_empty), as the override reason and the display
name already refuse it: the manager's review note, the cohort label, the journey note and the call
screen's note. Visible text, emoji with zero-width joiners and right-to-left scripts included, is kept.
Oracle: the characters typed here by hand and the store's own rows."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import select

from store import assessments
from store.errors import Invalid
from store.models import override_reviews
from tests.webapp.accounts.conftest import engine, override_for_meg, people, save, sign_in  # noqa: F401  (fixtures)
from tests.webapp.conftest import text
from tests.webapp.test_practice import BRUISING

INVISIBLE = ["\u200b\u200b", " \u200b\u2060 "]
KEPT = ["👨\u200d👩\u200d👧 talked it through", "تمت المراجعة"]
P9 = "immediate.unexplained_injuries"


@pytest.mark.parametrize("note, stored", [*((n, "") for n in INVISIBLE), *((n, n) for n in KEPT)])
def test_a_review_note_with_nothing_visible_is_stored_as_no_note(client, people, engine, note, stored):
    oid = override_for_meg(client, people, engine, "R19-S4")
    assert client.post(f"/overrides/{oid}/review", data={"note": note}).status_code == 302
    with engine.connect() as conn:  # the stored row itself
        notes = conn.execute(select(override_reviews.c.note).where(override_reviews.c.override_id == oid)).scalars().all()
    assert notes == [stored]


def test_the_store_refuses_an_invisible_override_reason(people, engine, client):
    sign_in(client, "pat")
    save(client, "R19-S4B")
    entry = assessments.history(engine, people["pat"], "R19-S4B")[-1]
    with pytest.raises(Invalid):
        assessments.record_override(engine, people["pat"], entry.id, "universal", "\u200b\u200b")


@pytest.mark.parametrize("label", INVISIBLE)
def test_a_cohort_label_with_nothing_visible_starts_a_session_with_no_cohort(app, trainer, label):
    started = trainer.post("/practice/new", data={"scenarios": [BRUISING], "cohort": label})
    assert started.status_code == 302
    code = started.location.rsplit("/", 1)[-1]
    trainer.post(f"/practice/session/{code}/end")
    page = trainer.get("/practice/cohorts").get_data(as_text=True)
    assert "?cohort=" not in page  # no link with no words
    assert not re.search(r"<a [^>]*>\s*[\u200b\u2060\s]*</a>", page)


def test_a_cohort_label_in_arabic_with_an_emoji_is_kept(app, trainer):
    label = "مجموعة 👩\u200d🏫"
    started = trainer.post("/practice/new", data={"scenarios": [BRUISING], "cohort": label})
    code = started.location.rsplit("/", 1)[-1]
    trainer.post(f"/practice/session/{code}/end")
    assert label in text(trainer.get("/practice/cohorts"))


@pytest.mark.parametrize("note", INVISIBLE)
def test_a_journey_note_with_nothing_visible_is_no_note(client, note):
    client.post("/safety", data={"immediate": [P9]})
    client.post("/note", data={"note": note})
    page = client.get("/result").get_data(as_text=True)
    assert "Add a note (kept with these answers only)" in page  # the label when no note is kept
    assert "\nNOTE\n(none)\n" in client.get("/referral.txt").get_data(as_text=True)


def test_a_call_note_with_nothing_visible_leaves_no_note_in_the_summary(client):
    base = {"q": "", "age_years": "7", "caller": "professional", "action": "update", "immediate": [P9]}
    html = client.post("/adviser/", data={**base, "note": "\u200b\u200b"}, follow_redirects=True).get_data(as_text=True)
    summary = re.search(r'<textarea[^>]*id="app-summary"[^>]*>(.*?)</textarea>', html, re.S).group(1)
    assert "Adviser note" not in summary
    html = client.post("/adviser/", data={**base, "note": KEPT[1]}, follow_redirects=True).get_data(as_text=True)
    summary = re.search(r'<textarea[^>]*id="app-summary"[^>]*>(.*?)</textarea>', html, re.S).group(1)
    assert "Adviser note:" in summary and KEPT[1] in summary
