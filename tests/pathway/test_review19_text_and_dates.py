"""Review 19 surfaces, S1, S2 and S4: the closed day is written in words in the decision's own
sentences (pathway.dates, the one date writer), every text field of a scenario and of a draft
catalogue goes through the one typed-text check (pathway.written_text) on every road in, and an
optional field with nothing visible in it is empty. Oracle: the days, words and bytes written here by
hand, the refusals the editor already gave (review 18), and the shipped files."""

from __future__ import annotations

import copy
import json
import re
from datetime import date, datetime, timezone

import pytest
import yaml

from cli.main import main
from pathway import written_text
from pathway.catalogue import DATA_FILE, load_catalogue
from pathway.models import Case
from pathway.scenarios import ScenarioErrors, loads
from pathway.scenarios.loader import check_file, default_paths, expand
from pathway.settings import OfficeHours
from rules import evaluate
from training.ruleset_diff import DraftError, load_draft

ISO_DAY = re.compile(r"\d{4}-\d\d-\d\d")
P9 = "immediate.unexplained_injuries"
NEW_YEAR_OBSERVED = datetime(2028, 1, 3, 10, 0, tzinfo=timezone.utc)  # Monday, New Year's Day (observed)
KEPT = ["👨\u200d👩\u200d👧 family of three", "عائلة أحمد", "Zoë's Monday", "ن\u200cی"]  # joiners, Arabic, Persian ZWNJ


def _decide(moment: datetime, office_hours: OfficeHours | None = None):
    case = Case.parse({"child": {"age_years": 8}, "indicators": [P9], "context": {"contact_time": moment.isoformat()}})
    return evaluate(case, office_hours=office_hours)


# S1 -------------------------------------------------------------------------------------------------


def test_the_bank_holiday_is_named_in_words_not_iso():
    d = _decide(NEW_YEAR_OBSERVED)
    closed = next(a.text for a in d.assumptions if a.id == "closed_today")
    assert closed.startswith("3 January 2028 is New Year's Day (observed), a bank holiday: ")
    assert not [a.text for a in d.assumptions if ISO_DAY.search(a.text)]
    assert d.contact_time == NEW_YEAR_OBSERVED  # the machine's field keeps the moment, ISO 8601 in JSON
    assert '"contact_time":"2028-01-03T10:00:00Z"' in d.model_dump_json()


def test_locally_set_closed_dates_are_listed_in_words_in_date_order():
    hours = OfficeHours(closed_dates=frozenset({date(2028, 1, 5), date(2027, 12, 29)}))
    d = _decide(datetime(2028, 1, 5, 11, 0, tzinfo=timezone.utc), hours)
    by_id = {a.id: a.text for a in d.assumptions}
    assert "local closed dates: 29 December 2027, 5 January 2028" in by_id["bank_holidays"]
    assert by_id["closed_today"].startswith("5 January 2028 is a locally set closed date: ")
    assert "Monday to Friday, 08:30 to 17:00 (UK time)" in by_id["office_hours"]
    assert not [t for t in by_id.values() if ISO_DAY.search(t)]


def test_pathway_assess_writes_the_closed_day_in_words(monkeypatch, capsys, tmp_path):
    path = tmp_path / "case.json"
    path.write_text(json.dumps({"child": {"age_years": 8}, "indicators": [P9], "context": {"contact_time": "2028-01-03T10:00Z"}}))
    assert main(["assess", str(path)]) == 0
    decision = json.loads(capsys.readouterr().out)
    texts = [a["text"] for a in decision["assumptions"]]
    assert any(t.startswith("3 January 2028 is New Year's Day (observed)") for t in texts)
    assert not [t for t in texts if ISO_DAY.search(t)]


# S2 -------------------------------------------------------------------------------------------------

SHIPPED = expand(default_paths(), [])


def _one_scenario() -> dict:
    data = yaml.safe_load(SHIPPED[0].read_text(encoding="utf-8"))
    raw = copy.deepcopy(data[0] if isinstance(data, list) else data)
    raw["id"] = "r19-a"
    return raw


def _with(field: str, value: str) -> str:
    raw = _one_scenario()
    node = raw
    *parents, last = field.split(".")
    for p in parents:
        node = node[p]
    node[last] = value
    return yaml.safe_dump(raw, allow_unicode=True)


NOT_WRITTEN = "must be written text: remove the control characters pasted into it"
NOTHING = "has nothing to read: spaces or zero-width characters alone are no text"


@pytest.mark.parametrize(
    "field, value, said",
    [
        ("title", "\u202eR19FLIP", NOT_WRITTEN),
        ("title", "R19\x1b[31mRED", NOT_WRITTEN),
        ("title", "   ", NOTHING),
        ("title", "\u200b", NOTHING),
        ("narrative", "Ali\x07, 8, says he is stupid", NOT_WRITTEN),
        ("teaching.why", "\u202ebackwards", NOT_WRITTEN),
        ("teaching.common_mistake", "\u2067isolated", NOT_WRITTEN),
        ("teaching.pages", "\u200b\u200b", NOTHING),
    ],
)
def test_an_imported_scenario_is_refused_naming_the_file_scenario_and_field(field, value, said):
    with pytest.raises(ScenarioErrors) as refused:
        loads(_with(field, value), name="upload.yaml")
    assert [str(e) for e in refused.value.errors] == [f"upload.yaml: r19-a: {field}: {said}"]


def test_a_cited_quotation_is_checked_too():
    raw = _one_scenario()
    raw["teaching"]["cites"] = [{"lines": "612", "says": "\u202eabc"}]
    with pytest.raises(ScenarioErrors) as refused:
        loads(yaml.safe_dump(raw, allow_unicode=True), name="upload.yaml")
    assert str(refused.value.errors[0]) == f"upload.yaml: r19-a: teaching.cites[0].says: {NOT_WRITTEN}"


@pytest.mark.parametrize("title", KEPT)
def test_ordinary_text_with_joiners_and_right_to_left_scripts_is_imported(title):
    (scenario,) = loads(_with("title", title), name="upload.yaml")
    assert scenario.title == title


def test_every_shipped_scenario_still_loads():
    assert SHIPPED
    for file in SHIPPED:
        _, problems = check_file(file, load_catalogue())
        assert problems == [], file


def test_a_draft_catalogue_with_a_control_character_in_its_text_is_refused_naming_the_field():
    text = DATA_FILE.read_text(encoding="utf-8")
    marker = "Office hours are taken as"
    assert marker in text
    with pytest.raises(DraftError) as refused:
        load_draft(text.replace(marker, "Office \u202ehours are taken as"))
    assert [(e.field, e.message) for e in refused.value.errors] == [("assumptions.office_hours.text", NOT_WRITTEN)]


def test_the_shipped_catalogue_has_only_written_text():
    assert written_text.faults_in(yaml.safe_load(DATA_FILE.read_text(encoding="utf-8"))) == []


# S4 -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("typed", ["", "   ", "\u200b\u200b", " \u200b\n\u2060 ", "\u200d", "\ufeff"])
def test_nothing_visible_is_empty(typed):
    assert written_text.or_empty(typed) == ""
    assert written_text.or_empty(None) == ""


@pytest.mark.parametrize("typed", [*KEPT, " a ", "R19"])
def test_visible_text_is_kept_as_typed(typed):
    assert written_text.or_empty(typed) == typed
