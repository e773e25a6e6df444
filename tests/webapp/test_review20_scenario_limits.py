"""Review 20 surfaces, S3: every scenario text has a limit, named, the same in the editor and the import. Oracle: the
limits written here (the review's ask: each text refused at its limit + 1, naming the limit, and kept whole at its
limit; each above the longest shipped scenario's)."""

from __future__ import annotations

import io

import pytest
import yaml

from pathway.scenarios import loads
from pathway.scenarios.loader import ScenarioErrors
from tests.webapp.conftest import text
from tests.webapp.test_practice_library import post_editor

LIMITS = {"title": ("Title", 200), "narrative": ("Narrative", 4000), "why": ("Why", 2000), "common_mistake": ("Common mistake", 2000)}


@pytest.mark.parametrize("field", sorted(LIMITS))
def test_the_editor_refuses_a_text_one_past_its_limit_naming_it_and_keeps_one_at_its_limit(trainer, field):
    label, limit = LIMITS[field]
    refused = post_editor(trainer, "preview", **{field: "a" * (limit + 1)})
    assert refused.status_code == 200 and f"{label} must be {limit:,} characters or fewer" in text(refused)
    kept = post_editor(trainer, "save", scenario_id=f"at-limit-{field.replace('_', '-')}", **{field: "a" * limit})
    assert kept.status_code == 302
    [back] = loads(trainer.get(f"/practice/scenarios/at-limit-{field.replace('_', '-')}.yaml").get_data(as_text=True))
    value = back.teaching.model_dump().get(field) if field in ("why", "common_mistake") else getattr(back, field)
    assert value == "a" * limit


def test_the_pages_are_refused_one_past_their_limit_naming_it(trainer):
    refused = post_editor(trainer, "preview", pages="9, " * 26 + "999")
    assert refused.status_code == 200 and "Pages of the threshold document must be 80 characters or fewer" in text(refused)


@pytest.mark.parametrize("field", ["title", "narrative", "why", "common_mistake", "pages"])
def test_the_import_refuses_the_same_text_naming_the_field(trainer, field):
    shipped = yaml.safe_load(trainer.get("/practice/scenarios/age-under-2-bruising.yaml").get_data(as_text=True))[0]
    limit = LIMITS[field][1] if field in LIMITS else 80
    teaching = {**shipped["teaching"]}
    scenario = {**shipped, "id": "too-long"}
    if field in ("why", "common_mistake", "pages"):
        teaching[field] = "1" * (limit + 1) if field == "pages" else "a" * (limit + 1)
        scenario["teaching"] = teaching
    else:
        scenario[field] = "a" * (limit + 1)
    with pytest.raises(ScenarioErrors) as raised:
        loads(yaml.safe_dump([scenario]))
    assert field in str(raised.value) and str(limit) in str(raised.value)
    upload = {"file": (io.BytesIO(yaml.safe_dump([scenario]).encode()), "long.yaml")}
    page = trainer.post("/practice/scenarios/import", data=upload)
    assert page.status_code == 200 and "Nothing was imported" in text(page)
