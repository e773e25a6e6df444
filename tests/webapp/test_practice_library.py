"""The scenario editor (preview, save, validation errors) and import/export through the web."""

from __future__ import annotations

import io
import re

import yaml

from pathway.catalogue import load_catalogue
from pathway.scenarios import dump_scenarios, loads
from tests.webapp.conftest import signed_in_client, text
from webapp.practice.forms import indicator_data

NEW = {
    "title": "Toothache and a cold house",
    "scenario_id": "",
    "narrative": "Mia, 8, has had toothache for weeks; the family cannot heat the flat and she is often tired at school.",
    "born": "yes",
    "age_years": "8",
    "age_months": "0",
    "disability": "none",
    "caf": "none",
    "consent": "yes",
    "current_level": "not_known",
    "large_sibling_group": "not_known",
    "caller": "professional",
    "why": "Two Additional needs: a CAF to bring dental and housing support together.",
    "pages": "13-14",
    "common_mistake": "Treating the dental decay as a health matter only.",
}
TICKS = ["additional.dental_decay_not_accessing", "additional.stress_factors_poor_housing"]


def post_editor(trainer, action="preview", ticks=TICKS, **changes):
    return trainer.post("/practice/scenarios/new", data={**NEW, **changes, **indicator_data(ticks), action: "1"})


def test_editor_page_offers_every_indicator_grouped(trainer):
    page = text(trainer.get("/practice/scenarios/new"))
    catalogue = load_catalogue()
    assert all(i.text in page for i in catalogue.indicators[:5])
    assert "Preview the decision" in page and "Save to the library" in page and "Never use a real child" in page


def test_preview_shows_the_rules_decision_and_saves_nothing(trainer):
    response = post_editor(trainer, "preview")
    assert response.status_code == 200
    page = text(response)
    assert "The rules' decision: Additional" in page
    assert "Indicator at Additional level" in page
    assert "Toothache and a cold house" not in text(trainer.get("/practice/scenarios"))
    ids = re.findall(r'\sid="([^"]+)"', response.get_data(as_text=True))
    assert len(ids) == len(set(ids)), sorted({i for i in ids if ids.count(i) > 1})


def test_save_stores_the_scenario_with_the_rules_level_and_it_can_be_practised(trainer):
    response = post_editor(trainer, "save")
    assert response.status_code == 302 and response.location.endswith("/practice/scenarios")
    page = text(trainer.get("/practice/scenarios"))
    assert "Saved ‘Toothache and a cold house’ to the library as toothache-and-a-cold-house" in page
    assert "Saved in the library (1)" in page
    exported = trainer.get("/practice/scenarios/toothache-and-a-cold-house.yaml")
    assert exported.headers["Content-Disposition"] == 'attachment; filename="toothache-and-a-cold-house.yaml"'
    [scenario] = loads(exported.get_data(as_text=True))
    assert scenario.model.level.value == "additional"
    assert scenario.child.age_years == 8 and scenario.answers.context.consent_to_early_help is True
    assert scenario.answers.context.caller == "professional"
    assert scenario.answers.context.large_sibling_group is None
    assert sorted(scenario.answers.indicators) == sorted(TICKS)
    assert scenario.teaching.pages == "13-14"
    # a trainer can pick it for a session
    assert "Toothache and a cold house" in text(trainer.get("/practice/new"))
    response = trainer.post("/practice/new", data={"scenarios": ["toothache-and-a-cold-house"]})
    assert response.status_code == 302


def test_editor_errors_in_the_error_summary_and_inline(trainer):
    response = post_editor(trainer, "save", title="", why="", ticks=[])
    page = text(response)
    assert response.status_code == 200 and page.startswith("Error: Write a scenario")
    assert "There is a problem" in page and "Enter a title" in page and "Enter why the model answer is right" in page
    assert 'href="#title"' in response.get_data(as_text=True)


def test_editor_refuses_an_indicator_outside_the_age_band_on_its_field(trainer):
    response = post_editor(trainer, "save", ticks=["immediate.unexplained_bruising_under_2"])
    html, page = response.get_data(as_text=True), text(response)
    assert response.status_code == 200 and "There is a problem" in page
    assert "does not fit the age you recorded (8 years; it is for a child under 2 years old)" in page  # the journey's words (X4)
    assert 'href="#ind_immediate"' in html
    assert "Saved in the library (0)" in text(trainer.get("/practice/scenarios"))


def test_editor_refuses_a_shipped_id_and_a_bad_id(trainer):
    page = text(post_editor(trainer, "save", scenario_id="age-under-2-bruising"))
    assert "a shipped scenario already has this id" in page
    page = text(post_editor(trainer, "save", scenario_id="Bad Id!"))
    assert "Scenario id must use lower case letters" in page


