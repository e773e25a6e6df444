"""Review 15 surfaces, Z5: the owners' ruleset report says, for saved assessments, the level each was
decided with when saved beside today's; and the draft's ruleset string carries its decisions
fingerprint as today's does.

An entry saved as Extensive under a past release, which today's ruleset decides Additional (the case
page: "Today's ruleset would decide differently"), was counted "Additional -> Additional", with no word
of the decision it was saved with; an unchanged draft read "fsp-2014 (1.1.0)" beside today's
"fsp-2014 (1.1.0, decisions ...)", as if another ruleset. Oracle: the threshold document ("Dental decay
and not accessing dental services" is an Additional need, p11), the levels written here, and the
shipped catalogue's recorded fingerprint (pathway/data/fsp_2014.fingerprint)."""

from __future__ import annotations

import io
import json
import re

import yaml

from pathway.catalogue import DATA_FILE, load_catalogue, recorded_fingerprint
from pathway.levels import Level
from rules import evaluate
from store.assessments import answers_for_ruleset_review, save_assessment
from store.db import connect
from tests.conftest import make_case
from tests.webapp.conftest import signed_in_client, text
from training.ruleset_diff import assessment_items, diff, load_draft, render_text

DENTAL = "additional.dental_decay_not_accessing"  # Additional (p11)
OLD = "fsp-2014 (1.0.0, decisions 0123456789ab)"


def _saved(engine, user):
    """FSP-0001 saved Extensive under OLD (today: Additional); FSP-0002 saved today, Additional."""
    case = make_case([DENTAL])
    today = evaluate(case)
    assert today.level == Level.ADDITIONAL
    save_assessment(engine, user, "FSP-0001", case, today.model_copy(update={"ruleset": OLD, "level": Level.EXTENSIVE, "level_name": "Extensive"}))
    save_assessment(engine, user, "FSP-0002", case, today)


def _upload_shipped(admin):
    form = {"file": (io.BytesIO(DATA_FILE.read_bytes()), "draft.yaml"), "saved": "y"}
    return admin.post("/admin/ruleset", data=form, content_type="multipart/form-data", follow_redirects=True)


def test_the_report_counts_an_entry_saved_extensive_that_today_decides_additional(app):
    from store.users import create_user

    engine = app.extensions["fsp_store"]
    admin = signed_in_client(app, "ada", "admin", "Admin")
    _saved(engine, create_user(engine, "pat", "practitioner", "North", "a long enough pass phrase"))
    r = _upload_shipped(admin)
    html = r.get_data(as_text=True)
    page = text(r)
    assert "Saved assessments today's ruleset already decides differently" in page
    assert html.split('id="since-saved-count">')[1].split("<")[0].strip() == "1"  # FSP-0001 only
    row = re.search(r'<table class="govuk-table" id="since-saved-list">.*?</table>', html, re.S)
    assert row, "no list of saved assessments decided differently"
    words = " ".join(re.sub(r"<[^>]+>", " ", row.group(0)).split())
    assert "FSP-0001#" in words and "FSP-0002#" not in words
    assert f"Extensive under ruleset {OLD} Additional Additional" in words  # then, today, draft
    # the table of levels as saved against today's: one Extensive -> Additional, one Additional -> Additional
    saved = re.search(r'id="saved-transitions">.*?</table>', html, re.S).group(0)
    cells = {m[0]: [int(n) for n in re.findall(r">(?:<strong>)?(\d+)<", m[1])] for m in re.findall(r'<th scope="row"[^>]*>([^<]+)</th>(.*?)</tr>', saved, re.S)}
    assert cells["Extensive"][1] == 1 and cells["Additional"][1] == 1  # columns: Universal, Additional, ...
    assert sum(map(sum, cells.values())) == 2
    txt = admin.get("/admin/ruleset/report.txt").get_data(as_text=True)
    assert "Saved assessments today's ruleset decides differently from the decision they were saved with: 1" in txt
    assert re.search(rf"saved assessment FSP-0001#\d+: saved extensive under {re.escape(OLD)}; today additional; draft additional", txt)
    doc = json.loads(admin.get("/admin/ruleset/report.json").get_data(as_text=True))
    assert doc["changed_since_saved"] == 1 and doc["since_saved"][0]["saved"] == {"level": "extensive", "immediate": False, "ruleset": OLD}
    assert doc["saved_transitions"]["extensive"]["additional"] == 1


def test_an_unchanged_draft_carries_today_s_ruleset_string(app):
    admin = signed_in_client(app, "ada", "admin", "Admin")
    page = text(_upload_shipped(admin))
    today = load_catalogue().version
    assert f"decisions {recorded_fingerprint(DATA_FILE)}" in today
    assert f"Today's ruleset {today}" in page and f"Draft ruleset {today}" in page


def test_a_draft_that_decides_otherwise_carries_another_fingerprint():
    data = yaml.safe_load(DATA_FILE.read_text(encoding="utf-8"))
    data["interpretations"]["combination"]["min_indicators"] = 3  # three Additional needs for Extensive, not two
    report = diff([], load_catalogue(), load_draft(yaml.safe_dump(data, sort_keys=False, allow_unicode=True)))
    fp = re.fullmatch(r"fsp-2014 \(\S+, decisions ([0-9a-f]{12})\)", report.draft)
    assert fp and fp[1] != recorded_fingerprint(DATA_FILE)


def test_the_command_line_report_says_the_same(tmp_path):
    from store.users import create_user

    engine = connect(f"sqlite:///{tmp_path / 'fsp.sqlite3'}")
    _saved(engine, create_user(engine, "pat", "practitioner", "North", "a long enough pass phrase"))
    report = diff(assessment_items(answers_for_ruleset_review(engine, None)), load_catalogue(), load_draft(DATA_FILE.read_text(encoding="utf-8")))
    assert len(report.since_saved) == 1 and report.saved_transitions == {("extensive", "additional"): 1, ("additional", "additional"): 1}
    assert report.changes == () and report.draft == report.current
    assert "Saved assessments today's ruleset decides differently from the decision they were saved with: 1" in render_text(report)
