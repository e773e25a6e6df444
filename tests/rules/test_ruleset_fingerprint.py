"""A change to what the rules decide changes the ruleset every decision carries (hazard H9).

Saved entries keep their ruleset, and the case page compares an entry decided under another ruleset
with today's. The edition in the catalogue stayed 1.0.0 through five rounds of rule fixes, so an
entry saved under a since-corrected rule was never compared: the ruleset string now also carries
the fingerprint of the decisions, recorded beside the catalogue and checked here."""

import shutil
from datetime import datetime, timezone

from pathway import Case, load_catalogue
from pathway.catalogue import DATA_FILE, recorded_fingerprint
from rules import evaluate
from scripts import ruleset_fingerprint as fp
from tests.ruleset_string import EDITION, FINGERPRINT, RULESET
from training.ruleset_diff import load_draft

T = datetime(2026, 12, 1, 10, 0, tzinfo=timezone.utc)


def test_the_recorded_fingerprint_is_that_of_today_s_rules():
    today = fp.fingerprint()
    assert today == FINGERPRINT, (
        f"The rules now decide differently from the decisions recorded as {FINGERPRINT} (today: {today}). "
        "If the change is meant, run `.venv/bin/python -m scripts.ruleset_fingerprint --record`, bump the edition "
        "in fsp_2014.yaml if this is a release to the partnership, and say in the commit what changed."
    )


def test_every_decision_names_the_edition_and_the_fingerprint_and_fits_the_stored_column():
    decision = evaluate(Case.parse({"indicators": ["additional.experiencing_bullying"], "context": {"contact_time": T.isoformat()}}))
    assert decision.ruleset == RULESET == f"fsp-2014 ({EDITION}, decisions {FINGERPRINT})"
    assert len(RULESET) <= 64  # store.models: assessments.ruleset is String(64)
    assert recorded_fingerprint(DATA_FILE) == FINGERPRINT


def test_a_changed_rule_changes_the_fingerprint_and_so_the_ruleset_string():
    text = DATA_FILE.read_text(encoding="utf-8")
    # the Emergency Duty Team's number (Key contacts, p23), which every out-of-hours route names
    assert text.count('phone: "0115 876 1000"') == 1
    draft = load_draft(text.replace('phone: "0115 876 1000"', 'phone: "0115 876 1001"'))
    same = load_draft(text)
    assert fp.fingerprint(same, cases=300) == fp.fingerprint(load_catalogue(), cases=300)
    assert fp.fingerprint(draft, cases=300) != fp.fingerprint(load_catalogue(), cases=300)


def test_a_catalogue_without_a_recorded_fingerprint_names_its_edition_alone(tmp_path):
    copy = tmp_path / "fsp_2014.yaml"
    shutil.copy(DATA_FILE, copy)
    assert load_catalogue(copy).version == f"fsp-2014 ({EDITION})"
    assert load_draft(DATA_FILE.read_text(encoding="utf-8")).version == f"fsp-2014 ({EDITION})"


def test_the_environment_s_office_hours_do_not_move_the_fingerprint(monkeypatch):
    before = fp.fingerprint(cases=200)
    monkeypatch.setenv("FSP_OFFICE_CLOSES", "09:00")  # closed all day: every decision read from it would change
    at_ten = Case.parse({"child": {"age_years": 9}, "indicators": ["protection.severe_chronic_health_problems"], "context": {"contact_time": T.isoformat()}})
    assert evaluate(at_ten).route.phone == "0115 876 1000"  # a plain evaluate() reads it: the Emergency Duty Team at 10:00
    assert fp.fingerprint(cases=200) == before