def _upload(trainer, content: bytes, name="scenarios.yaml"):
    return trainer.post("/practice/scenarios/import", data={"file": (io.BytesIO(content), name)}, content_type="multipart/form-data")


def test_export_import_round_trip_through_the_web(app, trainer, tmp_path):
    post_editor(trainer, "save")
    post_editor(trainer, "save", title="Second one", scenario_id="second-one")
    first = trainer.get("/practice/scenarios/export.yaml")
    assert first.status_code == 200 and first.mimetype == "application/yaml"
    exported = first.get_data(as_text=True)
    assert [s.id for s in loads(exported)] == ["second-one", "toothache-and-a-cold-house"]

    from webapp import create_app

    other_app = create_app({**app.config, "DATABASE_URL": f"sqlite:///{tmp_path / 'other.sqlite3'}"})
    other = signed_in_client(other_app, "tina", "trainer")
    response = _upload(other, exported.encode())
    assert response.status_code == 302, text(response)
    assert "Imported 2 scenarios: second-one, toothache-and-a-cold-house" in text(other.get("/practice/scenarios"))
    again = other.get("/practice/scenarios/export.yaml").get_data(as_text=True)
    assert again == exported  # byte-identical
    assert loads(again) == loads(exported)

    # a shipped scenario exports too, and re-importing it under its own id is refused
    shipped = trainer.get("/practice/scenarios/age-under-2-bruising.yaml").get_data(as_text=True)
    response = _upload(other, shipped.encode())
    assert "age-under-2-bruising: id: already used by a shipped scenario" in text(response)


def test_import_errors_name_the_scenario_and_field(trainer):
    good = yaml.safe_load(dump_scenarios(loads(trainer.get("/practice/scenarios/age-under-2-bruising.yaml").get_data(as_text=True))))[0]
    bad_indicator = {**good, "id": "bad-one", "model": {**good["model"], "required": ["additional.no_such_thing"]}}
    no_teaching = {k: v for k, v in good.items() if k != "teaching"} | {"id": "bad-two"}
    response = _upload(trainer, yaml.safe_dump([bad_indicator, no_teaching]).encode())
    html, page = response.get_data(as_text=True), text(response)
    assert response.status_code == 200 and page.startswith("Error: Import scenarios")
    assert "There is a problem" in page and "Nothing was imported" in page
    assert "bad-one: model.required[0]: unknown indicator 'additional.no_such_thing'" in page
    assert "bad-two: teaching: Field required" in page
    assert 'href="#file"' in html
    assert "Saved in the library (0)" in text(trainer.get("/practice/scenarios"))

    page = text(_upload(trainer, b"- id: [unclosed"))
    assert "scenarios.yaml: (file): not valid YAML" in page
    page = text(_upload(trainer, b"\xff\xfe", name="x.yaml"))
    assert "x.yaml: the file is not UTF-8 text" in page
    page = text(trainer.post("/practice/scenarios/import", data={}, content_type="multipart/form-data"))
    assert "Select a scenario file" in page


def test_import_replaces_a_saved_scenario_with_the_same_id(trainer):
    post_editor(trainer, "save")
    text_yaml = trainer.get("/practice/scenarios/export.yaml").get_data(as_text=True)
    changed = text_yaml.replace("Toothache and a cold house", "Toothache, revised")
    assert _upload(trainer, changed.encode()).status_code == 302
    page = text(trainer.get("/practice/scenarios"))
    assert "Toothache, revised" in page and "Saved in the library (1)" in page
    assert re.search(r"Imported 1 scenario: toothache-and-a-cold-house", page)


def test_a_saved_scenario_the_catalogue_no_longer_accepts_is_left_out(app, trainer):
    from webapp.practice import records

    with app.app_context():
        records.save_scenario("broken", "- id: broken\n  title: x\n")
    page = text(trainer.get("/practice/scenarios"))
    assert "Saved in the library (0)" in page


def test_import_refuses_an_id_used_twice_in_the_file(trainer):
    post_editor(trainer, "save")
    one = trainer.get("/practice/scenarios/export.yaml").get_data(as_text=True)
    page = text(_upload(trainer, (one + one.replace("- id:", "- id:", 1)).encode()))
    assert "toothache-and-a-cold-house: id: used twice in this file" in page


def test_import_refuses_a_file_that_expands_without_bound(trainer):
    from tests.pathway.scenarios.test_scenarios_format import alias_bomb

    page = text(_upload(trainer, alias_bomb().encode(), name="bomb.yaml"))
    assert "bomb.yaml: (file): more than 1,000,000 values once its aliases (*name) are written out" in page
    assert "Saved in the library (0)" in text(trainer.get("/practice/scenarios"))
