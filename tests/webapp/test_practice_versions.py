"""Scenario authors and versions: every save kept with who and how, a replacement never silent
(its versions and the audit log say who replaced whose), old versions exportable."""

from __future__ import annotations

from pathway.scenarios import loads
from store import audit
from tests.webapp.conftest import signed_in_client, text
from tests.webapp.test_practice_library import _upload, post_editor

ID = "toothache-and-a-cold-house"


def test_every_save_is_a_version_with_its_author_and_audited(app, trainer):
    assert "version 1" in text(trainer.get(post_editor(trainer, "save").location))
    other = signed_in_client(app, "tom", "trainer", "South")
    original = other.get("/practice/scenarios/export.yaml").get_data(as_text=True)
    assert _upload(other, original.replace("Toothache and a cold house", "Toothache, revised").encode()).status_code == 302

    page = text(trainer.get("/practice/scenarios"))
    assert "Toothache, revised" in page and "2, by tom" in page
    versions = text(trainer.get(f"/practice/scenarios/{ID}/versions"))
    assert "2 tom" in versions and "imported" in versions and "1 tess" in versions and "written" in versions
    # the first version is still there, exactly as saved
    [first] = loads(trainer.get(f"/practice/scenarios/{ID}/versions/1.yaml").get_data(as_text=True))
    assert first.title == "Toothache and a cold house"
    rows = audit.entries(app.extensions["fsp_store"])
    saves = [(r.action, r.detail) for r in rows if r.action.startswith("scenario.")]
    assert saves == [("scenario.save", f"scenario={ID} version=1 written"), ("scenario.replace", f"scenario={ID} version=2 imported")]


def test_versions_need_a_trainer_and_a_real_scenario(app, trainer, client):
    assert trainer.get("/practice/scenarios/nothing-here/versions").status_code == 404
    post_editor(trainer, "save")
    assert trainer.get(f"/practice/scenarios/{ID}/versions/9.yaml").status_code == 404
    assert client.get(f"/practice/scenarios/{ID}/versions").location == "/sign-in"
    assert signed_in_client(app, "pat", "practitioner").get(f"/practice/scenarios/{ID}/versions").status_code == 403


def test_replacing_another_trainers_scenario_says_so(app, trainer):
    """Not silent to the one replacing either: the message after saving names the version and
    author it replaced (kept in the versions); saving over one's own says nothing more."""
    post_editor(trainer, "save")
    assert "replaces" not in text(trainer.get(post_editor(trainer, "save").location))  # tess over tess
    other = signed_in_client(app, "tom", "trainer", "South")
    page = text(other.get(post_editor(other, "save").location))
    assert "It replaces version 2 by tess, which is kept in the scenario's versions." in page
    original = other.get("/practice/scenarios/export.yaml").get_data(as_text=True)
    page = text(trainer.get(_upload(trainer, original.encode()).location))
    assert f"{ID} replaces version 3 by tom, which is kept in the scenario's versions." in page
