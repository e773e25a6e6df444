"""A saved entry's stored words of the moment it was decided ("closed now") are said as a record of when it
was saved (review 16 surfaces, N1's class, found by mut16: N1's fix covered the route line; the contacts'
notes and the guidance still said "Closed now" and "Day services are closed now" when read by day)."""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

import pytest
import yaml

from pathway.catalogue import load_catalogue
from pathway.settings import OfficeHours
from rules import evaluate
from store.assessments import save_assessment
from tests.conftest import IN_HOURS, OUT_OF_HOURS, make_case
from tests.webapp.accounts.conftest import sign_in
from tests.webapp.conftest import text

CATALOGUE_YAML = Path(__file__).parents[3] / "pathway" / "data" / "fsp_2014.yaml"
CLOSED_NOW = re.compile(r"closed now", re.IGNORECASE)


def _strings(node, path=()):
    if isinstance(node, str):
        yield path, node
    elif isinstance(node, dict):
        for key, value in node.items():
            yield from _strings(value, (*path, str(key)))
    elif isinstance(node, list):
        for n, value in enumerate(node):
            yield from _strings(value, (*path, str(n)))


def test_every_catalogue_text_saying_closed_now_has_its_saved_words():
    """The class, not the three texts known today: any text the catalogue gives a decision that says "closed
    now" is said as a record on a saved entry. The route's own line is the one other (`closed_now(saved=True)`)."""
    data = yaml.safe_load(CATALOGUE_YAML.read_text())
    phrases = load_catalogue().surfaces.saved_time_words.phrases
    elsewhere = {("surfaces", "route_closed_now", "text")}
    uncovered = [
        ".".join(path)
        for path, said in _strings(data)
        if CLOSED_NOW.search(said) and path[:2] != ("surfaces", "saved_time_words") and path not in elsewhere and not any(p.now in said for p in phrases)
    ]
    assert uncovered == []
    assert all(not CLOSED_NOW.search(p.saved) for p in phrases)


@pytest.mark.parametrize(
    "indicators, disability",
    [
        (["additional.dental_decay_not_accessing"], "none"),  # early help at night: CFD's note and p23's guidance
        (["protection.substantial_lifelong_disability_safeguarding"], "substantial_lifelong"),  # the disabled children's routing at night
    ],
)
def test_a_saved_entry_read_by_day_never_says_closed_now(client, people, engine, clock, indicators, disability):
    clock.set(datetime.fromisoformat(OUT_OF_HOURS))
    case = make_case(indicators, disability=disability, caf="none", caller="professional", contact_time=OUT_OF_HOURS)
    decision = evaluate(case)
    stored_words = " ".join([c.when for c in decision.contacts] + [g.text for g in decision.guidance])
    assert CLOSED_NOW.search(stored_words), "the case must be one whose decision says closed now when made"
    entry = save_assessment(engine, people["pat"], "FSP-0031", case, decision)
    clock.set(datetime.fromisoformat(IN_HOURS))
    client.application.config["OFFICE_HOURS"] = OfficeHours()  # the real hours: open at IN_HOURS
    sign_in(client, "pat")
    page = text(client.get(f"/cases/FSP-0031/entries/{entry.id}"))
    assert not CLOSED_NOW.search(page), page[page.lower().find("closed now") - 200 :][:400]
    assert "closed when this was saved" in page.lower()
