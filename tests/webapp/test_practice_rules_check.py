"""Review 8 surfaces P1: a scenario enters the practice library only if its model answer is the
rules' decision (docs/practice.md: "a saved scenario always passes `pathway scenarios run`").

The oracle is the document: p9 lists "Allegations or disclosures of abuse ..." among the indicators
"requiring an immediate referral to Social Care", so a model answer of Universal for it is an
under-call the rules contradict. Every way in is checked (import, the editor, the library's save);
a scenario already stored that the rules now contradict is flagged, kept, and kept out of sessions."""

from __future__ import annotations

import io

import pytest
import yaml

from pathway.scenarios import ScenarioErrors, loads
from tests.webapp.conftest import csv_text, text
from tests.webapp.test_practice import answer, join, start_session

DISCLOSURE = "immediate.allegation_or_disclosure"  # p9
WRONG = {
    "id": "r8-imported-wrong-level",
    "title": "R8 imported with a level the rules do not give",
    "narrative": "Amir, 7, tells his teacher his step-dad hit him with a belt last night; he has marks on his legs.",
    "child": {"age_years": 7},
    "model": {"level": "universal", "required": [DISCLOSURE]},
    "teaching": {"why": "test", "pages": "9", "common_mistake": "test"},
}
RIGHT = {**WRONG, "id": "r8-imported-right-level", "model": {"level": "protection", "required": [DISCLOSURE]}}


def _upload(trainer, items) -> object:
    body = yaml.safe_dump(items, sort_keys=False).encode()
    return trainer.post("/practice/scenarios/import", data={"file": (io.BytesIO(body), "scenarios.yaml")}, content_type="multipart/form-data")


def test_import_refuses_a_model_level_the_rules_contradict_naming_field_and_the_rules_level(trainer):
    response = _upload(trainer, [RIGHT, WRONG])
    page = text(response)
    assert response.status_code == 200 and "Nothing was imported" in page
    assert "r8-imported-wrong-level: model.level: the rules decide Protection (immediate referral), not Universal" in page
    # all or nothing: the right one in the same file is not saved either
    assert "Saved in the library (0)" in text(trainer.get("/practice/scenarios"))
    # the same scenario with the rules' level is accepted
    assert _upload(trainer, [RIGHT]).status_code == 302


def test_import_refuses_an_also_acceptable_list_that_moves_the_level(trainer):
    # a 7-year-old's Additional need, with a p9 disclosure "also acceptable": ticking it would change the answer
    item = {
        **WRONG,
        "id": "r8-also-moves",
        "model": {"level": "additional", "required": ["additional.poor_school_attendance_exclusion"], "also_acceptable": [DISCLOSURE]},
    }
    page = text(_upload(trainer, [item]))
    assert "r8-also-moves: model.also_acceptable: with them the rules say protection, without them additional" in page
    assert "Saved in the library (0)" in text(trainer.get("/practice/scenarios"))


def test_import_refuses_other_model_fields_the_rules_contradict(trainer):
    item = {**RIGHT, "id": "r8-not-immediate", "model": {"level": "protection", "required": [DISCLOSURE], "immediate": False}}
    page = text(_upload(trainer, [item]))
    assert "r8-not-immediate: model.immediate: the rules decide Protection (immediate referral): immediate is true" in page


def test_the_library_save_itself_refuses_so_no_way_in_can_skip_the_check(app):
    from webapp.practice import library, records

    [wrong] = loads(yaml.safe_dump([WRONG]))
    with app.test_request_context():
        with pytest.raises(ScenarioErrors) as refused:
            library.save(wrong, None, "imported")
        assert "model.level: the rules decide Protection (immediate referral)" in str(refused.value)
        assert records.saved_scenarios() == []


def _store_behind_the_checks(app, item) -> None:
    """A scenario saved before this check existed (or one a catalogue change has since moved)."""
    from webapp.practice import records

    with app.app_context():
        records.save_scenario(item["id"], yaml.safe_dump([item], sort_keys=False))


