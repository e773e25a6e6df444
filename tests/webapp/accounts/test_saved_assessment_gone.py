"""Review 16 surfaces, N3: a recording form sent for a saved assessment that is gone (removed at the end of the
retention period while the form was open) answered the generic "Page not found. If you typed the web address,
check it is correct", the typed reason lost without a word. The oracle is the review's promise for a recording form
that cannot record: the page says nothing was recorded and that what was typed was not kept, in the same words for
someone else's assessment as for a removed one (the store's NotFound does not say which), and the case's own page,
opened from a bookmark, says no saved assessment the user can see has this reference."""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone

from store.retention import run_retention
from tests.webapp.accounts.conftest import save, sign_in
from tests.webapp.conftest import hidden, text

REASON = "GONE16 the family moved away last week"


def _said(response) -> str:
    """The error page's heading and words, without the header that names who is signed in."""
    page = response.get_data(as_text=True)
    found = re.search(r'<h1 class="govuk-heading-l">(.*?)</h1>\s*<p class="govuk-body">(.*?)</p>', page, re.S)
    assert found, text(response)[:400]
    return " ".join(found.groups())


def _saved_entry(client, case_ref: str) -> str:
    """Save an assessment as the signed-in user; the address of its level form."""
    assert save(client, case_ref).status_code == 302
    entry_id = re.search(r"/entries/(\d+)", client.get(f"/cases/{case_ref}").get_data(as_text=True)).group(1)
    return f"/cases/{case_ref}/entries/{entry_id}/level"


def _removed(engine) -> None:
    assert run_retention(engine, now=datetime.now(timezone.utc) + timedelta(days=36500)).assessments_removed >= 1


def test_a_level_form_sent_after_retention_removed_its_entry_says_nothing_was_recorded(client, people, engine, caplog):
    sign_in(client, "pat")
    url = _saved_entry(client, "FSP-1601")
    form = hidden(client.get(url).get_data(as_text=True))
    _removed(engine)
    r = client.post(url, data={**form, "level": "extensive", "reason": REASON})
    assert r.status_code == 404
    said = _said(r)
    assert said.startswith("Nothing was recorded")
    assert "Anything typed on the form was not kept." in said and "typed the web address" not in said
    assert "GONE16" not in r.get_data(as_text=True) and "GONE16" not in caplog.text  # never kept (review 8 V1)


def test_someone_elses_level_form_gets_the_same_words_as_a_removed_one(client, app, people, engine):
    """Whether the reference exists is not told: sam's post to pat's entry and pat's post to a removed entry read
    the same."""
    sign_in(client, "pat")
    url = _saved_entry(client, "FSP-1602")
    form = hidden(client.get(url).get_data(as_text=True))
    other = app.test_client()
    sign_in(other, "sam")
    not_theirs = other.post(url, data={**form, "level": "extensive", "reason": REASON})
    _removed(engine)
    removed = client.post(url, data={**form, "level": "extensive", "reason": REASON})
    assert not_theirs.status_code == removed.status_code == 404
    assert _said(not_theirs) == _said(removed)


def test_a_case_page_gone_or_not_yours_says_no_saved_assessment_you_can_see_has_the_reference(client, app, people, engine):
    sign_in(client, "pat")
    entry = _saved_entry(client, "FSP-1603").removesuffix("/level")
    other = app.test_client()
    sign_in(other, "sam")
    pages = [other.get("/cases/FSP-1603"), other.get(entry), client.get("/cases/FSP-9999")]
    _removed(engine)
    pages += [client.get("/cases/FSP-1603"), client.get(entry), client.get("/cases/FSP-1603/export.csv")]
    said = {_said(p) for p in pages}
    assert [p.status_code for p in pages] == [404] * 6
    assert len(said) == 1
    [words] = said
    assert "No saved assessment you can see has this reference" in words and "typed the web address" not in words


def test_a_review_sent_for_an_override_that_is_gone_says_nothing_was_recorded(client, app, people, engine):
    sign_in(client, "pat")
    url = _saved_entry(client, "FSP-1604")
    client.post(url, data={**hidden(client.get(url).get_data(as_text=True)), "level": "extensive", "reason": "more help is needed"})
    manager = app.test_client()
    sign_in(manager, "meg")
    review = re.search(r'href="(/overrides/\d+/review)[^"]*"', manager.get("/overrides").get_data(as_text=True)).group(1)
    form = hidden(manager.get(review).get_data(as_text=True))
    _removed(engine)
    r = manager.post(review, data={**form, "note": "GONE16 agreed"})
    assert r.status_code == 404
    assert _said(r).startswith("Nothing was recorded") and "GONE16" not in r.get_data(as_text=True)


def test_assess_again_sent_for_an_entry_that_is_gone_says_nothing_was_recorded(client, people, engine):
    sign_in(client, "pat")
    entry = _saved_entry(client, "FSP-1605").removesuffix("/level")
    form = hidden(client.get(entry).get_data(as_text=True))
    _removed(engine)
    r = client.post(f"{entry}/assess-again", data=form)
    assert r.status_code == 404
    said = _said(r)
    assert said.startswith("Nothing was recorded")
