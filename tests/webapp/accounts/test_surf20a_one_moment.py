"""One way to write a moment (review 19 surfaces, noted): the moment of saving read "3 January 2028 at 10:00" on
the saved entry and "3 January 2028, 10:00" on the case page and the managers' list; the result page and the
written referral wrote "10:00 on 3 January 2028", the call screen "10:00, Monday 3 January 2028". Every surface
now writes `pathway.dates.day_time_words`: "3 January 2028 at 10:00"; the files for machines (CSV, JSON) keep
ISO 8601. The oracle is the literal words for the moment the clock is set to, and two patterns for the others.
"""

from __future__ import annotations

import re
from datetime import datetime
from types import SimpleNamespace

from store import assessments
from tests.webapp.accounts.conftest import override_for_meg, put_answers, save, sign_in
from tests.webapp.conftest import text

SAVED = datetime.fromisoformat("2028-01-03T10:00:00+00:00")  # January: UK time is UTC
LATER = datetime.fromisoformat("2028-01-03T14:05:00+00:00")
SAID = "3 January 2028 at 10:00"
# the other ways a day and a time were written: "3 January 2028, 10:00", "10:00 on 3 January 2028",
# "10:00, Monday 3 January 2028", "3 January 2028 10:00"
# ("... saved 3 January 2028 at 14:05" ending one table cell and the next beginning with a date is no other way)
OTHERS = re.compile(r"\d{4},? \d\d:\d\d|(?<!at )\d\d:\d\d,? (on )?(\w+day )?\d{1,2} [A-Z][a-z]+ \d{4}")
CHART_TICK = re.compile(r"<text\b[^>]*>.*?</text>", re.S)  # the chart's drawn labels: "3 Jan 2028" with "10:00" below


def _others(words: str) -> list[str]:
    return [m.group(0) for m in OTHERS.finditer(words)]


def _words(response) -> str:
    """The page's words without the chart's drawn tick labels (its description, written for screen readers, stays)."""
    drawn = CHART_TICK.sub(" ", response.get_data(as_text=True))
    return text(SimpleNamespace(get_data=lambda as_text: drawn))


def test_every_page_about_a_saved_entry_writes_the_moment_one_way(client, people, engine, clock):
    clock.set(SAVED)
    override_for_meg(client, people, engine, "FSP-2028")  # pat saves at 10:00 and records a level; meg signed in
    clock.set(LATER)
    client.post("/sign-out")
    sign_in(client, "pat")
    save(client, "FSP-2028")  # a second on the same day: the chart's words name both times
    first, second = assessments.history(engine, people["pat"], "FSP-2028")
    pages = {
        "case page": "/cases/FSP-2028",
        "saved entry": f"/cases/FSP-2028/entries/{first.id}",
        "entry's document": f"/cases/FSP-2028/entries/{first.id}/document",
    }
    seen = {name: _words(client.get(path)) for name, path in pages.items()}
    client.post("/sign-out")
    sign_in(client, "meg")
    seen["managers' list"] = text(client.get("/overrides"))
    seen["override's review"] = text(client.get(f"/overrides/{assessments.list_overrides(engine, people['meg'])[0][1].id}"))
    for name, words in seen.items():
        assert _others(words) == [], (name, _others(words))
    for name in ("case page", "saved entry", "entry's document", "managers' list"):
        assert SAID in seen[name], name
    assert "3 January 2028 at 14:05" in seen["case page"]  # the second entry, and the chart's words for both
    sign_in(client, "pat")
    exported = client.get("/cases/FSP-2028/export.csv").get_data(as_text=True)
    assert "2028-01-03T10:00:00" in exported and _others(exported) == [] and SAID not in exported  # ISO for machines


def test_the_result_the_referral_and_the_call_screen_write_the_moment_one_way(client, clock):
    clock.set(SAVED)
    put_answers(client, {"health": ["additional.dental_decay_not_accessing"]})
    seen = {
        "result": text(client.get("/result")),
        "referral page": text(client.get("/referral")),
        "referral text": client.get("/referral.txt").get_data(as_text=True),
    }
    client.post("/adviser/", data={"action": "update", "immediate": ["immediate.trafficking_victim"]})
    seen["call screen"] = text(client.get("/adviser/"))
    for name, words in seen.items():
        assert _others(words) == [], (name, _others(words))
    assert f"Checked on {SAID} (UK time" in seen["result"]
    assert f"Written on {SAID} (UK time" in seen["referral page"]
    assert f"Written: {SAID} (UK time" in seen["referral text"]
    assert f"Monday {SAID} (UK time" in seen["call screen"]  # the screen's time row and its summary
    assert seen["call screen"].count(f"Monday {SAID}") >= 2, "the call summary's Time line"