def test_a_stored_scenario_the_rules_contradict_is_flagged_kept_and_not_practised(app, trainer):
    _store_behind_the_checks(app, WRONG)
    page = text(trainer.get("/practice/scenarios"))
    assert "Saved in the library (1)" in page  # kept, not deleted
    assert "The rules contradict this model answer: model.level: the rules decide Protection (immediate referral), not Universal" in page
    assert trainer.get("/practice/scenarios/r8-imported-wrong-level.yaml").status_code == 200  # can be exported to fix
    response = trainer.post("/practice/new", data={"scenarios": ["r8-imported-wrong-level"]})
    page = text(response)  # refused (the test client follows the post/redirect/get)
    assert "Error:" in page and "There is a problem" in page
    assert "r8-imported-wrong-level cannot be practised: model.level: the rules decide Protection (immediate referral), not Universal" in page


def test_feedback_of_a_session_started_with_a_contradicted_scenario_follows_the_rules(app, trainer):
    """A session's snapshot from before the check: feedback says the rules' level, never 'higher' for
    the trainee who chose it, and the summary counts agreement with the rules."""
    code = start_session(trainer, ["age-under-2-bruising"])
    # replace the snapshot with the wrong scenario, as a session started before the fix would hold it
    from sqlalchemy import update

    from store.models import practice_sessions
    from webapp import db

    with app.app_context():
        with db.engine().begin() as conn:
            conn.execute(
                update(practice_sessions)
                .where(practice_sessions.c.code == code)
                .values(scenario_ids='["r8-imported-wrong-level"]', scenarios_yaml=yaml.safe_dump([WRONG], sort_keys=False))
            )
    amy = join(app, code, "Amy")
    page = text(answer(amy, code, "r8-imported-wrong-level", "protection", [DISCLOSURE]))
    assert "higher than the model answer" not in page
    assert "Protection (immediate referral)" in page
    ben = join(app, code, "Ben")
    answer(ben, code, "r8-imported-wrong-level", "universal", [DISCLOSURE])
    csv = csv_text(trainer.get(f"/practice/session/{code}/summary.csv"))
    assert "R8 imported with a level the rules do not give,2,50.0" in csv


# --- review 8 surfaces W1: practice feedback in the words every other surface uses --------------


def test_feedback_names_an_immediate_model_answer_as_every_surface_does(app, trainer):
    """The level panel, the reasons' heading and the session summary say 'Protection (immediate
    referral)' for a p9 model answer (pathway.surfaces.level_words), as the saved surfaces do since
    review 7 surfaces F3; a Protection answer that is not immediate is not called one."""
    code = start_session(trainer, ["age-under-2-bruising"])  # 8 months, unexplained bruising (p9)
    cara = join(app, code, "Cara")
    page = text(answer(cara, code, "age-under-2-bruising", "child_in_need", ["immediate.unexplained_bruising_under_2"]))
    assert "The model answer is Protection (immediate referral)" in page
    assert "Why the model answer is Protection (immediate referral)" in page
    summary = text(trainer.get(f"/practice/session/{code}/summary"))
    assert "Model answer: Protection (immediate referral)" in summary


def test_feedback_marks_a_reading_with_the_shared_words(app, trainer):
    """A reason the rules declare a reading ends '; this tool's reading of the document', never 'our interpretation'."""
    from pathway.wording import READING
    from webapp.practice import library

    with app.test_request_context():
        scenario = next(e.scenario for e in library.entries() if any(r.interpretation for r in _decide(e.scenario).reasons))
    code = start_session(trainer, [scenario.id])
    dan = join(app, code, "Dan")
    page = text(answer(dan, code, scenario.id, scenario.model.level.value, list(scenario.model.required)))
    assert READING in page and "our interpretation" not in page


def _decide(scenario):
    from webapp.practice.feedback import decide

    return decide(scenario)
