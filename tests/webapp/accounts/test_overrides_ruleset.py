"""A level recorded against an entry saved under an earlier ruleset (review 12 surfaces, W3): the
overrides table, the review page and the override form name the ruleset the tool decided under and,
where today's ruleset decides another level, that level and whether it is the one recorded; the
JSON and CSV exports carry today's decision (`todays_ruleset`, `todays_level`, `todays_changes`,
empty when today's ruleset decides the same). The "Lower than the tool's" flag stays: it compares
the recorded level with the decision the person saw and overrode (docs/oversight.md).

The oracle for today's level is the threshold document: "Dental decay and not accessing dental
services" is an Additional need (p11), so today's rules decide Additional for it alone."""

from __future__ import annotations

import csv
import io
import json
import re
from html import unescape

from pathway.catalogue import load_catalogue
from pathway.levels import Level
from rules import evaluate
from store.assessments import record_override, save_assessment
from tests.conftest import make_case
from tests.webapp.accounts.conftest import sign_in
from tests.webapp.conftest import csv_text, text

DENTAL = "additional.dental_decay_not_accessing"  # Additional (p11)
OLD = "fsp-2014 (0.9.0, decisions 0123456789ab)"
TODAY = load_catalogue().version


def _saved(engine, people):
    """FSP-0001: Extensive under OLD, Additional recorded (today's level). FSP-0002: Additional under
    OLD as today, Child in Need recorded. FSP-0003: today's ruleset, Universal recorded."""
    case = make_case([DENTAL])
    today = evaluate(case)
    assert today.level == Level.ADDITIONAL and today.ruleset == TODAY
    old_extensive = today.model_copy(update={"ruleset": OLD, "level": Level.EXTENSIVE, "level_name": "Extensive"})
    e1 = save_assessment(engine, people["pat"], "FSP-0001", case, old_extensive)
    e2 = save_assessment(engine, people["pat"], "FSP-0002", case, today.model_copy(update={"ruleset": OLD}))
    e3 = save_assessment(engine, people["pat"], "FSP-0003", case, today)
    o1 = record_override(engine, people["pat"], e1.id, "additional", "School says it is mild")
    o2 = record_override(engine, people["pat"], e2.id, "child_in_need", "Disclosure after the visit")
    o3 = record_override(engine, people["pat"], e3.id, "universal", "Seen by the dentist now")
    return (e1, o1), (e2, o2), (e3, o3)


def _row(html: str, override_id: int) -> str:
    m = re.search(rf'<tr[^>]*id="override-{override_id}".*?</tr>', html, re.S)
    assert m, override_id
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", m.group(0))).split())


def test_the_overrides_table_names_the_ruleset_and_todays_level(client, people, engine):
    (_, o1), (_, o2), (_, o3) = _saved(engine, people)
    sign_in(client, "meg")
    html = client.get("/overrides").get_data(as_text=True)
    r1, r2, r3 = _row(html, o1.id), _row(html, o2.id), _row(html, o3.id)
    assert f"Decided under ruleset {OLD}" in r1 and "Extensive" in r1 and "Lower than the tool's" in r1
    assert f"Today's ruleset, {TODAY}, decides Additional: the level recorded" in r1
    assert f"Decided under ruleset {OLD}" in r2 and "Today's ruleset" not in r2  # today's decides the same
    assert f"Decided under ruleset {TODAY}" in r3 and "Today's ruleset" not in r3


def test_the_review_page_and_the_override_form_say_the_same(client, people, engine):
    (e1, o1), (e2, o2), _ = _saved(engine, people)
    sign_in(client, "meg")
    review = text(client.get(f"/overrides/{o1.id}/review"))
    assert f"Decided under ruleset {OLD}" in review and f"Today's ruleset, {TODAY}, decides Additional: the level recorded" in review
    same = text(client.get(f"/overrides/{o2.id}/review"))
    assert f"Decided under ruleset {OLD}" in same and "Today's ruleset" not in same
    sign_in(client, "pat")
    form = text(client.get(f"/cases/FSP-0001/entries/{e1.id}/level"))
    assert f"under ruleset {OLD}" in form and f"Today's ruleset, {TODAY}, decides Additional: the level recorded" in form


def test_an_earlier_decision_today_s_ruleset_raises_is_named_without_saying_recorded(client, people, engine):
    """Universal under OLD, Protection recorded: today's Additional is named, and is not the level recorded."""
    case = make_case([DENTAL])
    old = evaluate(case).model_copy(update={"ruleset": OLD, "level": Level.UNIVERSAL, "level_name": "Universal", "reasons": []})
    e = save_assessment(engine, people["pat"], "FSP-0004", case, old)
    o = record_override(engine, people["pat"], e.id, "protection", "Disclosure")
    sign_in(client, "meg")
    row = _row(client.get("/overrides").get_data(as_text=True), o.id)
    assert f"Today's ruleset, {TODAY}, decides Additional" in row and "decides Additional: the level recorded" not in row


def test_the_exports_carry_todays_decision(client, people, engine):
    _saved(engine, people)
    sign_in(client, "pat")
    want = {  # case reference -> (todays_ruleset, todays_level, todays_changes)
        "FSP-0001": (TODAY, "additional", ["level"]),
        "FSP-0002": (None, None, []),
        "FSP-0003": (None, None, []),
    }
    for ref, (ruleset, level, changes) in want.items():
        [entry] = json.loads(client.get(f"/cases/{ref}/export.json").get_data(as_text=True))["entries"]
        assert (entry["todays_ruleset"], entry["todays_level"], entry["todays_changes"]) == (ruleset, level, changes), ref
        [row] = list(csv.DictReader(io.StringIO(csv_text(client.get(f"/cases/{ref}/export.csv")))))
        assert (row["todays_ruleset"], row["todays_level"], row["todays_changes"]) == (ruleset or "", level or "", ";".join(changes)), ref
        assert row["ruleset"] == entry["ruleset"] != ""
